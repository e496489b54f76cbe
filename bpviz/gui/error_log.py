"""Where the app writes down what went wrong: Python `logging` to stderr and to a file in the platform's
state directory (e.g. ~/.local/state/bpviz/bpviz/bpviz.log), so that a traceback from the training thread
survives the session in which the user saw its one-line summary."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

LOG_NAME = "bpviz.log"
DIR_ENV = "BPVIZ_LOG_DIR"  # another folder for the log (tests)
FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

_handlers: list[logging.Handler] = []


def default_log_directory() -> Path:
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    location = getattr(QStandardPaths.StandardLocation, "StateLocation", None)  # Qt >= 6.7
    if location is None:
        location = QStandardPaths.StandardLocation.AppLocalDataLocation
    return Path(QStandardPaths.writableLocation(location))


def configure_logging(directory: str | Path | None = None) -> Path | None:
    """Log bpviz's warnings and errors to stderr and to `directory`/bpviz.log (default: the state
    directory); replaces an earlier configuration.  Returns the log file, None if it cannot be written."""
    logger = logging.getLogger("bpviz")
    for handler in _handlers:
        logger.removeHandler(handler)
        handler.close()
    _handlers.clear()
    formatter = logging.Formatter(FORMAT)
    stderr = logging.StreamHandler()
    stderr.setLevel(logging.WARNING)  # the terminal hears of errors; the file keeps the details too
    stderr.setFormatter(formatter)
    _handlers.append(stderr)
    path: Path | None = Path(directory) if directory is not None else default_log_directory()
    try:
        path.mkdir(parents=True, exist_ok=True)
        path = path / LOG_NAME
        file = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        path = None
    else:
        file.setFormatter(formatter)
        _handlers.append(file)
    for handler in _handlers:
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return path


def log_file() -> Path | None:
    """The file errors are written to, if logging was configured with one."""
    for handler in _handlers:
        if isinstance(handler, logging.FileHandler):
            return Path(handler.baseFilename)
    return None
