"""Step through backpropagation inside the main window: the inspector docks, wired to the worker.

`InspectWorkspace` builds the docks (step inspector, network diagram, code, per-sample table, gradient
check, gradients & optimizer state) and the timeline tool bar, and connects them to the training
controller.  Every number comes from the engine, on the worker thread, through `controller.call`:
the GUI thread never touches the Trainer.

Inspect-mode stepping: while any of these docks is visible, Step (→) pauses and runs
`sample_table(t)` then `record_step(t)` on the worker (one ordinary update, the same code path as
`Trainer.run`), publishes a snapshot, and re-emits the controller's `stepped` signal, so that the
window reacts exactly as to an ordinary step.

Rewind and branching live in the engine (`bpviz.engine.timeline`, `Trainer.seek`); the timeline bar
(`timeline_bar.py`) draws what the snapshot says of them and asks for seeks.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from bpviz.engine.config import OptimizerConfig
from bpviz.engine.datasets import label_rule
from bpviz.engine.optimizers import OPTIMIZERS, slots_of
from bpviz.engine.step_record import (RecordedStep, RunState, SampleTable, gradient_check, read_state,
                                      recorded_step, sample_table)
from bpviz.engine.trainer import Diverged

from .inspector import CodePanel, GradientCheckView, NetworkDiagram, SampleTableView, StepInspector
from .inspector._common import index_text
from .language import Retranslating
from .status_bar import SUCCESS, WARNING
from .timeline_bar import TimelineBar
from .worker_protocol import PAUSED
from .views.heatmap import WeightPanel

POLL_MS = 250  # how often the docks look at the latest snapshot (state refreshes at most this often)


@dataclass(frozen=True)
class SeekResult:
    """Where a seek arrived: the update that led there recorded again (None at step 0), or a divergence."""

    state: RunState | None
    table: SampleTable | None
    recorded: RecordedStep | None
    diverged: tuple[int, float, int] | None = None  # step, loss, kept step


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area: a narrow dock scrolls instead of forcing the window wider."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    return area


def _tr(text: str) -> str:
    """A text of an optimizer module, translated (context "optimizers")."""
    return QCoreApplication.translate("optimizers", text)


class GradientPanel(Retranslating, QWidget):
    """∂L/∂W, ΔW of the last recorded update and the optimizer's state, as heatmaps like the weights'."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._shown: dict[str, tuple] = {}  # what the captions say: "state" (step, lr_t), "delta" (step, lr_t)
        self._tabs = QTabWidget()
        self._tabs.setDocumentMode(True)
        self._panels: dict[str, WeightPanel] = {}
        self._captions: dict[str, QLabel] = {}
        self._optimizer = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tabs)
        self.set_optimizer("gd")

    def set_optimizer(self, optimizer: str | OptimizerConfig) -> None:
        """One tab per state slot of the optimizer (a name, or the run's optimizer settings)."""
        config = OptimizerConfig(optimizer=optimizer) if isinstance(optimizer, str) else optimizer
        slots = slots_of(config)
        if (config.optimizer, slots) == self._optimizer:
            return
        self._optimizer = (config.optimizer, slots)
        self._optimizer_config = config
        current = self._tabs.tabText(self._tabs.currentIndex()) if self._tabs.count() else ""
        self._tabs.clear()
        for panel in self._panels.values():
            panel.parentWidget().deleteLater()
        self._panels, self._captions = {}, {}
        kinds = [("grad", self.tr("∂L/∂W")), ("delta", self.tr("ΔW last step"))]
        kinds += [(slot.name, _tr(slot.label)) for slot in slots]
        for key, label in kinds:
            page = QWidget()
            box = QVBoxLayout(page)
            box.setContentsMargins(2, 2, 2, 2)
            box.setSpacing(2)
            caption = QLabel()
            caption.setWordWrap(True)
            caption.setTextFormat(Qt.RichText)
            panel = WeightPanel()
            panel.setObjectName(f"{key}_panel")
            box.addWidget(caption)
            box.addWidget(panel, 1)
            self._panels[key], self._captions[key] = panel, caption
            self._tabs.addTab(page, label)
            if label == current:
                self._tabs.setCurrentWidget(page)
        self._shown = {}
        self.retranslate()

    def retranslate(self) -> None:
        """Tab titles and captions in the current language, saying what they said."""
        if self._optimizer is None:
            return
        slots = slots_of(self._optimizer_config)
        titles = [self.tr("∂L/∂W"), self.tr("ΔW last step")] + [_tr(slot.label) for slot in slots]
        for i, title in enumerate(titles):
            self._tabs.setTabText(i, title)
        self._captions["grad"].setText(self.tr("<b>∂L/∂W</b> of the last update: each weight moves against it."))
        self._captions["grad"].setToolTip(self.tr(
            "How much the batch loss would change per unit change of each weight (regularisation included)."))
        self._captions["delta"].setText(self.tr("<b>ΔW = new − old</b>: no update recorded yet (press Step →)."))
        for slot in slots:
            self._captions[slot.name].setText(_tr(slot.caption))
        if "state" in self._shown:
            self._state_captions(*self._shown["state"])
        if "delta" in self._shown:
            self._delta_caption(*self._shown["delta"])

    def set_state(self, gradients: dict, slots: dict, lr_t: float | None = None, step: int = 0) -> None:
        self._put("grad", gradients, "∂L/∂{}")
        for slot, values in slots.items():
            if slot in self._panels:
                self._put(slot, values, "{}" + (" " + slot if slot != "accumulator" else " acc"))
        self._shown["state"] = (step, lr_t)
        self._state_captions(step, lr_t)

    def _state_captions(self, step: int, lr_t: float | None) -> None:
        self._captions["grad"].setText(
            self.tr("<b>∂L/∂W</b> of the last update: each weight moves against it.") if step else
            self.tr("<b>∂L/∂W</b>: no update yet — all zero until the first step (press Step →)."))
        if lr_t is not None and self._optimizer[0] == "adam":
            self._captions["v"].setText(self.tr(
                "<b>Adam's v</b>: v′ = v + (g² − v)(1 − β2). Update {i}: <b>lr_t = {lr_t:.6g}</b> "
                "(bias-corrected); each weight moved −lr_t·m′/(√v′ + ε): see ΔW.").format(i=max(step - 1, 0),
                                                                                          lr_t=lr_t))

    def set_delta(self, delta: dict, step: int, lr_t: float | None = None) -> None:
        self._put("delta", delta, "Δ{}")
        self._shown["delta"] = (step, lr_t)
        self._delta_caption(step, lr_t)

    def _delta_caption(self, step: int, lr_t: float | None) -> None:
        text = self.tr("<b>ΔW = new − old</b> of update i = {i}: each weight's effective step").format(i=step)
        if lr_t is not None and self._optimizer[0] == "adam":
            text += self.tr(" (= −lr_t·m′/(√v′ + ε), lr_t = {lr_t:.6g})").format(lr_t=lr_t)
        self._captions["delta"].setText(text + ".")

    def clear(self) -> None:
        self._optimizer = None
        self.set_optimizer(self._optimizer_config)

    def panel(self, key: str) -> WeightPanel:
        return self._panels[key]

    def tabs(self) -> QTabWidget:
        return self._tabs

    def _put(self, key: str, values: dict, title: str) -> None:
        panel = self._panels[key]
        panel.set_weights(values)
        for name in values:
            panel.heatmap(name).set_title(title.format(name))


class InspectWorkspace(QObject):
    """The inspection docks and the timeline of one MainWindow (construct after its menus and tool bar)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = c = window.controller
        self.inspector = StepInspector()
        self.inspector.setObjectName("step_inspector")
        self.diagram = NetworkDiagram()
        self.diagram.setObjectName("network_diagram")
        self.code = CodePanel()
        self.code.setObjectName("code_panel")
        self.samples = SampleTableView()
        self.samples.setObjectName("sample_table")
        self.gradcheck = GradientCheckView()
        self.gradcheck.setObjectName("gradient_check")
        self.gradcheck.button().setFocusPolicy(Qt.NoFocus)  # → must keep stepping after a click
        self.gradients = GradientPanel()
        self.gradients.setObjectName("gradient_panel")
        self.samples_caption = QLabel()
        self.samples_caption.setTextFormat(Qt.RichText)
        self._samples_state: int | None = None  # the update the sample table shows (-1: step 0), None: none yet
        self.samples_caption.setWordWrap(True)
        samples_box = QWidget()
        box = QVBoxLayout(samples_box)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(self.samples_caption)
        box.addWidget(self.samples, 1)

        w = window
        self.inspector_dock = w.add_dock("inspector_dock", "", scrolled(self.inspector),
                                      Qt.BottomDockWidgetArea)
        w.tabifyDockWidget(w.loss_dock, self.inspector_dock)
        self.gradients_dock = w.add_dock("gradients_dock", "", self.gradients,
                                      Qt.RightDockWidgetArea)
        w.splitDockWidget(w.weights_dock, self.gradients_dock, Qt.Vertical)
        w.resizeDocks([w.weights_dock, self.gradients_dock], [1, 1], Qt.Vertical)  # W and ∂L/∂W alike
        self.network_dock = w.add_dock("network_dock", "", scrolled(self.diagram),
                                    Qt.RightDockWidgetArea)
        w.tabifyDockWidget(w.weights_dock, self.network_dock)
        self.code_dock = w.add_dock("code_dock", "", scrolled(self.code), Qt.RightDockWidgetArea)
        w.tabifyDockWidget(self.gradients_dock, self.code_dock)
        self.samples_dock = w.add_dock("samples_dock", "", samples_box, Qt.LeftDockWidgetArea)
        w.tabifyDockWidget(w.panel_dock, self.samples_dock)
        self.gradcheck_dock = w.add_dock("gradcheck_dock", "", self.gradcheck,
                                      Qt.LeftDockWidgetArea)
        w.tabifyDockWidget(w.panel_dock, self.gradcheck_dock)
        for first in (w.loss_dock, w.weights_dock, self.gradients_dock, w.panel_dock):
            first.raise_()
        self.docks = [self.inspector_dock, self.network_dock, self.code_dock, self.samples_dock,
                      self.gradcheck_dock, self.gradients_dock]

        self._samples_widened = False
        self._table_stale = False
        self.samples_dock.visibilityChanged.connect(self._on_samples_shown)

        self.timeline = TimelineBar(w.loss_plot)
        self.timeline.seek_requested.connect(self.seek)
        w.addToolBar(Qt.BottomToolBarArea, self.timeline.toolbar)

        # walk the phases from anywhere in the window (→ stays "Step one mini-batch")
        self.act_next_phase = w.add_action("act_next_phase", "", self.inspector.next_phase, "Ctrl+Right")
        self.act_prev_phase = w.add_action("act_prev_phase", "", self.inspector.previous_phase, "Ctrl+Left")
        view = w.view_menu
        view.addSeparator()
        view.addActions([self.act_prev_phase, self.act_next_phase])
        view.addSeparator()
        for dock in self.docks:
            view.addAction(dock.toggleViewAction())
        view.addAction(self.timeline.toolbar.toggleViewAction())

        self.inspector.phase_changed.connect(self.code.highlight_phase)
        self.inspector.phase_changed.connect(self.diagram.highlight_phase)
        self.inspector.weight_highlighted.connect(self.diagram.highlight_link)
        self.diagram.weight_edited.connect(self.edit_weight)
        self.gradcheck.check_requested.connect(self.check_gradients)
        self.samples.sample_selected.connect(self._on_sample_selected)
        w.boundary.sample_clicked.connect(self._on_point_clicked)
        c.trainer_replaced.connect(self._on_trainer_replaced)

        self._generation = None
        self._config_key = None
        self._state_serial = -1
        self._state_pending = False
        self._state_time = 0.0
        self._checked_params: np.ndarray | None = None
        self.records = 0  # records shown (for tests)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    # -- state ----------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Dock titles and actions in the current language (the window calls it on LanguageChange)."""
        for dock, title in ((self.inspector_dock, self.tr("Step inspector")),
                            (self.gradients_dock, self.tr("Gradients && optimizer")),
                            (self.network_dock, self.tr("Network")), (self.code_dock, self.tr("Code")),
                            (self.samples_dock, self.tr("Samples")), (self.gradcheck_dock, self.tr("Gradient check"))):
            dock.setWindowTitle(title)
        for action, text, tip in ((self.act_next_phase, self.tr("Next phase"),
                                   self.tr("Step inspector: next phase (Ctrl+→)")),
                                  (self.act_prev_phase, self.tr("Previous phase"),
                                   self.tr("Step inspector: previous phase (Ctrl+←)"))):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self._show_samples_caption(self._samples_state)
        self.timeline.retranslate()

    def inspecting(self) -> bool:
        """Whether Step should record the update (one of the inspection docks is on screen)."""
        return any(d.isVisible() and not d.visibleRegion().isEmpty() for d in self.docks) or any(
            d.isFloating() and d.isVisible() for d in self.docks)

    @Slot(bool)
    def _on_samples_shown(self, visible: bool) -> None:
        """The first time the table comes up, widen the left column so that loss and share are in view."""
        if visible:
            self._fill_table_if_shown()
        if visible and not self._samples_widened and self.window.isVisible():
            self._samples_widened = True
            width = self.samples.horizontalHeader().length() + self.samples.verticalScrollBar().sizeHint().width() + 12
            room = self.samples_dock.width() + max(self.window.centralWidget().width() - 460, 0)  # keep the plot
            if self.samples_dock.width() < width:
                self.window.resizeDocks([self.samples_dock], [min(width, room, 480)], Qt.Horizontal)

    # -- actions --------------------------------------------------------------------------------------
    def step(self) -> bool:
        """Step one mini-batch recording the update; False if the window should step as usual."""
        if not self.inspecting():
            return False
        # the worker's own Step command, so that stepped/diverged are reported as for any step
        self.controller.step(record=recorded_step, on_result=self._on_recorded)
        return True

    @Slot(int)
    def seek(self, target: int) -> None:
        """Go to step `target` (paused): back by checkpoint replay, forward by replaying the kept future;
        the update that led there is recorded again for the inspector."""
        self.controller.pause()

        def go(t) -> SeekResult:
            try:
                t.seek(max(target - 1, 0))
                if target == 0:
                    return SeekResult(read_state(t), sample_table(t), None)
                recorded = recorded_step(t)
                return SeekResult(recorded.state, recorded.table, recorded)
            except Diverged as exc:
                return SeekResult(None, None, None, (exc.step, float(exc.loss), exc.kept_step))

        self.controller.call(go, self._on_seeked, self._on_error, changes_state=True)

    @Slot(str, tuple, float)
    def edit_weight(self, name: str, index: tuple, value: float) -> None:
        def edit(t) -> RunState:
            t.set_weight(name, index, value)
            return read_state(t)

        def done(state: RunState) -> None:
            self._show_state(state)
            step = state.step
            self.gradcheck.clear()
            self.poll()
            self.window.status.set_message(self.tr(
                "{w} = {v}: takes effect at the next update (i = {step}) and is recorded in the history").format(
                w=index_text(name, index), v=f"{value:g}", step=step), SUCCESS)

        self.controller.call(edit, done, self._on_error, changes_state=True)

    @Slot()
    def check_gradients(self) -> None:
        self.gradcheck.button().setEnabled(False)

        def check(t):
            return t.params.copy(), gradient_check(t), t.step

        def done(result):
            params, errors, step = result
            self.gradcheck.button().setEnabled(True)
            self._checked_params = params
            self.gradcheck.set_result(errors)

        def failed(text):
            self.gradcheck.button().setEnabled(True)
            self._on_error(text)

        self.controller.call(check, done, failed)

    # -- results (GUI thread) ------------------------------------------------------------------------
    def _on_recorded(self, result: RecordedStep | None) -> None:
        if result is None:  # the update diverged: the worker reported it like any step
            return
        self._show_record(result)
        self.poll()

    def _on_seeked(self, result: SeekResult) -> None:
        if result.diverged is not None:
            self.controller.diverged.emit(*result.diverged)
            return
        if result.recorded is not None:
            self._show_record(result.recorded)
        else:
            self.inspector.clear()
            self.samples.set_table(result.table)
            self._show_samples_caption(-1)
            self._show_state(result.state)
        self.poll()
        self.window.status.set_message(self.tr("At step {step} (replayed from the nearest checkpoint)").format(
            step=f"{result.state.step:,}"))

    def _show_record(self, result: RecordedStep) -> None:
        rec = result.record
        snap = self.controller.latest_snapshot()
        lc = snap.config.loss
        labels, regression = _data_rule(snap)
        self.inspector.set_record(rec, lc.loss, lc.l1, lc.l2, lc.cost, lc.profit, labels=labels,
                                  regression=regression)
        self.samples.source_model().set_label_rule(labels, regression)
        self.samples.set_table(result.table)
        self._show_samples_caption(rec.step)
        self.gradients.set_delta(rec.delta, rec.step, rec.lr_t if rec.optimizer == "adam" else None)
        self._show_state(result.state)
        self.gradcheck.clear()
        self.records += 1

    def _show_state(self, state: RunState) -> None:
        self.diagram.set_values(state.weights, state.gradients if state.step > 0 else None)
        self.gradients.set_state(state.gradients, state.slots, state.lr_t, state.step)

    def _on_error(self, text: str) -> None:
        self.window.status.set_message(self.tr("Could not do that: {error}").format(error=text), WARNING)

    @Slot(int)
    def _on_sample_selected(self, i: int) -> None:
        self.window.live.show_sample(i)  # rings the point and says what the network makes of it

    @Slot(int)
    def _on_point_clicked(self, i: int) -> None:
        self.samples.select_sample(i)

    @Slot(int)
    def _on_trainer_replaced(self, generation: int) -> None:
        self._generation = None  # poll() sets the new network up

    # -- polling the snapshot ------------------------------------------------------------------------
    @Slot()
    def poll(self) -> None:
        snap = self.controller.latest_snapshot()
        if snap is None:
            return
        if snap.generation != self._generation:
            self._new_trainer(snap)
        m = snap.config.model
        self.code.set_model(m.hidden, m.activation, m.bias, snap.config.loss.loss)
        cfg = snap.config.optimizer
        if cfg != self._config_key:
            self._config_key = cfg
            used = OPTIMIZERS[cfg.optimizer].hyperparameters
            self.code.set_optimizer(cfg.optimizer, cfg.lr, **{name: getattr(cfg, name) for name in used})
            self.gradients.set_optimizer(cfg)
        self.timeline.show_snapshot(snap)
        if self._checked_params is not None and not np.array_equal(self._checked_params, snap.params):
            self._checked_params = None
            self.gradcheck.clear()  # the result belonged to other weights
        now = time.perf_counter()
        due = snap.mode == PAUSED or now - self._state_time >= POLL_MS / 1000
        if snap.serial != self._state_serial and not self._state_pending and due and self.inspecting():
            self._state_pending = True
            self._state_serial = snap.serial
            self._state_time = now
            self.controller.call(read_state, self._on_state, self._on_state_error)

    def _on_state(self, state: RunState) -> None:
        self._state_pending = False
        self._show_state(state)

    def _on_state_error(self, text: str) -> None:
        self._state_pending = False

    def _new_trainer(self, snap) -> None:
        self._generation = snap.generation
        self._state_pending = False
        self._state_serial = -1
        self._checked_params = None
        self.diagram.set_structure(list(snap.sizes), snap.config.model.bias)
        self.samples.source_model().set_label_rule(*_data_rule(snap))
        self.inspector.clear()
        self.gradients.clear()
        self.gradcheck.clear()
        self.timeline.reset()
        self._show_samples_caption(None)
        self._table_stale = True
        self._fill_table_if_shown()

    def _show_samples_caption(self, state: int | None) -> None:
        """What the sample table shows: nothing recorded (None), step 0 (-1) or update i."""
        self._samples_state = state
        if state is None:
            text = self.tr("Samples of the run; press Step (→) to record an update.")
        elif state < 0:
            text = self.tr("Step 0: the first batch (✓) is what update i = 0 will train on.")
        else:
            text = self.tr(
                "Update i = {i}: each sample's prediction and loss <i>before</i> the update; ✓ = in its batch, "
                "share = its part of the batch gradient. Select a row to find the point.").format(i=state)
        self.samples_caption.setText(text)

    def _fill_table_if_shown(self) -> None:
        """The step-0 table of a new run, built (over every sample) only once the table is on screen."""
        if self._table_stale and self.samples_dock.isVisible() and not self.samples_dock.visibleRegion().isEmpty():
            self._table_stale = False
            self.controller.call(sample_table, self.samples.set_table, self._on_state_error)


def _data_rule(snap) -> tuple[str, bool]:
    """The run's label rule (English, datasets.LABEL_RULES) and whether its targets are numbers."""
    data = snap.config.data
    return label_rule(data.dataset if data.points is None else None), snap.dataset.is_regression
