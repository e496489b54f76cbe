"""What persists between launches: window geometry and docks, the last configuration, view options.

Stored with QSettings in an ini file.  `BPVIZ_SETTINGS` (a file path) overrides where,
which the tests use to keep the user's real settings out of reach.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QSettings

from bpviz.engine.config import ConfigError, RunConfig

SETTINGS_ENV = "BPVIZ_SETTINGS"


def open_qsettings() -> QSettings:
    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.IniFormat)
    return QSettings(QSettings.IniFormat, QSettings.UserScope, "bpviz", "bpviz")


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
            return RunConfig.from_json(str(text))
        except ConfigError as exc:
            self.config_error = exc
            return None

    def save_config(self, config: RunConfig) -> None:
        self.q.setValue("run/config", config.to_json())

    # -- window -----------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # -- view options -----------------------------------------------------------------------
    def log_y(self) -> bool:
        return _as_bool(self.q.value("view/log_y", False))

    def set_log_y(self, on: bool) -> None:
        self.q.setValue("view/log_y", bool(on))

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
