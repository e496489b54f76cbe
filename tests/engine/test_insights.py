"""Insights are worked out from real runs: they hold for the runs that show them, and only for those."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bpviz.engine import insights
from bpviz.engine.config import RunConfig
from bpviz.engine.insights import LINEAR_CURVE, LINEAR_ORIGIN, PERIODIC, SLOW, batch_period, detect, of_trainer
from bpviz.engine.trainer import Trainer


def _run(steps: int, **changes) -> Trainer:
    trainer = Trainer(RunConfig().replace(**changes))
    trainer.run(steps)
    return trainer


def _kinds(trainer: Trainer) -> dict:
    return {i.kind: i for i in detect(of_trainer(trainer))}


@pytest.fixture(scope="module")
def tutorial():
    return _run(3000)


def test_the_tutorial_run_gets_the_linear_boundary_and_the_period_of_its_four_batches(tutorial):
    found = _kinds(tutorial)
    assert set(found) == {LINEAR_ORIGIN, PERIODIC}
    linear = found[LINEAR_ORIGIN]
    assert linear.action == insights.ADD_BIAS
    assert linear.values["truth"] == "x0 + x1 = 1" and linear.values["threshold"] == 0.5
    # the line is the run's own: the product of its weight matrices
    w = tutorial.weights()
    expected = (w["w1"].astype(np.float64) @ w["w2"].astype(np.float64))[:, 0]
    np.testing.assert_allclose(list(linear.values["coefficients"].values()), expected)
    # and y is the output of the network with those weights (no constant: 0 at the origin)
    X = np.array([[0.0, 0.0], [0.3, 0.6]], np.float32)
    np.testing.assert_allclose(tutorial.output(X)[:, 0], X.astype(np.float64) @ expected, rtol=1e-5, atol=1e-6)
    period = found[PERIODIC]
    assert period.values["period"] == 4 and period.values["n"] == 32 and period.values["batch_size"] == 8
    # the hardest batch's loss is the one the run recorded at its last visit
    losses = tutorial.history.batch_losses()
    last_cycle = losses[len(losses) - 4:]
    assert period.values["high"] == pytest.approx(float(last_cycle.max()))
    assert period.values["low"] == pytest.approx(float(last_cycle.min()))
    assert period.values["worst_rows"] == (8 * period.values["worst"], 8 * period.values["worst"] + 7)


def test_a_run_with_biases_does_not_get_the_linear_boundary():
    found = _kinds(_run(3000, bias=True))
    assert LINEAR_ORIGIN not in found and PERIODIC in found


def test_a_nonlinear_network_or_whole_batches_do_not_get_them():
    assert LINEAR_ORIGIN not in _kinds(_run(200, activation="relu"))
    assert PERIODIC not in _kinds(_run(200, batch_size=32))  # one batch: every step sees every point


def test_the_period_is_when_the_batches_come_back_in_the_same_order():
    assert batch_period(32, 8) == 4 and batch_period(32, 32) == 1 and batch_period(30, 8) == 15
    assert batch_period(300, 8) == 75


def test_not_before_three_whole_cycles():
    assert PERIODIC not in _kinds(_run(11))
    assert PERIODIC in _kinds(_run(12))


def test_a_stalling_loss_suggests_a_larger_rate():
    trainer = _run(20_000)
    slow = _kinds(trainer)[SLOW]
    assert slow.action == insights.RAISE_LR and slow.values["bigger"] == 0.01
    assert slow.values["to_step"] - slow.values["from_step"] == 500
    assert 0 < slow.values["percent"] < 0.1
    # early in the same run the loss still falls fast
    assert SLOW not in _kinds(_run(3000))


@pytest.mark.parametrize("drift", [0.0, -1e-9, 1e-9])
def test_a_settled_loss_stays_stalled_whatever_its_rounding_noise(drift):
    """At the bottom the logged loss moves by rounding noise, either way: the note must not come and go."""
    trainer = _run(600)
    run = of_trainer(trainer)
    steps = np.arange(0, 2_001, 100)
    losses = 0.25 * (1 + drift) ** np.arange(len(steps))
    slow = insights.slow(dataclasses.replace(run, logged_steps=steps, logged_losses=losses))
    assert slow is not None and slow.kind == SLOW
    assert 0 <= slow.values["percent"] < 1e-6


def test_the_insight_key_changes_with_what_it_is_about(tutorial):
    a = _kinds(tutorial)[LINEAR_ORIGIN]
    b = _kinds(_run(600, loss="sigmoid-ce"))[LINEAR_ORIGIN]
    assert a.key != b.key and b.values["threshold"] == 0.0


def test_the_line_is_told_once_the_run_has_moved_it():
    assert LINEAR_ORIGIN not in _kinds(_run(insights.LINEAR_AFTER - 1))
    assert LINEAR_ORIGIN in _kinds(_run(insights.LINEAR_AFTER))


def test_a_decaying_rate_keeps_the_stalled_note_on_one_key():
    trainer = Trainer(RunConfig().replace(lr_decay=0.9999, decay_steps=10, steps=30_000))
    trainer.run(19_000)
    keys = set()
    for _ in range(4):
        trainer.run(500)
        slow = _kinds(trainer).get(SLOW)
        if slow is not None:
            keys.add(slow.key)
            assert slow.values["lr"] < 0.001 and slow.values["bigger"] == 0.01  # now's rate; 10x the base one
    assert keys == {("gd", 0.001)}


def test_a_curved_rule_gets_the_straight_line_note_not_the_bias_one():
    circle = _kinds(_run(200, dataset="circle"))
    assert LINEAR_CURVE in circle and LINEAR_ORIGIN not in circle
    assert circle[LINEAR_CURVE].values["truth"] == "x0² + x1² = 2"
    assert circle[LINEAR_CURVE].action == insights.ADD_ACTIVATION
    assert LINEAR_CURVE in _kinds(_run(200, dataset="circle", bias=True))  # biases do not bend a line
    assert LINEAR_CURVE not in _kinds(_run(200, dataset="circle", activation="tanh"))
    assert LINEAR_CURVE not in _kinds(_run(200))  # the tutorial's rule is a straight line
    assert _kinds(_run(200, dataset="xor"))[LINEAR_CURVE].values["truth"] == "x0·x1 = 0"
