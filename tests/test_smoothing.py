"""Loss smoothing (TensorBoard's debiased EMA) and the one peak decimator, against hand-computed numbers."""
from __future__ import annotations

import math

import numpy as np
import pytest

from bpviz.decimate import PeakCache, peak_decimate
from bpviz.smoothing import smoothed


def tensorboard(values, weight):
    """TensorBoard's smoothing loop, written out as its scalar dashboard does it."""
    last, count, out = 0.0, 0, []
    for v in values:
        if not math.isfinite(v):
            out.append(v)
            continue
        last = last * weight + (1 - weight) * v
        count += 1
        out.append(last / (1 - weight ** count))
    return np.array(out)


def test_smoothing_by_hand():
    # w = 0.5: acc 0.5, 1.75, (NaN skipped), 1.875; den 0.5, 0.75, 0.875
    out = smoothed([1.0, 3.0, np.nan, 2.0], 0.5)
    np.testing.assert_allclose(out[[0, 1, 3]], [1.0, 1.75 / 0.75, 1.875 / 0.875], rtol=1e-15)
    assert np.isnan(out[2])
    np.testing.assert_array_equal(smoothed([4.0, 2.0], 0.0), [4.0, 2.0])
    assert smoothed([np.inf, 2.0], 0.9).tolist() == [np.inf, 2.0]  # the first finite value is itself


@pytest.mark.parametrize("weight", [0.01, 0.3, 0.6, 0.9, 0.99, 0.999])
def test_smoothing_matches_tensorboards_loop(weight):
    rng = np.random.RandomState(3)
    x = rng.rand(9000) * 3
    x[[10, 4000, 4001]] = [np.nan, np.inf, np.nan]
    np.testing.assert_allclose(smoothed(x, weight), tensorboard(x, weight), rtol=1e-12)


def test_smoothing_rejects_weights_outside_its_range():
    with pytest.raises(ValueError, match="smoothing must be between 0 and 0.999"):
        PeakCache(smoothing=1.0)


@pytest.mark.parametrize("weight", [0.0, 0.6, 0.99])
def test_peak_cache_draws_the_smoothed_series_exactly_while_it_grows(weight):
    rng = np.random.RandomState(5)
    y = rng.rand(300_017).astype(np.float32)
    y[123_456] = 50.0
    reference = tensorboard(y.astype(np.float64), weight) if weight else y.astype(np.float64)
    cache = PeakCache(smoothing=weight)
    for n in (5000, 100_000, 300_017):  # grows a frame at a time
        cache.update(y[:n])
    for lo, hi in ((0, len(y)), (120_000, 130_000), (299_000, len(y)), (10, 400)):
        x, d = cache.decimate(lo, hi, 500)
        i0, i1 = max(lo - 1, 0), min(hi + 2, len(y))
        assert len(x) <= 1003
        assert d.min() == pytest.approx(reference[i0:i1].min(), rel=1e-9)
        assert d.max() == pytest.approx(reference[i0:i1].max(), rel=1e-9)
        assert d[-1] == pytest.approx(reference[i1 - 1], rel=1e-9)


def test_peak_decimate_of_a_short_history_is_the_history():
    x, y = peak_decimate(np.array([3.0, 1.0, 2.0]), 100, smoothing=0.5)
    np.testing.assert_array_equal(x, [0, 1, 2])
    np.testing.assert_allclose(y, tensorboard([3.0, 1.0, 2.0], 0.5))
