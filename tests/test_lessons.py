"""The lessons as data (bpviz/lessons.py, resources/lessons/*.json): every shipped lesson loads, its
configuration is a valid run, its texts are in both languages; a broken lesson file is one line, never a crash."""
from __future__ import annotations

import json
import os

import pytest

from bpviz.engine.config import RunConfig
from bpviz.i18n import LANGUAGES
from bpviz.lessons import TEXTS, LessonError, lesson_files, load_lesson, load_lessons

GOOD = {
    "title": {"en": "A lesson", "zh_CN": "一课"},
    "text": {"en": "Text.", "zh_CN": "正文。"},
    "do": {"en": "Press →.", "zh_CN": "按 →。"},
    "look": {"en": "The loss.", "zh_CN": "损失。"},
    "config": {"lr": 0.01},
}


def test_every_shipped_lesson_loads_in_order_and_its_configuration_validates():
    files = lesson_files()
    lessons, errors = load_lessons()
    assert errors == []
    assert len(lessons) == len(files) >= 11
    assert [lesson.name for lesson in lessons] == sorted(lesson.name for lesson in lessons)
    for lesson in lessons:
        lesson.config.validate()
        assert RunConfig.from_dict(lesson.config.to_dict()) == lesson.config
        for key in TEXTS:
            assert set(lesson.texts[key]) == set(LANGUAGES)
            assert lesson.text(key, "en") != lesson.text(key, "zh_CN")  # really translated
        assert lesson.view in ("train", "inspect", "compare")


def test_the_lessons_walk_the_tutorial_then_the_course_examples():
    lessons = {lesson.name[3:]: lesson for lesson in load_lessons()[0]}
    order = [name[3:] for name in sorted(f.stem for f in lesson_files())]
    assert order == ["loss-mse", "gradient-descent", "momentum", "adam", "learning-rate", "the-code", "recipe",
                     "cost-profit", "cost-profit-reversed", "lr-parabola", "lr-decay"]
    tutorial = RunConfig()
    assert lessons["loss-mse"].config == tutorial and lessons["gradient-descent"].config == tutorial
    assert lessons["momentum"].config.optimizer.optimizer == "momentum"
    assert lessons["adam"].config.optimizer.optimizer == "adam"
    assert lessons["learning-rate"].config == tutorial.replace(lr=0.5)
    assert lessons["the-code"].view == lessons["recipe"].view == "inspect"
    assert "损失函数" in lessons["loss-mse"].text("title", "zh_CN")
    assert "神经网络八股" in lessons["recipe"].text("title", "zh_CN")
    for name, cost, profit in (("cost-profit", 1.0, 9.0), ("cost-profit-reversed", 9.0, 1.0)):
        config = lessons[name].config
        assert (config.data.dataset, config.model.hidden, config.loss.loss) == ("sales", [], "cost-profit")
        assert (config.loss.cost, config.loss.profit, config.schedule.steps) == (cost, profit, 20000)
    parabola = lessons["lr-parabola"]
    assert parabola.view == "compare" and parabola.config.data.dataset == "parabola"
    assert parabola.compare_lists()["lr"] == [0.2, 1.0, 0.0001]
    decay = lessons["lr-decay"]
    assert decay.config.optimizer.lr_decay == 0.99 and decay.config.optimizer.decay_steps == 1
    assert 0.1 in decay.compare_lists()["lr"]


def test_an_untranslated_language_falls_back_to_english():
    lesson = load_lessons()[0][0]
    assert lesson.text("title", "fr") == lesson.text("title", "en")


def _write(tmp_path, content, name="01-broken.json"):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("content, message", [
    ("{\"title\": ", "not valid JSON"),
    ([1, 2], "expected a JSON object"),
    ({**GOOD, "extra": 1}, "unknown key 'extra'"),
    ({**GOOD, "title": {"en": "Only English"}}, "'title' must give a text in each of en, zh_CN"),
    ({**GOOD, "do": {"en": "x", "zh_CN": ""}}, "'do' must give a text"),
    ({**GOOD, "config": [1]}, "'config' must be an object"),
    ({**GOOD, "config": {"learning_rate": 0.1}}, "config: unknown setting 'learning_rate'"),
    ({**GOOD, "config": {"lr": -1}}, "config: --lr"),
    ({**GOOD, "config": {"optimizer": "sgd"}}, "config: --optimizer"),
    ({**GOOD, "config": {"lr": "fast"}}, "config: --lr"),
    ({**GOOD, "view": "sideways"}, "'view' must be one of train, inspect, compare"),
    ({**GOOD, "config": {"dataset": "parabola", "hidden": []}}, "its view must be compare"),
    ({**GOOD, "compare": {"lr": "0.1"}}, "only for a lesson whose view is compare"),
    ({**GOOD, "view": "compare", "compare": {"hidden": "3"}}, "compare: unknown field 'hidden'"),
    ({**GOOD, "view": "compare", "compare": {"lr": "0.1, zero"}}, "compare: --lr"),
    ({**GOOD, "view": "compare", "compare": {"lr": 0.1}}, "'compare' must be an object of texts"),
    ({**GOOD, "view": "compare", "config": {"dataset": "sales", "hidden": [], "loss": "cost-profit"}},
     "compare: --loss"),
])
def test_a_broken_lesson_is_one_line_naming_the_file(tmp_path, content, message):
    path = _write(tmp_path, content)
    with pytest.raises(LessonError) as info:
        load_lesson(path)
    text = str(info.value)
    assert text.startswith("01-broken.json: ") and message in text, text
    assert "\n" not in text


def test_files_that_cannot_be_read_are_one_line(tmp_path):
    (tmp_path / "02-folder.json").mkdir()
    (tmp_path / "03-latin.json").write_bytes(b"\xff\xfe{}")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "04-fifo.json")  # never read from: it would block
    _write(tmp_path, GOOD, "01-good.json")
    lessons, errors = load_lessons(tmp_path)
    assert [lesson.name for lesson in lessons] == ["01-good"]
    assert lessons[0].config == RunConfig().replace(lr=0.01)
    assert len(errors) == (3 if hasattr(os, "mkfifo") else 2)
    assert all("\n" not in e for e in errors)
    assert errors[0] == "02-folder.json: is a directory, not a file"
    assert errors[1].startswith("03-latin.json: ")


def test_a_missing_folder_has_no_lessons(tmp_path):
    assert load_lessons(tmp_path / "nowhere") == ([], [])
