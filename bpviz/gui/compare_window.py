"""The Compare window: several runs of the main window's configuration side by side, in lock-step.

The user picks what varies (optimizers, learning rates as a list or a LO:HI:N range, momentum,
batch sizes, initial-weight seeds); identical data and, per seed, identical initial weights do
the rest.  Overlaid loss curves (one colour per run, the legend names them; click a curve to
select its run), the sweep (loss against the varied value, filling in as the runs go), the
selected run's decision boundary; a run opens in the main window as its own run at the same step.
`install(window)` adds the View-menu action that opens it.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QGridLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMainWindow, QMenu, QPushButton, QSplitter, QStyle, QTabWidget,
                               QMessageBox, QToolBar, QVBoxLayout, QWidget)

from bpviz.compare_cli import CompareError, cross_product, parse_list
from bpviz.engine.config import OPTIMIZERS, RunConfig
from bpviz.engine.multi_trainer import check_multi_run
from bpviz.engine.setting import ConfigError
from bpviz.engine.trainer import network_output
from bpviz.export.compare import (MAX_LEGEND, fit_loss_range, populate_sweep, run_colour, sweep_axis, sweep_rows,
                                  write_compare_loss, write_sweep)
from bpviz.decimate import peak_decimate

from .compare_runner import CompareRunner
from .compare_surface import LossSurfaceView
from .display import configure_pyqtgraph
from .language import Retranslating
from .views.boundary import BoundaryPlot

REDRAW_MS = 50  # the views follow the runs at most 20 times a second
CURVE_POINTS = 1500
# the settings the window lets vary, with the list field that holds each
LIST_FIELDS = ("lr", "momentum", "batch_size", "init_seed")
# the course's learning-rate lesson: one weight w from 5 down (w+1)², 40 steps, three rates
PARABOLA = RunConfig().replace(dataset="parabola", hidden=[], steps=40, log_every=1)
PARABOLA_RATES = "0.2, 1, 0.0001"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CompareWindow", text)


class CompareWindow(Retranslating, QMainWindow):
    def __init__(self, base: RunConfig, main_window=None, parent=None):
        super().__init__(parent)
        configure_pyqtgraph()
        self.setObjectName("compare_window")
        self.main_window = main_window
        self.base = base
        self.window_base = base  # the main window's configuration (the parabola replaces it while chosen)
        self._curves: list[pg.PlotDataItem] = []
        self._selected = 0
        self._dirty = False

        self._build_controls()
        self.loss_plot = pg.PlotWidget(background="w")
        self.loss_plot.setObjectName("compare_loss_plot")
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.showGrid(x=True, y=True, alpha=0.2)
        self.loss_plot.addLegend(offset=(-10, 10))
        self.loss_plot.getAxis("left").enableAutoSIPrefix(False)  # a log axis would print scaled values
        self.hover_label = pg.TextItem(anchor=(0, 1), color=(20, 20, 20), fill=pg.mkBrush(255, 255, 255, 225),
                                       border=pg.mkPen(160, 160, 160))
        self.hover_label.setZValue(100)
        self.loss_plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.sweep_plot = pg.PlotWidget(background="w")
        self.sweep_plot.setObjectName("compare_sweep_plot")
        self.sweep_plot.showGrid(x=True, y=True, alpha=0.2)
        self.sweep_plot.getAxis("left").enableAutoSIPrefix(False)
        self.sweep_plot.addLegend(offset=(-10, 10))
        self.boundary = BoundaryPlot()
        self.boundary.setObjectName("compare_boundary")
        self.surface = LossSurfaceView()
        self.surface.setObjectName("compare_surface")
        self.tabs = QTabWidget()
        for view in (self.sweep_plot, self.boundary, self.surface):
            self.tabs.addTab(view, "")
        lower = self.tabs
        plots = QSplitter(Qt.Vertical)
        plots.addWidget(self.loss_plot)
        plots.addWidget(lower)
        main = QSplitter(Qt.Horizontal)
        main.addWidget(self.controls)
        main.addWidget(plots)
        main.setStretchFactor(1, 1)
        self.setCentralWidget(main)
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)

        configs, labels, varied = self._plan()
        self.runner = CompareRunner(configs, labels, varied, self)
        self.runner.replaced.connect(self._rebuild)
        self.runner.advanced.connect(self._on_advanced)
        self.runner.mode_changed.connect(self._on_mode)
        self.runner.run_diverged.connect(self._on_diverged)
        self._build_actions()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_if_dirty)
        self._redraw_timer.start()
        self.retranslate()
        self._rebuild()
        self.redraw()
        screen = self.screen().availableGeometry()  # fits a 1366×768 laptop screen, frame included
        self.resize(min(1280, screen.width() - 40), min(760, screen.height() - 60))

    # -- controls --------------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.controls = QWidget()
        self.controls.setMaximumWidth(340)
        layout = QVBoxLayout(self.controls)
        form = QFormLayout()
        o, m, s = self.base.optimizer, self.base.model, self.base.schedule
        self.optimizer_boxes = {}
        row = QGridLayout()  # five names do not fit one row of the 340 px column
        for i, name in enumerate(OPTIMIZERS):
            box = QCheckBox(name)
            box.setChecked(name == o.optimizer)
            self.optimizer_boxes[name] = box
            row.addWidget(box, i // 3, i % 3)
        self._form_labels = [QLabel() for _ in range(1 + len(LIST_FIELDS))]
        form.addRow(self._form_labels[0])  # the boxes below their label, across the column: the names fit
        form.addRow(row)
        defaults = {"lr": f"{o.lr:g}", "momentum": f"{o.momentum:g}", "batch_size": str(s.batch_size),
                    "init_seed": str(m.init_seed)}
        self.fields: dict[str, QLineEdit] = {}
        for label, field in zip(self._form_labels[1:], LIST_FIELDS):
            edit = QLineEdit(defaults[field])
            edit.setObjectName(f"compare_{field}")
            edit.returnPressed.connect(self.apply_settings)
            self.fields[field] = edit
            form.addRow(label, edit)
        layout.addLayout(form)
        self.parabola_box = QCheckBox()
        self.parabola_box.toggled.connect(self._parabola_toggled)
        layout.addWidget(self.parabola_box)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self.apply_settings)
        layout.addWidget(self.apply_button)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        layout.addWidget(self.error_label)
        self.runs_label = QLabel()
        layout.addWidget(self.runs_label)
        self.run_list = QListWidget()
        self.run_list.setObjectName("compare_runs")
        self.run_list.currentRowChanged.connect(self.select_run)
        self.run_list.itemDoubleClicked.connect(lambda _item: self.open_in_main_window())
        layout.addWidget(self.run_list, 1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_in_main_window)
        self.open_button.setEnabled(self.main_window is not None)
        layout.addWidget(self.open_button)

    def _build_actions(self) -> None:
        S = QStyle.StandardPixmap
        self.transport_bar = bar = QToolBar()
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.act_start = bar.addAction(self.style().standardIcon(S.SP_MediaPlay), "", self.runner.toggle)
        self.act_start.setShortcut(Qt.Key_Space)
        self.act_step = bar.addAction(self.style().standardIcon(S.SP_MediaSkipForward), "", self.runner.step)
        self.act_step.setShortcut(Qt.Key_Right)
        self.act_reset = bar.addAction(self.style().standardIcon(S.SP_BrowserReload), "", self.runner.reset)
        self.act_reset.setShortcut("Ctrl+R")
        bar.addSeparator()
        self.act_export = bar.addAction("", self.show_export_menu)
        self.act_export.setShortcut("Ctrl+E")
        for action in bar.actions():
            action.setShortcutContext(Qt.WindowShortcut)
        self.addToolBar(Qt.TopToolBarArea, bar)

    def retranslate(self) -> None:
        """Every fixed text of the window in the current language (View → Language switches live)."""
        self.setWindowTitle(_tr("Compare runs — bpviz"))
        self.loss_plot.setLabel("bottom", _tr("step"))
        self.loss_plot.setLabel("left", _tr("loss on the mini-batch"))
        for i, title in enumerate((_tr("Sweep"), _tr("Decision boundary"), _tr("Loss surface"))):
            self.tabs.setTabText(i, title)
        titles = [_tr("Optimizers:"), _tr("Learning rates:"), _tr("Momentum:"), _tr("Batch sizes:"),
                  _tr("Initial seeds:")]
        for label, title in zip(self._form_labels, titles):
            label.setText(title)
        self.fields["lr"].setToolTip(_tr("A list such as 0.001, 0.01, 0.1, or LO:HI:N for N rates evenly "
                                         "spaced in log scale"))
        self.parabola_box.setText(_tr("The course's parabola: w from 5 down (w+1)²"))
        self.parabola_box.setToolTip(_tr("One weight, 40 steps of gradient descent: see what the learning rate "
                                         "does (0.2 converges, 1 jumps between 5 and -7, 0.0001 barely moves)"))
        self.apply_button.setText(_tr("Apply"))
        self.runs_label.setText(_tr("Runs (click a curve or a row; double-click to open it):"))
        self.open_button.setText(_tr("Open in the main window"))
        self.transport_bar.setWindowTitle(_tr("Transport"))
        self.act_step.setText(_tr("Step"))
        self.act_reset.setText(_tr("Reset"))
        self.act_export.setText(_tr("Export…"))
        self.act_start.setText(_tr("Pause") if self.runner.running else _tr("Start"))
        self.surface.retranslate()
        self.boundary.retranslate()
        self._dirty = True  # the sweep's axis and the status line are written by redraw()

    def _plan(self):
        lists = {"optimizer": [name for name, box in self.optimizer_boxes.items() if box.isChecked()]}
        if not lists["optimizer"]:
            raise CompareError(_tr("pick at least one optimizer"))
        for field, edit in self.fields.items():
            lists[field] = parse_list(field, edit.text())
        return cross_product(self.base, {}, lists)

    def _parabola_toggled(self, on: bool) -> None:
        self.base = PARABOLA if on else self.window_base
        for name, box in self.optimizer_boxes.items():
            box.setChecked(name == self.base.optimizer.optimizer)
        self.fields["lr"].setText(PARABOLA_RATES if on else f"{self.base.optimizer.lr:g}")
        self.fields["batch_size"].setText(str(self.base.schedule.batch_size))
        self.apply_settings()

    def set_up(self, base: RunConfig, lists: dict[str, str]) -> bool:
        """Compare runs of `base` with the fields filled in from `lists` (field -> text, "optimizer" a list of
        names), as a lesson sets them up; the parabola box shows whether `base` is the parabola."""
        self.runner.pause()
        self.base = base
        if self.main_window is not None:  # unticking the parabola goes back to the main window's run, if it can
            try:
                check_multi_run(self.main_window.controller.config)
                self.window_base = self.main_window.controller.config
            except ConfigError:
                self.window_base = RunConfig()
        self.parabola_box.blockSignals(True)
        self.parabola_box.setChecked(base.data.dataset == PARABOLA.data.dataset)
        self.parabola_box.blockSignals(False)
        chosen = {name.strip() for name in lists.get("optimizer", base.optimizer.optimizer).split(",")}
        for name, box in self.optimizer_boxes.items():
            box.setChecked(name in chosen)
        o, m, s = base.optimizer, base.model, base.schedule
        defaults = {"lr": f"{o.lr:g}", "momentum": f"{o.momentum:g}", "batch_size": str(s.batch_size),
                    "init_seed": str(m.init_seed)}
        for field, edit in self.fields.items():
            edit.setText(lists.get(field, defaults[field]))
        return self.apply_settings()

    def apply_settings(self) -> bool:
        """New runs from the fields; bad input is one line under the button and changes nothing."""
        try:
            configs, labels, varied = self._plan()
        except CompareError as exc:
            self.error_label.setText(str(exc))
            return False
        self.error_label.clear()
        self.runner.set_runs(configs, labels, varied)
        return True

    # -- views -----------------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """New runs: one curve and one list row per run, the boundary's data."""
        runner = self.runner
        dataset = runner.multi.dataset(0)
        self._grid = None
        planar = dataset.X.shape[1] == 2
        self.tabs.setTabEnabled(self.tabs.indexOf(self.boundary), planar)
        if planar:
            self.boundary.set_domain(dataset.domain)
            self.boundary.set_data(dataset.X64, dataset.Y.ravel())
            self._grid = self.boundary.grid_points()
        else:
            self.tabs.setCurrentWidget(self.surface)
        self.surface.set_runs(runner.multi, runner.labels)
        self.open_button.setEnabled(self.main_window is not None and planar)
        self.loss_plot.getPlotItem().clear()
        self.hover_label.hide()
        self.loss_plot.addItem(self.hover_label, ignoreBounds=True)
        n = len(runner.labels)
        self._curves = []
        for k, label in enumerate(runner.labels):
            curve = self.loss_plot.plot([], [], pen=pg.mkPen(run_colour(k, n), width=1.5), connect="finite",
                                        name=label if n <= MAX_LEGEND else None)
            curve.curve.setClickable(True, width=6)
            curve.sigClicked.connect(lambda _item, _ev=None, k=k: self.select_run(k))
            curve.setToolTip(label)
            self._curves.append(curve)
        self.run_list.blockSignals(True)
        self.run_list.clear()
        for k, label in enumerate(runner.labels):
            item = QListWidgetItem(label)
            item.setForeground(pg.mkColor(run_colour(k, n)))
            self.run_list.addItem(item)
        self.run_list.blockSignals(False)
        self._selected = min(self._selected, n - 1)
        self.run_list.setCurrentRow(self._selected)
        self._dirty = True

    def _on_advanced(self, _step: int) -> None:
        self._dirty = True
        if not self.runner.running:
            self.redraw()

    def _redraw_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.redraw()

    def redraw(self) -> None:
        """Every view from the runs as they are now."""
        self._dirty = False
        multi = self.runner.multi
        for k, curve in enumerate(self._curves):
            losses = multi.batch_losses(k)
            x, y = peak_decimate(np.where(np.isfinite(losses), losses, np.nan), CURVE_POINTS // 2)
            curve.setData(x, y, connect="finite")
        if multi.step:
            fit_loss_range(self.loss_plot.getPlotItem(), multi)
        sweep = self.sweep_plot.getPlotItem()
        sweep.clear()
        x_field = sweep_axis(self.runner.varied)
        populate_sweep(sweep, sweep_rows(multi, self.runner.labels, self.runner.varied), x_field)
        sweep.setLabel("bottom", _tr("learning rate") if x_field == "lr" else (x_field or _tr("run")))
        sweep.setLabel("left", _tr("loss on all data"))
        self._draw_boundary()
        self.surface.update_paths()
        self._show_status()

    def _draw_boundary(self) -> None:
        if self._grid is None:
            return
        multi, k = self.runner.multi, self._selected
        self.boundary.set_output(network_output(multi.network(k), multi.configs[k], multi.params(k),
                                                self._grid))
        self.boundary.setTitle(self.runner.labels[k])

    def _show_status(self) -> None:
        multi = self.runner.multi
        stopped = [self.runner.labels[k] + f" (step {multi.diverged_at(k)})"
                   for k in range(len(multi)) if multi.diverged_at(k) is not None]
        text = _tr("Step {step:,} / {target:,} — {alive} of {n} runs going").format(
            step=multi.step, target=self.runner.target, alive=multi.n_alive, n=len(multi))
        if stopped:
            text += _tr("; diverged: ") + ", ".join(stopped[:4]) + (" …" if len(stopped) > 4 else "")
        self.status_label.setText(text)

    def _on_mode(self, mode: str) -> None:
        running = mode == "running"
        self.act_start.setText(_tr("Pause") if running else _tr("Start"))
        self.act_start.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay))
        if not running:
            self.surface.recompute()  # the paths have moved: fit the plane's extent to them again
            self.redraw()

    def _on_diverged(self, k: int, step: int) -> None:
        item = self.run_list.item(k)
        if item is not None:
            item.setText(f"{self.runner.labels[k]} — diverged at step {step}")

    def select_run(self, k: int) -> None:
        if not 0 <= k < len(self.runner.labels):
            return
        self._selected = k
        if self.run_list.currentRow() != k:
            self.run_list.setCurrentRow(k)
        for j, curve in enumerate(self._curves):
            curve.setPen(pg.mkPen(run_colour(j, len(self._curves)), width=3.5 if j == k else 1.5))
        self.surface.select(k)
        self._draw_boundary()

    def hover_text(self, step: float, y: float) -> str | None:
        """The run whose curve passes nearest (step, y) — y as the log-y plot shows it, log10 of the loss —
        as "label: loss at step s"; None when no curve is near."""
        multi, s = self.runner.multi, int(round(step))
        y_low, y_high = self.loss_plot.getViewBox().viewRange()[1]
        nearest, best = None, 0.03 * (y_high - y_low)  # within 3% of the plot's height
        for k in range(len(multi)):
            losses = multi.batch_losses(k)
            if 0 <= s < len(losses) and np.isfinite(losses[s]) and losses[s] > 0:
                distance = abs(math.log10(float(losses[s])) - y)
                if distance <= best:
                    nearest, best = k, distance
        if nearest is None:
            return None
        return f"{self.runner.labels[nearest]}: {float(multi.batch_losses(nearest)[s]):.6g} at step {s:,}"

    def _on_mouse_moved(self, pos) -> None:
        box = self.loss_plot.getViewBox()
        if not box.sceneBoundingRect().contains(pos):
            self.hover_label.hide()
            return
        point = box.mapSceneToView(pos)
        text = self.hover_text(point.x(), point.y())
        if text is None:
            self.hover_label.hide()
            return
        self.hover_label.setText(text)
        self.hover_label.setPos(point)
        self.hover_label.show()

    @property
    def selected_run(self) -> int:
        return self._selected

    # -- to the main window, exports ---------------------------------------------------------------
    def open_in_main_window(self) -> None:
        """The selected run continues in the main window as its own run, at the same step, paused."""
        if self.main_window is None or not self.open_button.isEnabled():
            return
        self.runner.pause()
        k = self._selected
        trainer = self.runner.multi.trainer(k)
        self.main_window.files.adopt(trainer)
        self.main_window.status.set_message(_tr("Opened “{label}” from Compare at step {step:,} — paused; press "
                                                "Space to continue").format(label=self.runner.labels[k],
                                                                            step=trainer.step))
        self.main_window.raise_()
        self.main_window.activateWindow()

    def show_export_menu(self) -> None:
        menu = QMenu(self)
        for what, title in (("loss", _tr("Loss curves")), ("sweep", _tr("Sweep"))):
            for suffix in (".png", ".svg", ".csv"):
                menu.addAction(f"{title} ({suffix[1:].upper()})…", lambda w=what, s=suffix: self._export_dialog(w, s))
        menu.exec(self.mapToGlobal(self.rect().center()))

    def _export_dialog(self, what: str, suffix: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export"), f"compare-{what}{suffix}")
        if path:
            self.export(what, path)

    def export(self, what: str, path: str) -> bool:
        """Write the loss curves or the sweep (by the path's extension); a failure is a message, nothing else."""
        from bpviz.atomic import WriteError
        from bpviz.export.image import ExportError

        write = write_compare_loss if what == "loss" else write_sweep
        try:
            write(self.runner.multi, self.runner.labels, self.runner.varied, path)
        except (WriteError, ExportError) as exc:
            self.statusBar().showMessage(_tr("Export failed: {error}").format(error=exc), 10_000)
            return False
        self.statusBar().showMessage(_tr("Exported to {path}").format(path=path), 5_000)
        return True

    def closeEvent(self, event) -> None:
        self.runner.pause()
        super().closeEvent(event)


def show_compare(window, base: RunConfig) -> CompareWindow:
    """The main window's Compare window on `base`, shown; the open one is kept while it was opened on `base`."""
    compare = getattr(window, "compare_window", None)
    if compare is None or compare.window_base != base:
        if compare is not None:
            compare.close()
        compare = CompareWindow(base, window)
        window.compare_window = compare
    compare.show()
    compare.raise_()
    compare.activateWindow()
    return compare


def install(window) -> None:
    """A View-menu action in the main window that opens Compare with the window's configuration."""

    def open_compare() -> None:
        base = window.controller.config
        try:
            check_multi_run(base)
        except ConfigError as exc:
            # the window still opens: on the tutorial's run, with the reason it could not take this one
            QMessageBox.information(window, _tr("Compare runs"), _tr(
                "Compared runs cannot train this run's settings ({reason}), so Compare opens with the tutorial's "
                "run.").format(reason=exc.message))
            base = RunConfig()
        show_compare(window, base)

    action = window.add_action("act_compare", "", open_compare, QKeySequence("Ctrl+Shift+C"))
    retranslate_action(window)
    window.view_menu.addSeparator()
    window.view_menu.addAction(action)


def retranslate_action(window) -> None:
    """The main window's Compare action in the current language (the window calls it on LanguageChange)."""
    action = window.findChild(QAction, "act_compare")
    tip = _tr("Train several runs side by side: optimizers, learning rates, seeds")
    action.setText(_tr("&Compare runs…"))
    action.setToolTip(tip)
    action.setStatusTip(tip)
