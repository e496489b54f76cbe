"""The main window: the control panel on the left, the decision boundary in the middle with the weights
to its right, the loss curve along the bottom, transport in the tool bar, step / loss / rate in the status bar.

The window only composes: training goes through `TrainingController`, the views are drawn from snapshots
by `LiveView`, the status bar and banner are written by `StatusReporter`, files are `FileActions`', and the
step inspection docks are `InspectWorkspace`'s.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QStyle, QToolBar, QVBoxLayout, QWidget

from bpviz import __version__
from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.activations import ACTIVATIONS
from bpviz.engine.optimizers import OPTIMIZERS
from bpviz.engine.run_summary import network_shape
from bpviz.i18n import LANGUAGES, current_language

from .banner import MessageBanner
from .compare_window import install as install_compare
from .compare_window import retranslate_action as retranslate_compare_action
from .control_panel import ControlPanel
from .display import cache_axes, configure_pyqtgraph
from .data_actions import DataActions
from .file_actions import FileActions
from .fit_panel import FitPanel
from .insight_bar import install as install_insights
from .inspect_workspace import InspectWorkspace
from .language import Retranslating, apply_language
from .lessons import Lessons
from .live_view import LiveView
from .plot_export import install as route_plot_exports
from .plot_export import window_plot_exports
from .screen_fit import available, first_size, fit_window
from .settings import AppSettings
from .speed_control import DEFAULT_SPEED, SpeedControl
from .status_bar import WARNING, TrainingStatusBar
from .status_reporter import StatusReporter
from .training_controller import ConfigChange, TrainingController
from .views.boundary import BoundaryPlot
from .views.heatmap import WeightPanel
from .views.loss_plot import LossPanel, LossPlot
from .workspaces import Workspaces


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, config: RunConfig | None = None, settings: AppSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else AppSettings()
        restored = self.settings.load_config() if config is None else None
        config = config or restored or RunConfig()

        configure_pyqtgraph()
        route_plot_exports()
        self.controller = TrainingController(config, self)
        self.panel = ControlPanel(config)
        self.boundary = BoundaryPlot()
        self.boundary.setObjectName("boundary_plot")
        self.loss_plot = LossPlot()
        self.loss_plot.setObjectName("loss_plot")
        self.weights_panel = WeightPanel()
        self.weights_panel.setObjectName("weights_panel")
        self.fit_panel = FitPanel()  # predicted vs true, or the confusion matrix
        self.fit_panel.setObjectName("fit_panel")
        self.status = TrainingStatusBar()
        self.setStatusBar(self.status)
        self.speed = SpeedControl()

        self._closing = False

        self._build_layout()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.status_reporter = StatusReporter(self)
        self.live = LiveView(self)
        self._connect()
        self.inspection = InspectWorkspace(self)  # step inspector, gradients, timeline (docks + wiring)
        install_compare(self)  # View → Compare runs…: compare_window.py
        self.insight_bar = install_insights(self)  # notes computed from the run, under the banner
        self.workspaces = Workspaces(self)  # Train / Inspect layouts of those docks
        self.lessons = Lessons(self)  # the Lessons menu, the lesson dock, the start page: lessons.py
        self._restore_settings()
        self.retranslate()
        if self.settings.config_error is not None:
            error = self.panel.error_text(self.settings.config_error)
            self.status.set_message(self.tr("Could not restore the last configuration ({error}); "
                                            "using the tutorial's").format(error=error), WARNING)
        else:
            self.status.set_message(lambda: self.tr("Ready — press Space to start, → to step one mini-batch"))

        self.live.start()
        cache_axes(self)

    # -- layout -------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.resize(*first_size(available().size().toTuple()))
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
        self.boundary.setMinimumSize(240, 240)  # with the controls and the weights, under 800 px wide
        self.boundary.setFocusPolicy(Qt.StrongFocus)

        # controls on the left at full height; the weights right of the boundary; the loss curve, which
        # wants width, along the bottom under both
        self.setCorner(Qt.TopLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.BottomLeftCorner, Qt.LeftDockWidgetArea)
        self.setCorner(Qt.TopRightCorner, Qt.RightDockWidgetArea)
        self.setCorner(Qt.BottomRightCorner, Qt.BottomDockWidgetArea)
        self.panel_dock = self.add_dock("controls_dock", "", self.panel, Qt.LeftDockWidgetArea)
        self.weights_dock = self.add_dock("weights_dock", "", self.weights_panel, Qt.RightDockWidgetArea)
        self.loss_panel = LossPanel(self.loss_plot)  # the plot and its smoothing slider
        self.loss_dock = self.add_dock("loss_dock", "", self.loss_panel, Qt.BottomDockWidgetArea)
        # right of the loss curve: a square plot fits there, and the curve keeps most of the width
        self.fit_dock = self.add_dock("fit_dock", self.fit_panel.title(), self.fit_panel, Qt.BottomDockWidgetArea)
        self.splitDockWidget(self.loss_dock, self.fit_dock, Qt.Horizontal)
        self.fit_panel.title_changed.connect(self.fit_dock.setWindowTitle)
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

    def plot_exports(self, view) -> list:
        """What the right-click "Export…" of a plot in this window offers (plot_export.py)."""
        return window_plot_exports(self, view)

    def add_action(self, name: str, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        """A window action; the window's own actions get their texts in retranslate()."""
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
        self.act_start = self.add_action("act_start", "", self.toggle_training, Qt.Key_Space,
                                      S.SP_MediaPlay)
        self.act_step = self.add_action("act_step", "", self.step_once, Qt.Key_Right,
                                     S.SP_MediaSkipForward)
        self.act_reset = self.add_action("act_reset", "", self.reset_training, "Ctrl+R",
                                      S.SP_BrowserReload)
        self.act_run_target = self.add_action("act_run_target", "", self.run_to_target,
                                           "Ctrl+T", S.SP_MediaSeekForward)
        self.act_defaults = self.add_action("act_defaults", "",
                                         self.panel.restore_tutorial_defaults)
        self.act_open = self.add_action("act_open", "",
                                        lambda: self.files.open_config_dialog(), QKeySequence.Open)
        self.act_save = self.add_action("act_save", "",
                                        lambda: self.files.save_config_dialog(), QKeySequence.Save)
        self.act_export = self.add_action("act_export", "", lambda: self.files.show_export_menu(),
                                       "Ctrl+E")
        self.act_quit = self.add_action("act_quit", "", self.close, "Ctrl+Q")
        self.act_quit.setMenuRole(QAction.QuitRole)
        self.act_log_y = self.add_action("act_log_y", "", self._log_y_toggled,
                                      "Ctrl+L")
        self.act_log_y.setCheckable(True)
        self.act_shortcuts = self.add_action("act_shortcuts", "", self.show_shortcuts,
                                          QKeySequence.HelpContents)
        self.act_about = self.add_action("act_about", "", self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.addActions([self.act_open, self.act_save])
        file_menu.addSeparator()
        self.files = FileActions(self)  # sessions, Open Recent, Export, drops: file_actions.py
        self.files.add_to_menu(file_menu)
        file_menu.addSeparator()
        self.data = DataActions(self)  # import, export and edit the points: data_actions.py
        self.data.add_to_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.training_menu = training = bar.addMenu("")
        training.addActions([self.act_start, self.act_step, self.act_reset, self.act_run_target])
        training.addSeparator()
        training.addAction(self.act_defaults)
        view = bar.addMenu("")
        view.addAction(self.act_log_y)
        view.addSeparator()
        for dock in (self.panel_dock, self.loss_dock, self.fit_dock, self.weights_dock):
            view.addAction(dock.toggleViewAction())
        self.view_menu = view
        # the plot's own context menu can switch log-y too: show the truth whenever the menu opens
        view.aboutToShow.connect(lambda: self.act_log_y.setChecked(self.loss_plot.log_y()))
        view.addSeparator()
        self.language_menu = view.addMenu("")
        self.language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        self.language_actions = {}
        for lang, name in LANGUAGES.items():  # each language named in its own words, never translated
            action = self.language_menu.addAction(name)
            action.setObjectName(f"act_lang_{lang}")
            action.setCheckable(True)
            action.setChecked(lang == current_language())
            action.triggered.connect(lambda _checked=False, lang=lang: self.set_language(lang))
            group.addAction(action)
            self.language_actions[lang] = action
        self.help_menu = help_menu = bar.addMenu("")
        help_menu.addActions([self.act_shortcuts, self.act_about])

    def _build_toolbar(self) -> None:
        bar = QToolBar()
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

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text of the window itself in the current language (at start and on LanguageChange)."""
        for dock, title in ((self.panel_dock, self.tr("Controls")), (self.weights_dock, self.tr("Weights")),
                            (self.loss_dock, self.tr("Loss"))):
            dock.setWindowTitle(title)
        texts = {
            self.act_step: (self.tr("Step"), self.tr("Train on exactly one mini-batch and highlight its points (→)")),
            self.act_reset: (self.tr("Reset"), self.tr("Back to the initial weights, step 0 (Ctrl+R)")),
            self.act_run_target: (self.tr("Run to target"),
                                  self.tr("Train until the target step, then pause (Ctrl+T)")),
            self.act_defaults: (self.tr("Tutorial defaults"), self.tr("Restore the tutorial's exact configuration")),
            self.act_open: (self.tr("&Open configuration…"),
                            self.tr("Read a configuration (.json) and train that run from step 0")),
            self.act_save: (self.tr("&Save configuration…"),
                            self.tr("Write this run's settings to a .json file (bpviz train --config FILE "
                                    "trains the same run)")),
            self.act_export: (self.tr("&Export…"), self.tr("Pictures, tables, weights or the code of this run")),
            self.act_quit: (self.tr("&Quit"), self.tr("Close bpviz; the configuration and layout are kept for "
                                                      "next time")),
            self.act_log_y: (self.tr("&Logarithmic loss axis"),
                             self.tr("Draw the loss on a log scale, so that small late changes stay visible")),
            self.act_shortcuts: (self.tr("&Keyboard shortcuts"), self.tr("Every keyboard shortcut of the window")),
            self.act_about: (self.tr("&About bpviz"), self.tr("The version and what bpviz is")),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            if tip:
                action.setToolTip(tip)
                action.setStatusTip(tip)
        self.act_start.setToolTip(self.tr("Start or pause training (Space)"))
        self.act_start.setStatusTip(self.act_start.toolTip())
        self._on_mode_changed(self.controller.mode)
        for menu, title in ((self.file_menu, self.tr("&File")), (self.training_menu, self.tr("&Training")),
                            (self.view_menu, self.tr("&View")), (self.help_menu, self.tr("&Help")),
                            (self.language_menu, self.tr("&Language"))):
            menu.setTitle(title)
        self.transport_bar.setWindowTitle(self.tr("Transport"))
        self.files.retranslate()
        self.data.retranslate()
        self.inspection.retranslate()
        self.live.retranslate()
        self.lessons.retranslate()
        self.workspaces.retranslate()
        retranslate_compare_action(self)
        self._retranslate_view_tips()
        self.update_title()

    def _retranslate_view_tips(self) -> None:
        """View menu: what each show/hide item and language item does (titles come from the docks and bars)."""
        for dock in self.findChildren(QDockWidget):
            if dock.parent() is self:
                tip = self.tr("Show or hide the “{title}” panel").format(title=dock.windowTitle().replace("&&", "&"))
                dock.toggleViewAction().setToolTip(tip)
                dock.toggleViewAction().setStatusTip(tip)
        for bar in self.findChildren(QToolBar):
            if bar.parent() is self:
                tip = self.tr("Show or hide the “{title}” tool bar").format(title=bar.windowTitle())
                bar.toggleViewAction().setToolTip(tip)
                bar.toggleViewAction().setStatusTip(tip)
        for action in self.language_actions.values():
            tip = self.tr("Show bpviz in {language} now; the run goes on where it is").format(
                language=action.text())
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def set_language(self, lang: str) -> None:
        """Switch the interface language now; the run goes on untouched."""
        lang = apply_language(lang)
        self.language_actions[lang].setChecked(True)

    def _connect(self) -> None:
        c = self.controller
        c.mode_changed.connect(self._on_mode_changed)
        self.panel.config_changed.connect(self.apply_config)
        self.boundary.sample_clicked.connect(self.live.show_sample)
        self.banner.action_clicked.connect(self._use_suggested_lr)
        self.speed.speed_changed.connect(c.set_speed)

    # -- settings -------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        fit_window(self)  # a geometry saved on a larger screen
        self.workspaces.restore(s)
        self.set_log_y(s.log_y())
        self.loss_plot.set_accuracy_shown(s.accuracy_axis())
        self.speed.set_speed(s.speed(DEFAULT_SPEED))  # speed_changed tells the controller

    def save_settings(self) -> None:
        s = self.settings
        s.save_geometry(self.saveGeometry())
        self.workspaces.save(s)
        s.save_config(self.controller.config)
        s.set_log_y(self.loss_plot.log_y())
        s.set_accuracy_axis(self.loss_plot.accuracy_shown())
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
        target = f"{self.controller.config.schedule.steps:,}"
        self.status_reporter.set_running_message(lambda: self.tr("Running to step {target}…").format(target=target))
        self.controller.run_to_target()

    @Slot()
    def reset_training(self) -> None:
        self.controller.reset()
        self.status.set_message(lambda: self.tr("Reset to the initial weights (step 0)"))

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
        self.status_reporter.config_changed(change, config)
        return change

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
        """The run's effective configuration in the title."""
        c = self.controller.config
        activation = QCoreApplication.translate("settings", ACTIVATIONS[c.model.activation].title)
        optimizer = QCoreApplication.translate("optimizers", OPTIMIZERS[c.optimizer.optimizer].title)
        self.setWindowTitle(self.tr("bpviz — {sizes} {activation} network, {optimizer}, lr {lr}").format(
            sizes=network_shape(c), activation=activation, optimizer=optimizer, lr=repr(c.optimizer.lr)))

    # -- training events --------------------------------------------------------------------------
    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        running = mode != "paused"
        S = QStyle.StandardPixmap
        self.act_start.setText(self.tr("Pause") if running else self.tr("Start"))
        self.act_start.setIcon(self.style().standardIcon(S.SP_MediaPause if running else S.SP_MediaPlay))

    @Slot()
    def _use_suggested_lr(self) -> None:
        config = self.controller.config.replace(lr=self.status_reporter.suggested_lr)
        if self.apply_config(config, force_reset=True) is not None:
            self.panel.set_config(config)

    # -- lifecycle ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_focused_once", False):
            self._focused_once = True
            QTimer.singleShot(0, self._initial_focus)
            QTimer.singleShot(0, lambda: fit_window(self))  # now that the frame's size is known

    def _initial_focus(self) -> None:
        self.boundary.setFocus(Qt.OtherFocusReason)

    def dragEnterEvent(self, event) -> None:
        self.files.drag_enter(event)

    def dropEvent(self, event) -> None:
        self.files.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:
            self._closing = True
            self.live.stop()
            self.controller.shutdown()  # the worker stops before anything is saved
            self.save_settings()
        super().closeEvent(event)

