"""The File menu's work: configurations, sessions, Open Recent, exports, and files dropped on the window.

* Sessions (`bpviz.engine.session`): Save session… writes the running trainer from the worker thread;
  Open session… reads the file in the GUI thread (a new Trainer nobody else holds) and hands it to the
  controller, which pauses and continues from it.  The control panel shows its configuration without
  applying it (no reset).  A file that is not a complete session changes nothing.
* Exports (`bpviz.export`): everything that needs the trainer runs through `controller.call` (in the
  worker); pictures are drawn in the GUI thread.  Every file is written atomically, and every failure
  is shown in a message box and the status bar.
* Open Recent: sessions and configurations, kept in QSettings (`recent_files.RecentFiles`).
* Drag and drop: a session or configuration dropped on the window is opened; which one it is is told
  by the content (a zip archive / a JSON object), the extension only as a fallback.

`done(path, ok)` is emitted when an export or save has finished, successfully or not (tests wait on it).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from bpviz.atomic import WriteError, write_bytes
from bpviz.engine.config import ConfigError
from bpviz.engine.config_file import read_config, write_config
from bpviz.engine.datasets import DATASETS as PLANE_DATASETS
from bpviz.engine.file_reading import UnreadableFile, open_regular_file

from .export_dialog import DEFAULT_SIZE, ImageSizeDialog
from .recent_files import RecentFiles
from .status_bar import ERROR, SUCCESS, WARNING

SESSION = "session"
CONFIGURATION = "configuration"

# format -> (file filter, suffix)
FORMATS = {
    "png": (QT_TRANSLATE_NOOP("FileActions", "PNG image (*.png)"), ".png"),
    "svg": (QT_TRANSLATE_NOOP("FileActions", "SVG drawing (*.svg)"), ".svg"),
    "csv": (QT_TRANSLATE_NOOP("FileActions", "CSV table (*.csv)"), ".csv"),
    "npz": (QT_TRANSLATE_NOOP("FileActions", "NumPy archive (*.npz)"), ".npz"),
    "json": (QT_TRANSLATE_NOOP("FileActions", "JSON (*.json)"), ".json"),
    "py": (QT_TRANSLATE_NOOP("FileActions", "Python script (*.py)"), ".py"),
}


@dataclass(frozen=True)
class ExportSpec:
    """One entry of the Export menu: what is exported in which format, how, and under which default name."""

    name: str  # of its action: act_export_<name>
    what: str  # "loss", "boundary", "heatmaps", "window", "weights", "numpy", "tf1"
    fmt: str  # a key of FORMATS
    text: str  # the menu item (translated in the "FileActions" context)
    file_name: str  # the default file name, without suffix
    writer: str  # the FileActions method that exports it: (spec, path, size)
    group: int  # menu section: a separator between groups
    tip: str = ""  # what the file holds (status tip; translated in the "FileActions" context)


EXPORTS = (  # in menu order
    ExportSpec("loss_png", "loss", "png", QT_TRANSLATE_NOOP("FileActions", "Loss plot as &PNG…"),
               "loss", "_export_loss_picture", 0,
               QT_TRANSLATE_NOOP("FileActions", "A picture of the loss curve as shown, with its title")),
    ExportSpec("loss_svg", "loss", "svg", QT_TRANSLATE_NOOP("FileActions", "Loss plot as &SVG…"),
               "loss", "_export_loss_picture", 0,
               QT_TRANSLATE_NOOP("FileActions", "The loss curve as a drawing that scales without blur")),
    ExportSpec("loss_csv", "loss", "csv", QT_TRANSLATE_NOOP("FileActions", "Loss as &CSV table…"),
               "loss", "_export_loss_csv", 0,
               QT_TRANSLATE_NOOP("FileActions", "Every step's batch loss and the logged loss on all data, one row "
                                                 "per step")),
    ExportSpec("boundary_png", "boundary", "png", QT_TRANSLATE_NOOP("FileActions", "Decision &boundary as PNG…"),
               "boundary", "_export_view", 1,
               QT_TRANSLATE_NOOP("FileActions", "A picture of the network's output over the plane and the points")),
    ExportSpec("boundary_svg", "boundary", "svg", QT_TRANSLATE_NOOP("FileActions", "Decision boundary as SVG…"),
               "boundary", "_export_view", 1,
               QT_TRANSLATE_NOOP("FileActions", "The decision boundary as a drawing that scales without blur")),
    ExportSpec("heatmaps_png", "heatmaps", "png", QT_TRANSLATE_NOOP("FileActions", "&Weight heatmaps as PNG…"),
               "weights-heatmaps", "_export_view", 1,
               QT_TRANSLATE_NOOP("FileActions", "A picture of the weight matrices with their numbers")),
    ExportSpec("heatmaps_svg", "heatmaps", "svg", QT_TRANSLATE_NOOP("FileActions", "Weight heatmaps as SVG…"),
               "weights-heatmaps", "_export_view", 1,
               QT_TRANSLATE_NOOP("FileActions", "The weight heatmaps as a drawing that scales without blur")),
    ExportSpec("window_png", "window", "png", QT_TRANSLATE_NOOP("FileActions", "Whole w&indow as PNG…"),
               "bpviz-window", "_export_window", 1,
               QT_TRANSLATE_NOOP("FileActions", "A screenshot of the whole window")),
    ExportSpec("weights_npz", "weights", "npz", QT_TRANSLATE_NOOP("FileActions", "Weights and history as &NPZ…"),
               "weights", "_export_weights", 2,
               QT_TRANSLATE_NOOP("FileActions", "The weights, the losses so far and the configuration, for NumPy "
                                                 "(np.load)")),
    ExportSpec("weights_json", "weights", "json", QT_TRANSLATE_NOOP("FileActions", "Weights and history as &JSON…"),
               "weights", "_export_weights", 2,
               QT_TRANSLATE_NOOP("FileActions", "The weights, the losses so far and the configuration as JSON text")),
    ExportSpec("numpy_script", "numpy", "py", QT_TRANSLATE_NOOP("FileActions", "N&umPy script of this run…"),
               "bpviz_run", "_export_script", 3,
               QT_TRANSLATE_NOOP("FileActions", "A Python script that trains this run with NumPy alone and prints "
                                                 "what the tutorial prints")),
    ExportSpec("tf1_script", "tf1", "py", QT_TRANSLATE_NOOP("FileActions", "&TensorFlow 1 code of this run…"),
               "bpviz_run_tf1", "_export_script", 3,
               QT_TRANSLATE_NOOP("FileActions", "The tutorial's TensorFlow 1 program with this run's settings")),
)
# any plot's right-click "Export…" (plot_export.py): a picture of that plot, not an Export menu entry
PLOT_EXPORTS = (
    ExportSpec("plot_png", "plot", "png", QT_TRANSLATE_NOOP("FileActions", "This plot as PNG…"), "plot",
               "_export_view", -1),
    ExportSpec("plot_svg", "plot", "svg", QT_TRANSLATE_NOOP("FileActions", "This plot as SVG…"), "plot",
               "_export_view", -1),
)
EXPORT_SPECS = {(spec.what, spec.fmt): spec for spec in EXPORTS + PLOT_EXPORTS}
# the loss plot's right-click menu offers these too
LOSS_MENU_TEXT = {"png": QT_TRANSLATE_NOOP("FileActions", "Export loss as PNG…"),
                  "svg": QT_TRANSLATE_NOOP("FileActions", "Export loss as SVG…"),
                  "csv": QT_TRANSLATE_NOOP("FileActions", "Export loss as CSV…")}


def sniff(path) -> str | None:
    """SESSION, CONFIGURATION or None, from the file's first bytes (a session is a zip archive,
    a configuration a JSON object); the extension decides only for files that cannot be read."""
    try:
        with open_regular_file(path, sys.maxsize) as f:  # a FIFO or a device is never read from
            head = f.read(64)
    except (UnreadableFile, OSError):
        head = None
    if head is not None:
        if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
            return SESSION
        if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return CONFIGURATION
        if head:
            return None
    suffix = Path(path).suffix.lower()
    return {".npz": SESSION, ".json": CONFIGURATION}.get(suffix)


class FileActions(QObject):
    done = Signal(str, bool)  # path, ok

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self.recent = RecentFiles(window.settings.q)
        self._dir = ""
        self._build_actions()
        window.setAcceptDrops(True)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("FileActions", text)

    # -- menus ----------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut=None, window_wide: bool = False) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if window_wide:
            self.window.addAction(action)  # the shortcut works with the menu bar hidden
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.act_open_session = self._action("act_open_session", "", self.open_session_dialog, "Ctrl+Shift+O", True)
        self.act_save_session = self._action("act_save_session", "", self.save_session_dialog, "Ctrl+Shift+S", True)
        self.recent_menu = QMenu(self.window)
        self.recent_menu.setObjectName("recent_menu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()

        menu = QMenu(self.window)
        menu.setObjectName("export_menu")
        self.export_actions: dict[str, QAction] = {}
        group = EXPORTS[0].group
        for spec in EXPORTS:
            if spec.group != group:
                menu.addSeparator()
                group = spec.group
            action = self._action(f"act_export_{spec.name}", "",
                                  lambda _=False, spec=spec: self.export_dialog(spec.what, spec.fmt))
            self.export_actions[spec.name] = action
            menu.addAction(action)
        self.export_menu = menu

        # the loss plot's right-click menu (pyqtgraph's own "Export..." leads to these too: plot_export.py)
        vb_menu = self.window.loss_plot.plot_item.getViewBox().menu
        vb_menu.addSeparator()
        self.loss_menu_actions = []
        for fmt in LOSS_MENU_TEXT:
            action = QAction(vb_menu)
            action.setObjectName(f"loss_menu_export_{fmt}")
            action.triggered.connect(lambda _=False, fmt=fmt: self.export_dialog("loss", fmt))
            vb_menu.addAction(action)
            self.loss_menu_actions.append(action)
        self.retranslate()

    def retranslate(self) -> None:
        """The menus' texts in the current language (the window calls it on LanguageChange)."""
        self.act_open_session.setText(self.tr("Open &session…"))
        self.act_save_session.setText(self.tr("Save s&ession…"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.export_menu.setTitle(self.tr("&Export") + "\t" + QKeySequence("Ctrl+E").toString(QKeySequence.NativeText))
        self.act_open_session.setStatusTip(self.tr("Continue a saved run: its weights, history, optimizer state "
                                                   "and configuration"))
        self.act_save_session.setStatusTip(self.tr("Save the whole run so far, to continue it later exactly "
                                                   "where it is"))
        for spec in EXPORTS:
            self.export_actions[spec.name].setText(self.tr(spec.text))
            self.export_actions[spec.name].setStatusTip(self.tr(spec.tip))
        for action in (self.act_open_session, self.act_save_session, *self.export_actions.values()):
            action.setToolTip(action.statusTip())
        for action, text in zip(self.loss_menu_actions, LOSS_MENU_TEXT.values()):
            action.setText(self.tr(text))

    def add_to_menu(self, file_menu: QMenu) -> None:
        """Session items, Open Recent and Export, appended to the File menu."""
        file_menu.addActions([self.act_open_session, self.act_save_session])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addMenu(self.export_menu)

    @Slot()
    def show_export_menu(self) -> None:
        """Ctrl+E: the Export menu, under the File menu."""
        bar = self.window.menuBar()
        file_action = bar.actions()[0] if bar.actions() and bar.isVisible() else None
        if file_action is not None:
            pos = bar.mapToGlobal(bar.actionGeometry(file_action).bottomLeft())
        else:
            pos = self.window.mapToGlobal(QPoint(40, 40))
        self.export_menu.popup(pos)

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.recent.paths()
        for k, path in enumerate(paths, 1):
            name = os.path.basename(path)
            action = menu.addAction(f"&{k}  {name}  —  {os.path.dirname(path)}")
            action.setData(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if paths:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear list"))
        clear.setStatusTip(self.tr("Forget the files opened recently (the files stay where they are)"))
        clear.setToolTip(clear.statusTip())
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear_recent)
        menu.setEnabled(True)

    def recent_paths(self) -> list[str]:
        return self.recent.paths()

    def remember(self, path) -> None:
        self.recent.add(path)
        self._fill_recent_menu()

    @Slot()
    def clear_recent(self) -> None:
        self.recent.clear()
        self._fill_recent_menu()

    def open_recent(self, path: str) -> bool:
        if not os.path.exists(path):
            self.recent.remove(path)
            self._fill_recent_menu()
            QMessageBox.warning(self.window, self.tr("File not found"),
                                self.tr("{path} no longer exists; it was removed from the recent files.")
                                .format(path=path))
            self.window.status.set_message(self.tr("Removed {path} from the recent files (it no longer exists)")
                                           .format(path=path), WARNING)
            return False
        return self.open_path(path)

    # -- opening --------------------------------------------------------------------------------
    def open_path(self, path) -> bool:
        """Open a session or a configuration, whichever `path` holds (a .csv file is data to import)."""
        if Path(path).suffix.lower() == ".csv":
            return self.window.data.import_data(path)
        kind = sniff(path)
        if kind == SESSION:
            return self.open_session(path)
        if kind == CONFIGURATION:
            return self.open_config(path)
        try:
            open_regular_file(path, sys.maxsize).close()
            why = self.tr("{path}: neither a bpviz session (.npz) nor a configuration (.json)").format(path=str(path))
        except UnreadableFile as exc:
            why = str(exc)
        self.window.show_error(self.tr("Cannot open the file"), why)
        return False

    def open_config(self, path) -> bool:
        """Load a configuration file (the JSON `bpviz train --config` reads) and apply it; all or nothing."""
        window = self.window
        try:
            config = read_config(path)
        except ConfigError as exc:
            window.show_error(self.tr("Cannot open the configuration"), window.panel.error_text(exc))
            return False
        if self.refuse_unplottable(config, path, self.tr("Cannot open the configuration")):
            return False
        if not self.use_config(config):
            return False
        window.status.set_message(self.tr("Opened {path} — network reset to step 0").format(path=str(path)))
        self.remember(path)
        return True

    def use_config(self, config) -> bool:
        """Make `config` the run (a new one at step 0, paused) and show it in the panel; all or nothing.
        An opened configuration and a lesson's set-up both come this way."""
        window = self.window
        previous = self.controller.config
        try:
            self.controller.apply_config(config, force_reset=True)
        except (ConfigError, ValueError) as exc:
            window.show_error(self.tr("Cannot use the configuration"),
                              window.panel.error_text(exc) if isinstance(exc, ConfigError) else str(exc))
            window.panel.set_config(previous)
            return False
        window.panel.set_config(config)
        window.update_title()
        return True

    def open_config_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open configuration"), self._dir,
                                              self.tr("Configuration (*.json);;All files (*)"))
        if path:
            self._dir = os.path.dirname(path)
            self.open_config(path)

    def save_config(self, path) -> bool:
        """Save the run's effective configuration."""
        try:
            write_config(self.controller.config, path)
        except WriteError as exc:
            self.window.show_error(self.tr("Cannot save the configuration"), str(exc))
            return False
        self.window.status.set_message(self.tr("Saved the configuration to {path}").format(path=str(path)),
                                       SUCCESS)
        self.remember(path)
        return True

    def save_config_dialog(self) -> None:
        path = self._ask_path(self.tr("Save configuration"), "bpviz-config.json",
                              self.tr("Configuration (*.json);;All files (*)"), ".json")
        if path:
            self.save_config(path)

    def open_session(self, path) -> bool:
        """Continue from the session in `path` (paused); on any problem, a message and no change at all."""
        from bpviz.engine.session import SessionError, load_session

        try:
            trainer = load_session(path)
        except SessionError as exc:
            self.window.show_error(self.tr("Cannot open the session"), str(exc))
            return False
        except MemoryError:
            self.window.show_error(self.tr("Cannot open the session"),
                                   self.tr("{path}: too large to load").format(path=str(path)))
            return False
        if self.refuse_unplottable(trainer.config, path, self.tr("Cannot open the session")):
            return False
        self.adopt(trainer)
        self.remember(path)
        self.window.status.set_message(self.tr("Opened session {path} at step {step} — paused; press Space to "
                                               "continue").format(path=str(path), step=f"{trainer.step:,}"),
                                       SUCCESS)
        return True

    def refuse_unplottable(self, config, path, title: str) -> bool:
        """True (and a message) when `config` trains on data this window cannot draw (the parabola)."""
        if config.data.dataset in PLANE_DATASETS:
            return False
        self.window.show_error(title, self.tr("{path}: the {dataset} has one weight and no plane of samples to "
                                              "draw; open it in View → Compare runs… or run it with bpviz "
                                              "train").format(path=str(path), dataset=config.data.dataset))
        return True

    def adopt(self, trainer) -> None:
        """Continue `trainer` in this window, paused (an opened session, a run opened from Compare)."""
        self.controller.replace_trainer(trainer)  # pauses; the window redraws from the next snapshot
        self.window.panel.set_config(trainer.effective_config)  # shows it, emits nothing: no reset
        self.window.update_title()

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open session"), self._dir,
                                              self.tr("bpviz session (*.npz);;All files (*)"))
        if path:
            self._dir = os.path.dirname(path)
            self.open_session(path)

    # -- saving ---------------------------------------------------------------------------------
    def save_session(self, path) -> None:
        """Write the current run to `path` (from the worker thread); `done` reports the outcome."""
        from bpviz.engine.session import save_session

        path = str(path)
        title = self.tr("Cannot save the session")

        def saved(_result) -> None:
            self.remember(path)
            self._succeeded(path, self.tr("Saved the session to {path}").format(path=path))

        self.controller.call(lambda t: save_session(t, path), saved, lambda text: self._failed(path, title, text),
                             even_if_replaced=True)

    def save_session_dialog(self) -> None:
        path = self._ask_path(self.tr("Save session"), "bpviz-session.npz",
                              self.tr("bpviz session (*.npz)"), ".npz")
        if path:
            self.save_session(path)

    # -- exports --------------------------------------------------------------------------------
    def export_dialog(self, what: str, fmt: str, widget=None) -> None:
        """Ask where (and, for a PNG, how big), then export; `widget`: the plot to export as "plot"."""
        spec = EXPORT_SPECS[(what, fmt)]
        file_filter, suffix = FORMATS[fmt]
        path = self._ask_path(self.tr("Export"), spec.file_name + suffix, self.tr(file_filter), suffix)
        if not path:
            return
        size = None
        if fmt == "png" and what != "window":
            default = DEFAULT_SIZE if what == "loss" else self._widget_size(what, widget)
            size = ImageSizeDialog.get_size(self.window, self.tr("Picture size"), default)
            if size is None:
                return
        self.export(what, fmt, path, size, widget)

    def _widget_size(self, what: str, widget=None) -> tuple[int, int]:
        widget = widget or (self.window.boundary if what == "boundary" else self.window.weights_panel)
        w, h = widget.width(), widget.height()
        return (w, h) if w > 10 and h > 10 else DEFAULT_SIZE

    def export(self, what: str, fmt: str, path, size: tuple[int, int] | None = None, widget=None) -> None:
        """Export `what` as `fmt` (a pair of EXPORTS, or "plot": `widget`, any plot, from its right-click
        "Export…") to `path`; `done` reports the outcome."""
        spec = EXPORT_SPECS.get((what, fmt))
        if spec is None:
            raise ValueError(f"cannot export {what} as {fmt}")
        extra = (widget,) if widget is not None else ()  # only the "plot" writer takes one
        getattr(self, spec.writer)(spec, str(path), size, *extra)

    def _export_loss_picture(self, spec: ExportSpec, path: str, size) -> None:
        from bpviz.export.loss_figure import LossCurves, export_loss_figure

        width, height = size or DEFAULT_SIZE
        log_y, smoothing = self.window.loss_plot.log_y(), self.window.loss_plot.smoothing()
        title = self.tr("Cannot export the loss plot")

        def draw(curves) -> None:
            self._write(path, title, lambda: export_loss_figure(curves, path, width, height, log_y=log_y,
                                                                smoothing=smoothing),
                        self.tr("Exported the loss plot to {path}"))

        self.controller.call(LossCurves.from_trainer, draw, lambda text: self._failed(path, title, text),
                             even_if_replaced=True)

    def _export_loss_csv(self, spec: ExportSpec, path: str, size) -> None:
        from bpviz.export.data import write_loss_csv

        self._in_worker(path, lambda t: write_loss_csv(t, path), self.tr("Cannot export the loss table"),
                        self.tr("Exported the loss table to {path}"))

    def _export_weights(self, spec: ExportSpec, path: str, size) -> None:
        from bpviz.export.data import write_weights_json, write_weights_npz

        write = write_weights_npz if spec.fmt == "npz" else write_weights_json
        self._in_worker(path, lambda t: write(t, path), self.tr("Cannot export the weights"),
                        self.tr("Exported the weights and history to {path}"))

    def _export_script(self, spec: ExportSpec, path: str, size) -> None:
        from bpviz.export.script import write_numpy_script, write_tf1_script

        write = write_numpy_script if spec.what == "numpy" else write_tf1_script
        self._in_worker(path, lambda t: write(t, path), self.tr("Cannot export the script"),
                        self.tr("Exported the script to {path}"))

    def _export_view(self, spec: ExportSpec, path: str, size, widget=None) -> None:
        from bpviz.export.image import export_png, export_svg

        self.window.live.redraw_now()
        target = widget or (self.window.boundary if spec.what == "boundary" else self.window.weights_panel)
        title = {"boundary": self.tr("Cannot export the decision boundary"),
                 "heatmaps": self.tr("Cannot export the weight heatmaps")}.get(spec.what,
                                                                              self.tr("Cannot export the plot"))
        if spec.fmt == "png":
            write = lambda: export_png(target, path, *(size or (None, None)))  # noqa: E731
        else:
            write = lambda: export_svg(target, path)  # noqa: E731
        self._write(path, title, write, self.tr("Exported the picture to {path}"))

    def _export_window(self, spec: ExportSpec, path: str, size) -> None:
        from bpviz.export.image import png_bytes

        self.window.live.redraw_now()
        self._write(path, self.tr("Cannot export the window"),
                    lambda: write_bytes(path, png_bytes(self.window.grab().toImage())),
                    self.tr("Exported the window to {path}"))

    # -- plumbing -------------------------------------------------------------------------------
    def _in_worker(self, path: str, fn, title: str, success: str) -> None:
        self.controller.call(fn, lambda _r: self._succeeded(path, success.format(path=path)),
                             lambda text: self._failed(path, title, text), even_if_replaced=True)

    def _write(self, path: str, title: str, write, success: str) -> None:
        from bpviz.export.image import ExportError

        try:
            write()
        except (WriteError, ExportError, OSError, ValueError) as exc:
            self._failed(path, title, str(exc))
            return
        self._succeeded(path, success.format(path=path))

    def _succeeded(self, path: str, message: str) -> None:
        self.window.status.set_message(message, SUCCESS)
        self.done.emit(path, True)

    def _failed(self, path: str, title: str, text: str) -> None:
        self.window.status.set_message(f"{title}: {text}", ERROR)
        self.window.show_error(title, text)
        self.done.emit(path, False)

    def _ask_path(self, title: str, name: str, file_filter: str, suffix: str) -> str:
        start = os.path.join(self._dir, name) if self._dir else name
        path, _ = QFileDialog.getSaveFileName(self.window, title, start, file_filter)
        if not path:
            return ""
        if not Path(path).suffix:
            path += suffix
        self._dir = os.path.dirname(path)
        return path

    # -- drag and drop --------------------------------------------------------------------------
    @staticmethod
    def _dropped_file(mime) -> str | None:
        if mime is None or not mime.hasUrls():
            return None
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        return files[0] if len(files) == 1 else None

    def drag_enter(self, event) -> None:
        path = self._dropped_file(event.mimeData())
        if path and os.path.isfile(path):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop(self, event) -> None:
        path = self._dropped_file(event.mimeData())
        if not path:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_path(path)

