"""Reading files that may be hostile: only regular files, never more than a stated size, strict JSON.

Every reader of user files (configurations, sessions, data tables) opens them through here, so that a
FIFO never blocks, `/dev/zero` is never read until memory runs out, and a JSON document is either a
plain value of finite numbers or a one-line `UnreadableFile` error.  Each reader turns that error into
its own type (ConfigError, SessionError, ...).
"""
from __future__ import annotations

import json
import math
import os
import stat
from typing import BinaryIO

MAX_JSON_INT_DIGITS = 4000  # under Python's own str-to-int limit (4300), which raises instead


class UnreadableFile(ValueError):
    """A file was refused before or while reading it; the message is one line naming the file."""


def open_regular_file(path: str | os.PathLike, max_bytes: int) -> BinaryIO:
    """`path` opened for binary reading, once it is known to be a regular file of at most `max_bytes`.

    The open itself cannot block (O_NONBLOCK, which a FIFO would otherwise need a writer for); the
    checks run on the opened descriptor, so the file checked is the file read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UnreadableFile(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise UnreadableFile(f"{path}: cannot open ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise UnreadableFile(f"{path}: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(f"{path}: is {file_kind(st.st_mode)}, not a regular file")
        if st.st_size > max_bytes:
            raise UnreadableFile(f"{path}: too large ({_size(st.st_size)}; at most {_size(max_bytes)})")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular_file(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The whole content of `path` (see `open_regular_file`); a file that grows past the cap is refused."""
    with open_regular_file(path, max_bytes) as f:
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise UnreadableFile(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise UnreadableFile(f"{path}: too large (more than {_size(max_bytes)})")
    return data


def read_text_file(path: str | os.PathLike, max_bytes: int) -> str:
    data = read_regular_file(path, max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{path}: not UTF-8 text (byte {exc.start})") from None


def parse_json(text: str | bytes, non_finite_to_floats: bool = False) -> object:
    """Strict JSON: NaN/Infinity literals, numbers that overflow a float and absurdly long integers are
    refused; any failure (bad syntax, nesting deep enough to exhaust the stack) is one ValueError line.

    `non_finite_to_floats`: NaN, Infinity and 1e400 become float nan/inf instead, for a caller that
    range-checks every number itself and can then name the field that holds one."""
    if non_finite_to_floats:
        constant, number = float, float
    else:
        constant, number = _refuse_constant, _finite_float
    try:
        return json.loads(text, parse_constant=constant, parse_float=number, parse_int=_short_int)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise ValueError("not valid JSON (nested too deeply)") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid JSON (not UTF-8 text at byte {exc.start})") from None
    except (ValueError, OverflowError, TypeError) as exc:
        raise ValueError(f"not valid JSON ({one_line(exc)})") from None


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text[:40]} is too large")
    return value


def _short_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_JSON_INT_DIGITS:
        raise ValueError(f"integer of {len(text.lstrip('-'))} digits is too large")
    return int(text)


def one_line(exc: BaseException) -> str:
    """An exception's message for a one-line error: its first line, bounded, or its type's name."""
    lines = str(exc).strip().splitlines()
    return (lines[0][:200] if lines else "") or type(exc).__name__


def short_repr(value, limit: int = 60) -> str:
    """repr for a message: one line, bounded (a hostile file may hold megabytes in one value)."""
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # ints past Python's digit limit, deep nesting
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, for a message ("a pipe (FIFO)")."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"
