"""TensorFlow 1 CPU random initialisers, reproduced bit for bit in NumPy.

`tf.random_normal`, `tf.truncated_normal` and `tf.random_uniform` (graph mode, float32) are
Philox4x32-10 counters fed through TF's Box-Muller. TF calls the system `logf`/`sincosf`, and
glibc's versions are not correctly rounded, so those two are ported here: with plain float64
log/sin/cos about 1% of a large tensor comes out 1-3 ulp off.

Spec and sources: docs/tf1-random-init.md (section numbers below refer to it).
"""
from __future__ import annotations

import math

import numpy as np

__all__ = [
    "random_normal", "truncated_normal", "random_uniform",
    "philox4x32", "glibc_logf", "glibc_sincosf",
]

# --- seeds (section 1) -------------------------------------------------------------------

_DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1


def _tf_seeds(seed, graph_seed):
    """TF's random_seed.get_seed for an explicit op seed."""
    if seed is None:
        # Without an op seed TF either draws a random seed or counts ops in creation order.
        raise ValueError("an op seed is required to reproduce TensorFlow")
    op_seed = int(seed) % _MAXINT32
    g = _DEFAULT_GRAPH_SEED if graph_seed is None else int(graph_seed) % _MAXINT32
    if (g, op_seed) == (0, 0):
        # (0, 0) means "nondeterministic" to the C++ kernel.
        return 0, _MAXINT32
    return g, op_seed


# --- Philox4x32-10 (section 3) -----------------------------------------------------------

_U32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)
_U64 = (1 << 64) - 1
_PHILOX_M0 = np.uint64(0xD2511F53)
_PHILOX_M1 = np.uint64(0xCD9E8D57)
_PHILOX_W0 = 0x9E3779B9
_PHILOX_W1 = 0xBB67AE85


def philox4x32(counters, key) -> np.ndarray:
    """Philox4x32-10 of each 4-word counter row under `key = (k0, k1)`; (n, 4) uint32 out."""
    c = np.asarray(counters, dtype=np.uint32).reshape(-1, 4)
    # uint64 lanes so that the 32x32 -> 64-bit products are exact.
    x0, x1, x2, x3 = (c[:, j].astype(np.uint64) for j in range(4))
    k0, k1 = int(key[0]) & 0xFFFFFFFF, int(key[1]) & 0xFFFFFFFF
    for _ in range(10):
        p0 = x0 * _PHILOX_M0
        p1 = x2 * _PHILOX_M1
        x0, x1, x2, x3 = ((p1 >> _SHIFT32) ^ x1 ^ np.uint64(k0), p1 & _U32,
                          (p0 >> _SHIFT32) ^ x3 ^ np.uint64(k1), p0 & _U32)
        k0 = (k0 + _PHILOX_W0) & 0xFFFFFFFF
        k1 = (k1 + _PHILOX_W1) & 0xFFFFFFFF
    return np.stack([x0, x1, x2, x3], axis=1).astype(np.uint32)


def _counters(start: int, offsets: np.ndarray) -> np.ndarray:
    """128-bit counters `start + offsets` (mod 2^128) as (n, 4) little-endian uint32 words."""
    offsets = np.asarray(offsets, dtype=np.uint64)
    lo = np.uint64(start & _U64) + offsets          # wraps mod 2^64 ...
    carry = (lo < offsets).astype(np.uint64)        # ... and a wrap shows as lo < addend
    hi = np.uint64((start >> 64) & _U64) + carry
    words = [lo & _U32, lo >> _SHIFT32, hi & _U32, hi >> _SHIFT32]
    return np.stack(words, axis=1).astype(np.uint32)


# --- glibc logf (section 7; glibc sysdeps/ieee754/flt-32/e_logf.c, e_logf_data.c) -------

_h = float.fromhex
_LOGF_OFF = np.uint32(0x3F330000)
_LOGF_INVC, _LOGF_LOGC = (np.array(col) for col in zip(*[
    (_h("0x1.661ec79f8f3bep+0"), _h("-0x1.57bf7808caadep-2")),
    (_h("0x1.571ed4aaf883dp+0"), _h("-0x1.2bef0a7c06ddbp-2")),
    (_h("0x1.49539f0f010bp+0"), _h("-0x1.01eae7f513a67p-2")),
    (_h("0x1.3c995b0b80385p+0"), _h("-0x1.b31d8a68224e9p-3")),
    (_h("0x1.30d190c8864a5p+0"), _h("-0x1.6574f0ac07758p-3")),
    (_h("0x1.25e227b0b8eap+0"), _h("-0x1.1aa2bc79c81p-3")),
    (_h("0x1.1bb4a4a1a343fp+0"), _h("-0x1.a4e76ce8c0e5ep-4")),
    (_h("0x1.12358f08ae5bap+0"), _h("-0x1.1973c5a611cccp-4")),
    (_h("0x1.0953f419900a7p+0"), _h("-0x1.252f438e10c1ep-5")),
    (_h("0x1p+0"), _h("0x0p+0")),
    (_h("0x1.e608cfd9a47acp-1"), _h("0x1.aa5aa5df25984p-5")),
    (_h("0x1.ca4b31f026aap-1"), _h("0x1.c5e53aa362eb4p-4")),
    (_h("0x1.b2036576afce6p-1"), _h("0x1.526e57720db08p-3")),
    (_h("0x1.9c2d163a1aa2dp-1"), _h("0x1.bc2860d22477p-3")),
    (_h("0x1.886e6037841edp-1"), _h("0x1.1058bc8a07ee1p-2")),
    (_h("0x1.767dcf5534862p-1"), _h("0x1.4043057b6ee09p-2")),
]))
_LN2 = _h("0x1.62e42fefa39efp-1")
_LOGF_A0 = _h("-0x1.00ea348b88334p-2")
_LOGF_A1 = _h("0x1.5575b0be00b6ap-2")
_LOGF_A2 = _h("-0x1.ffffef20a4123p-2")


def glibc_logf(x) -> np.ndarray:
    """glibc (>= 2.28) logf, bit for bit, for positive normal float32 inputs."""
    x = np.asarray(x, dtype=np.float32)
    ix = x.reshape(-1).view(np.uint32)
    # Unsigned compare: true exactly for positive normals (glibc's slow path covers the rest).
    if np.any(ix - np.uint32(0x00800000) >= np.uint32(0x7F800000 - 0x00800000)):
        raise ValueError("glibc_logf is ported for positive normal inputs only")
    tmp = ix - _LOGF_OFF
    i = (tmp >> np.uint32(19)) & np.uint32(15)
    k = (tmp.view(np.int32) >> 23).astype(np.float64)
    z = (ix - (tmp & np.uint32(0xFF800000))).view(np.float32).astype(np.float64)
    # One numpy op per C operation: each rounds to double, as glibc does without FMA.
    r = z * _LOGF_INVC[i] - 1.0
    y0 = _LOGF_LOGC[i] + k * _LN2
    r2 = r * r
    y = _LOGF_A1 * r + _LOGF_A2
    y = _LOGF_A0 * r2 + y
    y = y * r2 + (y0 + r)
    out = np.where(ix == np.uint32(0x3F800000), np.float32(0), y.astype(np.float32))
    return out.reshape(x.shape)


# --- glibc sincosf (section 7; s_sincosf.c, s_sincosf.h, s_sincosf_data.c) --------------

_SINCOS_SIGN = np.array([1.0, -1.0, -1.0, 1.0])
_HPI_INV = _h("0x1.45F306DC9C883p+23")   # 2/pi * 2^24
_HPI = _h("0x1.921FB54442D18p0")         # pi/2
_C0, _C1, _C2, _C3, _C4 = (1.0, _h("-0x1.ffffffd0c621cp-2"), _h("0x1.55553e1068f19p-5"),
                           _h("-0x1.6c087e89a359dp-10"), _h("0x1.99343027bf8c3p-16"))
_S1, _S2, _S3 = _h("-0x1.555545995a603p-3"), _h("0x1.1107605230bc4p-7"), _h("-0x1.994eb3774cf24p-13")


def _abstop12(x: np.ndarray) -> np.ndarray:
    return (x.view(np.uint32) >> np.uint32(20)) & np.uint32(0x7FF)


_TOP12_TINY = int(_abstop12(np.array([2.0**-12], np.float32))[0])
_TOP12_PIO4 = int(_abstop12(np.array([_h("0x1.921FB6p-1")], np.float32))[0])
_TOP12_120 = int(_abstop12(np.array([120.0], np.float32))[0])


def glibc_sincosf(x) -> tuple[np.ndarray, np.ndarray]:
    """glibc (>= 2.28) sincosf, bit for bit, for float32 inputs with |x| < 120."""
    y = np.asarray(x, dtype=np.float32)
    flat = y.reshape(-1)
    top = _abstop12(flat)
    if np.any(top >= _TOP12_120):  # also catches inf and nan
        raise ValueError("glibc_sincosf is ported for |x| < 120 only")
    xd = flat.astype(np.float64)
    # reduce_fast without TOINT_INTRINSICS (x86-64); astype truncates toward zero like C's cast.
    n = ((xd * _HPI_INV).astype(np.int64) + 0x800000) >> 24
    # Below pi/4 glibc skips the reduction; with n = 0 the reduced path is the same arithmetic.
    n[top < _TOP12_PIO4] = 0
    xd = xd - n * _HPI
    xs = xd * _SINCOS_SIGN[n & 3]
    x2 = xd * xd

    x4 = x2 * x2
    x3 = x2 * xs
    c2 = _C3 + x2 * _C4
    s1 = _S2 + x2 * _S3
    c1 = _C0 + x2 * _C1
    x5 = x3 * x2
    x6 = x4 * x2
    s = xs + x3 * _S1
    c = c1 + x4 * _C2
    sin_poly = (s + x5 * s1).astype(np.float32)
    cos_poly = (c + x6 * c2).astype(np.float32)
    # glibc's second table negates C0..C4; round-to-nearest is sign-symmetric, so that is
    # exactly a negated result.
    cos_poly = np.where(n & 2, -cos_poly, cos_poly)
    odd = (n & 1).astype(bool)
    sin = np.where(odd, cos_poly, sin_poly)
    cos = np.where(odd, sin_poly, cos_poly)

    tiny = top < _TOP12_TINY
    sin = np.where(tiny, flat, sin)
    cos = np.where(tiny, np.float32(1), cos)
    return sin.reshape(y.shape), cos.reshape(y.shape)


# --- TF's uint32 -> float and Box-Muller (sections 4, 5) --------------------------------

def _uint32_to_float(x: np.ndarray) -> np.ndarray:
    """Low 23 bits as a float in [0, 1): exact, via the mantissa of [1, 2)."""
    bits = (x & np.uint32(0x7FFFFF)) | np.uint32(0x3F800000)
    return bits.view(np.float32) - np.float32(1)


_TWO_PI = 2.0 * math.pi  # M_PI is a double in TF's C++, so v1 is computed in double
_U1_MIN = np.float32(1.0e-7)


def _box_muller(x0: np.ndarray, x1: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """TF's BoxMullerFloat: (sine branch, cosine branch), float32."""
    u1 = _uint32_to_float(x0)
    u1 = np.where(u1 < _U1_MIN, _U1_MIN, u1)
    v1 = (_uint32_to_float(x1).astype(np.float64) * _TWO_PI).astype(np.float32)
    # Looked up at call time so tests can swap in other libm evaluations.
    u2 = np.sqrt(np.float32(-2.0) * glibc_logf(u1))
    sin, cos = glibc_sincosf(v1)
    return sin * u2, cos * u2


def _normals_from_blocks(blocks: np.ndarray) -> np.ndarray:
    """(n, 4) Philox blocks -> (n, 4) normals ordered sin(x0,x1), cos(x0,x1), sin(x2,x3), cos(x2,x3)."""
    sin, cos = _box_muller(blocks[:, 0::2], blocks[:, 1::2])
    return np.stack([sin, cos], axis=2).reshape(-1, 4)


# --- kernels and Python-level scaling (sections 2, 6, 8, 9) -----------------------------

def _shape_tuple(shape) -> tuple[int, ...]:
    if np.ndim(shape) == 0:
        return (int(shape),)
    return tuple(int(d) for d in shape)


def _stream(shape, seed, graph_seed, run_index):
    """Output shape, element count, Philox key and the first counter of this run's reservation."""
    if int(run_index) < 0:
        raise ValueError("run_index must be >= 0")
    shape = _shape_tuple(shape)
    n = math.prod(shape)
    seed1, seed2 = _tf_seeds(seed, graph_seed)
    key = (seed1 & 0xFFFFFFFF, seed1 >> 32)
    # Each run of the op reserves n*256 Philox blocks (ReserveRandomOutputs(n, 256)).
    start = ((seed2 << 64) + int(run_index) * n * 256) % (1 << 128)
    return shape, n, key, start


def _group_blocks(n: int, key, start: int) -> np.ndarray:
    """Block g of the reservation fills output group g (elements 4g..4g+3)."""
    groups = -(-n // 4)
    return philox4x32(_counters(start, np.arange(groups, dtype=np.uint64)), key)


def random_normal(shape, stddev=1.0, mean=0.0, seed=1, graph_seed=None, run_index=0) -> np.ndarray:
    """TF1 `tf.random_normal(shape, mean, stddev, seed=seed)` (float32, CPU), bit for bit.

    `graph_seed` is `tf.set_random_seed`'s value; `run_index` is k for the k-th (0-based) run of
    the same op in one session.
    """
    shape, n, key, start = _stream(shape, seed, graph_seed, run_index)
    rnd = _normals_from_blocks(_group_blocks(n, key, start)).reshape(-1)[:n]
    # TF: Mul then AddV2, each a float32 op.
    return (rnd * np.float32(stddev) + np.float32(mean)).reshape(shape)


def truncated_normal(shape, stddev=1.0, mean=0.0, seed=1, graph_seed=None, run_index=0) -> np.ndarray:
    """TF1 `tf.truncated_normal(...)` (float32, CPU), bit for bit: normals with |x| < 2 kept."""
    shape, n, key, start = _stream(shape, seed, graph_seed, run_index)
    groups = -(-n // 4)
    out = np.empty((groups, 4), dtype=np.float32)
    filled = np.zeros(groups, dtype=np.int64)
    pending = np.arange(groups, dtype=np.int64)
    # Group g draws blocks start + 256g, +1, +2, ... until it has 4 accepted values; rejections
    # are rare, so each pass handles every group that still needs values.
    block = 0
    while pending.size:
        offsets = pending.astype(np.uint64) * np.uint64(256) + np.uint64(block)
        values = _normals_from_blocks(philox4x32(_counters(start, offsets), key))
        accepted = np.abs(values) < np.float32(2.0)
        slot = filled[pending, None] + np.cumsum(accepted, axis=1) - 1
        keep = accepted & (slot < 4)
        rows = np.broadcast_to(pending[:, None], keep.shape)[keep]
        out[rows, slot[keep]] = values[keep]
        filled[pending] = np.minimum(filled[pending] + accepted.sum(axis=1), 4)
        pending = pending[filled[pending] < 4]
        block += 1
    rnd = out.reshape(-1)[:n]
    return (rnd * np.float32(stddev) + np.float32(mean)).reshape(shape)


def random_uniform(shape, minval=0, maxval=1, seed=1, graph_seed=None, run_index=0) -> np.ndarray:
    """TF1 `tf.random_uniform(shape, minval, maxval, seed=seed)` (float32, CPU), bit for bit."""
    shape, n, key, start = _stream(shape, seed, graph_seed, run_index)
    rnd = _uint32_to_float(_group_blocks(n, key, start)).reshape(-1)[:n]
    # TF tests for the *Python int* defaults and then skips the arithmetic.
    if isinstance(minval, int) and minval == 0:
        if not (isinstance(maxval, int) and maxval == 1):
            rnd = rnd * np.float32(maxval)
    else:
        lo, hi = np.float32(minval), np.float32(maxval)
        rnd = rnd * (hi - lo) + lo
    return rnd.reshape(shape)
