"""Your own points in the window: File → Import data (and dropped .csv files), File → Export data as CSV,
and editing the points by clicking the input plane (left: class 1, right: class 0, Shift: remove).

Every change goes through one new `RunConfig` whose `points` hold the data, so the run, a saved
configuration and a session all carry the points; a refused import changes nothing."""
from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu

from bpviz.atomic import WriteError, write_text
from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.losses import LOSSES
from bpviz.engine.points import PointsError, arrays, points_csv, points_of, read_points_file

from .status_bar import ERROR, SUCCESS, WARNING


def fitting_loss(config: RunConfig, n_classes: int) -> str:
    """The run's loss if it can fit such data, else the first loss that can (softmax-ce for K > 2 classes)."""
    order = [config.loss.loss, *LOSSES]
    for name in order:
        try:
            LOSSES[name].check(n_classes)
        except ConfigError:
            continue
        return name
    raise AssertionError("every kind of data has a loss")


class DataActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = window.controller
        self._dir = ""
        self.act_import = self._action("act_import_data", self.import_dialog)
        self.act_export = self._action("act_export_data", self.export_dialog)
        self.act_generated = self._action("act_generated_data", self.use_generated)
        self.act_edit = self._action("act_edit_points", self._edit_toggled)
        self.act_edit.setCheckable(True)
        self.retranslate()
        window.boundary.plane_clicked.connect(self.plane_clicked)

    def retranslate(self) -> None:
        """The actions' texts in the current language (the window calls it on LanguageChange)."""
        for action, text, tip in (
                (self.act_import, self.tr("&Import data (CSV)…"),
                 self.tr("Train on your own points: a CSV file with the columns x0,x1,label or x0,x1,y")),
                (self.act_export, self.tr("Export &data as CSV…"),
                 self.tr("Write the run's points and their labels to a CSV file")),
                (self.act_generated, self.tr("Use the &generated data set"),
                 self.tr("Go back from imported or edited points to the data set chosen in the panel")),
                (self.act_edit, self.tr("&Edit points by clicking"),
                 self.tr("Left click adds a point of class 1, right click one of class 0, "
                         "Shift-click removes the nearest point"))):
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("DataActions", text)

    def _action(self, name: str, slot) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addActions([self.act_import, self.act_export, self.act_generated, self.act_edit])

    # -- the points -------------------------------------------------------------------------------
    def current_points(self) -> dict:
        """The run's points in stored form: imported or edited ones, or the generated data set's."""
        config = self.controller.config
        if config.data.points is not None:
            return config.data.points
        dataset = self.controller.latest_snapshot().dataset
        return points_of(dataset.X64, dataset.Y64 if dataset.is_regression else dataset.Y, dataset.n_classes)

    def use_points(self, points: dict, what: str) -> bool:
        """Train on these points from step 0 (with a loss that fits them); False and no change if refused."""
        config = self.controller.config
        loss = fitting_loss(config, arrays(points)[2])
        try:
            new = config.replace(points=points, loss=loss)
        except ConfigError as exc:
            self.window.show_error(self.tr("Cannot use the data"), self.window.panel.error_text(exc))
            return False
        if self.window.apply_config(new, force_reset=True) is None:
            return False
        note = "" if loss == config.loss.loss else self.tr(" (loss is now {loss})").format(loss=loss)
        self.window.status.set_message(what + note, SUCCESS if not note else WARNING)
        return True

    # -- files ------------------------------------------------------------------------------------
    def import_data(self, path) -> bool:
        try:
            points = read_points_file(path)
        except PointsError as exc:
            self.window.status.set_message(str(exc), ERROR)
            self.window.show_error(self.tr("Cannot import the data"), str(exc))
            return False
        n = len(points["x"])
        return self.use_points(points, self.tr("Imported {n} points from {path} — network reset to step 0")
                               .format(n=f"{n:,}", path=str(path)))

    def export_data(self, path) -> bool:
        try:
            write_text(path, points_csv(self.current_points()))
        except WriteError as exc:
            self.window.show_error(self.tr("Cannot export the data"), str(exc))
            return False
        self.window.status.set_message(self.tr("Wrote the data to {path}").format(path=str(path)), SUCCESS)
        return True

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import data"), self._dir,
                                              self.tr("CSV (*.csv);;All files (*)"))
        if path:
            self._dir = os.path.dirname(path)
            self.import_data(path)

    def export_dialog(self) -> None:
        start = os.path.join(self._dir, "bpviz-data.csv") if self._dir else "bpviz-data.csv"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export data as CSV"), start,
                                              self.tr("CSV (*.csv);;All files (*)"))
        if path:
            self._dir = os.path.dirname(path)
            self.export_data(path if os.path.splitext(path)[1] else path + ".csv")

    @Slot()
    def use_generated(self) -> None:
        config = self.controller.config
        if config.data.points is None:
            return
        new = config.replace(points=None, loss=fitting_loss(config, _generated_classes(config)))
        self.window.apply_config(new, force_reset=True)

    # -- clicks on the plane ----------------------------------------------------------------------
    def _edit_toggled(self, on: bool) -> None:
        self.window.boundary.set_editing(on)
        if on:
            self.window.status.set_message(self.tr("Editing points: left click adds class 1, right click "
                                                   "class 0, Shift-click removes the nearest point"))

    @Slot(float, float, int, bool)
    def plane_clicked(self, x0: float, x1: float, label: int, remove: bool) -> None:
        points = self.current_points()
        if "label" not in points:
            self.window.status.set_message(self.tr("Points can be added by clicking only to classification "
                                                   "data"), WARNING)
            return
        X, labels = list(points["x"]), list(points["label"])
        if remove:
            if len(X) <= 2:
                self.window.status.set_message(self.tr("At least 2 points must stay"), WARNING)
                return
            index = int(np.argmin(np.hypot(*(np.asarray(X) - (x0, x1)).T)))
            removed = X.pop(index)
            labels.pop(index)
            what = self.tr("Removed the point at ({x0}, {x1})").format(x0=f"{removed[0]:.3f}", x1=f"{removed[1]:.3f}")
        else:
            X.append([float(x0), float(x1)])
            labels.append(int(label))
            what = self.tr("Added a point of class {label} at ({x0}, {x1})").format(
                label=label, x0=f"{x0:.3f}", x1=f"{x1:.3f}")
        self.use_points({"x": X, "label": labels}, what + self.tr(" — network reset to step 0"))


def _generated_classes(config: RunConfig) -> int:
    from bpviz.engine.settings import classes_of

    return classes_of({**config.flat(), "points": None})
