"""Where each number of one update comes from: the step inspector's data.

`record_step` runs one ordinary update through the trainer (the same code path as
`Trainer.run`) and copies out what the engine's own buffers held along the way, so the
inspector can never disagree with training.  `gradient_check` and `sample_table` are
independent checks and read-outs built on the same network code.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .backprop import BatchPass
from .optimizers import OPTIMIZERS
from .trainer import Trainer, network_for

PHASES = ("forward", "loss", "backward", "update")


@dataclass
class LayerRecord:
    index: int  # 1-based
    activation: str
    inputs: np.ndarray  # the layer's input a_{i-1} for the batch
    z: np.ndarray  # pre-activation  x·W (+ b)
    a: np.ndarray  # activation (the output y for the last layer)
    grad_a: np.ndarray  # ∂L/∂a
    grad_z: np.ndarray  # ∂L/∂z
    grad_w: np.ndarray  # ∂L/∂W (regularisation included)
    grad_b: np.ndarray | None


@dataclass
class UpdateRecord:
    step: int  # 0-based index of the update
    rows: np.ndarray  # sample indices of the batch
    x: np.ndarray
    y_true: np.ndarray
    layers: list[LayerRecord]
    sample_losses: np.ndarray  # each sample's loss term
    loss: float  # batch objective (mean + regularisation), as recorded in the history
    grad_y: np.ndarray  # ∂L/∂y, the error signal entering backprop
    optimizer: str
    lr: float  # learning rate used by this update (after decay)
    lr_t: float  # the step size multiplying the direction (Adam's bias-corrected lr_t; else lr)
    before: dict[str, np.ndarray]
    after: dict[str, np.ndarray]
    slots_before: dict[str, dict[str, np.ndarray]]
    slots_after: dict[str, dict[str, np.ndarray]]
    hyper: dict[str, float] = field(default_factory=dict)

    @property
    def delta(self) -> dict[str, np.ndarray]:
        """ΔW = new − old, per parameter."""
        return {k: self.after[k] - self.before[k] for k in self.after}


def record_step(trainer: Trainer) -> UpdateRecord:
    """Run exactly one update and return everything it computed (a kept future's edits at the new
    step are re-applied after the update's results were copied)."""
    step = trainer.step
    before = trainer.weights()
    slots_before = trainer.optimizer_state()
    lr = trainer.current_lr()
    trainer.run(1, replay_at_end=False)
    lr_t = float(getattr(trainer.optimizer, "lr_t", lr))  # Adam keeps the value it just used
    bp: BatchPass = trainer.last_pass
    net = trainer.net
    layers = []
    for i, buf in enumerate(bp.layers, 1):
        g_w, g_b = net.layer(trainer.grads, i)
        act = "linear" if i == net.n_layers else net.activation
        layers.append(LayerRecord(
            index=i, activation=act,
            inputs=(bp.x if i == 1 else bp.layers[i - 2].a).copy(),
            z=buf.z.copy(), a=buf.a.copy(), grad_a=buf.grad_a.copy(), grad_z=buf.grad_z.copy(),
            grad_w=g_w.copy(), grad_b=None if g_b is None else g_b.copy()))
    o = trainer.config.optimizer
    record = UpdateRecord(
        step=step, rows=np.arange(bp.rows.start, bp.rows.stop), x=bp.x.copy(), y_true=bp.y_true.copy(),
        layers=layers, sample_losses=bp.sample_losses().ravel().copy(),
        loss=float(trainer.history.batch_losses()[step]), grad_y=bp.layers[-1].grad_a.copy(),
        optimizer=o.optimizer, lr=lr, lr_t=lr_t, before=before, after=trainer.weights(),
        slots_before=slots_before, slots_after=trainer.optimizer_state(),
        hyper={name: getattr(o, name) for name in OPTIMIZERS[o.optimizer].hyperparameters})
    trainer.replay_due_edits()
    return record


def gradient_check(trainer: Trainer, eps: float = 1e-6) -> dict[str, float]:
    """Backprop gradients of the next batch vs central finite differences, in float64.

    Returns the relative error ‖g − fd‖ / max(‖g‖ + ‖fd‖, tiny) per parameter matrix."""
    net64 = network_for(trainer.config, trainer.dataset, np.float64)
    params = trainer.params.astype(np.float64)
    grads = net64.new_buffer()
    X, Y = trainer.X.astype(np.float64), trainer.Y.astype(np.float64)
    lc = trainer.config.loss
    bp = BatchPass(net64, X, Y, trainer.batch_rows(trainer.step), params, grads, lc.loss, lc.l1, lc.l2,
                   hyper=trainer.loss_hyper())
    with np.errstate(all="ignore"):
        bp.run_forward()
        for f, args in bp.backward_ops:
            f(*args)
        fd = np.empty_like(params)
        for k in range(params.size):
            keep = params[k]
            params[k] = keep + eps
            up = float(bp.run_forward())
            params[k] = keep - eps
            down = float(bp.run_forward())
            params[k] = keep
            fd[k] = (up - down) / (2 * eps)
    out = {}
    for name in net64.names:
        g, f = net64.view(grads, name), net64.view(fd, name)
        out[name] = float(np.linalg.norm(g - f) / max(np.linalg.norm(g) + np.linalg.norm(f), 1e-30))
    return out


@dataclass
class SampleTable:
    x: np.ndarray  # (n, 2)
    label: np.ndarray  # (n,)
    prediction: np.ndarray  # (n,) the network's output (probability for sigmoid-ce)
    loss: np.ndarray  # (n,) each sample's loss term
    in_batch: np.ndarray  # (n,) bool: in the next update's batch
    share: np.ndarray  # (n,) share of the batch's data gradient (sums to 1 over the batch; 0 outside)


def sample_table(trainer: Trainer) -> SampleTable:
    """Every sample with its prediction, loss, and share of the next batch's gradient.

    The share of sample i is gᵢ·G / ‖G‖², where gᵢ is its own gradient term and G the batch
    gradient (their mean): the shares add up to 1, and a negative share pulls against the batch."""
    lc = trainer.config.loss
    net, X, Y = trainer.net, trainer.X, trainer.Y
    params = trainer.params.copy()
    hyper = trainer.loss_hyper()
    whole = BatchPass(net, X, Y, slice(None), params, net.new_buffer(), lc.loss, 0.0, 0.0,
                      with_backward=False, hyper=hyper)
    with np.errstate(all="ignore"):
        whole.run_forward()
        losses = whole.sample_losses().ravel().copy()
        prediction = trainer.predict_features(X, params)
        labels = trainer.dataset.Y[:trainer.n_samples, 0]
        if prediction.shape[1] > 1:  # one output per class: the probability given to the sample's own class
            prediction = prediction[np.arange(len(labels)), labels.astype(np.intp)]
        prediction = prediction.ravel()
        rows = trainer.batch_rows(trainer.step)
        per_sample = []
        for i in range(rows.start, rows.stop):
            g = net.new_buffer()
            one = BatchPass(net, X, Y, slice(i, i + 1), params, g, lc.loss, 0.0, 0.0, hyper=hyper)
            one.run_forward()
            for f, args in one.backward_ops:
                f(*args)
            per_sample.append(g.astype(np.float64))
    G = np.mean(per_sample, axis=0)
    # measured in units of G's largest entry, so that gradients near float32's limit do not square to inf
    scale = float(np.abs(G).max()) if G.size else 0.0
    G = G / scale if np.isfinite(scale) and scale > 0 else np.zeros_like(G)
    norm2 = float(G @ G)
    share = np.zeros(X.shape[0])
    for i, g in zip(range(rows.start, rows.stop), per_sample):
        share[i] = (g / scale @ G) / len(per_sample) / norm2 if norm2 > 0 else 1 / len(per_sample)
    in_batch = np.zeros(X.shape[0], bool)
    in_batch[rows] = True
    return SampleTable(x=trainer.dataset.X64[:trainer.n_samples].copy(), label=labels.copy(), prediction=prediction,
                       loss=losses, in_batch=in_batch, share=share)


@dataclass(frozen=True)
class RunState:
    """What the inspection views show besides a record: the live weights, the last gradients, the
    optimizer's state."""

    step: int
    weights: dict[str, np.ndarray]
    gradients: dict[str, np.ndarray]
    slots: dict[str, dict[str, np.ndarray]]
    lr_t: float | None  # Adam's bias-corrected step size of the last update; None for the others
    optimizer: str


@dataclass(frozen=True)
class RecordedStep:
    """One update with everything it computed, the sample table of its batch, and the state after it."""

    record: UpdateRecord
    table: SampleTable
    state: RunState


def read_state(trainer: Trainer) -> RunState:
    lr_t = getattr(trainer.optimizer, "lr_t", None)
    return RunState(step=trainer.step, weights=trainer.weights(), gradients=trainer.gradients(),
                    slots=trainer.optimizer_state(), lr_t=None if lr_t is None else float(lr_t),
                    optimizer=trainer.config.optimizer.optimizer)


def recorded_step(trainer: Trainer) -> RecordedStep:
    """One ordinary update, recorded (see `record_step`); the sample table is of the same batch.
    Raises Diverged as `Trainer.run` does."""
    table = sample_table(trainer)
    record = record_step(trainer)
    return RecordedStep(record, table, read_state(trainer))
