"""The live run has one source of truth: what the panel, the title and the status bar show is the run's
effective configuration, from the snapshot; after going back, any way of training forward replays the kept
future; an unexpected error on the training thread is logged and shown, and the app goes on."""
from __future__ import annotations

import logging

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpviz.engine.config import RunConfig
from bpviz.engine.session import save_session
from bpviz.engine.trainer import Trainer
from bpviz.gui.error_log import configure_logging

from .conftest import shown_step, worker_barrier


def on_worker(qtbot, window, fn, changes_state=False):
    """fn(trainer) on the training thread; its result here."""
    out = []
    window.controller.call(fn, out.append, lambda e: out.append(RuntimeError(e)), changes_state=changes_state)
    qtbot.waitUntil(lambda: bool(out), timeout=30_000)
    if isinstance(out[0], Exception):
        raise out[0]
    return out[0]


def set_lr_in_panel(qtbot, window, lr: float) -> None:
    edit = window.panel.field("lr").edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, repr(lr))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().config.optimizer.lr == lr, timeout=30_000)


def shows_lr(window, lr: float) -> bool:
    window.live.redraw_now()
    return (window.panel.config().optimizer.lr == lr and window.panel.field("lr").value() == lr
            and f"lr {lr!r}" in window.windowTitle())


def test_a_live_rate_change_survives_save_and_open(qtbot, make_window, tmp_path):
    window = make_window()
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 1, timeout=30_000)
    set_lr_in_panel(qtbot, window, 0.02)
    on_worker(qtbot, window, lambda t: t.run(5), changes_state=True)
    path = tmp_path / "run.npz"
    on_worker(qtbot, window, lambda t: save_session(t, path))

    other = make_window()
    assert other.files.open_session(path)
    qtbot.waitUntil(lambda: other.controller.latest_snapshot().step == 6, timeout=30_000)
    assert other.controller.config.optimizer.lr == 0.02
    qtbot.waitUntil(lambda: shows_lr(other, 0.02), timeout=30_000)
    assert other.controller.latest_snapshot().lr == pytest.approx(0.02)


def test_going_back_across_a_rate_change_shows_the_rate_of_then(qtbot, make_window):
    window = make_window()
    on_worker(qtbot, window, lambda t: t.run(10), changes_state=True)
    set_lr_in_panel(qtbot, window, 0.05)
    on_worker(qtbot, window, lambda t: t.run(10), changes_state=True)
    qtbot.waitUntil(lambda: shows_lr(window, 0.05), timeout=30_000)
    on_worker(qtbot, window, lambda t: t.seek(4), changes_state=True)
    old = RunConfig().optimizer.lr
    qtbot.waitUntil(lambda: shows_lr(window, old), timeout=30_000)
    assert window.controller.config.optimizer.lr == old


def test_plain_steps_and_start_replay_the_kept_future(qtbot, make_window):
    window = make_window()
    for dock in window.inspection.docks:
        dock.close()
    assert not window.inspection.inspecting()  # → is the plain Step
    on_worker(qtbot, window, lambda t: t.run(10), changes_state=True)
    set_lr_in_panel(qtbot, window, 0.05)
    on_worker(qtbot, window, lambda t: (t.run(5), t.set_weight("w1", (0, 0), 0.5), t.run(5)), changes_state=True)
    ref = Trainer(RunConfig())
    ref.run(10)
    ref.set_lr(0.05)
    ref.run(5)
    ref.set_weight("w1", (0, 0), 0.5)
    ref.run(5)

    window.inspection.seek(8)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 8, timeout=30_000)
    for k in range(9, 13):  # plain steps across the rate change at 10
        with qtbot.waitSignal(window.controller.stepped, timeout=30_000):
            window.act_step.trigger()
        assert window.controller.latest_snapshot().step == k
    snap = window.controller.latest_snapshot()
    assert snap.timeline.replayable and snap.timeline.reach == 20
    assert snap.config.optimizer.lr == 0.05
    window.apply_config(window.controller.config.replace(steps=20))
    with qtbot.waitSignal(window.controller.target_reached, timeout=30_000):
        window.act_run_target.trigger()  # a run, not a seek: replays the weight edit at 15 too
    snap = window.controller.latest_snapshot()
    assert snap.step == 20
    np.testing.assert_array_equal(snap.params, ref.params)
    np.testing.assert_array_equal(snap.batch_losses[:20], ref.history.batch_losses())
    assert list(snap.edits) == ref.edits and snap.timeline.branched_at is None


def test_an_error_on_the_training_thread_is_logged_and_shown(qtbot, window, monkeypatch, tmp_path):
    log_path = configure_logging(tmp_path / "state")
    try:
        trainer = on_worker(qtbot, window, lambda t: t)

        def broken(n, stop=None, replay_at_end=True):
            raise RuntimeError("boom in the engine")

        monkeypatch.setattr(trainer, "run", broken)
        with qtbot.waitSignal(window.controller.failed, timeout=30_000):
            window.controller.start()
        qtbot.waitUntil(lambda: window.controller.mode == "paused", timeout=30_000)
        for handler in logging.getLogger("bpviz").handlers:
            handler.flush()
        text = log_path.read_text(encoding="utf-8")
        assert "Traceback" in text and "RuntimeError: boom in the engine" in text and "broken" in text
        assert "boom in the engine" in window.banner.text() and str(log_path) in window.banner.text()
        assert "boom in the engine" in window.status.message()
        monkeypatch.undo()
        with qtbot.waitSignal(window.controller.stepped, timeout=30_000):  # the app goes on
            window.controller.step()
    finally:
        configure_logging(tmp_path / "elsewhere")
        for handler in list(logging.getLogger("bpviz").handlers):
            logging.getLogger("bpviz").removeHandler(handler)
            handler.close()


def test_the_target_shown_is_always_the_runs(qtbot, make_window, tmp_path):
    short = Trainer(RunConfig().replace(steps=100))
    short.run(7)
    path = tmp_path / "short.npz"
    save_session(short, path)
    window = make_window()
    window.act_defaults.trigger()
    assert window.files.open_session(path)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 7, timeout=30_000)
    for _ in range(5):  # several rounds of worker events and redraws: nothing may change the target by itself
        worker_barrier(qtbot, window.controller)
        window.live.redraw_now()
        QApplication.processEvents()
        assert window.status.step_label.text() == "Step 7 / 100"
        assert window.panel.field("steps").value() == 100 == window.controller.config.schedule.steps
    with qtbot.waitSignal(window.controller.target_reached, timeout=30_000):
        window.act_run_target.trigger()
    assert window.controller.latest_snapshot().step == 100
    window.live.redraw_now()
    assert shown_step(window) == 100 and window.status.step_label.text().endswith("/ 100")


def test_a_snapshot_is_a_read_only_picture_of_the_run(qtbot, window):
    window.controller.step()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == 1, timeout=30_000)
    snap = window.controller.latest_snapshot()
    assert not hasattr(snap, "trainer")
    with pytest.raises(AttributeError):
        snap.step = 5  # frozen
    params = on_worker(qtbot, window, lambda t: t.params)
    assert not np.shares_memory(snap.params, params)  # a copy: training on does not change it
    ref = Trainer(RunConfig())
    ref.run(1)
    np.testing.assert_array_equal(snap.predict(ref.X), ref.output(ref.X))
    assert snap.target == snap.config.schedule.steps == RunConfig().schedule.steps
