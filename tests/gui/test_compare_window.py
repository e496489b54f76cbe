"""The Compare window: every run moves in lock-step, a diverging run stops alone, a run opened in the
main window goes on bit for bit as its own run; read back from the window's widgets and engine."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

from .conftest import press

HANG_GUARD_MS = 30_000


def open_compare(qtbot, window):
    window.findChild(type(window.act_start), "act_compare").trigger()
    compare = window.compare_window
    qtbot.waitExposed(compare)
    return compare


def set_runs(compare, lr: str, optimizers=("gd",), **fields) -> None:
    for name, box in compare.optimizer_boxes.items():
        box.setChecked(name in optimizers)
    compare.fields["lr"].setText(lr)
    for field, text in fields.items():
        compare.fields[field].setText(text)
    assert compare.apply_settings()


def run_until(qtbot, compare, step: int) -> None:
    compare.act_start.trigger()
    qtbot.waitUntil(lambda: compare.runner.multi.step >= step, timeout=HANG_GUARD_MS)
    with qtbot.waitSignal(compare.runner.mode_changed, timeout=HANG_GUARD_MS, raising=False):
        compare.act_start.trigger()  # pause (or it has already stopped at the target)
    assert not compare.runner.running


def test_every_run_moves_in_lock_step(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=5000))
    compare = open_compare(qtbot, window)
    set_runs(compare, "0.001, 0.01", optimizers=("gd", "momentum"), init_seed="1, 2")
    multi = compare.runner.multi
    assert compare.run_list.count() == len(multi) == 8
    assert compare.run_list.item(7).text() == "momentum lr=0.01 init-seed=2"
    run_until(qtbot, compare, 300)
    step = multi.step
    assert step >= 300
    for k in range(len(multi)):
        assert len(multi.batch_losses(k)) == step
        x, _y = compare._curves[k].getData()
        assert x[-1] == step - 1  # each curve drawn up to the same step
    assert compare.status_label.text().startswith(f"Step {step:,} / 5,000 — 8 of 8 runs going")
    for _ in range(3):  # Step advances every run by exactly one update
        compare.act_step.trigger()
    assert multi.step == step + 3 and all(len(multi.batch_losses(k)) == step + 3 for k in range(8))
    compare.act_reset.trigger()
    assert compare.runner.multi.step == 0


def test_a_diverging_run_stops_alone(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=400))
    compare = open_compare(qtbot, window)
    with qtbot.waitSignal(compare.runner.run_diverged, timeout=HANG_GUARD_MS) as blocker:
        set_runs(compare, "0.01, 3")
        compare.act_start.trigger()
    assert blocker.args == [1, 3]
    qtbot.waitUntil(lambda: not compare.runner.running, timeout=HANG_GUARD_MS)  # stops at the target
    multi = compare.runner.multi
    assert multi.step == 400 and multi.diverged_at(0) is None and multi.diverged_at(1) == 3
    assert len(multi.batch_losses(0)) == 400 and len(multi.batch_losses(1)) == 4
    assert compare.run_list.item(1).text() == "lr=3 — diverged at step 3"
    assert "1 of 2 runs going; diverged: lr=3 (step 3)" in compare.status_label.text()
    reference = Trainer(RunConfig().replace(lr=0.01, steps=400))
    reference.run(400)
    np.testing.assert_array_equal(multi.params(0), reference.params)


def test_bad_input_says_so_and_changes_nothing(qtbot, make_window):
    window = make_window()
    compare = open_compare(qtbot, window)
    runs_before = compare.runner.multi
    compare.fields["lr"].setText("0.1, fast")
    assert not compare.apply_settings()
    assert "--lr" in compare.error_label.text() and "\n" not in compare.error_label.text()
    assert compare.runner.multi is runs_before
    compare.fields["lr"].setText("0.1")
    compare.optimizer_boxes["gd"].setChecked(False)
    assert not compare.apply_settings() and "optimizer" in compare.error_label.text()


def test_opened_run_continues_bit_for_bit_in_the_main_window(qtbot, make_window):
    config = RunConfig().replace(steps=600, optimizer="adam")
    window = make_window(config)
    compare = open_compare(qtbot, window)
    set_runs(compare, "0.001, 0.02", optimizers=("adam",))
    run_until(qtbot, compare, 150)
    step = compare.runner.multi.step
    compare.select_run(1)
    assert compare.boundary.plot_item.titleLabel.text == "lr=0.02"
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=HANG_GUARD_MS):
        compare.open_button.click()
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step == step, timeout=HANG_GUARD_MS)
    assert window.panel.config().optimizer.lr == 0.02
    reference = Trainer(config.replace(lr=0.02))
    reference.run(step)
    np.testing.assert_array_equal(window.controller.latest_snapshot().params, reference.params)
    with qtbot.waitSignal(window.controller.target_reached, timeout=HANG_GUARD_MS):
        window.controller.run_to_target()
    snap = window.controller.latest_snapshot()
    reference.run(600 - step)
    assert snap.step == 600
    np.testing.assert_array_equal(snap.params, reference.params)
    np.testing.assert_array_equal(snap.batch_losses, reference.history.batch_losses())


def test_keys_drive_the_runs_and_exports_write_files(qtbot, make_window, tmp_path):
    window = make_window(RunConfig().replace(steps=300))
    compare = open_compare(qtbot, window)
    set_runs(compare, "1e-3:1e-1:3")
    compare.activateWindow()
    qtbot.waitUntil(lambda: compare.isActiveWindow(), timeout=HANG_GUARD_MS)
    press(qtbot, compare, Qt.Key_Right)
    assert compare.runner.multi.step == 1
    assert compare.export("loss", str(tmp_path / "loss.csv"))
    assert compare.export("sweep", str(tmp_path / "sweep.png"))
    header = (tmp_path / "loss.csv").read_text().splitlines()[0]
    assert header == "step,lr=0.001,lr=0.01,lr=0.1"
    assert (tmp_path / "sweep.png").read_bytes()[:4] == b"\x89PNG"
    assert not compare.export("loss", str(tmp_path / "missing" / "loss.csv"))


def test_the_parabola_lesson_on_its_curve(qtbot, make_window):
    window = make_window()
    compare = open_compare(qtbot, window)
    compare.parabola_box.setChecked(True)
    assert compare.runner.labels == ["lr=0.2", "lr=1", "lr=0.0001"]
    assert not compare.tabs.isTabEnabled(compare.tabs.indexOf(compare.boundary))
    compare.act_start.trigger()
    qtbot.waitUntil(lambda: not compare.runner.running and compare.runner.multi.step == 40, timeout=HANG_GUARD_MS)
    w, loss = compare.surface.curve.getData()
    np.testing.assert_array_equal(loss, (w + np.float32(1)) ** 2)
    x, y = compare.surface.path_data(1)  # lr 1: every step jumps across the valley, 5 -> -7 -> 5 ...
    assert len(x) == 41 and set(x.tolist()) == {5.0, -7.0} and set(y.tolist()) == {36.0}
    x, _y = compare.surface.path_data(0)
    assert x[0] == 5.0 and abs(x[-1] + 1) < 1e-6
    x, _y = compare.surface.path_data(2)
    assert 4.9 < x[-1] < 5.0
    compare.parabola_box.setChecked(False)
    assert compare.runner.multi.network(0).size == 9


def test_loss_surface_shows_every_path_on_the_engines_loss(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=200))
    compare = open_compare(qtbot, window)
    set_runs(compare, "0.01, 0.05", optimizers=("gd", "adam"))
    compare.tabs.setCurrentWidget(compare.surface)
    compare.act_start.trigger()
    qtbot.waitUntil(lambda: not compare.runner.running and compare.runner.multi.step == 200, timeout=HANG_GUARD_MS)
    view, multi = compare.surface, compare.runner.multi
    assert view.image.image.shape == (41, 41) and np.isfinite(view.image.image).all()
    for k in range(4):
        x, y = view.path_data(k)
        np.testing.assert_allclose(np.column_stack([x, y]), view.plane.coordinates(multi.path(k)[1]))
    view.mode.setCurrentIndex(view.mode.findData("weights"))
    view.second.setCurrentIndex(4)
    assert view.plane.labels == ("w1[0,0]", "w1[1,1]")
    x, y = view.path_data(2)
    weights = multi.path(2)[1]
    np.testing.assert_allclose(x, weights[:, 0] - view.plane.origin[0])
    view.extent.setValue(3.0)
    assert view._extent_used == 3.0


def test_the_main_window_refuses_a_parabola_it_cannot_draw(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text)))
    window = make_window()
    path = tmp_path / "parabola.json"
    path.write_text(RunConfig().replace(dataset="parabola", hidden=[]).to_json())
    before = window.controller.config
    assert not window.files.open_config(path)
    assert shown and "View → Compare runs" in shown[0][1]
    assert window.controller.config == before
    compare = open_compare(qtbot, window)
    compare.parabola_box.setChecked(True)
    assert not compare.open_button.isEnabled()


def test_hovering_a_curve_names_its_run_and_value(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=100))
    compare = open_compare(qtbot, window)
    set_runs(compare, "0.001, 0.1")
    compare.act_start.trigger()
    qtbot.waitUntil(lambda: not compare.runner.running and compare.runner.multi.step == 100, timeout=HANG_GUARD_MS)
    loss = float(compare.runner.multi.batch_losses(1)[60])
    box = compare.loss_plot.getViewBox()
    box.setXRange(0, 100)  # the auto range follows the last redraw, which may have come before step 60
    from PySide6.QtCore import QPointF

    def hover() -> bool:  # again until the plot has drawn the finished runs (its range settles on redraws)
        scene_pos = box.mapViewToScene(QPointF(60, np.log10(loss)))
        compare.loss_plot.scene().sigMouseMoved.emit(scene_pos)
        return compare.hover_label.isVisible()

    qtbot.waitUntil(hover, timeout=HANG_GUARD_MS)
    assert compare.hover_label.textItem.toPlainText() == f"lr=0.1: {loss:.6g} at step 60"
    assert compare.hover_text(60, np.log10(loss) + 100) is None


def test_a_test_split_is_refused_in_one_line_under_the_button(qtbot, make_window):
    window = make_window()
    compare = open_compare(qtbot, window)
    runs_before = compare.runner.multi
    compare.window_base = compare.base = RunConfig().replace(test_ratio=0.25)
    assert not compare.apply_settings()
    text = compare.error_label.text()
    assert "--test-ratio" in text and "\n" not in text
    assert compare.runner.multi is runs_before


def test_a_run_compare_cannot_train_opens_compare_on_the_tutorial_with_the_reason(qtbot, make_window, monkeypatch):
    """The monkey test's finding: Compare opened from a run on imported points raised in the constructor."""
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    points = {"x": [[0.1, 0.2], [0.8, 0.9], [0.3, 0.1], [0.9, 0.7]], "label": [1, 0, 1, 0]}
    window = make_window(RunConfig().replace(points=points, batch_size=2))
    compare = open_compare(qtbot, window)
    assert len(shown) == 1 and "imported points" in shown[0]
    assert compare.window_base == RunConfig()
    assert window.controller.config.data.points is not None  # the main window's run is untouched
    run_until(qtbot, compare, 20)


def test_compare_follows_a_live_language_switch(qtbot, make_window):
    window = make_window()
    compare = open_compare(qtbot, window)
    assert compare.apply_button.text() == "Apply"
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: compare.apply_button.text() != "Apply", timeout=HANG_GUARD_MS)
        texts = [compare.windowTitle(), compare.act_start.text(), compare.tabs.tabText(0),
                 compare.surface.recentre.text(), compare.runs_label.text()]
        assert all(any("\u4e00" <= c <= "\u9fff" for c in text) for text in texts), texts
        run_until(qtbot, compare, 10)  # the runs go on
    finally:
        window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: compare.apply_button.text() == "Apply", timeout=HANG_GUARD_MS)
    assert compare.windowTitle() == "Compare runs — bpviz"
