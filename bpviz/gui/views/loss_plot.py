"""Loss curves: the mini-batch loss of every update and the tutorial's "loss on all data" at logged steps."""
from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from bpviz.decimate import PeakCache, decimate_xy
from bpviz.smoothing import MAX_WEIGHT, check_weight

from .grid import GridLines
from .growing_curve import GrowingCurve
from .legend import legend_beside, show_entry
from .stepped_view import SteppedViewBox

# bins per curve: one per pixel column of the plot (each bin is drawn as its min and max), within these
# bounds; whatever the history's length, a frame draws at most ~2 * _MAX_BINS points per curve
_MIN_BINS, _MAX_BINS = 200, 2000
_RAW_ALPHA = 60  # of 255: the raw curve behind a smoothed one
_LOG_LABEL_GAP_PX = 4  # between log-axis labels, beyond the text's height
_MAX_SYMBOLS = 200  # logged points drawn with markers only while they stay distinguishable
_SNAP_PX = 6  # hovering this close to a logged step reads that step
BATCH_COLOR = QColor(120, 160, 215)
ALL_DATA_COLOR = QColor(245, 140, 30)
TEST_COLOR = QColor(0, 150, 110)  # held-out points: a colour neither curve nor the ticks use
ACCURACY_COLOR = QColor(130, 70, 170)  # the right axis's curves: a colour no loss curve uses
TICK_COLOR = QColor(160, 160, 160)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LossPlot", text)


class LossPlot(pg.PlotWidget):
    """x = step i (update i), y = loss. Takes plain arrays; knows nothing of the trainer.

    The window calls set_history() every frame with the whole history; only new samples are summarised
    (PeakCache), and what is drawn is a few thousand min/max points for the visible range plus a coarse
    version of the rest, so auto-range always sees the true extremes.
    """

    smoothing_changed = Signal(float)
    accuracy_shown_changed = Signal(bool)
    accuracy_available_changed = Signal(bool)  # the run has accuracies (a classification) or not

    def __init__(self, parent=None):
        super().__init__(parent, viewBox=SteppedViewBox(),
                         axisItems={"bottom": _StepAxis(orientation="bottom"), "left": _LossAxis(orientation="left")})
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self._vb = self.plot_item.getViewBox()
        self._vb.setAutoVisible(y=True)  # zoomed into late steps, fit the losses seen there, not step 0's
        self.plot_item.addItem(GridLines(self.plot_item, alpha=0.15), ignoreBounds=True)
        self._legend = legend_beside(self.plot_item)

        self._raw = GrowingCurve(pen=pg.mkPen(_faint(BATCH_COLOR), width=1))  # shown only under a smoothed curve
        self._raw.hide()
        self.plot_item.addItem(self._raw)
        self._batch = GrowingCurve(pen=pg.mkPen(BATCH_COLOR, width=1), name=_tr("batch loss"))
        self._logged = GrowingCurve(pen=pg.mkPen(ALL_DATA_COLOR, width=2), symbolPen=None,
                                    symbolBrush=ALL_DATA_COLOR, symbolSize=6, name=_tr("loss on all data"))
        self._test = GrowingCurve(pen=pg.mkPen(TEST_COLOR, width=2, style=Qt.DashLine), symbolPen=None,
                                  symbolBrush=TEST_COLOR, symbolSize=6)
        self.plot_item.addItem(self._batch)
        self.plot_item.addItem(self._logged)
        self.plot_item.addItem(self._test)
        self._ticks = _StepTicks(pg.mkPen(TICK_COLOR, width=2))
        self.plot_item.addItem(self._ticks, ignoreBounds=True)
        self._cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(TICK_COLOR, style=Qt.DashLine))
        self._cursor.hide()
        self.plot_item.addItem(self._cursor, ignoreBounds=True)

        self._cache = PeakCache()
        self._smooth_cache: PeakCache | None = None  # the same history smoothed, while smoothing is on
        self._logged_steps = np.empty(0, dtype=np.int64)
        self._logged_losses = np.empty(0)
        self._logged_key = None
        self._test_losses = np.empty(0)
        self._readout = ""
        self._show_readout("")

        self._log_action = QAction(_tr("Logarithmic loss axis"), self)
        self._log_action.setCheckable(True)
        self._log_action.toggled.connect(self.set_log_y)
        self._vb.menu.addSeparator()
        self._vb.menu.addAction(self._log_action)
        # pyqtgraph's own Plot Options > Log Y can change the state too; sync the check when the menu opens
        self._vb.menu.aboutToShow.connect(self._sync_log_action)

        self._build_accuracy_axis()
        self.retranslate()

        self._vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self._mouse_proxy = pg.SignalProxy(self.scene().sigMouseMoved, rateLimit=60, slot=self._on_mouse_moved)

    # the legend's entries by item, in English: retranslate() shows them in the current language
    def _legend_texts(self) -> dict:
        return {self._batch: "batch loss", self._logged: "loss on all data",
                self._test: "test loss (held-out points)", self._ticks: "printed steps",
                self._acc_train: "accuracy", self._acc_test: "test accuracy"}

    def retranslate(self) -> None:
        """Axis labels, legend, readout and menu entries in the current language (a live language switch)."""
        self.plot_item.setLabel("bottom", _tr("step"))
        self.plot_item.setLabel("left", _tr("loss"))
        self.plot_item.getAxis("right").setLabel(_tr("accuracy (%)"))
        for item, text in self._legend_texts().items():
            label = self._legend.getLabel(item)
            if label is not None:
                label.setText(_tr(text))
        self._log_action.setText(_tr("Logarithmic loss axis"))
        self._acc_action.setText(_tr("Accuracy on a second axis"))
        self._show_readout(self._readout)

    # ---- data -------------------------------------------------------------------------------------------
    def set_history(self, batch_losses: np.ndarray, logged_steps: np.ndarray, logged_losses: np.ndarray,
                    test_losses: np.ndarray | None = None) -> None:
        """batch_losses[i]: loss of the mini-batch of update i. logged_*: full-data loss after those steps
        (steps increasing); test_losses: the held-out points' loss at the same steps (NaN or None: no test
        split). The arrays are only read, never written, and may be views into a growing buffer."""
        self._cache.update(np.asarray(batch_losses))
        if self._smooth_cache is not None:
            self._smooth_cache.update(self._cache.y)
        self._logged_steps = np.asarray(logged_steps)
        self._logged_losses = np.asarray(logged_losses)
        tested = test_losses is not None and len(test_losses) and np.isfinite(test_losses).any()
        self._test_losses = np.asarray(test_losses) if tested else np.empty(0)
        show_entry(self._legend, self._test, _tr("test loss (held-out points)"), bool(tested))
        self._redraw()

    def clear_history(self) -> None:
        self.set_history(np.empty(0), np.empty(0, dtype=np.int64), np.empty(0))
        self.set_accuracy(np.empty(0, dtype=np.int64), np.empty(0), np.empty(0))
        self._cursor.hide()
        self._show_readout("")

    def set_marked_steps(self, steps: np.ndarray) -> None:
        """Steps to mark with a tick on the bottom edge, e.g. where the tutorial prints "After N training step(s)"."""
        steps = np.sort(np.asarray(steps, dtype=np.float64).ravel())
        self._ticks.set_steps(steps)
        # a new sample each time: the legend closes the samples it removes
        show_entry(self._legend, self._ticks, _tr("printed steps"), len(steps) > 0, sample=_TickSample(self._ticks))

    def marked_steps(self) -> np.ndarray:
        return self._ticks.steps().copy()

    # ---- accuracy (a second axis, on the right) ----------------------------------------------------------
    def _build_accuracy_axis(self) -> None:
        """A view box of its own for the accuracy (0 … 100 %), sharing the steps, drawn behind the loss
        view box so that zoom, pan and the context menu stay the loss axis's."""
        self._acc_vb = pg.ViewBox(enableMenu=False)
        self._acc_vb.setMouseEnabled(x=False, y=False)
        self._acc_vb.setZValue(self.plot_item.zValue() - 1)
        self.plot_item.scene().addItem(self._acc_vb)
        self._acc_vb.setXLink(self._vb)
        self._acc_vb.setYRange(0.0, 100.0, padding=0.03)
        self._acc_vb.enableAutoRange(x=False, y=False)  # x follows the loss box's
        self._acc_vb.hide()
        axis = self.plot_item.getAxis("right")
        axis.linkToView(self._acc_vb)
        axis.setLabel(_tr("accuracy (%)"))
        self._acc_train = GrowingCurve(pen=pg.mkPen(ACCURACY_COLOR, width=2), symbolPen=None,
                                       symbolBrush=ACCURACY_COLOR, symbolSize=5)
        self._acc_test = GrowingCurve(pen=pg.mkPen(ACCURACY_COLOR, width=2, style=Qt.DashLine), symbolPen=None,
                                      symbolBrush=ACCURACY_COLOR, symbolSize=5)
        self._acc_vb.addItem(self._acc_train)
        self._acc_vb.addItem(self._acc_test)
        self._vb.sigResized.connect(self._place_accuracy_box)
        self._accuracy = (np.empty(0, np.int64), np.empty(0), np.empty(0))
        self._accuracy_key = None
        self._accuracy_wanted = False
        self._has_accuracy = False
        self._acc_action = QAction(_tr("Accuracy on a second axis"), self)
        self._acc_action.setCheckable(True)
        self._acc_action.setEnabled(False)
        self._acc_action.toggled.connect(self.set_accuracy_shown)
        self._vb.menu.addAction(self._acc_action)

    def _place_accuracy_box(self) -> None:
        self._acc_vb.setGeometry(self._vb.sceneBoundingRect())

    def set_accuracy(self, steps: np.ndarray, train: np.ndarray, test: np.ndarray) -> None:
        """The share of the points classified right (0 … 1) after the logged steps, on the training and on
        the test points (NaN where there is none: a regression, no test split).  Only read, never written."""
        steps, train, test = np.asarray(steps), np.asarray(train), np.asarray(test)
        self._accuracy = (steps, train, test)
        has = bool(len(train)) and bool(np.isfinite(train).any())
        if has != self._has_accuracy:
            self._has_accuracy = has
            self._acc_action.setEnabled(has)
            self._show_accuracy_axis()
            self.accuracy_available_changed.emit(has)
        self._draw_accuracy()

    def set_accuracy_shown(self, on: bool) -> None:
        """Whether the accuracy axis is wanted; it shows while the run has accuracies (a classification)."""
        on = bool(on)
        if on == self._accuracy_wanted:
            return
        self._accuracy_wanted = on
        self._acc_action.setChecked(on)
        self._show_accuracy_axis()
        self._accuracy_key = None
        self._draw_accuracy()
        self.accuracy_shown_changed.emit(on)

    def accuracy_shown(self) -> bool:
        """The axis is wanted (whether or not the run is a classification)."""
        return self._accuracy_wanted

    def accuracy_visible(self) -> bool:
        return self._accuracy_wanted and self._has_accuracy

    def has_accuracy(self) -> bool:
        return self._has_accuracy

    def accuracy_curves(self) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """(steps, percent) of the training and of the test accuracy as drawn."""
        return tuple(tuple(np.empty(0) if a is None else np.asarray(a) for a in curve.getData())
                     for curve in (self._acc_train, self._acc_test))

    def _show_accuracy_axis(self) -> None:
        visible = self.accuracy_visible()
        self.plot_item.showAxis("right", show=visible)
        self._acc_vb.setVisible(visible)
        self._place_accuracy_box()
        tested = visible and bool(np.isfinite(self._accuracy[2]).any())
        show_entry(self._legend, self._acc_train, _tr("accuracy"), visible)
        show_entry(self._legend, self._acc_test, _tr("test accuracy"), tested)

    def _draw_accuracy(self) -> None:
        if not self.accuracy_visible():
            return
        steps, train, test = self._accuracy
        bins = int(np.clip(self._vb.width(), _MIN_BINS, _MAX_BINS))
        key = (len(steps), steps.__array_interface__["data"][0] if len(steps) else 0,
               float(train[-1]) if len(train) else None, bins)
        if key == self._accuracy_key:
            return
        self._accuracy_key = key
        tested = np.isfinite(test).any() if len(test) else False
        if tested and self._legend.getLabel(self._acc_test) is None:
            self._show_accuracy_axis()
        self._set_symbols((self._acc_train, self._acc_test), len(steps))
        self._acc_train.show_points(*decimate_xy(steps, 100.0 * train, bins))
        self._acc_test.show_points(*decimate_xy(steps, 100.0 * test, bins) if tested else ([], []))

    def _set_symbols(self, curves, points: int) -> None:
        """Logged values are drawn with markers while they are few enough to tell apart (and so are their
        samples in the legend, which is beside the plot and repaints only when asked)."""
        want = "o" if points <= _MAX_SYMBOLS else None
        for curve in curves:
            if curve.opts["symbol"] != want:
                curve.setSymbol(want)
                for sample, _label in self._legend.items:
                    sample.update()

    # ---- smoothing --------------------------------------------------------------------------------------
    def set_smoothing(self, weight: float) -> None:
        """TensorBoard's smoothing (debiased EMA, `bpviz.smoothing`) of the batch loss; 0 shows the raw curve.
        The raw curve stays, faint, behind a smoothed one; the history itself is never changed."""
        weight = check_weight(weight)
        if weight == self.smoothing():
            return
        if weight == 0:
            self._smooth_cache = None
        else:
            self._smooth_cache = PeakCache(smoothing=weight)
            self._smooth_cache.update(self._cache.y)
        self._raw.setVisible(weight > 0)
        self._redraw()
        self.smoothing_changed.emit(weight)

    def smoothing(self) -> float:
        return 0.0 if self._smooth_cache is None else self._smooth_cache.smoothing

    def _redraw(self) -> None:
        n = len(self._cache.y)
        lo, hi = self._vb.viewRange()[0]
        zoomed = not self._vb.autoRangeEnabled()[0] and (lo > 0 or hi < n - 1)
        bins = int(np.clip(self._vb.width(), _MIN_BINS, _MAX_BINS))
        smooth = self._smooth_cache
        for cache, curve in ((self._cache, self._raw if smooth else self._batch), (smooth, self._batch)):
            if cache is None:
                continue
            x, y = cache.decimate(0, n, bins, stable=True)
            if zoomed:
                x, y = _splice((x, y), cache.decimate(lo, hi, bins, stable=True))
            curve.show_points(x, y)

        steps, losses = self._logged_steps, self._logged_losses
        # the logged losses grow every log_every steps only: most frames need not redraw them (and symbols)
        # (a rewound run's arrays are new ones: their address and last value tell them apart)
        key = (len(steps), steps.__array_interface__["data"][0], float(losses[-1]) if len(losses) else None,
               bins, (lo, hi) if zoomed else None, self.log_y(), len(self._test_losses))
        if key == self._logged_key:
            self._vb.updateAutoRange()
            return
        self._logged_key = key
        x, y = decimate_xy(steps, losses, bins)
        i0, i1 = np.searchsorted(steps, [lo, hi]) if zoomed else (0, len(steps))
        if zoomed:
            i0, i1 = max(i0 - 1, 0), min(i1 + 1, len(steps))
            x, y = _splice((x, y), decimate_xy(steps[i0:i1], losses[i0:i1], bins))
        self._set_symbols((self._logged, self._test), i1 - i0)
        self._logged.show_points(x, y)
        self._test.show_points(*decimate_xy(steps, self._test_losses, bins) if len(self._test_losses) else ([], []))
        # follow the data now rather than in the coming paint, where a range change schedules a second one
        self._vb.updateAutoRange()

    def _on_x_range_changed(self) -> None:
        # with x auto-range on, the drawn data already covers everything; redrawing would only chase our tail
        if not self._vb.autoRangeEnabled()[0]:
            self._redraw()

    # ---- log axis ---------------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        """Log-scale loss axis; values <= 0 become gaps (pyqtgraph maps them to NaN)."""
        self._vb.nonnegative_y = not on  # a linear loss axis need not reach below 0 to follow the data
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
        if self._smooth_cache is not None:
            text += _tr(" (smoothed {loss})").format(loss=_num(self._smooth_cache.values(step, step + 1)[0]))
        j = int(np.searchsorted(self._logged_steps, step))
        if j < len(self._logged_steps) and self._logged_steps[j] == step:
            text += _tr(" · loss on all data {loss}").format(loss=_num(self._logged_losses[j]))
            if j < len(self._test_losses):
                text += _tr(" · test loss {loss}").format(loss=_num(self._test_losses[j]))
        if self.accuracy_visible():
            steps, train, test = self._accuracy
            j = int(np.searchsorted(steps, step))
            if j < len(steps) and steps[j] == step and np.isfinite(train[j]):
                text += _tr(" · accuracy {share} %").format(share=f"{100 * train[j]:.1f}")
                if np.isfinite(test[j]):
                    text += _tr(" (test {share} %)").format(share=f"{100 * test[j]:.1f}")
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


class LossPanel(QWidget):
    """The loss plot with its smoothing slider underneath (0 … 0.99, TensorBoard's default 0.6 a click away)."""

    STEPS = 100  # slider positions: weights 0.00 … 0.99

    def __init__(self, plot: LossPlot, parent=None):
        super().__init__(parent)
        self.plot = plot
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(plot, 1)
        row = QHBoxLayout()
        row.setContentsMargins(6, 0, 6, 2)
        self.smoothing_label = label = QLabel()
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("smoothing_slider")
        self.slider.setRange(0, min(self.STEPS - 1, int(MAX_WEIGHT * self.STEPS)))
        label.setBuddy(self.slider)
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(self.value_label.fontMetrics().horizontalAdvance("0.00 "))
        row.addWidget(label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        # a classification's accuracy on a second axis; the box shows only when the run has one
        self.accuracy_box = QCheckBox()
        self.accuracy_box.setObjectName("accuracy_axis_box")
        self.accuracy_box.setVisible(plot.has_accuracy())
        self.accuracy_box.toggled.connect(plot.set_accuracy_shown)
        plot.accuracy_shown_changed.connect(self.accuracy_box.setChecked)
        plot.accuracy_available_changed.connect(self.accuracy_box.setVisible)
        row.addSpacing(12)
        row.addWidget(self.accuracy_box)
        column.addLayout(row)
        self.slider.valueChanged.connect(lambda v: plot.set_smoothing(v / self.STEPS))
        plot.smoothing_changed.connect(self._show)
        self._show(plot.smoothing())
        self.retranslate()

    def retranslate(self) -> None:
        self.smoothing_label.setText(_tr("Smoothing"))
        self.slider.setToolTip(_tr("Exponential moving average of the batch loss, debiased as in TensorBoard; "
                                   "the raw curve stays faint behind. Exported figures use it too; "
                                   "CSV tables keep the raw values."))
        self.accuracy_box.setText(_tr("Accuracy"))
        self.accuracy_box.setToolTip(_tr("The share of the points classified right at the logged steps, on the "
                                         "training points and (dashed) the test points, on an axis on the right"))
        self.plot.retranslate()

    def _show(self, weight: float) -> None:
        self.value_label.setText(f"{weight:.2f}")
        position = round(weight * self.STEPS)
        if self.slider.value() != position:
            self.slider.blockSignals(True)
            self.slider.setValue(position)
            self.slider.blockSignals(False)


class _LossAxis(pg.AxisItem):
    """The loss axis. On a log scale spanning less than a few decades pyqtgraph labels every 0.1 … 0.9
    of a decade, the labels then overlapping; these are thinned to labels at least a text line apart,
    decades first, then 5s, 2s and the rest."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enableAutoSIPrefix(False)  # "loss (x0.001)" puzzles learners

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        levels = super().logTickValues(minVal, maxVal, size, stdTicks)
        line = self.fontMetrics().height() if hasattr(self, "fontMetrics") else 14
        return thin_log_ticks(levels, minVal, maxVal, size, line + _LOG_LABEL_GAP_PX)

    def fontMetrics(self):
        from PySide6.QtGui import QFontMetrics
        return QFontMetrics(self.style["tickFont"] or self.font())


def thin_log_ticks(levels, lo: float, hi: float, size_px: float, min_gap_px: float):
    """Keep, of log10 tick values, those at least `min_gap_px` apart on an axis `size_px` long showing
    lo .. hi; whole decades are preferred, then mantissas 5, 2, 3 and the rest."""
    if hi <= lo or size_px <= 0:
        return levels
    px = size_px / (hi - lo)
    rank = {1: 0, 5: 1, 2: 2, 3: 3}
    kept: list[float] = []
    out = []
    for spacing, values in levels:
        order = sorted(values, key=lambda v: rank.get(round(10 ** (v - math.floor(v + 1e-9))), 4))
        level = []
        for v in order:
            if all(abs(v - k) * px >= min_gap_px for k in kept):
                kept.append(v)
                level.append(v)
        out.append((spacing, sorted(level)))
    return out


def _faint(color: QColor) -> QColor:
    faint = QColor(color)
    faint.setAlpha(_RAW_ALPHA)
    return faint


class _StepAxis(pg.AxisItem):
    """Whole steps with digit grouping: "1,000,200" reads better than pyqtgraph's "1.0002e+06" when zoomed."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):
        if spacing < 1:  # zoomed below one step: only whole steps exist
            return ["" if v != round(v) else f"{v:,.0f}" for v in values]
        return [f"{v:,.0f}" for v in values]


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
        self._key = None
        self._lines: list[QLineF] = []  # for the view of `_key`: most paints are of a strip of an unmoved view

    def set_steps(self, steps: np.ndarray) -> None:
        self._steps = steps
        self._key = None
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
        key = (rect, vb.width(), vb.height())
        if key != self._key:
            self._key = key
            px_w, px_h = rect.width() / max(vb.width(), 1), rect.height() / max(vb.height(), 1)
            i0, i1 = np.searchsorted(self._steps, [rect.left(), rect.right()])
            stride = max(1, math.ceil((i1 - i0) * 3 * px_w / max(rect.width(), 1e-300)))
            y0, y1 = rect.top(), rect.top() + 12 * px_h
            self._lines = [QLineF(x, y0, x, y1) for x in self._steps[i0:i1:stride]]
        p.setPen(self.pen)
        p.drawLines(self._lines)


class _TickSample(pg.ItemSample):
    """Legend sample that looks like the tick marks (a short vertical line)."""

    def paint(self, p, *args) -> None:
        p.setPen(self.item.pen)
        p.drawLine(10, 4, 10, 16)
