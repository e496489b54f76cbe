"""The File → Open Recent list: sessions and configurations, newest first, at most `MAX_RECENT`.

Kept in the app's QSettings (as one JSON list, which every QSettings backend stores the same way).
"""
from __future__ import annotations

import json
import os

from PySide6.QtCore import QSettings

from bpviz.engine.file_reading import parse_json

MAX_RECENT = 8
MAX_PATH_CHARS = 4096  # PATH_MAX
MAX_STORED_CHARS = 64 * 1024
KEY = "files/recent"


class RecentFiles:
    def __init__(self, qsettings: QSettings, limit: int = MAX_RECENT):
        self.q = qsettings
        self.limit = limit

    def paths(self) -> list[str]:
        raw = self.q.value(KEY)
        if not raw or not isinstance(raw, str) or len(raw) > MAX_STORED_CHARS:
            return []
        try:
            value = parse_json(raw)
        except ValueError:  # every JSON failure, deep nesting included
            return []
        if not isinstance(value, list):
            return []
        usable = [p for p in value if isinstance(p, str) and 0 < len(p) <= MAX_PATH_CHARS and "\0" not in p]
        return usable[: self.limit]

    def add(self, path) -> None:
        """Put `path` first (as an absolute path); older duplicates go, the list keeps `limit` entries."""
        path = os.path.abspath(os.fspath(path))
        self._store([path] + [p for p in self.paths() if p != path])

    def remove(self, path) -> None:
        path = os.path.abspath(os.fspath(path))
        self._store([p for p in self.paths() if p != path])

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        self.q.setValue(KEY, json.dumps(paths[: self.limit]))
        self.q.sync()
