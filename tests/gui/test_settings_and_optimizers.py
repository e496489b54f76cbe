"""The panel is the settings registry's, RMSProp and Adagrad in the window (panel, run, inspector, state tabs),
and errors that name a setting as the panel labels it."""
from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from bpviz.cli import RUN_OPTIONS
from bpviz.engine.config import RunConfig
from bpviz.engine.step_record import record_step
from bpviz.engine.settings import SETTINGS
from bpviz.engine.trainer import Trainer
from bpviz.gui.inspect_workspace import GradientPanel
from bpviz.gui.inspector import StepInspector
from bpviz.gui.inspector._common import exact

from cli_helpers import trainer_for


def test_every_setting_has_one_panel_field_and_one_cli_flag(window):
    panel = window.panel
    assert [flag for flag, _name, _kw in RUN_OPTIONS] == [s.flag for s in SETTINGS.values()]
    for setting in SETTINGS.values():
        if setting.panel is None:
            continue
        assert panel.field_label(setting.name) == setting.label
        assert setting.flag in panel.field(setting.name).widget.toolTip() or panel.field(setting.name).error()


def test_choosing_rmsprop_shows_its_settings_with_tf1_defaults_and_back(qtbot, window):
    panel = window.panel
    shown = panel._is_shown
    panel.field("optimizer").set_value("rmsprop")
    assert window.controller.config == RunConfig().replace(optimizer="rmsprop")
    o = window.controller.config.optimizer
    assert (o.momentum, o.epsilon, o.rms_decay, o.centered) == (0.0, 1e-10, 0.9, False)
    assert shown("rms_decay") and shown("momentum") and shown("epsilon") and shown("centered")
    assert not shown("beta1") and not shown("nesterov") and not shown("initial_accumulator")
    assert panel.field("momentum").edit.text() == "0.0"
    panel.field("centered").set_value(True)
    assert window.controller.config.optimizer.centered
    panel.field("optimizer").set_value("momentum")  # momentum's own default comes back
    assert window.controller.config.optimizer.momentum == 0.9
    assert shown("nesterov") and not shown("rms_decay")
    panel.field("optimizer").set_value("adagrad")
    assert shown("initial_accumulator") and not shown("momentum") and not shown("epsilon")
    assert "Adagrad" in window.windowTitle()


@pytest.mark.parametrize("args", [["--optimizer", "rmsprop", "--centered", "--momentum", "0.9", "--lr", "0.01"],
                                  ["--optimizer", "adagrad", "--lr", "0.1", "--initial-accumulator", "0.3"]])
def test_a_run_in_the_window_equals_the_cli_bit_for_bit(qtbot, make_window, args):
    reference = trainer_for(*args, "--steps", "700")
    window = make_window(reference.config)
    with qtbot.waitSignal(window.controller.target_reached, timeout=30_000):
        window.act_run_target.trigger()
    reference.run(700)
    snap = window.controller.latest_snapshot()
    assert snap.step == 700
    np.testing.assert_array_equal(snap.params, reference.params)


def test_inspector_explains_a_centered_rmsprop_update_with_its_numbers(qtbot):
    trainer = Trainer(RunConfig().replace(optimizer="rmsprop", centered=True, momentum=0.9, lr=0.01))
    trainer.run(4)
    rec = record_step(trainer)
    inspector = StepInspector()
    qtbot.addWidget(inspector)
    inspector.set_record(rec)
    inspector.set_phase("update")
    texts = inspector.texts()
    assert any("RMSProp (centered)" in label.text() and "ρ = 0.9" in label.text()
               for label in inspector.findChildren(QLabel))
    example = texts["example"].replace("\u2212", "-")
    for slot in ("rms", "mg", "momentum"):
        assert f"= {exact(rec.slots_after[slot]['w1'][0, 0])}" in example
    assert f"= {exact(rec.after['w1'][0, 0])}" in example
    tables = inspector.tables()
    for slot in ("rms", "mg", "momentum"):
        np.testing.assert_allclose(tables[f"w1.{slot}"].values(), rec.slots_after[slot]["w1"], rtol=1e-4)


def test_gradient_panel_has_a_tab_per_optimizer_slot(qtbot):
    panel = GradientPanel()
    qtbot.addWidget(panel)
    labels = lambda: [panel.tabs().tabText(i) for i in range(panel.tabs().count())]  # noqa: E731
    panel.set_optimizer(RunConfig().replace(optimizer="rmsprop", centered=True).optimizer)
    assert labels()[2:] == ["RMSProp ms", "RMSProp mom", "RMSProp mg"]
    panel.set_optimizer("adagrad")
    assert labels()[2:] == ["Adagrad accumulator"]
    panel.set_optimizer("gd")
    assert len(labels()) == 2


def test_configuration_errors_name_the_setting_as_the_panel_labels_it(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append(text))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"optimizer": {"optimizer": "adagrad", "initial_accumulator": 0}}))
    before = window.controller.config
    assert not window.files.open_config(bad)
    assert shown[-1].startswith("Initial accumulator: ") and "--" not in shown[-1]
    assert window.controller.config == before
