"""bpviz.engine.tf_random against TensorFlow 1's CPU kernels (spec: docs/tf1-random-init.md).

Reference values come from the spec, from vectors recorded with TensorFlow 2.21 (compat.v1), and
from this machine's glibc, whose logf/sincosf TensorFlow calls.
"""
import ctypes
import ctypes.util
import json
import os
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from bpviz.engine import tf_random
from bpviz.engine.tf_random import (
    glibc_logf, glibc_sincosf, philox4x32, random_normal, random_uniform, truncated_normal,
)

VECTORS_NAME = "tf1-random-vectors.json"
TUTORIAL_KEY = (87654321, 0)  # graph seed unset, op seed 1 -> (87654321, 1)
TUTORIAL_W1 = [[-0.8113182, 1.4845988, 0.06532937], [-2.4427042, 0.0992484, 0.5912243]]


def bits(a):
    return np.asarray(a, dtype=np.float32).view(np.uint32)


def hex_words(a):
    return [format(int(v), "08x") for v in np.asarray(a).ravel()]


# --- seeds and counters ------------------------------------------------------------------

def test_seed_rules():
    assert tf_random._tf_seeds(1, None) == (87654321, 1)
    assert tf_random._tf_seeds(2**31 + 1, None) == (87654321, 2)
    assert tf_random._tf_seeds(7, 2**31 + 3) == (4, 7)
    assert tf_random._tf_seeds(0, 0) == (0, 2**31 - 1)
    with pytest.raises(ValueError):
        tf_random._tf_seeds(None, 5)


def test_counters_carry_across_all_128_bits():
    near_2_64 = tf_random._counters(2**64 - 2, np.arange(4, dtype=np.uint64))
    assert near_2_64.tolist() == [
        [0xFFFFFFFE, 0xFFFFFFFF, 0, 0], [0xFFFFFFFF, 0xFFFFFFFF, 0, 0], [0, 0, 1, 0], [1, 0, 1, 0],
    ]
    wraps = tf_random._counters(2**128 - 1, np.arange(2, dtype=np.uint64))
    assert wraps.tolist() == [[0xFFFFFFFF] * 4, [0, 0, 0, 0]]
    assert tf_random._counters(0x1_00000000_FFFFFFFE, np.array([3], np.uint64)).tolist() == [[1, 1, 1, 0]]


# --- Philox (section 3) ------------------------------------------------------------------

def test_philox_random123_known_answer():
    assert hex_words(philox4x32([[0, 0, 0, 0]], (0, 0))) == ["6627e8d5", "e169c58d", "bc57ac4c", "9b00dbd8"]


def test_philox_tutorial_blocks():
    out = philox4x32([[0, 0, 1, 0], [1, 0, 1, 0]], (0x05397FB1, 0))
    assert out.dtype == np.uint32 and out.shape == (2, 4)
    assert hex_words(out[0]) == ["ab1e98c7", "cdf5cfa7", "f1867731", "4c3f748e"]
    assert hex_words(out[1]) == ["00eaf265", "c4836362", "a50b474a", "8f3a73d9"]


# --- recorded TensorFlow vectors ---------------------------------------------------------

VECTORS = Path(__file__).resolve().parent / "data" / VECTORS_NAME  # recorded with TensorFlow (docs/tf1-random-init.md)
CASES = json.loads(VECTORS.read_text())["cases"]


def test_the_recorded_vectors_cover_every_function():
    assert len(CASES) == 8
    assert {c["fn"] for c in CASES} == {"random_normal", "truncated_normal", "random_uniform"}
    assert CASES[0]["shape"] == [2, 3] and CASES[0]["seed"] == 1  # the tutorial's w1


FUNCTIONS = {"random_normal": random_normal, "truncated_normal": truncated_normal,
             "random_uniform": random_uniform}


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{i}-{c['fn']}-{'x'.join(map(str, c['shape']))}-seed{c['seed']}")
                                  for i, c in enumerate(CASES)])
def test_matches_recorded_tensorflow_vector(case):
    kwargs = {k: case[k] for k in ("stddev", "mean", "minval", "maxval") if k in case}
    out = FUNCTIONS[case["fn"]](case["shape"], seed=case["seed"], **kwargs)
    assert out.dtype == np.float32
    assert out.shape == tuple(case["shape"])
    assert hex_words(bits(out)) == case["float32_bits_hex"]


# --- the tutorial (sections 6 and 11) ----------------------------------------------------

def test_tutorial_w1_and_w2_share_one_stream():
    w1 = random_normal([2, 3], seed=1)
    w2 = random_normal([3, 1], seed=1)
    assert w1.dtype == np.float32 and w1.shape == (2, 3)
    np.testing.assert_array_equal(bits(w1), bits(TUTORIAL_W1))
    np.testing.assert_array_equal(bits(w2), bits(w1[0].reshape(3, 1)))
    np.testing.assert_array_equal(bits(random_normal([5, 5], seed=1).ravel()[:6]), bits(w1).ravel())


# Section 11: pair, then u1, u, v1, logf(u1), u2, sin v1, cos v1, f0, f1 as in docs/tf1-random-init.md.
WORKED_EXAMPLE = [
    ((0xab1e98c7, 0xcdf5cfa7),
     "0.23903739 0.92039955 5.783041 -1.4311353 1.6918247 -0.47955218 0.87751335 -0.8113182 1.4845988"),
    ((0xf1867731, 0x4c3f748e),
     "0.05051243 0.49574447 3.1148543 -2.9855359 2.4435778 0.026735133 -0.99964255 0.06532937 -2.4427042"),
    ((0x00eaf265, 0xc4836362),
     "0.83552229 0.026470423 0.16631857 -0.17969824 0.59949684 0.16555284 0.98620093 0.0992484 0.5912243"),
    ((0xa50b474a, 0x8f3a73d9), "0.08811307 0.45666039 2.8692818 -2.4291344 2.2041481 - - 0.592823 -2.1229296"),
]


@pytest.mark.parametrize("pair, printed", WORKED_EXAMPLE)
def test_worked_example_intermediates(pair, printed):
    x0, x1 = (np.array([v], np.uint32) for v in pair)
    u1 = np.maximum(tf_random._uint32_to_float(x0), np.float32(1e-7))
    u = tf_random._uint32_to_float(x1)
    v1 = (u.astype(np.float64) * (2 * np.pi)).astype(np.float32)
    log_u1 = glibc_logf(u1)
    u2 = np.sqrt(np.float32(-2) * log_u1)
    sin, cos = glibc_sincosf(v1)
    f0, f1 = tf_random._box_muller(x0, x1)
    ours = [u1, u, v1, log_u1, u2, sin, cos, f0, f1]
    for value, text in zip(ours, printed.split()):
        if text == "-":
            continue
        # The table prints each float32 rounded to some digits; ours must round to the same.
        decimals = len(re.sub(r"^-?\d*\.", "", text))
        assert abs(float(value[0]) - float(text)) <= 0.5 * 10.0**-decimals * (1 + 1e-9), (text, value)
    assert f0.dtype == f1.dtype == np.float32


def test_run_index_and_seed2_select_the_counter():
    # Run k of an op with N outputs starts at seed2*2^64 + k*N*256 (section 2).
    n, seed = 5, 3
    out = random_uniform([n], seed=seed, run_index=2)
    start = 2 * n * 256
    blocks = philox4x32([[start, 0, seed, 0], [start + 1, 0, seed, 0]], TUTORIAL_KEY)
    expected = (blocks.ravel()[:n] & 0x7FFFFF).astype(np.float64) * 2.0**-23
    np.testing.assert_array_equal(out, expected.astype(np.float32))
    assert not np.array_equal(random_normal([2, 3], seed=1, run_index=1), TUTORIAL_W1)


def test_graph_seed_changes_the_key():
    out = random_uniform([4], seed=7, graph_seed=2**31 + 3)
    block = philox4x32([[0, 0, 7, 0]], (4, 0))[0]
    np.testing.assert_array_equal(out, ((block & 0x7FFFFF) * 2.0**-23).astype(np.float32))
    zero = random_uniform([4], seed=0, graph_seed=0)
    block = philox4x32([[0, 0, 2**31 - 1, 0]], (0, 0))[0]
    np.testing.assert_array_equal(zero, ((block & 0x7FFFFF) * 2.0**-23).astype(np.float32))


def test_uniform_scaling_follows_python_types():
    raw = random_uniform([9], seed=2)
    np.testing.assert_array_equal(random_uniform([9], 0, 3, seed=2), raw * np.float32(3))
    lo, hi = np.float32(-0.3), np.float32(0.7)
    np.testing.assert_array_equal(random_uniform([9], -0.3, 0.7, seed=2), raw * (hi - lo) + lo)
    assert raw.min() >= 0 and raw.max() < 1


def test_normal_scaling_is_float32_mul_then_add():
    rnd = random_normal([3, 4], seed=5)
    out = random_normal([3, 4], stddev=0.1, mean=0.3, seed=5)
    np.testing.assert_array_equal(bits(out), bits(rnd * np.float32(0.1) + np.float32(0.3)))


def test_truncated_normal_matches_group_by_group_reference():
    n, seed = 1001, 4
    _, _, key, start = tf_random._stream([n], seed, None, 0)
    expected = []
    for group in range(-(-n // 4)):
        kept, block = [], 0
        while len(kept) < 4:
            counter = tf_random._counters(start, np.array([group * 256 + block], np.uint64))
            values = tf_random._normals_from_blocks(philox4x32(counter, key))[0]
            kept += [v for v in values if abs(v) < 2][: 4 - len(kept)]
            block += 1
        expected += kept
    out = truncated_normal([n], stddev=0.5, mean=0.3, seed=seed)
    reference = np.array(expected[:n], np.float32) * np.float32(0.5) + np.float32(0.3)
    np.testing.assert_array_equal(bits(out), bits(reference))
    assert np.all(np.abs(truncated_normal([64, 64], seed=seed)) < 2)


def count_python_calls(fn):
    """How many Python-level function calls `fn()` makes (a per-element loop makes one or more per element)."""
    calls = [0]

    def profile(frame, event, arg):
        if event == "call":
            calls[0] += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return calls[0]


def test_large_tensor_shape_dtype_and_vectorised():
    w = random_normal([512, 512], seed=1)
    # vectorised: the work for 262,144 elements is NumPy's, not a Python loop's (how fast is the benchmark's)
    assert count_python_calls(lambda: random_normal([512, 512], seed=1)) < 1000
    assert w.shape == (512, 512) and w.dtype == np.float32
    assert abs(float(w.mean())) < 0.01 and abs(float(w.std()) - 1) < 0.01
    np.testing.assert_array_equal(bits(w.ravel()[:6]), bits(TUTORIAL_W1).ravel())


def test_float64_libm_would_be_wrong_on_about_one_percent(monkeypatch):
    exact = random_normal([100_000], seed=1)

    def log_float64(x):
        return np.log(np.asarray(x, np.float64)).astype(np.float32)

    def sincos_float64(x):
        x = np.asarray(x, np.float64)
        return np.sin(x).astype(np.float32), np.cos(x).astype(np.float32)

    monkeypatch.setattr(tf_random, "glibc_logf", log_float64)
    monkeypatch.setattr(tf_random, "glibc_sincosf", sincos_float64)
    rounded = random_normal([100_000], seed=1)
    differ = np.flatnonzero(bits(rounded) != bits(exact))
    assert 0.005 < differ.size / exact.size < 0.02  # spec: 0.7-1.5%
    assert differ[0] == 94
    ulps = np.abs(bits(rounded).view(np.int32).astype(np.int64) - bits(exact).view(np.int32))
    assert ulps.max() <= 3
    np.testing.assert_array_equal(bits(rounded[:6]), bits(exact[:6]))  # the tutorial can't tell


# --- glibc ports against this machine's libm --------------------------------------------

def _libm():
    try:
        version = os.confstr("CS_GNU_LIBC_VERSION") or ""
    except (ValueError, OSError, AttributeError):
        version = ""
    match = re.fullmatch(r"glibc (\d+)\.(\d+).*", version)
    if not match or tuple(map(int, match.groups())) < (2, 28):
        pytest.skip(f"needs glibc >= 2.28 (the algorithms ported), this is {version or 'not glibc'!r}")
    libm = ctypes.CDLL(ctypes.util.find_library("m"))
    libm.logf.restype, libm.logf.argtypes = ctypes.c_float, [ctypes.c_float]
    ptr = ctypes.POINTER(ctypes.c_float)
    libm.sincosf.restype, libm.sincosf.argtypes = None, [ctypes.c_float, ptr, ptr]
    return libm


def _sample_k():
    """k of u = k*2^-23: 200k at random plus every boundary the ports branch on, +-4."""
    k_all = np.arange(2**23, dtype=np.float64)
    v1_all = (k_all * 2.0**-23 * (2 * np.pi)).astype(np.float32)
    thresholds = [2.0**-12, 0.75] + [m * np.pi / 4 for m in range(1, 8)]
    edges = [np.searchsorted(v1_all, t) for t in thresholds]
    edges += [2**j for j in range(24)] + [0, 2**23 - 1]
    near = (np.array(edges)[:, None] + np.arange(-4, 5)).ravel()
    rng = np.random.default_rng(20240601)
    k = np.concatenate([near, rng.integers(0, 2**23, 200_000)])
    return np.unique(k[(k >= 0) & (k < 2**23)]).astype(np.float64)


def test_glibc_logf_matches_system_libm_on_box_muller_inputs():
    libm = _libm()
    u1 = np.maximum((_sample_k() * 2.0**-23).astype(np.float32), np.float32(1e-7))
    expected = np.array([libm.logf(v) for v in u1.tolist()], np.float32)
    np.testing.assert_array_equal(bits(glibc_logf(u1)), bits(expected))


def test_glibc_sincosf_matches_system_libm_on_box_muller_inputs():
    libm = _libm()
    v1 = (_sample_k() * 2.0**-23 * (2 * np.pi)).astype(np.float32)
    s, c = ctypes.c_float(), ctypes.c_float()
    ps, pc = ctypes.byref(s), ctypes.byref(c)
    expected = []
    for v in v1.tolist():
        libm.sincosf(v, ps, pc)
        expected.append((s.value, c.value))
    expected = np.array(expected, np.float32)
    sin, cos = glibc_sincosf(v1)
    np.testing.assert_array_equal(bits(sin), bits(expected[:, 0]))
    np.testing.assert_array_equal(bits(cos), bits(expected[:, 1]))


def test_glibc_ports_on_other_inputs_and_shapes():
    libm = _libm()
    x = np.array([[1.0, 2.0, 1e-30, 3.4e38], [0.5, 7.0, 1.5, 1e-7]], np.float32)
    out = glibc_logf(x)
    assert out.shape == x.shape and out[0, 0] == 0
    np.testing.assert_array_equal(bits(out).ravel(), bits([libm.logf(v) for v in x.ravel().tolist()]))
    y = np.array([-119.9, -3.0, -1e-5, -0.0, 0.0, 1e-30, 0.7, 50.0, 119.99], np.float32)
    sin, cos = glibc_sincosf(y)
    s, c = ctypes.c_float(), ctypes.c_float()
    for value, got_sin, got_cos in zip(y.tolist(), sin, cos):
        libm.sincosf(value, ctypes.byref(s), ctypes.byref(c))
        assert bits(got_sin) == bits(s.value) and bits(got_cos) == bits(c.value), value
    for bad in (0.0, -1.0, np.inf, np.nan, 1e-40):
        with pytest.raises(ValueError):
            glibc_logf(np.array([bad], np.float32))
    for bad in (120.0, -200.0, np.inf, np.nan):
        with pytest.raises(ValueError):
            glibc_sincosf(np.array([bad], np.float32))
