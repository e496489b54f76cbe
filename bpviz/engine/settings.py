"""Every setting of a run, described once.

For each `RunConfig` field: its type, range, default, the label the desktop panel shows, the
CLI flag and help, whether a running trainer can take a new value, and when the setting
applies.  The CLI's options, the panel's widgets and `RunConfig.validate` are generated from
this list, so a range or a default is written here and nowhere else.

Labels and help texts are English; the desktop app translates them in the "settings" context.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .datasets import (DATASETS, DEFAULT_DATA_SEED, DEFAULT_SAMPLES, MAX_DATA_SEED, MAX_JITTER, MAX_SAMPLES,
                       PLAYGROUND_MAX_NOISE, PLAYGROUND_SETS)
from .activations import ACTIVATIONS as ACTIVATION_KINDS
from .optimizers import OPTIMIZERS

MAX_LAYER_WIDTH = 256
MAX_HIDDEN_LAYERS = 8
ACTIVATIONS = tuple(ACTIVATION_KINDS)
LOSSES = ("mse", "sigmoid-ce")


class ConfigError(ValueError):
    """A configuration value is invalid.

    `option` names it as the CLI spells it (`--lr`), `field` as RunConfig does (`lr`, None for the
    file as a whole), `message` says what is wrong without naming it."""

    def __init__(self, option: str, message: str, field: str | None = None):
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message
        self.field = field if field is not None else (option[2:].replace("-", "_") if option.startswith("--")
                                                      and option[2:].replace("-", "_") in SETTINGS else None)


def _always(values: Mapping) -> bool:
    return True


@dataclass(frozen=True)
class Setting:
    name: str  # the RunConfig field
    section: str  # data, model, loss, optimizer or schedule
    kind: str  # "choice", "int", "float", "bool" or "widths"
    default: object
    label: str  # as the panel shows it
    help: str  # one line, for the CLI's --help and the panel's tooltip
    low: float | None = None
    high: float | Callable[[Mapping], float] | None = None  # a function of the other values when it depends
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] | None = None
    choice_labels: Mapping[str, str] = field(default_factory=dict)
    optional: bool = False  # None is allowed (the dataset's default, or "off")
    live: bool = False  # a running trainer takes a new value without starting over
    applies: Callable[[Mapping], bool] = _always  # whether the setting matters for these values
    metavar: str | None = None
    example: str = "0.001"  # a valid value, for error messages
    panel: str | None = "auto"  # how the panel edits it: "auto", "text", "spin" or None (not in the panel)
    spin_step: float = 1.0  # for a spin box of floats
    spin_decimals: int = 2
    # an optional value switched on by a check box: (its name, label, help, the value it starts at)
    toggle: tuple[str, str, str, float] | None = None

    @property
    def flag(self) -> str:
        return option_name(self.name)

    def high_for(self, values: Mapping) -> float | None:
        return self.high(values) if callable(self.high) else self.high

    def default_for(self, values: Mapping) -> object:
        """The default under these values: an optimizer may give its own (TF's) default."""
        if self.section == "optimizer" and self.name != "optimizer":
            own = OPTIMIZERS[values.get("optimizer", "gd")].defaults
            if self.name in own:
                return own[self.name]
        return self.default

    def range_text(self, values: Mapping | None = None) -> str:
        high = self.high_for(values or {})
        return f"{'(' if self.low_open else '['}{self.low:g}, {high:g}{')' if self.high_open else ']'}"


def option_name(field_name: str) -> str:
    """The CLI spelling of a field: `data_seed` -> `--data-seed`."""
    return "--" + field_name.replace("_", "-")


def _optimizer_uses(name: str) -> Callable[[Mapping], bool]:
    return lambda values: name in OPTIMIZERS[values["optimizer"]].hyperparameters


def _noise_high(values: Mapping) -> float:
    # Playground's generators take a noise fraction; the tutorial's sets take a jitter scale
    return PLAYGROUND_MAX_NOISE if values.get("dataset") in PLAYGROUND_SETS else MAX_JITTER


def _decaying(values: Mapping) -> bool:
    return values.get("lr_decay") is not None


_SETTINGS = [
    # -- data
    Setting("dataset", "data", "choice", "seed", "Dataset",
            "The training points; seed is the tutorial's 32 random points labelled x0 + x1 < 1",
            choices=DATASETS, choice_labels={"seed": "Tutorial: x0 + x1 < 1", "circle": "Circle", "xor": "XOR",
                                             "gauss": "Two Gaussians", "spiral": "Spiral"}),
    Setting("samples", "data", "int", None, "Samples", "Number of training points (the dataset's default)",
            low=1, high=MAX_SAMPLES, optional=True, metavar="N"),
    Setting("noise", "data", "float", 0.0, "Noise", "Random jitter added to the points",
            low=0.0, high=_noise_high, metavar="F", panel="spin", spin_step=0.05, example="0.1"),
    Setting("data_seed", "data", "int", None, "Data seed",
            "Seed of the data generator; empty: the dataset's default", low=0, high=MAX_DATA_SEED, optional=True,
            metavar="S"),
    # -- model
    Setting("hidden", "model", "widths", [3], "Hidden layers",
            "Neurons per hidden layer, separated by commas: 3 is the tutorial's 2-3-1 network, 8,8 has two "
            "layers of 8; none: no hidden layer", low=1, high=MAX_LAYER_WIDTH, metavar="W[,W...]"),
    Setting("activation", "model", "choice", "linear", "Activation",
            "Function applied after each hidden layer; the tutorial has none (linear)", choices=ACTIVATIONS,
            choice_labels={name: cls.label for name, cls in ACTIVATION_KINDS.items()}),
    Setting("bias", "model", "bool", False, "Biases", "Add a bias vector to every layer (starting at zero)"),
    Setting("init_seed", "model", "int", 1, "Init seed", "Op seed of tf.random_normal for the initial weights",
            low=0, high=2**63 - 1, metavar="S"),
    Setting("init_stddev", "model", "float", 1.0, "Init stddev", "Standard deviation of the initial weights",
            low=0.0, high=100.0, low_open=True, metavar="F", example="1.0"),
    # -- loss
    Setting("loss", "loss", "choice", "mse", "Loss", "The loss function; mean squared error is the tutorial's",
            choices=LOSSES, choice_labels={"mse": "Mean squared error", "sigmoid-ce": "Sigmoid cross-entropy"}),
    Setting("l1", "loss", "float", 0.0, "L1 scale", "L1 regularisation: scale × sum |w| is added to the loss",
            low=0.0, high=1e6, metavar="F", example="0.01"),
    Setting("l2", "loss", "float", 0.0, "L2 scale", "L2 regularisation (TF's l2_loss: scale × sum w² / 2)",
            low=0.0, high=1e6, metavar="F", example="0.01"),
    # -- optimizer
    Setting("optimizer", "optimizer", "choice", "gd", "Optimizer",
            "The update rule; the tutorial uses plain gradient descent", choices=tuple(OPTIMIZERS),
            choice_labels={name: cls.label for name, cls in OPTIMIZERS.items()}),
    Setting("lr", "optimizer", "float", 0.001, "Learning rate",
            "Step size, e.g. 0.001 or 1e-5; a new value applies from the next step, without a reset",
            low=0.0, high=1e6, low_open=True, live=True, metavar="F"),
    Setting("momentum", "optimizer", "float", 0.9, "Momentum",
            "Momentum coefficient", low=0.0, high=1.0, high_open=True,
            applies=_optimizer_uses("momentum"), metavar="F", example="0.9"),
    Setting("nesterov", "optimizer", "bool", False, "Nesterov", "Nesterov's accelerated gradient",
            applies=_optimizer_uses("nesterov")),
    Setting("beta1", "optimizer", "float", 0.9, "β1", "Adam's decay of the mean gradient",
            low=0.0, high=1.0, high_open=True, applies=_optimizer_uses("beta1"), metavar="F", example="0.9"),
    Setting("beta2", "optimizer", "float", 0.999, "β2", "Adam's decay of the mean squared gradient",
            low=0.0, high=1.0, high_open=True, applies=_optimizer_uses("beta2"), metavar="F", example="0.999"),
    Setting("epsilon", "optimizer", "float", 1e-8, "ε",
            "Adam's epsilon; RMSProp's (added inside the square root)",
            low=0.0, high=1.0, low_open=True, applies=_optimizer_uses("epsilon"), metavar="F", example="1e-8"),
    Setting("rms_decay", "optimizer", "float", 0.9, "Decay ρ",
            "RMSProp's decay of the mean squared gradient", low=0.0, high=1.0,
            applies=_optimizer_uses("rms_decay"), metavar="F", example="0.9"),
    Setting("centered", "optimizer", "bool", False, "Centered",
            "RMSProp divides by the gradient's variance instead of its mean square",
            applies=_optimizer_uses("centered")),
    Setting("initial_accumulator", "optimizer", "float", 0.1, "Initial accumulator",
            "Adagrad's starting sum of squared gradients", low=0.0, high=1e6, low_open=True,
            applies=_optimizer_uses("initial_accumulator"), metavar="F", example="0.1"),
    Setting("lr_decay", "optimizer", "float", None, "Decay rate",
            "Exponential decay of the learning rate: factor per decay period, in (0, 1]",
            low=0.0, high=1.0, low_open=True, optional=True, metavar="RATE", example="0.96",
            toggle=("decay_on", "Decay the learning rate", "TF's exponential_decay: lr × rate^(step / decay steps)",
                    0.96)),
    Setting("decay_steps", "optimizer", "int", 1, "Decay steps", "Length of a decay period in steps",
            low=1, high=2**31 - 1, applies=_decaying, metavar="N"),
    Setting("staircase", "optimizer", "bool", False, "Staircase", "Decay in whole periods instead of smoothly",
            applies=_decaying),
    Setting("ema", "optimizer", "float", None, "Moving average", "Exponential moving average of the weights",
            low=0.0, high=1.0, high_open=True, optional=True, metavar="DECAY", example="0.99", panel=None),
    # -- schedule
    Setting("steps", "schedule", "int", 3000, "Target steps",
            "Training steps; where “Run to target” stops (0 only initialises)", low=0, high=10**9, live=True,
            metavar="N"),
    Setting("batch_size", "schedule", "int", 8, "Batch size",
            "Points per update; the tutorial takes 8 at a time, in order", low=1, high=MAX_SAMPLES, metavar="B"),
    Setting("log_every", "schedule", "int", 500, "Log every",
            "The loss on all data is computed (and printed, and marked on the plot) every this many steps",
            low=1, high=10**9, metavar="K"),
]

SETTINGS: dict[str, Setting] = {s.name: s for s in _SETTINGS}
SECTION_NAMES = ("data", "model", "loss", "optimizer", "schedule")
LIVE_SETTINGS = frozenset(s.name for s in _SETTINGS if s.live)


def in_section(section: str) -> list[Setting]:
    return [s for s in _SETTINGS if s.section == section]


def default(name: str):
    """The registry default of a field, as a fresh value (lists are copied)."""
    value = SETTINGS[name].default
    return list(value) if isinstance(value, list) else value


def dataset_default_text(name: str, dataset: str) -> str | None:
    """What a None sample count or data seed stands for with this dataset."""
    if name == "samples":
        return str(DEFAULT_SAMPLES[dataset])
    if name == "data_seed":
        return str(DEFAULT_DATA_SEED[dataset])
    return None


def translatable_texts() -> dict[str, list[str]]:
    """Every text the desktop app shows from the registry and the descriptor modules, by translation
    context ("settings", "optimizers"), for making a translation file (they are not in any tr() call)."""
    from .activations import ACTIVATIONS as kinds

    settings_texts, optimizer_texts = [], []
    for s in _SETTINGS:
        settings_texts += [s.label, s.help, *s.choice_labels.values()]
        if s.toggle:
            settings_texts += [s.toggle[1], s.toggle[2]]
    settings_texts += [cls.title for cls in kinds.values()] + ["default", "none"]
    def collect(text: str) -> str:
        optimizer_texts.append(text)
        return text

    for cls in OPTIMIZERS.values():
        optimizer_texts += [cls.title] + [text for slot in cls.slots for text in (slot.label, slot.caption)]
        if hasattr(cls, "centered_slot"):
            optimizer_texts += [cls.centered_slot.label, cls.centered_slot.caption]
        for switch in (False, True):  # each wording of the rule (Nesterov, centered)
            hyper = {s.name: (switch if s.kind == "bool" else s.default) for s in _SETTINGS if s.section == "optimizer"}
            cls.rule(hyper, str, collect)
    return {"settings": sorted(set(settings_texts)), "optimizers": sorted(set(optimizer_texts))}


# -- validation ---------------------------------------------------------------------------

def validate(values: Mapping) -> None:
    """Check every field of a flat configuration (field -> value); raise the first ConfigError."""
    for setting in _SETTINGS:
        check(setting, values[setting.name], values)


def check(setting: Setting, value, values: Mapping) -> None:
    def fail(message):
        raise ConfigError(setting.flag, message, setting.name)

    if value is None and setting.optional:
        return
    kind = setting.kind
    if kind == "choice":
        if value not in setting.choices:
            fail(f"unknown value {value!r} (choose from {', '.join(setting.choices)})")
    elif kind == "bool":
        if not isinstance(value, bool):
            fail(f"expected true or false, got {value!r}")
    elif kind == "int":
        _check_int(fail, value, setting.low, setting.high_for(values))
    elif kind == "widths":
        if not isinstance(value, list):
            fail(f"expected a list of layer widths, got {value!r}")
        if len(value) > MAX_HIDDEN_LAYERS:
            fail(f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {len(value)}")
        for width in value:
            _check_int(fail, width, setting.low, setting.high_for(values))
    else:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            fail(f"expected a finite number, got {value!r}")
        low, high = setting.low, setting.high_for(values)
        too_low = value <= low if setting.low_open else value < low
        too_high = value >= high if setting.high_open else value > high
        if too_low or too_high:
            fail(f"must be in {setting.range_text(values)}, got {value:g}")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_int(fail, value, low, high) -> None:
    if not _is_int(value):
        fail(f"expected an integer, got {value!r}")
    if not low <= value <= high:
        fail(f"must be between {low} and {high}, got {value}")
