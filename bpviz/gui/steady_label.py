"""Labels (and spin boxes) for numbers that change many times a second (step, loss, rate) without laying the
window out again.

Every QLabel.setText ends in QWidget::updateGeometry, and each layout that handles the request asks its own
parent again (QLayout::activate ends in updateGeometry, "ideally only if sizeHint() changed"): a status-bar
number so re-laid out the whole main window, docks included, 25 times a second while training ran (an
event filter counted 134 layout requests of the main window in 5 s; py-spy put layout at ~10 % of the GUI
thread's CPU).  A spin box does the same at every setRange.  Qt skips the request for a widget of fixed
size, so these widgets hold a fixed size that grows when a longer text needs it and never shrinks (until
`release`): the numbers do not make the status bar jitter either.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_UNBOUNDED = 16777215  # Qt's QWIDGETSIZE_MAX


def hold_size(widget: QWidget) -> None:
    """Fix `widget` at its size hint, or at the size it already holds where that is larger."""
    hint = widget.sizeHint()
    width, height = max(hint.width(), widget.minimumWidth()), max(hint.height(), widget.minimumHeight())
    if (width, height) != (widget.maximumWidth(), widget.maximumHeight()):
        widget.setFixedSize(width, height)


def release(widget: QWidget) -> None:
    """Fit the widget afresh (another language: the numbers' words changed length)."""
    widget.setMinimumSize(0, 0)
    widget.setMaximumSize(_UNBOUNDED, _UNBOUNDED)
    hold_size(widget)


class SteadyLabel(QLabel):
    """Plain text on one line, in a fixed size that only grows (see the module docstring)."""

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        hold_size(self)


class SteadyText(QWidget):
    """Plain text wrapped to the width it gets, for a caption that changes with every frame: repainted at each
    change, laid out again only when it needs another height at its width."""

    _FLAGS = Qt.AlignLeft | Qt.AlignVCenter | Qt.TextWordWrap

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        if self.heightForWidth(self.width()) != self.height():
            self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        bound = QRect(0, 0, max(width, 1), _UNBOUNDED)
        return max(self.fontMetrics().boundingRect(bound, self._FLAGS, self._text).height(),
                   self.fontMetrics().height())

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._text), self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 8, self.fontMetrics().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.WindowText))
        painter.drawText(self.rect(), self._FLAGS, self._text)
