"""A classification's accuracy on a second axis of the loss plot: training and test, at every logged step,
from the engine's history; switched by a check box under the plot or the plot's context menu."""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

from .conftest import wait_shown_step

THREE = RunConfig().replace(dataset="sectors", loss="softmax-ce", hidden=[6], activation="tanh", bias=True,
                            optimizer="adam", lr=0.01, steps=600, log_every=20, test_ratio=0.25)


def run_to_target(qtbot, window):
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == window.controller.config.schedule.steps)
    window.live.redraw_now()


def test_checking_the_box_draws_every_logged_accuracy_on_a_right_axis(qtbot, make_window):
    window = make_window(THREE)
    plot, box = window.loss_plot, window.loss_panel.accuracy_box
    run_to_target(qtbot, window)
    assert box.isVisible() and not box.isChecked()  # optional: off until asked for
    assert not plot.plot_item.getAxis("right").isVisible()
    box.click()
    assert plot.accuracy_visible()
    assert plot.plot_item.getAxis("right").isVisible()
    assert plot.plot_item.getAxis("right").labelText == "accuracy (%)"
    window.live.redraw_now()
    reference = Trainer(THREE)
    reference.run(600)
    logged = reference.history.accuracy_logged
    steps = sorted(logged)
    assert len(steps) == 30  # steps 0, 20, ..., 580: none dropped
    (train_x, train_y), (test_x, test_y) = plot.accuracy_curves()
    assert train_x.tolist() == steps and test_x.tolist() == steps
    np.testing.assert_allclose(train_y, [100 * logged[s][0] for s in steps])
    np.testing.assert_allclose(test_y, [100 * logged[s][1] for s in steps])
    legend = [label.text for _sample, label in plot._legend.items]
    assert "accuracy" in legend and "test accuracy" in legend
    box.click()
    assert not plot.accuracy_visible() and not plot.plot_item.getAxis("right").isVisible()
    assert "accuracy" not in [label.text for _sample, label in plot._legend.items]


def test_the_context_menu_switches_it_too_and_the_hover_reads_it(qtbot, make_window):
    window = make_window(THREE.replace(test_ratio=0.0, steps=200))
    plot = window.loss_plot
    run_to_target(qtbot, window)
    action = plot._acc_action
    assert action.isEnabled() and action in plot._vb.menu.actions()
    action.trigger()
    assert window.loss_panel.accuracy_box.isChecked() and plot.accuracy_visible()
    window.live.redraw_now()
    (_x, _y), (test_x, _test_y) = plot.accuracy_curves()
    assert len(test_x) == 0  # no test split: no test curve
    snap = window.controller.latest_snapshot()
    plot.show_readout_at_step(100)
    share = 100 * snap.logged_accuracy[list(snap.logged_steps).index(100)]
    assert f"accuracy {share:.1f} %" in plot.readout_text()
    assert "test" not in plot.readout_text()


def test_a_regression_has_no_accuracy_axis_even_when_wanted(qtbot, make_window):
    window = make_window(RunConfig().replace(dataset="sales", hidden=[], steps=100, log_every=20))
    plot = window.loss_plot
    plot.set_accuracy_shown(True)
    run_to_target(qtbot, window)
    assert not window.loss_panel.accuracy_box.isVisible()
    assert not plot._acc_action.isEnabled()
    assert not plot.accuracy_visible() and not plot.plot_item.getAxis("right").isVisible()
    # back to a classification: the wanted axis appears
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.panel.field("dataset").set_value("seed")
    window.controller.run_to_target()
    qtbot.waitUntil(plot.accuracy_visible)  # once the classification's first accuracy is drawn
    assert window.loss_panel.accuracy_box.isChecked() and window.loss_panel.accuracy_box.isVisible()


def test_the_choice_is_remembered_across_launches(qtbot, make_window):
    first = make_window(THREE)
    first.loss_panel.accuracy_box.click() if first.loss_panel.accuracy_box.isVisible() else \
        first.loss_plot.set_accuracy_shown(True)
    assert first.loss_plot.accuracy_shown()
    first.close()
    second = make_window(THREE)
    assert second.loss_plot.accuracy_shown() and second.loss_panel.accuracy_box.isChecked()


@pytest.mark.parametrize("ratio", [0.0, 0.25])
def test_a_session_reopened_shows_the_accuracy_from_step_0(qtbot, make_window, tmp_path, ratio):
    config = THREE.replace(test_ratio=ratio, steps=200)
    trainer = Trainer(config)
    trainer.run(200)
    from bpviz.engine.session import save_session

    save_session(trainer, tmp_path / "s.npz")
    window = make_window()
    window.loss_plot.set_accuracy_shown(True)
    with qtbot.waitSignal(window.controller.trainer_replaced):
        assert window.files.open_session(tmp_path / "s.npz")
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 200)
    window.live.redraw_now()
    (x, y), _test = window.loss_plot.accuracy_curves()
    assert x.tolist() == sorted(trainer.history.accuracy_logged)
    assert x[0] == 0
