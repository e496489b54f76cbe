"""The Chinese catalogue: complete, up to date with the sources, in the course's own terms."""
from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bpviz import i18n

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "bpviz_zh_CN.ts"


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    return [(context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
            for context in ET.parse(path).getroot().iter("context") for message in context.iter("message")]


def _translations() -> dict[tuple[str, str], str]:
    return {(c, s): t.text for c, s, t in _messages(TS)}


def _scripts_module():
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_message_in_the_sources_has_chinese(tmp_path):
    """lupdate over today's sources adds nothing unfinished: every tr()/translate() and registry text
    has a translation (after adding a string, run `make i18n` and translate it)."""
    scripts = _scripts_module()
    try:
        scripts.tool("pyside6-lupdate")
    except SystemExit:
        pytest.fail("pyside6-lupdate (PySide6-Essentials) is needed to check the catalogue")
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    scripts.extract(fresh)
    missing = [(c, s) for c, s, t in _messages(fresh) if t.get("type") or not t.text]
    assert not missing, f"{len(missing)} messages without Chinese (run `make i18n`, then translate): {missing[:5]}"
    assert {(c, s) for c, s, _t in _messages(fresh)} == {(c, s) for c, s, _t in _messages(TS)}, \
        "resources/bpviz_zh_CN.ts is out of date: run `make i18n`"


def test_no_unfinished_or_obsolete_entries():
    kinds = {t.get("type") for _c, _s, t in _messages(TS)}
    assert kinds == {None}
    assert len(_messages(TS)) > 400


def test_registry_texts_are_in_the_catalogue_in_their_context():
    from bpviz.engine.settings import translatable_texts

    catalogue = _translations()
    for context, texts in translatable_texts().items():
        for text in texts:
            assert (context, text) in catalogue, (context, text)


def _tokens(pattern: str, text: str) -> list[str]:
    return sorted(re.findall(pattern, text))


def test_placeholders_numbers_and_formulas_stay_as_they_are():
    for (context, source), translation in _translations().items():
        for pattern in (r"\{[^}]*\}", r"%\(\w+\)\w|%s", r"\d+(?:\.\d+)?", r"<[a-z/][^>]*>", r"--[a-z0-9-]+",
                        r"tf\.\w+|sess\.run", r"[∂ΔαβγεμρσΣ√²ᵀ⊙←]"):
            assert _tokens(pattern, source) == _tokens(pattern, translation), (context, source, translation, pattern)


# the tutorial's and the course's terms, and the English they stand for; used the same way everywhere
GLOSSARY = {
    r"\blearning rate\b": "学习率",
    r"\bmean squared error\b": "均方误差",
    r"\bbackprop(agation)?\b": "反向传播",
    r"\bforward pass\b": "前向传播",
    r"\bgradient descent\b": "梯度下降",
    r"\bmomentum\b": "动量",
    r"^target steps$": "训练轮数",
    r"^batch size$": "批量",
    r"^loss$": "损失",
    r"^(prepare|准备 prepare)\b": "准备",
    r"^(forward|前传 forward)\b": "前传",
    r"^(backward|反传 backward)\b": "反传",
    r"^(iterate|迭代 iterate)\b": "迭代",
}


@pytest.mark.parametrize("english,chinese", GLOSSARY.items())
def test_glossary_terms_are_used_the_same_way_everywhere(english, chinese):
    uses = [(s, t) for (c, s), t in _translations().items()
            if c != "argparse" and re.search(english, re.sub(r"<[^>]+>", "", s), re.IGNORECASE)]
    assert uses, english
    wrong = [(s, t) for s, t in uses if chinese not in t]
    assert not wrong, wrong


def test_the_cli_reads_the_same_catalogue_without_qt():
    i18n.set_language("zh_CN")
    try:
        assert i18n.translate("settings", "Learning rate") == "学习率"
        assert i18n.translate("settings", "an unknown text") == "an unknown text"
    finally:
        i18n.set_language("en")
    assert i18n.translate("settings", "Learning rate") == "Learning rate"


@pytest.mark.parametrize("env,expected", [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"), ({"LC_ALL": "zh_TW.UTF-8"}, "zh_CN"), ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"), ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"BPVIZ_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
])
def test_the_language_follows_the_locale_and_bpviz_lang(monkeypatch, env, expected):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "BPVIZ_LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.choose_language() == expected
    assert i18n.choose_language("zh_CN") == "zh_CN" and i18n.choose_language("en") == "en"


def _literal_texts_in_calls() -> set[tuple[str, str]]:
    """(file, text) of every string literal handed to a translating call in bpviz/, however it is spelled
    (self.tr, an alias such as `t = self.tr`, QCoreApplication.translate, QT_TRANSLATE_NOOP, the CLI's
    translate): a call lupdate cannot see still has to find its text in the catalogue."""
    import ast

    names = {"tr", "_tr", "t", "translate", "QT_TRANSLATE_NOOP"}
    found = set()
    for path in (ROOT / "bpviz").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name not in names:
                continue
            arg = node.args[-1 if name in ("translate", "QT_TRANSLATE_NOOP") else 0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add((path.name, arg.value))
    return found


def test_every_literal_given_to_a_translating_call_is_in_the_catalogue():
    sources = {s for _c, s in _translations()}
    missing = sorted((f, text) for f, text in _literal_texts_in_calls() if text not in sources)
    assert not missing, f"texts lupdate did not extract (call self.tr directly) or not yet translated: {missing}"
