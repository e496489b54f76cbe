"""The translation hook: a .qm file in resources/i18n translates the window (the Chinese one follows)."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import bpviz.gui.app as gui_app

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>MainWindow</name>
<message><source>Start</source><translation>开始</translation></message>
<message><source>Paused at step {step}</source><translation>已暂停于第 {step} 步</translation></message>
</context>
<context><name>fields</name>
<message><source>Must be greater than {low}</source><translation>必须大于 {low}</translation></message>
</context>
</TS>
"""


def _lrelease() -> str | None:
    local = Path(sys.executable).with_name("pyside6-lrelease")
    return str(local) if local.exists() else shutil.which("pyside6-lrelease")


def test_a_translation_file_translates_the_interface(qtbot, make_window, tmp_path, monkeypatch):
    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    i18n = tmp_path / "i18n"
    i18n.mkdir()
    (tmp_path / "bpviz_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run([lrelease, str(tmp_path / "bpviz_zh_CN.ts"), "-qm", str(i18n / "bpviz_zh_CN.qm")],
                   check=True, capture_output=True)
    monkeypatch.setattr(gui_app, "resource_path", lambda name: tmp_path / name)
    monkeypatch.setenv(gui_app.LANG_ENV, "zh_CN")
    app = QApplication.instance()
    installed = gui_app.install_translators(app)
    try:
        assert installed
        window = make_window()
        assert window.act_start.text() == "开始"
        lr = window.panel.field("lr")
        lr.edit.setText("0")
        assert lr.error_label.text() == "必须大于 0"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_icon_and_desktop_entry_ship_in_resources():
    from bpviz.paths import resource_path

    assert not gui_app.app_icon().isNull()
    assert "<svg" in resource_path("bpviz.svg").read_text()
    desktop = resource_path("bpviz.desktop").read_text()
    assert "[Desktop Entry]" in desktop and "Exec=bpviz" in desktop and "Icon=bpviz" in desktop
