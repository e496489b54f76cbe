"""The run's timeline in the engine: going back keeps the future, any way of training forward replays it
bit for bit (edits included), and a change in the past is a branch at its step."""
from __future__ import annotations

import json

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.session import load_session, save_session
from bpviz.engine.timeline import Timeline
from bpviz.engine.trainer import Trainer


def edited_run() -> Trainer:
    """60 steps with a weight edit at 10 and a learning-rate change at 30."""
    t = Trainer(RunConfig())
    t.run(10)
    t.set_weight("w1", (0, 1), 0.25)
    t.run(20)
    t.set_lr(0.02)
    t.run(30)
    return t


def test_plain_run_after_going_back_replays_the_kept_future_with_its_edits():
    t = edited_run()
    params, losses, edits = t.params.copy(), t.history.batch_losses().copy(), list(t.edits)
    t.seek(5)
    view = t.timeline.view(t.step)
    assert view.replayable and view.reach == 60 and view.branched_at is None
    t.run(55)  # not a seek: an ordinary run
    np.testing.assert_array_equal(t.params, params)
    np.testing.assert_array_equal(t.history.batch_losses(), losses)
    assert t.edits == edits and t.base_lr == 0.02
    assert t.timeline.view(t.step).future_losses is None  # all of it replayed: nothing left to keep


def test_single_steps_and_seeks_forward_replay_too():
    t = edited_run()
    params = t.params.copy()
    t.seek(8)
    for _ in range(4):  # across the weight edit at 10
        t.run(1)
    assert t.edits[0].step == 10 and len(t.edits) == 1
    t.seek(40)
    t.seek(35)  # back inside the future being replayed: the whole future is still kept
    assert t.timeline.view(t.step).reach == 60
    t.seek(60)
    np.testing.assert_array_equal(t.params, params)


def test_a_change_in_the_past_branches_there_and_stops_the_replay():
    t = edited_run()
    t.seek(20)
    t.set_weight("w2", (1, 0), -1.0)
    view = t.timeline.view(t.step)
    assert view.branched_at == 20 and not view.replayable and view.reach == 20
    t.run(20)
    assert t.base_lr == RunConfig().optimizer.lr  # the old future's rate change at 30 is not replayed
    assert [e.step for e in t.edits] == [10, 20]
    assert len(t.timeline.view(t.step).future_losses) == 60  # the abandoned future stays on record


def test_a_different_loss_is_a_branch_at_its_step():
    tl = Timeline()
    old = np.arange(10, dtype=np.float32)
    tl.keep(old, [], 3)
    new = old.copy()
    new[6] = -1
    tl.observe(new, 3, 8)
    assert tl.branched_at == 6 and tl.due_edits(9) == []


def test_going_back_in_an_abandoned_future_keeps_the_new_history():
    t = edited_run()
    t.seek(20)
    t.set_lr(0.5)
    t.run(5)
    t.seek(22)
    view = t.timeline.view(t.step)
    assert view.replayable and len(view.future_losses) == 25


def test_effective_config_has_the_current_rate_and_a_session_keeps_it(tmp_path):
    t = edited_run()
    assert t.effective_config.optimizer.lr == 0.02 and t.config.optimizer.lr == RunConfig().optimizer.lr
    save_session(t, tmp_path / "run.npz")
    with np.load(tmp_path / "run.npz") as saved:
        meta = json.loads(str(saved["bpviz_session"]))
    assert meta["effective_config"]["optimizer"]["lr"] == 0.02
    loaded = load_session(tmp_path / "run.npz")
    assert loaded.effective_config.optimizer.lr == 0.02
    loaded.seek(20)  # back across the rate change
    assert loaded.effective_config.optimizer.lr == RunConfig().optimizer.lr


def test_seek_refuses_a_negative_step():
    with pytest.raises(ValueError):
        Trainer(RunConfig()).seek(-1)
