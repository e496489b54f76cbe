"""The control panel's tooltips: what a setting does and the formula or TF1 code behind it, with the run's values.

Everything comes from the settings registry (label, help, `code_for`) and the descriptor modules (an
optimizer's update rule, an activation's formula, a dataset's label rule); the words are translated, the
formulas and code stay as they are.
"""
from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from bpviz.engine.activations import ACTIVATIONS
from bpviz.engine.datasets import label_rule
from bpviz.engine.optimizers import OPTIMIZERS
from bpviz.engine.settings import SETTINGS, Setting


def _settings(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def _optimizers(text: str) -> str:
    return QCoreApplication.translate("optimizers", text)


def _datasets(text: str) -> str:
    return QCoreApplication.translate("datasets", text)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _owner(setting: Setting, values: Mapping) -> str | None:
    """The optimizer whose rule a setting of the optimizer section is about."""
    if setting.section != "optimizer" or setting.name in ("lr_decay", "decay_steps", "staircase", "ema"):
        return None
    if setting.name in ("optimizer", "lr"):
        return values["optimizer"]
    return next((name for name, cls in OPTIMIZERS.items() if setting.name in cls.hyperparameters), None)


def what_is_behind(name: str, values: Mapping) -> list[str]:
    """Paragraphs (HTML) saying what lies behind setting `name` under these values: the optimizer's update
    rule, the activation's formula or the data's label rule (translated), then the TF1 code."""
    setting = SETTINGS[name]
    parts = []
    owner = _owner(setting, values)
    if owner is not None:
        cls = OPTIMIZERS[owner]
        hyper = {**values, **(cls.defaults if owner != values["optimizer"] else {})}
        parts.append(cls.rule(hyper, _number, _optimizers))
    if name == "activation":
        parts.append(_escape(ACTIVATIONS[values["activation"]].formula))
    if name == "dataset":
        rule = label_rule(values["dataset"] if values.get("points") is None else None)
        parts.append(_escape(QCoreApplication.translate("Tooltips", "Labels: {rule}").format(
            rule=_datasets(rule))))
    code = setting.code_for(values)
    if code:
        parts.append(f"<code>{_escape(code)}</code>")
    return parts


def setting_tooltip(name: str, values: Mapping) -> str:
    """The tooltip of a panel field: its help, what is behind it, and its command-line flag."""
    setting = SETTINGS[name]
    lines = [_escape(_settings(setting.help)), *what_is_behind(name, values),
             _escape(f"bpviz train {setting.flag}")]
    return "".join(f"<p>{line}</p>" for line in lines)


def toggle_tooltip(setting: Setting, values: Mapping) -> str:
    """The tooltip of the check box that switches an optional setting on (the learning rate's decay)."""
    lines = [_escape(_settings(setting.toggle[2])), *what_is_behind(setting.name, values)]
    return "".join(f"<p>{line}</p>" for line in lines)


def choice_tooltip(name: str, key: str, values: Mapping) -> str:
    """The tooltip of one item of a choice: what is behind the setting if that item were chosen."""
    chosen = {**values, name: key}
    if name == "optimizer" and key != values["optimizer"]:
        chosen.update(OPTIMIZERS[key].defaults)  # the panel switches to the new optimizer's own defaults
    if name == "dataset":
        chosen["points"] = None
    return "".join(f"<p>{line}</p>" for line in what_is_behind(name, chosen))
