"""Engine-side exports: the loss table (CSV) and weights + history (.npz / JSON).

NumPy only — this module never imports Qt, so `bpviz train --export-loss run.csv` works
on a machine without a display or Qt libraries.  Every file is written atomically.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .. import __version__
from ..atomic import write_npz, write_text
from ..engine.schedules import decayed_lr
from ..engine.trainer import Trainer

WEIGHTS_FORMAT = "bpviz-weights"
WEIGHTS_VERSION = 1
CSV_HEADER = "step,batch_loss,full_loss,learning_rate"


def learning_rates(trainer: Trainer, n: int | None = None) -> np.ndarray:
    """The learning rate (float32) each of the first `n` updates (default: all done) used.

    Rebuilt from the configuration's rate and `exponential_decay` plus the recorded lr
    edits, with the engine's float32 arithmetic, so it is bit-identical to the rate the
    optimizer applied (for Adam: the rate before its bias correction `lr_t`).  An edit
    recorded at step s changes the base rate from update s on."""
    n = trainer.step if n is None else n
    cfg = trainer.config.optimizer
    steps = np.arange(n)
    edits = [e for e in trainer.edits if e.kind == "lr"]  # chronological, so steps do not decrease
    base = np.full(n, cfg.lr, np.float64)
    if edits:
        edit_steps = np.array([e.step for e in edits], np.int64)
        values = np.array([e.value for e in edits], np.float64)
        last = np.searchsorted(edit_steps, steps, side="right") - 1  # last edit at or before each step
        base = np.where(last >= 0, values[np.maximum(last, 0)], base)
    return decayed_lr(base, steps, cfg, trainer.net.dtype)


def _f32_text(values) -> np.ndarray:
    """Shortest decimal text that reads back as the same float32 (as `bpviz train --json` writes)."""
    return np.asarray(values, np.float32).astype(str)


def loss_table(trainer: Trainer) -> str:
    """CSV text: a header, then `step,batch_loss,full_loss,learning_rate` for every update done.

    `full_loss` (the loss on all data right after the step) is empty where it was not logged."""
    batch = trainer.history.batch_losses()
    n = batch.shape[0]
    full = np.full(n, "", dtype=object)
    steps, values = trainer.history.logged_arrays()
    inside = steps < n
    full[steps[inside]] = _f32_text(values[inside])
    columns = (np.arange(n).astype(str), _f32_text(batch), full, _f32_text(learning_rates(trainer, n)))
    rows = [",".join(row) for row in zip(*columns)]
    return "\n".join([CSV_HEADER, *rows]) + "\n"


def write_loss_csv(trainer: Trainer, path) -> None:
    write_text(path, loss_table(trainer))


# -- weights and history ----------------------------------------------------------------

def weights_record(trainer: Trainer) -> tuple[dict, dict[str, np.ndarray]]:
    """(metadata, arrays) of a weights export: current, EMA, initial and checkpoint weights, the
    optimizer's state slots now (`optimizer_<slot>_<weight>`, e.g. RMSProp's `optimizer_rms_w1`),
    every step's batch loss and learning rate, the logged full-data losses."""
    state = trainer.state()
    names = list(trainer.weights())
    arrays: dict[str, np.ndarray] = {}
    for name, value in trainer.weights().items():
        arrays[name] = value
    if trainer.ema is not None:
        for name, value in trainer.ema_weights().items():
            arrays[f"ema_{name}"] = value
    for name, value in trainer.weights(trainer.initial_params).items():
        arrays[f"initial_{name}"] = value
    slots = trainer.optimizer_state()
    for slot, values in slots.items():
        for name, value in values.items():
            arrays[f"optimizer_{slot}_{name}"] = value
    checkpoints = state["checkpoints"]
    arrays["checkpoint_steps"] = np.array([c["step"] for c in checkpoints], np.int64)
    for name in names:
        arrays[f"checkpoint_{name}"] = np.stack([trainer.weights(c["params"])[name] for c in checkpoints])
        if trainer.ema is not None:
            arrays[f"checkpoint_ema_{name}"] = np.stack([trainer.weights(c["ema"])[name] for c in checkpoints])
    arrays["batch_loss"] = state["history"]["batch_loss"]
    arrays["learning_rate"] = learning_rates(trainer, arrays["batch_loss"].shape[0])
    arrays["logged_steps"] = state["history"]["logged_steps"]
    arrays["logged_loss"] = state["history"]["logged_loss"]
    meta = {
        "format": WEIGHTS_FORMAT,
        "version": WEIGHTS_VERSION,
        "bpviz": __version__,
        "step": trainer.step,
        "weight_names": names,
        "optimizer_slots": list(slots),
        "config": trainer.config.to_dict(),
        "edits": state["edits"],
    }
    return meta, arrays


def write_weights_npz(trainer: Trainer, path) -> None:
    """One .npz: the arrays of `weights_record` plus `bpviz_weights`, its metadata as a JSON string.

    Readable with `np.load(path)` (no pickle needed)."""
    meta, arrays = weights_record(trainer)
    arrays["bpviz_weights"] = np.array(json.dumps(meta))
    write_npz(path, arrays)


def json_numbers(a: np.ndarray):
    """Nested lists of floats whose decimal text reads back as the same float32."""
    a = np.asarray(a)
    if a.dtype.kind in "iu":
        return a.tolist()
    text = _f32_text(a)
    return np.vectorize(float, otypes=[object])(text).tolist() if a.ndim else float(text)


def weights_json(trainer: Trainer) -> str:
    meta, arrays = weights_record(trainer)
    names = meta["weight_names"]
    out = dict(meta)
    out["weights"] = {n: json_numbers(arrays[n]) for n in names}
    if trainer.ema is not None:
        out["ema_weights"] = {n: json_numbers(arrays[f"ema_{n}"]) for n in names}
    out["initial_weights"] = {n: json_numbers(arrays[f"initial_{n}"]) for n in names}
    out["optimizer_state"] = {slot: {n: json_numbers(arrays[f"optimizer_{slot}_{n}"]) for n in names}
                              for slot in meta["optimizer_slots"]}
    out["history"] = {
        "batch_loss": json_numbers(arrays["batch_loss"]),
        "learning_rate": json_numbers(arrays["learning_rate"]),
        "logged_steps": json_numbers(arrays["logged_steps"]),
        "logged_loss": json_numbers(arrays["logged_loss"]),
    }
    checkpoints = []
    for k, step in enumerate(arrays["checkpoint_steps"].tolist()):
        entry = {"step": step, "weights": {n: json_numbers(arrays[f"checkpoint_{n}"][k]) for n in names}}
        if trainer.ema is not None:
            entry["ema_weights"] = {n: json_numbers(arrays[f"checkpoint_ema_{n}"][k]) for n in names}
        checkpoints.append(entry)
    out["checkpoints"] = checkpoints
    return json.dumps(out) + "\n"


def write_weights_json(trainer: Trainer, path) -> None:
    write_text(path, weights_json(trainer))


WEIGHT_WRITERS = {".npz": write_weights_npz, ".json": write_weights_json}


def write_weights(trainer: Trainer, path) -> None:
    """.npz or .json by the extension of `path`."""
    suffix = Path(path).suffix.lower()
    if suffix not in WEIGHT_WRITERS:
        raise ValueError(f"unknown weights format {suffix or '(no extension)'!r}: use .npz or .json")
    WEIGHT_WRITERS[suffix](trainer, path)
