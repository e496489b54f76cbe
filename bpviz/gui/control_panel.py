"""The panel that edits the run configuration (`RunConfig`), all or nothing.

Every finished edit rebuilds the whole configuration from the widgets.  If any field is
invalid, nothing is applied: the field is red with the reason under it, and a line at
the top of the panel says that changes wait.  A complete, valid configuration that
differs from the current one is emitted as `config_changed`; the window applies it and
then calls `accept_config` (or `show_field_error` if it could not be applied).
"""
from __future__ import annotations

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from bpviz.engine import config as cfg
from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.datasets import DEFAULT_DATA_SEED, DEFAULT_SAMPLES, PLAYGROUND_MAX_NOISE

from .fields import (ERROR_COLOR, BoolField, ChoiceField, Field, FloatSpinField, IntField, TextField,
                     format_float, parse_float, parse_int, parse_widths)
from .training_controller import flat_fields

PLAYGROUND_DATASETS = ("xor", "gauss", "spiral")


class ControlPanel(QWidget):
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
            for name, field in self._fields.items():
                if name == "decay_on":
                    field.set_value(values["lr_decay"] is not None)
                elif name == "lr_decay":
                    field.set_value(values["lr_decay"] if values["lr_decay"] is not None else 0.96)
                else:
                    field.set_value(values[name])
                field.show_error(None)
        finally:
            self._loading = False
        self._update_visibility()
        self._update_pending()

    def accept_config(self, config: RunConfig) -> None:
        self._config = config
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
            name, message = exc.option.lstrip("-").replace("-", "_"), exc.message
        else:  # make_dataset's ValueError: "noise must be ..."
            text = str(exc)
            name, message = text.split(" ", 1)[0], text
        self.show_field_error(name, message)

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

        self.defaults_button = QPushButton(self.tr("Tutorial defaults"))
        self.defaults_button.setObjectName("defaults_button")
        self.defaults_button.setToolTip(self.tr(
            "The tutorial's exact configuration: 32 points labelled x0 + x1 < 1, a 2-3-1 linear network "
            "without bias, gradient descent with learning rate 0.001, batches of 8, 3000 steps"))
        self.defaults_button.clicked.connect(self.restore_tutorial_defaults)
        layout.addWidget(self.defaults_button)

        # Data
        form = self._section(layout, "data", self.tr("Data"))
        self._add(form, ChoiceField("dataset", self._dataset_names()), self.tr("Dataset"),
                  self.tr("The training points; the tutorial uses 32 random points labelled x0 + x1 < 1"))
        self._add(form, IntField("samples", 1, cfg.MAX_SAMPLES, none_text=self.tr("default")),
                  self.tr("Samples"), self.tr("Number of training points (--samples)"))
        self._add(form, FloatSpinField("noise", 0.0, 10.0, 0.05, 2), self.tr("Noise"),
                  self.tr("Random jitter added to the points (--noise)"))
        self._add(form, TextField("data_seed", parse_int(0, 2**32 - 1, empty_is_none=True), str),
                  self.tr("Data seed"), self.tr("Seed of the data generator; empty: the dataset's default "
                                                "(--data-seed)"))
        self.regenerate_button = QPushButton(self.tr("New data (random seed)"))
        self.regenerate_button.setObjectName("regenerate_button")
        self.regenerate_button.setToolTip(self.tr("Draw a new data seed and regenerate the points; "
                                                  "the network starts again from step 0"))
        self.regenerate_button.clicked.connect(self._regenerate)
        form.addRow(self.regenerate_button)
        self._fields["dataset"].committed.connect(self._dataset_changed)

        # Network
        form = self._section(layout, "model", self.tr("Network"))
        self._add(form, TextField("hidden", parse_widths(cfg.MAX_HIDDEN_LAYERS, cfg.MAX_LAYER_WIDTH),
                                  lambda v: ", ".join(str(w) for w in v), self.tr("none")),
                  self.tr("Hidden layers"),
                  self.tr("Neurons per hidden layer, separated by commas: 3 is the tutorial's 2-3-1 "
                          "network, 8, 8 has two layers of 8; empty: no hidden layer (--hidden)"))
        self._add(form, ChoiceField("activation", self._activation_names()), self.tr("Activation"),
                  self.tr("Function applied after each hidden layer; the tutorial has none (linear)"))
        self._add(form, BoolField("bias", self.tr("Biases")), "",
                  self.tr("Add a bias vector to every layer (starting at zero)"))
        self._add(form, TextField("init_seed", parse_int(0, 2**63 - 1), str), self.tr("Init seed"),
                  self.tr("Seed of tf.random_normal for the initial weights (--init-seed)"))
        self._add(form, TextField("init_stddev", parse_float(0.0, 100.0, low_open=True, example="1.0"),
                                  format_float), self.tr("Init stddev"),
                  self.tr("Standard deviation of the initial weights (--init-stddev)"))

        # Loss
        form = self._section(layout, "loss", self.tr("Loss"))
        self._add(form, ChoiceField("loss", self._loss_names()), self.tr("Loss"),
                  self.tr("Mean squared error is the tutorial's loss"))
        self._add(form, TextField("l1", parse_float(0.0, 1e6, example="0.01"), format_float),
                  self.tr("L1 scale"), self.tr("L1 regularisation: scale × sum |w| is added to the loss"))
        self._add(form, TextField("l2", parse_float(0.0, 1e6, example="0.01"), format_float),
                  self.tr("L2 scale"), self.tr("L2 regularisation (TF's l2_loss: scale × sum w² / 2)"))

        # Optimizer
        form = self._section(layout, "optimizer", self.tr("Optimizer"))
        self._add(form, ChoiceField("optimizer", self._optimizer_names()), self.tr("Optimizer"),
                  self.tr("The update rule; the tutorial uses plain gradient descent"))
        self._add(form, TextField("lr", parse_float(0.0, 1e6, low_open=True), format_float),
                  self.tr("Learning rate"),
                  self.tr("Step size, e.g. 0.001 or 1e-5. A new value applies from the next step, "
                          "without a reset"))
        self._add(form, TextField("momentum", parse_float(0.0, 1.0, high_open=True, example="0.9"),
                                  format_float), self.tr("Momentum"), self.tr("Momentum coefficient"))
        self._add(form, BoolField("nesterov", self.tr("Nesterov")), "",
                  self.tr("Nesterov's accelerated gradient"))
        self._add(form, TextField("beta1", parse_float(0.0, 1.0, high_open=True, example="0.9"),
                                  format_float), self.tr("β1"), self.tr("Adam's decay of the mean gradient"))
        self._add(form, TextField("beta2", parse_float(0.0, 1.0, high_open=True, example="0.999"),
                                  format_float), self.tr("β2"),
                  self.tr("Adam's decay of the mean squared gradient"))
        self._add(form, TextField("epsilon", parse_float(0.0, 1.0, low_open=True, example="1e-8"),
                                  format_float), self.tr("ε"), self.tr("Adam's epsilon"))
        self._add(form, BoolField("decay_on", self.tr("Decay the learning rate")), "",
                  self.tr("TF's exponential_decay: lr × rate^(step / decay steps)"))
        self._add(form, TextField("lr_decay", parse_float(0.0, 1.0, low_open=True, example="0.96"),
                                  format_float), self.tr("Decay rate"),
                  self.tr("Factor per decay period, in (0, 1] (--lr-decay)"))
        self._add(form, IntField("decay_steps", 1, 2**31 - 1), self.tr("Decay steps"),
                  self.tr("Length of a decay period in steps"))
        self._add(form, BoolField("staircase", self.tr("Staircase")), "",
                  self.tr("Decay in whole periods instead of smoothly"))

        # Schedule
        form = self._section(layout, "schedule", self.tr("Schedule"))
        self._add(form, IntField("batch_size", 1, cfg.MAX_SAMPLES), self.tr("Batch size"),
                  self.tr("Points per update; the tutorial takes 8 at a time, in order"))
        self._add(form, IntField("steps", 0, 10**9), self.tr("Target steps"),
                  self.tr("Where “Run to target” stops; the tutorial trains 3000 steps"))
        self._add(form, IntField("log_every", 1, 10**9), self.tr("Log every"),
                  self.tr("The loss on all data is computed (and marked on the plot) every this many "
                          "steps, as the tutorial prints it"))
        layout.addStretch(1)

        for name in ("optimizer", "decay_on"):
            self._fields[name].committed.connect(self._update_visibility)
        for field in self._fields.values():
            field.committed.connect(self._apply)
            if isinstance(field, TextField):
                field.edit.textChanged.connect(self._update_pending)
        self.setMinimumWidth(260)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)

    def _section(self, layout: QVBoxLayout, key: str, title: str) -> QFormLayout:
        box = QGroupBox(title)
        box.setObjectName(f"section_{key}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignTop)
        form.setContentsMargins(6, 6, 6, 6)
        form.setVerticalSpacing(4)
        layout.addWidget(box)
        self._forms[key] = form
        return form

    def _add(self, form: QFormLayout, field: Field, label: str, tooltip: str) -> None:
        field.setParent(self)
        self._fields[field.name] = field
        self._labels[field.name] = label or (field.widget.text() if hasattr(field.widget, "text") else field.name)
        field.set_tooltip(tooltip)
        if label:
            form.addRow(label, field.container)
        else:
            form.addRow(field.container)
        field.form = form

    def _dataset_names(self) -> dict[str, str]:
        return {
            "seed": self.tr("Tutorial: x0 + x1 < 1"),
            "circle": self.tr("Circle"),
            "xor": self.tr("XOR"),
            "gauss": self.tr("Two Gaussians"),
            "spiral": self.tr("Spiral"),
        }

    def _activation_names(self) -> dict[str, str]:
        return {"linear": self.tr("Linear (none)"), "relu": self.tr("ReLU"), "tanh": self.tr("Tanh"),
                "sigmoid": self.tr("Sigmoid")}

    def _loss_names(self) -> dict[str, str]:
        return {"mse": self.tr("Mean squared error"), "sigmoid-ce": self.tr("Sigmoid cross-entropy")}

    def _optimizer_names(self) -> dict[str, str]:
        return {"gd": self.tr("Gradient descent"), "momentum": self.tr("Momentum"), "adam": self.tr("Adam")}

    # -- behaviour ------------------------------------------------------------------------------
    def _is_shown(self, name: str) -> bool:
        field = self._fields[name]
        return field.form.isRowVisible(field.container)

    def _update_visibility(self) -> None:
        optimizer = self._fields["optimizer"].value()
        decay = self._fields["decay_on"].value()
        shown = {
            "momentum": optimizer == "momentum",
            "nesterov": optimizer == "momentum",
            "beta1": optimizer == "adam",
            "beta2": optimizer == "adam",
            "epsilon": optimizer == "adam",
            "lr_decay": decay,
            "decay_steps": decay,
            "staircase": decay,
        }
        for name, visible in shown.items():
            field = self._fields[name]
            field.form.setRowVisible(field.container, visible)
        self._update_pending()

    def _dataset_shown(self, dataset: str) -> None:
        """Adapt the data fields to the dataset: its default size and seed, its noise range."""
        self._fields["samples"].set_none_text(
            self.tr("default ({n})").format(n=DEFAULT_SAMPLES[dataset]))
        self._fields["data_seed"].edit.setPlaceholderText(
            self.tr("default ({seed})").format(seed=DEFAULT_DATA_SEED[dataset]))
        self._fields["noise"].set_maximum(PLAYGROUND_MAX_NOISE if dataset in PLAYGROUND_DATASETS else 10.0)

    def _dataset_changed(self) -> None:
        if not self._loading:
            self._dataset_shown(self._fields["dataset"].value())

    def _regenerate(self) -> None:
        self._fields["data_seed"].set_value(random.SystemRandom().randrange(2**32))
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
        if not values.pop("decay_on", False):
            values["lr_decay"] = None
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

