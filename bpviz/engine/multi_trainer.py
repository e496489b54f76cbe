"""Many runs advanced together: one Python-level step moves every run.

Runs that differ only in per-run hyperparameters (learning rate, the optimizer's own settings such
as momentum or Adam's β's and ε, the initial weights' seed, stddev or value) form a group: their
parameters are stacked on a leading run axis (K, P), the layers multiply with `np.matmul` on (K, ...)
arrays and the optimizer module's own update runs on the stacked buffers with (K, 1) hyperparameter
arrays (only its structural settings, e.g. Nesterov or centered, must agree).  Runs with another shape,
activation, batch size, optimizer or dataset are another group; a step advances every group.

Each run computes what its own `Trainer` computes, bit for bit: elementwise float32 ufuncs give
the same bits on a stacked array as on one run's, and `np.matmul` on (K, ...) arrays calls, per
run, the same BLAS routine as `np.dot` on one run (tests/engine/test_multi_trainer.py checks it).

A run whose loss becomes NaN or infinite stops alone, as `Trainer` stops: its last finite
weights are kept and the step recorded; its row of the stacked buffers is zeroed (learning
rate 0), so it costs no more than a live run and can never overflow again.
"""
from __future__ import annotations

import json
import math

import numpy as np

from .backprop import BatchPass
from .calls import compile_calls
from .config import ConfigError, RunConfig, section_of
from .datasets import REGRESSION_SETS, N_CLASSES, make_dataset
from .features import is_identity
from .network import Network, start_value
from .optimizers import OPTIMIZERS, make_optimizer
from .schedules import MovingAverage, decayed_lr
from .trainer import Diverged, Trainer

# settings that only change the initial weights
PER_RUN_INIT = ("init_seed", "init_stddev", "init_value")
# the optimizers' settings, each possibly per run
OPTIMIZER_SETTINGS = {name for cls in OPTIMIZERS.values() for name in cls.hyperparameters}
CHUNK = 256
MAX_TRACE = 1024  # weights kept per run for its path (thinned by halves as the run grows)
TRACE_BUDGET = 2**24  # at most this many numbers in a group's paths (64 MB)


MULTI_LOSSES = ("mse", "sigmoid-ce")  # what the stacked runs compute (no per-loss settings, one output)


def check_multi_run(config: RunConfig) -> None:
    """Raise a one-line ConfigError for what compared runs cannot train yet: imported points, a test
    split, feature inputs, the cost-profit and softmax-ce losses, the regression and three-class sets."""
    d = config.data
    if d.points is not None:
        raise ConfigError("--data", "compared runs train on a generated data set, not imported points", "points")
    if d.test_ratio:
        raise ConfigError("--test-ratio", "compared runs have no test split")
    if not is_identity(config.model.features):
        raise ConfigError("--features", "compared runs take the plain inputs x0,x1 only")
    if config.loss.loss not in MULTI_LOSSES:
        raise ConfigError("--loss", f"compared runs train with {' or '.join(MULTI_LOSSES)}, "
                                    f"not {config.loss.loss}")
    if d.dataset in REGRESSION_SETS or d.dataset in N_CLASSES:
        raise ConfigError("--dataset", f"compared runs train on two-class data sets or the parabola, "
                                       f"not {d.dataset}")


def group_key(config: RunConfig) -> str:
    """Runs with equal keys share the network's shape, the data and the batches."""
    raw = config.to_dict()
    structural = OPTIMIZERS[config.optimizer.optimizer].structural  # they change the update's calls
    per_run = ("lr", *(OPTIMIZER_SETTINGS - set(structural)), *PER_RUN_INIT, "steps")
    for name in per_run:
        del raw[section_of(name)][name]
    return json.dumps(raw, sort_keys=True)


class _Group:
    """K runs of one shape: stacked parameters, one compiled update per distinct batch."""

    def __init__(self, configs: list[RunConfig], runs: list[int], dtype):
        c0 = configs[0]
        d, m, lc, s, o = c0.data, c0.model, c0.loss, c0.schedule, c0.optimizer
        self.runs = runs
        self.configs = configs
        self.dataset = make_dataset(d.dataset, d.samples, d.data_seed, d.noise)
        self.net = Network.for_data(m, d.dataset, dtype)
        self.initial_params = np.stack([
            self.net.initial_params(c.model.init_seed, c.model.init_stddev, start_value(c.model, self.dataset))
            for c in configs])
        self.params = self.initial_params.copy()
        self.grads = np.zeros_like(self.params)
        k = len(configs)
        self.optimizer = make_optimizer([c.optimizer for c in configs], self.params, self.grads)
        self.ema = MovingAverage(o.ema, self.params) if o.ema is not None else None
        self.base_lr = np.array([c.optimizer.lr for c in configs], self.net.dtype)
        self.X = self.dataset.X.astype(dtype, copy=False)
        self.Y = self.dataset.Y.astype(dtype, copy=False)
        self.n_samples = self.X.shape[0]
        self.batch_size = s.batch_size
        self.log_every = s.log_every
        self.decay = o.lr_decay is not None
        self.regularised = bool(lc.l1 or lc.l2)
        self._passes: dict[int, BatchPass] = {}
        self._full = BatchPass(self.net, self.X, self.Y, slice(None), self.params, self.net.new_buffer(),
                               lc.loss, lc.l1, lc.l2, with_backward=False)
        # the weights after the previous two updates: a diverged run keeps the last finite ones
        self._before = np.zeros_like(self.params)
        self._before2 = np.zeros_like(self.params)
        self.losses = np.empty((4096, k), np.float32)  # batch loss of every step, one column per run
        self.logged: dict[int, np.ndarray] = {}  # step -> loss on all data of each run (NaN: stopped)
        self.alive = np.ones(k, bool)
        self.diverged_at: list[int | None] = [None] * k
        self.kept_step: list[int | None] = [None] * k
        self.kept_params: dict[int, np.ndarray] = {}
        # every run's weights every `trace_every` steps (from step 0), for the paths in weight space
        self.trace_every = 1
        self.max_trace = int(np.clip(TRACE_BUDGET // self.params.size, 2, MAX_TRACE))
        self.trace_steps: list[int] = [0]
        self.trace: list[np.ndarray] = [self.params.copy()]

    def _pass_for(self, step: int) -> BatchPass:
        start = (step * self.batch_size) % self.n_samples
        bp = self._passes.get(start)
        if bp is None:
            lc = self.configs[0].loss
            rows = slice(start, min(start + self.batch_size, self.n_samples))
            bp = BatchPass(self.net, self.X, self.Y, rows, self.params, self.grads, lc.loss, lc.l1, lc.l2)
            keep = [(np.copyto, (self._before2, self._before)), (np.copyto, (self._before, self.params))]
            calls = keep + bp.forward_ops + bp.backward_ops + self.optimizer.ops + (
                self.ema.ops if self.ema is not None else [])
            bp.run_step = compile_calls(calls, result=bp.loss_sum_call())
            self._passes[start] = bp
        return bp

    def run_chunk(self, first: int, n: int) -> None:
        """n updates of every run from step `first` (the hot loop; see Trainer._run_chunk)."""
        opt, ema, passes = self.optimizer, self.ema, self._passes
        B, n_samples, log_every = self.batch_size, self.n_samples, self.log_every
        scalar_work, decay, regularised = opt.has_scalar_work, self.decay, self.regularised
        isfinite, add_reduce = math.isfinite, np.add.reduce
        if first + n > self.losses.shape[0]:
            grown = np.empty((max(first + n, 2 * self.losses.shape[0]), self.losses.shape[1]), np.float32)
            grown[:first] = self.losses[:first]
            self.losses = grown
        losses = self.losses
        if decay:
            rates = decayed_lr(self.base_lr[None, :], np.arange(first, first + n)[:, None],
                               self.configs[0].optimizer, self.net.dtype)
        lr = opt.lr[:, 0]
        for i in range(first, first + n):
            bp = passes.get((i * B) % n_samples) or self._pass_for(i)
            if decay:
                lr[...] = rates[i - first]
            if scalar_work:
                opt.before_update()
            if ema is not None:
                ema.prepare(i + 1)
            if regularised:
                reg = bp.regularisation_loss()
            loss = bp.run_step() / bp.divisor
            if regularised:
                loss = loss + reg
            if scalar_work:
                opt.after_update()
            losses[i] = loss
            # a sum is NaN or infinite when any run's loss is (or, rarely, when it overflows)
            if not isfinite(add_reduce(loss)) or i % log_every == 0:
                self._after_step_checks(i, loss)
            if (i + 1) % self.trace_every == 0:
                self._record(i + 1)

    def _record(self, step: int) -> None:
        self.trace_steps.append(step)
        self.trace.append(self.params.copy())
        if len(self.trace) > self.max_trace:
            self.trace_every *= 2
            keep = [j for j, s in enumerate(self.trace_steps) if s % self.trace_every == 0]
            self.trace_steps = [self.trace_steps[j] for j in keep]
            self.trace = [self.trace[j] for j in keep]

    def _after_step_checks(self, i: int, loss: np.ndarray) -> None:
        bad = self.alive & ~np.isfinite(loss)
        if i % self.log_every == 0:
            full = np.asarray(self._full.run_forward(), np.float32)
            bad |= self.alive & ~np.isfinite(full)
            self.logged[i] = np.where(self.alive & ~bad, full, np.float32(np.nan))
        for j in np.flatnonzero(bad):
            self._stop(int(j), i)

    def _stop(self, j: int, step: int) -> None:
        """Run j met a non-finite loss at `step`: keep its last finite weights, as Trainer does."""
        kept, weights = step, self._before[j]
        if not np.isfinite(weights).all() and step > 0:
            kept, weights = step - 1, self._before2[j]
        self.kept_params[j] = weights.copy()
        self.diverged_at[j], self.kept_step[j] = step, kept
        self.alive[j] = False
        for buf in (self.params, self._before, self._before2):
            buf[j] = 0
        for slot in self.optimizer.active_slots:  # back to their start, which keeps the update finite
            self.optimizer.slot_buffers[slot.name][j] = slot.initial_value(self.configs[j].optimizer)
        self.optimizer.lr[j] = 0
        self.base_lr[j] = 0
        if self.ema is not None:
            self.ema.shadow[j] = 0


class MultiTrainer:
    """K runs, each as its single `Trainer` would run it, advanced in lock-step."""

    def __init__(self, configs: list[RunConfig], dtype=np.float32):
        if not configs:
            raise ValueError("at least one run is needed")
        for config in configs:
            config.validate()
            check_multi_run(config)
        self.configs = list(configs)
        self.dtype = np.dtype(dtype)
        members: dict[str, list[int]] = {}
        for k, config in enumerate(self.configs):
            members.setdefault(group_key(config), []).append(k)
        self.groups = [_Group([self.configs[k] for k in runs], runs, dtype) for runs in members.values()]
        self._where = {k: (g, col) for g in self.groups for col, k in enumerate(g.runs)}
        self.step = 0

    def __len__(self) -> int:
        return len(self.configs)

    # -- training -----------------------------------------------------------------
    @property
    def n_alive(self) -> int:
        return int(sum(g.alive.sum() for g in self.groups))

    def run(self, n: int, stop=None) -> int:
        """Up to `n` steps of every run still going; `stop()` is polled between chunks.

        Returns the number of steps done (fewer when every run has diverged)."""
        done = 0
        with np.errstate(all="ignore"):
            while done < n and self.n_alive:
                chunk = min(n - done, CHUNK)
                for group in self.groups:
                    if group.alive.any():
                        group.run_chunk(self.step, chunk)
                self.step += chunk
                done += chunk
                if stop is not None and stop():
                    break
        return done

    # -- read-outs per run ------------------------------------------------------------
    def diverged_at(self, k: int) -> int | None:
        """The step whose loss was not finite, or None while run k goes on."""
        g, col = self._where[k]
        return g.diverged_at[col]

    def kept_step(self, k: int) -> int | None:
        g, col = self._where[k]
        return g.kept_step[col]

    def batch_losses(self, k: int) -> np.ndarray:
        """Run k's batch loss at every step it made (up to and including a non-finite one)."""
        g, col = self._where[k]
        stop = g.diverged_at[col]
        return g.losses[: self.step if stop is None else stop + 1, col]

    def logged(self, k: int) -> dict[int, float]:
        """Run k's loss on all data at each logged step (before it diverged)."""
        g, col = self._where[k]
        return {s: float(v[col]) for s, v in g.logged.items() if not math.isnan(v[col])}

    def logged_losses(self, step: int) -> list[float | None]:
        """Every run's loss on all data logged at `step`; None for a run that has stopped."""
        out: list[float | None] = [None] * len(self)
        for g in self.groups:
            values = g.logged.get(step)
            if values is not None:
                for col, k in enumerate(g.runs):
                    out[k] = None if math.isnan(values[col]) else float(values[col])
        return out

    def params(self, k: int) -> np.ndarray:
        """Run k's flat parameters now (its last finite ones if it diverged); a view while it goes on."""
        g, col = self._where[k]
        return g.kept_params.get(col, g.params[col])

    def weights(self, k: int) -> dict[str, np.ndarray]:
        g, _col = self._where[k]
        return {name: w.copy() for name, w in g.net.views(self.params(k)).items()}

    def ema_weights(self, k: int) -> dict[str, np.ndarray] | None:
        g, col = self._where[k]
        if g.ema is None or g.diverged_at[col] is not None:
            return None
        return {name: w.copy() for name, w in g.net.views(g.ema.shadow[col]).items()}

    def path(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(steps, weights (T, P)) of run k so far: every step at first, thinned as it grows; a diverged run's
        path ends at its last finite weights."""
        g, col = self._where[k]
        stop = g.kept_step[col]
        steps = [s for s in g.trace_steps if stop is None or s < stop]
        weights = [w[col] for w in g.trace[: len(steps)]]
        if stop is not None:
            steps.append(stop)
            weights.append(g.kept_params[col])
        elif steps[-1] != self.step:
            steps.append(self.step)
            weights.append(g.params[col])
        return np.array(steps), np.array(weights)

    def summary(self) -> list[dict]:
        """Per run: the loss on all data now (None if diverged), the best logged loss and its step, the
        step it diverged at (None while it goes on)."""
        out = []
        for k, final in enumerate(self.full_losses()):
            logged = self.logged(k)
            best_step = min(logged, key=logged.get) if logged else None
            out.append({"final": final, "best": None if best_step is None else logged[best_step],
                        "best_step": best_step, "diverged_at": self.diverged_at(k)})
        return out

    def full_losses(self) -> list[float | None]:
        """Every run's loss on all data now; None for a run that has diverged."""
        out: list[float | None] = [None] * len(self)
        with np.errstate(all="ignore"):
            for g in self.groups:
                values = g._full.run_forward()
                for col, k in enumerate(g.runs):
                    out[k] = float(values[col]) if g.alive[col] else None
        return out

    def network(self, k: int) -> Network:
        return self._where[k][0].net

    def dataset(self, k: int):
        return self._where[k][0].dataset

    # -- one run as its own Trainer -----------------------------------------------------
    def trainer(self, k: int) -> Trainer:
        """A `Trainer` in run k's exact state, to continue it alone (a diverged run is replayed)."""
        g, col = self._where[k]
        config = self.configs[k]
        if g.diverged_at[col] is not None:
            trainer = Trainer(config, self.dtype)
            try:
                trainer.run(g.diverged_at[col] + 1)
            except Diverged:
                pass
            return trainer
        slots = set(g.optimizer.slot_buffers)
        optimizer = {name: (v[col].copy() if name in slots else v[col, 0])
                     for name, v in g.optimizer.state().items()}
        fresh = Trainer(config, self.dtype)
        steps = sorted(g.logged)
        state = {
            "config": config.to_dict(),
            "current": {"step": self.step, "params": g.params[col].copy(), "optimizer": optimizer,
                        "ema": None if g.ema is None else g.ema.shadow[col].copy(),
                        "base_lr": config.optimizer.lr},
            "initial_params": g.initial_params[col].copy(),
            "history": {"batch_loss": g.losses[: self.step, col].copy(),
                        "logged_steps": np.array(steps, np.int64),
                        "logged_loss": np.array([g.logged[s][col] for s in steps], np.float32)},
            "edits": [],
            "checkpoints": [fresh.state()["current"]],
            "checkpoint_every": 64,
        }
        return Trainer.from_state(state, self.dtype)
