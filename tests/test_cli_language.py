"""`bpviz train` prints exactly what the tutorial prints in any language; --help and errors follow --lang."""
from __future__ import annotations

import pytest
from cli_helpers import run_cli

from bpviz.cli import main


def _main(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_the_training_output_is_the_same_in_both_languages(capsys):
    code_en, out_en, _ = run_cli(capsys, "--steps", "1000", "--lang", "en")
    code_zh, out_zh, _ = run_cli(capsys, "--steps", "1000", "--lang", "zh_CN")
    assert code_en == code_zh == 0
    assert out_zh == out_en
    assert "After 500 training step(s),loss on all data is 0.429111" in out_zh


@pytest.mark.parametrize("argv", [("--lang", "zh_CN", "train", "--help"), ("train", "--lang", "zh_CN", "--help")])
def test_help_is_chinese_with_lang_zh(capsys, argv):
    code, out, _ = _main(capsys, *argv)
    assert code == 0
    assert "用法：" in out and "学习率" in out and "显示此帮助信息并退出" in out
    assert "--lr" in out and "--batch-size" in out  # flags stay as they are


@pytest.mark.parametrize("command", ["train", "compare"])
def test_every_help_line_is_chinese_with_lang_zh(capsys, command):
    """No option keeps an English help: each help text has Chinese in it (flags, metavars and numbers aside)."""
    code, out, _ = _main(capsys, "--lang", "zh_CN", command, "--help")
    assert code == 0
    options = out.split("选项:")[1]
    helps = [line.strip() for line in options.splitlines() if line.startswith("  -")]
    english = [line for line in helps if "  " in line and not any("\u4e00" <= c <= "\u9fff" for c in line)]
    assert not english, english


def test_help_follows_the_locale(capsys, monkeypatch):
    monkeypatch.delenv("BPVIZ_LANG")
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    _code, out, _ = _main(capsys, "train", "--help")
    assert "用法：" in out
    _code, out, _ = _main(capsys, "--lang", "en", "train", "--help")
    assert "usage:" in out and "用法" not in out


def test_errors_are_chinese_with_lang_zh(capsys):
    code, out, err = run_cli(capsys, "--lang", "zh_CN", "--export-loss", "loss.gif")
    assert code == 2 and out == ""
    assert err.strip() == "bpviz train：错误：--export-loss：loss.gif：未知格式（请用 .png, .svg, .csv）"
    code, _out, err = run_cli(capsys, "--lang", "zh_CN", "--export-size", "big")
    assert code == 2 and "应为以像素计的 宽x高" in err and err.count("\n") == 1
    code, _out, err = run_cli(capsys, "--lang", "zh_CN", "--optimizer", "sgdx")
    assert code == 2 and "无效的选择" in err


def test_an_unknown_language_is_refused(capsys):
    code, _out, err = _main(capsys, "--lang", "fr", "train")
    assert code == 2 and "--lang" in err
