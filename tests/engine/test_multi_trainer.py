"""Many runs in one vectorised step: each run must be, bit for bit, what its own Trainer computes."""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.multi_trainer import MultiTrainer, group_key
from bpviz.engine.trainer import Diverged, Trainer

BASE = RunConfig().replace(steps=400, log_every=50)

VARIANTS = {
    "tutorial gd": dict(),
    "momentum": dict(optimizer="momentum", lr=0.01),
    "nesterov": dict(optimizer="momentum", nesterov=True, lr=0.01),
    "adam": dict(optimizer="adam", lr=0.01),
    "spiral 8,8 tanh adam bias": dict(dataset="spiral", hidden=[8, 8], activation="tanh", bias=True,
                                      optimizer="adam", lr=0.01),
    "relu cross-entropy l1 l2": dict(activation="relu", bias=True, loss="sigmoid-ce", l1=0.01, l2=0.02),
    "rmsprop centered momentum": dict(optimizer="rmsprop", centered=True, momentum=0.5, lr=0.003),
    "adagrad": dict(optimizer="adagrad", lr=0.05, initial_accumulator=0.5),
    "sigmoid decay ema batch 5": dict(activation="sigmoid", lr_decay=0.9, decay_steps=10, staircase=True,
                                      ema=0.99, batch_size=5, lr=0.05),
}


def single(config: RunConfig, steps: int) -> tuple[Trainer, int | None]:
    trainer = Trainer(config)
    try:
        trainer.run(steps)
    except Diverged as exc:
        return trainer, exc.step
    return trainer, None


def assert_same_run(multi: MultiTrainer, k: int, trainer: Trainer) -> None:
    np.testing.assert_array_equal(multi.params(k), trainer.params)
    np.testing.assert_array_equal(multi.batch_losses(k)[: len(trainer.history)], trainer.history.batch_losses())
    assert multi.logged(k) == trainer.history.logged


@pytest.mark.parametrize("name", VARIANTS)
def test_every_run_is_bit_for_bit_its_single_run(name):
    v = VARIANTS[name]
    lr = v.get("lr", 0.001)
    configs = [BASE.replace(**v).replace(lr=lr * f, init_seed=seed) for f, seed in ((1, 1), (0.5, 2), (2, 1))]
    multi = MultiTrainer(configs)
    assert multi.run(400) == 400
    assert len(multi.groups) == 1  # per-run rates and seeds share one stacked group
    for k, config in enumerate(configs):
        trainer, diverged = single(config, 400)
        assert diverged is None and multi.diverged_at(k) is None
        assert_same_run(multi, k, trainer)
        if config.optimizer.ema is not None:
            for name_, w in trainer.ema_weights().items():
                np.testing.assert_array_equal(multi.ema_weights(k)[name_], w)


def test_runs_of_different_shapes_and_optimizers_are_grouped_and_stepped_together():
    configs = [BASE.replace(optimizer=o) for o in ("gd", "momentum", "adam")] + [
        BASE.replace(hidden=[4, 2], activation="tanh"), BASE.replace(batch_size=3), BASE.replace(lr=0.01)]
    multi = MultiTrainer(configs)
    assert len(multi.groups) == 5
    assert group_key(configs[0]) == group_key(configs[5])
    multi.run(123)
    multi.run(277)
    for k, config in enumerate(configs):
        assert_same_run(multi, k, single(config, 400)[0])
    assert multi.step == 400


def test_a_diverging_run_stops_alone_with_its_last_finite_weights():
    rates = [0.001, 3.0, 0.01, 0.5]
    configs = [BASE.replace(lr=lr) for lr in rates]
    multi = MultiTrainer(configs)
    multi.run(400)
    for k, config in enumerate(configs):
        trainer, diverged = single(config, 400)
        assert multi.diverged_at(k) == diverged
        assert_same_run(multi, k, trainer)
        if diverged is not None:
            assert multi.kept_step(k) == trainer.step
            assert np.isfinite(multi.params(k)).all()
            assert not np.isfinite(multi.batch_losses(k)[-1])
    assert [multi.diverged_at(k) is None for k in range(4)] == [True, False, True, False]
    losses = multi.full_losses()
    assert losses[1] is None and losses[3] is None and losses[0] > losses[2] > 0
    assert multi.logged_losses(400 - 50)[1] is None


def test_when_every_run_diverges_the_steps_stop():
    multi = MultiTrainer([BASE.replace(lr=lr) for lr in (3.0, 5.0)])
    assert multi.run(10_000) < 10_000
    assert multi.n_alive == 0


def test_a_run_opened_as_its_own_trainer_continues_bit_for_bit():
    configs = [BASE.replace(optimizer="adam", lr=lr, ema=0.9) for lr in (0.01, 0.02)]
    multi = MultiTrainer(configs)
    multi.run(130)
    opened = multi.trainer(1)
    assert opened.step == 130
    opened.run(170)
    trainer, _ = single(configs[1], 300)
    assert_same_run_trainers(opened, trainer)
    opened.rewind(40)  # its past is reachable too
    trainer.rewind(40)
    assert_same_run_trainers(opened, trainer)


def assert_same_run_trainers(a: Trainer, b: Trainer) -> None:
    assert a.step == b.step
    np.testing.assert_array_equal(a.params, b.params)
    np.testing.assert_array_equal(a.history.batch_losses(), b.history.batch_losses())
    assert a.history.logged == b.history.logged
    for slot, values in b.optimizer_state().items():
        for name, w in values.items():
            np.testing.assert_array_equal(a.optimizer_state()[slot][name], w)


def test_a_diverged_run_opens_at_its_kept_weights():
    multi = MultiTrainer([BASE.replace(lr=3.0), BASE])
    multi.run(100)
    opened = multi.trainer(0)
    assert opened.step == multi.kept_step(0)
    np.testing.assert_array_equal(opened.params, multi.params(0))


def test_no_runs_is_an_error():
    with pytest.raises(ValueError):
        MultiTrainer([])


def test_each_run_keeps_its_path_through_weight_space():
    configs = [BASE.replace(lr=lr) for lr in (0.01, 3.0)]
    multi = MultiTrainer(configs)
    multi.run(2500)
    steps, weights = multi.path(0)
    assert steps[0] == 0 and steps[-1] == 2500 and len(steps) <= 1025
    assert np.all(np.diff(steps) > 0)
    for s in (0, int(steps[len(steps) // 2]), 2500):
        trainer, _ = single(configs[0], s)
        np.testing.assert_array_equal(weights[list(steps).index(s)], trainer.params)
    multi = MultiTrainer(configs)
    multi.run(100)
    steps, weights = multi.path(1)  # a diverged run's path ends at the weights it kept
    assert list(steps) == list(range(multi.kept_step(1))) + [multi.kept_step(1)]
    np.testing.assert_array_equal(weights[-1], multi.params(1))


@pytest.mark.parametrize("changes, option", [
    ({"test_ratio": 0.5}, "--test-ratio"),
    ({"features": ["x0", "x1", "x0^2"]}, "--features"),
    ({"dataset": "sales", "loss": "cost-profit"}, "--loss"),
    ({"dataset": "reg-gauss"}, "--dataset"),
])
def test_what_the_stacked_runs_cannot_train_is_a_config_error(changes, option):
    from bpviz.engine.config import ConfigError

    with pytest.raises(ConfigError) as info:
        MultiTrainer([RunConfig().replace(**changes)])
    assert str(info.value).startswith(option) and "\n" not in str(info.value)
