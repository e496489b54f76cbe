"""TF1's `tf.train.AdamOptimizer` (ApplyAdam) with its "epsilon hat": w <- w - lr_t·m/(sqrt(v) + ε).

TF keeps β1^t and β2^t as variables that start at β and are multiplied after each update;
lr_t = lr·sqrt(1 - β2^t)/(1 - β1^t) is computed once per step, before the update.
"""
from __future__ import annotations

import numpy as np

from ..setting import Setting
from .base import Optimizer, Slot


class Adam(Optimizer):
    name = "adam"
    label = "Adam"
    title = "Adam"
    tf1_class = "tf.train.AdamOptimizer"
    hyperparameters = ("beta1", "beta2", "epsilon")
    settings = (Setting("beta1", "optimizer", "float", 0.9, "β1", "Adam's decay of the mean gradient",
                        low=0.0, high=1.0, high_open=True, metavar="F", example="0.9"),
                Setting("beta2", "optimizer", "float", 0.999, "β2", "Adam's decay of the mean squared gradient",
                        low=0.0, high=1.0, high_open=True, metavar="F", example="0.999"),
                Setting("epsilon", "optimizer", "float", 1e-8, "ε",
                        "Adam's epsilon; RMSProp's (added inside the square root)",
                        low=0.0, high=1.0, low_open=True, metavar="F", example="1e-8"))
    slots = (Slot("m", 0.0, "Adam m", "<b>Adam's m</b>: mean of the gradients, m′ = m + (g − m)(1 − β1)."),
             Slot("v", 0.0, "Adam v", "<b>Adam's v</b>: mean of the squared gradients, v′ = v + (g² − v)(1 − β2)."))
    has_scalar_work = True

    def _build(self):
        self.beta1 = self.hyper("beta1")
        self.beta2 = self.hyper("beta2")
        self.beta1_power = self.beta1.copy()
        self.beta2_power = self.beta2.copy()
        self.lr_t = np.zeros_like(self.lr)
        p, g, t = self.params, self.grads, self._tmp
        m, v = self.slot_buffers["m"], self.slot_buffers["v"]
        t2 = np.empty_like(p)
        one_minus_b1 = self.constant(1) - self.beta1
        one_minus_b2 = self.constant(1) - self.beta2
        eps = self.hyper("epsilon")
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
        self.lr_t[...] = self.lr * np.sqrt(one - self.beta2_power) / (one - self.beta1_power)

    def after_update(self):
        self.beta1_power *= self.beta1
        self.beta2_power *= self.beta2

    def reset_slots(self):
        super().reset_slots()
        if hasattr(self, "beta1_power"):
            self.beta1_power[...] = self.beta1
            self.beta2_power[...] = self.beta2

    def state(self):
        out = super().state()
        out["beta1_power"] = self.beta1_power.copy()
        out["beta2_power"] = self.beta2_power.copy()
        return out

    def load_state(self, state):
        super().load_state(state)
        self.beta1_power[...] = state["beta1_power"]
        self.beta2_power[...] = state["beta2_power"]

    @classmethod
    def describe(cls, o):
        return f"Adam (beta1 {o.beta1:g}, beta2 {o.beta2:g}, epsilon {o.epsilon:g})"

    @classmethod
    def rule(cls, hyper, x, tr=lambda s: s):
        return tr("Adam: <b>m′ = m + (g − m)(1 − β1)</b>, <b>v′ = v + (g² − v)(1 − β2)</b>, "
                  "<b>w ← w − lr_t·m′/(√v′ + ε)</b>: each weight gets its own step size.")

    @classmethod
    def example(cls, e, f, tr=lambda s: s):
        x, w, pad, h = f.x, e.w, " " * len(e.w), e.hyper
        b1, b2, eps = x(h["beta1"]), x(h["beta2"]), x(h["epsilon"])
        t = e.step + 1
        m0, m1, v0, v1 = e.before["m"], e.after["m"], e.before["v"], e.after["v"]
        step = float(e.lr_t) * float(m1) / (np.sqrt(float(v1)) + float(h["epsilon"]))
        return [tr("t = {t} (Adam counts its updates from 1)").format(t=t),
                f"m′ = m + (g − m)(1 − β1) = {f.lead(x(m0))} + ({f.lead(x(e.g))} − {f.signed(x(m0))}) × (1 − {b1})",
                f"   = {f.lead(x(m1))}",
                f"v′ = v + (g² − v)(1 − β2) = {f.lead(x(v0))} + ({f.signed(x(e.g))}² − {f.signed(x(v0))}) × (1 − {b2})",
                f"   = {f.lead(x(v1))}",
                f"lr_t = lr × √(1 − β2^t) / (1 − β1^t) = {x(e.lr)} × √(1 − {b2}^{t}) / (1 − {b1}^{t})",
                f"     = {f.lead(x(e.lr_t))}",
                f"step = lr_t × m′ / (√v′ + ε) = {x(e.lr_t)} × {f.signed(x(m1))} / (√{x(v1)} + {eps})",
                f"     = {f.lead(f.cell(step, 8))}",
                f"{w}′ = {w} − step = {f.lead(x(e.old))} − {f.signed(f.cell(step, 8))}",
                f"{pad}  = {f.lead(x(e.new))}"]

    @classmethod
    def tf1_arguments(cls, o):
        return [("beta1", o.beta1, 0.9), ("beta2", o.beta2, 0.999), ("epsilon", o.epsilon, 1e-8)]

    @classmethod
    def numpy_settings(cls, o):
        return [f"BETA1 = f32({o.beta1!r})", f"BETA2 = f32({o.beta2!r})", f"EPSILON = f32({o.epsilon!r})"]

    @classmethod
    def numpy_state(cls, o):
        return ["adam_m = {name: np.zeros_like(w) for name, w in params.items()}  # first moments, start at 0",
                "adam_v = {name: np.zeros_like(w) for name, w in params.items()}  # second moments, start at 0",
                "beta1_power, beta2_power = BETA1, BETA2  # beta1**t and beta2**t of step t = 1"]

    @classmethod
    def numpy_before_gradients(cls, o):
        return ["    # Adam's step size for this step: lr * sqrt(1 - beta2**t) / (1 - beta1**t)",
                "    lr_t = lr * np.sqrt(f32(1) - beta2_power) / (f32(1) - beta1_power)"]

    @classmethod
    def numpy_update(cls, o):
        return ["    # tf.train.AdamOptimizer (TF's \"epsilon hat\": epsilon is added to sqrt(v), v is not corrected)",
                "    for name, w in params.items():",
                "        g, m, v = grads[name], adam_m[name], adam_v[name]",
                "        m += (g - m) * (f32(1) - BETA1)  # m <- beta1 * m + (1 - beta1) * g",
                "        v += (g * g - v) * (f32(1) - BETA2)  # v <- beta2 * v + (1 - beta2) * g**2",
                "        w -= m * lr_t / (np.sqrt(v) + EPSILON)",
                "    beta1_power *= BETA1",
                "    beta2_power *= BETA2"]
