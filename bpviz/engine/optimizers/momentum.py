"""TF1's `tf.train.MomentumOptimizer` (ApplyMomentum): acc <- acc·m + g; w <- w - lr·acc.

With Nesterov: w <- w - (lr·g + lr·m·acc), in the kernel's order grad*lr + (accum*momentum)*lr.
"""
from __future__ import annotations

import numpy as np

from ..setting import Setting
from .base import Optimizer, Slot


class Momentum(Optimizer):
    name = "momentum"
    label = "Momentum"
    title = "momentum"
    tf1_class = "tf.train.MomentumOptimizer"
    hyperparameters = ("momentum", "nesterov")
    structural = ("nesterov",)
    settings = (Setting("momentum", "optimizer", "float", 0.9, "Momentum", "Momentum coefficient",
                        low=0.0, high=1.0, high_open=True, metavar="F", example="0.9"),
                Setting("nesterov", "optimizer", "bool", False, "Nesterov", "Nesterov's accelerated gradient"))
    slots = (Slot("accumulator", 0.0, "accumulator",
                  "<b>Momentum's accumulator</b> acc′ = m·acc + g; then w ← w − lr·acc′."),)

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        acc = self.slot_buffers["accumulator"]
        m = self.hyper("momentum")
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

    @classmethod
    def describe(cls, o):
        return f"momentum {o.momentum:g}" + (" (Nesterov)" if o.nesterov else "")

    @classmethod
    def rule(cls, hyper, x, tr=lambda s: s):
        if hyper.get("nesterov"):
            return tr("Momentum (Nesterov): <b>acc′ = m·acc + g</b>, then <b>w ← w − (lr·g + lr·m·acc′)</b> "
                      "with lr = {lr}, m = {m}.").format(lr=x(hyper["lr"]), m=x(hyper["momentum"]))
        return tr("Momentum: <b>acc′ = m·acc + g</b>, then <b>w ← w − lr·acc′</b> with lr = {lr}, "
                  "m = {m}: the accumulator remembers earlier gradients, so steps grow along a "
                  "steady direction.").format(lr=x(hyper["lr"]), m=x(hyper["momentum"]))

    @classmethod
    def example(cls, e, f, tr=lambda s: s):
        x, w, pad = f.x, e.w, " " * len(e.w)
        m, lr = x(e.hyper["momentum"]), x(e.lr)
        acc0, acc1 = e.before["accumulator"], e.after["accumulator"]
        lines = [f"acc′ = m × acc + g = {m} × {f.signed(x(acc0))} + {f.signed(x(e.g))}",
                 f"     = {f.lead(x(acc1))}"]
        if e.hyper.get("nesterov"):
            return lines + [
                f"{w}′ = {w} − (lr × g + lr × m × acc′)",
                f"{pad}  = {f.lead(x(e.old))} − ({lr} × {f.signed(x(e.g))} + {lr} × {m} × {f.signed(x(acc1))})",
                f"{pad}  = {f.lead(x(e.new))}"]
        return lines + [f"{w}′ = {w} − lr × acc′",
                        f"{pad}  = {f.lead(x(e.old))} − {lr} × {f.signed(x(acc1))}",
                        f"{pad}  = {f.lead(x(e.new))}"]

    @classmethod
    def tf1_arguments(cls, o):
        return [("momentum", o.momentum, None), ("use_nesterov", o.nesterov, False)]

    @classmethod
    def numpy_settings(cls, o):
        return [f"MOMENTUM = f32({o.momentum!r})"]

    @classmethod
    def numpy_state(cls, o):
        return ["accumulators = {name: np.zeros_like(w) for name, w in params.items()}  # start at 0"]

    @classmethod
    def numpy_update(cls, o):
        lines = [f"    # tf.train.MomentumOptimizer(lr, MOMENTUM{', use_nesterov=True' if o.nesterov else ''}):",
                 "    for name, w in params.items():",
                 "        acc = accumulators[name]",
                 "        acc *= MOMENTUM  # acc <- MOMENTUM * acc + g",
                 "        acc += grads[name]"]
        if o.nesterov:
            return lines + ["        # Nesterov: w <- w - (lr*g + lr*m*acc)",
                            "        w -= grads[name] * lr + acc * MOMENTUM * lr"]
        return lines + ["        w -= acc * lr  # w <- w - lr * acc"]
