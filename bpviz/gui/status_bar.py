"""The status bar: a message on the left; step / target with a progress bar, loss, rate on the right."""
from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from .language import Retranslating
from .steady_label import SteadyLabel, release

INFO, SUCCESS, WARNING, ERROR = "info", "success", "warning", "error"
_COLORS = {INFO: "", SUCCESS: "color: #2e7d32;", WARNING: "color: #b26a00;",
           ERROR: "color: #c62828; font-weight: bold;"}


class RateMeter:
    """Steps per second over the last second of snapshots."""

    def __init__(self, window: float = 1.0):
        self._window = window
        self._points: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._points.clear()

    def add(self, t: float, step: int) -> None:
        if self._points and step < self._points[-1][1]:
            self._points.clear()
        self._points.append((t, step))
        while len(self._points) > 2 and t - self._points[1][0] >= self._window:
            self._points.popleft()

    def rate(self) -> float | None:
        if len(self._points) < 2:
            return None
        (t0, s0), (t1, s1) = self._points[0], self._points[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 else None


def format_loss(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:.6g}"


class TrainingStatusBar(Retranslating, QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.message_label = QLabel()
        self.message_label.setObjectName("status_message")
        self.message_label.setMinimumWidth(200)
        self.addWidget(self.message_label, 1)
        self.step_label = SteadyLabel()
        self.step_label.setObjectName("status_step")
        self.progress = QProgressBar()
        self.progress.setObjectName("status_progress")
        self.progress.setMaximumWidth(140)
        self.progress.setMaximumHeight(16)
        self.progress.setTextVisible(False)
        self.loss_label = SteadyLabel()
        self.loss_label.setObjectName("status_loss")
        self.lr_label = SteadyLabel()
        self.lr_label.setObjectName("status_lr")
        self.rate_label = SteadyLabel()
        self.rate_label.setObjectName("status_rate")
        self.accuracy_label = SteadyLabel()
        self.accuracy_label.setObjectName("status_accuracy")
        self.accuracy_label.setVisible(False)
        self._numbers = (self.step_label, self.loss_label, self.accuracy_label, self.lr_label, self.rate_label)
        for widget in self._numbers:
            widget.setContentsMargins(8, 0, 8, 0)
        for widget in (self.step_label, self.progress, self.loss_label, self.accuracy_label, self.lr_label,
                       self.rate_label):
            self.addPermanentWidget(widget)
        self._kind = INFO
        self._message: str | Callable[[], str] = ""
        self._shown = None  # what the labels show, to skip identical updates
        self._accuracy = None
        self.retranslate()

    def retranslate(self) -> None:
        self.loss_label.setToolTip(self.tr("Loss of the last mini-batch, before its update"))
        self.lr_label.setToolTip(self.tr("Learning rate of the next update"))
        self.rate_label.setToolTip(self.tr("Training speed over the last second"))
        self.accuracy_label.setToolTip(self.tr("Share of the points classified right, at the last logged step "
                                               "(of the held-out points too, with a test split)"))
        if callable(self._message):
            self.set_message(self._message, self._kind)
        if self._shown is not None:
            shown, self._shown = self._shown, None
            self.show_progress(*shown)
        self.show_accuracy(self._accuracy)
        for label in self._numbers:  # sized for the other language's words
            release(label)

    def show_accuracy(self, accuracy: tuple[int, float, float | None] | None) -> None:
        """(logged step, training accuracy, test accuracy or None), or None to hide it (a regression)."""
        self._accuracy = accuracy
        self.accuracy_label.setVisible(accuracy is not None)
        if accuracy is None:
            return
        _step, train, test = accuracy
        text = self.tr("Accuracy {train}").format(train=f"{train:.1%}")
        if test is not None:
            text += self.tr(" · test {test}").format(test=f"{test:.1%}")
        self.accuracy_label.setText(text)

    def set_message(self, text: str | Callable[[], str], kind: str = INFO) -> None:
        """`text`, or a function that words it in the current language: such a message is worded again when
        the language is switched (View → Language) while it shows."""
        self._message = text
        text = text() if callable(text) else text
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        if kind != self._kind:
            self._kind = kind
            self.message_label.setStyleSheet(_COLORS[kind])

    def message(self) -> str:
        return self.message_label.text()

    def message_kind(self) -> str:
        return self._kind

    def show_progress(self, step: int, target: int, loss: float | None, lr: float, rate: float | None) -> None:
        shown = (step, target, loss, lr, None if rate is None else round(rate, -1))
        if shown == self._shown:
            return
        self._shown = shown
        self.step_label.setText(self.tr("Step {step} / {target}").format(step=f"{step:,}", target=f"{target:,}"))
        self.progress.setMaximum(max(target, 1))
        self.progress.setValue(min(step, target) if target > 0 else 1)
        self.loss_label.setText(self.tr("Loss {loss}").format(loss="—" if loss is None else format_loss(loss)))
        self.lr_label.setText(self.tr("lr {lr}").format(lr=f"{lr:.4g}"))
        self.rate_label.setText(self.tr("{rate} steps/s").format(rate="—" if rate is None else f"{rate:,.0f}"))
