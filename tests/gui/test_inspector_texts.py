"""The step inspector's words follow the run: its activation, biases, loss and the data's label rule, and the
language, live."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication

from bpviz.engine.config import RunConfig
from bpviz.engine.datasets import label_rule
from bpviz.engine.step_record import record_step
from bpviz.engine.trainer import Trainer
from bpviz.gui.inspector import StepInspector
from bpviz.gui.language import apply_language

from .conftest import press


def _plain(html: str) -> str:
    return QTextDocumentFragment.fromHtml(html).toPlainText()


def _inspect(qtbot, config: RunConfig, steps: int = 3) -> tuple[StepInspector, object]:
    trainer = Trainer(config)
    trainer.run(steps)
    rec = record_step(trainer)
    inspector = StepInspector()
    qtbot.addWidget(inspector)
    lc, d = config.loss, trainer.dataset
    inspector.set_record(rec, lc.loss, lc.l1, lc.l2, lc.cost, lc.profit, labels=label_rule(config.data.dataset),
                         regression=d.is_regression)
    return inspector, rec


def _explanation(inspector, phase: str) -> str:
    inspector.set_phase(phase)
    return _plain(inspector.texts()["explanation"])


def test_the_tutorial_run_is_described_as_the_tutorial(qtbot):
    inspector, _rec = _inspect(qtbot, RunConfig())
    forward = _explanation(inspector, "forward")
    assert "as in the tutorial, both layers are linear" in forward
    assert "a = tf.matmul(x, w1), y = tf.matmul(a, w2)" in forward
    assert "(1 if x0 + x1 < 1, else 0)" in _explanation(inspector, "loss")


def test_activation_biases_and_another_data_set_are_the_runs_own(qtbot):
    inspector, _rec = _inspect(qtbot, RunConfig().replace(dataset="circle", activation="relu", bias=True))
    forward = _explanation(inspector, "forward")
    assert "both layers are linear" not in forward and "tutorial" not in forward
    assert "ReLU" in forward and "a = tf.nn.relu(tf.matmul(x, w1) + b1), y = tf.matmul(a, w2) + b2" in forward
    loss = _explanation(inspector, "loss")
    assert "x0² + x1² < 2" in loss and "x0 + x1 < 1" not in loss
    deep, _rec = _inspect(qtbot, RunConfig().replace(hidden=[4, 3], activation="tanh"))
    assert "a1 = tf.nn.tanh(tf.matmul(x, w1))" in _explanation(deep, "forward")


def test_the_cost_profit_loss_is_a_sum_with_its_own_gradient(qtbot):
    config = RunConfig().replace(dataset="sales", loss="cost-profit", cost=1.0, profit=9.0)
    inspector, rec = _inspect(qtbot, config)
    assert "targets y_ (the day's sales" in _explanation(inspector, "loss")
    texts = inspector.texts("loss")
    assert "Cost / profit" in _plain(inspector.page("loss").intro.text())
    assert "loss = sum of loss term over the 8 samples" in texts["mean"] and "/ 8" not in texts["mean"]
    total = float(np.sum(rec.sample_losses, dtype=np.float64))
    assert total == pytest.approx(rec.loss, rel=1e-6)
    inspector.set_phase("backward: layer 2")
    heading = _plain(inspector.page().h_dy.text())
    assert "COST = 1" in heading and "−PROFIT = −9" in heading and "sigmoid" not in heading
    np.testing.assert_array_equal(inspector.tables()["dL/dy"].values(), rec.grad_y)


def test_softmax_cross_entropy_shows_one_logit_per_class(qtbot):
    inspector, rec = _inspect(qtbot, RunConfig().replace(dataset="sectors", loss="softmax-ce"))
    table = inspector.tables("loss")["loss"]
    assert table.values().shape == (8, 3 + 2)  # y0 y1 y2, the class, the loss term
    np.testing.assert_array_equal(table.values()[:, 3], np.argmax(rec.y_true, axis=1))
    assert "Softmax cross-entropy" in _plain(inspector.page("loss").intro.text())
    inspector.set_phase("backward: layer 2")
    assert "softmax(y) − y_" in _plain(inspector.page().h_dy.text())
    assert inspector.tables()["dL/dy"].values().shape == (8, 3)


def test_the_window_passes_the_run_and_texts_follow_the_language_live(qtbot, make_window):
    window = make_window(RunConfig().replace(dataset="circle"))
    window.workspaces.switch("inspect")
    QApplication.processEvents()
    ins = window.inspection
    press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: ins.records == 1)
    inspector = ins.inspector
    assert "x0² + x1² < 2" in _explanation(inspector, "loss")
    model = ins.samples.source_model()
    assert model.headerData(3, Qt.Horizontal, Qt.ToolTipRole) == "The answer y_: 1 if x0² + x1² < 2, else 0."
    inspector.set_phase("forward")
    try:
        window.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: "前向传播" in inspector.texts()["explanation"])
        assert "tf.matmul(x, w1)" in inspector.texts()["explanation"]
        assert inspector._next.text() != "Next phase ▶"
        assert "梯度下降" in _plain(inspector.texts()["title"])  # the optimizer by its name, translated
        assert "x0² + x1² < 2 时为 1" in _explanation(inspector, "loss")
        assert model.headerData(3, Qt.Horizontal, Qt.ToolTipRole) != "The answer y_: 1 if x0² + x1² < 2, else 0."
        assert model.headerData(3, Qt.Horizontal, Qt.DisplayRole) != "label"
        # the other inspection docks too
        assert ins.diagram._color_label.text() != "Colour and width by:"
        assert ins.gradcheck.button().text() != "Check gradients"
        assert "tutorial's recipe" not in ins.code._title.text()
        assert "前传" in ins.code.text() and "forward: inputs" not in ins.code.text()
        assert not ins.samples_caption.text().startswith("Update i = 0")
        assert ins.gradients.tabs().tabText(1) != "ΔW last step"
        assert "update i = 0" not in ins.gradients._captions["delta"].text()
        assert ins.timeline._title.text() != " Timeline: step "
        assert window.workspaces.actions["inspect"].text() != "&Inspect"
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: "Loss." in inspector.texts()["explanation"])
    assert inspector._next.text() == "Next phase ▶" and ins.gradcheck.button().text() == "Check gradients"
    assert "forward: inputs, parameters, output" in ins.code.text()
    assert ins.samples_caption.text().startswith("Update i = 0")
    assert ins.gradients.tabs().tabText(1) == "ΔW last step"
    assert "of update i = 0" in ins.gradients._captions["delta"].text()


def test_a_regression_shows_its_targets_as_numbers_in_the_sample_table(qtbot, make_window):
    window = make_window(RunConfig().replace(dataset="sales", loss="cost-profit"))
    window.workspaces.switch("inspect")
    QApplication.processEvents()
    ins = window.inspection
    press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: ins.records == 1)
    model = ins.samples.source_model()
    target = float(model.table().label[0])
    assert model.data(model.index(0, 3)) == f"{target:.4f}" and 0 < target < 2
    assert model.headerData(3, Qt.Horizontal, Qt.ToolTipRole).startswith("The target y_: the day's sales")


def test_the_code_panel_shows_the_runs_network_and_loss_lines(qtbot, make_window):
    window = make_window(RunConfig().replace(dataset="circle", activation="relu", bias=True, loss="sigmoid-ce"))
    window.workspaces.switch("inspect")
    QApplication.processEvents()
    ins = window.inspection
    code = ins.code
    qtbot.waitUntil(lambda: "tf.nn.relu" in code.text())
    assert "a = tf.nn.relu(tf.matmul(x,w1) + b1)  # bpviz: your run's network" in code.text()
    assert "y = tf.matmul(a,w2) + b2" in code.text()
    assert "loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y_, logits=y))  # bpviz" \
        in code.text()
    press(qtbot, window, Qt.Key_Right)
    qtbot.waitUntil(lambda: ins.records == 1)
    ins.inspector.set_phase("forward")
    assert code.highlighted_lines()[0].startswith("a = tf.nn.relu(")
    ins.inspector.set_phase("loss")
    assert code.highlighted_lines()[0].startswith("loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy")
    # back to the tutorial's configuration: the tutorial's own lines
    window.panel.restore_tutorial_defaults()
    qtbot.waitUntil(lambda: "tf.nn.relu" not in code.text())
    assert "a = tf.matmul(x,w1)\ny = tf.matmul(a,w2)" in code.text()
    assert "loss = tf.reduce_mean(tf.square(y - y_))\n" in code.text()
