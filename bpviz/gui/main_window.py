"""The main window: the control panel on the left, the decision boundary in the middle with the weights
to its right, the loss curve along the bottom, transport in the tool bar, step / loss / rate in the status bar.

The window reads training only through snapshots, taken at display rate (`DISPLAY_INTERVAL_MS`, stretched
by `FrameGovernor` while training runs flat out), and redraws a view only when its data changed.
"""
from __future__ import annotations

import html
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QMainWindow, QMessageBox, QStyle,
                               QToolBar, QVBoxLayout, QWidget)

from bpviz import __version__
from bpviz.atomic import WriteError, write_text
from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.activations import ACTIVATIONS
from bpviz.engine.optimizers import OPTIMIZERS

from .banner import MessageBanner
from .control_panel import ControlPanel
from .error_log import log_file
from .display import DISPLAY_INTERVAL_MS, FrameGovernor, ThrottledUpdate, cache_axes, configure_pyqtgraph
from .file_actions import FileActions
from .inspection_docks import StepInspection
from .settings import AppSettings
from .speed_control import DEFAULT_SPEED, SpeedControl
from .status_bar import ERROR, SUCCESS, WARNING, RateMeter, TrainingStatusBar, format_loss
from .training_controller import ConfigChange, TrainingController
from .worker_protocol import PAUSED, Snapshot
from .truth import true_boundary_field
from .views.boundary import BoundaryPlot
from .views.heatmap import WeightPanel
from .views.loss_plot import LossPlot

DEFAULT_SIZE = (1280, 800)  # fits a classroom projector; larger screens get up to LARGE_SIZE
LARGE_SIZE = (1680, 1020)
MAX_MARKED_STEPS = 20_000
BOUNDARY_RESOLUTION = 100
WEIGHTS_INTERVAL = 0.05  # s
STATUS_INTERVAL = 0.066  # s: the numbers in the status bar, while training runs


class MainWindow(QMainWindow):
    def __init__(self, config: RunConfig | None = None, settings: AppSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else AppSettings()
        restored = self.settings.load_config() if config is None else None
        config = config or restored or RunConfig()

        configure_pyqtgraph()
        self.controller = TrainingController(config, self)
        self.panel = ControlPanel(config)
        self.boundary = BoundaryPlot()
        self.boundary.setObjectName("boundary_plot")
        self.loss_plot = LossPlot()
        self.loss_plot.setObjectName("loss_plot")
        self.weights_panel = WeightPanel()
        self.weights_panel.setObjectName("weights_panel")
        self.status = TrainingStatusBar()
        self.setStatusBar(self.status)
        self.speed = SpeedControl()

        self._snap: Snapshot | None = None
        self._rendered_config: RunConfig | None = None
        self._status_pending = False
        self._suggested_lr = 0.001
        self._running_message = ""
        self._generation = -1
        self._dataset = None
        self._grid: np.ndarray | None = None
        self._marked = (None, None)
        self._shown_params: np.ndarray | None = None
        self._rate = RateMeter()
        self._closing = False
        self.frames = 0  # display ticks that redrew something (for the benchmark)

        self._build_layout()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._connect()
        self.inspection = StepInspection(self)  # step inspector, gradients, timeline (docks + wiring)
        self._restore_settings()
        self.update_title()
        if self.settings.config_error is not None:
            error = self.panel.error_text(self.settings.config_error)
            self.status.set_message(self.tr("Could not restore the last configuration ({error}); "
                                            "using the tutorial's").format(error=error), WARNING)
        else:
            self.status.set_message(self.tr("Ready — press Space to start, → to step one mini-batch"))

        self._updates = {
            "loss": ThrottledUpdate(self._draw_loss),
            # numbers that change 60 times a second cannot be read anyway; 20 Hz keeps them live and cheap
            "weights": ThrottledUpdate(self._draw_weights, min_interval=WEIGHTS_INTERVAL),
            "boundary": ThrottledUpdate(self._draw_boundary),
        }
        self._governor = FrameGovernor()
        self._status_shown_at = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(DISPLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start()
        self._on_tick()
        cache_axes(self)

    # -- layout -------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.resize(*_first_size())
        self.setDockOptions(QMainWindow.AnimatedDocks | QMainWindow.AllowNestedDocks)
        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(2)
        self.banner = MessageBanner()
        column.addWidget(self.banner)
        column.addWidget(self.boundary, 1)
        self.setCentralWidget(central)
        self.boundary.setMinimumSize(320, 320)
        self.boundary.setFocusPolicy(Qt.StrongFocus)

        # controls on the left at full height; the weights right of the boundary; the loss curve, which
        # wants width, along the bottom under both
        self.setCorner(Qt.TopLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.TopRightCorner, Qt.RightDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.BottomDockWidgetArea)
        self.panel_dock = self.add_dock("controls_dock", self.tr("Controls"), self.panel, Qt.LeftDockWidgetArea)
        self.weights_dock = self.add_dock("weights_dock", self.tr("Weights"), self.weights_panel,
                                       Qt.RightDockWidgetArea)
        self.loss_dock = self.add_dock("loss_dock", self.tr("Loss"), self.loss_plot, Qt.BottomDockWidgetArea)
        # on a large screen the weight (and gradient) heatmaps get a share of the extra width
        self.resizeDocks([self.panel_dock, self.weights_dock], [290, max(370, int(self.width() * 0.3))],
                         Qt.Horizontal)
        self.resizeDocks([self.loss_dock], [290], Qt.Vertical)

    def add_dock(self, name: str, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetMovable | QDockWidget.DockWidgetFloatable |
                         QDockWidget.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def add_action(self, name: str, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.WindowShortcut)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar or tool bar hidden
        return action

    def _build_actions(self) -> None:
        S = QStyle.StandardPixmap
        self.act_start = self.add_action("act_start", self.tr("Start"), self.toggle_training, Qt.Key_Space,
                                      S.SP_MediaPlay, self.tr("Start or pause training (Space)"))
        self.act_step = self.add_action("act_step", self.tr("Step"), self.step_once, Qt.Key_Right,
                                     S.SP_MediaSkipForward,
                                     self.tr("Train on exactly one mini-batch and highlight its points (→)"))
        self.act_reset = self.add_action("act_reset", self.tr("Reset"), self.reset_training, "Ctrl+R",
                                      S.SP_BrowserReload, self.tr("Back to the initial weights, step 0 (Ctrl+R)"))
        self.act_run_target = self.add_action("act_run_target", self.tr("Run to target"), self.run_to_target,
                                           "Ctrl+T", S.SP_MediaSeekForward,
                                           self.tr("Train until the target step, then pause (Ctrl+T)"))
        self.act_defaults = self.add_action("act_defaults", self.tr("Tutorial defaults"),
                                         self.panel.restore_tutorial_defaults, None, None,
                                         self.tr("Restore the tutorial's exact configuration"))
        self.act_open = self.add_action("act_open", self.tr("&Open configuration…"), self.open_config_dialog,
                                     QKeySequence.Open)
        self.act_save = self.add_action("act_save", self.tr("&Save configuration…"), self.save_config_dialog,
                                     QKeySequence.Save)
        self.act_export = self.add_action("act_export", self.tr("&Export…"), lambda: self.files.show_export_menu(),
                                       "Ctrl+E")
        self.act_quit = self.add_action("act_quit", self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.QuitRole)
        self.act_log_y = self.add_action("act_log_y", self.tr("&Logarithmic loss axis"), self._log_y_toggled,
                                      "Ctrl+L")
        self.act_log_y.setCheckable(True)
        self.act_shortcuts = self.add_action("act_shortcuts", self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                                          QKeySequence.HelpContents)
        self.act_about = self.add_action("act_about", self.tr("&About bpviz"), self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.act_open, self.act_save])
        file_menu.addSeparator()
        self.files = FileActions(self)  # sessions, Open Recent, Export, drops: file_actions.py
        self.files.add_to_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        training = bar.addMenu(self.tr("&Training"))
        training.addActions([self.act_start, self.act_step, self.act_reset, self.act_run_target])
        training.addSeparator()
        training.addAction(self.act_defaults)
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.act_log_y)
        view.addSeparator()
        for dock in (self.panel_dock, self.loss_dock, self.weights_dock):
            view.addAction(dock.toggleViewAction())
        self.view_menu = view
        # the plot's own context menu can switch log-y too: show the truth whenever the menu opens
        view.aboutToShow.connect(lambda: self.act_log_y.setChecked(self.loss_plot.log_y()))
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Transport"))
        bar.setObjectName("transport_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        bar.addActions([self.act_start, self.act_step, self.act_reset, self.act_run_target])
        bar.addSeparator()
        bar.addWidget(self.speed)
        for action in bar.actions():
            button = bar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.NoFocus)
        self.addToolBar(Qt.TopToolBarArea, bar)
        self.transport_bar = bar
        self.view_menu.addAction(bar.toggleViewAction())

    def _connect(self) -> None:
        c = self.controller
        c.mode_changed.connect(self._on_mode_changed)
        c.stepped.connect(self._on_stepped)
        c.diverged.connect(self._on_diverged)
        c.target_reached.connect(self._on_target_reached)
        c.failed.connect(self._on_failed)
        self.panel.config_changed.connect(self.apply_config)
        self.boundary.sample_clicked.connect(self.show_sample)
        self.banner.action_clicked.connect(self._use_suggested_lr)
        c.trainer_replaced.connect(self._on_trainer_replaced)
        self.speed.speed_changed.connect(c.set_speed)

    # -- settings -------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = s.window_state()
        if state is not None:
            self.restoreState(state)
        self.set_log_y(s.log_y())
        self.speed.set_speed(s.speed(DEFAULT_SPEED))  # speed_changed tells the controller

    def save_settings(self) -> None:
        s = self.settings
        s.save_window(self.saveGeometry(), self.saveState())
        s.save_config(self.controller.config)
        s.set_log_y(self.loss_plot.log_y())
        s.set_speed(self.speed.speed())
        s.sync()

    # -- transport ------------------------------------------------------------------------------
    @Slot()
    def toggle_training(self) -> None:
        self.controller.toggle()

    @Slot()
    def start_training(self) -> None:
        self.controller.start()

    @Slot()
    def pause_training(self) -> None:
        self.controller.pause()

    @Slot()
    def step_once(self) -> None:
        if not self.inspection.step():  # records the update while an inspection dock is shown
            self.controller.step()

    @Slot()
    def run_to_target(self) -> None:
        self._set_running_message(self.tr("Running to step {target}…").format(
            target=f"{self.controller.config.schedule.steps:,}"))
        self.controller.run_to_target()

    @Slot()
    def reset_training(self) -> None:
        self.controller.reset()
        self.status.set_message(self.tr("Reset to the initial weights (step 0)"))

    # -- configuration --------------------------------------------------------------------------
    @Slot(object)
    def apply_config(self, config: RunConfig, force_reset: bool = False) -> ConfigChange | None:
        """Apply a complete configuration (from the panel or a file); all or nothing."""
        try:
            change = self.controller.apply_config(config, force_reset=force_reset)
        except (ConfigError, ValueError) as exc:
            self.panel.show_config_error(exc)
            return None
        self.panel.accept_config(config)
        self.update_title()
        self._report_change(change, config)
        return change

    def _report_change(self, change: ConfigChange, config: RunConfig) -> None:
        labels = ", ".join(self.panel.field_label(f) for f in change.fields if f != "decay_on")
        if change.reset:
            if change.from_step > 0:
                text = self.tr("Changed {fields}: the network starts again at step 0 "
                               "(the run so far was discarded)").format(fields=labels)
                self.status.set_message(text, WARNING)
            else:
                self.status.set_message(self.tr("Changed {fields}: new network at step 0").format(fields=labels))
        elif "lr" in change.fields:
            self.status.set_message(self.tr("Learning rate is now {lr} from the next step on, without a reset")
                                    .format(lr=repr(config.optimizer.lr)))
        elif "steps" in change.fields:
            self.status.set_message(self.tr("Target is now step {target}").format(
                target=f"{config.schedule.steps:,}"))

    def open_config(self, path: str | Path) -> bool:
        """Load a configuration file (the JSON `bpviz train --config` reads) and apply it; all or nothing."""
        try:
            config = RunConfig.load(path)
        except ConfigError as exc:
            self.show_error(self.tr("Cannot open the configuration"), self.panel.error_text(exc))
            return False
        previous = self.controller.config
        try:
            self.controller.apply_config(config, force_reset=True)
        except (ConfigError, ValueError) as exc:
            self.show_error(self.tr("Cannot use the configuration"),
                            self.panel.error_text(exc) if isinstance(exc, ConfigError) else str(exc))
            self.panel.set_config(previous)
            return False
        self.panel.set_config(config)
        self.update_title()
        self.status.set_message(self.tr("Opened {path} — network reset to step 0").format(path=str(path)))
        self.files.remember(path)
        return True

    def save_config(self, path: str | Path) -> bool:
        try:
            write_text(path, self.controller.config.to_json() + "\n")
        except WriteError as exc:
            self.show_error(self.tr("Cannot save the configuration"), str(exc))
            return False
        self.status.set_message(self.tr("Saved the configuration to {path}").format(path=str(path)), SUCCESS)
        self.files.remember(path)
        return True

    # dialogs (thin wrappers, so that tests can call the methods above directly)
    def open_config_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open configuration"), "",
                                              self.tr("Configuration (*.json);;All files (*)"))
        if path:
            self.open_config(path)

    def save_config_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save configuration"), "bpviz-config.json",
                                              self.tr("Configuration (*.json);;All files (*)"))
        if path:
            self.save_config(path)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    def show_shortcuts(self) -> None:
        # every action with a shortcut, so the list cannot fall behind the menus
        rows, seen = [], set()
        for action in self.findChildren(QAction):
            keys = action.shortcut().toString(QKeySequence.NativeText)
            if not keys or keys in seen:
                continue
            seen.add(keys)
            name = action.text().replace("&", "").rstrip("…")
            rows.append(f"<tr><td><b>{html.escape(keys)}</b>&nbsp;&nbsp;</td><td>{html.escape(name)}</td></tr>")
        note = self.tr("Shortcuts work anywhere in the window except while you type in a text field "
                       "(press Enter or click elsewhere to leave it).")
        QMessageBox.information(self, self.tr("Keyboard shortcuts"),
                                f"<table>{''.join(rows)}</table><p>{html.escape(note)}</p>")

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About bpviz"), self.tr(
            "<h3>bpviz {version}</h3><p>See and drive backpropagation: the TensorFlow 1 tutorial's 2-3-1 "
            "network, reproduced exactly and trained live.</p><p>The same configuration gives the same "
            "weights here and with <code>bpviz train</code>.</p>").format(version=__version__))

    # -- views --------------------------------------------------------------------------------
    def set_log_y(self, on: bool) -> None:
        self.act_log_y.setChecked(bool(on))
        self.loss_plot.set_log_y(bool(on))

    @Slot(bool)
    def _log_y_toggled(self, on: bool) -> None:
        self.loss_plot.set_log_y(on)

    def update_title(self) -> None:
        c = self.controller.config
        sizes = "-".join(str(n) for n in [2, *c.model.hidden, 1])
        activation = QCoreApplication.translate("settings", ACTIVATIONS[c.model.activation].title)
        optimizer = QCoreApplication.translate("optimizers", OPTIMIZERS[c.optimizer.optimizer].title)
        self.setWindowTitle(self.tr("bpviz — {sizes} {activation} network, {optimizer}, lr {lr}").format(
            sizes=sizes, activation=activation, optimizer=optimizer, lr=repr(c.optimizer.lr)))

    @Slot()
    def _on_tick(self) -> None:
        snap = self.controller.take_snapshot()
        now = time.perf_counter()
        if snap is not None:
            if snap.generation != self._generation:
                self._new_trainer(snap)
            self._snap = snap
            self._rate.add(snap.time, snap.step)
            self._updates["loss"].mark()
            if self._shown_params is None or not np.array_equal(snap.params, self._shown_params):
                self._updates["weights"].mark()
                self._updates["boundary"].mark()
            elif snap.last_batch is not None and not np.array_equal(snap.last_batch, self.boundary.batch_indices()):
                self._updates["boundary"].mark()
            self._status_pending = True
        self._render_config()
        snap = self._snap
        if snap is None:
            return
        # numbers that change every frame are unreadable anyway: while running, refresh them ~15 times a second
        if (self._status_pending and (snap.mode == PAUSED or now - self._status_shown_at >= STATUS_INTERVAL)) \
                or (snap.mode != PAUSED and now - snap.time > 1.0):  # running, nothing new: the rate is falling
            self._status_pending = False
            self._status_shown_at = now
            self._show_status(snap)
        drew = False
        for update in self._updates.values():
            drew |= update.run_if_due(now, snap)
        self.frames += drew
        interval = self._governor.interval(self.frames, snap.mode != PAUSED and self.speed.speed() is None)
        if interval != self._timer.interval():
            self._timer.setInterval(interval)

    def _render_config(self) -> None:
        """Panel and title show the run's effective configuration (a live rate change, an opened session,
        a rewind across a rate change), and nothing else."""
        config = self.controller.config
        if config is self._rendered_config:
            return
        self._rendered_config = config
        if config != self.panel.config():
            self.panel.set_config(config)
        self.update_title()

    def _show_status(self, snap: Snapshot) -> None:
        n = snap.step
        loss = float(snap.batch_losses[n - 1]) if n > 0 else None
        rate = self._rate.rate() if snap.mode != PAUSED else None
        self.status.show_progress(n, snap.target, loss, snap.lr, rate)
        marked = (snap.target, snap.log_every)
        if marked != self._marked:
            self._marked = marked
            self.loss_plot.set_marked_steps(print_points(snap.target, snap.log_every))

    def _new_trainer(self, snap: Snapshot) -> None:
        self._generation = snap.generation
        self._rate.reset()
        self._shown_params = None
        dataset = snap.dataset
        if not _same_data(dataset, self._dataset):  # a reset keeps the data (and the user's zoom)
            self._dataset = dataset
            self.boundary.set_domain(dataset.domain, resolution=BOUNDARY_RESOLUTION)
            self._grid = np.ascontiguousarray(self.boundary.grid_points(), dtype=np.float32)
            self.boundary.set_data(dataset.X64, dataset.Y[:, 0])
            truth = true_boundary_field(dataset, self._grid)
            label = self.tr("true boundary {equation}").format(equation=dataset.true_boundary) \
                if dataset.true_boundary else ""
            self.boundary.set_true_boundary(truth, label=label)
        self.loss_plot.clear_history()
        self._marked = (None, None)

    def _draw_loss(self, snap: Snapshot) -> None:
        self.loss_plot.set_history(snap.batch_losses[: snap.step], snap.logged_steps, snap.logged_losses)

    def _draw_weights(self, snap: Snapshot) -> None:
        names = self.weights_panel.names()
        self.weights_panel.set_weights(snap.weights)
        if self.weights_panel.names() != names:
            cache_axes(self.weights_panel)

    def _draw_boundary(self, snap: Snapshot) -> None:
        with np.errstate(all="ignore"):  # huge weights just before a divergence: inf/NaN are drawn as holes
            out = snap.predict(self._grid)
        self.boundary.set_output(np.asarray(out, dtype=np.float32).reshape(-1))
        self.boundary.set_batch(snap.last_batch if snap.last_batch is not None else np.empty(0, np.int64))
        self._shown_params = snap.params

    def redraw_now(self) -> None:
        """Bring every view up to the latest snapshot now (tests, exports)."""
        self._on_tick()
        if self._snap is not None:
            for update in self._updates.values():
                if update.pending:
                    update.run(self._snap)

    @Slot(int)
    def show_sample(self, index: int) -> None:
        """Clicking a point shows what the network makes of it."""
        snap = self._snap
        if snap is None:
            return
        self.boundary.highlight_sample(index)
        dataset = snap.dataset
        x = dataset.X[index]
        with np.errstate(all="ignore"):
            out = float(np.asarray(snap.predict(x[None, :])).ravel()[0])
        self.status.set_message(self.tr("Sample {i}: x0 = {x0}, x1 = {x1}, label {label}, output {out} (step {step})")
                                .format(i=index, x0=f"{x[0]:.4f}", x1=f"{x[1]:.4f}", label=int(dataset.Y[index, 0]),
                                        out=f"{out:.4f}", step=f"{snap.step:,}"))

    # -- training events --------------------------------------------------------------------------
    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        running = mode != PAUSED
        S = QStyle.StandardPixmap
        self.act_start.setText(self.tr("Pause") if running else self.tr("Start"))
        self.act_start.setIcon(self.style().standardIcon(S.SP_MediaPause if running else S.SP_MediaPlay))
        snap = self.controller.latest_snapshot()
        if running:
            self.banner.hide()
            if mode != "to_target":
                self._set_running_message(self.tr("Training…"))
        elif self.status.message() == self._running_message:
            # only replace our own "Training…": a pause caused by a reset or a new configuration keeps the
            # message that explains it, and divergence / target reached say more than "paused"
            self.status.set_message(self.tr("Paused at step {step}").format(step=f"{snap.step:,}"))

    def _set_running_message(self, text: str) -> None:
        self._running_message = text
        self.status.set_message(text)

    @Slot(int)
    def _on_stepped(self, step: int) -> None:
        snap = self.controller.latest_snapshot()
        batch = snap.last_batch if snap.step == step else None
        if batch is not None and len(batch):
            self.status.set_message(self.tr("Step {step}: one update on samples {first}–{last} "
                                            "(highlighted)").format(step=f"{step:,}", first=int(batch[0]),
                                                                   last=int(batch[-1])))

    @Slot(int, float, int)
    def _on_diverged(self, step: int, loss: float, kept: int) -> None:
        lr = self.controller.config.optimizer.lr
        self._suggested_lr = float(f"{lr / 10:.3g}")
        self.status.set_message(self.tr(
            "Diverged at step {step} (loss {loss}): paused with the last finite weights — try a smaller "
            "learning rate").format(step=f"{step:,}", loss=format_loss(loss)), ERROR)
        self.banner.show_message(
            self.tr("Training diverged at step {step}: the loss became {loss}. Training paused and kept the "
                    "last finite weights (those after {kept} steps). Try a smaller learning rate than {lr}, "
                    "then Reset (Ctrl+R).").format(step=f"{step:,}", loss=format_loss(loss), kept=f"{kept:,}",
                                                    lr=repr(lr)),
            self.tr("Use lr {lr} and reset").format(lr=repr(self._suggested_lr)))

    @Slot()
    def _use_suggested_lr(self) -> None:
        config = self.controller.config.replace(lr=self._suggested_lr)
        if self.apply_config(config, force_reset=True) is not None:
            self.panel.set_config(config)

    @Slot(int)
    def _on_trainer_replaced(self, generation: int) -> None:
        self.banner.hide()

    @Slot(int)
    def _on_target_reached(self, step: int) -> None:
        snap = self.controller.latest_snapshot()
        if step > snap.target:
            self.status.set_message(self.tr("Already past the target ({target} steps); raise “Target steps” to "
                                            "train further").format(target=f"{snap.target:,}"), WARNING)
            return
        if snap.logged_losses.size:
            text = self.tr("Reached the target: {step} steps; loss on all data at step {at}: {loss}").format(
                step=f"{step:,}", at=f"{int(snap.logged_steps[-1]):,}", loss=format_loss(snap.logged_losses[-1]))
        else:
            text = self.tr("Reached the target: {step} steps").format(step=f"{step:,}")
        self.status.set_message(text, SUCCESS)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        """An unexpected error on the training thread (already logged with its traceback): say so where it
        cannot be missed; training is paused and the window keeps working."""
        self.status.set_message(self.tr("Training stopped by an error: {message}").format(message=message), ERROR)
        path = log_file()
        details = self.tr(" The details are in {path}.").format(path=str(path)) if path is not None else ""
        self.banner.show_message(self.tr("Training stopped by an unexpected error: {message}. Training is paused; "
                                         "you can go on, reset or save.").format(message=message) + details)

    # -- lifecycle ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_focused_once", False):
            self._focused_once = True
            QTimer.singleShot(0, self._initial_focus)

    def _initial_focus(self) -> None:
        self.boundary.setFocus(Qt.OtherFocusReason)

    def dragEnterEvent(self, event) -> None:
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:
        self.files.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self._timer.stop()
            self.controller.shutdown()  # the worker stops before anything is saved
            self.save_settings()
        super().closeEvent(event)


def print_points(target: int, log_every: int, most: int = MAX_MARKED_STEPS) -> np.ndarray:
    """The steps the tutorial prints at (multiples of log_every below target), thinned to at most `most`:
    a target of 10⁹ with log_every 1 must not build a 10⁹-element array."""
    every = log_every * max(1, -(-target // (log_every * most)))
    return np.arange(0, target, every)


def _first_size() -> tuple[int, int]:
    """The window's size before any saved geometry: as much of LARGE_SIZE as the screen has room for."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    room = screen.availableGeometry()
    width = max(DEFAULT_SIZE[0], min(LARGE_SIZE[0], int(room.width() * 0.95)))
    height = max(DEFAULT_SIZE[1], min(LARGE_SIZE[1], int(room.height() * 0.92)))
    return width, height


def _same_data(a, b) -> bool:
    return (a is not None and b is not None and a.name == b.name and a.domain == b.domain
            and np.array_equal(a.X64, b.X64) and np.array_equal(a.Y, b.Y))
