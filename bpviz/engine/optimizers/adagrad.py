"""TF1's `tf.train.AdagradOptimizer(lr, initial_accumulator_value=0.1)`.

From TF's source (docs/tf1-rmsprop-adagrad.md): the `accumulator` slot starts at the initial
accumulator value; ApplyAdagrad does acc += g², then w −= g·lr·rsqrt(acc).  No epsilon.
"""
from __future__ import annotations

import numpy as np

from ..setting import Setting
from .base import Optimizer, Slot


class Adagrad(Optimizer):
    name = "adagrad"
    label = "Adagrad"
    title = "Adagrad"
    tf1_class = "tf.train.AdagradOptimizer"
    hyperparameters = ("initial_accumulator",)
    settings = (Setting("initial_accumulator", "optimizer", "float", 0.1, "Initial accumulator",
                        "Adagrad's starting sum of squared gradients", low=0.0, high=1e6, low_open=True,
                        metavar="F", example="0.1"),)
    slots = (Slot("accumulator", "initial_accumulator", "Adagrad accumulator",
                  "<b>Adagrad's accumulator</b>: the sum of all squared gradients, acc′ = acc + g²; "
                  "w ← w − lr·g/√acc′."),)

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        acc = self.slot_buffers["accumulator"]
        t2 = np.empty_like(p)
        one = self.constant(1)
        return [
            (np.multiply, (g, g, t)),
            (np.add, (acc, t, acc)),
            (np.multiply, (g, self.lr, t)),
            (np.sqrt, (acc, t2)),
            (np.divide, (one, t2, t2)),
            (np.multiply, (t, t2, t)),
            (np.subtract, (p, t, p)),
        ]

    @classmethod
    def describe(cls, o):
        return f"Adagrad (initial accumulator {o.initial_accumulator:g})"

    @classmethod
    def rule(cls, hyper, x, tr=lambda s: s):
        return tr("Adagrad: <b>acc′ = acc + g²</b>, then <b>w ← w − lr·g/√acc′</b> with lr = {lr}: a weight "
                  "that has had large gradients takes ever smaller steps.").format(lr=x(hyper["lr"]))

    @classmethod
    def example(cls, e, f, tr=lambda s: s):
        x, w, pad = f.x, e.w, " " * len(e.w)
        acc0, acc1 = e.before["accumulator"], e.after["accumulator"]
        return [f"acc′ = acc + g² = {f.lead(x(acc0))} + {f.signed(x(e.g))}²",
                f"     = {f.lead(x(acc1))}",
                f"{w}′ = {w} − lr × g / √acc′",
                f"{pad}  = {f.lead(x(e.old))} − {x(e.lr)} × {f.signed(x(e.g))} / √{x(acc1)}",
                f"{pad}  = {f.lead(x(e.new))}"]

    @classmethod
    def tf1_arguments(cls, o):
        return [("initial_accumulator_value", o.initial_accumulator, 0.1)]

    @classmethod
    def numpy_settings(cls, o):
        return [f"INITIAL_ACCUMULATOR = {o.initial_accumulator!r}"]

    @classmethod
    def numpy_state(cls, o):
        return ["# the sums of squared gradients start at INITIAL_ACCUMULATOR (TF's accumulator slot)",
                "accumulators = {name: np.full_like(w, INITIAL_ACCUMULATOR) for name, w in params.items()}"]

    @classmethod
    def numpy_update(cls, o):
        return ["    # tf.train.AdagradOptimizer: acc <- acc + g**2; w <- w - g * lr * rsqrt(acc)",
                "    for name, w in params.items():",
                "        g, acc = grads[name], accumulators[name]",
                "        acc += g * g",
                "        w -= g * lr * (f32(1) / np.sqrt(acc))"]
