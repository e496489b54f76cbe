"""The losses beyond the tutorial's: the course's sales lesson (mse and cost/profit) and a 3-class softmax
against real TensorFlow 1 (tests/data, made by scripts/tf1_reference.py), hand-computed first steps in
float32, TF's tie rule, and the loss/data combinations that are refused."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.datasets import make_dataset
from bpviz.engine.losses import LOSSES
from bpviz.engine.session import load_session, save_session
from bpviz.engine.trainer import Trainer

DATA = Path(__file__).parents[1] / "data"
SALES = json.loads((DATA / "tf1_sales.json").read_text())
SOFTMAX3 = json.loads((DATA / "tf1_softmax3.json").read_text())
F32 = np.float32

SALES_RUNS = {"mse": dict(loss="mse"), "cost1_profit9": dict(loss="cost-profit", cost=1.0, profit=9.0),
              "cost9_profit1": dict(loss="cost-profit", cost=9.0, profit=1.0)}
SOFTMAX_RUNS = {"adam_lr0.01": dict(optimizer="adam", lr=0.01), "gd_lr0.1": dict(optimizer="gd", lr=0.1)}


def sales_config(**changes) -> RunConfig:
    return RunConfig().replace(**{"dataset": "sales", "hidden": [], "steps": 20000, **changes})


def softmax_config(**changes) -> RunConfig:
    return RunConfig().replace(**{"dataset": "sectors", "hidden": [4], "activation": "tanh", "bias": True,
                                  "loss": "softmax-ce", "steps": 600, "log_every": 100, **changes})


def assert_matches_tf1(trainer: Trainer, ref: dict) -> None:
    for step, loss in ref["log"]:
        assert trainer.history.logged[step] == pytest.approx(loss, rel=1e-5), f"loss after step {step}"
    for name, value in ref["final"].items():
        np.testing.assert_allclose(trainer.weights()[name], value, rtol=0, atol=1e-4, err_msg=name)


def test_the_course_data_are_generated_as_the_course_does():
    sales = make_dataset("sales")
    np.testing.assert_array_equal(sales.X64, SALES["X"])
    np.testing.assert_array_equal(sales.Y64, SALES["Y"])
    assert sales.is_regression
    sectors = make_dataset("sectors")
    np.testing.assert_array_equal(sectors.X64, SOFTMAX3["X"])
    np.testing.assert_array_equal(sectors.Y[:, 0], SOFTMAX3["labels"])
    assert sectors.n_classes == 3


@pytest.mark.parametrize("run", list(SALES_RUNS))
def test_sales_lesson_matches_tf1(run):
    ref = SALES["runs"][run]
    trainer = Trainer(sales_config(**SALES_RUNS[run]))
    np.testing.assert_array_equal(trainer.weights()["w1"], ref["initial"]["w1"])
    trainer.run(20000)
    assert_matches_tf1(trainer, ref)


def test_cost_and_profit_move_the_fit_as_the_course_says():
    fits = {}
    for run in ("cost1_profit9", "cost9_profit1"):
        trainer = Trainer(sales_config(**SALES_RUNS[run]))
        trainer.run(20000)
        fits[run] = trainer.weights()["w1"].ravel()
    assert (fits["cost1_profit9"] > 1.0).all()  # a lost sale costs more: predict more
    assert (fits["cost9_profit1"] < 1.0).all()


@pytest.mark.parametrize("run", list(SOFTMAX_RUNS))
def test_three_class_softmax_matches_tf1(run):
    ref = SOFTMAX3["runs"][run]
    trainer = Trainer(softmax_config(**SOFTMAX_RUNS[run]))
    for name, value in ref["initial"].items():
        np.testing.assert_array_equal(trainer.weights()[name], value)
    trainer.run(600)
    assert_matches_tf1(trainer, ref)
    assert trainer.full_loss() == pytest.approx(ref["final_loss"], rel=1e-5)


def test_cost_profit_first_step_by_hand():
    """Step 0 on rows 0..7 in float32: loss = Σ where(y > y_, C(y−y_), P(y_−y)), dL/dw = xᵀ·where(y > y_, C, −P)."""
    cost, profit, lr = F32(9), F32(1), F32(0.001)
    trainer = Trainer(sales_config(loss="cost-profit", cost=9.0, profit=1.0, steps=1))
    x, t = trainer.X[:8], trainer.Y[:8]
    w = trainer.weights()["w1"]
    y = x @ w
    over = y > t
    expected_loss = np.sum(np.where(over, cost * (y - t), profit * (t - y)), dtype=F32)
    loss = trainer.train_step()
    assert loss == pytest.approx(float(expected_loss), rel=1e-6)
    grad = x.T @ np.where(over, cost, -profit).astype(F32)
    np.testing.assert_allclose(trainer.gradients()["w1"], grad, rtol=1e-6)
    np.testing.assert_allclose(trainer.weights()["w1"], w - lr * grad, rtol=1e-6)


def test_softmax_first_step_by_hand():
    """Step 0: mean over the batch of −log softmax(y)[label]; gradient (softmax(y) − one-hot) / n."""
    trainer = Trainer(softmax_config(optimizer="gd", lr=0.1, steps=1))
    x, labels = trainer.X[:8].astype(np.float64), trainer.dataset.Y[:8, 0].astype(int)
    w = {k: v.astype(np.float64) for k, v in trainer.weights().items()}
    h = np.tanh(x @ w["w1"] + w["b1"])
    y = h @ w["w2"] + w["b2"]
    p = np.exp(y - y.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    expected = -np.mean(np.log(p[np.arange(8), labels]))
    assert trainer.train_step() == pytest.approx(expected, rel=1e-6)
    d = (p - np.eye(3)[labels]) / 8
    np.testing.assert_allclose(trainer.gradients()["w2"], h.T @ d, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(trainer.gradients()["b2"], d.sum(axis=0), rtol=1e-5, atol=1e-7)


def test_a_tie_takes_the_profit_branch():
    """TF's greater(y, y_) is false on a tie, so where() picks PROFIT·(y_ − y) and its gradient −PROFIT."""
    y = np.array([[1.0], [2.0], [3.0]], F32)
    t = np.array([[1.0], [1.0], [4.0]], F32)
    grad = np.empty_like(y)
    ops = LOSSES["cost-profit"].ops(y, t, grad, 3, np.dtype(F32), {"cost": 2.0, "profit": 5.0})
    for f, args in ops.forward + ops.backward:
        f(*args)
    np.testing.assert_array_equal(ops.per_sample.ravel(), [0.0, 2.0, 5.0])
    np.testing.assert_array_equal(grad.ravel(), [-5.0, 2.0, -5.0])
    assert ops.divisor == 1  # a sum over the batch, not a mean


def test_accuracy_of_classification_and_none_for_regression():
    trainer = Trainer(softmax_config(optimizer="adam", lr=0.01))
    trainer.run(600)
    probabilities = trainer.output(trainer.X)
    assert probabilities.shape == (48, 3)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1, rtol=1e-6)
    labels = trainer.dataset.Y[:, 0]
    assert trainer.accuracy() == pytest.approx(np.mean(np.argmax(probabilities, axis=1) == labels))
    assert trainer.accuracy() > 0.9
    tutorial = Trainer(RunConfig())
    assert tutorial.accuracy() == np.mean((tutorial.output(tutorial.X)[:, 0] >= 0.5) == tutorial.dataset.Y[:, 0])
    assert Trainer(sales_config()).accuracy() is None


@pytest.mark.parametrize("dataset,loss,says", [
    ("sales", "sigmoid-ce", "sigmoid-ce cannot fit numbers"),
    ("reg-plane", "softmax-ce", "softmax-ce cannot fit numbers"),
    ("sectors", "mse", "mse cannot fit 3 classes"),
    ("sectors", "sigmoid-ce", "sigmoid-ce cannot fit 3 classes"),
    ("sectors", "cost-profit", "cost-profit cannot fit 3 classes"),
])
def test_a_loss_that_cannot_fit_the_data_is_refused(dataset, loss, says):
    with pytest.raises(ConfigError, match=says) as caught:
        RunConfig().replace(dataset=dataset, loss=loss)
    assert caught.value.option == "--loss"


def test_a_softmax_session_reopens_and_continues_exactly(tmp_path):
    trainer = Trainer(softmax_config(optimizer="adam", lr=0.01))
    trainer.run(300)
    save_session(trainer, tmp_path / "s.npz")
    again = load_session(tmp_path / "s.npz")
    again.run(300)
    trainer.run(300)
    np.testing.assert_array_equal(again.params, trainer.params)
