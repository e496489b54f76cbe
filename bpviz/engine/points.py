"""Your own data: points read from a CSV file, checked before they are trusted, and written back.

A run on imported points stores the points themselves in its `RunConfig` (field `points`), so a
configuration or session that uses them reopens anywhere.  The stored form is
``{"x": [[x0, x1], ...], "label": [int, ...]}`` for classes or ``{"x": ..., "y": [float, ...]}``
for numbers.  The parser takes bytes already read, so the file reading (regular files only, a
size cap) is the shared reader's (file_reading.py).
"""
from __future__ import annotations

import csv
import io
import math
import os

import numpy as np

from .datasets import MAX_SAMPLES
from .file_reading import UnreadableFile, read_regular_file, short_repr

INPUTS = ("x0", "x1")
TARGETS = ("label", "y")
MAX_BYTES = 32 * 1024 * 1024  # 100,000 rows of three long numbers fit in a tenth of this
MIN_ROWS = 2


class PointsError(ValueError):
    """Imported points were refused; the message is one line naming the file, line and column."""


def read_points_file(path: str | os.PathLike) -> dict:
    """The points of a CSV file (see `parse_points`); PointsError for anything but a readable regular file
    of at most MAX_BYTES."""
    try:
        data = read_regular_file(path, MAX_BYTES)
    except UnreadableFile as exc:
        raise PointsError(str(exc)) from None
    return parse_points(data, os.fspath(path))


def parse_points(data: bytes | str, source: str = "data") -> dict:
    """Points from CSV text: a header naming x0, x1 and either label (a whole number >= 0) or y (a number),
    then one row per point. Raises PointsError naming `source`, the line and the column."""
    def fail(line: int, message: str, column: int | None = None, name: str | None = None) -> PointsError:
        where = f"line {line}" + (f", column {column}" + (f" ({name})" if name else "") if column else "")
        return PointsError(f"{source}: {where}: {message}")

    if isinstance(data, bytes):
        if b"\0" in data:
            raise PointsError(f"{source}: not a text file (it holds binary data)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PointsError(f"{source}: not a UTF-8 text file (byte {exc.start + 1} cannot be read)") from None
    else:
        text = data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as exc:
        raise fail(reader.line_num, f"not CSV ({exc})") from None
    if not rows:
        raise PointsError(f"{source}: empty (expected a header line: x0,x1,label or x0,x1,y)")
    header_line, header = rows[0]
    names = [cell.strip().lower() for cell in header]
    if all(_is_number(cell) for cell in header):
        raise fail(header_line, "no header: the first line must name the columns, e.g. x0,x1,label or x0,x1,y")
    for column, name in enumerate(names, 1):
        if name not in INPUTS + TARGETS:
            raise fail(header_line, f"unknown column {short_repr(header[column - 1].strip())} "
                                    "(the columns are x0, x1 and label or y)", column)
        if names.index(name) != column - 1:
            raise fail(header_line, f"column {short_repr(name)} appears twice", column)
    for name in INPUTS:
        if name not in names:
            raise fail(header_line, f"no {name} column (the columns are x0, x1 and label or y)")
    targets = [name for name in TARGETS if name in names]
    if len(targets) != 1:
        raise fail(header_line, "expected one of the columns label (a class) or y (a number)"
                   if not targets else "both label and y: give one of them")
    target = targets[0]
    body = rows[1:]
    if len(body) > MAX_SAMPLES:
        raise fail(body[MAX_SAMPLES][0], f"more than {MAX_SAMPLES} rows")
    if len(body) < MIN_ROWS:
        raise PointsError(f"{source}: {len(body)} row{'s' if len(body) != 1 else ''} of data; at least "
                          f"{MIN_ROWS} are needed")
    order = [names.index(name) for name in (*INPUTS, target)]
    values = np.empty((len(body), 3))
    for r, (line, row) in enumerate(body):
        if len(row) != len(names):
            raise fail(line, f"{len(row)} values, expected {len(names)} ({','.join(names)})")
        for k, column in enumerate(order):
            cell = row[column].strip()
            try:
                value = float(cell)
            except ValueError:
                raise fail(line, f"{short_repr(cell)} is not a number", column + 1, names[column]) from None
            if not math.isfinite(value):
                raise fail(line, f"{_shown(cell)} is not a finite number", column + 1, names[column])
            if k == 2 and target == "label" and (value < 0 or value != int(value)):
                raise fail(line, f"{_shown(cell)} is not a class (a whole number 0, 1, 2, ...)", column + 1, "label")
            values[r, k] = value
    return _stored(values[:, :2], values[:, 2], target)


def _shown(number: str) -> str:
    """A number as the file writes it, cut short if it is a line of 5,000 nines."""
    return number if len(number) <= 40 else number[:37] + "..."


def _stored(X: np.ndarray, t: np.ndarray, target: str) -> dict:
    return {"x": X.tolist(), target: [int(v) for v in t] if target == "label" else t.tolist()}


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def check_points(points: object) -> str | None:
    """What is wrong with stored points (from a configuration or session file), or None."""
    if not isinstance(points, dict) or "x" not in points or len(set(points) & set(TARGETS)) != 1 or len(points) != 2:
        return "expected an object with x and either label or y"
    X = points["x"]
    target = "label" if "label" in points else "y"
    t = points[target]
    if not isinstance(X, list) or not isinstance(t, list) or len(X) != len(t):
        return f"x and {target} must be lists of the same length"
    if not MIN_ROWS <= len(X) <= MAX_SAMPLES:
        return f"{len(X)} points; between {MIN_ROWS} and {MAX_SAMPLES} are needed"
    for i, row in enumerate(X):
        if not (isinstance(row, list) and len(row) == 2 and all(_finite(v) for v in row)):
            return f"point {i}: expected two finite numbers, got {row!r}"
    for i, v in enumerate(t):
        ok = (isinstance(v, int) and not isinstance(v, bool) and v >= 0) if target == "label" else _finite(v)
        if not ok:
            return f"point {i}: {target} {v!r} is not " + ("a whole number >= 0" if target == "label" else
                                                           "a finite number")
    return None


def _finite(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def arrays(points: dict) -> tuple[np.ndarray, np.ndarray, int]:
    """(X (n, 2) float64, targets (n,), number of classes: 0 for numbers, at least 2 for labels)."""
    X = np.asarray(points["x"], dtype=np.float64).reshape(-1, 2)
    if "label" in points:
        labels = np.asarray(points["label"], dtype=np.float64)
        return X, labels, max(2, int(labels.max()) + 1)
    return X, np.asarray(points["y"], dtype=np.float64), 0


def points_of(X64: np.ndarray, targets: np.ndarray, n_classes: int) -> dict:
    """The stored form of these points (e.g. a generated data set, to edit or export it)."""
    return _stored(np.asarray(X64, np.float64), np.asarray(targets, np.float64).reshape(-1),
                   "y" if n_classes == 0 else "label")


def points_csv(points: dict) -> str:
    """CSV text that `parse_points` reads back to the same points (shortest round-trip number forms)."""
    target = "label" if "label" in points else "y"
    lines = [f"x0,x1,{target}"]
    lines += [f"{x0!r},{x1!r},{t!r}" for (x0, x1), t in zip(points["x"], points[target])]
    return "\n".join(lines) + "\n"
