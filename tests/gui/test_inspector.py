"""The step inspector's widgets with real engine records: the numbers they show are the record's.

PNGs of every widget go to /tmp/bpviz-inspector/ for looking at.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QInputDialog  # noqa: E402

from bpviz.engine.config import RunConfig  # noqa: E402
from bpviz.engine.step_record import gradient_check, record_step, sample_table  # noqa: E402
from bpviz.engine.trainer import Trainer  # noqa: E402
from bpviz.gui.inspector import (CodePanel, GradientCheckView, NetworkDiagram, SampleTableView,  # noqa: E402
                                 StepInspector)
from bpviz.gui.inspector._common import exact  # noqa: E402

SHOTS = Path("/tmp/bpviz-inspector")
TUTORIAL_MD = Path(__file__).resolve().parents[2] / "docs" / "tutorial.md"  # the tutorial's program, verbatim
SHOWN = dict(rtol=1e-4, atol=1e-12)  # tables show 5 significant digits
DEEP = RunConfig().replace(hidden=[4, 3], activation="tanh", bias=True, optimizer="adam", lr=0.01)


def tutorial_record(steps=5, config=None):
    trainer = Trainer(config or RunConfig())
    trainer.run(steps)
    return trainer, record_step(trainer)


def plain(text: str) -> str:
    """Formula text with ASCII minus signs, for searching numbers in it."""
    return text.replace("\u2212", "-")


def save(widget, name: str) -> None:
    QApplication.processEvents()  # let layouts settle, as they would before the next paint
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def shown(qtbot, widget, w=1100, h=760):
    qtbot.addWidget(widget)
    widget.resize(w, h)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click_cell(qtbot, table, row, col):
    rect = table.visualItemRect(table.item(row, col))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())


# -- StepInspector ---------------------------------------------------------------------------------
@pytest.fixture
def inspector(qtbot):
    return shown(qtbot, StepInspector())


def test_forward_phase_shows_the_records_numbers(inspector):
    _, rec = tutorial_record()
    inspector.set_record(rec)
    assert inspector.phase() == "forward"
    tables = inspector.tables("forward")
    for k, layer in enumerate(rec.layers, 1):
        np.testing.assert_allclose(tables[f"input{k}"].values(), layer.inputs, **SHOWN)
        np.testing.assert_allclose(tables[f"w{k}"].values(), rec.before[f"w{k}"], **SHOWN)
        np.testing.assert_allclose(tables[f"z{k}"].values(), layer.z, **SHOWN)
        np.testing.assert_array_equal(tables[f"z{k}"].exact_values(), layer.z)  # the tooltips' full values
    # one row per sample of the batch, labelled with the sample's index in X
    z1 = tables["z1"]
    assert [z1.verticalHeaderItem(r).text() for r in range(z1.rowCount())] == [f"#{i}" for i in range(8, 16)]
    assert [z1.horizontalHeaderItem(c).text() for c in range(3)] == ["a0", "a1", "a2"]
    assert inspector.page().blocks["z1"].caption.text() == "a = z1 = x · w1"  # the tutorial's names
    assert inspector.page().blocks["z2"].caption.text() == "y = z2 = a · w2"
    save(inspector, "inspector-1-forward")


def test_loss_phase_shows_each_samples_loss_and_the_mean(inspector):
    _, rec = tutorial_record()
    inspector.set_record(rec)
    inspector.set_phase("loss")
    table = inspector.tables()["loss"]
    y = rec.layers[-1].a.ravel()
    np.testing.assert_allclose(table.values()[:, 0], y, **SHOWN)
    np.testing.assert_allclose(table.values()[:, 1], rec.y_true.ravel(), **SHOWN)
    np.testing.assert_allclose(table.values()[:, 2], y - rec.y_true.ravel(), **SHOWN)
    np.testing.assert_allclose(table.values()[:, 3], rec.sample_losses, **SHOWN)
    text = plain(inspector.texts()["mean"])
    assert f"= {exact(rec.loss)}" in text
    assert "/ 8" in text
    terms = re.search(r"= \((.*)\) / 8", text).group(1).split(" + ")
    np.testing.assert_allclose([float(t) for t in terms], rec.sample_losses, **SHOWN)
    save(inspector, "inspector-2-loss")


def test_backward_phases_show_the_gradients_layer_by_layer(inspector):
    _, rec = tutorial_record()
    inspector.set_record(rec)
    inspector.set_phase("backward: layer 2")
    t = inspector.tables()
    np.testing.assert_allclose(t["dL/dy"].values(), rec.grad_y, **SHOWN)
    np.testing.assert_allclose(t["y-y_"].values(), rec.layers[1].a - rec.y_true, **SHOWN)
    np.testing.assert_allclose(t["input2T"].values(), rec.layers[1].inputs.T, **SHOWN)
    np.testing.assert_allclose(t["dL/dz2"].values(), rec.layers[1].grad_z, **SHOWN)
    np.testing.assert_allclose(t["dL/dw2"].values(), rec.layers[1].grad_w, **SHOWN)
    save(inspector, "inspector-3-backward-layer2")

    inspector.set_phase("backward: layer 1")
    t = inspector.tables()
    np.testing.assert_allclose(t["dL/dz2"].values(), rec.layers[1].grad_z, **SHOWN)
    np.testing.assert_allclose(t["w2T"].values(), rec.before["w2"].T, **SHOWN)
    np.testing.assert_allclose(t["dL/da1"].values(), rec.layers[0].grad_a, **SHOWN)
    np.testing.assert_allclose(t["input1T"].values(), rec.x.T, **SHOWN)
    np.testing.assert_allclose(t["dL/dw1"].values(), rec.layers[0].grad_w, **SHOWN)
    save(inspector, "inspector-4-backward-layer1")


def test_update_phase_spells_out_one_weights_arithmetic(qtbot, inspector):
    _, rec = tutorial_record()
    inspector.set_record(rec)
    inspector.set_phase("update")
    t = inspector.tables()
    for name in ("w1", "w2"):
        np.testing.assert_allclose(t[f"{name}.before"].values(), rec.before[name], **SHOWN)
        np.testing.assert_allclose(t[f"{name}.after"].values(), rec.after[name], **SHOWN)
        np.testing.assert_allclose(t[f"{name}.delta"].values(), rec.delta[name], **SHOWN)
    np.testing.assert_allclose(t["w1.grad"].values(), rec.layers[0].grad_w, **SHOWN)

    assert inspector.highlighted_weight() == ("w1", (0, 0))
    text = plain(inspector.texts()["example"])
    old, new = rec.before["w1"][0, 0], rec.after["w1"][0, 0]
    g = rec.layers[0].grad_w[0, 0]
    assert f"= {exact(old)} - 0.001 × ({exact(g)})" in text  # g < 0 here, so in parentheses
    assert f"= {exact(new)}" in text
    assert exact(rec.delta["w1"][0, 0]) in text
    save(inspector, "inspector-5-update")

    # clicking a cell explains that weight instead
    with qtbot.waitSignal(inspector.weight_highlighted) as blocker:
        click_cell(qtbot, t["w2.delta"], 1, 0)
    assert blocker.args == ["w2", (1, 0)]
    text = plain(inspector.texts()["example"])
    assert f"{exact(rec.before['w2'][1, 0])} - 0.001 × {exact(rec.layers[1].grad_w[1, 0])}" in text
    assert f"= {exact(rec.after['w2'][1, 0])}" in text
    assert t["w2.before"].item(1, 0).font().bold() and not t["w2.before"].item(0, 0).font().bold()


def test_next_and_previous_walk_the_phases_and_the_code_follows(qtbot, inspector):
    code = shown(qtbot, CodePanel(), 700, 500)
    diagram = shown(qtbot, NetworkDiagram(), 600, 400)
    inspector.phase_changed.connect(code.highlight_phase)
    inspector.phase_changed.connect(diagram.highlight_phase)
    trainer, rec = tutorial_record()
    diagram.set_structure(trainer.net.sizes, trainer.net.has_bias)
    emitted = []
    inspector.phase_changed.connect(lambda p, k: emitted.append((p, k)))
    inspector.set_record(rec)
    assert inspector.phases() == ["forward", "loss", "backward: layer 2", "backward: layer 1", "update"]
    assert emitted == [("forward", 0)]
    assert code.highlighted_lines() == ["a = tf.matmul(x,w1)", "y = tf.matmul(a,w2)"]
    assert diagram.highlighted_layers() == [1, 2]
    assert not inspector._prev.isEnabled()

    expected = [
        ("loss", ("loss", 0), ["loss = tf.reduce_mean(tf.square(y - y_))"], []),
        ("backward: layer 2", ("backward", 2),
         ["train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)"], [2]),
        ("backward: layer 1", ("backward", 1),
         ["train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)"], [1]),
        ("update", ("update", 0), ["sess.run(train_step,feed_dict={x:X[start:end],y_:Y[start:end]})"], [1, 2]),
    ]
    for phase, signal, lines, layers in expected:
        qtbot.mouseClick(inspector._next, Qt.LeftButton)
        assert inspector.phase() == phase
        assert emitted[-1] == signal
        assert code.highlighted_lines() == lines
        assert diagram.highlighted_layers() == layers
    assert not inspector._next.isEnabled()
    for phase in ["backward: layer 1", "backward: layer 2", "loss", "forward"]:
        qtbot.mouseClick(inspector._prev, Qt.LeftButton)
        assert inspector.phase() == phase
    assert emitted[-1] == ("forward", 0)


def test_new_records_update_the_same_widgets_and_keep_the_phase(inspector):
    trainer, rec = tutorial_record()
    inspector.set_record(rec)
    inspector.set_phase("backward: layer 1")
    table = inspector.tables()["dL/dw1"]
    rec2 = record_step(trainer)
    inspector.set_record(rec2)
    assert inspector.phase() == "backward: layer 1"
    assert inspector.tables()["dL/dw1"] is table  # updated in place
    np.testing.assert_allclose(table.values(), rec2.layers[0].grad_w, **SHOWN)
    assert "Update i = 6" in inspector.texts()["title"]
    inspector.clear()  # e.g. after a reset
    assert not inspector._next.isEnabled() and "No update" in inspector.texts()["title"]
    inspector.set_record(rec2)
    assert inspector.phase() == "backward: layer 1" and inspector._next.isEnabled()


def test_momentum_and_adam_show_their_state(inspector):
    _, rec = tutorial_record(3, RunConfig().replace(optimizer="momentum"))
    inspector.set_record(rec)
    inspector.set_phase("update")
    text = plain(inspector.texts()["example"])
    acc = rec.slots_after["accumulator"]["w1"][0, 0]
    assert f"= {exact(acc)}" in text and "0.9 × " in text
    np.testing.assert_allclose(inspector.tables()["w1.accumulator"].values(), rec.slots_after["accumulator"]["w1"],
                               **SHOWN)
    assert f"= {exact(rec.after['w1'][0, 0])}" in text

    _, rec = tutorial_record(3, DEEP)
    inspector.set_record(rec, loss="mse")
    assert inspector.phases()[2:5] == ["backward: layer 3", "backward: layer 2", "backward: layer 1"]
    inspector.set_phase("update")
    text = plain(inspector.texts()["example"])
    for value in (rec.slots_after["m"]["w1"][0, 0], rec.slots_after["v"]["w1"][0, 0], rec.lr_t,
                  rec.after["w1"][0, 0]):
        assert f"= {exact(value)}" in text
    step = float(text.split("step = lr_t")[1].split("\n")[1].split("=")[1])
    assert step == pytest.approx(rec.before["w1"][0, 0] - rec.after["w1"][0, 0], rel=1e-4)
    np.testing.assert_allclose(inspector.tables()["b1.grad"].values().ravel(), rec.layers[0].grad_b, **SHOWN)
    save(inspector, "inspector-6-adam-update")
    inspector.set_phase("backward: layer 2")
    t = inspector.tables()
    np.testing.assert_allclose(t["act'2"].values(), 1 - rec.layers[1].a.astype(np.float64) ** 2, **SHOWN)
    np.testing.assert_allclose(t["dL/dz2"].values(), rec.layers[1].grad_z, **SHOWN)
    np.testing.assert_allclose(t["dL/db2"].values().ravel(), rec.layers[1].grad_b, **SHOWN)
    save(inspector, "inspector-7-tanh-backward")


# -- NetworkDiagram --------------------------------------------------------------------------------
@pytest.fixture
def diagram(qtbot):
    d = shown(qtbot, NetworkDiagram(), 720, 440)
    d.set_structure([2, 3, 1], False)
    return d


def test_diagram_has_a_link_per_weight_styled_by_value(diagram):
    trainer, _ = tutorial_record()
    assert sorted(diagram.link_items()) == sorted(
        [("w1", (i, j)) for i in range(2) for j in range(3)] + [("w2", (i, 0)) for i in range(3)])
    w = trainer.weights()
    diagram.set_values(w, trainer.gradients())
    links = diagram.link_items()
    big, small = links[("w1", (1, 0))].pen(), links[("w1", (0, 2))].pen()  # -2.43 and 0.065
    assert big.widthF() > 4 * small.widthF()
    assert big.color().red() > big.color().blue()  # negative: red
    assert links[("w2", (1, 0))].pen().color().blue() > links[("w2", (1, 0))].pen().color().red()  # positive
    diagram.set_color_by("gradient")
    g = trainer.gradients()
    strongest = max(links, key=lambda key: abs(g[key[0]][key[1]]))
    assert links[strongest].pen().widthF() == max(link.pen().widthF() for link in links.values())
    save(diagram, "diagram-gradient")
    diagram.set_color_by("weight")
    diagram.highlight_link("w1", (1, 0))  # e.g. the weight the step inspector explains
    assert diagram.highlighted_link() == ("w1", (1, 0))
    diagram.highlight_phase("backward", 1)
    assert diagram.highlighted_layers() == [1]
    save(diagram, "diagram-backward-layer1")


def test_hover_text_follows_the_latest_values(qtbot, diagram):
    trainer = Trainer(RunConfig())
    diagram.set_values(trainer.weights(), None)
    first = diagram.hover_text("w1", (0, 2))
    assert "w1[0,2]" in first and "x0" in first and "a2" in first
    assert exact(trainer.weights()["w1"][0, 2]) in first
    trainer.run(50)
    w = trainer.weights()
    diagram.set_values(w, trainer.gradients())
    second = diagram.hover_text("w1", (0, 2))
    assert second != first
    assert exact(w["w1"][0, 2]) in second and exact(trainer.gradients()["w1"][0, 2]) in second

    # a real hover: the read-out under the diagram changes while the pointer stays on the link
    view = diagram.view()
    pos = _point_on_link(diagram, "w2", (1, 0))

    def move_pointer_onto_the_link() -> bool:
        # the viewport's own mouse-move event, as the window system delivers it: the view turns it into the
        # scene's hover events (a synthesized cursor move may not reach a window that is not active)
        event = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)),
                            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), event)
        return diagram.hovered() == ("w2", (1, 0))

    qtbot.waitUntil(move_pointer_onto_the_link)
    assert exact(w["w2"][1, 0]) in diagram.readout_text()
    save(diagram, "diagram-hover")
    trainer.run(50)
    diagram.set_values(trainer.weights(), trainer.gradients())
    assert exact(trainer.weights()["w2"][1, 0]) in diagram.readout_text()


def _point_on_link(diagram, name, index) -> QPoint:
    """A viewport point where the topmost item is this link (links cross, so try along its path)."""
    view, link = diagram.view(), diagram.link_items()[(name, index)]
    for percent in np.linspace(0.2, 0.8, 25):
        pos = view.mapFromScene(link.path().pointAtPercent(float(percent)))
        if view.itemAt(pos) is link:
            return pos
    raise AssertionError(f"no clickable point on {name}{index}")


def test_clicking_a_link_asks_for_a_value_and_emits_weight_edited(qtbot, diagram, monkeypatch):
    trainer = Trainer(RunConfig())
    diagram.set_values(trainer.weights(), None)
    asked = []

    def fake_get_double(parent, title, label, value, *args, **kwargs):
        asked.append((label, value))
        return 0.25, True

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(fake_get_double))
    pos = _point_on_link(diagram, "w1", (1, 2))
    with qtbot.waitSignal(diagram.weight_edited) as blocker:
        qtbot.mouseClick(diagram.view().viewport(), Qt.LeftButton, pos=pos)
    assert blocker.args == ["w1", (1, 2), 0.25]
    label, value = asked[0]
    assert "w1[1,2]" in label and value == pytest.approx(float(trainer.weights()["w1"][1, 2]))

    monkeypatch.setattr(QInputDialog, "getDouble", staticmethod(lambda *a, **k: (1.0, False)))
    with qtbot.assertNotEmitted(diagram.weight_edited):  # the signal is emitted directly, if at all
        diagram.edit_link("w2", (0, 0))  # cancelled


def test_diagram_with_biases_and_new_structure(qtbot, diagram):
    trainer = Trainer(DEEP)
    trainer.run(3)
    diagram.set_structure(trainer.net.sizes, trainer.net.has_bias)
    links = diagram.link_items()
    assert len(links) == 2 * 4 + 4 * 3 + 3 * 1 + 4 + 3 + 1
    diagram.set_values(trainer.weights(), trainer.gradients())
    text = diagram.hover_text("b2", (1,))
    assert "bias" in text and exact(trainer.weights()["b2"][1]) in text
    diagram.highlight_phase("forward", 0)
    save(diagram, "diagram-deep-forward")


# -- CodePanel -------------------------------------------------------------------------------------
def test_code_panel_embeds_the_tutorial_code_and_highlights_phases(qtbot):
    panel = shown(qtbot, CodePanel(), 760, 620)
    md = TUTORIAL_MD.read_text(encoding="utf-8")
    listing = max(re.findall(r"```python\n(.*?)```", md, re.S), key=len)
    text = panel.text()
    # what the panel shows is the tutorial's program, plus comment lines that mark the recipe's four parts
    assert [line for line in text.splitlines() if not line.startswith("# ━━ ")] == listing.splitlines()
    assert "# 在 python 中 true 为 1，false 为 0" in text  # the students' comments stay
    for chinese in ("准备", "前传", "反传", "迭代"):
        assert re.search(rf"^# ━━ {chinese} · ", text, re.M)
    panel.highlight_phase("prepare")
    assert panel.highlighted_lines() == ["BATCH_SIZE = 8", "seed = 23455", "rng = np.random.RandomState(seed)",
                                         "X = rng.rand(32,2)", "Y = [[int(X0 + X1 < 1)] for (X0,X1) in X]"]
    panel.highlight_phase("forward", 2)
    assert panel.highlighted_lines() == ["y = tf.matmul(a,w2)"]
    panel.highlight_phase("loss")
    assert panel.current_part() == "backward"
    panel.set_optimizer("adam", 0.01)
    panel.highlight_phase("backward", 1)
    assert panel.highlighted_lines()[0].startswith("train_step = tf.train.AdamOptimizer(0.01).minimize(loss)")
    save(panel, "code-panel-backward")
    panel.set_optimizer("gd", 0.001)
    assert panel.highlighted_lines() == ["train_step = tf.train.GradientDescentOptimizer(0.001).minimize(loss)"]
    panel.highlight_phase("update")
    assert panel.current_part() == "iterate"
    save(panel, "code-panel-update")


# -- SampleTableView -------------------------------------------------------------------------------
def test_sample_table_rows_batch_and_selection(qtbot):
    view = shown(qtbot, SampleTableView(), 720, 760)
    trainer, _ = tutorial_record()
    table = sample_table(trainer)  # describes the next update: rows 16..23
    view.set_table(table)
    model = view.model()
    assert model.rowCount() == 32 and model.columnCount() == 8
    for r in range(32):
        in_batch = 16 <= r < 24
        assert (model.index(r, 6).data() == "✓") == in_batch
        assert (model.index(r, 0).data(Qt.BackgroundRole) is not None) == in_batch
        assert float(model.index(r, 4).data()) == pytest.approx(table.prediction[r], abs=5e-5)
        assert float(model.index(r, 5).data()) == pytest.approx(table.loss[r], rel=1e-3)
    shares = [float(model.index(r, 7).data().rstrip(" %")) for r in range(16, 24)]
    assert sum(shares) == pytest.approx(100, abs=0.5)

    selected = []
    view.sample_selected.connect(selected.append)
    rect = view.visualRect(model.index(18, 2))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert selected == [18]
    view.select_sample(5)
    assert view.selected_sample() == 5 and selected == [18]  # no echo

    view.sortByColumn(5, Qt.DescendingOrder)  # by loss: sample indices still come out right
    worst = int(np.argmax(table.loss))
    assert view.row_of_sample(worst) == 0
    rect = view.visualRect(model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    assert selected == [18, worst]
    view.sortByColumn(0, Qt.AscendingOrder)
    view.set_table(sample_table(trainer))  # refreshed in place: selection kept, nothing emitted
    assert view.selected_sample() == worst and selected == [18, worst]
    save(view, "sample-table")


# -- GradientCheckView -----------------------------------------------------------------------------
def test_gradient_check_view_marks_pass_and_fail(qtbot):
    view = shown(qtbot, GradientCheckView(), 480, 280)
    with qtbot.waitSignal(view.check_requested):
        qtbot.mouseClick(view.button(), Qt.LeftButton)
    trainer, _ = tutorial_record()
    errors = gradient_check(trainer)
    view.set_result(errors)
    results = view.results()
    assert set(results) == {"w1", "w2"} and all(ok for _, ok in results.values())
    assert float(results["w1"][0]) == pytest.approx(errors["w1"], rel=0.01)
    assert "agree" in view.summary()
    save(view, "gradient-check-pass")
    view.set_result({"w1": 3e-11, "w2": 2.5e-3})
    assert view.results()["w2"][1] is False and view.results()["w1"][1] is True
    assert "w2" in view.summary()
    save(view, "gradient-check-fail")


def test_empty_gradient_check_result_resets_the_verdict(qtbot):
    from bpviz.gui.inspector.gradient_check_view import GradientCheckView

    view = GradientCheckView()
    qtbot.addWidget(view)
    view.set_result({"w1": 0.5})
    view.set_result({})
    assert view.summary() == "Not checked yet." and view._summary.styleSheet() == ""
