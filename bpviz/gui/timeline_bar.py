"""The timeline bar: a slider over every step reached, the old future after a rewind, and branch points.

The state — the kept future, its replay, where the run branched — lives in the engine
(`bpviz.engine.timeline`); this bar only draws the snapshot's `TimelineView`:

* The slider (and spin box) go from 0 to the furthest step reachable.  Dragging previews the step on the
  loss plot (cursor and readout); releasing, clicking or typing a step asks to go there (paused).
* After going back, the old future's batch losses are drawn as a faint dashed curve; training forward
  (seek, Step, Start) replays it bit for bit, so the slider still reaches the old end.
* Once the run has branched, the old future stays as a faint "abandoned" curve and a marker line
  "branched at step k" shows where.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSlider, QSpinBox, QToolBar

from bpviz.engine.timeline import TimelineView

from .steady_label import SteadyLabel, hold_size, release

GHOST_COLOR = QColor(150, 150, 150, 170)
BRANCH_COLOR = QColor(200, 60, 160)


class TimelineBar(QObject):
    seek_requested = Signal(int)

    def __init__(self, loss_plot, parent=None):
        super().__init__(parent)
        self.loss_plot = loss_plot
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("timeline_toolbar")
        self.toolbar.setMovable(False)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("timeline_slider")
        self.slider.setFocusPolicy(Qt.NoFocus)  # ← → stay the window's Step shortcut
        self.spin = QSpinBox()
        self.spin.setObjectName("timeline_spin")
        self.spin.setKeyboardTracking(False)
        self.reach_label = SteadyLabel()
        self.info = QLabel()
        self.info.setTextFormat(Qt.RichText)
        self._title = QLabel()
        self.toolbar.addWidget(self._title)
        self.toolbar.addWidget(self.spin)
        self.toolbar.addWidget(self.reach_label)
        self.toolbar.addWidget(self.slider)
        self.toolbar.addWidget(self.info)
        self.slider.setMinimumWidth(300)

        self.ghost = pg.PlotDataItem(pen=pg.mkPen(GHOST_COLOR, width=1.5, style=Qt.DashLine))
        self.ghost.setZValue(-5)
        loss_plot.plot_item.addItem(self.ghost)
        self.marker = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(BRANCH_COLOR, width=2),
                                      label="", labelOpts={"position": 0.92, "color": BRANCH_COLOR,
                                                           "fill": (255, 255, 255, 200)})
        self.marker.hide()
        loss_plot.plot_item.addItem(self.marker, ignoreBounds=True)

        self.slider.sliderMoved.connect(self._preview)
        self.slider.sliderReleased.connect(lambda: self._request(self.slider.value()))
        self.slider.valueChanged.connect(self._on_value_changed)
        self.spin.valueChanged.connect(self._request)
        self._updating = False
        self.reset()
        self.retranslate()

    def retranslate(self) -> None:
        """The bar's texts in the current language (the inspection workspace calls it on LanguageChange)."""
        self.toolbar.setWindowTitle(self.tr("Timeline"))
        self.slider.setToolTip(self.tr("Drag to preview a past step, release to go there (replayed exactly)"))
        self.spin.setToolTip(self.tr("Go to this step"))
        self._title.setText(self.tr(" Timeline: step "))
        self.reach_label.setText(self.tr(" of {n} ").format(n=f"{self.reach:,}"))
        release(self.reach_label)
        if self.view is not None:
            self._drawn = None
            self._draw(self.view)

    # -- state ------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """A new trainer: nothing kept, no branch."""
        self.view: TimelineView | None = None
        self.step = 0
        self.reach = 0
        self._drawn = None
        self.ghost.setData([], [])
        self.marker.hide()
        self._set_controls(0, 0)
        self.info.setText("")

    @property
    def branched_at(self) -> int | None:
        return None if self.view is None else self.view.branched_at

    def show_snapshot(self, snap) -> None:
        view = self.view = snap.timeline
        self.step = snap.step
        self.reach = view.reach
        if not self.slider.isSliderDown():
            self._set_controls(snap.step, view.reach)
        self._draw(view)

    # -- internals ------------------------------------------------------------------------------------
    def _draw(self, view: TimelineView) -> None:
        future = view.future_losses
        if future is None:
            key = None
        elif view.branched_at is not None:
            key = ("branch", view.branched_at, len(future))
        else:
            key = ("future", view.step, len(future))
        if key == self._drawn:
            return
        self._drawn = key
        if key is None:
            self.ghost.setData([], [])
            self.marker.hide()
            self.info.setText("")
            return
        start = max(min(key[1], len(future)) - 1, 0)
        self.ghost.setData(np.arange(start, len(future)), future[start:].astype(np.float64))
        if key[0] == "branch":
            self.marker.label.setFormat(self.tr("branched at step {k}").format(k=key[1]))
            self.marker.setPos(key[1])
            self.marker.show()
            self.marker.label.valueChanged()  # the label's text is only rebuilt when a visible line moves
            self.info.setText(self.tr(
                " <span style='color:#c83ca0'><b>branched at step {k}</b></span> — the faint dashed curve is the "
                "abandoned future (to step {n})").format(k=key[1], n=len(future)))
        else:
            self.marker.hide()
            self.info.setText(self.tr(
                " rewound — the faint dashed curve is the old future (to step {n}): step, run or seek forward to "
                "replay it exactly; change something to branch").format(n=len(future)))

    def _set_controls(self, step: int, reach: int) -> None:
        self._updating = True
        try:
            if reach != self.spin.maximum():
                self.slider.setRange(0, reach)
                self.spin.setRange(0, reach)
                hold_size(self.spin)
            self.slider.setValue(step)
            self.spin.setValue(step)
            self.reach_label.setText(self.tr(" of {n} ").format(n=f"{reach:,}"))
        finally:
            self._updating = False

    @Slot(int)
    def _preview(self, step: int) -> None:
        if step < self.step:
            self.loss_plot.show_readout_at_step(step)
        elif self.view is not None and self.view.replayable and step < len(self.view.future_losses):
            # in the old future: read the faint curve
            self.loss_plot.show_readout_at_step(self.step - 1)
            loss = self.view.future_losses[step]
            self.loss_plot.plot_item.setTitle(self.tr("step {step} · batch loss {loss} (old future; release to "
                                                      "replay it)").format(step=step, loss=f"{loss:.6g}"),
                                              size="9pt", justify="left")

    @Slot(int)
    def _on_value_changed(self, value: int) -> None:
        if not self._updating and not self.slider.isSliderDown():
            self._request(value)  # a click on the groove, or a key

    @Slot(int)
    def _request(self, step: int) -> None:
        if self._updating or step == self.step:
            return
        self.seek_requested.emit(int(step))
