"""Colours shared by the views, so that "label 1", a positive weight and an output near 1 look alike."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

# Kovesi's CET-D1 ships with pyqtgraph (no download, no extra dependency) and is perceptually uniform,
# which home-made orange/blue ramps are not. It runs blue -> white -> red; we reverse it so the positive
# end is blue, as in TF Playground, where blue also means "positive" / "label 1".
_MAP_NAME = "CET-D1"


def diverging_colormap() -> pg.ColorMap:
    """A fresh diverging map (red = negative / 0, white = centre, blue = positive / 1).

    pg.colormap.get() hands out one cached, mutable object, so reversing it in place would flip it for every
    other caller; we build a new map from its stops instead."""
    pos, color = pg.colormap.get(_MAP_NAME).getStops(mode="byte")
    return pg.ColorMap(1.0 - pos[::-1], color[::-1], name=_MAP_NAME + " (reversed)")


def _end_color(pos: float) -> QColor:
    r, g, b, a = diverging_colormap().map(np.array([pos]), mode="byte")[0]
    return QColor(int(r), int(g), int(b), int(a))


# LABEL_COLORS[label] -- the two ends of the map, so a point's colour agrees with the region it belongs to.
LABEL_COLORS: tuple[QColor, QColor] = (_end_color(0.0), _end_color(1.0))


def lightened_lut(cmap: pg.ColorMap, amount: float = 0.35, n: int = 256) -> np.ndarray:
    """Lookup table of `cmap` mixed with white: a background that saturated label-coloured points stand out on."""
    lut = cmap.getLookupTable(0.0, 1.0, n, alpha=False).astype(np.float32)
    return (lut * (1.0 - amount) + 255.0 * amount).round().astype(np.uint8)


def lut_indices(values: np.ndarray, levels: tuple[float, float], n: int) -> np.ndarray:
    """The lookup-table entry (of n) that pyqtgraph's ImageItem draws each value with at these levels, -1 for
    NaN (drawn transparent): two arrays with equal indices are drawn alike."""
    lo, hi = levels
    with np.errstate(invalid="ignore", over="ignore"):
        idx = np.clip((np.asarray(values, np.float64) - lo) * (n / ((hi - lo) or 1)), 0, n - 1)
    return np.where(np.isnan(idx), -1, idx).astype(np.int16)


def text_colors_for(cmap: pg.ColorMap, positions: np.ndarray) -> list[QColor]:
    """Black or white, whichever reads better on cmap(position), for each position in [0, 1]."""
    rgb = cmap.map(np.clip(np.nan_to_num(positions, nan=0.5), 0.0, 1.0), mode="float")[:, :3]
    luminance = rgb @ np.array([0.2126, 0.7152, 0.0722])
    return [QColor(0, 0, 0) if lum > 0.45 else QColor(255, 255, 255) for lum in luminance]


# Further classes (softmax-ce with K > 2) after the two ends of the map: distinct from both and from white.
EXTRA_CLASS_COLORS: tuple[QColor, ...] = (QColor(0, 158, 115), QColor(230, 159, 0), QColor(204, 121, 167),
                                          QColor(86, 180, 233), QColor(120, 94, 240), QColor(100, 100, 100))


def class_color(k: int) -> QColor:
    """The colour of class k: label 0 and 1 as everywhere, then the extra colours, cycling."""
    if k < 2:
        return LABEL_COLORS[k]
    return EXTRA_CLASS_COLORS[(k - 2) % len(EXTRA_CLASS_COLORS)]


def class_lut(n_classes: int, amount: float = 0.35) -> np.ndarray:
    """A lookup table with one lightened colour per class, for an image of class indices."""
    rgb = np.array([class_color(k).getRgb()[:3] for k in range(n_classes)], np.float32)
    return (rgb * (1.0 - amount) + 255.0 * amount).round().astype(np.uint8)
