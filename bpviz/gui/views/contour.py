"""Marching squares in NumPy: the level-set of a sampled field as line segments.

pg.IsocurveItem / pg.isocurve loop over every cell in Python (~10 ms for 100x100, too slow for 60 updates a
second) and cannot appear in a legend; this is vectorised and returns plain arrays for a PlotDataItem.
"""
from __future__ import annotations

import numpy as np


def contour_segments(grid: np.ndarray, level: float, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Segments of the curve grid == level, shape (m, 2, 2): [segment, end, (x, y)].

    grid[iy, ix] is the value at (xs[ix], ys[iy]); xs and ys are evenly spaced and increasing.
    Non-finite samples are treated as holes (no segment touches them).
    """
    g = np.asarray(grid, dtype=np.float64)
    ny, nx = g.shape
    if ny < 2 or nx < 2:
        return np.empty((0, 2, 2))
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    finite = np.isfinite(g)
    above = (g >= level) & finite
    h_cross = (above[:, :-1] != above[:, 1:]) & finite[:, :-1] & finite[:, 1:]  # edge (iy, ix)-(iy, ix+1)
    v_cross = (above[:-1, :] != above[1:, :]) & finite[:-1, :] & finite[1:, :]  # edge (iy, ix)-(iy+1, ix)
    # the four edges of each cell, in the order bottom, right, top, left
    cross = np.stack([h_cross[:-1, :], v_cross[:, 1:], h_cross[1:, :], v_cross[:, :-1]], axis=-1).reshape(-1, 4)
    count = cross.sum(axis=1)
    # only the few cells the curve passes through get their crossing points (a 100x100 field: ~1 % of them)
    cells = np.flatnonzero(count)
    cross, count = cross[cells], count[cells]
    iy, ix = np.divmod(cells, nx - 1)
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    g00, g01, g11, g10 = g[iy, ix], g[iy, ix + 1], g[iy + 1, ix + 1], g[iy + 1, ix]
    with np.errstate(divide="ignore", invalid="ignore"):
        pts = np.empty((len(cells), 4, 2))
        pts[:, 0] = np.stack([xs[ix] + (level - g00) / (g01 - g00) * dx, ys[iy]], axis=-1)
        pts[:, 1] = np.stack([xs[ix + 1], ys[iy] + (level - g01) / (g11 - g01) * dy], axis=-1)
        pts[:, 2] = np.stack([xs[ix] + (level - g10) / (g11 - g10) * dx, ys[iy + 1]], axis=-1)
        pts[:, 3] = np.stack([xs[ix], ys[iy] + (level - g00) / (g10 - g00) * dy], axis=-1)

    # two crossings: one segment between them
    two = count == 2
    order = np.argsort(~cross[two], axis=1, kind="stable")[:, :2]
    seg2 = np.take_along_axis(pts[two], order[:, :, None], axis=1)

    # four crossings (saddle): the cell centre decides which corners are joined
    four = count == 4
    corners = np.stack([g00, g01, g11, g10], axis=-1)[four]
    centre_above = corners.mean(axis=1) >= level
    bl_above = corners[:, 0] >= level
    p4 = pts[four]
    joined = centre_above == bl_above  # bottom-left and top-right connected: cut off the other two corners
    first = np.where(joined[:, None, None], p4[:, [0, 1]], p4[:, [0, 3]])
    second = np.where(joined[:, None, None], p4[:, [2, 3]], p4[:, [2, 1]])
    return np.concatenate([seg2, first, second], axis=0)


def chain_segments(segments: np.ndarray, decimals: int = 9) -> np.ndarray:
    """Join segments sharing end points into polylines, separated by NaN rows, shape (k, 2).

    Dashed pens restart their pattern at every sub-path, so a dashed contour drawn as separate pairs looks
    solid; one polyline per curve keeps the dashes. Python loop: for occasional use, not per frame.
    """
    if len(segments) == 0:
        return np.empty((0, 2))
    keys = [tuple(p) for p in np.round(segments, decimals).reshape(-1, 2).tolist()]
    neighbours: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        neighbours.setdefault(k, []).append(i)
    used = np.zeros(len(segments), dtype=bool)

    def walk(seg: int, end: int) -> list[int]:
        """Point indices from segments[seg][end] onwards, following shared end points."""
        out = []
        while True:
            used[seg] = True
            far = 2 * seg + (1 - end)
            out.append(far)
            nxt = [p for p in neighbours[keys[far]] if not used[p // 2]]
            if not nxt:
                return out
            seg, end = nxt[0] // 2, nxt[0] % 2

    lines = []
    for s in range(len(segments)):
        if used[s]:
            continue
        forward = walk(s, 0)  # end 1 of s and beyond
        used[s] = False
        backward = walk(s, 1)  # end 0 of s and beyond, the other way
        line = backward[::-1] + forward
        lines.append(segments.reshape(-1, 2)[line])
        lines.append(np.full((1, 2), np.nan))
    return np.concatenate(lines[:-1], axis=0)


def smooth_polylines(lines: np.ndarray, window: int = 5) -> np.ndarray:
    """Moving average along each NaN-separated polyline (end points kept), for display only."""
    if len(lines) == 0:
        return lines
    out = []
    breaks = np.flatnonzero(np.isnan(lines[:, 0]))
    for part in np.split(lines, breaks):
        part = part[np.isfinite(part[:, 0])]
        if len(part) > window:
            h = window // 2
            closed = np.allclose(part[0], part[-1])
            if closed:  # wrap around, so the seam is smoothed like the rest
                padded = np.concatenate([part[-h - 1:-1], part, part[1:h + 1]])
            else:
                padded = np.concatenate([np.repeat(part[:1], h, 0), part, np.repeat(part[-1:], h, 0)])
            kernel = np.ones(window) / window
            smooth = np.stack([np.convolve(padded[:, k], kernel, mode="valid") for k in range(2)], axis=1)
            if not closed:
                smooth[0], smooth[-1] = part[0], part[-1]
            part = smooth
        out.extend([part, np.full((1, 2), np.nan)])
    return np.concatenate(out[:-1], axis=0)
