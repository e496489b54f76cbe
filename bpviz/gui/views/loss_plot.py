"""Loss curves: the mini-batch loss of every update and the tutorial's "loss on all data" at logged steps."""
from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt
from PySide6.QtGui import QAction, QColor

from .decimate import PeakCache, decimate_xy

_TARGET_BINS = 2000  # per curve, i.e. <= ~4000 points: more than a screen is wide, cheap to draw
_MAX_SYMBOLS = 200  # logged points drawn with markers only while they stay distinguishable
_SNAP_PX = 6  # hovering this close to a logged step reads that step
BATCH_COLOR = QColor(120, 160, 215)
ALL_DATA_COLOR = QColor(245, 140, 30)
TICK_COLOR = QColor(160, 160, 160)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LossPlot", text)


class LossPlot(pg.PlotWidget):
    """x = step i (update i), y = loss. Takes plain arrays; knows nothing of the trainer.

    The window calls set_history() every frame with the whole history; only new samples are summarised
    (PeakCache), and what is drawn is a few thousand min/max points for the visible range plus a coarse
    version of the rest, so auto-range always sees the true extremes.
    """

    def __init__(self, parent=None):
        super().__init__(parent, axisItems={"bottom": _StepAxis(orientation="bottom")})
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self._vb = self.plot_item.getViewBox()
        self._vb.setAutoVisible(y=True)  # zoomed into late steps, fit the losses seen there, not step 0's
        self.plot_item.setLabel("bottom", _tr("step"))
        self.plot_item.setLabel("left", _tr("loss"))
        self.plot_item.getAxis("left").enableAutoSIPrefix(False)  # "loss (x0.001)" puzzles learners
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        # a translucent plate of the plot's own background keeps the legend readable over a dense curve
        plate = pg.mkColor(pg.getConfigOption("background"))
        plate.setAlpha(225)
        self._legend = self.plot_item.addLegend(offset=(-10, 10), brush=plate)

        self._batch = _Curve(pen=pg.mkPen(BATCH_COLOR, width=1), name=_tr("batch loss"))
        self._logged = _Curve(pen=pg.mkPen(ALL_DATA_COLOR, width=2), symbolPen=None,
                              symbolBrush=ALL_DATA_COLOR, symbolSize=6, name=_tr("loss on all data"))
        self.plot_item.addItem(self._batch)
        self.plot_item.addItem(self._logged)
        self._ticks = _StepTicks(pg.mkPen(TICK_COLOR, width=2))
        self.plot_item.addItem(self._ticks, ignoreBounds=True)
        self._cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(TICK_COLOR, style=Qt.DashLine))
        self._cursor.hide()
        self.plot_item.addItem(self._cursor, ignoreBounds=True)

        self._cache = PeakCache()
        self._logged_steps = np.empty(0, dtype=np.int64)
        self._logged_losses = np.empty(0)
        self._readout = ""
        self._show_readout("")

        self._log_action = QAction(_tr("Logarithmic loss axis"), self)
        self._log_action.setCheckable(True)
        self._log_action.toggled.connect(self.set_log_y)
        self._vb.menu.addSeparator()
        self._vb.menu.addAction(self._log_action)
        # pyqtgraph's own Plot Options > Log Y can change the state too; sync the check when the menu opens
        self._vb.menu.aboutToShow.connect(self._sync_log_action)

        self._vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self._mouse_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)

    # ---- data -------------------------------------------------------------------------------------------
    def set_history(self, batch_losses: np.ndarray, logged_steps: np.ndarray, logged_losses: np.ndarray) -> None:
        """batch_losses[i]: loss of the mini-batch of update i. logged_*: full-data loss after those steps
        (steps increasing). The arrays are only read, never written, and may be views into a growing buffer."""
        self._cache.update(np.asarray(batch_losses))
        self._logged_steps = np.asarray(logged_steps)
        self._logged_losses = np.asarray(logged_losses)
        self._redraw()

    def clear_history(self) -> None:
        self.set_history(np.empty(0), np.empty(0, dtype=np.int64), np.empty(0))
        self._cursor.hide()
        self._show_readout("")

    def set_marked_steps(self, steps: np.ndarray) -> None:
        """Steps to mark with a tick on the bottom edge, e.g. where the tutorial prints "After N training step(s)"."""
        steps = np.sort(np.asarray(steps, dtype=np.float64).ravel())
        self._ticks.set_steps(steps)
        in_legend = self._legend.getLabel(self._ticks) is not None
        if len(steps) and not in_legend:
            # a new sample each time: the legend closes the samples it removes
            self._legend.addItem(_TickSample(self._ticks), _tr("printed steps"))
        elif not len(steps) and in_legend:
            self._legend.removeItem(self._ticks)

    def marked_steps(self) -> np.ndarray:
        return self._ticks.steps().copy()

    def _redraw(self) -> None:
        n = len(self._cache.y)
        lo, hi = self._vb.viewRange()[0]
        zoomed = not self._vb.autoRangeEnabled()[0] and (lo > 0 or hi < n - 1)
        x, y = self._cache.decimate(0, n, _TARGET_BINS)
        if zoomed:
            x, y = _splice((x, y), self._cache.decimate(lo, hi, _TARGET_BINS))
        self._batch.setData(x, y)

        steps, losses = self._logged_steps, self._logged_losses
        x, y = decimate_xy(steps, losses, _TARGET_BINS)
        i0, i1 = np.searchsorted(steps, [lo, hi]) if zoomed else (0, len(steps))
        if zoomed:
            i0, i1 = max(i0 - 1, 0), min(i1 + 1, len(steps))
            x, y = _splice((x, y), decimate_xy(steps[i0:i1], losses[i0:i1], _TARGET_BINS))
        self._logged.setData(x, y)
        want = "o" if i1 - i0 <= _MAX_SYMBOLS else None
        if self._logged.opts["symbol"] != want:
            self._logged.setSymbol(want)

    def _on_x_range_changed(self) -> None:
        # with x auto-range on, the drawn data already covers everything; redrawing would only chase our tail
        if not self._vb.autoRangeEnabled()[0]:
            self._redraw()

    # ---- log axis ---------------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        """Log-scale loss axis; values <= 0 become gaps (pyqtgraph maps them to NaN)."""
        self.plot_item.setLogMode(y=bool(on))

    def log_y(self) -> bool:
        return bool(self.plot_item.getAxis("left").logMode)

    def _sync_log_action(self) -> None:
        self._log_action.setChecked(self.log_y())

    # ---- hover readout ----------------------------------------------------------------------------------
    def readout_text(self) -> str:
        return self._readout

    def show_readout_at_step(self, step: int) -> None:
        n = len(self._cache.y)
        if n == 0:
            self._show_readout("")
            return
        step = int(np.clip(step, 0, n - 1))
        text = _tr("step {step} · batch loss {loss}").format(step=step, loss=_num(self._cache.y[step]))
        j = int(np.searchsorted(self._logged_steps, step))
        if j < len(self._logged_steps) and self._logged_steps[j] == step:
            text += _tr(" · loss on all data {loss}").format(loss=_num(self._logged_losses[j]))
        self._cursor.setPos(step)
        self._cursor.show()
        self._show_readout(text)

    def _show_readout(self, text: str) -> None:
        self._readout = text
        # the title row is reserved for the readout so that it never covers the curve or jumps around
        shown = text or _tr("hover over the plot to read the losses at a step")
        self.plot_item.setTitle(html.escape(shown), size="9pt", justify="left")

    def _on_mouse_moved(self, args) -> None:
        pos = args[0]
        if not self._vb.sceneBoundingRect().contains(pos) or len(self._cache.y) == 0:
            return
        x = self._vb.mapSceneToView(pos).x()
        steps = self._logged_steps
        if len(steps):
            j = int(np.searchsorted(steps, x))
            candidates = steps[max(j - 1, 0): j + 1]
            near = candidates[np.argmin(np.abs(candidates - x))]
            if abs(near - x) <= _SNAP_PX * self._vb.viewPixelSize()[0]:
                x = near
        self.show_readout_at_step(int(round(x)))

    def leaveEvent(self, event) -> None:
        self._cursor.hide()
        self._show_readout("")
        super().leaveEvent(event)


class _StepAxis(pg.AxisItem):
    """Whole steps with digit grouping: "1,000,200" reads better than pyqtgraph's "1.0002e+06" when zoomed."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        if spacing < 1:  # zoomed below one step: only whole steps exist
            return ["" if v != round(v) else f"{v:,.0f}" for v in values]
        return [f"{v:,.0f}" for v in values]


class _Curve(pg.PlotDataItem):
    """PlotDataItem with pyqtgraph's own downsampling and clipping off: the data is decimated already."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.setDownsampling(auto=False)
        self.setClipToView(False)


def _splice(coarse, fine):
    """The fine (visible) part replaces the coarse points it overlaps."""
    (cx, cy), (fx, fy) = coarse, fine
    if len(fx) == 0:
        return cx, cy
    left, right = cx < fx[0], cx > fx[-1]
    return np.concatenate([cx[left], fx, cx[right]]), np.concatenate([cy[left], fy, cy[right]])


def _num(v: float) -> str:
    return f"{v:.5g}"


class _StepTicks(pg.GraphicsObject):
    """Short vertical ticks on the bottom edge of the view, wherever it is (also in log mode).

    Painted from the visible range on demand rather than stored as scatter points that would have to be
    moved every time the range changes; thinned when they would be closer than 3 px."""

    def __init__(self, pen):
        super().__init__()
        self.pen = pen
        self._steps = np.empty(0)

    def set_steps(self, steps: np.ndarray) -> None:
        self._steps = steps
        self.update()

    def steps(self) -> np.ndarray:
        return self._steps

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()
        super().viewRangeChanged()

    def boundingRect(self) -> QRectF:
        rect = self.viewRect()
        return QRectF() if rect is None else rect

    def paint(self, p, *args) -> None:
        rect, vb = self.viewRect(), self.getViewBox()
        if rect is None or vb is None or len(self._steps) == 0:
            return
        px_w, px_h = vb.viewPixelSize()
        i0, i1 = np.searchsorted(self._steps, [rect.left(), rect.right()])
        stride = max(1, math.ceil((i1 - i0) * 3 * px_w / max(rect.width(), 1e-300)))
        y0, y1 = rect.top(), rect.top() + 12 * px_h
        p.setPen(self.pen)
        p.drawLines([QLineF(x, y0, x, y1) for x in self._steps[i0:i1:stride]])


class _TickSample(pg.ItemSample):
    """Legend sample that looks like the tick marks (a short vertical line)."""

    def paint(self, p, *args) -> None:
        p.setPen(self.item.pen)
        p.drawLine(10, 4, 10, 16)
