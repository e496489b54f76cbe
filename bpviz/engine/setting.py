"""What the settings registry says about one setting, and the error a bad value raises.

Kept apart from the registry (settings.py) so that the optimizer modules, which the registry
reads, can describe the settings they introduce.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Callable, Mapping


class ConfigError(ValueError):
    """A configuration value is invalid.

    `option` names it as the CLI spells it (`--lr`), `field` as RunConfig does (`lr`, None for the
    file as a whole), `message` says what is wrong without naming it."""

    def __init__(self, option: str, message: str, field: str | None = None):
        super().__init__(f"{option}: {message}")
        self.option = option
        self.message = message
        # a flag names its field (RunConfig.load re-raises with the flag only)
        self.field = field if field is not None else (option[2:].replace("-", "_") if option.startswith("--")
                                                      else None)


def _always(values: Mapping) -> bool:
    return True


@dataclass(frozen=True)
class Setting:
    name: str  # the RunConfig field
    section: str  # data, model, loss, optimizer or schedule
    # "choice", "int", "float", "bool", "widths", "features" (a subset of `choices`, in the network's input order)
    # or "points" (imported data, stored whole)
    kind: str
    default: object
    label: str  # as the panel shows it
    help: str  # one line, for the CLI's --help and the panel's tooltip
    low: float | None = None
    high: float | Callable[[Mapping], float] | None = None  # a function of the other values when it depends
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] | None = None
    choice_labels: Mapping[str, str] = field(default_factory=dict)
    panel_choices: tuple[str, ...] | None = None  # the choices the panel offers, when not all of them
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
    cli_flag: str | None = None  # when the CLI spells it otherwise (`--data FILE` fills `points`)
    # the formula or TF1 code behind the setting, as the tutorial writes it (never translated): a template
    # of the flat values ("seed={init_seed}"), or a function of them when it depends on a descriptor module
    code: str | Callable[[Mapping], str] = ""

    @property
    def flag(self) -> str:
        return self.cli_flag or option_name(self.name)

    def high_for(self, values: Mapping) -> float | None:
        return self.high(values) if callable(self.high) else self.high

    def default_for(self, values: Mapping) -> object:
        """The default under these values: an optimizer may give its own (TF's) default."""
        if self.section == "optimizer" and self.name != "optimizer":
            from .optimizers import OPTIMIZERS  # the optimizer modules import this one

            own = OPTIMIZERS[values.get("optimizer", "gd")].defaults
            if self.name in own:
                return own[self.name]
        return self.default

    def code_for(self, values: Mapping) -> str:
        """The formula or TF1 code behind this setting under these values ("" when there is none)."""
        if callable(self.code):
            return self.code(values)
        return self.code.format(**values) if self.code else ""

    def range_text(self, values: Mapping | None = None) -> str:
        high = self.high_for(values or {})
        return f"{'(' if self.low_open else '['}{self.low:g}, {high:g}{')' if self.high_open else ']'}"


def option_name(field_name: str) -> str:
    """The CLI spelling of a field: `data_seed` -> `--data-seed`."""
    return "--" + field_name.replace("_", "-")


