"""What every optimizer module provides, and the machinery they share.

An optimizer compiles its update into a list of `(ufunc, args)` calls on preallocated
buffers: on a network this small the step is dominated by NumPy's per-call cost, so the
hot path allocates nothing and makes as few calls as the formula allows.

The same call list serves one run or K runs advanced together: give a sequence of K
configurations and parameters stacked as (K, P); every hyperparameter is then a (K, 1)
array (one row per run) instead of a 0-d one, and NumPy broadcasts it over the run's row.

Besides the update, a module describes its optimizer for the rest of bpviz: the settings
it reads (`hyperparameters`), its state slots, the formula the step inspector shows, and the
NumPy and TensorFlow 1 code the exports write.  Texts are English templates; the desktop app
passes its translation function as `tr`.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable, Sequence

import numpy as np

from ..setting import Setting

Op = tuple  # (callable, args)


def _same(text: str) -> str:
    return text


@dataclass(frozen=True)
class Slot:
    """A per-weight state buffer: TF's slot name, its start value and how the inspector names it."""

    name: str
    init: float | str  # a number, or the name of the setting that gives it
    label: str  # short, for a tab or a table caption
    caption: str  # one line saying what it holds (HTML)

    def initial_value(self, config) -> float:
        return float(getattr(config, self.init)) if isinstance(self.init, str) else float(self.init)


@dataclass(frozen=True)
class Formatter:
    """How the inspector writes numbers into a worked example (the GUI's own helpers)."""

    x: Callable[[object], str]  # a value exactly, as the run's dtype prints it
    lead: Callable[[str], str]  # a number at the start of an expression
    signed: Callable[[str], str]  # a number as an operand (negatives in parentheses)
    cell: Callable[..., str]  # a value to a few digits


class Optimizer:
    """Base: holds the buffers, the hyperparameter arrays and the checkpointable state."""

    name = ""
    label = ""  # in a list of optimizers, e.g. "Gradient descent"
    title = ""  # inside a sentence, e.g. "gradient descent"
    tf1_class = ""
    hyperparameters: tuple[str, ...] = ()  # the settings this optimizer reads (besides lr)
    structural: tuple[str, ...] = ()  # the hyperparameters that change the call list (same for all K runs)
    defaults: dict[str, object] = {}  # settings whose default differs for this optimizer (TF's own)
    slots: tuple[Slot, ...] = ()
    settings: tuple[Setting, ...] = ()  # the settings this module introduces (the registry adds them)
    has_scalar_work = False  # whether before_update/after_update do anything

    def __init__(self, config, params: np.ndarray, grads: np.ndarray):
        configs = list(config) if isinstance(config, Sequence) else [config]
        self.stacked = isinstance(config, Sequence)
        self.configs = configs
        self.config = configs[0]
        for name in self.structural:
            if len({getattr(c, name) for c in configs}) != 1:
                raise ValueError(f"{name} must be the same for every stacked run")
        self.dtype = params.dtype
        self.params = params
        self.grads = grads
        self.lr = self.hyper("lr")  # updated in place by schedules and live edits
        self.active_slots = self.slots_for(self.config)
        self.slot_buffers = {s.name: np.empty_like(params) for s in self.active_slots}
        self.reset_slots()
        self._tmp = np.empty_like(params)
        self.ops = self._build()

    # -- hyperparameters and slots ---------------------------------------------------------
    def hyper(self, name: str) -> np.ndarray:
        """A hyperparameter as an array the call list binds: 0-d for one run, (K, 1) for K runs."""
        values = [getattr(c, name) for c in self.configs]
        if not self.stacked:
            return np.array(values[0], self.dtype)
        return np.array(values, self.dtype).reshape(len(values), 1)

    def constant(self, value) -> np.ndarray:
        return np.array(value, self.dtype)

    def reset_slots(self) -> None:
        for slot in self.active_slots:
            values = [slot.initial_value(c) for c in self.configs]
            buf = self.slot_buffers[slot.name]
            buf[...] = np.array(values, self.dtype).reshape(-1, 1) if self.stacked else values[0]

    def _build(self) -> list[Op]:
        raise NotImplementedError

    def before_update(self) -> None:
        """Per-step scalar work that cannot be expressed as buffer ops."""

    def after_update(self) -> None:
        pass

    # -- state for checkpoints and sessions ---------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        return {name: buf.copy() for name, buf in self.slot_buffers.items()}

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        for name, buf in self.slot_buffers.items():
            buf[...] = state[name]

    # -- descriptions (class methods: they need a configuration, not buffers) ----------------
    @classmethod
    def slots_for(cls, o) -> tuple[Slot, ...]:
        """The slots of a run with these settings."""
        return cls.slots

    @classmethod
    def describe(cls, o) -> str:
        """The optimizer and its settings in a few words (scripts' docstrings, figure titles)."""
        return cls.title

    @classmethod
    def rule(cls, hyper: dict, x: Callable[[object], str], tr: Callable[[str], str] = _same) -> str:
        """The update rule as the step inspector states it (HTML), with the run's numbers."""
        raise NotImplementedError

    @classmethod
    def example(cls, e: Example, f: Formatter, tr: Callable[[str], str] = _same) -> list[str]:
        """One weight's update worked out with its own numbers, line by line."""
        raise NotImplementedError

    @classmethod
    def tf1_arguments(cls, o) -> list[tuple[str, object, object]]:
        """The TF1 constructor's keyword arguments after the rate: (keyword, value, TF's default or None)."""
        return []

    @classmethod
    def tf1_call(cls, o, lr: str, short: bool = False) -> str:
        """The TF1 constructor call, e.g. `tf.train.AdagradOptimizer(0.01, initial_accumulator_value=0.1)`;
        `short` leaves out what equals TF's default, as the tutorial writes it.  A switch is written only when on."""
        args = [lr] + [f"{key}={value!r}" for key, value, tf_default in cls.tf1_arguments(o)
                       if not ((short or isinstance(value, bool)) and value == tf_default)]
        return f"{cls.tf1_class}({', '.join(args)})"

    # NumPy script: lines at module level (settings, state) and inside the training loop.
    @classmethod
    def numpy_settings(cls, o) -> list[str]:
        return []

    @classmethod
    def numpy_state(cls, o) -> list[str]:
        return []

    @classmethod
    def numpy_before_gradients(cls, o) -> list[str]:
        return []

    @classmethod
    def numpy_update(cls, o) -> list[str]:
        """The update of every parameter, indented for the body of the step loop."""
        raise NotImplementedError


@dataclass(frozen=True)
class Example:
    """One weight in one recorded update: what a worked example needs."""

    w: str  # the weight's name with its index, e.g. "w1[0,1]"
    old: float
    new: float
    g: float
    lr: float
    lr_t: float
    step: int  # 0-based index of the update
    hyper: dict
    before: dict  # slot name -> value before the update
    after: dict  # slot name -> value after the update
