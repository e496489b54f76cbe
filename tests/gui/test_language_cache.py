"""A source checkout compiles its catalogue into the user's cache under a name made from the .ts's content:
another checkout's catalogue, compiled later into the same folder, never stands in for this one's."""
from __future__ import annotations

from pathlib import Path

from bpviz import i18n
from bpviz.gui import language


def test_each_catalogue_content_has_its_own_compiled_file(tmp_path, monkeypatch):
    ts = tmp_path / "checkout" / "bpviz_zh_CN.ts"
    ts.parent.mkdir()
    original = i18n.ts_path("zh_CN").read_text(encoding="utf-8")
    ts.write_text(original, encoding="utf-8")
    monkeypatch.setattr(language.i18n, "ts_path", lambda lang: ts)
    monkeypatch.setattr(language, "resource_path", lambda name: tmp_path / "no-such-build" / name)
    monkeypatch.setattr(language.QStandardPaths, "writableLocation", lambda where: str(tmp_path / "cache"))

    mine = language.catalogue_file("zh_CN")
    assert mine is not None and mine.exists() and mine.parent == tmp_path / "cache" / "i18n"
    # another version of the catalogue (another checkout, a newer file) gets a file of its own
    ts.write_text(original.replace("<translation>开始</translation>", "<translation>开始了</translation>", 1),
                  encoding="utf-8")
    theirs = language.catalogue_file("zh_CN")
    assert theirs is not None and theirs != mine and theirs.exists()
    assert mine.read_bytes() != theirs.read_bytes()
    # back to this content: its file is reused as it is, nothing compiled
    ts.write_text(original, encoding="utf-8")
    monkeypatch.setattr(language, "compile_catalogue", lambda ts, qm: (_ for _ in ()).throw(AssertionError))
    assert language.catalogue_file("zh_CN") == mine
    assert not list(Path(tmp_path / "cache" / "i18n").glob("*.part"))
