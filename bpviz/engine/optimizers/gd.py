"""Plain gradient descent, TF1's `tf.train.GradientDescentOptimizer` (ApplyGradientDescent: var -= grad * lr)."""
from __future__ import annotations

import numpy as np

from .base import Optimizer


class GradientDescent(Optimizer):
    name = "gd"
    label = "Gradient descent"
    title = "gradient descent"
    tf1_class = "tf.train.GradientDescentOptimizer"

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        return [(np.multiply, (g, self.lr, t)), (np.subtract, (p, t, p))]

    @classmethod
    def rule(cls, hyper, x, tr=lambda s: s):
        return tr("Gradient descent: <b>w ← w − lr · ∂L/∂w</b> with lr = {lr}: every weight takes a "
                  "small step against its gradient.").format(lr=x(hyper["lr"]))

    @classmethod
    def example(cls, e, f, tr=lambda s: s):
        pad = " " * len(e.w)
        return [f"{e.w}′ = {e.w} − lr × ∂L/∂{e.w}",
                f"{pad}  = {f.lead(f.x(e.old))} − {f.x(e.lr)} × {f.signed(f.x(e.g))}",
                f"{pad}  = {f.lead(f.x(e.new))}"]

    @classmethod
    def numpy_update(cls, o):
        return ["    # tf.train.GradientDescentOptimizer: w <- w - lr * g",
                "    for name, w in params.items():",
                "        w -= grads[name] * lr"]
