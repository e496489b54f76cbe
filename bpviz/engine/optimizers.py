"""TF1's optimizers, exponential decay and moving average, in the dtype of the run.

Each optimizer compiles its update into a list of `(ufunc, args)` calls on preallocated
buffers: on a network this small the step is dominated by NumPy's per-call cost, so the
hot path allocates nothing and makes as few calls as the formula allows.
Formulas: ../shared/docs/tf1-training-formulas.md.
"""
from __future__ import annotations

import numpy as np

from .config import OptimizerConfig

Op = tuple  # (callable, args)


class Optimizer:
    """Plain gradient descent: w <- w - lr*g."""

    name = "gd"
    slot_names: tuple[str, ...] = ()
    has_scalar_work = False  # whether before_update/after_update do anything

    def __init__(self, config: OptimizerConfig, params: np.ndarray, grads: np.ndarray):
        self.dtype = params.dtype
        self.config = config
        self.params = params
        self.grads = grads
        self.lr = np.array(config.lr, self.dtype)  # 0-d: updated in place by schedules
        self.slots = {name: np.zeros_like(params) for name in self.slot_names}
        self._tmp = np.empty_like(params)
        self.ops = self._build()

    def _scalar(self, value) -> np.ndarray:
        return np.array(value, self.dtype)

    def _build(self) -> list[Op]:
        p, g, t = self.params, self.grads, self._tmp
        return [(np.multiply, (g, self.lr, t)), (np.subtract, (p, t, p))]

    def before_update(self) -> None:
        """Per-step scalar work that cannot be expressed as buffer ops."""

    def after_update(self) -> None:
        pass

    # -- state for checkpoints and sessions ---------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        return {name: buf.copy() for name, buf in self.slots.items()}

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        for name, buf in self.slots.items():
            buf[...] = state[name]


class Momentum(Optimizer):
    """acc <- m*acc + g; w <- w - lr*acc (Nesterov: w <- w - (lr*g + lr*m*acc))."""

    name = "momentum"
    slot_names = ("accumulator",)

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        acc = self.slots["accumulator"]
        m = self._scalar(self.config.momentum)
        ops = [(np.multiply, (acc, m, acc)), (np.add, (acc, g, acc))]
        if not self.config.nesterov:
            return ops + [(np.multiply, (acc, self.lr, t)), (np.subtract, (p, t, p))]
        t2 = np.empty_like(p)
        return ops + [
            (np.multiply, (g, self.lr, t)),
            (np.multiply, (acc, m, t2)),
            (np.multiply, (t2, self.lr, t2)),
            (np.add, (t, t2, t)),
            (np.subtract, (p, t, p)),
        ]


class Adam(Optimizer):
    """TF1 Adam with "epsilon hat": w <- w - lr_t*m/(sqrt(v) + eps)."""

    name = "adam"
    slot_names = ("m", "v")
    has_scalar_work = True

    def __init__(self, config, params, grads):
        dt = params.dtype
        self.beta1 = np.array(config.beta1, dt)
        self.beta2 = np.array(config.beta2, dt)
        # TF keeps beta^t as variables starting at beta, multiplied after each update
        self.beta1_power = np.array(config.beta1, dt)
        self.beta2_power = np.array(config.beta2, dt)
        self.lr_t = np.array(0, dt)
        super().__init__(config, params, grads)

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        m, v = self.slots["m"], self.slots["v"]
        t2 = np.empty_like(p)
        one_minus_b1 = self._scalar(1) - self.beta1
        one_minus_b2 = self._scalar(1) - self.beta2
        eps = self._scalar(self.config.epsilon)
        return [
            (np.subtract, (g, m, t)),
            (np.multiply, (t, one_minus_b1, t)),
            (np.add, (m, t, m)),
            (np.multiply, (g, g, t)),
            (np.subtract, (t, v, t)),
            (np.multiply, (t, one_minus_b2, t)),
            (np.add, (v, t, v)),
            (np.sqrt, (v, t)),
            (np.add, (t, eps, t)),
            (np.multiply, (m, self.lr_t, t2)),
            (np.divide, (t2, t, t2)),
            (np.subtract, (p, t2, p)),
        ]

    def before_update(self):
        one = self.dtype.type(1)
        self.lr_t[()] = self.lr * np.sqrt(one - self.beta2_power) / (one - self.beta1_power)

    def after_update(self):
        self.beta1_power *= self.beta1
        self.beta2_power *= self.beta2

    def state(self):
        out = super().state()
        out["beta1_power"] = self.beta1_power.copy()
        out["beta2_power"] = self.beta2_power.copy()
        return out

    def load_state(self, state):
        super().load_state(state)
        self.beta1_power[()] = state["beta1_power"]
        self.beta2_power[()] = state["beta2_power"]


OPTIMIZERS = {cls.name: cls for cls in (Optimizer, Momentum, Adam)}


def make_optimizer(config: OptimizerConfig, params, grads) -> Optimizer:
    return OPTIMIZERS[config.optimizer](config, params, grads)


def decayed_lr(lr0: float, global_step: int, config: OptimizerConfig, dtype=np.float32):
    """tf.train.exponential_decay(lr0, global_step, decay_steps, decay_rate, staircase)."""
    t = np.dtype(dtype).type
    if config.lr_decay is None:
        return t(lr0)
    p = t(global_step) / t(config.decay_steps)
    if config.staircase:
        p = np.floor(p)
    return t(lr0) * np.power(t(config.lr_decay), p)


class MovingAverage:
    """tf.train.ExponentialMovingAverage(decay, num_updates=global_step), applied after each update."""

    def __init__(self, decay: float, params: np.ndarray):
        t = params.dtype.type
        self.params = params
        self.decay = t(decay)
        self.shadow = params.copy()
        self._one_minus_d = np.array(0, params.dtype)
        self._tmp = np.empty_like(params)
        s, w, tmp = self.shadow, params, self._tmp
        self.ops = [
            (np.subtract, (s, w, tmp)),
            (np.multiply, (tmp, self._one_minus_d, tmp)),
            (np.subtract, (s, tmp, s)),
        ]

    def prepare(self, num_updates: int) -> None:
        t = self.decay.dtype.type
        n = t(num_updates)
        d = min(self.decay, (t(1) + n) / (t(10) + n))
        self._one_minus_d[()] = t(1) - d
