"""A curve that grows at its end, drawn so that a new frame repaints the strip at the end, not the whole plot."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem

_TAIL_SHARE = 8  # a growing curve's end (redrawn every frame) holds at most this fraction of its points ...
_MIN_TAIL = 64  # ... or this many
_MAX_PARTS = 8  # settled parts besides the curve's own before it draws them all again
_OPEN_POINTS = 3  # a decimated curve's last bin (min and max) and last sample change while the history grows


class GrowingCurve(pg.PlotDataItem):
    """PlotDataItem with pyqtgraph's own downsampling and clipping off (the data is decimated already), drawn
    in parts when it grows at its end (`show_points`).

    A curve whose points all change repaints the whole plot (its bounding rectangle), 4 ms a frame for the
    loss plot (per-item paint CPU, 1400x900).  Between two frames of a growing history only the last few
    decimated bins change, so the curve is drawn in parts: what stays, by this item and up to `_MAX_PARTS`
    child items, each from a picture cached in device pixels, and the end by a child item redrawn every
    frame; a frame then repaints the strip under the end.  An end that grew to `_TAIL_SHARE` of the points
    stays as a part of its own; when the parts are too many, or the points change (wider bins, a rewind),
    this item draws all that stays again."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setDownsampling(auto=False)
        self.setClipToView(False)
        self.curve.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._parts: list[CurveEnd] = []  # settled pieces after this item's own, each cached
        self._tail = self._child(cached=False)
        self._settled = (np.empty(0), np.empty(0))  # the points this item and its parts draw (the end: the rest)
        self._points = self._settled  # all of them
        self._bounds: dict = {}  # dataBounds by its arguments, for the points shown

    def _child(self, cached: bool) -> CurveEnd:
        child = CurveEnd(pen=self.opts["pen"])
        child.setParentItem(self)
        if cached:
            child.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        return child

    def show_points(self, x, y) -> None:
        """Draw these points (a decimated curve, x increasing); the first ones are usually those of last time.
        (Not `show`: pyqtgraph calls the item's show() to make it visible.)"""
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        if len(x) == 0 and len(self._points[0]) == 0:
            return
        self._points = (x, y)
        self._bounds.clear()
        sx, sy = self._settled
        m = len(sx)
        # the last bin is still filling (and the curve's last sample is drawn after it): they stay in the end
        settle = max(len(x) - _OPEN_POINTS, 0) if self.opts["symbol"] is None else len(x)
        grows = (0 < m < len(x) and self.opts["symbol"] is None and np.array_equal(x[:m], sx)
                 and np.array_equal(y[:m], sy, equal_nan=True))
        if grows and len(x) - m > max(_MIN_TAIL, len(x) // _TAIL_SHARE):  # a long end: a part of its own
            grows = len(self._parts) < _MAX_PARTS and settle > m
            if grows:
                part = self._child(cached=True)
                part.show_points(x[m - 1: settle], y[m - 1: settle], self.opts["logMode"][1])
                self._parts.append(part)
                m = settle
                self._settled = (x[:m], y[:m])
        if not grows:
            for part in self._parts:
                part.setParentItem(None)
                if part.scene() is not None:
                    part.scene().removeItem(part)
            self._parts = []
            m = settle
            self._settled = (x[:m], y[:m])
            self.setData(x[:m], y[:m])
        start = max(m - 1, 0)  # the end starts where the rest stops: no gap between them
        self._tail.show_points(x[start:] if m < len(x) else x[:0], y[start:] if m < len(x) else y[:0],
                               self.opts["logMode"][1])
        self.informViewBoundsChanged()  # auto-range asks this item, whose parts the others are

    def getData(self):
        x, y = super().getData()
        xs, ys = ([] if x is None else [x]), ([] if y is None else [y])
        for child in (*self._parts, self._tail):
            cx, cy = child.getData()
            if cx is not None and len(cx):
                skip = 1 if any(len(a) for a in xs) else 0  # a part starts at the point where the last one stops
                xs.append(cx[skip:])
                ys.append(cy[skip:])
        if not xs:
            return x, y
        return np.concatenate(xs), np.concatenate(ys)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        """As pyqtgraph's, for all parts, and computed once per frame: auto-range asks every item for both
        axes (the y range of the visible steps), which cost pyqtgraph ~1 ms a frame for the loss plot."""
        key = (ax, frac, None if orthoRange is None else tuple(orthoRange))
        if key not in self._bounds:
            if frac != 1.0 or any(self.opts["logMode"]):  # pyqtgraph maps the data first: let it
                parts = [super().dataBounds(ax, frac, orthoRange)]
                parts += [child.dataBounds(ax, frac, orthoRange) for child in (*self._parts, self._tail)]
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

    def setLogMode(self, xState, yState) -> None:
        super().setLogMode(xState, yState)
        for child in (*self._parts, self._tail):
            child.show_points(*child.points, yState)
        self._bounds.clear()


class CurveEnd(pg.PlotCurveItem):
    """A part of a `GrowingCurve`: a plain curve (a PlotDataItem's setData costs ten times as much), whose
    bounding rectangle comes from its few points, kept until they or the view change (pyqtgraph's general
    one costs ~0.3 ms of Python each time; Qt asks for it several times a frame)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._rect: QRectF | None = None
        self.points = (np.empty(0), np.empty(0))  # as given, before the log10 of a log axis

    def show_points(self, x: np.ndarray, y: np.ndarray, log_y: bool) -> None:
        """Draw these points, in the view's coordinates as PlotDataItem maps them (log10, non-finite as gaps)."""
        self.points = (x, y)
        self.setVisible(len(x) > 0)  # an empty curve is asked for its bounds at every paint all the same
        if not len(x):
            self.clear()
            return
        if log_y:
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.log10(y)
        finite = bool(np.isfinite(y).all())
        if not finite:
            y = np.where(np.isfinite(y), y, np.nan)
        self.setData(x, y, connect="all" if finite else "finite", skipFiniteCheck=finite)

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
