"""A message bar above the plots for what must not be missed (a diverged run), with an optional fix."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class MessageBanner(QFrame):
    action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("message_banner")
        self.setStyleSheet("#message_banner { background: #fdecea; border: 1px solid #e57373; border-radius: 3px; }"
                           "#message_banner QLabel { color: #8e1b1b; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setObjectName("banner_text")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.button = QPushButton()
        self.button.setObjectName("banner_action")
        self.button.setFocusPolicy(Qt.NoFocus)
        self.button.clicked.connect(self.action_clicked)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAutoRaise(True)
        self.close_button.setFocusPolicy(Qt.NoFocus)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button, 0, Qt.AlignTop)
        self.hide()

    def show_message(self, text: str, action_text: str | None = None) -> None:
        self.label.setText(text)
        self.button.setVisible(bool(action_text))
        self.button.setText(action_text or "")
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
