"""The interface language: which one to use, and the translation catalogue read without Qt.

The catalogue is Qt Linguist's resources/bpviz_<lang>.ts (made by `make i18n`).  The desktop app loads its
compiled .qm through QTranslator; the headless CLI must not import Qt, so it reads the same .ts with
xml.etree — one catalogue for both.  Source texts are English; English needs no catalogue.
"""
from __future__ import annotations

import locale
import os
import xml.etree.ElementTree as ET
from functools import cache

from bpviz.paths import resource_path

LANG_ENV = "BPVIZ_LANG"  # e.g. zh_CN: the language of the interface, instead of the system's
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}  # each shown in its own language in the Language menu
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE


def normalise(name: str | None) -> str | None:
    """"zh_CN.UTF-8", "zh-Hans", "zh" -> "zh_CN"; "en_GB" -> "en"; other languages -> None."""
    if not name:
        return None
    base = name.split(".")[0].split("@")[0].replace("-", "_").lower()
    if base.startswith("zh"):
        return "zh_CN"
    if base in ("c", "posix") or base.startswith("en"):
        return "en"
    return None


def system_language() -> str:
    """The language of the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG as gettext reads them)."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for name in os.environ.get(var, "").split(":"):
            lang = normalise(name)
            if lang:
                return lang
    try:
        lang = normalise(locale.getlocale()[0])
    except ValueError:
        lang = None
    return lang or SOURCE_LANGUAGE


def choose_language(override: str | None = None) -> str:
    """--lang, else $BPVIZ_LANG, else the system locale; a language we have no catalogue for is English."""
    for name in (override, os.environ.get(LANG_ENV)):
        lang = normalise(name)
        if lang:
            return lang
    return system_language()


def ts_path(lang: str):
    return resource_path(f"bpviz_{lang}.ts")


@cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, English text) -> finished translation, from the .ts; empty for English or a missing file."""
    path = ts_path(lang)
    if lang == SOURCE_LANGUAGE or not path.exists():
        return {}
    entries = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                entries[(name, message.findtext("source", ""))] = translation.text
    return entries


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    return _current


def translate(context: str, text: str) -> str:
    """`text` in the current language (the Qt-free twin of QCoreApplication.translate; lupdate finds the calls)."""
    return catalogue(_current).get((context, text), text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate looks for
    return text


# argparse's own words in --help and its errors (it looks them up with gettext, which has no catalogue here)
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
)


def translate_argparse() -> None:
    """Let argparse's own words follow the current language."""
    import argparse

    argparse._ = lambda text: translate("argparse", text)
