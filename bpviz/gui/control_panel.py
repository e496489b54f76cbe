"""The panel that edits the run configuration (`RunConfig`), all or nothing.

Its fields are made from the settings registry (bpviz/engine/settings.py): one per setting, with the
registry's label, range, tooltip (help and CLI flag) and the condition under which it is shown.

Every finished edit rebuilds the whole configuration from the widgets.  If any field is
invalid, nothing is applied: the field is red with the reason under it, and a line at
the top of the panel says that changes wait.  A complete, valid configuration that
differs from the current one is emitted as `config_changed`; the window applies it and
then calls `accept_config` (or `show_field_error` if it could not be applied).
"""
from __future__ import annotations

import random

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.features import SYMBOLS as FEATURE_SYMBOLS
from bpviz.engine.settings import (MAX_HIDDEN_LAYERS, SECTION_NAMES, SETTINGS, Setting, dataset_default_text,
                                   in_section)

from .fields import (ERROR_COLOR, BoolField, ChoiceField, FeaturesField, Field, FloatSpinField, IntField,
                     TextField, format_float, parse_float, parse_int, parse_widths)
from .language import Retranslating
from .tooltips import choice_tooltip, setting_tooltip, toggle_tooltip
from .training_controller import flat_fields

_MAX_SPIN = 2**31 - 1  # a QSpinBox holds a C int


def _tr(text: str) -> str:
    """A text of the settings registry, translated (context "settings")."""
    return QCoreApplication.translate("settings", text)


def _make_field(setting: Setting) -> Field:
    """The input widget for a setting of the registry, validating its range where it is typed."""
    name, kind = setting.name, setting.kind
    if kind == "choice":
        keys = setting.panel_choices or setting.choices
        return ChoiceField(name, {key: _tr(setting.choice_labels.get(key, key)) for key in keys})
    if kind == "bool":
        return BoolField(name, _tr(setting.label))
    if kind == "features":
        return FeaturesField(name, {key: FEATURE_SYMBOLS.get(key, key) for key in setting.choices})
    if kind == "widths":
        return TextField(name, parse_widths(MAX_HIDDEN_LAYERS, setting.high), lambda v: ", ".join(map(str, v)),
                         _tr("none"))
    if kind == "int":
        if setting.high_for({}) <= _MAX_SPIN and setting.panel != "text":
            return IntField(name, setting.low, setting.high_for({}),
                            none_text=_tr("default") if setting.optional else None)
        return TextField(name, parse_int(setting.low, setting.high_for({}), empty_is_none=setting.optional), str)
    high = setting.high_for({})
    if setting.panel == "spin":
        return FloatSpinField(name, setting.low, high, setting.spin_step, setting.spin_decimals)
    return TextField(name, parse_float(setting.low, high, low_open=setting.low_open, high_open=setting.high_open,
                                       example=setting.example), format_float)


class ControlPanel(Retranslating, QWidget):
    config_changed = Signal(object)  # RunConfig: complete, valid, different from config()

    def __init__(self, config: RunConfig, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("control_panel")
        self._config = config
        self._fields: dict[str, Field] = {}
        self._labels: dict[str, str] = {}
        self._forms: dict[str, QFormLayout] = {}
        self._loading = False
        self._build()
        self.set_config(config)

    # -- public --------------------------------------------------------------------------
    def config(self) -> RunConfig:
        """The configuration last applied (what training uses)."""
        return self._config

    def set_config(self, config: RunConfig) -> None:
        """Show `config` in the widgets (emits nothing) and make it the applied one."""
        self._loading = True
        try:
            self._config = config
            values = flat_fields(config)
            self._fields["dataset"].set_value(values["dataset"])
            self._dataset_shown(values["dataset"])
            self._optimizer_shown = values["optimizer"]
            toggles = {s.toggle[0]: s for s in SETTINGS.values() if s.toggle}
            for name, field in self._fields.items():
                if name in toggles:
                    field.set_value(values[toggles[name].name] is not None)
                elif SETTINGS[name].toggle and values[name] is None:
                    field.set_value(SETTINGS[name].toggle[3])
                else:
                    field.set_value(values[name])
                field.show_error(None)
        finally:
            self._loading = False
        self._update_visibility()
        self._update_tooltips()
        self._update_pending()

    def accept_config(self, config: RunConfig) -> None:
        self._config = config
        self._update_tooltips()
        self._update_pending()

    def field(self, name: str) -> Field:
        return self._fields[name]

    def field_label(self, name: str) -> str:
        return self._labels.get(name, name)

    def errors(self) -> dict[str, str]:
        return {name: f.error() for name, f in self._fields.items() if f.error() and self._is_shown(name)}

    def show_field_error(self, name: str, message: str) -> None:
        field = self._fields.get(name)
        if field is None:
            self.pending_label.setText(message)
            self.pending_label.setVisible(True)
            return
        field.show_error(message)
        self._update_pending()

    def show_config_error(self, exc: Exception) -> None:
        """Show an error from RunConfig or the dataset builder at the field it names."""
        if isinstance(exc, ConfigError):
            if exc.field in self._fields:
                self.show_field_error(exc.field, exc.message)
            else:
                self.show_field_error("", self.error_text(exc))
            return
        text = str(exc)  # make_dataset's ValueError: "noise must be ..."
        self.show_field_error(text.split(" ", 1)[0], text)

    def error_text(self, exc: ConfigError) -> str:
        """The error in one line that names the setting as this panel labels it ("Learning rate: …")."""
        if exc.field in SETTINGS:
            return f"{self.field_label(exc.field) if exc.field in self._fields else _tr(SETTINGS[exc.field].label)}: " \
                   f"{exc.message}"
        if exc.option in ("--config", "config"):
            return self.tr("Configuration file: {message}").format(message=exc.message)
        return exc.message

    def restore_tutorial_defaults(self) -> None:
        self.set_config_fields(RunConfig())

    def set_config_fields(self, config: RunConfig) -> None:
        """Put `config` into the widgets and apply it as if the user had typed it."""
        current = self._config
        self.set_config(config)
        self._config = current
        self._apply()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        self.pending_label = QLabel()
        self.pending_label.setObjectName("pending_label")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.pending_label.setVisible(False)
        layout.addWidget(self.pending_label)

        self.defaults_button = QPushButton()
        self.defaults_button.setObjectName("defaults_button")
        self.defaults_button.clicked.connect(self.restore_tutorial_defaults)
        layout.addWidget(self.defaults_button)

        for section in SECTION_NAMES:
            form = self._section(layout, section)
            for setting in in_section(section):
                if setting.panel is None:
                    continue
                if setting.toggle:
                    self._add(form, BoolField(setting.toggle[0], ""), labelled=False)
                self._add(form, _make_field(setting), labelled=setting.kind != "bool")
            if section == "data":
                self.regenerate_button = QPushButton()
                self.regenerate_button.setObjectName("regenerate_button")
                self.regenerate_button.clicked.connect(self._regenerate)
                form.addRow(self.regenerate_button)
        layout.addStretch(1)

        # before _apply: a new dataset changes the noise range, a new optimizer brings its defaults
        self._fields["dataset"].committed.connect(self._dataset_changed)
        self._fields["optimizer"].committed.connect(self._optimizer_changed)
        for field in self._fields.values():
            if isinstance(field, (ChoiceField, BoolField)):
                field.committed.connect(self._update_visibility)
        for field in self._fields.values():
            field.committed.connect(self._apply)
            if isinstance(field, TextField):
                field.edit.textChanged.connect(self._update_pending)
        self.setMinimumWidth(260)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the panel in the current language: its own, and the registry's (context "settings")."""
        self.defaults_button.setText(self.tr("Tutorial defaults"))
        self.defaults_button.setToolTip(self.tr(
            "The tutorial's exact configuration: 32 points labelled x0 + x1 < 1, a 2-3-1 linear network "
            "without bias, gradient descent with learning rate 0.001, batches of 8, 3000 steps"))
        self.regenerate_button.setText(self.tr("New data (random seed)"))
        self.regenerate_button.setToolTip(self.tr("Draw a new data seed and regenerate the points; "
                                                  "the network starts again from step 0"))
        titles = {"data": self.tr("Data"), "model": self.tr("Network"), "loss": self.tr("Loss"),
                  "optimizer": self.tr("Optimizer"), "schedule": self.tr("Schedule")}
        for key, form in self._forms.items():
            form.parentWidget().setTitle(titles[key])
        toggles = {s.toggle[0]: s for s in SETTINGS.values() if s.toggle}
        for name, field in self._fields.items():
            if name in toggles:
                label = _tr(toggles[name].toggle[1])
            else:
                setting = SETTINGS[name]
                label = _tr(setting.label)
                if isinstance(field, ChoiceField):
                    for i in range(field.combo.count()):
                        key = field.combo.itemData(i)
                        field.combo.setItemText(i, _tr(setting.choice_labels.get(key, key)))
                elif isinstance(field, IntField) and setting.optional:
                    field.set_none_text(_tr("default"))
                elif isinstance(field, TextField) and setting.kind == "widths":
                    field.edit.setPlaceholderText(_tr("none"))
                elif isinstance(field, FeaturesField):
                    field.set_tooltips({key: self.tr("Feed the network {feature} (--features {key})").format(
                        feature=FEATURE_SYMBOLS.get(key, key), key=key) for key in field.boxes})
            self._labels[name] = label
            if isinstance(field, BoolField):
                field.box.setText(label)
            else:
                row_label = field.form.labelForField(field.container)
                if row_label is not None:
                    row_label.setText(label)
        self._dataset_shown(self._fields["dataset"].value())
        self._update_tooltips()
        self._update_pending()

    def _update_tooltips(self) -> None:
        """Every field's tooltip, with the formulas and TF1 calls of the applied configuration's values."""
        values = flat_fields(self._config)
        toggles = {s.toggle[0]: s for s in SETTINGS.values() if s.toggle}
        for name, field in self._fields.items():
            if name in toggles:
                field.set_tooltip(toggle_tooltip(toggles[name], values))
                continue
            field.set_tooltip(setting_tooltip(name, values))
            if isinstance(field, ChoiceField):
                for i in range(field.combo.count()):
                    field.combo.setItemData(i, choice_tooltip(name, field.combo.itemData(i), values),
                                            Qt.ToolTipRole)

    def _section(self, layout: QVBoxLayout, key: str) -> QFormLayout:
        box = QGroupBox()
        box.setObjectName(f"section_{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow dock puts a wide field under its label
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        form.setContentsMargins(6, 6, 6, 6)
        form.setVerticalSpacing(4)
        layout.addWidget(box)
        self._forms[key] = form
        return form

    def _add(self, form: QFormLayout, field: Field, labelled: bool) -> None:
        """A row for the field; its texts are set by retranslate()."""
        field.setParent(self)
        self._fields[field.name] = field
        if labelled:
            form.addRow(QLabel(), field.container)
        else:
            form.addRow(field.container)
        field.form = form

    # -- behaviour ------------------------------------------------------------------------------
    def _is_shown(self, name: str) -> bool:
        field = self._fields[name]
        return field.form.isRowVisible(field.container)

    def _update_visibility(self) -> None:
        values = self._shown_values()
        for setting in SETTINGS.values():
            if setting.name not in self._fields:
                continue
            visible = setting.applies(values)
            if setting.toggle:
                visible = bool(self._fields[setting.toggle[0]].value())
            field = self._fields[setting.name]
            field.form.setRowVisible(field.container, visible)
        self._update_pending()

    def _shown_values(self) -> dict:
        """What `applies` needs from the widgets: the choices, switches and toggled values."""
        values = flat_fields(self._config)
        for name, field in self._fields.items():
            if isinstance(field, (ChoiceField, BoolField)):
                values[name] = field.value()
        for setting in SETTINGS.values():
            if setting.toggle:
                on = values.pop(setting.toggle[0], False)
                values[setting.name] = setting.toggle[3] if on else None
        return values

    def _dataset_shown(self, dataset: str) -> None:
        """Adapt the data fields to the dataset: its default size and seed, its noise range."""
        self._fields["samples"].set_none_text(
            self.tr("default ({n})").format(n=dataset_default_text("samples", dataset)))
        self._fields["data_seed"].edit.setPlaceholderText(
            self.tr("default ({seed})").format(seed=dataset_default_text("data_seed", dataset)))
        self._fields["noise"].set_maximum(SETTINGS["noise"].high_for({"dataset": dataset}))

    def _dataset_changed(self) -> None:
        if not self._loading:
            self._dataset_shown(self._fields["dataset"].value())

    def _optimizer_changed(self) -> None:
        """A setting still at the previous optimizer's default takes the new one's (RMSProp: momentum 0)."""
        new = self._fields["optimizer"].value()
        old, self._optimizer_shown = self._optimizer_shown, new
        if self._loading or old == new:
            return
        for setting in in_section("optimizer"):
            field = self._fields.get(setting.name)
            if field is None or field.own_error():
                continue
            before, after = setting.default_for({"optimizer": old}), setting.default_for({"optimizer": new})
            if before != after and field.value() == before:
                field.set_value(after)

    def _regenerate(self) -> None:
        self._fields["data_seed"].set_value(random.SystemRandom().randrange(SETTINGS["data_seed"].high + 1))
        self._apply()

    def _values(self) -> tuple[dict, dict[str, str]]:
        """Every field's value; errors only of the fields shown (a hidden invalid field keeps the old value)."""
        values, errors = {}, {}
        for name, field in self._fields.items():
            message = field.own_error()
            if message:
                if self._is_shown(name):
                    errors[name] = message
                continue
            values[name] = field.value()
        for setting in SETTINGS.values():
            if setting.toggle and not values.pop(setting.toggle[0], False):
                values[setting.name] = None
        return values, errors

    def _update_pending(self) -> None:
        if self._loading:
            return
        errors = self.errors()
        if errors:
            labels = ", ".join(self.field_label(n) for n in errors)
            self.pending_label.setText(self.tr("Not applied — fix: {fields}").format(fields=labels))
        self.pending_label.setVisible(bool(errors))

    def _apply(self) -> None:
        if self._loading:
            return
        values, errors = self._values()
        self._update_pending()
        if errors:
            return
        try:
            config = self._config.replace(**values)
        except ConfigError as exc:
            self.show_config_error(exc)
            return
        if config != self._config:
            self.config_changed.emit(config)

