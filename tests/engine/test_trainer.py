"""The training loop: the tutorial's numbers, batching, the loss record, rewind/replay, divergence.

Reference numbers are the tutorial's printed output (docs/tutorial.md, docs/tf1-training-formulas.md);
batch losses are checked against an independent float64 computation of the batch objective.
"""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Diverged, Trainer

TUTORIAL_W1_0 = np.array([[-0.8113182, 1.4845988, 0.06532937],
                          [-2.4427042, 0.0992484, 0.5912243]], np.float32)
TUTORIAL_W2_0 = TUTORIAL_W1_0[0].reshape(3, 1)
TUTORIAL_LOGGED = {0: "5.13118", 500: "0.429111", 1000: "0.409789", 1500: "0.399923",
                   2000: "0.394146", 2500: "0.390597"}
TUTORIAL_W1_FINAL = [[-0.7000663, 0.9136318, 0.08953571], [-2.3402493, -0.14641267, 0.58823055]]
TUTORIAL_W2_FINAL = [[-0.06024267], [0.91956186], [-0.0682071]]


def seed_data(n=32):
    X64 = np.random.RandomState(23455).rand(n, 2)
    return X64.astype(np.float32), np.array([[int(a + b < 1)] for a, b in X64], np.float32)


def batch_objective(weights, x, t, l1=0.0, l2=0.0):
    """mean((y - t)²) of the linear tutorial network (any depth) plus L1/L2, in float64."""
    a = x.astype(np.float64)
    n_layers = sum(1 for k in weights if k.startswith("w"))
    for i in range(1, n_layers + 1):
        a = a @ weights[f"w{i}"].astype(np.float64)
    reg = sum(l2 * np.sum(weights[f"w{i}"].astype(np.float64) ** 2) / 2
              + l1 * np.sum(np.abs(weights[f"w{i}"].astype(np.float64))) for i in range(1, n_layers + 1))
    return np.mean((a - t) ** 2) + reg


def full_state(trainer):
    """Everything that must agree between two trainers that did the same thing."""
    return {
        "step": trainer.step,
        "params": trainer.params.copy(),
        "ema": None if trainer.ema_weights() is None else np.concatenate(
            [v.ravel() for v in trainer.ema_weights().values()]),
        "slots": {k: np.concatenate([v.ravel() for v in d.values()]) for k, d in trainer.optimizer_state().items()},
        "losses": trainer.history.batch_losses().copy(),
        "logged": dict(trainer.history.logged),
        "lr": trainer.current_lr(),
        # what the inspector shows: the gradient and batch of the last update (none before the first)
        "grads": trainer.grads.copy() if trainer.step else None,
        "last_rows": (trainer.last_pass.rows.start, trainer.last_pass.rows.stop) if trainer.step else None,
    }


def assert_same_state(a, b):
    assert a["step"] == b["step"]
    np.testing.assert_array_equal(a["params"], b["params"])
    if a["ema"] is None:
        assert b["ema"] is None
    else:
        np.testing.assert_array_equal(a["ema"], b["ema"])
    assert a["slots"].keys() == b["slots"].keys()
    for k in a["slots"]:
        np.testing.assert_array_equal(a["slots"][k], b["slots"][k])
    np.testing.assert_array_equal(a["losses"], b["losses"])
    assert a["logged"] == b["logged"]
    assert a["lr"] == b["lr"]
    if a["grads"] is None:
        assert b["grads"] is None
    else:
        np.testing.assert_array_equal(a["grads"], b["grads"])
    assert a["last_rows"] == b["last_rows"]


# -- the tutorial ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tutorial_run():
    trainer = Trainer(RunConfig())
    before = trainer.full_loss()
    initial = trainer.weights()
    trainer.run(3000)
    return trainer, before, initial


def test_tutorial_initial_weights_exact(tutorial_run):
    _, _, initial = tutorial_run
    np.testing.assert_array_equal(initial["w1"], TUTORIAL_W1_0)
    np.testing.assert_array_equal(initial["w2"], TUTORIAL_W2_0)
    assert list(initial) == ["w1", "w2"]  # no biases in the tutorial


def test_tutorial_loss_before_training(tutorial_run):
    _, before, _ = tutorial_run
    assert "%g" % before == "5.23348"


def test_tutorial_logged_losses_print_as_in_the_tutorial(tutorial_run):
    trainer, _, _ = tutorial_run
    assert {step: "%g" % loss for step, loss in trainer.history.logged.items()} == TUTORIAL_LOGGED


def test_tutorial_final_weights(tutorial_run):
    trainer, _, _ = tutorial_run
    w = trainer.weights()
    np.testing.assert_allclose(w["w1"], TUTORIAL_W1_FINAL, rtol=0, atol=1e-6)
    np.testing.assert_allclose(w["w2"], TUTORIAL_W2_FINAL, rtol=0, atol=1e-6)


def test_every_step_loss_is_recorded(tutorial_run):
    trainer, _, _ = tutorial_run
    assert trainer.step == 3000
    assert len(trainer.history) == 3000
    losses = trainer.history.batch_losses()
    assert losses.shape == (3000,) and np.isfinite(losses).all()


def test_recorded_losses_are_batch_losses_before_each_update():
    X, Y = seed_data()
    trainer = Trainer(RunConfig())
    for i in range(6):
        w = trainer.weights()
        start = (i * 8) % 32
        expected = batch_objective(w, X[start:start + 8], Y[start:start + 8])
        assert trainer.train_step() == pytest.approx(expected, rel=1e-6)
        assert trainer.history.batch_losses()[i] == pytest.approx(expected, rel=1e-6)


def test_recorded_loss_with_regularisation_uses_the_weights_before_the_update():
    X, Y = seed_data()
    trainer = Trainer(RunConfig().replace(l1=0.1, l2=0.5, lr=0.05))
    for i in range(3):
        w = trainer.weights()
        start = (i * 8) % 32
        expected = batch_objective(w, X[start:start + 8], Y[start:start + 8], l1=0.1, l2=0.5)
        assert trainer.train_step() == pytest.approx(expected, rel=1e-6)


def test_logged_loss_is_the_full_objective_right_after_the_step():
    X, Y = seed_data()
    trainer = Trainer(RunConfig().replace(log_every=3, l2=0.2, lr=0.01))
    for i in range(7):
        trainer.run(1)
        if i % 3 == 0:
            expected = batch_objective(trainer.weights(), X, Y, l2=0.2)
            assert trainer.history.logged[i] == pytest.approx(expected, rel=1e-6)
    assert sorted(trainer.history.logged) == [0, 3, 6]


# -- batches -----------------------------------------------------------------------------------
def test_batches_wrap_with_a_short_last_batch():
    """30 samples, batch 8: rows start at (i*8) % 30 and a batch running past the end is cut short."""
    X, Y = seed_data(30)
    trainer = Trainer(RunConfig().replace(samples=30, lr=0.01))
    expected_rows = [range(0, 8), range(8, 16), range(16, 24), range(24, 30),
                     range(2, 10), range(10, 18), range(18, 26), range(26, 30), range(4, 12)]
    for i, rows in enumerate(expected_rows):
        assert trainer.batch_indices(i).tolist() == list(rows)
        assert trainer.batch_indices().tolist() == list(rows)  # the next update's batch
        w = trainer.weights()
        expected = batch_objective(w, X[rows.start:rows.stop], Y[rows.start:rows.stop])
        assert trainer.train_step() == pytest.approx(expected, rel=1e-6)


def test_batch_larger_than_the_dataset_uses_all_of_it():
    trainer = Trainer(RunConfig().replace(samples=5, batch_size=8))
    assert trainer.batch_indices(0).tolist() == [0, 1, 2, 3, 4]
    assert trainer.batch_indices(1).tolist() == [3, 4]  # (1*8) % 5 = 3


# -- running in pieces -------------------------------------------------------------------------
RICH = dict(optimizer="adam", lr=0.01, l2=0.01, ema=0.99, log_every=100)


@pytest.mark.parametrize("changes", [{}, RICH], ids=["tutorial", "adam-l2-ema"])
def test_running_in_pieces_equals_one_run(changes):
    config = RunConfig().replace(**changes)
    whole = Trainer(config)
    assert whole.run(1500) == 1500
    pieces = Trainer(config)
    for n in (1, 62, 1, 200, 256, 257, 3, 720):  # crosses checkpoint (64) and chunk (256) boundaries
        assert pieces.run(n) == n
        assert len(pieces.history) == pieces.step
    assert pieces.step == 1500
    assert_same_state(full_state(whole), full_state(pieces))


def test_run_zero_steps_changes_nothing():
    trainer = Trainer(RunConfig())
    trainer.run(5)
    before = full_state(trainer)
    assert trainer.run(0) == 0
    assert_same_state(before, full_state(trainer))


def test_stop_callback_ends_the_run_early_at_a_whole_step():
    trainer = Trainer(RunConfig())
    done = trainer.run(10_000, stop=lambda: True)
    assert 0 < done < 10_000
    assert trainer.step == done == len(trainer.history)
    reference = Trainer(RunConfig())
    reference.run(done)
    np.testing.assert_array_equal(trainer.params, reference.params)


# -- rewind and replay ----------------------------------------------------------------------------
def do(trainer, actions):
    for action in actions:
        if action[0] == "run":
            trainer.run(action[1])
        elif action[0] == "lr":
            trainer.set_lr(action[1])
        else:
            trainer.set_weight(*action[1:])


def follow(config, plan, until=None):
    """A fresh trainer doing `plan` up to `until` updates (edits made at step `until` included)."""
    trainer = Trainer(config)
    for action in plan:
        if action[0] == "run":
            n = action[1] if until is None else min(action[1], until - trainer.step)
            trainer.run(n)
            if until is not None and trainer.step == until and n < action[1]:
                break
        elif action[0] == "lr":
            trainer.set_lr(action[1])
        else:
            trainer.set_weight(*action[1:])
    return trainer


def remainder(plan, from_step):
    """The part of `plan` after `from_step` updates (edits at `from_step` are already done)."""
    out, step = [], 0
    for action in plan:
        if action[0] == "run":
            if step + action[1] > from_step:
                out.append(("run", step + action[1] - max(step, from_step)))
            step += action[1]
        elif step > from_step:
            out.append(action)
    return out


EDIT_PLAN = [
    ("weight", "w2", (1, 0), 1.25),  # before the first update
    ("run", 100), ("lr", 0.03), ("run", 28),  # 128: a checkpoint step
    ("weight", "w1", (0, 1), 0.5), ("lr", 0.02), ("run", 200),
    ("weight", "w2", (2, 0), -0.25), ("run", 672),  # 1000
]


@pytest.mark.parametrize("changes", [{}, RICH], ids=["tutorial", "adam-l2-ema"])
@pytest.mark.parametrize("k", [0, 1, 64, 100, 127, 128, 129, 328, 999, 1000])
def test_rewind_reaches_the_state_of_a_fresh_run_and_replays_identically(changes, k):
    config = RunConfig().replace(**changes)
    trainer = follow(config, EDIT_PLAN)
    final = full_state(trainer)
    trainer.rewind(k)
    assert len(trainer.history) == trainer.step == k
    assert_same_state(full_state(follow(config, EDIT_PLAN, until=k)), full_state(trainer))
    # and running on (re-making the later edits) reproduces the original run bit for bit
    do(trainer, remainder(EDIT_PLAN, k))
    assert_same_state(final, full_state(trainer))


def test_rewind_keeps_edits_made_at_the_target_step():
    trainer = follow(RunConfig(), EDIT_PLAN)
    trainer.rewind(128)
    assert trainer.weights()["w1"][0, 1] == np.float32(0.5)
    assert trainer.current_lr() == np.float32(0.02)
    trainer.rewind(127)
    assert trainer.current_lr() == np.float32(0.03)


def test_rewind_then_different_edits_branch_the_run():
    config = RunConfig()
    trainer = follow(config, EDIT_PLAN)
    trainer.rewind(300)
    trainer.set_lr(0.005)
    trainer.run(50)
    expected = follow(config, EDIT_PLAN, until=300)
    expected.set_lr(0.005)
    expected.run(50)
    assert_same_state(full_state(expected), full_state(trainer))
    # the abandoned branch's edit (at step 328) is gone
    trainer.run(700)
    expected.run(700)
    assert_same_state(full_state(expected), full_state(trainer))


def test_rewind_out_of_range_is_refused():
    trainer = Trainer(RunConfig())
    trainer.run(10)
    with pytest.raises(ValueError):
        trainer.rewind(11)
    with pytest.raises(ValueError):
        trainer.rewind(-1)
    assert trainer.step == 10


LONG_PLAN = [
    ("run", 100), ("lr", 0.03), ("run", 28), ("weight", "w1", (1, 2), 0.75),
    ("run", 9000), ("lr", 0.01), ("run", 7500),  # 16628
    ("weight", "w2", (0, 0), 0.1), ("run", 3372),  # 20000 > 256 * 64: the checkpoints get thinned
]


@pytest.fixture(scope="module")
def long_run():
    config = RunConfig().replace(optimizer="momentum", lr=0.02, ema=0.999, log_every=1000)
    trainer = follow(config, LONG_PLAN)
    return config, trainer, full_state(trainer)


def test_long_run_thins_its_checkpoints(long_run):
    _, trainer, _ = long_run
    assert trainer._checkpoint_every > 64  # precondition of the tests below: thinning happened


@pytest.mark.parametrize("k", [128, 200, 9128, 16385, 16628, 19999])
def test_rewind_across_thinned_checkpoints_replays_identically(long_run, k):
    config, _, final = long_run
    trainer = follow(config, LONG_PLAN)
    trainer.rewind(k)
    assert_same_state(full_state(follow(config, LONG_PLAN, until=k)), full_state(trainer))
    do(trainer, remainder(LONG_PLAN, k))
    assert_same_state(final, full_state(trainer))


# -- reset ------------------------------------------------------------------------------------
@pytest.mark.parametrize("changes", [{}, RICH], ids=["tutorial", "adam-l2-ema"])
def test_reset_restores_the_initial_state(changes):
    config = RunConfig().replace(**changes)
    fresh = Trainer(config)
    initial = full_state(fresh)
    trainer = follow(config, EDIT_PLAN)
    trainer.reset()
    assert trainer.edits == []
    np.testing.assert_array_equal(trainer.params, trainer.initial_params)
    assert_same_state(initial, full_state(trainer))
    # and training again from there is a fresh run (optimizer state, lr and EMA included)
    trainer.run(300)
    fresh.run(300)
    assert_same_state(full_state(fresh), full_state(trainer))


# -- divergence -------------------------------------------------------------------------------
DIVERGING = {
    # the weights after `step` updates are finite but overflow the batch loss: keep them
    "gd": (dict(lr=10.0), 0),
    "momentum": (dict(lr=10.0, optimizer="momentum"), 0),
    # the update before the non-finite loss already made weights non-finite: keep one step less
    "adam-deep": (dict(lr=1e6, optimizer="adam", hidden=[8, 8]), 1),
}


@pytest.mark.parametrize("case", list(DIVERGING))
def test_divergence_raises_and_keeps_finite_weights(case):
    changes, steps_back = DIVERGING[case]
    config = RunConfig().replace(**changes)
    trainer = Trainer(config)
    with pytest.raises(Diverged) as info:
        trainer.run(3000)
    exc = info.value
    assert isinstance(exc.step, int) and 0 < exc.step < 3000
    assert not np.isfinite(exc.loss)
    assert exc.kept_step == exc.step - steps_back
    assert trainer.step == exc.kept_step
    assert np.isfinite(trainer.params).all()
    assert len(trainer.history) == trainer.step
    assert np.isfinite(trainer.history.batch_losses()).all()
    assert all(s < trainer.step for s in trainer.history.logged)
    # the kept weights are those of a plain run of that many steps
    reference = Trainer(config)
    reference.run(exc.kept_step)
    np.testing.assert_array_equal(trainer.params, reference.params)
    # trying again diverges again, the same way
    with pytest.raises(Diverged) as again:
        trainer.run(10)
    assert again.value.step == exc.step


def test_recovering_from_divergence_by_rewinding_and_lowering_lr():
    """After rewind(0) + set_lr, the run is exactly the one the smaller rate would have given."""
    trainer = Trainer(RunConfig().replace(lr=10.0))
    with pytest.raises(Diverged):
        trainer.run(100)
    trainer.rewind(0)
    trainer.set_lr(0.001)
    assert trainer.run(500) == 500
    assert trainer.step == 500 == len(trainer.history)
    reference = Trainer(RunConfig().replace(lr=0.001))
    reference.run(500)
    assert_same_state(full_state(reference), full_state(trainer))


# -- a non-tutorial run ---------------------------------------------------------------------------
def test_sigmoid_cross_entropy_training_learns_xor():
    config = RunConfig().replace(dataset="xor", hidden=[8, 8], activation="tanh", loss="sigmoid-ce",
                                 optimizer="adam", lr=0.01, log_every=10_000)
    trainer = Trainer(config)
    before = trainer.full_loss()
    trainer.run(1000)
    after = trainer.full_loss()
    assert after < 0.6 * before  # 1.145 -> 0.648
    losses = trainer.history.batch_losses()
    assert losses[-100:].mean() < 0.85 * losses[:100].mean()


def test_logged_values_behave_like_the_dict_they_replace():
    from bpviz.engine.history import LoggedValues

    logged, plain = LoggedValues(), {}
    for step in (0, 500, 1000, 1500):
        logged[step] = plain[step] = step / 7
    logged[500] = plain[500] = -1.0  # written again
    assert logged == plain and list(logged) == [0, 500, 1000, 1500] and 1000 in logged and 7 not in logged
    assert logged.get(7) is None and logged[1500] == 1500 / 7
    logged.truncate(1000)
    assert dict(logged) == {0: 0.0, 500: -1.0}
    logged[200] = 2.0  # out of order: still sorted by step
    assert list(logged.items()) == [(0, 0.0), (200, 2.0), (500, -1.0)]
    del logged[0]
    assert list(logged) == [200, 500]
    pairs = LoggedValues(width=2)
    for step in range(0, 40_000, 10):  # grows past its first arrays
        pairs[step] = (step / 10, None if step % 20 else 0.5)
    assert len(pairs) == 4000 and pairs[30] == (3.0, None) and pairs[39_980] == (3998.0, 0.5)
    steps, values = pairs.arrays()
    assert steps[-1] == 39_990 and values.shape == (4000, 2)


def test_loss_history_grows_without_losing_values_and_maps_its_storage():
    import mmap

    from bpviz.engine.history import LossHistory

    history = LossHistory()
    rng = np.random.default_rng(2)
    values = rng.random(1_500_000).astype(np.float32)
    early = None
    for n in range(0, len(values) + 1, 100_000):
        buf = history.reserve(n)
        buf[len(history):n] = values[len(history):n]
        history.set_length(n)
        if n == 200_000:
            early = history.batch_losses()  # a view the GUI may still hold while the history grows
    np.testing.assert_array_equal(history.batch_losses(), values)
    np.testing.assert_array_equal(early, values[:200_000])  # an old view keeps its values
    # megabytes of storage live in their own memory map, unmapped when the last view goes (a freed heap block
    # can stay resident: every doubling would keep the old copy)
    storage = history.batch_losses()
    while isinstance(storage, np.ndarray):
        storage = storage.base
    assert isinstance(storage.obj if isinstance(storage, memoryview) else storage, mmap.mmap)
