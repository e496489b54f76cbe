"""The settings file and the lists kept in it are checked before they are trusted."""
from __future__ import annotations

import json
import os
import stat
import threading

from PySide6.QtCore import QSettings

from bpviz.engine.config import RunConfig
from bpviz.gui.recent_files import KEY, RecentFiles
from bpviz.gui.settings import AppSettings

HANG_GUARD_S = 30


def test_a_fifo_as_settings_file_neither_blocks_nor_is_replaced(_isolated_settings, capfd):
    os.mkfifo(_isolated_settings)
    made = []
    thread = threading.Thread(target=lambda: made.append(AppSettings()), daemon=True)
    thread.start()
    thread.join(HANG_GUARD_S)
    assert made, "reading the settings hung"
    settings = made[0]
    settings.save_config(RunConfig().replace(lr=0.5))
    settings.sync()
    assert settings.load_config().optimizer.lr == 0.5  # this launch still has working settings
    assert stat.S_ISFIFO(os.stat(_isolated_settings).st_mode)
    assert "settings not read or saved" in capfd.readouterr().err


def test_a_symlinked_settings_file_stays_a_link(_isolated_settings, tmp_path):
    real = tmp_path / "dotfiles" / "bpviz.ini"
    real.parent.mkdir()
    real.write_text("")
    _isolated_settings.symlink_to(real)
    settings = AppSettings()
    settings.set_log_y(True)
    settings.sync()
    assert _isolated_settings.is_symlink() and "log_y" in real.read_text()


def test_an_oversized_settings_file_is_not_read(_isolated_settings, capfd):
    with open(_isolated_settings, "wb") as f:
        f.truncate(64 << 20)
    settings = AppSettings()
    assert settings.load_config() is None and not settings.log_y()
    assert "too large" in capfd.readouterr().err


def test_hostile_stored_values_are_ignored(_isolated_settings):
    q = QSettings(str(_isolated_settings), QSettings.IniFormat)
    recent = RecentFiles(q)
    for raw in ("[" * 100_000, json.dumps(["/a"] * 3 + [1, None, "", "x" * 5000]), "1e400", "{}",
                json.dumps(["/ok"] + ["y" * 10] * 10_000)):
        q.setValue(KEY, raw)
        assert recent.paths() in ([], ["/a", "/a", "/a"])
    q.setValue("run/config", "[" * 100_000)
    settings = AppSettings(q)
    assert settings.load_config() is None and "nested too deeply" in str(settings.config_error)
