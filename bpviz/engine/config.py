"""The one serialisable description of a training run.

The CLI builds it from options, the desktop panel edits it, sessions save it.  Every
field is validated in one place so that no front end can apply half a configuration.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field, fields
from pathlib import Path

from .optimizers import OPTIMIZERS as _OPTIMIZER_CLASSES
from .file_reading import UnreadableFile, parse_json, read_text_file, short_repr
from .settings import (ACTIVATIONS, LOSSES, MAX_HIDDEN_LAYERS, MAX_LAYER_WIDTH, MAX_STEPS, SECTION_NAMES,  # noqa: F401
                       SETTINGS, ConfigError, default, option_name)
from .settings import validate as _validate
from .datasets import DATASETS  # noqa: F401  (re-exported: the names a run can use)

OPTIMIZERS = tuple(_OPTIMIZER_CLASSES)
MAX_CONFIG_BYTES = 16 << 20  # a few hundred bytes, or ~6 MB with 100,000 imported points (data.points)


def _d(name: str):
    """A dataclass default taken from the settings registry."""
    value = SETTINGS[name].default
    if isinstance(value, list):
        return field(default_factory=lambda: default(name))
    return value


def _d_field(name: str):
    return field(default=SETTINGS[name].default)


@dataclass
class DataConfig:
    points: dict | None = _d('points')  # imported points (engine/points.py): they replace the data set
    dataset: str = _d('dataset')
    samples: int | None = _d('samples')
    data_seed: int | None = _d('data_seed')
    noise: float = _d('noise')
    test_ratio: float = _d('test_ratio')


@dataclass
class ModelConfig:
    features: list[str] = _d('features')
    hidden: list[int] = _d('hidden')
    activation: str = _d('activation')
    bias: bool = _d('bias')
    init_seed: int = _d('init_seed')
    init_stddev: float = _d('init_stddev')
    init_value: float | None = _d('init_value')


@dataclass
class LossConfig:
    loss: str = _d('loss')
    cost: float = _d('cost')
    profit: float = _d('profit')
    l1: float = _d('l1')
    l2: float = _d('l2')


_TYPE_NAMES = {"float": "float", "int": "int", "bool": "bool", "choice": "str", "widths": "list[int]"}

# Generated from the registry, so that an optimizer module that introduces a setting (RMSProp's decay)
# needs nothing here: optimizer, lr, the optimizers' own settings, then decay and moving average.
OptimizerConfig = dataclasses.make_dataclass("OptimizerConfig", [
    (s.name, _TYPE_NAMES[s.kind] + (" | None" if s.optional else ""), _d_field(s.name))
    for s in SETTINGS.values() if s.section == "optimizer"])
OptimizerConfig.__module__ = __name__


@dataclass
class ScheduleConfig:
    steps: int = _d('steps')
    batch_size: int = _d('batch_size')
    log_every: int = _d('log_every')


SECTIONS = {
    "data": DataConfig,
    "model": ModelConfig,
    "loss": LossConfig,
    "optimizer": OptimizerConfig,
    "schedule": ScheduleConfig,
}


@dataclass
class RunConfig:
    data: DataConfig = field(default_factory=DataConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    loss: LossConfig = field(default_factory=LossConfig)
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict:
        # not dataclasses.asdict: its deep copy of 100,000 imported points takes seconds; their lists are
        # shared instead (nothing modifies points in place: an edit makes new ones)
        return {name: {f.name: _copied(getattr(getattr(self, name), f.name)) for f in fields(section_cls)}
                for name, section_cls in SECTIONS.items()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, raw: object) -> RunConfig:
        """Build and validate; unknown keys and wrong types are errors, missing keys take defaults."""
        if not isinstance(raw, dict):
            raise ConfigError("config", "expected a JSON object at the top level")
        unknown = set(raw) - set(SECTIONS)
        if unknown:
            raise ConfigError("config", f"unknown section {short_repr(sorted(unknown)[0])}")
        sections = {}
        for name, section_cls in SECTIONS.items():
            values = raw.get(name, {})
            if not isinstance(values, dict):
                raise ConfigError("config", f"section {name!r} must be an object")
            typed = _typed_fields(section_cls, values)
            if name == "optimizer":  # a missing value takes the optimizer's own default (RMSProp's momentum 0)
                chosen = {"optimizer": typed.get("optimizer", default("optimizer"))}
                for f in fields(section_cls):
                    if f.name not in typed and chosen["optimizer"] in _OPTIMIZER_CLASSES:
                        typed[f.name] = SETTINGS[f.name].default_for(chosen)
            sections[name] = section_cls(**typed)
        config = cls(**sections)
        config.validate()
        return config

    @classmethod
    def from_json(cls, text: str) -> RunConfig:
        try:
            raw = parse_json(text, non_finite_to_floats=True)  # validation refuses them, naming the field
        except ValueError as exc:
            raise ConfigError("config", str(exc)) from None
        return cls.from_dict(raw)

    @classmethod
    def load(cls, path: str | Path) -> RunConfig:
        """The configuration in the JSON file `path`, which is read only if it is a regular file of at most
        MAX_CONFIG_BYTES; every failure is a one-line ConfigError."""
        try:
            text = read_text_file(path, MAX_CONFIG_BYTES)
        except UnreadableFile as exc:
            raise ConfigError("--config", str(exc)) from None
        try:
            return cls.from_json(text)
        except ConfigError as exc:
            raise ConfigError(exc.option if exc.option != "config" else "--config",
                              f"{path}: {exc.message}") from None

    def replace(self, **changes) -> RunConfig:
        """A validated copy with flat field changes, e.g. `replace(lr=0.01, hidden=[8, 8])`."""
        raw = self.to_dict()
        for key, value in changes.items():
            section = section_of(key)
            raw[section][key] = value
        _follow_optimizer_defaults(self.optimizer, raw["optimizer"], changes)
        return RunConfig.from_dict(raw)

    def copy(self) -> RunConfig:
        return RunConfig.from_dict(self.to_dict())

    # -- validation ----------------------------------------------------------------
    def validate(self) -> None:
        """Check every field against the settings registry; raise the first ConfigError."""
        _validate(self.flat())

    def flat(self) -> dict:
        """The configuration as one dict field -> value (field names are unique across sections)."""
        return {f.name: getattr(section, f.name) for section in (self.data, self.model, self.loss, self.optimizer,
                                                                 self.schedule) for f in fields(section)}


def _copied(value):
    if isinstance(value, list):
        return list(value)
    if isinstance(value, dict):
        return dict(value)
    return value


def _follow_optimizer_defaults(old: OptimizerConfig, new: dict, changed) -> None:
    """A new optimizer brings its own defaults (RMSProp: momentum 0, epsilon 1e-10) to the settings
    that were at the old optimizer's default and are not being set now."""
    if new.get("optimizer") == old.optimizer or new.get("optimizer") not in _OPTIMIZER_CLASSES:
        return
    before = {"optimizer": old.optimizer}
    for name in new:
        if name not in changed and new[name] == SETTINGS[name].default_for(before):
            new[name] = SETTINGS[name].default_for(new)


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
    "dict": (dict,),
}


def _typed_fields(section_cls, values: dict) -> dict:
    known = {f.name: f for f in fields(section_cls)}
    out = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError("config", f"unknown setting {short_repr(key)}")
        type_text = str(known[key].type)
        optional = "None" in type_text
        if value is None and optional:
            out[key] = None
            continue
        if type_text.startswith("list[str]"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(option_name(key), f"expected a list of names, got {short_repr(value)}")
            out[key] = list(value)
            continue
        if type_text.startswith("list"):
            if not isinstance(value, list) or not all(_is_int(v) for v in value):
                raise ConfigError(option_name(key), f"expected a list of integers, got {short_repr(value)}")
            out[key] = list(value)
            continue
        base = type_text.split("|")[0].strip()
        ok = _is_int(value) if base == "int" else (
            isinstance(value, _TYPES[base]) and not (base == "float" and isinstance(value, bool)))
        if not ok:
            raise ConfigError(option_name(key), f"expected {base}, got {short_repr(value)}")
        if base == "float":
            try:
                value = float(value)
            except OverflowError:
                raise ConfigError(option_name(key), "expected a finite number, got an integer too large "
                                                    "for a float") from None
        out[key] = value
    return out


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
