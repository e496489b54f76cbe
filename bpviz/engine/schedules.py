"""TF1's exponential learning-rate decay and moving average of the weights, in the run's dtype."""
from __future__ import annotations

import numpy as np

from .config import OptimizerConfig


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
