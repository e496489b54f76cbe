"""The Lessons menu, the lesson dock and the start page: every lesson sets up its run (the panel shows it),
Previous/Next, the lesson text follows a live language switch, the start page is shown once."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpviz import lessons as lesson_data
from bpviz.engine.config import RunConfig
from bpviz.gui.language import apply_language
from bpviz.lessons import load_lessons

LESSONS = load_lessons()[0]


@pytest.fixture
def english_again():
    yield
    apply_language("en")


def _menu_texts(window) -> list[str]:
    return [a.text() for a in window.lessons.menu.actions() if not a.isSeparator()]


def _compare_fields(compare) -> dict[str, str]:
    return {name: edit.text() for name, edit in compare.fields.items()}


@pytest.mark.parametrize("k", range(len(LESSONS)), ids=[lesson.name for lesson in LESSONS])
def test_every_lesson_opens_its_configuration(qtbot, make_window, k):
    lesson = LESSONS[k]
    window = make_window(RunConfig().replace(dataset="xor", hidden=[4], activation="tanh", lr=0.03))
    window.step_once()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 1)
    action = window.findChild(type(window.lessons.lesson_actions[0]), f"act_lesson_{k + 1}")
    assert lesson.text("title", "en") in action.text()
    action.trigger()  # Lessons → the lesson: shown in the dock and set up
    pane = window.lessons.pane
    assert window.lessons.dock.isVisible()
    assert pane.title.text() == lesson.text("title", "en")
    assert pane.counter.text() == f"Lesson {k + 1} of {len(LESSONS)}"
    if lesson.view == "compare":
        compare = window.compare_window
        assert compare.isVisible() and compare.base == lesson.config
        assert compare.parabola_box.isChecked() == (lesson.config.data.dataset == "parabola")
        assert _compare_fields(compare)["lr"] == lesson.compare["lr"]
        assert [name for name, box in compare.optimizer_boxes.items() if box.isChecked()] == ["gd"]
        assert len(compare.runner.labels) == len(lesson.compare_lists()["lr"])
        assert compare.runner.multi.configs[0].optimizer.lr_decay == lesson.config.optimizer.lr_decay
        assert window.controller.config.data.dataset == "xor"  # the main window's run is left alone
        compare.close()
        return
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 0)
    assert window.controller.config == lesson.config
    assert window.panel.config() == lesson.config  # the panel shows it, nothing pending
    flat = lesson.config.flat()
    panel = window.panel
    assert panel.field("dataset").value() == flat["dataset"]
    assert panel.field("optimizer").value() == flat["optimizer"]
    assert float(panel.field("lr").value()) == flat["lr"]
    assert panel.field("loss").value() == flat["loss"]
    assert window.workspaces.current == lesson.view
    assert window.controller.mode == "paused"
    assert lesson.text("title", "en") in window.status.message()


def test_set_up_stops_a_running_run_and_starts_the_lesson_at_step_0(qtbot, make_window):
    window = make_window(speed=200)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step > 5)
    lessons = window.lessons
    lessons.show_lesson(3)  # Adam
    with qtbot.waitSignal(lessons.set_up_done):
        qtbot.mouseClick(lessons.pane.set_up_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.controller.mode == "paused")
    assert window.controller.config.optimizer.optimizer == "adam"
    assert window.panel.field("optimizer").value() == "adam"
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 0)


def test_previous_and_next_walk_the_lessons_in_order(qtbot, make_window):
    window = make_window()
    lessons, pane = window.lessons, window.lessons.pane
    window.lessons.show_pane()
    assert pane.title.text() == LESSONS[0].text("title", "en")
    assert not pane.previous_button.isEnabled() and pane.next_button.isEnabled()
    config = window.controller.config
    for k in range(1, len(LESSONS)):
        with qtbot.waitSignal(lessons.lesson_shown) as shown:
            qtbot.mouseClick(pane.next_button, Qt.LeftButton)
        assert shown.args == [k] and pane.title.text() == LESSONS[k].text("title", "en")
        assert lessons.lesson_actions[k].isChecked()
    assert not pane.next_button.isEnabled() and pane.previous_button.isEnabled()
    qtbot.mouseClick(pane.previous_button, Qt.LeftButton)
    assert pane.title.text() == LESSONS[-2].text("title", "en")
    assert "What to do" in pane.body.toPlainText() and "What to look for" in pane.body.toPlainText()
    assert window.controller.config is config  # reading a lesson sets nothing up


def test_a_language_switch_re_renders_the_lesson(qtbot, make_window, english_again):
    window = make_window()
    lessons, pane = window.lessons, window.lessons.pane
    lessons.open_lesson(0)
    english = pane.body.toPlainText()
    assert LESSONS[0].text("text", "en").split("\n\n")[0] in english
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: pane.title.text() == LESSONS[0].text("title", "zh_CN"))
    chinese = pane.body.toPlainText()
    assert "均方误差" in chinese and "怎么做" in chinese and "观察什么" in chinese
    assert pane.counter.text() == f"第 1 课，共 {len(LESSONS)} 课"
    assert pane.set_up_button.text() == "设置本课" and lessons.menu.title() == "课程(&E)"
    assert LESSONS[1].text("title", "zh_CN") in _menu_texts(window)[3]
    window.set_language("en")
    qtbot.waitUntil(lambda: pane.title.text() == LESSONS[0].text("title", "en"))
    assert pane.body.toPlainText() == english


def test_the_start_page_is_shown_on_first_launch_only(qtbot, make_window):
    window = make_window()
    lessons = window.lessons
    assert not lessons.start_page.isVisible()  # only a real launch (app.main) asks for it
    assert lessons.show_start_page_on_first_launch()
    assert lessons.start_page.isVisible() and not window.boundary.isVisible()
    qtbot.mouseClick(lessons.start_page.explore_button, Qt.LeftButton)
    assert not lessons.start_page.isVisible() and window.boundary.isVisible()
    assert not lessons.dock.isVisible()
    window.close()

    again = make_window()  # the next launch, same settings file
    assert not again.lessons.show_start_page_on_first_launch()
    assert not again.lessons.start_page.isVisible()
    # it can be reopened, from the Lessons menu and from Help
    assert again.lessons.act_start_page in again.help_menu.actions()
    again.lessons.act_start_page.trigger()
    assert again.lessons.start_page.isVisible()


def test_start_the_lessons_from_the_start_page(qtbot, make_window):
    window = make_window(RunConfig().replace(lr=0.2))
    lessons = window.lessons
    lessons.show_start_page()
    with qtbot.waitSignal(lessons.set_up_done):
        qtbot.mouseClick(lessons.start_page.lessons_button, Qt.LeftButton)
    assert not lessons.start_page.isVisible()
    assert lessons.dock.isVisible() and lessons.pane.title.text() == LESSONS[0].text("title", "en")
    assert window.controller.config == LESSONS[0].config and window.panel.config() == LESSONS[0].config
    assert lessons.start_page_dismissed()


def test_the_start_page_buttons_leave_the_keyboard_to_the_run(qtbot, make_window):
    window = make_window()
    window.lessons.show_start_page()
    for button in (window.lessons.start_page.lessons_button, window.lessons.start_page.explore_button,
                   window.lessons.pane.set_up_button):
        assert button.focusPolicy() == Qt.NoFocus
    assert QApplication.activeWindow() is window


def test_a_broken_lesson_file_is_listed_and_the_others_still_work(qtbot, make_window, tmp_path, monkeypatch):
    folder = tmp_path / "lessons"
    folder.mkdir()
    for lesson in LESSONS[:2]:
        (folder / f"{lesson.name}.json").write_text(
            (lesson_data.lessons_folder() / f"{lesson.name}.json").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "03-broken.json").write_text(json.dumps({"title": {"en": "x"}}), encoding="utf-8")
    monkeypatch.setattr(lesson_data, "lessons_folder", lambda: folder)
    window = make_window()
    texts = _menu_texts(window)
    assert any(t.startswith("Could not read a lesson: 03-broken.json: 'title' must give a text") for t in texts)
    assert len(window.lessons.lessons) == 2
    window.lessons.open_lesson(1)
    assert window.lessons.pane.title.text() == LESSONS[1].text("title", "en")


def test_starting_the_run_behind_the_start_page_dismisses_it(qtbot, make_window):
    window = make_window(speed=200)
    window.lessons.show_start_page()
    window.start_training()
    qtbot.waitUntil(lambda: not window.lessons.start_page.isVisible())
    assert window.boundary.isVisible() and window.lessons.start_page_dismissed()
    window.pause_training()


def test_the_lesson_read_last_is_shown_at_the_next_launch(qtbot, make_window):
    window = make_window()
    window.lessons.show_lesson(6)
    window.close()
    again = make_window()
    assert again.lessons.current == 6 and again.lessons.pane.title.text() == LESSONS[6].text("title", "en")
