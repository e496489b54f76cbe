"""The step inspector's data: the engine's own values, an independent gradient check."""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.step_record import gradient_check, record_step, sample_table
from bpviz.engine.trainer import Trainer

DEEP = RunConfig().replace(dataset="xor", hidden=[4, 3], activation="tanh", bias=True, loss="sigmoid-ce",
                           optimizer="adam", lr=0.01, l2=0.01)


@pytest.mark.parametrize("config", [RunConfig(), DEEP], ids=["tutorial", "deep"])
def test_recording_a_step_changes_nothing_about_training(config):
    plain, inspected = Trainer(config), Trainer(config)
    plain.run(12)
    inspected.run(5)
    for _ in range(7):
        record_step(inspected)
    np.testing.assert_array_equal(plain.params, inspected.params)
    np.testing.assert_array_equal(plain.history.batch_losses(), inspected.history.batch_losses())


@pytest.mark.parametrize("config", [RunConfig(), DEEP], ids=["tutorial", "deep"])
def test_record_matches_a_fresh_forward_pass_of_the_batch(config):
    trainer = Trainer(config)
    trainer.run(6)
    rec = record_step(trainer)
    assert rec.step == 6
    np.testing.assert_array_equal(rec.rows, trainer.batch_indices(6))
    np.testing.assert_array_equal(rec.x, trainer.X[rec.rows])
    flat = np.concatenate([rec.before[name].ravel() for name in trainer.net.names])
    for layer, (z, a) in zip(rec.layers, trainer.net.forward(flat, rec.x)):
        np.testing.assert_allclose(layer.z, z, rtol=1e-6, atol=1e-7)
        np.testing.assert_allclose(layer.a, a, rtol=1e-6, atol=1e-7)
    assert rec.loss == pytest.approx(float(np.mean(rec.sample_losses)) + _l2(config, rec.before), rel=1e-6)
    assert rec.loss == trainer.history.batch_losses()[6]


def _l2(config, weights):
    return config.loss.l2 * sum(float(np.sum(w.astype(np.float64) ** 2)) / 2
                                for name, w in weights.items() if name.startswith("w"))


def test_tutorial_update_is_minus_lr_times_gradient():
    trainer = Trainer(RunConfig())
    rec = record_step(trainer)
    out = rec.layers[-1]
    # backprop by hand for y = (x·w1)·w2, mse
    grad_y = (rec.layers[-1].a - rec.y_true) * np.float32(2 / 8)
    np.testing.assert_allclose(rec.grad_y, grad_y, rtol=1e-6)
    np.testing.assert_allclose(out.grad_w, rec.layers[0].a.T @ grad_y, rtol=1e-6)
    for name, grad in (("w1", rec.layers[0].grad_w), ("w2", out.grad_w)):
        # new − old in float32 loses the digits below the weight's ulp (~2.4e-7 for |w| ≈ 2.4)
        np.testing.assert_allclose(rec.delta[name], -np.float32(0.001) * grad, rtol=0, atol=3e-7)


def test_adam_record_shows_bias_corrected_step_size_and_moments():
    config = RunConfig().replace(optimizer="adam", lr=0.01)
    trainer = Trainer(config)
    rec = record_step(trainer)
    # float32 like TF: 1 − float32(0.999) = 0.00099998713, hence rel 1e-5 rather than exact
    assert rec.lr_t == pytest.approx(0.01 * np.sqrt(1 - 0.999) / (1 - 0.9), rel=1e-5)
    g = rec.layers[0].grad_w
    np.testing.assert_allclose(rec.slots_after["m"]["w1"], 0.1 * g, rtol=1e-5)
    np.testing.assert_allclose(rec.slots_after["v"]["w1"], 0.001 * g * g, rtol=3e-5)  # 1 − β2 in float32


@pytest.mark.parametrize("config", [RunConfig(), DEEP, RunConfig().replace(activation="relu", hidden=[5], l1=0.01)],
                         ids=["tutorial", "deep", "relu-l1"])
def test_gradient_check_agrees_with_finite_differences(config):
    trainer = Trainer(config)
    trainer.run(3)
    errors = gradient_check(trainer)
    assert set(errors) == set(trainer.net.names)
    assert max(errors.values()) < 1e-6


def test_sample_table_shares_add_up_over_the_batch():
    trainer = Trainer(RunConfig())
    trainer.run(2)
    table = sample_table(trainer)
    assert table.in_batch.sum() == 8 and table.in_batch[16:24].all()
    assert table.share[table.in_batch].sum() == pytest.approx(1.0)
    assert not table.share[~table.in_batch].any()
    np.testing.assert_allclose(table.loss, (table.prediction - table.label) ** 2, rtol=1e-5)
    assert np.mean(table.loss) == pytest.approx(float(trainer.full_loss()), rel=1e-5)


def test_sample_table_of_gradients_past_float32_gives_equal_shares_without_warnings():
    """The monkey test's finding: weights edited to 1e30 overflow the batch gradient to inf, and the shares were
    inf/inf = NaN (with a RuntimeWarning); a share that cannot be measured is the batch's equal share."""
    trainer = Trainer(RunConfig())
    for index in np.ndindex(trainer.weights()["w1"].shape):
        trainer.set_weight("w1", index, 1e30)
    with np.errstate(all="raise"):
        table = sample_table(trainer)
    assert np.isfinite(table.share).all()
    assert table.share[table.in_batch] == pytest.approx(np.full(8, 1 / 8))
