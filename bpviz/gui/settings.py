"""What persists between launches: window geometry and docks, the last configuration, view options.

Stored with QSettings in an ini file.  `BPVIZ_SETTINGS` (a file path) overrides where,
which the tests use to keep the user's real settings out of reach.
"""
from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

from PySide6.QtCore import QByteArray, QSettings

from bpviz.engine.config import MAX_CONFIG_BYTES, ConfigError, RunConfig
from bpviz.engine.file_reading import UnreadableFile, open_regular_file

SETTINGS_ENV = "BPVIZ_SETTINGS"
MAX_SETTINGS_BYTES = 4 << 20  # geometry, dock state, one configuration, a few paths


def open_qsettings() -> QSettings:
    """The app's settings file, checked before Qt reads it.

    Qt replaces the file when it saves, so it is given the symlink's target (the link stays a link).
    A settings file that is not a regular file of sane size (a FIFO would block Qt's read) is left
    alone: this launch keeps its settings in a scratch file instead, and says so on stderr."""
    path = os.environ.get(SETTINGS_ENV) or QSettings(QSettings.IniFormat, QSettings.UserScope,
                                                     "bpviz", "bpviz").fileName()
    path = os.path.realpath(path)
    if os.path.lexists(path):
        try:
            open_regular_file(path, MAX_SETTINGS_BYTES).close()
        except UnreadableFile as exc:
            print(f"bpviz: settings not read or saved: {exc}", file=sys.stderr)
            scratch = tempfile.mkdtemp(prefix="bpviz-settings-")
            atexit.register(shutil.rmtree, scratch, True)
            path = os.path.join(scratch, "bpviz.ini")
    return QSettings(path, QSettings.IniFormat)


class AppSettings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings if qsettings is not None else open_qsettings()
        self.config_error: ConfigError | None = None  # why the stored configuration was not restored

    def path(self) -> str:
        return self.q.fileName()

    # -- configuration ------------------------------------------------------------------
    def load_config(self) -> RunConfig | None:
        text = self.q.value("run/config")
        if not text:
            return None
        try:
            if not isinstance(text, str) or len(text) > MAX_CONFIG_BYTES:
                raise ConfigError("config", "the stored configuration is not a JSON text of sane size")
            return RunConfig.from_json(text)
        except ConfigError as exc:
            self.config_error = exc
            return None

    def save_config(self, config: RunConfig) -> None:
        self.q.setValue("run/config", config.to_json())

    # -- window -----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def save_geometry(self, geometry: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)

    # the docks are laid out per workspace (workspaces.py)
    def workspace(self) -> str:
        value = self.q.value("workspaces/current")
        return value if isinstance(value, str) else ""

    def set_workspace(self, name: str) -> None:
        self.q.setValue("workspaces/current", name)

    def workspace_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"workspaces/{name}")

    def save_workspace_state(self, name: str, state: QByteArray) -> None:
        self.q.setValue(f"workspaces/{name}", state)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- view options -----------------------------------------------------------------------
    def log_y(self) -> bool:
        return _as_bool(self.q.value("view/log_y", False))

    def set_log_y(self, on: bool) -> None:
        self.q.setValue("view/log_y", bool(on))

    def accuracy_axis(self) -> bool:
        return _as_bool(self.q.value("view/accuracy_axis", False))

    def set_accuracy_axis(self, on: bool) -> None:
        self.q.setValue("view/accuracy_axis", bool(on))

    def speed(self, default: float | None) -> float | None:
        value = self.q.value("transport/speed")
        if value is None:
            return default
        if str(value) == "max":
            return None
        try:
            return float(value)
        except (TypeError, ValueError):
            return default

    def set_speed(self, speed: float | None) -> None:
        self.q.setValue("transport/speed", "max" if speed is None else float(speed))

    def sync(self) -> None:
        self.q.sync()


def _as_bool(value) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes", "on")
    return bool(value)
