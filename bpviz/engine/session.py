"""Save a run and continue it later, bit for bit: one `.npz` file, NumPy only, no pickle.

Layout (every entry a plain array; read with `np.load(path, allow_pickle=False)`):

* `bpviz_session` — a 0-d string array holding JSON: the format marker
  (`"format": "bpviz-session"`), the format `version`, the run configuration (as started, and
  `effective_config` as it is now), the step,
  the base learning rate, the user's edits, and the step and base rate of every checkpoint.
* `initial_params`, `params`, `ema` (with EMA), `opt.<slot>` (optimizer state, e.g. Adam's
  `m`, `v`, `beta1_power`) — the state after `step` updates, parameters flat as the engine
  keeps them (all weight matrices, then all biases).
* `batch_loss`, `logged_steps`, `logged_loss` — the whole loss history; with a test split also
  `test_logged_loss`, the held-out points' loss at the logged steps; for a classification (format 2 on)
  `logged_accuracy` and, with a test split, `test_logged_accuracy` at the same steps (NaN: not measured).
  Format 1 files, which have no accuracy, still open: the run has accuracy from its next logged step.
* `ckpt.params`, `ckpt.ema`, `ckpt.opt.<slot>` — the checkpoints, stacked on a first axis.

`Trainer.from_state` does the restoring; this module only converts to and from arrays
and refuses anything that is not a complete session of a format it knows.
"""
from __future__ import annotations

import json
import math
import os
import struct
import tokenize
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .. import __version__
from ..atomic import write_npz
from .config import MAX_STEPS, ConfigError, RunConfig
from .file_reading import UnreadableFile, one_line, open_regular_file, parse_json, short_repr
from .network import Network
from .optimizers import make_optimizer

SESSION_FORMAT = "bpviz-session"
SESSION_VERSION = 2  # 2: the accuracy at the logged steps
MARKER = "bpviz_session"
# entries of the history at the logged steps that a run may not have (no test split, a regression)
_OPTIONAL_HISTORY = ("test_logged_loss", "logged_accuracy", "test_logged_accuracy")
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
        **{key: state["history"][key] for key in _OPTIONAL_HISTORY if key in state["history"]},
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
#
# A session file may come from anywhere, so nothing in it is trusted before it is checked: the
# metadata (small, read first) says which entries must exist and their dtypes and shapes; each
# entry's .npy header is read from the zip stream and checked against that before any of its data
# is decompressed, and no more bytes are decompressed than the header announced.  Entries the
# metadata does not call for are ignored without being read.

MAX_SESSION_BYTES = 4 << 30  # on disk; what is decompressed is bounded by the metadata instead
MAX_META_CHARS = 16 << 20  # the configuration may hold 100,000 imported points (~4 M characters)
MAX_ZIP_DIRECTORY_BYTES = 1 << 20  # a session has a few dozen entries
_ZIP_MAGIC = b"PK\x03\x04"

# what zipfile, zlib and numpy's header parser raise for a damaged archive or entry
_ENTRY_ERRORS = (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError,
                 RuntimeError, OverflowError, SyntaxError, struct.error,
                 tokenize.TokenError)  # numpy re-tokenizes a header it cannot parse


def load_session(path: str | os.PathLike, dtype=np.float32):
    """The `Trainer` saved in `path`, ready to continue; raises SessionError (one line) for anything else."""
    from .trainer import Trainer  # the trainer imports nothing from here; keep it that way

    path = Path(path)
    try:
        file = open_regular_file(path, MAX_SESSION_BYTES)
    except UnreadableFile as exc:
        raise SessionError(str(exc)) from None
    with file:
        with _open_zip(path, file) as archive:
            state = _SessionReader(path, archive, np.dtype(dtype)).state()
    try:
        return Trainer.from_state(state, dtype)
    except (ConfigError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise SessionError(f"{path}: damaged session file ({one_line(exc)})") from None


def _open_zip(path: Path, file) -> zipfile.ZipFile:
    not_npz = SessionError(f"{path}: not a bpviz session (not a complete .npz file: "
                           "some other kind of file, or truncated)")
    try:
        if file.read(len(_ZIP_MAGIC)) != _ZIP_MAGIC:
            raise not_npz
        file.seek(0)
        # the central directory is read whole by zipfile: bound it first
        end = zipfile._EndRecData(file)  # noqa: SLF001 - the only way to see its size before reading it
        if end is None:
            raise not_npz
        if end[zipfile._ECD_SIZE] > MAX_ZIP_DIRECTORY_BYTES:  # noqa: SLF001
            raise SessionError(f"{path}: not a bpviz session (a zip with a "
                               f"{end[zipfile._ECD_SIZE]:,}-byte directory)")  # noqa: SLF001
        return zipfile.ZipFile(file)
    except SessionError:
        raise
    except _ENTRY_ERRORS:
        raise not_npz from None


class _SessionReader:
    def __init__(self, path: Path, archive: zipfile.ZipFile, dtype: np.dtype):
        self.path = path
        self.archive = archive
        self.dtype = dtype

    def damaged(self, why: str) -> SessionError:
        return SessionError(f"{self.path}: damaged session file ({why})")

    # -- entries -------------------------------------------------------------------------------
    def header(self, name: str) -> tuple[np.dtype, tuple[int, ...]] | None:
        """dtype and shape from the .npy header of entry `name`, or None if the archive has no such entry."""
        try:
            info = self.archive.getinfo(name + ".npy")
        except KeyError:
            return None
        try:
            with self.archive.open(info) as stream:
                dtype, shape, _fortran = _npy_header(stream)
        except SessionError:
            raise
        except _ENTRY_ERRORS as exc:
            raise self.damaged(f"entry {name!r}: {one_line(exc)}") from None
        return dtype, shape

    def array(self, name: str, dtype: np.dtype, shape: tuple[int, ...], finite: bool = True) -> np.ndarray:
        """Entry `name`, which must be exactly `dtype[shape]`; only then is its data decompressed."""
        try:
            info = self.archive.getinfo(name + ".npy")
        except KeyError:
            raise self.damaged(f"entry {name!r} is missing") from None
        try:
            with self.archive.open(info) as stream:
                found, found_shape, fortran = _npy_header(stream)
                if found != dtype or found_shape != tuple(shape):
                    raise self.damaged(f"entry {name!r} is {_describe(found)}{list(found_shape)}, "
                                       f"expected {_describe(dtype)}{list(shape)}")
                buffer = bytearray(int(np.prod(shape, dtype=np.int64)) * dtype.itemsize)
                view = memoryview(buffer)
                while view:
                    n = stream.readinto(view)
                    if not n:
                        raise self.damaged(f"entry {name!r} is cut short")
                    view = view[n:]
                if stream.read(1):
                    raise self.damaged(f"entry {name!r} holds more data than its header says")
        except SessionError:
            raise
        except _ENTRY_ERRORS as exc:
            raise self.damaged(f"entry {name!r}: {one_line(exc)}") from None
        a = np.frombuffer(buffer, dtype).reshape(shape, order="F" if fortran else "C")
        if finite and a.dtype.kind == "f" and not np.isfinite(a).all():
            raise self.damaged(f"entry {name!r} holds NaN or infinite values")
        return a

    def meta(self) -> dict:
        header = self.header(MARKER)
        if header is None:
            if self.header("bpviz_weights") is not None:
                raise SessionError(f"{self.path}: is a bpviz weights export (--export-weights), not a session; "
                                   "save sessions with --save-session")
            raise SessionError(f"{self.path}: not a bpviz session (an .npz without the {MARKER!r} entry)")
        dtype, shape = header
        if dtype.kind != "U" or shape != () or dtype.itemsize > 4 * MAX_META_CHARS:
            raise self.damaged(f"{MARKER} is not a JSON string of at most {MAX_META_CHARS:,} characters")
        text = str(self.array(MARKER, dtype, ())[()])
        try:
            meta = parse_json(text)
        except ValueError as exc:
            raise self.damaged(f"{MARKER}: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != SESSION_FORMAT:
            raise SessionError(f"{self.path}: not a bpviz session (its {MARKER!r} entry has no "
                               f"\"format\": \"{SESSION_FORMAT}\")")
        version = meta.get("version")
        if not _is_int(version) or version < 1:
            raise self.damaged(f"format version {short_repr(version)}")
        if version > SESSION_VERSION:
            raise SessionError(f"{self.path}: written by a newer bpviz ({short_repr(meta.get('bpviz', '?'))}; "
                               f"session format {version}, this bpviz {__version__} reads up to format "
                               f"{SESSION_VERSION}); upgrade bpviz to open it")
        return meta

    # -- the state ------------------------------------------------------------------------------
    def state(self) -> dict:
        """`Trainer.state()`'s dict, every value checked against the metadata and the config's ranges."""
        meta = self.meta()
        try:
            return self._state(meta)
        except SessionError:
            raise
        except ConfigError as exc:
            raise self.damaged(f"configuration: {one_line(exc)}") from None
        except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
            what = f"no {exc.args[0]!r} in its metadata" if isinstance(exc, KeyError) else one_line(exc)
            raise self.damaged(what) from None

    def _state(self, meta: dict) -> dict:
        from .trainer import checkpoint_limit, dataset_for, network_for

        config = RunConfig.from_dict(meta["config"])
        f = self.dtype
        step = _int(meta["step"], "step")
        if not 0 <= step <= MAX_STEPS:
            raise self.damaged(f"step {step} outside 0..{MAX_STEPS}")
        net = network_for(config, dataset_for(config), f)
        opt_shapes = _optimizer_slots(config, net)
        names = meta["optimizer_state"]
        if not isinstance(names, list) or sorted(map(str, names)) != sorted(opt_shapes):
            raise self.damaged(f"optimizer state {short_repr(names)} does not match {config.optimizer.optimizer}")
        has_ema = config.optimizer.ema is not None
        if meta["ema"] is not has_ema:
            raise self.damaged("EMA state does not match the configuration")
        ckpt_meta = meta["checkpoints"]
        # the trainer thins its checkpoints past this count, so a file with more is not one it wrote
        most = checkpoint_limit(f.itemsize * (net.size * (1 + has_ema) + sum(
            int(np.prod(shape)) for shape in opt_shapes.values()))) + 1
        if not isinstance(ckpt_meta, list) or not 1 <= len(ckpt_meta) <= most:
            raise self.damaged(f"{_count(ckpt_meta)} checkpoints (1 to {most} expected)")
        k = len(ckpt_meta)
        ckpt_steps = [_int(c["step"], "checkpoint step") for c in ckpt_meta]
        if ckpt_steps[0] != 0 or any(b <= a for a, b in zip(ckpt_steps, ckpt_steps[1:])) or ckpt_steps[-1] > step:
            raise self.damaged(f"checkpoint steps {ckpt_steps[:5]}{'...' if k > 5 else ''} are not 0 and then "
                               f"increasing up to step {step}")
        checkpoint_every = _int(meta["checkpoint_every"], "checkpoint_every")
        if not 1 <= checkpoint_every <= 2**62:
            raise self.damaged(f"checkpoint_every {checkpoint_every}")
        base_lr = self.rate(meta["base_lr"], config, "base_lr")
        ckpt_lrs = [self.rate(c["base_lr"], config, "checkpoint base_lr") for c in ckpt_meta]
        edits_meta = meta["edits"]
        if not isinstance(edits_meta, list):
            raise self.damaged("edits is not a list")
        edits = [self.edit(e, net, step, config) for e in edits_meta]

        # the data, smallest first, so that damage is found before the large entries are read
        n = (net.size,)
        current = {
            "step": step,
            "params": self.array("params", f, n),
            "optimizer": {key: self.array(f"opt.{key}", f, shape) for key, shape in opt_shapes.items()},
            "ema": self.array("ema", f, n) if has_ema else None,
            "base_lr": base_lr,
        }
        initial_params = self.array("initial_params", f, n)
        batch_loss = self.array("batch_loss", np.dtype(np.float32), (step,))
        logged_header = self.header("logged_steps")
        logged_dtype = np.dtype(np.int64)
        n_logged = logged_header[1][0] if logged_header and len(logged_header[1]) == 1 else 0
        if not 0 <= n_logged <= step:
            raise self.damaged(f"{n_logged} logged losses in a run of {step} steps")
        logged_steps = self.array("logged_steps", logged_dtype, (n_logged,))
        if n_logged and (logged_steps[0] < 0 or logged_steps[-1] >= step or (np.diff(logged_steps) <= 0).any()):
            raise self.damaged("logged steps outside the run or not increasing")
        logged_loss = self.array("logged_loss", np.dtype(np.float32), (n_logged,))
        ckpt_params = self.array("ckpt.params", f, (k, *n))
        ckpt_opt = {key: self.array(f"ckpt.opt.{key}", f, (k, *shape)) for key, shape in opt_shapes.items()}
        ckpt_ema = self.array("ckpt.ema", f, (k, *n)) if has_ema else None
        checkpoints = [{
            "step": ckpt_steps[j],
            "params": ckpt_params[j],
            "optimizer": {key: ckpt_opt[key][j] for key in opt_shapes},
            "ema": None if ckpt_ema is None else ckpt_ema[j],
            "base_lr": ckpt_lrs[j],
        } for j in range(k)]
        return {
            "config": config.to_dict(),
            "current": current,
            "initial_params": initial_params,
            "history": {"batch_loss": batch_loss, "logged_steps": logged_steps, "logged_loss": logged_loss,
                        **self.optional_history(n_logged)},
            "edits": edits,
            "checkpoints": checkpoints,
            "checkpoint_every": checkpoint_every,
        }

    def optional_history(self, n_logged: int) -> dict[str, np.ndarray]:
        """The test loss and the accuracies at the logged steps, those the file has (NaN: none there)."""
        out = {}
        for key in _OPTIONAL_HISTORY:
            if self.header(key) is not None:
                dtype = np.float32 if key == "test_logged_loss" else np.float64  # shares kept exactly
                out[key] = self.array(key, np.dtype(dtype), (n_logged,), finite=False)
        for key in ("logged_accuracy", "test_logged_accuracy"):
            if key in out and ((out[key] < 0) | (out[key] > 1)).any():  # NaN compares False: allowed
                raise self.damaged(f"entry {key!r} holds a share outside 0..1")
        return out

    def rate(self, value, config: RunConfig, what: str) -> float:
        """A learning rate, within the range the configuration allows for `lr`."""
        rate = _float(value, what)
        try:
            config.replace(lr=rate)
        except ConfigError as exc:
            raise self.damaged(f"{what}: {exc.message}") from None
        return rate

    def edit(self, raw, net: Network, step: int, config: RunConfig) -> dict:
        if not isinstance(raw, dict):
            raise self.damaged(f"edit {short_repr(raw)} is not an object")
        kind = raw["kind"]
        edit = {"step": _int(raw["step"], "edit step"), "kind": kind, "value": _float(raw["value"], "edit value"),
                "name": str(raw.get("name", "")), "index": [_int(i, "edit index") for i in raw.get("index", [])]}
        if not 0 <= edit["step"] <= step:
            raise self.damaged(f"edit at step {edit['step']} outside the run")
        if kind == "weight":
            if edit["name"] not in net.names:
                raise self.damaged(f"edit of unknown weight {short_repr(edit['name'])}")
            shape = net.view(net.new_buffer(), edit["name"]).shape
            if len(edit["index"]) != len(shape) or not all(0 <= i < s for i, s in zip(edit["index"], shape)):
                raise self.damaged(f"edit index {edit['index'][:4]} outside {edit['name']}{list(shape)}")
            with np.errstate(over="ignore"):
                fits = np.isfinite(self.dtype.type(edit["value"]))
            if not fits:
                raise self.damaged(f"weight edit value {edit['value']:g} does not fit {self.dtype}")
        elif kind == "lr":
            self.rate(edit["value"], config, "learning-rate edit")
        else:
            raise self.damaged(f"unknown edit kind {short_repr(kind)}")
        return edit


def _npy_header(stream) -> tuple[np.dtype, tuple[int, ...], bool]:
    """dtype, shape and Fortran order from the .npy header at the start of `stream`; refuses objects."""
    fmt = np.lib.format
    version = fmt.read_magic(stream)
    if version == (1, 0):
        shape, fortran, dtype = fmt.read_array_header_1_0(stream)
    elif version == (2, 0):
        shape, fortran, dtype = fmt.read_array_header_2_0(stream)
    else:
        raise ValueError(f".npy format version {version}")
    if dtype.hasobject:
        raise ValueError("holds Python objects (pickled data), which a session never does")
    return dtype, tuple(int(s) for s in shape), bool(fortran)


def _optimizer_slots(config: RunConfig, net: Network) -> dict[str, tuple[int, ...]]:
    """Names and shapes of the optimizer's saved state, as the optimizer itself declares it."""
    state = make_optimizer(config.optimizer, net.new_buffer(), net.new_buffer()).state()
    return {key: np.shape(value) for key, value in state.items()}


def _describe(dtype: np.dtype) -> str:
    return "int" if dtype.kind in "iu" else str(dtype)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value, what: str) -> int:
    if not _is_int(value):
        raise ValueError(f"{what} is {short_repr(value)}, not an integer")
    return value


def _float(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{what} is {short_repr(value)}, not a number")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{what} is {value}, not a finite number")
    return value


def _count(value) -> str:
    return str(len(value)) if isinstance(value, list) else "no list of"
