"""TF1's optimizers, one module each; this registry is the list bpviz offers.

To add an optimizer: write a module with an `Optimizer` subclass (update, slots, the settings it
reads and those it introduces, formula, code) and add it to `_ALL` below.  The CLI's options, the
panel's fields, `RunConfig`, the inspector, the exports and sessions take everything from it.
"""
from __future__ import annotations

from .adagrad import Adagrad
from .adam import Adam
from .base import Example, Formatter, Optimizer, Slot
from .gd import GradientDescent
from .momentum import Momentum
from .rmsprop import RMSProp

_ALL = (GradientDescent, Momentum, Adam, RMSProp, Adagrad)

OPTIMIZERS: dict[str, type[Optimizer]] = {cls.name: cls for cls in _ALL}

__all__ = ["OPTIMIZERS", "Example", "Formatter", "Optimizer", "Slot", "make_optimizer", "optimizer_class",
           "slots_of"]


def optimizer_class(name: str) -> type[Optimizer]:
    return OPTIMIZERS[name]


def slots_of(o) -> tuple[Slot, ...]:
    """The state slots an optimizer configuration has (RMSProp's `mg` only when centered)."""
    return OPTIMIZERS[o.optimizer].slots_for(o)


def make_optimizer(config, params, grads) -> Optimizer:
    """An optimizer for one run (`config` an OptimizerConfig, params (P,)) or for K runs stepped together
    (`config` a list of K OptimizerConfigs with the same optimizer, params and grads (K, P))."""
    first = config[0] if isinstance(config, (list, tuple)) else config
    return OPTIMIZERS[first.optimizer](config, params, grads)
