"""Persistence between launches, configuration files, PNG export."""
import json
import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from bpviz.engine.config import RunConfig
from bpviz.gui.settings import AppSettings

from .conftest import wait_shown_step, worker_barrier


@pytest.fixture
def message_boxes(monkeypatch):
    """QMessageBox.critical calls, recorded instead of shown."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def test_geometry_and_configuration_persist_between_launches(qtbot, make_window, _isolated_settings):
    first = make_window()
    first.resize(1111, 777)
    first.move(40, 30)
    config = RunConfig().replace(hidden=[5], activation="tanh", lr=0.02, optimizer="momentum", steps=1234)
    first.apply_config(config)
    first.set_log_y(True)
    first.speed.set_speed(200)
    first.weights_dock.hide()
    size = (1111, 777)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == size)
    first.close()
    assert os.path.exists(_isolated_settings)

    second = make_window(speed="keep")
    assert second.controller.config == config
    assert second.panel.config() == config
    assert second.panel.field("hidden").edit.text() == "5"
    assert (second.width(), second.height()) == size
    assert second.loss_plot.log_y() and second.act_log_y.isChecked()
    assert second.speed.speed() == 200
    assert not second.weights_dock.isVisible()
    wait_shown_step(qtbot, second, lambda s: s == 0)
    assert second.status.step_label.text() == "Step 0 / 1,234"


def test_live_learning_rate_is_what_persists(qtbot, make_window):
    first = make_window()
    first.apply_config(first.controller.config.replace(lr=0.005))
    first.close()
    assert make_window().controller.config.optimizer.lr == 0.005


def test_a_corrupt_stored_configuration_falls_back_to_the_tutorial(qtbot, make_window, _isolated_settings):
    q = QSettings(str(_isolated_settings), QSettings.IniFormat)
    q.setValue("run/config", '{"optimizer": {"lr": -5}}')
    q.sync()
    window = make_window()
    assert window.controller.config == RunConfig()
    assert "Could not restore" in window.status.message()


def test_save_and_open_configuration_round_trip(qtbot, make_window, tmp_path, message_boxes):
    window = make_window()
    config = RunConfig().replace(optimizer="adam", beta1=0.8, hidden=[6, 2], bias=True, steps=500)
    window.apply_config(config)
    path = tmp_path / "run.json"
    assert window.files.save_config(path)
    assert RunConfig.load(path) == config  # the JSON `bpviz train --config` reads
    assert not list(tmp_path.glob(".run.json.*"))  # no temporary file left behind

    window.panel.defaults_button.click()
    assert window.controller.config == RunConfig()
    with qtbot.waitSignal(window.controller.trainer_replaced):
        assert window.files.open_config(path)
    assert window.controller.config == config
    assert window.panel.field("hidden").edit.text() == "6, 2"
    assert window.panel.field("beta1").edit.text() == "0.8"
    assert not message_boxes


def test_opening_a_corrupt_file_shows_the_error_and_changes_nothing(qtbot, make_window, tmp_path, message_boxes):
    window = make_window()
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 3000)
    before = window.controller.config
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"optimizer": {"lr": "fast"}}))
    assert not window.files.open_config(bad)
    assert len(message_boxes) == 1
    title, text = message_boxes[0]
    assert text.startswith("Learning rate: ") and "bad.json" in text  # named as the panel labels it
    assert window.controller.config == before == window.panel.config()
    assert worker_barrier(qtbot, window.controller) == 3000  # not reset

    bad.write_text("{ not json")
    assert not window.files.open_config(bad)
    assert "not valid JSON" in message_boxes[-1][1]
    assert not window.files.open_config(tmp_path / "missing.json")
    assert "no such file" in message_boxes[-1][1]


def test_saving_to_an_unwritable_place_says_so(qtbot, window, tmp_path, message_boxes):
    assert not window.files.save_config(tmp_path / "no" / "such" / "dir" / "run.json")
    assert "cannot write" in message_boxes[-1][1]


def test_settings_file_comes_from_the_environment(_isolated_settings):
    assert AppSettings().path() == str(_isolated_settings)


def test_a_file_the_engine_refuses_to_build_changes_nothing(qtbot, window, tmp_path, message_boxes):
    path = tmp_path / "noisy.json"
    path.write_text(json.dumps({"data": {"dataset": "xor", "noise": 3.0}}))  # valid JSON, but xor takes <= 0.5
    before = window.controller.config
    assert not window.files.open_config(path)
    assert message_boxes[-1][1].startswith("Noise: ")
    assert window.controller.config == before == window.panel.config()
    assert window.panel.field("dataset").value() == "seed"


def test_help_lists_the_keyboard_shortcuts(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.act_shortcuts.trigger()
    text = shown[-1]
    for keys in ("Space", "Right", "Ctrl+R", "Ctrl+T", "Ctrl+Q", "Ctrl+O", "Ctrl+S", "Ctrl+Right", "Ctrl+Left",
                 "Ctrl+Shift+S", "Ctrl+E", "Ctrl+L"):
        assert keys in text
    window.act_about.trigger()
    assert "bpviz" in shown[-1]


def test_print_points_are_the_tutorials_and_stay_bounded():
    from bpviz.gui.status_reporter import print_points

    assert print_points(3000, 500).tolist() == [0, 500, 1000, 1500, 2000, 2500]
    huge = print_points(10**9, 1)
    assert len(huge) <= 20_000 and huge[0] == 0 and huge[-1] < 10**9
