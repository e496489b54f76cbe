"""TF1's `tf.train.RMSPropOptimizer(lr, decay=0.9, momentum=0.0, epsilon=1e-10, centered=False)`.

From TF's source, not a textbook (docs/tf1-rmsprop-adagrad.md):
* slots (`_create_slots`): `rms` starts at ONES, `momentum` at zeros, `mg` (centered only) at zeros;
* ApplyRMSProp:          ms += (g² − ms)(1 − ρ); mom = mom·μ + g·lr / sqrt(ms + ε); w −= mom
* ApplyCenteredRMSProp:  also mg += (g − mg)(1 − ρ), and the denominator is sqrt((ms − mg²) + ε).
ε is added inside the square root.
"""
from __future__ import annotations

import numpy as np

from ..setting import Setting
from .base import Optimizer, Slot


class RMSProp(Optimizer):
    name = "rmsprop"
    label = "RMSProp"
    title = "RMSProp"
    tf1_class = "tf.train.RMSPropOptimizer"
    hyperparameters = ("rms_decay", "momentum", "epsilon", "centered")
    structural = ("centered",)
    defaults = {"momentum": 0.0, "epsilon": 1e-10}
    settings = (Setting("rms_decay", "optimizer", "float", 0.9, "Decay ρ",
                        "RMSProp's decay of the mean squared gradient", low=0.0, high=1.0, metavar="F",
                        example="0.9"),
                Setting("centered", "optimizer", "bool", False, "Centered",
                        "RMSProp divides by the gradient's variance instead of its mean square"))
    slots = (Slot("rms", 1.0, "RMSProp ms", "<b>RMSProp's ms</b>: mean of the squared gradients, "
                                            "ms′ = ms + (g² − ms)(1 − ρ); it starts at 1, as in TF1."),
             Slot("momentum", 0.0, "RMSProp mom", "<b>RMSProp's mom</b>: the step taken, "
                                                  "mom′ = μ·mom + lr·g/√(ms′ + ε); w ← w − mom′."))
    centered_slot = Slot("mg", 0.0, "RMSProp mg", "<b>RMSProp's mg</b> (centered): mean of the gradients, "
                                                   "mg′ = mg + (g − mg)(1 − ρ).")

    @classmethod
    def slots_for(cls, o):
        return (*cls.slots, cls.centered_slot) if o.centered else cls.slots

    def _build(self):
        p, g, t = self.params, self.grads, self._tmp
        ms, mom = self.slot_buffers["rms"], self.slot_buffers["momentum"]
        t2 = np.empty_like(p)
        one_minus_rho = self.constant(1) - self.hyper("rms_decay")
        mu, eps = self.hyper("momentum"), self.hyper("epsilon")
        ops = [
            (np.multiply, (g, g, t)),
            (np.subtract, (t, ms, t)),
            (np.multiply, (t, one_minus_rho, t)),
            (np.add, (ms, t, ms)),
        ]
        if self.config.centered:
            mg = self.slot_buffers["mg"]
            ops += [
                (np.subtract, (g, mg, t)),
                (np.multiply, (t, one_minus_rho, t)),
                (np.add, (mg, t, mg)),
                (np.multiply, (mg, mg, t)),
                (np.subtract, (ms, t, t)),
                (np.add, (t, eps, t)),
            ]
        else:
            ops.append((np.add, (ms, eps, t)))
        return ops + [
            (np.sqrt, (t, t)),
            (np.multiply, (g, self.lr, t2)),
            (np.divide, (t2, t, t2)),
            (np.multiply, (mom, mu, mom)),
            (np.add, (mom, t2, mom)),
            (np.subtract, (p, mom, p)),
        ]

    @classmethod
    def describe(cls, o):
        return (f"RMSProp (decay {o.rms_decay:g}, momentum {o.momentum:g}, epsilon {o.epsilon:g}"
                + (", centered)" if o.centered else ")"))

    @classmethod
    def rule(cls, hyper, x, tr=lambda s: s):
        values = dict(lr=x(hyper["lr"]), rho=x(hyper["rms_decay"]), mu=x(hyper["momentum"]),
                      eps=x(hyper["epsilon"]))
        if hyper.get("centered"):
            return tr("RMSProp (centered): <b>ms′ = ms + (g² − ms)(1 − ρ)</b>, <b>mg′ = mg + (g − mg)(1 − ρ)</b>, "
                      "<b>mom′ = μ·mom + lr·g/√(ms′ − mg′² + ε)</b>, <b>w ← w − mom′</b> with lr = {lr}, ρ = {rho}, "
                      "μ = {mu}, ε = {eps}: the step is divided by the gradient's recent spread.").format(**values)
        return tr("RMSProp: <b>ms′ = ms + (g² − ms)(1 − ρ)</b>, <b>mom′ = μ·mom + lr·g/√(ms′ + ε)</b>, "
                  "<b>w ← w − mom′</b> with lr = {lr}, ρ = {rho}, μ = {mu}, ε = {eps}: each weight's step is "
                  "divided by the root of its recent squared gradients.").format(**values)

    @classmethod
    def example(cls, e, f, tr=lambda s: s):
        x, w, pad, h = f.x, e.w, " " * len(e.w), e.hyper
        rho, mu, eps, lr, g = x(h["rms_decay"]), x(h["momentum"]), x(h["epsilon"]), x(e.lr), f.signed(x(e.g))
        ms0, ms1 = e.before["rms"], e.after["rms"]
        mom0, mom1 = e.before["momentum"], e.after["momentum"]
        lines = [f"ms′ = ms + (g² − ms)(1 − ρ) = {f.lead(x(ms0))} + ({g}² − {f.signed(x(ms0))}) × (1 − {rho})",
                 f"    = {f.lead(x(ms1))}"]
        if h.get("centered"):
            mg0, mg1 = e.before["mg"], e.after["mg"]
            lines += [f"mg′ = mg + (g − mg)(1 − ρ) = {f.lead(x(mg0))} + ({f.lead(x(e.g))} − {f.signed(x(mg0))}) "
                      f"× (1 − {rho})",
                      f"    = {f.lead(x(mg1))}",
                      "mom′ = μ × mom + lr × g / √(ms′ − mg′² + ε)",
                      f"     = {mu} × {f.signed(x(mom0))} + {lr} × {g} / √({x(ms1)} − {f.signed(x(mg1))}² + {eps})"]
        else:
            lines += ["mom′ = μ × mom + lr × g / √(ms′ + ε)",
                      f"     = {mu} × {f.signed(x(mom0))} + {lr} × {g} / √({x(ms1)} + {eps})"]
        return lines + [f"     = {f.lead(x(mom1))}",
                        f"{w}′ = {w} − mom′ = {f.lead(x(e.old))} − {f.signed(x(mom1))}",
                        f"{pad}  = {f.lead(x(e.new))}"]

    @classmethod
    def tf1_arguments(cls, o):
        return [("decay", o.rms_decay, 0.9), ("momentum", o.momentum, 0.0), ("epsilon", o.epsilon, 1e-10),
                ("centered", o.centered, False)]

    @classmethod
    def numpy_settings(cls, o):
        return [f"DECAY = f32({o.rms_decay!r})  # rho: how slowly the mean square forgets",
                f"MOMENTUM = f32({o.momentum!r})",
                f"EPSILON = f32({o.epsilon!r})  # added inside the square root, as TF does"]

    @classmethod
    def numpy_state(cls, o):
        lines = ["# TF1 starts the mean square at ONES (its rms slot), the momentum at zeros",
                 "rms = {name: np.ones_like(w) for name, w in params.items()}",
                 "mom = {name: np.zeros_like(w) for name, w in params.items()}"]
        if o.centered:
            lines.append("mg = {name: np.zeros_like(w) for name, w in params.items()}  # mean gradient, starts at 0")
        return lines

    @classmethod
    def numpy_update(cls, o):
        centered = ", centered=True" if o.centered else ""
        lines = [f"    # tf.train.RMSPropOptimizer(lr, DECAY, MOMENTUM, EPSILON{centered})",
                 "    for name, w in params.items():",
                 "        g, ms, m = grads[name], rms[name], mom[name]",
                 "        ms += (g * g - ms) * (f32(1) - DECAY)  # ms <- decay * ms + (1 - decay) * g**2"]
        if o.centered:
            lines += ["        mg[name] += (g - mg[name]) * (f32(1) - DECAY)  # mg <- decay * mg + (1 - decay) * g",
                      "        denominator = np.sqrt(ms - mg[name] * mg[name] + EPSILON)"]
        else:
            lines.append("        denominator = np.sqrt(ms + EPSILON)")
        return lines + ["        m[...] = m * MOMENTUM + g * lr / denominator",
                        "        w -= m"]
