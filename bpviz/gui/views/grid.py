"""Grid lines behind a plot, at its axes' ticks, drawn by one light item instead of by the axes.

pyqtgraph draws a grid by stretching every tick of an axis across the whole view, so each axis's picture
(and its cached pixmap) becomes as large as the plot: whenever a range changed, re-rendering the two axes
of the loss plot cost 3-10 ms of a frame (py-spy and per-paint CPU time).  Here the axes stay small and
the lines are drawn straight from the ticks, with pyqtgraph's own tick values and fading."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem


class GridLines(pg.GraphicsObject):
    """Add to a PlotItem's ViewBox with ignoreBounds=True; `alpha` as for PlotItem.showGrid (0..1)."""

    def __init__(self, plot_item: pg.PlotItem, alpha: float = 0.15):
        super().__init__()
        self._axes = {"x": plot_item.getAxis("bottom"), "y": plot_item.getAxis("left")}
        self._alpha = alpha
        self._key = None
        # lines across the view at the ticks of an axis: (pen, "x" or "y", the ticks, the lines)
        self._lines: list[tuple[QPen, str, list[float], list[QLineF]]] = []
        self.setZValue(-1000)  # under the curves and images, as the axes' grid was
        # paint() learns which part of the view is repainted: a frame that repaints a strip of a growing curve
        # draws the few lines that cross the strip (drawing them all cost ~1 ms a paint, clipped or not)
        self.setFlag(QGraphicsItem.ItemUsesExtendedStyleOption)

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewRangeChanged()

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()
        return QRectF() if rect is None else rect

    def paint(self, p, *args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        w, h = vb.width(), vb.height()
        key = (x0, x1, y0, y1, w, h, self._axes["x"].logMode, self._axes["y"].logMode)
        if key != self._key:
            self._key = key
            self._lines = self._build(x0, x1, y0, y1, w, h)
        exposed = args[0].exposedRect if args else None
        for pen, axis, at, lines in self._lines:
            if exposed is not None:  # the lines at ticks inside the strip (`at`: the ticks, increasing)
                lo, hi = (exposed.left(), exposed.right()) if axis == "x" else (exposed.top(), exposed.bottom())
                lines = lines[bisect_left(at, lo): bisect_right(at, hi)]
                if not lines:
                    continue
            p.setPen(pen)
            p.drawLines(lines)

    def _build(self, x0, x1, y0, y1, w, h) -> list[tuple[QPen, str, list[float], list[QLineF]]]:
        out = []
        base = QColor(pg.getConfigOption("foreground"))
        for name, lo, hi, size in (("x", x0, x1, w), ("y", y0, y1, h)):
            if size <= 0 or not hi > lo:
                continue
            levels = self._axes[name].tickValues(lo, hi, size)
            for i, (_spacing, values) in enumerate(levels):
                values = sorted(v for v in values if lo <= v <= hi)
                if not values:
                    continue
                alpha = 255 / (i + 1) * self._alpha * float(np.clip(0.05 * size / (len(values) + 1), 0, 1))
                color = QColor(base)
                color.setAlpha(int(alpha))
                pen = QPen(color)
                pen.setCosmetic(True)
                pen.setWidth(0)
                if name == "x":
                    out.append((pen, name, values, [QLineF(v, y0, v, y1) for v in values]))
                else:
                    out.append((pen, name, values, [QLineF(x0, v, x1, v) for v in values]))
        return out
