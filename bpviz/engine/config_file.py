"""Configuration files: the JSON object `bpviz train --config` reads, as the app opens and saves it.

Beside `session.py` (a whole run) this is the other file a user keeps: only the settings of a run.
Reading validates everything (`RunConfig.load`); writing is atomic (`bpviz.atomic`)."""
from __future__ import annotations

import os

from ..atomic import write_text
from .config import RunConfig


def read_config(path: str | os.PathLike) -> RunConfig:
    """The configuration in `path`; raises ConfigError with a one-line reason."""
    return RunConfig.load(path)


def write_config(config: RunConfig, path: str | os.PathLike) -> None:
    """Write `config` as JSON, atomically; raises WriteError."""
    write_text(path, config.to_json() + "\n")
