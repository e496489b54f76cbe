"""What training through the window does to the numbers: identical to the engine, live lr, divergence."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from bpviz.engine.config import MAX_STEPS, RunConfig
from bpviz.engine.trainer import Trainer

from .conftest import start_training, wait_shown_step, worker_barrier


def assert_same_run(snap, reference: Trainer):
    assert snap.step == reference.step
    for name, w in reference.weights().items():
        np.testing.assert_array_equal(snap.weights[name], w, err_msg=name)
    gui_losses = np.asarray(snap.batch_losses[: snap.step])
    assert gui_losses.tobytes() == reference.history.batch_losses().tobytes()
    steps, losses = reference.history.logged_arrays()
    np.testing.assert_array_equal(snap.logged_steps, steps)
    assert np.asarray(snap.logged_losses).tobytes() == losses.tobytes()


@pytest.mark.parametrize("speed", ["max", 50_000])
def test_gui_run_to_target_equals_the_engine_bit_for_bit(qtbot, make_window, speed):
    window = make_window(speed=speed)
    with qtbot.waitSignal(window.controller.target_reached):
        window.act_run_target.trigger()
    reference = Trainer(RunConfig())
    reference.run(3000)
    assert_same_run(window.controller.latest_snapshot(), reference)
    wait_shown_step(qtbot, window, lambda s: s == 3000)
    window.live.redraw_now()
    np.testing.assert_allclose(window.weights_panel.heatmap("w1").values(), reference.weights()["w1"], rtol=1e-6)


def test_gui_equals_engine_for_a_richer_configuration(qtbot, make_window):
    config = RunConfig().replace(dataset="xor", hidden=[4, 4], activation="tanh", bias=True, optimizer="adam",
                                 lr=0.01, lr_decay=0.5, decay_steps=500, loss="sigmoid-ce", l2=0.001, steps=2000,
                                 batch_size=10)
    window = make_window(config)
    window.controller.run_to_target()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 2000)
    reference = Trainer(config)
    reference.run(2000)
    assert_same_run(window.controller.latest_snapshot(), reference)


def test_started_and_paused_runs_continue_the_same_trajectory(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=10**6), speed=20_000)
    c = window.controller
    for _ in range(3):  # start/pause at arbitrary points (driven by steps, not clocks)
        before = c.latest_snapshot().step
        c.start()
        qtbot.waitUntil(lambda before=before: c.latest_snapshot().step > before)
        c.pause()
        qtbot.waitUntil(lambda: c.mode == "paused")
        c.step()
    qtbot.waitUntil(lambda: c.latest_snapshot().step > 3)
    target = c.latest_snapshot().step + 1000
    window.apply_config(c.config.replace(steps=target))
    window.speed.set_speed(None)
    with qtbot.waitSignal(c.target_reached):
        c.run_to_target()
    reference = Trainer(RunConfig())
    reference.run(target)
    assert_same_run(c.latest_snapshot(), reference)


def test_learning_rate_change_applies_live_without_reset(qtbot, make_window):
    window = make_window(speed=500)
    start_training(qtbot, window.controller)
    wait_shown_step(qtbot, window, lambda s: s >= 30)
    lr = window.panel.field("lr").edit
    lr.setFocus()
    lr.selectAll()
    qtbot.keyClicks(lr, "0.01")
    before = window.controller.latest_snapshot().step
    qtbot.keyClick(lr, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().lr == pytest.approx(0.01))
    snap = window.controller.latest_snapshot()
    assert snap.step >= before  # no reset: the step keeps counting
    assert snap.generation == 0
    assert window.controller.mode == "running"
    edits = [e for e in snap.edits if e.kind == "lr"]
    assert edits and edits[-1].value == pytest.approx(0.01) and edits[-1].step >= before
    assert "without a reset" in window.status.message()
    assert window.controller.config.optimizer.lr == 0.01
    wait_shown_step(qtbot, window, lambda s: s >= snap.step + 20)
    assert window.controller.latest_snapshot().generation == 0


def test_shape_change_resets_visibly(qtbot, make_window):
    window = make_window()
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 3000)
    hidden = window.panel.field("hidden").edit
    hidden.setFocus()
    hidden.selectAll()
    qtbot.keyClicks(hidden, "4, 4")
    with qtbot.waitSignal(window.controller.trainer_replaced):
        qtbot.keyClick(hidden, Qt.Key_Return)
    wait_shown_step(qtbot, window, lambda s: s == 0)
    assert "starts again at step 0" in window.status.message()
    assert window.status.message_kind() == "warning"
    assert window.controller.config.model.hidden == [4, 4]
    window.live.redraw_now()
    assert window.weights_panel.heatmap("w1").values().shape == (2, 4)
    assert window.weights_panel.heatmap("w3").values().shape == (4, 1)
    assert window.windowTitle().startswith("bpviz — 2-4-4-1")


def test_divergence_pauses_keeps_finite_weights_and_reset_recovers(qtbot, make_window):
    window = make_window(RunConfig().replace(lr=10.0))
    with qtbot.waitSignal(window.controller.diverged) as blocker:
        window.controller.start()
    step, loss, kept = blocker.args
    assert not np.isfinite(loss)
    qtbot.waitUntil(lambda: window.controller.mode == "paused")
    message = window.status.message()
    assert f"step {step}" in message
    assert "smaller learning rate" in message
    assert window.status.message_kind() == "error"
    assert window.banner.isVisible() and f"step {step}" in window.banner.text()
    assert "smaller learning rate" in window.banner.text()
    snap = window.controller.latest_snapshot()
    assert snap.step == kept
    assert all(np.isfinite(w).all() for w in snap.weights.values())
    wait_shown_step(qtbot, window, lambda s: s == kept)
    # pressing Start again meets the same wall, and still keeps finite weights
    with qtbot.waitSignal(window.controller.diverged):
        window.controller.toggle()
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.act_reset.trigger()
    wait_shown_step(qtbot, window, lambda s: s == 0)
    assert "Reset" in window.status.message()
    assert not window.banner.isVisible()
    np.testing.assert_array_equal(window.controller.latest_snapshot().params, Trainer(RunConfig()).initial_params)


def test_divergence_banner_offers_a_smaller_learning_rate(qtbot, make_window):
    window = make_window(RunConfig().replace(lr=10.0))
    with qtbot.waitSignal(window.controller.diverged):
        window.controller.start()
    assert window.banner.button.text() == "Use lr 1.0 and reset"
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.banner.button.click()
    assert window.controller.config.optimizer.lr == 1.0
    assert window.panel.field("lr").edit.text() == "1.0"
    assert not window.banner.isVisible()
    wait_shown_step(qtbot, window, lambda s: s == 0)


def test_the_worker_never_signals_per_step_and_snapshots_share_the_history(qtbot, make_window):
    window = make_window()
    c = window.controller
    events = []
    for signal in (c.mode_changed, c.stepped, c.diverged, c.target_reached, c.trainer_replaced, c.failed):
        signal.connect(lambda *args: events.append(args))
    first = c.latest_snapshot().serial
    c.start()
    wait_shown_step(qtbot, window, lambda s: s > 50_000)
    c.pause()
    qtbot.waitUntil(lambda: c.mode == "paused")
    worker_barrier(qtbot, c)  # every signal the worker sent has arrived
    snap = c.latest_snapshot()
    assert events == [("running",), ("paused",)]  # nothing per step
    # snapshots are published at display rate (at most 120 a second, whatever the rate of steps), so never more
    # often than once per chunk of steps: fewer than one per 100 steps
    assert snap.serial - first <= snap.step // 100 + 5
    # the loss history is shared with the engine, never copied (memory grows by the history alone)
    shared = []
    c.call(lambda t: shared.append(np.shares_memory(snap.batch_losses, t.history.batch_losses())))
    qtbot.waitUntil(lambda: bool(shared))
    assert shared == [True]


def test_lowering_the_target_while_running_to_it_stops_there(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=MAX_STEPS), speed=20_000)
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s > 200)
    steps = window.panel.field("steps").spin
    with qtbot.waitSignal(window.controller.target_reached):
        steps.setValue(100)  # below the current step
    assert window.controller.mode == "paused"
    assert "Already past the target" in window.status.message()
    # the worker is alive and well
    with qtbot.waitSignal(window.controller.stepped):
        window.controller.step()


def test_an_unexpected_error_in_the_worker_is_reported_and_training_survives(qtbot, window, monkeypatch):
    trainers = []
    window.controller.call(trainers.append)
    qtbot.waitUntil(lambda: bool(trainers))
    trainer = trainers[0]

    def broken(n, stop=None, replay_at_end=True):
        raise RuntimeError("boom")

    monkeypatch.setattr(trainer, "run", broken)
    with qtbot.waitSignal(window.controller.failed) as blocker:
        window.controller.start()
    assert "boom" in blocker.args[0]
    qtbot.waitUntil(lambda: window.controller.mode == "paused")
    assert "boom" in window.status.message()
    monkeypatch.undo()
    with qtbot.waitSignal(window.controller.stepped):
        window.controller.step()


def test_a_reset_while_running_keeps_the_message_that_explains_it(qtbot, make_window):
    window = make_window(speed=2000)
    start_training(qtbot, window.controller)
    wait_shown_step(qtbot, window, lambda s: s > 50)
    with qtbot.waitSignal(window.controller.mode_changed):
        window.panel.field("activation").set_value("tanh")
    wait_shown_step(qtbot, window, lambda s: s == 0)
    worker_barrier(qtbot, window.controller)  # events of the replaced run that were on their way have arrived
    window.live.redraw_now()
    assert "starts again at step 0" in window.status.message()
    assert window.controller.mode == "paused"
