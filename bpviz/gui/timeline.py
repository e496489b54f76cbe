"""The timeline: a slider over every step reached, the old future after a rewind, and branch points.

Design (the window's rewind):

* The slider (and spin box) go from 0 to the latest step reached.  Dragging previews the step on the loss
  plot (cursor and readout); releasing, clicking or typing a step seeks there (paused).  Seeking back is the
  trainer's checkpoint replay; the update that led to the step is recorded again for the inspector.
* Going back keeps the *old future*: its batch losses (drawn as a faint dashed curve in the loss plot) and
  its edits.  Seeking forward or stepping replays it — the same numbers bit for bit, the old edits
  re-applied at their steps — so the slider still reaches the old end.
* Once the new history differs from the old future (a weight edited, the learning rate changed, anything
  that gives another loss), the run has *branched*: the old future can no longer be reached, stays as a
  faint "abandoned" curve, and a marker line "branched at step k" shows where.  k is the step of the
  edit, or the first step whose loss differs from the old future's.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSlider, QSpinBox, QToolBar

GHOST_COLOR = QColor(150, 150, 150, 170)
BRANCH_COLOR = QColor(200, 60, 160)


def apply_edit(trainer, edit) -> None:
    """Re-apply a recorded edit at the trainer's current step (worker thread)."""
    if edit.kind == "lr":
        trainer.set_lr(edit.value)
    else:
        trainer.set_weight(edit.name, edit.index, edit.value)


class Timeline(QObject):
    seek_requested = Signal(int)

    def __init__(self, loss_plot, parent=None):
        super().__init__(parent)
        self.loss_plot = loss_plot
        self.toolbar = QToolBar(self.tr("Timeline"))
        self.toolbar.setObjectName("timeline_toolbar")
        self.toolbar.setMovable(False)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("timeline_slider")
        self.slider.setToolTip(self.tr("Drag to preview a past step, release to go there (replayed exactly)"))
        self.slider.setFocusPolicy(Qt.NoFocus)  # ← → stay the window's Step shortcut
        self.spin = QSpinBox()
        self.spin.setObjectName("timeline_spin")
        self.spin.setKeyboardTracking(False)
        self.spin.setToolTip(self.tr("Go to this step"))
        self.reach_label = QLabel()
        self.info = QLabel()
        self.info.setTextFormat(Qt.RichText)
        self.toolbar.addWidget(QLabel(self.tr(" Timeline: step ")))
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

    # -- state ------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """A new trainer: no future kept, no branch."""
        self.saved: np.ndarray | None = None  # batch losses of the old future (steps 0 .. len-1)
        self.saved_edits: list = []
        self.branched_at: int | None = None
        self.step = 0
        self.reach = 0
        self._batch = np.empty(0, np.float32)
        self._drawn = None
        self.ghost.setData([], [])
        self.marker.hide()
        self._set_controls(0, 0)
        self.info.setText("")

    def future_edits(self) -> list:
        """Edits of the old future that a forward seek or step re-applies ([] once branched)."""
        return list(self.saved_edits) if self.saved is not None and self.branched_at is None else []

    def before_seek(self, target: int) -> None:
        """Keep the future before going back to `target`."""
        if target >= self.step:
            return
        keep = self.saved is not None and self.branched_at is None and len(self.saved) >= self.step
        if not keep:
            self.saved = self._batch[: self.step].copy()
            self.saved_edits = []
            self.branched_at = None
            self.marker.hide()

    def after_seek(self, edits: list, from_step: int) -> None:
        """The trainer's edits (up to the old step, plus the kept future's) as the seek found them."""
        if self.saved is not None and self.branched_at is None:
            self.saved_edits = list(edits)

    def edited_at(self, step: int) -> None:
        """A change made at `step` (before update `step`): a branch if an old future exists past it."""
        if self.saved is not None and self.branched_at is None and step < len(self.saved):
            self._branch(step)

    def show_snapshot(self, snap) -> None:
        self.step = snap.step
        self._batch = snap.batch_losses[: snap.step]
        if self.saved is not None and self.branched_at is None:
            n = min(snap.step, len(self.saved))
            differ = np.flatnonzero(self._batch[:n] != self.saved[:n])
            if len(differ):
                self._branch(int(differ[0]))
            elif snap.step >= len(self.saved):  # the whole old future was replayed: nothing left to show
                self.saved, self.saved_edits = None, []
        reach = snap.step
        if self.saved is not None and self.branched_at is None:
            reach = max(reach, len(self.saved))
        self.reach = reach
        if not self.slider.isSliderDown():
            self._set_controls(snap.step, reach)
        self._draw_ghost()

    # -- internals ------------------------------------------------------------------------------------
    def _branch(self, step: int) -> None:
        self.branched_at = step
        self.marker.label.setFormat(self.tr("branched at step {k}").format(k=step))
        self.marker.setPos(step)
        self.marker.show()
        self.marker.label.valueChanged()  # the label's text is only rebuilt when a visible line moves

    def _draw_ghost(self) -> None:
        if self.saved is None:
            key = None
        elif self.branched_at is not None:
            key = ("branch", self.branched_at, len(self.saved))
        else:
            key = ("future", self.step, len(self.saved))
        if key == self._drawn:
            return
        self._drawn = key
        if key is None:
            self.ghost.setData([], [])
            self.info.setText("")
            return
        start = max(min(key[1], len(self.saved)) - 1, 0)
        x = np.arange(start, len(self.saved))
        self.ghost.setData(x, self.saved[start:].astype(np.float64))
        if key[0] == "branch":
            self.info.setText(self.tr(
                " <span style='color:#c83ca0'><b>branched at step {k}</b></span> — the faint dashed curve is the "
                "abandoned future (to step {n})").format(k=key[1], n=len(self.saved)))
        else:
            self.info.setText(self.tr(
                " rewound — the faint dashed curve is the old future (to step {n}): step or seek forward to replay "
                "it exactly; change something to branch").format(n=len(self.saved)))

    def _set_controls(self, step: int, reach: int) -> None:
        self._updating = True
        try:
            self.slider.setRange(0, reach)
            self.slider.setValue(step)
            self.spin.setRange(0, reach)
            self.spin.setValue(step)
            self.reach_label.setText(self.tr(" of {n} ").format(n=f"{reach:,}"))
        finally:
            self._updating = False

    @Slot(int)
    def _preview(self, step: int) -> None:
        if step < self.step:
            self.loss_plot.show_readout_at_step(step)
        elif self.saved is not None and step < len(self.saved):  # in the old future: read the faint curve
            self.loss_plot.show_readout_at_step(self.step - 1)
            self.loss_plot.plot_item.setTitle(self.tr("step {step} · batch loss {loss} (old future; release to "
                                                      "replay it)").format(step=step, loss=f"{self.saved[step]:.6g}"),
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
