"""The one serialisable description of a training run.

The CLI builds it from options, the desktop panel edits it, sessions save it.  Every
field is validated in one place so that no front end can apply half a configuration.
"""
from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field, fields
from pathlib import Path

from .datasets import DATASETS, MAX_SAMPLES, PLAYGROUND_MAX_NOISE, PLAYGROUND_SETS

ACTIVATIONS = ("linear", "relu", "tanh", "sigmoid")
LOSSES = ("mse", "sigmoid-ce")
OPTIMIZERS = ("gd", "momentum", "adam")

MAX_LAYER_WIDTH = 256
MAX_HIDDEN_LAYERS = 8


class ConfigError(ValueError):
    """A configuration value is invalid.  `option` names it as the CLI spells it."""

    def __init__(self, option: str, message: str):
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message


@dataclass
class DataConfig:
    dataset: str = "seed"
    samples: int | None = None  # None: the dataset's own default (32 for the tutorial)
    data_seed: int | None = None  # None: the dataset's own default (23455 for the tutorial)
    noise: float = 0.0


@dataclass
class ModelConfig:
    hidden: list[int] = field(default_factory=lambda: [3])
    activation: str = "linear"
    bias: bool = False
    init_seed: int = 1
    init_stddev: float = 1.0


@dataclass
class LossConfig:
    loss: str = "mse"
    l1: float = 0.0
    l2: float = 0.0


@dataclass
class OptimizerConfig:
    optimizer: str = "gd"
    lr: float = 0.001
    momentum: float = 0.9
    nesterov: bool = False
    beta1: float = 0.9
    beta2: float = 0.999
    epsilon: float = 1e-8
    lr_decay: float | None = None  # decay rate of TF's exponential_decay; None: constant rate
    decay_steps: int = 1
    staircase: bool = False
    ema: float | None = None  # ExponentialMovingAverage decay; None: off


@dataclass
class ScheduleConfig:
    steps: int = 3000
    batch_size: int = 8
    log_every: int = 500


SECTIONS = {
    "data": DataConfig,
    "model": ModelConfig,
    "loss": LossConfig,
    "optimizer": OptimizerConfig,
    "schedule": ScheduleConfig,
}


def option_name(field_name: str) -> str:
    """The CLI spelling of a field: `data_seed` -> `--data-seed`."""
    return "--" + field_name.replace("_", "-")


@dataclass
class RunConfig:
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    loss: LossConfig = field(default_factory=LossConfig)
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, raw: object) -> "RunConfig":
        """Build and validate; unknown keys and wrong types are errors, missing keys take defaults."""
        if not isinstance(raw, dict):
            raise ConfigError("config", "expected a JSON object at the top level")
        unknown = set(raw) - set(SECTIONS)
        if unknown:
            raise ConfigError("config", f"unknown section {sorted(unknown)[0]!r}")
        sections = {}
        for name, section_cls in SECTIONS.items():
            values = raw.get(name, {})
            if not isinstance(values, dict):
                raise ConfigError("config", f"section {name!r} must be an object")
            sections[name] = section_cls(**_typed_fields(section_cls, values))
        config = cls(**sections)
        config.validate()
        return config

    @classmethod
    def from_json(cls, text: str) -> "RunConfig":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError("config", f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        return cls.from_dict(raw)

    @classmethod
    def load(cls, path: str | Path) -> "RunConfig":
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError("--config", f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError("--config", f"cannot read {path}: {exc}") from None
        try:
            return cls.from_json(text)
        except ConfigError as exc:
            raise ConfigError(exc.option if exc.option != "config" else "--config",
                              f"{path}: {exc.message}") from None

    def replace(self, **changes) -> "RunConfig":
        """A validated copy with flat field changes, e.g. `replace(lr=0.01, hidden=[8, 8])`."""
        raw = self.to_dict()
        for key, value in changes.items():
            section = section_of(key)
            raw[section][key] = value
        return RunConfig.from_dict(raw)

    def copy(self) -> "RunConfig":
        return RunConfig.from_dict(self.to_dict())

    # -- validation ----------------------------------------------------------------
    def validate(self) -> None:
        d, m, l, o, s = self.data, self.model, self.loss, self.optimizer, self.schedule
        _choice("dataset", d.dataset, DATASETS)
        if d.samples is not None:
            _int_range("samples", d.samples, 1, MAX_SAMPLES)
        if d.data_seed is not None:
            _int_range("data_seed", d.data_seed, 0, 2**32 - 1)
        # Playground's generators take a noise fraction; the tutorial's sets take a jitter scale
        _float_range("noise", d.noise, 0.0, PLAYGROUND_MAX_NOISE if d.dataset in PLAYGROUND_SETS else 10.0)
        if len(m.hidden) > MAX_HIDDEN_LAYERS:
            raise ConfigError("--hidden", f"at most {MAX_HIDDEN_LAYERS} hidden layers, got {len(m.hidden)}")
        for width in m.hidden:
            _int_range("hidden", width, 1, MAX_LAYER_WIDTH)
        _choice("activation", m.activation, ACTIVATIONS)
        _int_range("init_seed", m.init_seed, 0, 2**63 - 1)
        _float_range("init_stddev", m.init_stddev, 0.0, 100.0, low_open=True)
        _choice("loss", l.loss, LOSSES)
        _float_range("l1", l.l1, 0.0, 1e6)
        _float_range("l2", l.l2, 0.0, 1e6)
        _choice("optimizer", o.optimizer, OPTIMIZERS)
        _float_range("lr", o.lr, 0.0, 1e6, low_open=True)
        _float_range("momentum", o.momentum, 0.0, 1.0, high_open=True)
        _float_range("beta1", o.beta1, 0.0, 1.0, high_open=True)
        _float_range("beta2", o.beta2, 0.0, 1.0, high_open=True)
        _float_range("epsilon", o.epsilon, 0.0, 1.0, low_open=True)
        if o.lr_decay is not None:
            _float_range("lr_decay", o.lr_decay, 0.0, 1.0, low_open=True)
        _int_range("decay_steps", o.decay_steps, 1, 2**31 - 1)
        if o.ema is not None:
            _float_range("ema", o.ema, 0.0, 1.0, high_open=True)
        _int_range("steps", s.steps, 0, 10**9)
        _int_range("batch_size", s.batch_size, 1, MAX_SAMPLES)
        _int_range("log_every", s.log_every, 1, 10**9)


def section_of(field_name: str) -> str:
    for section, section_cls in SECTIONS.items():
        if field_name in {f.name for f in fields(section_cls)}:
            return section
    raise KeyError(field_name)


_TYPES = {
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "str": (str,),
}


def _typed_fields(section_cls, values: dict) -> dict:
    known = {f.name: f for f in fields(section_cls)}
    out = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError("config", f"unknown setting {key!r}")
        type_text = str(known[key].type)
        optional = "None" in type_text
        if value is None and optional:
            out[key] = None
            continue
        if type_text.startswith("list"):
            if not isinstance(value, list) or not all(_is_int(v) for v in value):
                raise ConfigError(option_name(key), f"expected a list of integers, got {value!r}")
            out[key] = list(value)
            continue
        base = type_text.split("|")[0].strip()
        ok = _is_int(value) if base == "int" else (
            isinstance(value, _TYPES[base]) and not (base == "float" and isinstance(value, bool)))
        if not ok:
            raise ConfigError(option_name(key), f"expected {base}, got {value!r}")
        out[key] = float(value) if base == "float" else value
    return out


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _choice(name, value, choices):
    if value not in choices:
        raise ConfigError(option_name(name), f"unknown value {value!r} (choose from {', '.join(choices)})")


def _int_range(name, value, low, high):
    if not _is_int(value):
        raise ConfigError(option_name(name), f"expected an integer, got {value!r}")
    if not low <= value <= high:
        raise ConfigError(option_name(name), f"must be between {low} and {high}, got {value}")


def _float_range(name, value, low, high, low_open=False, high_open=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ConfigError(option_name(name), f"expected a finite number, got {value!r}")
    too_low = value <= low if low_open else value < low
    too_high = value >= high if high_open else value > high
    if too_low or too_high:
        lo = "(" if low_open else "["
        hi = ")" if high_open else "]"
        raise ConfigError(option_name(name), f"must be in {lo}{low:g}, {high:g}{hi}, got {value:g}")
