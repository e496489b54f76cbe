"""A run described in words, one way for every place that shows it: the loss figure's title, the exported
scripts' docstrings, and the network's shape in the window's title (whose other words are translated)."""
from __future__ import annotations

from .config import RunConfig
from .datasets import size_and_seed
from .network import N_INPUTS, N_OUTPUTS
from .optimizers import OPTIMIZERS


def network_shape(config: RunConfig) -> str:
    """The layer sizes, inputs first: "2-3-1" for the tutorial's network."""
    return "-".join(map(str, [N_INPUTS, *config.model.hidden, N_OUTPUTS]))


def summary_line(config: RunConfig) -> str:
    """The run on one line: "2-3-1 linear + bias, mse, gd lr 0.1, batch 32, data seed"."""
    m, o = config.model, config.optimizer
    return ", ".join([
        f"{network_shape(config)} {m.activation}" + (" + bias" if m.bias else ""),
        config.loss.loss,
        f"{o.optimizer} lr {o.lr!r}" + (f" decay {o.lr_decay:g}/{o.decay_steps}" if o.lr_decay else ""),
        f"batch {config.schedule.batch_size}",
        f"data {config.data.dataset}",
    ])


def describe(config: RunConfig) -> list[str]:
    """The run in a few plain lines (the scripts' docstrings)."""
    d, m, lc, o, s = config.data, config.model, config.loss, config.optimizer, config.schedule
    n, seed = size_and_seed(d.dataset, d.samples, d.data_seed)
    return [
        f"data: {d.dataset}, {n} samples, data seed {seed}" + (f", noise {d.noise:g}" if d.noise else ""),
        f"network: {network_shape(config)}, {m.activation} hidden layers, "
        + ("with biases" if m.bias else "no biases")
        + f", initial weights random_normal(stddev={m.init_stddev:g}, seed={m.init_seed})",
        f"loss: {lc.loss}" + (f", L2 {lc.l2:g}" if lc.l2 else "") + (f", L1 {lc.l1:g}" if lc.l1 else ""),
        f"optimizer: {OPTIMIZERS[o.optimizer].describe(o)}, learning rate {o.lr:g}"
        + (f", exponential decay {o.lr_decay:g} every {o.decay_steps} steps" + (" (staircase)" if o.staircase else "")
           if o.lr_decay is not None else "")
        + (f", moving average {o.ema:g}" if o.ema is not None else ""),
        f"schedule: {s.steps} steps, batches of {s.batch_size}, loss on all data every {s.log_every} steps",
    ]
