"""The live plot's incremental decimation draws exactly what decimating the whole history afresh draws."""
import numpy as np
import pytest

from bpviz.decimate import PeakCache, minmax_bins, stable_bin_size


def fresh(y: np.ndarray, lo: int, hi: int, target: int, weight: float = 0.0):
    cache = PeakCache(smoothing=weight)
    cache.update(y)
    return cache.decimate(lo, hi, target, stable=True)


def test_stable_bin_sizes_are_powers_of_two_and_one_and_a_half_times_them():
    sizes = [stable_bin_size(k) for k in range(1, 100)]
    assert sizes[:12] == [1, 2, 3, 4, 6, 6, 8, 8, 12, 12, 12, 12]
    assert all(s >= k for k, s in zip(range(1, 100), sizes))
    assert all(s < 1.5 * k for k, s in zip(range(1, 100), sizes))  # never much coarser than asked


@pytest.mark.parametrize("weight", [0.0, 0.6])
def test_a_growing_history_decimates_as_if_read_whole_every_frame(weight):
    rng = np.random.default_rng(3)
    y = rng.random(400_000).astype(np.float32)
    y[[17, 123_456, 399_999]] = [7.0, -2.0, 9.0]
    y[200_000] = np.nan  # a diverged step inside a bin
    cache = PeakCache(smoothing=weight)
    n = 0
    for grow in rng.integers(1, 9000, size=80):
        n = min(n + int(grow), len(y))
        cache.update(y[:n])
        for lo, hi in ((0, n), (n // 3, n)):
            x, d = cache.decimate(lo, hi, 700, stable=True)
            fx, fd = fresh(y[:n], lo, hi, 700, weight)
            np.testing.assert_array_equal(x, fx)
            # smoothed values read from another bin boundary may differ in the last bit
            np.testing.assert_allclose(d, fd, rtol=1e-12) if weight else np.testing.assert_array_equal(d, fd)


def test_a_rewritten_history_is_read_again():
    rng = np.random.default_rng(4)
    y = rng.random(300_000).astype(np.float32)
    cache = PeakCache()
    cache.update(y)
    cache.decimate(0, len(y), 500, stable=True)
    rewound = y.copy()
    rewound[150_000:] = 0.5  # a rewind to step 150,000 and different training since
    rewound[250_000] = 42.0
    cache.update(rewound)
    x, d = cache.decimate(0, len(rewound), 500, stable=True)
    assert d.max() == 42.0
    np.testing.assert_array_equal(d, fresh(rewound, 0, len(rewound), 500)[1])
    # the bins themselves: each min/max pair is the extremes of its k samples
    k = stable_bin_size(-(-(len(y) + 1) // 500))
    _, mins, maxs = minmax_bins(rewound.astype(np.float64), k)
    np.testing.assert_array_equal(d[:-1:2], mins)
    np.testing.assert_array_equal(d[1:-1:2], maxs)
