"""Insights: what a learner should notice about a run, worked out from the run itself.

Each detector looks at the configuration, the data, the current weights and the loss history, and returns an
`Insight` only when the run shows the thing it explains: the numbers in it are the run's own.  The texts are
the desktop app's (translated there); this module only says which insight holds and with what numbers.

* LINEAR_ORIGIN — a linear network without biases computes y = a·x0 + b·x1: 0 at the origin, so its
  boundary cannot match a rule that labels the origin 1 (the tutorial's x0 + x1 < 1).
* LINEAR_CURVE — a linear network draws a straight boundary, biases or not; the rule's is a curve (the circle,
  XOR): an activation (or squared features) is needed.
* PERIODIC — the batch loss repeats with the period of the batches: the same batches come back in the same
  order (the tutorial's 32 points in 4 batches of 8).
* SLOW — the loss on all data still falls, but by less than 0.1% per 500 steps.
Divergence is the trainer's to find (it stops a run whose loss is no longer finite); the smaller rate the
window suggests then is `smaller_lr`'s.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .config import RunConfig
from .datasets import Dataset, label_rule, train_count
from .losses import LOSSES

LINEAR_ORIGIN = "linear-origin"
LINEAR_CURVE = "linear-curve"
PERIODIC = "periodic"
SLOW = "slow"

# suggested fixes: what one click changes
ADD_BIAS = "add-bias"
ADD_ACTIVATION = "add-activation"  # tanh and biases (a hidden layer of 8 if there is none)
RAISE_LR = "raise-lr"

SLOW_WINDOW = 500  # steps
SLOW_FRACTION = 0.001  # "falling by less than 0.1% per 500 steps"
MAX_PERIOD = 1000  # a longer cycle is not something one sees on the loss curve
PERIOD_CYCLES = 8  # cycles compared (fewer early in a run, at least MIN_CYCLES)
MIN_CYCLES = 3
LINEAR_AFTER = 100  # steps: the line said to be the run's own has moved from its random start


@dataclass(frozen=True)
class Insight:
    kind: str
    # what the insight is about: it is shown once per run for one key, and again only when the key changes
    key: tuple
    values: dict = field(default_factory=dict)  # the run's numbers for the text
    action: str | None = None  # ADD_BIAS, ADD_ACTIVATION, RAISE_LR or None


@dataclass(frozen=True)
class RunState:
    """What the detectors read of a run (a snapshot's arrays; nothing is copied)."""

    config: RunConfig
    dataset: Dataset
    weights: dict  # name -> array (w1, w2, ..., b1, ...)
    batch_losses: np.ndarray  # one per step so far
    logged_steps: np.ndarray
    logged_losses: np.ndarray
    lr: float  # the rate the next update uses


def detect(run: RunState) -> list[Insight]:
    """Every insight that holds for this run now."""
    found = [linear_origin(run), linear_curve(run), periodic(run), slow(run)]
    return [insight for insight in found if insight is not None]


def bigger_lr(lr: float) -> float:
    return float(f"{lr * 10:.3g}")


def smaller_lr(lr: float) -> float:
    """The rate suggested after a divergence."""
    return float(f"{lr / 10:.3g}")


# -- the detectors ----------------------------------------------------------------------------------------

def effective_line(weights: dict) -> np.ndarray:
    """The coefficients of a linear network without biases: the product of its weight matrices (inputs × 1)."""
    names = sorted((n for n in weights if n.startswith("w")), key=lambda n: int(n[1:]))
    product = np.asarray(weights[names[0]], np.float64)
    for name in names[1:]:
        product = product @ np.asarray(weights[name], np.float64)
    return product[:, 0]


def _linear_classifier(run: RunState) -> bool:
    """A network whose output is linear in x0, x1 (no activation, plain inputs) with one output for two classes
    of a generated set, run long enough for its line to be its own."""
    c, d = run.config, run.dataset
    m = c.model
    linear = m.activation == "linear" or not m.hidden
    plain_inputs = set(m.features) <= {"x0", "x1"}
    return (len(run.batch_losses) >= LINEAR_AFTER and linear and plain_inputs and d.n_classes == 2
            and c.data.points is None and c.loss.loss in ("mse", "sigmoid-ce")
            and LOSSES[c.loss.loss].outputs(d.n_classes) == 1)


def linear_curve(run: RunState) -> Insight | None:
    d = run.dataset
    if not _linear_classifier(run) or d.true_boundary is None or d.straight_boundary:
        return None
    return Insight(LINEAR_CURVE, (d.name, tuple(run.config.model.features)), {
        "truth": d.true_boundary.replace("**2", "²").replace(" * ", "·"), "rule": label_rule(d.name)},
        ADD_ACTIVATION)


def linear_origin(run: RunState) -> Insight | None:
    c, d = run.config, run.dataset
    m = c.model
    if m.bias or not _linear_classifier(run) or not d.straight_boundary:
        return None
    at_origin = d.true_label(np.zeros(1), np.zeros(1))
    if at_origin is None or d.true_boundary is None:
        return None
    # the output at the origin is 0: class 0 under mse's 0.5 threshold, exactly on the boundary for a logit
    threshold = 0.5 if c.loss.loss == "mse" else 0.0
    if c.loss.loss == "mse" and at_origin[0] != 1:
        return None  # a rule that labels the origin 0 can be matched by a line a·x0 + b·x1 = 0.5
    if c.loss.loss == "sigmoid-ce" and float(d.true_margin(np.zeros(1), np.zeros(1))[0]) == 0:
        return None  # the true boundary passes through the origin as the network's does
    coefficients = effective_line(run.weights)
    terms = dict(zip(m.features, coefficients))
    return Insight(LINEAR_ORIGIN, (d.name, c.loss.loss, tuple(m.features)), {
        "coefficients": terms, "threshold": threshold, "truth": d.true_boundary.replace("**2", "²"),
        "rule": label_rule(d.name), "loss": c.loss.loss}, ADD_BIAS)


def batch_period(n_train: int, batch_size: int) -> int:
    """After how many steps the batches come back in the same order (start = i·B mod n)."""
    return n_train // math.gcd(n_train, batch_size)


def periodic(run: RunState) -> Insight | None:
    c = run.config
    n = train_count(len(run.dataset.X), c.data.test_ratio)
    period = batch_period(n, c.schedule.batch_size)
    losses = run.batch_losses
    cycles = min(PERIOD_CYCLES, len(losses) // period) if period > 1 else 0
    if period > MAX_PERIOD or cycles < MIN_CYCLES:
        return None
    # whole cycles ending at a cycle's end, so that column j is always batch j
    end = len(losses) - len(losses) % period
    block = np.asarray(losses[end - cycles * period:end], np.float64).reshape(cycles, period)
    if not np.all(np.isfinite(block)):
        return None
    level = block.mean(axis=1, keepdims=True)  # each cycle's own level: the trend is not the oscillation
    pattern = (block - level).mean(axis=0)
    noise = (block - level - pattern).std()
    spread = pattern.max() - pattern.min()
    if spread <= 0.05 * abs(level[-1, 0]) or spread <= 4 * noise:
        return None
    last = block[-1]
    worst, best = int(np.argmax(pattern)), int(np.argmin(pattern))
    B = c.schedule.batch_size

    def rows(j):
        start = (j * B) % n
        return start, min(start + B, n) - 1

    return Insight(PERIODIC, (period,), {
        "period": period, "n": n, "batch_size": B, "worst": worst, "best": best, "worst_rows": rows(worst),
        "best_rows": rows(best), "high": float(last[worst]), "low": float(last[best]),
        "log_every": c.schedule.log_every})


def _window(run: RunState) -> tuple[int, float, int, float] | None:
    """The last logged loss and the latest one at least SLOW_WINDOW steps before it: (step, loss, step, loss)."""
    steps, losses = run.logged_steps, run.logged_losses
    if len(steps) < 2:
        return None
    last_step, last = int(steps[-1]), float(losses[-1])
    earlier = np.nonzero(steps <= last_step - SLOW_WINDOW)[0]
    if not len(earlier):
        return None
    i = int(earlier[-1])
    return int(steps[i]), float(losses[i]), last_step, last


def slow(run: RunState) -> Insight | None:
    window = _window(run)
    if window is None:
        return None
    s0, l0, s1, l1 = window
    if not (math.isfinite(l0) and math.isfinite(l1)) or l0 <= 1e-6 or l1 <= 1e-6:
        return None
    per_window = (l0 - l1) / l0 * SLOW_WINDOW / (s1 - s0)
    # a loss that has settled moves by rounding noise, now a hair down, now a hair up: both are "stopped"
    # (a note that came and went with the noise made the plots under it jump twice a second)
    if not -SLOW_FRACTION < per_window < SLOW_FRACTION:
        return None
    o = run.config.optimizer
    # keyed by the base rate: a decaying rate changes every step, and the note must not come back each time
    return Insight(SLOW, (o.optimizer, o.lr), {
        "from_step": s0, "to_step": s1, "from_loss": l0, "to_loss": l1, "percent": max(100 * (l0 - l1) / l0, 0.0),
        "lr": run.lr, "bigger": bigger_lr(o.lr), "optimizer": o.optimizer}, RAISE_LR)


def of_trainer(trainer, lr: float | None = None) -> RunState:
    """The detectors' view of a Trainer (tests, the CLI)."""
    steps, losses = trainer.history.logged_arrays()
    return RunState(trainer.effective_config, trainer.dataset, trainer.weights(), trainer.history.batch_losses(),
                    steps, losses, trainer.current_lr() if lr is None else lr)
