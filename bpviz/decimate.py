"""Min/max ("peak") decimation of long loss histories, so a 10-million-step curve costs a few thousand points.

One implementation for the live plot (`PeakCache`, incremental) and exported figures (`peak_decimate`);
Qt-free.

Every bin contributes its minimum and its maximum, so spikes survive and the decimated curve has exactly
the extremes of the full data. NaN is skipped inside a bin (np.fmin/np.fmax); an all-NaN bin stays NaN and
shows as a gap, which is what a diverged run should look like.
"""
from __future__ import annotations

import math

import numpy as np

from .smoothing import check_weight, ema_state, smoothed

# smoothing is recomputed for samples read directly; beyond this many the cached bins serve (coarser)
_MAX_SMOOTHED_READ = 1 << 18


def minmax_bins(y: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Offsets of bin starts, bin minima, bin maxima for bins of k consecutive samples (last bin may be short)."""
    n = len(y)
    full = n // k
    body = y[: full * k].reshape(full, k)
    mins, maxs = np.fmin.reduce(body, axis=1), np.fmax.reduce(body, axis=1)
    starts = np.arange(full) * k
    if full * k < n:
        tail = y[full * k:]
        mins = np.append(mins, np.fmin.reduce(tail))
        maxs = np.append(maxs, np.fmax.reduce(tail))
        starts = np.append(starts, full * k)
    return starts, mins, maxs


def interleave(x: np.ndarray, mins: np.ndarray, maxs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each bin as two points at the same x (min then max): a vertical stroke covering its range."""
    return np.repeat(x, 2).astype(np.float64), np.stack([mins, maxs], axis=1).ravel().astype(np.float64)


def decimate_xy(x: np.ndarray, y: np.ndarray, target: int) -> tuple[np.ndarray, np.ndarray]:
    """Peak-decimate an explicit (x, y) series (x sorted) to at most ~2*target points. Copies, never views."""
    n = len(y)
    if n <= 2 * target:
        return np.array(x, dtype=np.float64), np.array(y, dtype=np.float64)
    starts, mins, maxs = minmax_bins(y, math.ceil(n / target))
    xd, yd = interleave(np.asarray(x)[starts], mins, maxs)
    return np.append(xd, x[-1]), np.append(yd, y[-1])


class PeakCache:
    """Min/max of every `base` consecutive samples of a series that usually only grows.

    update() is called with the whole history each frame; only bins not seen before are computed, so a
    growing 10M-point history costs microseconds per frame. A history that was rewritten (rewind, new run)
    is detected by comparing the first and last sample of every cached bin with the new data; bins from the
    first mismatch on are recomputed.

    With a smoothing weight, the bins and points are those of the smoothed series (`bpviz.smoothing`),
    computed from the raw one: only the smoother's state at every bin boundary is kept (16 bytes a bin),
    never a smoothed copy of the whole history.
    """

    def __init__(self, base: int = 1024, smoothing: float = 0.0):
        self.base = base
        self.smoothing = check_weight(smoothing)
        self.clear()

    def clear(self) -> None:
        self._fine: _FineBins | None = None
        self.y = np.empty(0)
        self._firsts = np.empty(0)
        self._lasts = np.empty(0)
        self.mins = np.empty(0)
        self.maxs = np.empty(0)
        self._states = np.zeros((1, 2))  # smoother (acc, den) after 0, base, 2*base, ... samples

    def values(self, i0: int, i1: int) -> np.ndarray:
        """Samples i0 .. i1-1 of the series this cache draws (smoothed if asked), float64."""
        if self.smoothing == 0:
            return np.array(self.y[i0:i1], dtype=np.float64)
        j = min(i0 // self.base, len(self._states) - 1)
        start = j * self.base
        acc, den = self._states[j]
        return smoothed(self.y[start:i1], self.smoothing, acc, den)[i0 - start:]

    def _samples(self, i0: int, i1: int) -> np.ndarray:
        """values(i0, i1), but the raw series as it is (a view, no float64 copy): for min/max only."""
        return self.y[i0:i1] if self.smoothing == 0 else self.values(i0, i1)

    def update(self, y: np.ndarray) -> None:
        b = self.base
        complete = len(y) // b
        keep = min(len(self.mins), complete)
        if y.dtype != self._firsts.dtype:
            keep = 0
        if keep:
            same = _same(y[0: keep * b: b], self._firsts[:keep]) & _same(y[b - 1: keep * b: b], self._lasts[:keep])
            if not same.all():
                keep = int(np.argmin(same))
        self.y = y
        if self._fine is not None:
            self._fine.forget_after(keep * b)
        if keep < complete:
            if self.smoothing == 0:
                _, mins, maxs = minmax_bins(y[keep * b: complete * b], b)
            else:
                acc, den = self._states[keep]
                raw = y[keep * b: complete * b]
                accs, dens = ema_state(raw, self.smoothing, acc, den)
                self._states = np.concatenate([self._states[: keep + 1],
                                               np.stack([accs[b - 1::b], dens[b - 1::b]], axis=1)])
                with np.errstate(invalid="ignore", divide="ignore"):
                    _, mins, maxs = minmax_bins(np.where(np.isfinite(raw), accs / dens, raw), b)
            # in the series' own type: the extremes of float32 losses are float32 values, kept in 8 bytes a bin
            self.mins = np.concatenate([self.mins[:keep].astype(mins.dtype, copy=False), mins])
            self.maxs = np.concatenate([self.maxs[:keep].astype(maxs.dtype, copy=False), maxs])
        else:
            self.mins, self.maxs = self.mins[:keep], self.maxs[:keep]
            self._states = self._states[: keep + 1]
        self._firsts = y[0: complete * b: b].copy()
        self._lasts = y[b - 1: complete * b: b].copy()

    def decimate(self, lo: float, hi: float, target: int, stable: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) to draw for the index range [lo, hi] (floats from the view, clipped to the data), ~2*target points.

        `stable`: bins of a size that changes rarely as the history grows (between target/1.5 and target of
        them), so that a live plot asking every frame reuses the bins it completed before and reads only
        the samples added since (without it, every frame would re-read every sample of a history shorter
        than 2*target*base)."""
        y, b = self.y, self.base
        n = len(y)
        if n == 0:
            return np.empty(0), np.empty(0)
        i0 = int(np.clip(math.floor(lo) - 1, 0, n - 1))  # one sample beyond each edge so the line leaves the view
        i1 = int(np.clip(math.ceil(hi) + 2, i0 + 1, n))
        count = i1 - i0
        if count <= 2 * target:
            return np.arange(i0, i1, dtype=np.float64), self.values(i0, i1)
        k = math.ceil(count / target)
        if stable:
            k = stable_bin_size(k)
        if k < 2 * b and (self.smoothing == 0 or count <= _MAX_SMOOTHED_READ):
            # bins finer than the cache: read the samples themselves (< 2*target*base of them)
            if stable:
                starts, mins, maxs = self._fine_bins(i0, i1, k)
            else:
                starts, mins, maxs = minmax_bins(self._samples(i0, i1), k)
                starts = starts + i0
            xd, yd = interleave(starts, mins, maxs)
        else:  # whole cached bins, grouped; the partial bin at the end is read directly
            per = math.ceil(k / b)
            b0, b1 = i0 // b, min(i1 // b, len(self.mins))
            starts, mins, _ = minmax_bins(self.mins[b0:b1], per)
            _, _, maxs = minmax_bins(self.maxs[b0:b1], per)
            xd, yd = interleave((starts + b0) * b, mins, maxs)
            if b1 * b < i1:
                tail = self._samples(b1 * b, i1)
                xd = np.append(xd, [b1 * b, b1 * b])
                yd = np.append(yd, [np.fmin.reduce(tail), np.fmax.reduce(tail)])
        return np.append(xd, i1 - 1), np.append(yd, self.values(i1 - 1, i1))

    def _fine_bins(self, i0: int, i1: int, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Bins of k samples from i0 to i1: those inside complete cache bins are kept between calls (update()
        checks that part of the history for rewrites), the rest is read afresh."""
        fine = self._fine
        if fine is None or fine.i0 != i0 or fine.k != k or fine.end > i1:
            fine = self._fine = _FineBins(i0, k)
        settled = min(i1, len(self.mins) * self.base)
        end = i0 + max(settled - i0, 0) // k * k
        if end > fine.end:
            _, mins, maxs = minmax_bins(self._samples(fine.end, end), k)
            fine.extend(mins, maxs)
        starts = np.arange(i0, fine.end, k)
        if fine.end == i1:
            return starts, fine.mins, fine.maxs
        rest, mins, maxs = minmax_bins(self._samples(fine.end, i1), k)
        return (np.concatenate([starts, rest + fine.end]), np.concatenate([fine.mins, mins]),
                np.concatenate([fine.maxs, maxs]))


class _FineBins:
    """Min/max of consecutive k-sample bins from sample i0 on, up to `end` (a few thousand bins at most)."""

    def __init__(self, i0: int, k: int):
        self.i0, self.k, self.end = i0, k, i0
        self.mins = np.empty(0)
        self.maxs = np.empty(0)

    def extend(self, mins: np.ndarray, maxs: np.ndarray) -> None:
        self.mins = np.concatenate([self.mins, mins])
        self.maxs = np.concatenate([self.maxs, maxs])
        self.end += len(mins) * self.k

    def forget_after(self, sample: int) -> None:
        """Samples from `sample` on may have been rewritten: drop the bins that read them."""
        if self.end > sample:
            n = max(sample - self.i0, 0) // self.k
            self.mins, self.maxs = self.mins[:n], self.maxs[:n]
            self.end = self.i0 + n * self.k


def stable_bin_size(k: int) -> int:
    """The smallest of 1, 2, 3, 4, 6, 8, 12, 16, 24, ... (powers of two and 1.5 times them) that is >= k."""
    if k <= 2:
        return max(k, 1)
    p = 1 << (k - 1).bit_length()  # the power of two >= k
    return 3 * p // 4 if 3 * p // 4 >= k else p


def peak_decimate(y, target: int, smoothing: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """(steps, values) of a whole history y[0..n-1], at most ~2*target+1 points, min and max of every bin;
    smoothed first if asked.  Short histories come back whole."""
    cache = PeakCache(smoothing=smoothing)
    cache.update(np.asarray(y))
    return cache.decimate(0, len(cache.y), target)


def _same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Elementwise equality that counts NaN == NaN (a diverged history must not look rewritten every frame)."""
    eq = a == b
    if a.dtype.kind == "f":
        eq |= np.isnan(a) & np.isnan(b)
    return eq
