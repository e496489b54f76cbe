"""TensorBoard's loss smoothing: a debiased exponential moving average that skips non-finite values.

For weight w in [0, 1) and values x_1, x_2, ...:

    acc_t = w * acc_(t-1) + (1 - w) * x_t        (acc_0 = 0)
    den_t = w * den_(t-1) + (1 - w)              (= 1 - w**t, the debiasing factor)
    smoothed_t = acc_t / den_t

A NaN or infinite x_t leaves acc and den unchanged and is shown as itself, as TensorBoard does, so a
diverged step stays visible.  Written with cumulative products in blocks short enough that w**length
never underflows, so ten million values cost a few hundred vectorised NumPy calls, not a Python loop.
"""
from __future__ import annotations

import math

import numpy as np

MAX_WEIGHT = 0.999
_BLOCK_LIMIT = 4096
_MIN_FACTOR_LOG10 = -150.0  # w**length >= 1e-150: the block's rescaling stays inside float64's range


def check_weight(weight: float) -> float:
    weight = float(weight)
    if not 0.0 <= weight <= MAX_WEIGHT:
        raise ValueError(f"smoothing must be between 0 and {MAX_WEIGHT}, got {weight:g}")
    return weight


def ema_state(values, weight: float, acc: float = 0.0, den: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """The running (acc, den) after each of `values`, continuing from (acc, den)."""
    x = np.asarray(values, dtype=np.float64)
    n = len(x)
    if n == 0:
        return np.empty(0), np.empty(0)
    size = _BLOCK_LIMIT if weight == 0 else max(1, min(_BLOCK_LIMIT, int(_MIN_FACTOR_LOG10 / math.log10(weight))))
    size = min(size, n)
    rows = -(-n // size)
    finite = np.zeros(rows * size, bool)
    finite[:n] = np.isfinite(x)
    xs = np.zeros(rows * size)
    xs[:n] = np.where(finite[:n], x, 0.0)
    # per step: acc <- a*acc + b*x; a skipped (or padding) value has a = 1, b = 0 and leaves the state alone
    a = np.where(finite, weight, 1.0).reshape(rows, size)
    b = np.where(finite, 1.0 - weight, 0.0).reshape(rows, size)
    p = np.cumprod(a, axis=1)  # a_1 ... a_t within each block, never below 1e-150
    accs = p * np.cumsum(b * xs.reshape(rows, size) / p, axis=1)  # each block as if it started from zero
    dens = p * np.cumsum(b / p, axis=1)
    acc_in, den_in = np.empty(rows), np.empty(rows)
    for k in range(rows):  # carry each block's final state into the next
        acc_in[k], den_in[k] = acc, den
        acc = p[k, -1] * acc + accs[k, -1]
        den = p[k, -1] * den + dens[k, -1]
    accs += p * acc_in[:, None]
    dens += p * den_in[:, None]
    return accs.ravel()[:n], dens.ravel()[:n]


def smoothed(values, weight: float, acc: float = 0.0, den: float = 0.0) -> np.ndarray:
    """Debiased EMA of `values` (float64), optionally continuing a series whose state was (acc, den)."""
    x = np.asarray(values, dtype=np.float64)
    if weight == 0:
        return x.copy()
    accs, dens = ema_state(x, weight, acc, den)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = accs / dens
    return np.where(np.isfinite(x), out, x)
