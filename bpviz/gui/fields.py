"""Input widgets that refuse invalid entries where they are typed, and say why.

A field owns its input widget and an error label shown right under it.  Text fields
accept any keystroke but only report a value (and only emit `committed`) when the text
parses; otherwise they turn red and the label gives the reason.  Spin boxes and combo
boxes cannot hold an invalid value, but can still show an error that the configuration
as a whole produced (`show_error`).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFrame, QGridLayout, QLabel, QLineEdit, QSpinBox,
                               QVBoxLayout, QWidget)

ERROR_COLOR = "#c62828"
_INVALID_STYLE = f"border: 2px solid {ERROR_COLOR}; border-radius: 2px; padding: 1px;"


class FieldError(ValueError):
    """The text of a field is not a valid value; the message says why, for the user."""


# -- parsers: text -> value, raising FieldError with a message for the user ---------------------


def parse_float(low: float | None = None, high: float | None = None, low_open: bool = False,
                high_open: bool = False, example: str = "0.001") -> Callable[[str], float]:
    def parse(text: str) -> float:
        text = text.strip()
        if not text:
            raise FieldError(QCoreApplication.translate("fields", "Enter a number, e.g. {example}")
                             .format(example=example))
        try:
            value = float(text)
        except ValueError:
            raise FieldError(QCoreApplication.translate(
                "fields", "“{text}” is not a number; write e.g. {example} or 1e-5")
                             .format(text=text, example=example)) from None
        if value != value or value in (float("inf"), float("-inf")):
            raise FieldError(QCoreApplication.translate("fields", "Must be a finite number"))
        if low is not None and (value <= low if low_open else value < low):
            raise FieldError((QCoreApplication.translate("fields", "Must be greater than {low}") if low_open else
                              QCoreApplication.translate("fields", "Must be at least {low}")).format(low=_num(low)))
        if high is not None and (value >= high if high_open else value > high):
            raise FieldError((QCoreApplication.translate("fields", "Must be less than {high}") if high_open else
                              QCoreApplication.translate("fields", "Must be at most {high}")).format(high=_num(high)))
        return value
    return parse


def parse_int(low: int, high: int, empty_is_none: bool = False) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        text = text.strip()
        if not text:
            if empty_is_none:
                return None
            raise FieldError(QCoreApplication.translate("fields", "Enter a whole number"))
        try:
            value = int(text)
        except ValueError:
            raise FieldError(QCoreApplication.translate("fields", "“{text}” is not a whole number")
                             .format(text=text)) from None
        if not low <= value <= high:
            raise FieldError(QCoreApplication.translate("fields", "Must be between {low} and {high}")
                             .format(low=low, high=high))
        return value
    return parse


def parse_widths(max_layers: int, max_width: int) -> Callable[[str], list[int]]:
    def parse(text: str) -> list[int]:
        parts = [p.strip() for p in text.replace(";", ",").split(",")]
        if parts == [""]:
            return []
        try:
            widths = [int(p) for p in parts]
        except ValueError:
            raise FieldError(QCoreApplication.translate(
                "fields", "Write layer widths separated by commas, e.g. 3 or 8, 8")) from None
        if len(widths) > max_layers:
            raise FieldError(QCoreApplication.translate("fields", "At most {n} hidden layers").format(n=max_layers))
        if any(not 1 <= w <= max_width for w in widths):
            raise FieldError(QCoreApplication.translate("fields", "Each layer needs 1 to {n} neurons")
                             .format(n=max_width))
        return widths
    return parse


def format_float(value: float) -> str:
    return repr(float(value))


def _num(value: float) -> str:
    return f"{value:g}"


# -- fields ---------------------------------------------------------------------------------------


class Field(QObject):
    """One configuration field: an input widget, a label under it for errors, a value."""

    committed = Signal()  # the user finished an edit (the value may or may not have changed)

    def __init__(self, name: str, widget: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self.widget = widget
        self.error_label = QLabel()
        self.error_label.setObjectName(f"error_{name}")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.error_label.setVisible(False)
        self.container = QWidget()
        layout = QVBoxLayout(self.container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        layout.addWidget(self.error_label)
        self._external_error: str | None = None

    # subclasses: value() -> value (raises FieldError), set_value(value), own_error() -> str | None
    def value(self):
        raise NotImplementedError

    def set_value(self, value) -> None:
        raise NotImplementedError

    def own_error(self) -> str | None:
        return None

    def error(self) -> str | None:
        return self.own_error() or self._external_error

    def show_error(self, message: str | None) -> None:
        """An error found by checking the configuration as a whole (cleared by the next edit)."""
        self._external_error = message
        self._refresh()

    def _edited(self) -> None:
        self._external_error = None
        self._refresh()

    def _refresh(self) -> None:
        message = self.error()
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))
        self.widget.setStyleSheet(_INVALID_STYLE if message else "")
        self.widget.setToolTip(message or self._tooltip)

    _tooltip = ""

    def set_tooltip(self, text: str) -> None:
        self._tooltip = text
        self._refresh()


class _AcceptWhenParses(QValidator):
    """Never blocks typing; Acceptable only when the text parses (so Enter/focus-out commit only then)."""

    def __init__(self, parse, parent=None):
        super().__init__(parent)
        self._parse = parse

    def validate(self, text: str, pos: int):
        try:
            self._parse(text)
        except FieldError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos


class TextField(Field):
    def __init__(self, name: str, parse: Callable[[str], object], fmt: Callable[[object], str] = str,
                 placeholder: str = "", parent: QObject | None = None):
        edit = QLineEdit()
        edit.setObjectName(f"field_{name}")
        super().__init__(name, edit, parent)
        self.edit = edit
        self._parse = parse
        self._fmt = fmt
        edit.setPlaceholderText(placeholder)
        edit.setValidator(_AcceptWhenParses(parse, edit))
        edit.textChanged.connect(self._edited)
        edit.editingFinished.connect(self.committed)  # Qt emits it only for acceptable text

    def value(self):
        return self._parse(self.edit.text())

    def set_value(self, value) -> None:
        self.edit.setText("" if value is None else self._fmt(value))
        self.edit.setCursorPosition(0)
        self._edited()

    def own_error(self) -> str | None:
        try:
            self._parse(self.edit.text())
        except FieldError as exc:
            return str(exc)
        return None


class ChoiceField(Field):
    def __init__(self, name: str, choices: dict[str, str], parent: QObject | None = None):
        combo = QComboBox()
        # the longest choice ("Regression: Gaussian peaks") must not widen the whole panel past its dock: the
        # combo shrinks with the dock and shows the full names in its open list
        combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setObjectName(f"field_{name}")
        super().__init__(name, combo, parent)
        self.combo = combo
        for key, text in choices.items():
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(self._edited)
        combo.currentIndexChanged.connect(self.committed)

    def value(self) -> str:
        return self.combo.currentData()

    def set_value(self, value) -> None:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class BoolField(Field):
    def __init__(self, name: str, text: str, parent: QObject | None = None):
        box = QCheckBox(text)
        box.setObjectName(f"field_{name}")
        super().__init__(name, box, parent)
        self.box = box
        box.toggled.connect(self._edited)
        box.toggled.connect(self.committed)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value) -> None:
        self.box.setChecked(bool(value))


class IntField(Field):
    """A spin box; with `none_text`, its minimum stands for None (the default) and shows that text."""

    def __init__(self, name: str, low: int, high: int, none_text: str | None = None,
                 parent: QObject | None = None):
        spin = QSpinBox()
        spin.setObjectName(f"field_{name}")
        super().__init__(name, spin, parent)
        self.spin = spin
        self._none = none_text is not None
        spin.setRange(low - 1 if self._none else low, high)
        if self._none:
            spin.setSpecialValueText(none_text)
        spin.setKeyboardTracking(False)  # valueChanged on Enter / focus-out / arrows, not per keystroke
        spin.setGroupSeparatorShown(True)
        spin.valueChanged.connect(self._edited)
        spin.valueChanged.connect(self.committed)

    def value(self) -> int | None:
        v = self.spin.value()
        return None if self._none and v == self.spin.minimum() else v

    def set_value(self, value) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else int(value))

    def set_none_text(self, text: str) -> None:
        self.spin.setSpecialValueText(text)


class FloatSpinField(Field):
    def __init__(self, name: str, low: float, high: float, step: float, decimals: int,
                 parent: QObject | None = None):
        spin = QDoubleSpinBox()
        spin.setObjectName(f"field_{name}")
        super().__init__(name, spin, parent)
        self.spin = spin
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setDecimals(decimals)
        spin.setKeyboardTracking(False)
        spin.valueChanged.connect(self._edited)
        spin.valueChanged.connect(self.committed)

    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, value) -> None:
        self.spin.setValue(float(value))

    def set_maximum(self, high: float) -> None:
        self.spin.setMaximum(high)



class FeaturesField(Field):
    """A check box per input the network may take; at least one must stay checked.

    The value keeps the order of the list it was given (the order of the network's input rows), checked
    additions following in the offered order: an unrelated edit must not reorder the inputs and so
    restart the run."""

    COLUMNS = 2

    def __init__(self, name: str, choices: dict[str, str], parent: QObject | None = None):
        box = QFrame()  # a frame paints the red border of an error; a plain widget would not
        box.setObjectName(f"field_{name}")
        super().__init__(name, box, parent)
        grid = QGridLayout(box)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (key, text) in enumerate(choices.items()):
            check = QCheckBox(text)
            check.setObjectName(f"feature_{key}")
            grid.addWidget(check, i // self.COLUMNS, i % self.COLUMNS)
            check.toggled.connect(self._edited)
            check.toggled.connect(self.committed)
            self.boxes[key] = check
        self._order: list[str] = []

    def value(self) -> list[str]:
        checked = [key for key, check in self.boxes.items() if check.isChecked()]
        kept = [key for key in self._order if key in checked]
        return kept + [key for key in checked if key not in kept]

    def set_value(self, value) -> None:
        self._order = list(value)
        for key, check in self.boxes.items():
            check.blockSignals(True)  # one edit, not one per box
            check.setChecked(key in self._order)
            check.blockSignals(False)
        self._edited()

    def own_error(self) -> str | None:
        if not any(check.isChecked() for check in self.boxes.values()):
            return QCoreApplication.translate("fields", "Keep at least one input checked: the network needs one")
        return None

    def _refresh(self) -> None:
        super()._refresh()
        # only the frame turns red, not every check box in it
        self.widget.setStyleSheet(f"QFrame#{self.widget.objectName()} {{ {_INVALID_STYLE} }}" if self.error() else "")

    def set_tooltips(self, tips: dict[str, str]) -> None:
        for key, tip in tips.items():
            self.boxes[key].setToolTip(tip)
