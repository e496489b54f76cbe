"""Stepping through backprop in the window: the inspection docks show the engine's own numbers, rewind
replays bit for bit, edits are recorded and replayed, the gradient check passes, table and plot follow."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpviz.engine.config import RunConfig
from bpviz.engine.step_record import record_step
from bpviz.engine.trainer import Trainer

from .conftest import press

ADAM = RunConfig().replace(optimizer="adam", lr=0.01)


def on_worker(qtbot, window, fn, changes_state=False):
    """fn(trainer) on the training thread; its result here."""
    out = []
    window.controller.call(fn, out.append, lambda e: out.append(RuntimeError(e)), changes_state=changes_state)
    qtbot.waitUntil(lambda: bool(out))
    if isinstance(out[0], Exception):
        raise out[0]
    return out[0]


def state(t):
    return t.step, t.params.copy(), t.history.batch_losses()[: t.step].copy(), list(t.edits)


@pytest.fixture
def inspecting(make_window):
    def make(config=None):
        window = make_window(config)
        ins = window.inspection
        window.workspaces.switch("inspect")  # the user's way to the inspection docks (Ctrl+2)
        QApplication.processEvents()
        assert ins.inspecting()
        return window, ins
    return make


def step_keys(qtbot, window, n):
    ins = window.inspection
    want = ins.records + n
    for _ in range(n):
        press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: ins.records == want)


def seek(qtbot, window, step):
    ins = window.inspection
    before = ins.records
    ins.timeline.spin.setValue(step)  # what typing a step does
    if step > 0:
        qtbot.waitUntil(lambda: ins.records > before)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == step)
    ins.poll()


@pytest.mark.parametrize("config", [None, ADAM], ids=["tutorial", "adam"])
def test_stepping_records_the_engines_update_and_highlights_its_batch(qtbot, inspecting, config):
    window, ins = inspecting(config)
    with qtbot.waitSignal(window.controller.stepped) as blocker:
        step_keys(qtbot, window, 3)
    assert blocker.args == [3] or ins.records == 3
    rec = ins.inspector.record()
    ref = Trainer(config or RunConfig())
    ref.run(2)
    expect = record_step(ref)
    assert rec.step == expect.step == 2
    np.testing.assert_array_equal(rec.rows, expect.rows)
    for mine, theirs in zip(rec.layers, expect.layers):
        for field in ("inputs", "z", "a", "grad_a", "grad_z", "grad_w"):
            np.testing.assert_array_equal(getattr(mine, field), getattr(theirs, field))
    for name in expect.after:
        np.testing.assert_array_equal(rec.after[name], expect.after[name])
        np.testing.assert_array_equal(rec.delta[name], expect.delta[name])
    assert rec.loss == expect.loss and rec.lr_t == expect.lr_t
    # the forward page shows those numbers
    z1 = ins.inspector.tables("forward")
    assert any(np.allclose(t.values(), expect.layers[0].z, rtol=1e-4) for t in z1.values()
               if t.values().shape == expect.layers[0].z.shape)
    # the window's ordinary step handling ran: boundary rings exactly the batch, status says so
    window.live.redraw_now()
    np.testing.assert_array_equal(window.boundary.batch_indices(), expect.rows)
    table = ins.samples.source_model().table()
    np.testing.assert_array_equal(np.flatnonzero(table.in_batch), expect.rows)
    assert "16–23" in window.status.message()
    # gradients and ΔW beside the weights, with the engine's values
    np.testing.assert_array_equal(ins.gradients.panel("grad").heatmap("w1").values(), expect.layers[0].grad_w)
    np.testing.assert_array_equal(ins.gradients.panel("delta").heatmap("w2").values(), expect.delta["w2"])
    if config is ADAM:
        np.testing.assert_array_equal(ins.gradients.panel("m").heatmap("w1").values(), expect.slots_after["m"]["w1"])
        assert f"{expect.lr_t:.6g}" in ins.gradients._captions["delta"].text()
    # phases move the code and diagram along (Ctrl+→ / Ctrl+← walk them)
    ins.inspector.set_phase("forward")
    press(qtbot, window, Qt.Key_Right, Qt.ControlModifier)
    assert ins.inspector.phase() == "loss" and ins.code.current_part() == "backward"
    press(qtbot, window, Qt.Key_Left, Qt.ControlModifier)
    assert ins.inspector.phase() == "forward" and ins.code.current_part() == "forward"
    assert window.controller.latest_snapshot().step == 3
    ins.inspector.set_phase("backward: layer 1")
    assert ins.code.current_part() == "backward" and ins.diagram.highlighted_layers() == [1]


def test_rewind_then_replay_is_bit_identical(qtbot, inspecting):
    window, ins = inspecting()
    on_worker(qtbot, window, lambda t: t.run(150), changes_state=True)
    ins.poll()
    step, params, losses, _ = on_worker(qtbot, window, state)
    assert step == 150 and ins.timeline.slider.maximum() == 150
    seek(qtbot, window, 40)
    s40 = on_worker(qtbot, window, state)
    ref = Trainer(RunConfig())
    ref.run(40)
    np.testing.assert_array_equal(s40[1], ref.params)
    np.testing.assert_array_equal(s40[2], losses[:40])
    assert ins.inspector.record().step == 39
    assert ins.timeline.slider.maximum() == 150 and ins.timeline.branched_at is None
    # the old future is drawn faintly, and forward again (seek, then single steps) reproduces it exactly
    assert len(ins.timeline.ghost.getData()[0]) > 0
    seek(qtbot, window, 145)
    step_keys(qtbot, window, 5)
    again = on_worker(qtbot, window, state)
    assert again[0] == 150
    np.testing.assert_array_equal(again[1], params)
    np.testing.assert_array_equal(again[2], losses)
    ins.poll()
    assert ins.timeline.branched_at is None


def test_an_edited_weight_acts_at_the_next_step_and_survives_rewind(qtbot, inspecting):
    window, ins = inspecting()
    step_keys(qtbot, window, 4)
    ins.diagram.weight_edited.emit("w1", (0, 1), 0.25)
    qtbot.waitUntil(lambda: "next update" in window.status.message())
    assert "weight = 0.25" in ins.diagram.hover_text("w1", (0, 1))  # the live value, on hover
    step_keys(qtbot, window, 3)
    step, params, losses, edits = on_worker(qtbot, window, state)
    assert [(e.step, e.kind, e.name, e.index, e.value) for e in edits] == [(4, "weight", "w1", (0, 1), 0.25)]
    ref = Trainer(RunConfig())
    ref.run(4)
    ref.set_weight("w1", (0, 1), 0.25)
    first = record_step(ref)
    assert first.before["w1"][0, 1] == np.float32(0.25)
    ref.run(2)
    np.testing.assert_array_equal(params, ref.params)
    # rewind past the edit and replay forward: the edit is re-applied at its step
    seek(qtbot, window, 2)
    seek(qtbot, window, 7)
    replayed = on_worker(qtbot, window, state)
    np.testing.assert_array_equal(replayed[1], params)
    np.testing.assert_array_equal(replayed[2], losses)
    assert [e.step for e in replayed[3]] == [4]
    # changing the past branches visibly
    seek(qtbot, window, 3)
    ins.diagram.weight_edited.emit("w2", (1, 0), -1.0)
    qtbot.waitUntil(lambda: ins.timeline.branched_at == 3)
    assert ins.timeline.marker.isVisible() and "branched at step 3" in ins.timeline.info.text()
    assert ins.timeline.marker.label.toPlainText() == "branched at step 3"
    step_keys(qtbot, window, 2)
    ins.poll()
    assert ins.timeline.slider.maximum() == 5  # the abandoned future is out of reach ...
    assert ins.timeline.ghost.getData()[0][-1] == 6  # ... and drawn faintly up to where it ended


def test_gradient_check_passes(qtbot, inspecting):
    window, ins = inspecting()
    ins.gradcheck_dock.raise_()
    step_keys(qtbot, window, 2)
    qtbot.mouseClick(ins.gradcheck.button(), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(ins.gradcheck.results()))
    results = ins.gradcheck.results()
    assert set(results) == {"w1", "w2"}
    assert all(ok and float(err) < 1e-6 for err, ok in results.values())
    step_keys(qtbot, window, 1)
    ins.poll()
    assert not ins.gradcheck.results()  # it belonged to the weights before


def test_sample_rows_and_boundary_points_follow_each_other(qtbot, inspecting):
    window, ins = inspecting()
    ins.samples_dock.raise_()
    step_keys(qtbot, window, 1)
    view = ins.samples
    row = view.row_of_sample(5)
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert view.selected_sample() == 5
    assert window.boundary.highlighted_sample() == 5
    window.boundary.sample_clicked.emit(12)  # what clicking point 12 emits
    assert view.selected_sample() == 12 and window.boundary.highlighted_sample() == 12


def test_plain_step_when_no_inspection_dock_is_shown(qtbot, make_window):
    window = make_window()
    ins = window.inspection
    for dock in ins.docks:
        dock.close()
    QApplication.processEvents()
    assert not ins.inspecting()
    with qtbot.waitSignal(window.controller.stepped):
        press(qtbot, window, Qt.Key_Right)
    assert ins.records == 0


def test_running_refreshes_gradients_and_optimizer_state_at_a_low_rate(qtbot, inspecting):
    window, ins = inspecting(RunConfig().replace(optimizer="momentum", lr=0.01))
    assert ins.gradients.tabs().count() == 3  # ∂L/∂W, ΔW, accumulator
    window.speed.set_speed(400)
    window.start_training()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step > 50)
    window.pause_training()
    qtbot.waitUntil(lambda: window.controller.mode == "paused")
    grads, slots = on_worker(qtbot, window, lambda t: (t.gradients(), t.optimizer_state()))

    def shown():
        ins.poll()
        try:
            return np.array_equal(ins.gradients.panel("grad").heatmap("w1").values(), grads["w1"]) and \
                np.array_equal(ins.gradients.panel("accumulator").heatmap("w2").values(), slots["accumulator"]["w2"])
        except KeyError:  # no state has arrived yet
            return False

    qtbot.waitUntil(shown)
