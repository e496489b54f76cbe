"""How well the current weights fit the data, point by point: for a regression, each point's prediction
against its true value (views/prediction_plot.py); for a classification, the confusion matrix
(views/confusion.py) of the training points or of the held-out ones.  Fed with the network's outputs on
the run's points by LiveView; counts with the engine's rule (threshold 0.5 for one output, argmax for
one per class), the one the status bar's accuracy uses."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from bpviz.engine.classification import confusion_matrix, predicted_classes

from .language import Retranslating
from .steady_label import SteadyText
from .views.confusion import ConfusionView
from .views.prediction_plot import PredictionPlot

TRAINING, TEST = "training", "test"


class FitPanel(Retranslating, QWidget):
    title_changed = Signal(str)  # the dock's title: "Predicted vs true" or "Confusion matrix"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.prediction_plot = PredictionPlot()
        self.prediction_plot.setObjectName("prediction_plot")
        self.confusion = ConfusionView()
        self.confusion.setObjectName("confusion_view")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.prediction_plot)
        self.stack.addWidget(self.confusion)
        self.caption = SteadyText()
        self.caption.setObjectName("fit_caption")
        self.points_choice = QComboBox()
        self.points_choice.setObjectName("fit_points")
        self.points_choice.addItem("", TRAINING)
        self.points_choice.addItem("", TEST)
        self.points_choice.currentIndexChanged.connect(self._redraw)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.caption, 1)
        top.addWidget(self.points_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.setMinimumSize(180, 160)
        self._n_classes: int | None = None  # before the first data: neither kind yet
        self._labels = np.empty(0, np.intp)
        self._test_from = 0
        self._prediction: np.ndarray | None = None
        self._step = 0
        self.retranslate()

    # -- public ---------------------------------------------------------------------------------------
    def set_data(self, n_classes: int, targets: np.ndarray, test_from: int | None = None) -> None:
        """The run's points: their labels 0..K-1 (n_classes K ≥ 2), or their values (n_classes 0, a
        regression); points from `test_from` on are held out.  Clears the fit."""
        kind_changed = self._n_classes is None or (n_classes == 0) != (self._n_classes == 0)
        self._n_classes = int(n_classes)
        targets = np.asarray(targets).reshape(-1)
        self._test_from = len(targets) if test_from is None else int(test_from)
        self._prediction = None
        has_test = self._test_from < len(targets)
        if self._n_classes == 0:
            self.prediction_plot.set_targets(targets, self._test_from)
            self.stack.setCurrentWidget(self.prediction_plot)
        else:
            self._labels = targets.astype(np.intp)
            self.confusion.set_counts(np.zeros((self._n_classes, self._n_classes), np.int64))
            self.stack.setCurrentWidget(self.confusion)
        self.points_choice.setVisible(self._n_classes > 0 and has_test)
        if not has_test:
            self.points_choice.setCurrentIndex(0)
        self._update_caption()
        if kind_changed:
            self.title_changed.emit(self.title())

    def set_outputs(self, outputs: np.ndarray, step: int) -> None:
        """The network's outputs on the points of set_data, in their order: (n,) or (n, 1) values or
        probabilities, (n, K) one per class."""
        outputs = np.asarray(outputs)
        self._prediction = outputs.reshape(len(outputs), -1)
        self._step = int(step)
        self._redraw()

    def set_step(self, step: int) -> None:
        """The outputs shown are also those after `step` (the weights have not changed since)."""
        if self._prediction is not None and step != self._step:
            self._step = int(step)
            self._update_caption()

    def title(self) -> str:
        return self.tr("Predicted vs true") if self._n_classes == 0 else self.tr("Confusion matrix")

    def is_regression(self) -> bool:
        return self._n_classes == 0

    def showing_test(self) -> bool:
        return not self.points_choice.isHidden() and self.points_choice.currentData() == TEST

    def retranslate(self) -> None:
        self.points_choice.setItemText(0, self.tr("training points"))
        self.points_choice.setItemText(1, self.tr("test points"))
        self.points_choice.setToolTip(self.tr("Count the points trained on, or the held-out ones"))
        self.prediction_plot.retranslate()
        self.confusion.retranslate()
        self._update_caption()
        self.title_changed.emit(self.title())

    # -- drawing --------------------------------------------------------------------------------------
    def _redraw(self) -> None:
        if self._prediction is None:
            self._update_caption()
            return
        if self._n_classes == 0:
            self.prediction_plot.set_predictions(self._prediction[:, 0])
        else:
            part = slice(self._test_from, None) if self.showing_test() else slice(0, self._test_from)
            guess = predicted_classes(self._prediction[part])
            self.confusion.set_counts(confusion_matrix(self._labels[part], guess, self._n_classes))
        self._update_caption()

    def _update_caption(self) -> None:
        if self._prediction is None:
            self.caption.setText(self.tr("Waiting for the first weights…"))
            return
        step = f"{self._step:,}"
        if self._n_classes == 0:
            train, test = self.prediction_plot.rmse(), self.prediction_plot.rmse(test=True)
            text = self.tr("Step {step}: RMSE {rmse}").format(step=step, rmse=_num(train))
            if test is not None:
                text += self.tr(" (test {rmse})").format(rmse=_num(test))
        else:
            counts = self.confusion.counts()
            total, right = int(counts.sum()), int(np.trace(counts))
            text = self.tr("Step {step}: {right} of {total} right").format(step=step, right=f"{right:,}",
                                                                         total=f"{total:,}")
        self.caption.setText(text)


def _num(value: float | None) -> str:
    return "—" if value is None else f"{value:.3g}"
