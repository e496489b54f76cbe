"""The training loop: the tutorial's batches, TF1's update, every loss recorded.

A `Trainer` owns all state of one run.  Checkpoints (thinned so that there are never
more than a few hundred) plus the log of user edits make any past step reachable by
deterministic replay; sessions and the GUI's rewind are built on that.  After going back
(`seek`), the old future is kept in `timeline` and training forward replays it.

`config` is the configuration the run started with (its target follows live changes);
`effective_config` is what the run uses now (the current base learning rate too).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .backprop import BatchPass
from .calls import compile_calls
from .config import RunConfig
from .datasets import Dataset, from_arrays, make_dataset, train_count
from .features import compute as compute_features
from .features import is_identity
from .history import LossHistory
from .losses import LOSSES, accuracy, targets
from .network import Network, start_value
from .optimizers import make_optimizer
from .points import arrays as point_arrays
from .schedules import MovingAverage, decayed_lr
from .timeline import Timeline

MAX_CHECKPOINTS = 256
# what the checkpoints of one run may hold: the largest network the settings allow (8 x 256) with Adam and EMA
# takes 7.4 MB a checkpoint, so it keeps 34 rather than 256 (1.9 GB)
MAX_CHECKPOINT_BYTES = 256 << 20


def checkpoint_limit(bytes_per_checkpoint: int) -> int:
    """How many checkpoints a run keeps before thinning them: fewer when each is large."""
    return max(4, min(MAX_CHECKPOINTS, MAX_CHECKPOINT_BYTES // max(1, bytes_per_checkpoint)))


class Diverged(ArithmeticError):
    """The loss became NaN or infinite; the trainer kept the last finite weights."""

    def __init__(self, step: int, loss: float, kept_step: int):
        self.step = step
        self.loss = loss
        self.kept_step = kept_step
        super().__init__(
            f"the loss became {loss} at step {step}; training stopped and kept the last finite "
            f"weights (after {kept_step} steps). Try a smaller learning rate.")


@dataclass(frozen=True)
class Edit:
    """A change the user made between updates: `step` is the number of updates done before it."""

    step: int
    kind: str  # "lr" or "weight"
    value: float
    name: str = ""
    index: tuple[int, ...] = ()


class Trainer:
    def __init__(self, config: RunConfig, dtype=np.float32, dataset: Dataset | None = None):
        config.validate()
        self.config = config
        m, lc, s = config.model, config.loss, config.schedule
        self.dataset = dataset or dataset_for(config)
        self.loss_kind = LOSSES[lc.loss]
        self.loss_kind.check(self.dataset.n_classes)
        self.net = network_for(config, self.dataset, dtype)
        self.initial_params = self.net.initial_params(m.init_seed, m.init_stddev, start_value(m, self.dataset))
        self.params = self.initial_params.copy()
        self.grads = self.net.new_buffer()
        self.optimizer = make_optimizer(config.optimizer, self.params, self.grads)
        self.ema = MovingAverage(config.optimizer.ema, self.params) if config.optimizer.ema is not None else None
        self.base_lr = config.optimizer.lr
        # the last ⌊test_ratio·n⌋ points are held out; the network sees the features of the points
        n_all = self.dataset.X.shape[0]
        n_train = train_count(n_all, config.data.test_ratio)
        self.n_test = n_all - n_train
        features = m.features
        X_all = (self.dataset.X.astype(dtype, copy=False) if is_identity(features)
                 else compute_features(features, self.dataset.X64, dtype))
        Y_all = targets(lc.loss, self.dataset.Y, self.dataset.n_classes).astype(dtype, copy=False)
        self.X, self.Y = X_all[:n_train], Y_all[:n_train]
        self.X_test, self.Y_test = X_all[n_train:], Y_all[n_train:]
        self.n_samples = n_train
        self.batch_size = s.batch_size
        self.step = 0
        self.history = LossHistory()
        self.edits: list[Edit] = []
        self.timeline = Timeline()
        self._effective: tuple[RunConfig, float, RunConfig] | None = None
        self._passes: dict[int, BatchPass] = {}
        self._full = BatchPass(self.net, self.X, self.Y, slice(None), self.params, self.net.new_buffer(),
                               lc.loss, lc.l1, lc.l2, with_backward=False, hyper=self.loss_hyper())
        self._test = None if not self.n_test else BatchPass(
            self.net, self.X_test, self.Y_test, slice(None), self.params, self.net.new_buffer(), lc.loss, 0.0, 0.0,
            with_backward=False, hyper=self.loss_hyper())
        self.last_pass: BatchPass | None = None
        self._checkpoint_every = 64
        self._checkpoints: dict[int, dict] = {0: self._capture()}
        first = self._checkpoints[0]
        self.max_checkpoints = checkpoint_limit(
            first["params"].nbytes * (1 + (self.ema is not None)) + sum(a.nbytes for a in first["optimizer"].values()))

    # -- batches ------------------------------------------------------------------
    def batch_rows(self, step: int) -> slice:
        """Rows of step `step`, sliced as the tutorial does (a batch running past the end is cut short)."""
        start = (step * self.batch_size) % self.n_samples
        return slice(start, min(start + self.batch_size, self.n_samples))

    def batch_indices(self, step: int | None = None) -> np.ndarray:
        """Indices of the samples the next update (or update `step`) trains on."""
        rows = self.batch_rows(self.step if step is None else step)
        return np.arange(rows.start, rows.stop)

    def _pass_for(self, step: int) -> BatchPass:
        start = (step * self.batch_size) % self.n_samples
        bp = self._passes.get(start)
        if bp is None:
            lc = self.config.loss
            bp = BatchPass(self.net, self.X, self.Y, self.batch_rows(step), self.params, self.grads,
                           lc.loss, lc.l1, lc.l2, hyper=self.loss_hyper())
            # the whole update as one flat call list: the hot loop is one Python loop per step
            calls = bp.forward_ops + bp.backward_ops + self.optimizer.ops + (
                self.ema.ops if self.ema is not None else [])
            # returns the batch's summed data loss, computed from the forward values
            bp.run_step = compile_calls(calls, result=bp.loss_sum_call())
            self._passes[start] = bp
        return bp

    def loss_hyper(self) -> dict:
        """The loss's own settings (cost-profit's COST and PROFIT)."""
        lc = self.config.loss
        return {"cost": lc.cost, "profit": lc.profit}

    # -- training -----------------------------------------------------------------
    def current_lr(self) -> float:
        return float(decayed_lr(self.base_lr, self.step, self.config.optimizer, self.net.dtype))

    def train_step(self):
        """One update on the next mini-batch; returns its loss (before the update)."""
        self.run(1)
        return self.history.batch_losses()[-1]

    def run(self, n: int, stop=None, replay_at_end: bool = True) -> int:
        """Up to `n` updates; `stop()` is polled every 256 steps. Returns the number done.

        A kept future is replayed: its edits are re-applied on arriving at their steps (the last
        step's only if `replay_at_end`; otherwise call `replay_due_edits`).
        Raises `Diverged` if a loss becomes NaN or infinite."""
        done = 0
        timeline = self.timeline
        with np.errstate(all="ignore"):
            while done < n:
                chunk = min(n - done, 256, self._checkpoint_every - self.step % self._checkpoint_every)
                edit_at = timeline.next_edit_step(self.step)
                if edit_at is not None:
                    chunk = min(chunk, edit_at - self.step)
                first = self.step
                try:
                    self._run_chunk(chunk)
                finally:
                    timeline.observe(self.history.batch_losses(), first, self.step)
                done += chunk
                if self.step % self._checkpoint_every == 0:
                    self._checkpoint()
                if done < n or replay_at_end:
                    self.replay_due_edits()
                if stop is not None and stop():
                    break
        return done

    def replay_due_edits(self) -> None:
        """Re-apply the kept future's edits made at the current step."""
        for edit in self.timeline.due_edits(self.step):
            self._apply(edit)

    def seek(self, step: int) -> None:
        """Go to `step`: back by replay from a checkpoint, keeping the future; forward by training,
        which replays the kept future.  Raises ValueError for a negative step, `Diverged` as `run`."""
        if step < 0:
            raise ValueError(f"cannot go to step {step}")
        if step < self.step:
            self.timeline.keep(self.history.batch_losses(), self.edits, step)
            self.rewind(step)
        elif step > self.step:
            self.run(step - self.step)

    def _run_chunk(self, n: int) -> None:
        """The hot loop: n updates with no checkpoint boundary inside.

        Written for speed (locals, no per-step method calls where avoidable): on the
        tutorial's network Python overhead is as large as the arithmetic."""
        opt, ema, history, cfg = self.optimizer, self.ema, self.history, self.config.optimizer
        decay, scalar_work = cfg.lr_decay is not None, opt.has_scalar_work
        B, n_samples, log_every = self.batch_size, self.n_samples, self.config.schedule.log_every
        passes, isfinite = self._passes, math.isfinite
        regularised = bool(self.config.loss.l1 or self.config.loss.l2)
        first = self.step
        losses = history.reserve(first + n)
        if decay:  # the chunk's rates in one vectorised call (the base rate cannot change inside a chunk)
            rates = decayed_lr(self.base_lr, np.arange(first, first + n), cfg, self.net.dtype)
        for i in range(first, first + n):
            bp = passes.get((i * B) % n_samples) or self._pass_for(i)
            if decay:
                opt.lr[()] = rates[i - first]
            if scalar_work:
                opt.before_update()
            if ema is not None:
                ema.prepare(i + 1)
            if regularised:  # of the weights this update starts from
                reg = bp.regularisation_loss()
            loss = bp.run_step() / bp.divisor
            if regularised:
                loss = loss + reg
            if scalar_work:
                opt.after_update()
            losses[i] = loss
            if not isfinite(loss) or i % log_every == 0:
                self._after_step_checks(i, bp, loss)
        self.step = first + n
        history.set_length(self.step)
        self.last_pass = bp if n else self.last_pass

    def _after_step_checks(self, i: int, bp: BatchPass, loss) -> None:
        self.step = i + 1
        self.history.set_length(i + 1)
        self.last_pass = bp
        if not math.isfinite(loss):
            self._diverged(i, loss)
        full = self._full.run_forward()
        self.history.logged[i] = float(full)
        if not math.isfinite(full):
            self._diverged(i, full)
        if self._test is not None:
            self.history.test_logged[i] = float(self._test_loss())
        if self.dataset.n_classes:  # from the outputs the passes just computed
            self.history.accuracy_logged[i] = (self._pass_accuracy(self._full, 0),
                                               None if self._test is None else
                                               self._pass_accuracy(self._test, self.n_samples))

    def _pass_accuracy(self, bp: BatchPass, first: int) -> float:
        labels = self.dataset.Y[first:first + bp.n]
        return accuracy(self.config.loss.loss, self.loss_kind.predict(bp.layers[-1].a), labels,
                        self.dataset.n_classes)

    def _diverged(self, step: int, loss) -> None:
        """Undo the update that met a non-finite loss, and the one before if it broke the weights."""
        kept = step
        self.rewind(kept)
        if not np.isfinite(self.params).all() and kept > 0:
            kept -= 1
            self.rewind(kept)
        raise Diverged(step, float(loss), kept)

    def full_loss(self):
        """The training objective on all samples (regularisation included), as the tutorial logs it."""
        with np.errstate(all="ignore"):
            return self._full.run_forward()

    def _test_loss(self):
        for f, args in self._test.forward_ops:
            f(*args)
        return self._test.data_loss()

    def test_loss(self) -> float | None:
        """The data loss on the held-out points (no regularisation), None without a test split."""
        if self._test is None:
            return None
        with np.errstate(all="ignore"):
            return float(self._test_loss())

    @property
    def effective_config(self) -> RunConfig:
        """The configuration this run uses now: `config` with the current base learning rate."""
        cached = self._effective
        if cached is None or cached[0] is not self.config or cached[1] != self.base_lr:
            effective = self.config if self.config.optimizer.lr == self.base_lr else \
                self.config.replace(lr=self.base_lr)
            cached = self._effective = (self.config, self.base_lr, effective)
        return cached[2]

    @property
    def log_every(self) -> int:
        return self.config.schedule.log_every

    def set_schedule(self, **changes) -> None:
        """Change `steps` (the target) or `log_every` of this run, validated; the history is kept."""
        if set(changes) - {"steps", "log_every"}:
            raise ValueError(f"only steps and log_every can change during a run, not {sorted(changes)}")
        self.config = self.config.replace(**changes)

    # -- live edits -----------------------------------------------------------------
    def set_lr(self, lr: float) -> None:
        """Change the base learning rate from the next update on (recorded for replay)."""
        self.timeline.edited(self.step)
        self._apply(Edit(self.step, "lr", float(lr)))

    def set_weight(self, name: str, index: tuple[int, ...], value: float) -> None:
        self.timeline.edited(self.step)
        self._apply(Edit(self.step, "weight", float(value), name, tuple(index)))

    def _apply(self, edit: Edit, record: bool = True) -> None:
        if edit.kind == "lr":
            self.base_lr = edit.value
            self.optimizer.lr[()] = decayed_lr(edit.value, self.step, self.config.optimizer, self.net.dtype)
        else:
            self.net.view(self.params, edit.name)[edit.index] = edit.value
        if record:
            self.edits.append(edit)

    # -- checkpoints, rewind, state -------------------------------------------------
    def _capture(self) -> dict:
        return {
            "step": self.step,
            "params": self.params.copy(),
            "optimizer": self.optimizer.state(),
            "ema": None if self.ema is None else self.ema.shadow.copy(),
            "base_lr": self.base_lr,
        }

    def _restore(self, snap: dict) -> None:
        self.step = snap["step"]
        self.params[...] = snap["params"]
        self.optimizer.load_state(snap["optimizer"])
        if self.ema is not None:
            self.ema.shadow[...] = snap["ema"]
        self.base_lr = snap["base_lr"]
        self.optimizer.lr[()] = decayed_lr(self.base_lr, self.step, self.config.optimizer, self.net.dtype)

    def _checkpoint(self) -> None:
        self._checkpoints[self.step] = self._capture()
        if len(self._checkpoints) > self.max_checkpoints:
            self._checkpoint_every *= 2
            self._checkpoints = {s: c for s, c in self._checkpoints.items() if s % self._checkpoint_every == 0}

    def rewind(self, step: int) -> None:
        """Return to the state after `step` updates (and the edits made there), by replay.

        Replay starts from a checkpoint strictly before `step`, so that the buffers of the
        last update (what the inspector shows) belong to update `step - 1`."""
        if not 0 <= step <= self.step:
            raise ValueError(f"can only rewind to a step between 0 and {self.step}, got {step}")
        start = max(s for s in self._checkpoints if s < step or s == 0)
        edits = [e for e in self.edits if e.step <= step]
        self._restore(self._checkpoints[start])
        self._checkpoints = {s: c for s, c in self._checkpoints.items() if s <= step}
        self.history.truncate(start)
        self.last_pass = None
        self.grads[...] = 0  # no update has run yet from here
        with np.errstate(all="ignore"):
            for stop_at in sorted({e.step for e in edits if e.step >= start} | {step}):
                self._run_chunk(stop_at - self.step)
                for edit in edits:
                    if edit.step == stop_at:
                        self._apply(edit, record=False)
        self.edits = edits

    def reset(self) -> None:
        """Back to the initial weights, forgetting the history and every edit."""
        self._checkpoint_every = 64
        self._checkpoints = {0: self._checkpoints[0]}
        self._restore(self._checkpoints[0])
        self.history.truncate(0)
        self.edits = []
        self.timeline.clear()
        self.last_pass = None
        self.grads[...] = 0

    def state(self) -> dict:
        """Everything needed to continue this run exactly (see `Trainer.from_state`)."""
        return {
            "config": self.config.to_dict(),
            "current": self._capture(),
            "initial_params": self.initial_params.copy(),
            "history": self.history.state(),
            "edits": [dict(step=e.step, kind=e.kind, value=e.value, name=e.name, index=list(e.index))
                      for e in self.edits],
            "checkpoints": [self._checkpoints[s] for s in sorted(self._checkpoints)],
            "checkpoint_every": self._checkpoint_every,
        }

    @classmethod
    def from_state(cls, state: dict, dtype=np.float32) -> Trainer:
        trainer = cls(RunConfig.from_dict(state["config"]), dtype)
        trainer.initial_params[...] = state["initial_params"]
        trainer._restore(state["current"])
        trainer.history = LossHistory.from_state(state["history"])
        trainer.edits = [Edit(e["step"], e["kind"], e["value"], e["name"], tuple(e["index"]))
                         for e in state["edits"]]
        trainer._checkpoints = {c["step"]: c for c in state["checkpoints"]}
        trainer._checkpoint_every = state["checkpoint_every"]
        return trainer

    # -- read-outs ------------------------------------------------------------------
    def weights(self, flat: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Copies of the named weights (w1.., b1..) of `flat` (default: the current parameters)."""
        src = self.params if flat is None else flat
        return {name: v.copy() for name, v in self.net.views(src).items()}

    def ema_weights(self) -> dict[str, np.ndarray] | None:
        return None if self.ema is None else self.weights(self.ema.shadow)

    def gradients(self) -> dict[str, np.ndarray]:
        """dL/dW and dL/db of the last update (regularisation included)."""
        return self.weights(self.grads)

    def optimizer_state(self) -> dict[str, dict[str, np.ndarray] | np.ndarray]:
        out: dict = {}
        for slot, buf in self.optimizer.slot_buffers.items():
            out[slot] = self.weights(buf)
        return out

    def output(self, X: np.ndarray, flat: np.ndarray | None = None) -> np.ndarray:
        """The network's prediction at points X (n, 2): a probability-like value with 0.5 as the boundary
        (one column per class for softmax-ce), or the predicted number for a regression."""
        return network_output(self.net, self.config, self.params if flat is None else flat, X)

    def predict_features(self, inputs: np.ndarray, flat: np.ndarray | None = None) -> np.ndarray:
        """As `output`, for the network's own inputs (e.g. `trainer.X`)."""
        return self.loss_kind.predict(self.net.predict(self.params if flat is None else flat, inputs))

    def features(self, X: np.ndarray) -> np.ndarray:
        """The network's inputs at points X (n, 2)."""
        return compute_features(self.config.model.features, np.asarray(X), self.net.dtype)

    def accuracy(self, flat: np.ndarray | None = None) -> float | None:
        """Share of the training points classified right; None for a regression."""
        return accuracy(self.config.loss.loss, self.predict_features(self.X, flat), self.dataset.Y[:self.n_samples],
                        self.dataset.n_classes)

    def test_accuracy(self, flat: np.ndarray | None = None) -> float | None:
        """Share of the held-out points classified right; None for a regression or without a test split."""
        if not self.n_test:
            return None
        return accuracy(self.config.loss.loss, self.predict_features(self.X_test, flat),
                        self.dataset.Y[self.n_samples:], self.dataset.n_classes)


def network_output(net: Network, config: RunConfig, flat: np.ndarray, X: np.ndarray) -> np.ndarray:
    """What the network of parameters `flat` says about points X (n, 2), through the run's features:
    probabilities for the cross-entropies, else its output."""
    inputs = compute_features(config.model.features, np.asarray(X), net.dtype)
    return LOSSES[config.loss.loss].predict(net.predict(flat, inputs))


def dataset_for(config: RunConfig) -> Dataset:
    """The points a run trains on: imported ones, or the data set generated."""
    d = config.data
    if d.points is not None:
        return from_arrays("data", *point_arrays(d.points))
    return make_dataset(d.dataset, d.samples, d.data_seed, d.noise)


def network_for(config: RunConfig, dataset: Dataset, dtype=np.float32) -> Network:
    """The network of a run on this data: one output, or one per class for softmax-ce."""
    outputs = LOSSES[config.loss.loss].outputs(dataset.n_classes)
    return Network.for_data(config.model, dataset.name, dtype, n_outputs=outputs)
