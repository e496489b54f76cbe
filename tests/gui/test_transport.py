"""Start/pause, step, reset and the keyboard: read back what the window shows."""
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

from .conftest import press, shown_step, start_training, wait_shown_step, worker_barrier


def test_window_opens_ready_with_focus_outside_text_fields(window):
    assert window.windowTitle().startswith("bpviz — ")
    focus = QApplication.focusWidget()
    assert not isinstance(focus, (QLineEdit, QAbstractSpinBox))
    assert shown_step(window) == 0
    assert "Space" in window.status.message()
    assert window.act_start.text() == "Start"
    assert window.width() >= 1000 and window.height() >= 700


def test_space_starts_and_pauses(qtbot, window):
    window.speed.set_speed(2000)
    with qtbot.waitSignal(window.controller.mode_changed) as blocker:
        press(qtbot, window, Qt.Key_Space)
    assert blocker.args == ["running"]
    wait_shown_step(qtbot, window, lambda s: s >= 20)
    assert window.act_start.text() == "Pause"
    assert window.status.message() == "Training…"
    with qtbot.waitSignal(window.controller.mode_changed) as blocker:
        press(qtbot, window, Qt.Key_Space)
    assert blocker.args == ["paused"]
    paused_at = window.controller.latest_snapshot().step  # published before the mode change was announced
    assert worker_barrier(qtbot, window.controller) == paused_at
    assert window.controller.latest_snapshot().step == paused_at
    qtbot.waitUntil(lambda: shown_step(window) == paused_at)
    assert window.status.message() == f"Paused at step {paused_at:,}"
    assert window.act_start.text() == "Start"


def test_right_arrow_steps_exactly_one_batch_and_highlights_it(qtbot, window):
    reference = Trainer(RunConfig())
    for expected_step in (1, 2, 3, 4, 5):
        with qtbot.waitSignal(window.controller.stepped) as blocker:
            press(qtbot, window, Qt.Key_Right)
        assert blocker.args == [expected_step]
        reference.train_step()
        wait_shown_step(qtbot, window, lambda s, expected=expected_step: s == expected)
        snap = window.controller.latest_snapshot()
        assert snap.step == expected_step
        batch = reference.batch_indices(expected_step - 1)
        qtbot.waitUntil(lambda batch=batch: np.array_equal(window.boundary.batch_indices(), batch))
        for name, w in reference.weights().items():
            np.testing.assert_array_equal(snap.weights[name], w)
    # the tutorial's batches of 8 from 32 points: update 5 (index 4) trains on samples 0-7 again
    np.testing.assert_array_equal(window.boundary.batch_indices(), np.arange(0, 8))
    assert "samples 0–7" in window.status.message()


def test_step_while_running_pauses_then_steps_once(qtbot, window):
    window.speed.set_speed(500)
    start_training(qtbot, window.controller)
    wait_shown_step(qtbot, window, lambda s: s > 5)
    with qtbot.waitSignal(window.controller.stepped) as blocker:
        press(qtbot, window, Qt.Key_Right)
    stepped_to = blocker.args[0]
    qtbot.waitUntil(lambda: window.controller.mode == "paused")
    assert worker_barrier(qtbot, window.controller) == stepped_to
    assert window.controller.latest_snapshot().step == stepped_to


def test_ctrl_r_resets_to_initial_weights(qtbot, window):
    initial = Trainer(RunConfig()).weights()
    window.controller.run_to_target()
    qtbot.waitUntil(lambda: shown_step(window) == 3000)
    with qtbot.waitSignal(window.controller.trainer_replaced):
        press(qtbot, window, Qt.Key_R, Qt.ControlModifier)
    wait_shown_step(qtbot, window, lambda s: s == 0)
    snap = window.controller.latest_snapshot()
    for name, w in initial.items():
        np.testing.assert_array_equal(snap.weights[name], w)
    assert len(snap.batch_losses) == 0
    assert "Reset" in window.status.message()
    # the weight heatmaps show the initial weights again
    window.live.redraw_now()
    np.testing.assert_allclose(window.weights_panel.heatmap("w1").values(), initial["w1"], rtol=1e-6)


def test_run_to_target_shows_progress_and_stops_there(qtbot, window):
    with qtbot.waitSignal(window.controller.target_reached) as blocker:
        window.act_run_target.trigger()
    assert blocker.args == [3000]
    wait_shown_step(qtbot, window, lambda s: s == 3000)
    assert window.status.progress.value() == window.status.progress.maximum() == 3000
    assert "Reached the target" in window.status.message()
    assert window.controller.mode == "paused"


def test_shortcuts_are_ignored_while_typing_in_a_text_field(qtbot, window):
    lr = window.panel.field("lr").edit
    lr.setFocus()
    qtbot.waitUntil(lr.hasFocus)
    lr.setCursorPosition(0)
    qtbot.keyClick(lr, Qt.Key_Right)  # moves the cursor, does not step
    assert lr.cursorPosition() == 1
    qtbot.keyClick(lr, Qt.Key_Space)  # types a space, does not start
    assert lr.text() == "0 .001"
    assert worker_barrier(qtbot, window.controller) == 0  # no Start, no Step reached the worker
    assert window.controller.mode == "paused"
    # leaving the field (the space makes it invalid, so nothing is applied) gives the keys back
    window.boundary.setFocus()
    qtbot.waitUntil(window.boundary.hasFocus)
    with qtbot.waitSignal(window.controller.stepped):
        press(qtbot, window, Qt.Key_Right)
    assert window.panel.config().optimizer.lr == 0.001


def test_space_works_with_focus_on_a_combo_box(qtbot, window):
    combo = window.panel.field("activation").combo
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    with qtbot.waitSignal(window.controller.mode_changed):
        qtbot.keyClick(combo, Qt.Key_Space)
    assert window.controller.mode == "running"


def test_clicking_a_sample_reads_it_out(qtbot, window):
    window.live.redraw_now()
    window.boundary.sample_clicked.emit(5)
    assert window.boundary.highlighted_sample() == 5
    x = Trainer(RunConfig()).dataset.X[5]
    message = window.status.message()
    assert message.startswith("Sample 5:") and f"{x[0]:.4f}" in message


def test_arrow_keys_edit_a_focused_spin_box_instead_of_stepping(qtbot, window):
    spin = window.panel.field("batch_size").spin
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.lineEdit().setCursorPosition(0)
    qtbot.keyClick(spin, Qt.Key_Right)
    qtbot.keyClick(spin, Qt.Key_Space)
    assert worker_barrier(qtbot, window.controller) == 0
    assert window.controller.mode == "paused"


def batch_of(snap) -> np.ndarray:
    """The sample indices of the snapshot's last update."""
    return Trainer(snap.config).batch_indices(snap.step - 1)


def test_slow_speed_paces_one_batch_at_a_time(qtbot, window):
    window.speed.set_speed(5)
    assert window.speed.value_label.text() == "5 steps/s"
    start_training(qtbot, window.controller)
    wait_shown_step(qtbot, window, lambda s: s >= 3)
    assert window.controller.latest_snapshot().step < 1000  # paced: flat out would be far beyond
    # every paced step is shown: the highlighted batch is the last update's
    qtbot.waitUntil(lambda: np.array_equal(window.boundary.batch_indices(),
                                           batch_of(window.controller.latest_snapshot())))
    window.controller.pause()
    window.speed.set_speed(None)
    assert window.speed.value_label.text() == "max"


def test_run_to_target_when_already_past_it_says_so(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=10))
    window.controller.start()
    wait_shown_step(qtbot, window, lambda s: s > 100)
    window.controller.pause()
    with qtbot.waitSignal(window.controller.target_reached):
        window.act_run_target.trigger()
    assert "Already past the target" in window.status.message()
