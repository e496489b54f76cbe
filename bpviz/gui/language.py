"""The desktop app's language: Qt translators for bpviz's catalogue and Qt's own, switchable while running.

Installing or removing a translator makes Qt send QEvent.LanguageChange to every widget; the widgets set
their texts again in `retranslate()`.  The catalogue is the .qm the build compiles from resources/*.ts;
in a source checkout (no compiled .qm, or one older than its .ts) it is compiled once into the user's cache.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QStandardPaths, QTranslator
from PySide6.QtWidgets import QApplication

from bpviz import i18n
from bpviz.paths import resource_path


def _lrelease() -> Path | None:
    import PySide6

    for candidate in (Path(sys.executable).parent / "pyside6-lrelease", Path(PySide6.__file__).parent / "lrelease"):
        if candidate.exists():
            return candidate
    return None


def compile_catalogue(ts: Path, qm: Path) -> bool:
    tool = _lrelease()
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    partial = qm.with_name(f"{qm.name}.{os.getpid()}.partial")  # another process may be reading `qm`
    proc = subprocess.run([str(tool), "-silent", str(ts), "-qm", str(partial)], capture_output=True, text=True)
    if proc.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        return False
    os.replace(partial, qm)
    return True


def catalogue_file(lang: str) -> Path | None:
    """The compiled catalogue of `lang`: the packaged one if it is current, else one compiled into the cache."""
    ts, shipped = i18n.ts_path(lang), resource_path(f"bpviz_{lang}.qm")
    if shipped.exists() and (not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        return None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.CacheLocation) or Path.home() / ".cache" / "bpviz")
    # named by the catalogue's content: two checkouts (or branches) with different .ts files share the cache
    # folder without ever loading each other's translations
    digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:16]
    cached = cache / "i18n" / f"bpviz_{lang}-{digest}.qm"
    if cached.exists():
        return cached
    return cached if compile_catalogue(ts, cached) else None


class Retranslating:
    """For a widget class with a `retranslate()` that sets its texts: called again on QEvent.LanguageChange
    (list it before the Qt class: `class Panel(Retranslating, QWidget)`)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_installed: list[QTranslator] = []


def apply_language(lang: str, app: QApplication | None = None) -> str:
    """Make `lang` the interface language now (every widget gets QEvent.LanguageChange); the language set."""
    app = app or QApplication.instance()
    lang = lang if lang in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    i18n.set_language(lang)
    if lang != i18n.SOURCE_LANGUAGE:
        ours, qt = QTranslator(app), QTranslator(app)
        path = catalogue_file(lang)
        if path is not None and ours.load(str(path)):
            _installed.append(ours)
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    return lang
