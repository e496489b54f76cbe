"""How fast training runs: from one step a second (watch each batch) up to as fast as possible."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from .language import Retranslating

# steps per second at each slider position; None: unthrottled
SPEEDS: tuple[float | None, ...] = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 50_000, None)
DEFAULT_SPEED: float | None = None


class SpeedControl(Retranslating, QWidget):
    speed_changed = Signal(object)  # steps per second, or None for "max"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.title = QLabel()
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("speed_slider")
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TicksBelow)
        self.slider.setFixedWidth(150)
        # the arrow keys belong to the Step shortcut: the slider is driven by the mouse only
        self.slider.setFocusPolicy(Qt.NoFocus)
        self.value_label = QLabel()
        self.value_label.setObjectName("speed_label")
        self.value_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("50,000 steps/s") + 4)
        layout.addWidget(self.title)
        layout.addWidget(self.slider)
        layout.addWidget(self.value_label)
        self.slider.valueChanged.connect(self._moved)
        self.set_speed(DEFAULT_SPEED)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Speed"))
        self.setToolTip(self.tr("Steps per second; “max” trains as fast as the computer can"))
        self._show_speed()

    def speed(self) -> float | None:
        return SPEEDS[self.slider.value()]

    def set_speed(self, speed: float | None) -> None:
        if speed not in SPEEDS:
            speed = min((s for s in SPEEDS if s is not None), key=lambda s: abs(s - speed)) if speed else None
        index = SPEEDS.index(speed)
        if index == self.slider.value():
            self._moved(index)
        self.slider.setValue(index)

    def _moved(self, index: int) -> None:
        self._show_speed()
        self.speed_changed.emit(SPEEDS[index])

    def _show_speed(self) -> None:
        speed = self.speed()
        self.value_label.setText(self.tr("max") if speed is None
                                 else self.tr("{n} steps/s").format(n=f"{speed:,}"))
