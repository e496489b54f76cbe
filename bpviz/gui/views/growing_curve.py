"""A curve that grows at its end, drawn so that a new frame repaints the strip at the end, not the whole plot."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

_TAIL_SHARE = 4  # a growing curve's end (redrawn every frame) holds at most this fraction of its points ...
_MIN_TAIL = 64  # ... or this many
_OPEN_POINTS = 3  # a decimated curve's last bin (min and max) and last sample change while the history grows


class GrowingCurve(pg.PlotDataItem):
    """PlotDataItem with pyqtgraph's own downsampling and clipping off (the data is decimated already), drawn
    in two parts when it grows at its end (`show`).

    A curve whose points all change repaints the whole plot (its bounding rectangle), 4 ms a frame for the
    loss plot (per-item paint CPU, 1400x900).  Between two frames of a growing history only the last few
    decimated bins change, so the curve is split: the part that stays is drawn by this item, from a picture
    cached in device pixels, and the end by a child item; a frame then repaints the strip under the end.
    The end grows until it holds `_TAIL_SHARE` of the points, then the split moves to the new end."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setDownsampling(auto=False)
        self.setClipToView(False)
        self.curve.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._tail = CurveEnd(pen=self.opts["pen"])
        self._tail.setParentItem(self)
        self._tail_points = (np.empty(0), np.empty(0))
        self._settled = (np.empty(0), np.empty(0))  # the points this item draws (the child draws the rest)
        self._points = self._settled  # all of them
        self._bounds: dict = {}  # dataBounds by its arguments, for the points shown

    def show(self, x, y) -> None:
        """Draw these points (a decimated curve, x increasing); the first ones are usually those of last time."""
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        if len(x) == 0 and len(self._points[0]) == 0:
            return
        self._points = (x, y)
        self._bounds.clear()
        sx, sy = self._settled
        m = len(sx)
        grows = (0 < m < len(x) and len(x) - m <= max(_MIN_TAIL, len(x) // _TAIL_SHARE)
                 and self.opts["symbol"] is None and np.array_equal(x[:m], sx)
                 and np.array_equal(y[:m], sy, equal_nan=True))
        if not grows:
            # the last bin is still filling (and the curve's last sample is drawn after it): they stay in the end
            m = max(len(x) - _OPEN_POINTS, 0) if self.opts["symbol"] is None else len(x)
            self._settled = (x[:m], y[:m])
            self.setData(x[:m], y[:m])
        start = max(m - 1, 0)  # the end starts where the rest stops: no gap between them
        self._tail_points = (x[start:], y[start:]) if m < len(x) else (np.empty(0), np.empty(0))
        self._show_tail()
        self.informViewBoundsChanged()  # auto-range asks this item, whose part the end is

    def getData(self):
        x, y = super().getData()
        tx, ty = self._tail.getData()
        if tx is None or len(tx) == 0:
            return x, y
        if x is None or len(x) == 0:
            return tx, ty
        return np.concatenate([x, tx[1:]]), np.concatenate([y, ty[1:]])

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        """As pyqtgraph's, for both parts, and computed once per frame: auto-range asks every item for both
        axes (the y range of the visible steps), which cost pyqtgraph ~1 ms a frame for the loss plot."""
        key = (ax, frac, None if orthoRange is None else tuple(orthoRange))
        if key not in self._bounds:
            if frac != 1.0 or any(self.opts["logMode"]):  # pyqtgraph maps the data first: let it
                parts = [super().dataBounds(ax, frac, orthoRange), self._tail.dataBounds(ax, frac, orthoRange)]
                parts = [b for b in parts if b[0] is not None]
                bounds = (min(b[0] for b in parts), max(b[1] for b in parts)) if parts else (None, None)
            else:
                values, other = self._points if ax == 0 else self._points[::-1]
                if orthoRange is not None:
                    values = values[(other >= orthoRange[0]) & (other <= orthoRange[1])]
                values = values[np.isfinite(values)]
                bounds = (float(values.min()), float(values.max())) if len(values) else (None, None)
            self._bounds[key] = bounds
        return self._bounds[key]

    def _show_tail(self) -> None:
        """The end of the curve, in the view's coordinates as PlotDataItem maps them (log10, non-finite as gaps)."""
        x, y = self._tail_points
        self._tail.setVisible(len(x) > 0)  # an empty curve is asked for its bounds at every paint all the same
        if not len(x):
            self._tail.clear()
            return
        if self.opts["logMode"][1]:
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.log10(y)
        finite = bool(np.isfinite(y).all())
        if not finite:
            y = np.where(np.isfinite(y), y, np.nan)
        self._tail.setData(x, y, connect="all" if finite else "finite", skipFiniteCheck=finite)

    def setLogMode(self, xState, yState) -> None:
        super().setLogMode(xState, yState)
        self._show_tail()
        self._bounds.clear()


class CurveEnd(pg.PlotCurveItem):
    """The end of a growing `GrowingCurve`: a plain curve (a PlotDataItem's setData costs ten times as much), whose
    bounding rectangle comes from its few points, kept until they or the view change (pyqtgraph's general
    one costs ~0.3 ms of Python each time; Qt asks for it several times a frame)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rect: QRectF | None = None

    def updateData(self, *args, **kwargs) -> None:
        self._rect = None
        super().updateData(*args, **kwargs)

    def viewTransformChanged(self) -> None:
        self._rect = None
        super().viewTransformChanged()

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            x, y = self.xData, self.yData
            finite = np.isfinite(y) if y is not None else None
            vb = self.getViewBox()
            if x is None or not len(x) or not finite.any() or vb is None or vb.width() <= 0 or vb.height() <= 0:
                return QRectF()
            (x0, x1), (y0, y1) = vb.viewRange()
            pad = self.pixelPadding() + 1  # a pixel more than pyqtgraph's: antialiasing, rounding
            px, py = pad * (x1 - x0) / vb.width(), pad * (y1 - y0) / vb.height()
            lo, hi = float(y[finite].min()), float(y[finite].max())
            self._rect = QRectF(x[0] - px, lo - py, x[-1] - x[0] + 2 * px, hi - lo + 2 * py)
        return self._rect
