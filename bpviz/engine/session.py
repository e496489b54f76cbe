"""Save a run and continue it later, bit for bit: one `.npz` file, NumPy only, no pickle.

Layout (every entry a plain array; read with `np.load(path, allow_pickle=False)`):

* `bpviz_session` — a 0-d string array holding JSON: the format marker
  (`"format": "bpviz-session"`), the format `version`, the run configuration (as started, and
  `effective_config` as it is now), the step,
  the base learning rate, the user's edits, and the step and base rate of every checkpoint.
* `initial_params`, `params`, `ema` (with EMA), `opt.<slot>` (optimizer state, e.g. Adam's
  `m`, `v`, `beta1_power`) — the state after `step` updates, parameters flat as the engine
  keeps them (all weight matrices, then all biases).
* `batch_loss`, `logged_steps`, `logged_loss` — the whole loss history.
* `ckpt.params`, `ckpt.ema`, `ckpt.opt.<slot>` — the checkpoints, stacked on a first axis.

`Trainer.from_state` does the restoring; this module only converts to and from arrays
and refuses anything that is not a complete session of a format it knows.
"""
from __future__ import annotations

import json
import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .. import __version__
from ..atomic import write_npz
from .config import ConfigError, RunConfig
from .network import Network
from .optimizers import OPTIMIZERS

SESSION_FORMAT = "bpviz-session"
SESSION_VERSION = 1
MARKER = "bpviz_session"
SUFFIX = ".npz"


class SessionError(ValueError):
    """A session file cannot be read; the message says which file and why, in one line."""


def session_arrays(trainer) -> dict[str, np.ndarray]:
    """The entries of a session file for `trainer` (see the module docstring)."""
    state = trainer.state()
    current = state["current"]
    checkpoints = state["checkpoints"]
    meta = {
        "format": SESSION_FORMAT,
        "version": SESSION_VERSION,
        "bpviz": __version__,
        "config": state["config"],  # as the run started (its replay needs it)
        "effective_config": trainer.effective_config.to_dict(),  # what the run uses now: the current rate
        "step": current["step"],
        "base_lr": current["base_lr"],
        "edits": state["edits"],
        "checkpoint_every": state["checkpoint_every"],
        "checkpoints": [{"step": c["step"], "base_lr": c["base_lr"]} for c in checkpoints],
        "optimizer_state": sorted(current["optimizer"]),
        "ema": current["ema"] is not None,
    }
    arrays = {
        MARKER: np.array(json.dumps(meta)),
        "initial_params": state["initial_params"],
        "params": current["params"],
        "batch_loss": state["history"]["batch_loss"],
        "logged_steps": state["history"]["logged_steps"],
        "logged_loss": state["history"]["logged_loss"],
        "ckpt.params": np.stack([c["params"] for c in checkpoints]),
    }
    for key, value in current["optimizer"].items():
        arrays[f"opt.{key}"] = np.asarray(value)
        arrays[f"ckpt.opt.{key}"] = np.stack([np.asarray(c["optimizer"][key]) for c in checkpoints])
    if current["ema"] is not None:
        arrays["ema"] = current["ema"]
        arrays["ckpt.ema"] = np.stack([c["ema"] for c in checkpoints])
    return arrays


def save_session(trainer, path: str | os.PathLike) -> None:
    """Write everything needed to continue `trainer` exactly, atomically (raises WriteError)."""
    write_npz(path, session_arrays(trainer))


# -- reading ------------------------------------------------------------------------------

_READ_ERRORS = (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError, EOFError,
                zipfile.BadZipFile, zlib.error, UnicodeDecodeError)


def load_session(path: str | os.PathLike, dtype=np.float32):
    """The `Trainer` saved in `path`, ready to continue; raises SessionError for anything else."""
    from .trainer import Trainer  # the trainer imports nothing from here; keep it that way

    path = Path(path)
    arrays = _read_npz(path)
    state = _state_from_arrays(path, arrays, np.dtype(dtype))
    try:
        return Trainer.from_state(state, dtype)
    except (ConfigError, *_READ_ERRORS) as exc:
        raise SessionError(f"{path}: damaged session file ({exc})") from None


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    if not path.exists():
        raise SessionError(f"{path}: no such file")
    if path.is_dir():
        raise SessionError(f"{path}: is a directory, not a session file")
    try:
        is_zip = zipfile.is_zipfile(path)
    except OSError as exc:
        raise SessionError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not is_zip:
        raise SessionError(f"{path}: not a bpviz session (not a complete .npz file: "
                           "some other kind of file, or truncated)")
    try:
        with np.load(path, allow_pickle=False) as npz:
            names = set(npz.files)
            if MARKER not in names:
                if "bpviz_weights" in names:
                    raise SessionError(f"{path}: is a bpviz weights export (--export-weights), not a session; "
                                       "save sessions with --save-session")
                raise SessionError(f"{path}: not a bpviz session (an .npz without the {MARKER!r} entry)")
            return {name: npz[name] for name in names}
    except SessionError:
        raise
    except _READ_ERRORS as exc:
        raise SessionError(f"{path}: damaged session file ({exc})") from None


def _state_from_arrays(path: Path, arrays: dict[str, np.ndarray], dtype=np.dtype(np.float32)) -> dict:
    """Check the file against its own configuration and build `Trainer.state()`'s dict."""

    def damaged(why: str) -> SessionError:
        return SessionError(f"{path}: damaged session file ({why})")

    try:
        marker = arrays[MARKER]
        if marker.dtype.kind != "U" or marker.ndim != 0:
            raise damaged(f"{MARKER} is not a JSON string")
        meta = json.loads(str(marker))
    except json.JSONDecodeError as exc:
        raise damaged(f"{MARKER} is not valid JSON: {exc.msg}") from None
    if not isinstance(meta, dict) or meta.get("format") != SESSION_FORMAT:
        raise SessionError(f"{path}: not a bpviz session (its {MARKER!r} entry has no "
                           f"\"format\": \"{SESSION_FORMAT}\")")
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise damaged(f"format version {version!r}")
    if version > SESSION_VERSION:
        raise SessionError(f"{path}: written by a newer bpviz ({meta.get('bpviz', '?')}; session format "
                           f"{version}, this bpviz {__version__} reads up to format {SESSION_VERSION}); "
                           "upgrade bpviz to open it")
    try:
        config = RunConfig.from_dict(meta["config"])
        step = _int(meta["step"], "step")
        if step < 0:
            raise damaged(f"step {step}")
        net = Network(config.model, dtype)
        opt_keys = _optimizer_keys(config, net)
        if sorted(meta["optimizer_state"]) != sorted(opt_keys):
            raise damaged(f"optimizer state {meta['optimizer_state']} does not match {config.optimizer.optimizer}")
        has_ema = config.optimizer.ema is not None
        if bool(meta["ema"]) != has_ema:
            raise damaged("EMA state does not match the configuration")
        ckpt_meta = meta["checkpoints"]
        k = len(ckpt_meta)
        ckpt_steps = [_int(c["step"], "checkpoint step") for c in ckpt_meta]
        if k == 0 or ckpt_steps[0] != 0 or ckpt_steps != sorted(set(ckpt_steps)) or ckpt_steps[-1] > step:
            raise damaged(f"checkpoint steps {ckpt_steps[:5]}...")

        def get(name, shape, kind="f"):
            if name not in arrays:
                raise damaged(f"entry {name!r} is missing")
            a = arrays[name]
            if a.dtype.kind != kind or (kind == "f" and a.dtype != net.dtype) or a.shape != tuple(shape):
                raise damaged(f"entry {name!r} is {a.dtype}{list(a.shape)}, expected "
                              f"{net.dtype if kind == 'f' else 'int'}{list(shape)}")
            return a

        n_logged = arrays.get("logged_steps", np.empty(0)).shape[:1]
        logged_steps = get("logged_steps", n_logged, "i")
        if logged_steps.size and (logged_steps.min() < 0 or logged_steps.max() >= step):
            raise damaged("logged steps outside the run")
        current = {
            "step": step,
            "params": get("params", (net.size,)),
            "optimizer": {key: get(f"opt.{key}", shape) for key, shape in opt_keys.items()},
            "ema": get("ema", (net.size,)) if has_ema else None,
            "base_lr": _float(meta["base_lr"], "base_lr"),
        }
        ckpt_params = get("ckpt.params", (k, net.size))
        ckpt_opt = {key: get(f"ckpt.opt.{key}", (k, *shape)) for key, shape in opt_keys.items()}
        ckpt_ema = get("ckpt.ema", (k, net.size)) if has_ema else None
        checkpoints = [{
            "step": ckpt_steps[j],
            "params": ckpt_params[j].copy(),
            "optimizer": {key: ckpt_opt[key][j].copy() for key in opt_keys},
            "ema": None if ckpt_ema is None else ckpt_ema[j].copy(),
            "base_lr": _float(ckpt_meta[j]["base_lr"], "checkpoint base_lr"),
        } for j in range(k)]
        edits = [_edit(e, net, step) for e in meta["edits"]]
        checkpoint_every = _int(meta["checkpoint_every"], "checkpoint_every")
        if checkpoint_every < 1:
            raise damaged(f"checkpoint_every {checkpoint_every}")
        return {
            "config": config.to_dict(),
            "current": current,
            "initial_params": get("initial_params", (net.size,)),
            "history": {
                "batch_loss": get("batch_loss", (step,)),
                "logged_steps": logged_steps,
                "logged_loss": get("logged_loss", logged_steps.shape),
            },
            "edits": edits,
            "checkpoints": checkpoints,
            "checkpoint_every": checkpoint_every,
        }
    except SessionError:
        raise
    except ConfigError as exc:
        raise damaged(f"configuration: {exc}") from None
    except _READ_ERRORS as exc:
        raise damaged(f"{type(exc).__name__}: {exc}") from None


def _optimizer_keys(config: RunConfig, net: Network) -> dict[str, tuple[int, ...]]:
    """Names and shapes of the optimizer's state, from a throwaway optimizer of this config."""
    params = net.new_buffer()
    state = OPTIMIZERS[config.optimizer.optimizer](config.optimizer, params, net.new_buffer()).state()
    return {key: np.shape(value) for key, value in state.items()}


def _int(value, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{what} is {value!r}, not an integer")
    return value


def _float(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} is {value!r}, not a number")
    return float(value)


def _edit(raw: dict, net: Network, step: int) -> dict:
    kind = raw["kind"]
    edit = {"step": _int(raw["step"], "edit step"), "kind": kind, "value": _float(raw["value"], "edit value"),
            "name": str(raw.get("name", "")), "index": [_int(i, "edit index") for i in raw.get("index", [])]}
    if not 0 <= edit["step"] <= step:
        raise ValueError(f"edit at step {edit['step']} outside the run")
    if kind == "weight":
        if edit["name"] not in net.names:
            raise ValueError(f"edit of unknown weight {edit['name']!r}")
        shape = net.view(net.new_buffer(), edit["name"]).shape
        if len(edit["index"]) != len(shape) or not all(0 <= i < s for i, s in zip(edit["index"], shape)):
            raise ValueError(f"edit index {edit['index']} outside {edit['name']}{list(shape)}")
    elif kind != "lr":
        raise ValueError(f"unknown edit kind {kind!r}")
    return edit
