"""The feature inputs in the control panel: one check box per feature of the registry, editing the run's
`features` as every other setting does, and never all unchecked."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from bpviz.engine.config import RunConfig
from bpviz.engine.features import FEATURES
from bpviz.engine.trainer import Trainer

from .conftest import wait_shown_step

SMALL = RunConfig().replace(steps=300, log_every=100)


def click(qtbot, check) -> None:
    """A click on the box itself (the check box's widget may be wider than its box and text)."""
    qtbot.mouseClick(check, Qt.LeftButton, pos=QPoint(8, check.height() // 2))


def test_one_box_per_feature_of_the_registry_with_the_run_s_inputs_checked(qtbot, window):
    field = window.panel.field("features")
    assert list(field.boxes) == list(FEATURES)
    assert [key for key, box in field.boxes.items() if box.isChecked()] == ["x0", "x1"]
    assert field.container.isVisibleTo(window.panel)
    assert field.boxes["x0^2"].text() == "x₀²"


def test_checking_a_feature_trains_on_it_exactly_as_the_engine_does(qtbot, make_window):
    window = make_window(SMALL.replace(dataset="circle", activation="tanh"))
    field = window.panel.field("features")
    with qtbot.waitSignal(window.controller.trainer_replaced):
        click(qtbot, field.boxes["x0^2"])
    with qtbot.waitSignal(window.controller.trainer_replaced):
        click(qtbot, field.boxes["sin(x1)"])
    config = window.controller.config
    assert config.model.features == ["x0", "x1", "x0^2", "sin(x1)"]
    assert window.panel.config() == config
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 300)
    snap = window.controller.latest_snapshot()
    assert snap.sizes[0] == 4  # four inputs
    assert snap.weights["w1"].shape[0] == 4
    reference = Trainer(config)
    reference.run(300)
    assert np.array_equal(snap.params, reference.params)


def test_unchecking_every_feature_is_refused_with_a_reason(qtbot, window):
    field = window.panel.field("features")
    before = window.controller.config
    click(qtbot, field.boxes["x0"])
    qtbot.waitUntil(lambda: window.controller.config.model.features == ["x1"])
    applied = window.controller.config
    click(qtbot, field.boxes["x1"])
    assert field.error_label.isVisible()
    assert "at least one" in field.error_label.text()
    assert window.panel.pending_label.isVisible()
    assert "Features" in window.panel.pending_label.text()
    assert window.controller.config == applied != before
    click(qtbot, field.boxes["x0*x1"])
    assert not field.error_label.isVisible()
    qtbot.waitUntil(lambda: window.controller.config.model.features == ["x0*x1"])
    assert not window.panel.pending_label.isVisible()


def test_another_edit_keeps_the_input_order_and_the_run(qtbot, make_window):
    config = SMALL.replace(features=["sin(x1)", "x0"])
    window = make_window(config)
    field = window.panel.field("features")
    assert field.boxes["sin(x1)"].isChecked() and field.boxes["x0"].isChecked()
    assert not field.boxes["x1"].isChecked()
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 300)
    window.panel.field("steps").set_value(400)  # a live setting: the run goes on
    qtbot.waitUntil(lambda: window.controller.config.schedule.steps == 400)
    assert window.controller.config.model.features == ["sin(x1)", "x0"]
    assert window.controller.latest_snapshot().step == 300  # not reset
    with qtbot.waitSignal(window.controller.trainer_replaced):
        click(qtbot, field.boxes["x1"])
    assert window.controller.config.model.features == ["sin(x1)", "x0", "x1"]


def test_restoring_the_tutorial_defaults_checks_x0_and_x1_again(qtbot, make_window):
    window = make_window(SMALL.replace(features=["x0^2", "x1^2"]))
    field = window.panel.field("features")
    click(qtbot, window.panel.defaults_button)
    qtbot.waitUntil(lambda: window.controller.config.model.features == ["x0", "x1"])
    assert [key for key, box in field.boxes.items() if box.isChecked()] == ["x0", "x1"]


def test_the_first_weight_rows_are_named_by_the_inputs(qtbot, make_window):
    window = make_window(SMALL.replace(features=["x0", "x1", "x0*x1", "sin(x0)"]))
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 300)
    window.live.redraw_now()
    w1 = window.weights_panel.heatmap("w1")
    qtbot.waitUntil(lambda: [text for _pos, text in w1.plot_item().getAxis("left")._tickLevels[0]]
                    == ["x₀", "x₁", "x₀·x₁", "sin(x₀)"])
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.panel.restore_tutorial_defaults()
    qtbot.waitUntil(lambda: [text for _pos, text in w1.plot_item().getAxis("left")._tickLevels[0]]
                    == ["in 0", "in 1"])
