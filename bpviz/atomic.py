"""Writes that either fully happen or leave the existing file untouched — and never replace what is not a file.

A save writes a temporary file beside its target and renames it over the target in one step, so a
crash or a kill leaves the old file or the new one, never half of one.  Renaming swaps a directory
entry, so before that the target is looked at:

* a symlink is followed: the new file replaces the link's target, in the target's folder (as
  `echo > link` would), and the link stays a link; a dangling link creates its target;
* a character device (`/dev/null`) or a FIFO is written directly, as `cp` does, never replaced;
  a FIFO is opened without blocking, so one that nobody reads is an error, not a hang;
* a directory, block device or socket is refused;
* an existing file keeps its permission bits; a new one gets what `open()` would give it (umask).

The temporary file's name carries the writer's pid (`.NAME.bpviz-PID-RANDOM.tmp`).  A writer that is
killed leaves it behind; the next save into the same folder removes such files whose pid is no longer
running, or that nobody has touched for an hour (the pid may have been reused) — only files of this
pattern, owned by the same user.
"""
from __future__ import annotations

import errno
import io
import os
import re
import secrets
import stat
import time
from pathlib import Path

from bpviz.engine.file_reading import file_kind

TEMP_PATTERN = re.compile(r"^\..*\.bpviz-(\d+)-[0-9a-f]+\.tmp$")
STALE_AFTER_S = 3600.0
_NAME_KEEP = 100  # chars of the target's name kept in the temp name (NAME_MAX is 255)


class WriteError(OSError):
    """A file could not be written; the message says which and why."""


def _fail(target, exc: OSError | str) -> WriteError:
    why = exc if isinstance(exc, str) else (exc.strerror or str(exc))
    return WriteError(f"cannot write {target}: {why}")


def resolve_target(path: str | os.PathLike) -> tuple[Path, os.stat_result | None]:
    """The file a save to `path` writes (symlinks followed) and its stat (None if it does not exist yet).

    Raises WriteError for what must not be written: a directory, a block device, a socket, a missing folder."""
    shown = Path(path)
    try:
        st = os.stat(path)  # through any symlinks
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise _fail(shown, exc) from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode) or stat.S_ISBLK(st.st_mode) or stat.S_ISSOCK(st.st_mode):
            raise _fail(shown, f"it is {file_kind(st.st_mode)}, not a file")
        if stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
            # opened by the name given: /dev/stdout's target (pipe:[N]) has no path of its own
            return shown, st
    target = Path(os.path.realpath(path))
    if st is not None:
        return target, st
    folder = target.parent
    if not folder.is_dir():
        raise _fail(shown, f"no such folder {folder}" if not folder.exists() else f"{folder} is not a folder")
    return target, None


def check_writable(path: str | os.PathLike) -> None:
    """Raise WriteError now if a later save to `path` cannot succeed for a reason visible now."""
    target, st = resolve_target(path)
    if st is not None and stat.S_ISFIFO(st.st_mode):
        return  # whether it has a reader can only be known when it is written
    probe = target if st is not None else target.parent
    if not os.access(probe, os.W_OK) or (st is None and not os.access(probe, os.X_OK)):
        raise _fail(Path(path), "permission denied")


def write_bytes(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path`: atomically for files, directly for devices and FIFOs (see the module doc)."""
    target, st = resolve_target(path)
    if st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        _write_special(Path(path), target, data)
        return
    remove_stale_temp_files(target.parent)
    _replace(Path(path), target, st, data)


def write_text(path: str | os.PathLike, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_npz(path: str | os.PathLike, arrays: dict) -> None:
    """A compressed .npz of `arrays` (no pickles)."""
    import numpy as np

    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    write_bytes(path, buffer.getvalue())


def _replace(shown: Path, target: Path, st: os.stat_result | None, data: bytes) -> None:
    tmp = target.parent / f".{target.name[:_NAME_KEEP]}.bpviz-{os.getpid()}-{secrets.token_hex(4)}.tmp"
    try:
        # 0o666 through the umask is what a plain open() gives a new file
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise _fail(shown, exc) from None
    try:
        try:
            if st is not None:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        raise _fail(shown, exc) from None
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass


def _write_special(shown: Path, target: Path, data: bytes) -> None:
    try:
        # O_NONBLOCK: a FIFO without a reader fails with ENXIO instead of waiting forever
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise _fail(shown, "it is a pipe that nothing reads") from None
        raise _fail(shown, exc) from None
    try:
        os.set_blocking(fd, True)  # a reader that is slow is waited for, as `cp` would
        _write_all(fd, data)
    except OSError as exc:
        raise _fail(shown, exc) from None
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def remove_stale_temp_files(folder: str | os.PathLike) -> list[Path]:
    """Remove the temp files of interrupted saves in `folder` (see the module doc); returns what went."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    for entry in entries:
        match = TEMP_PATTERN.match(entry.name)
        if not match:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
            continue
        if _pid_running(int(match.group(1))) and now - st.st_mtime < STALE_AFTER_S:
            continue
        try:
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _pid_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's live process (or a pid we cannot ask about): keep its file
    except OSError:
        return True
    return True
