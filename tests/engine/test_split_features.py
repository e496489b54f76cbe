"""A held-out test split (the last ⌊F·n⌋ points) and TF Playground's feature inputs."""
from __future__ import annotations

import json

import numpy as np
import pytest

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.step_record import gradient_check
from bpviz.engine.session import load_session, save_session
from bpviz.engine.trainer import Trainer
from cli_helpers import run_cli


def test_the_last_points_are_held_out_and_never_trained_on():
    trainer = Trainer(RunConfig().replace(test_ratio=0.3))  # the tutorial's 32 points: 9 held out
    assert trainer.n_test == 9 and trainer.n_samples == 23
    np.testing.assert_array_equal(trainer.X_test, trainer.dataset.X[23:])
    seen = set()
    for step in range(40):
        seen.update(trainer.batch_indices(step).tolist())
    assert seen == set(range(23))
    # the same run with those points deleted trains identically
    alone_points = {"x": trainer.dataset.X64[:23].tolist(), "label": trainer.dataset.Y[:23, 0].astype(int).tolist()}
    alone = Trainer(RunConfig().replace(points=alone_points))
    trainer.run(500)
    alone.run(500)
    np.testing.assert_array_equal(trainer.params, alone.params)
    assert trainer.history.logged == alone.history.logged


def test_test_loss_and_accuracy_against_numpy():
    trainer = Trainer(RunConfig().replace(dataset="circle", hidden=[6], activation="tanh", bias=True,
                                          loss="sigmoid-ce", optimizer="adam", lr=0.01, test_ratio=0.2, l2=0.01))
    trainer.run(1001)
    Xt = trainer.dataset.X[-60:].astype(np.float64)
    t = trainer.dataset.Y[-60:].astype(np.float64)
    w = {k: v.astype(np.float64) for k, v in trainer.weights().items()}
    y = np.tanh(Xt @ w["w1"] + w["b1"]) @ w["w2"] + w["b2"]
    expected = np.mean(np.logaddexp(0, y) - t * y)  # the data loss only: no regularisation
    assert trainer.test_loss() == pytest.approx(expected, rel=1e-5)
    assert trainer.history.test_logged[1000] == pytest.approx(expected, rel=1e-5)
    assert sorted(trainer.history.test_logged) == sorted(trainer.history.logged) == [0, 500, 1000]
    assert trainer.test_accuracy() == pytest.approx(np.mean((y >= 0) == (t >= 0.5)))
    # accuracies are logged with the losses, from the same forward passes
    assert trainer.history.accuracy_logged[1000] == (pytest.approx(trainer.accuracy()),
                                                     pytest.approx(trainer.test_accuracy()))


def test_a_ratio_below_one_always_leaves_a_point_to_train_on():
    trainer = Trainer(RunConfig().replace(points={"x": [[0, 0], [1, 1]], "label": [0, 1]}, test_ratio=0.99))
    assert (trainer.n_samples, trainer.n_test) == (1, 1)
    with pytest.raises(ConfigError, match=r"--test-ratio: must be in \[0, 1\)"):
        RunConfig().replace(test_ratio=1.0)


def test_test_losses_survive_a_session_and_a_rewind(tmp_path):
    trainer = Trainer(RunConfig().replace(dataset="xor", test_ratio=0.25, log_every=100))
    trainer.run(450)
    save_session(trainer, tmp_path / "s.npz")
    loaded = load_session(tmp_path / "s.npz")
    assert loaded.history.test_logged == pytest.approx(trainer.history.test_logged)
    loaded.rewind(250)
    assert sorted(loaded.history.test_logged) == [0, 100, 200]


def test_json_log_has_test_loss_and_accuracy_only_when_they_exist(capsys):
    code, out, _ = run_cli(capsys, "--dataset", "sales", "--hidden", "none", "--steps", "2", "--log-every", "1",
                           "--json", "--test-ratio", "0.25")
    assert code == 0
    log = [json.loads(line) for line in out.splitlines() if '"log"' in line][0]
    assert set(log) == {"event", "step", "loss", "test_loss"}  # a regression has no accuracy
    code, out, _ = run_cli(capsys, "--steps", "1", "--json")
    log = [json.loads(line) for line in out.splitlines() if '"log"' in line][0]
    assert set(log) == {"event", "step", "loss", "accuracy"}


FEATURES = ["x0", "x1", "x0^2", "x1^2", "x0*x1", "sin(x0)", "sin(x1)"]


def test_features_are_the_network_inputs():
    trainer = Trainer(RunConfig().replace(dataset="spiral", features=FEATURES, hidden=[5], activation="tanh"))
    assert trainer.net.sizes[0] == 7
    x0, x1 = trainer.dataset.X64[:, 0], trainer.dataset.X64[:, 1]
    expected = np.column_stack([x0, x1, x0 ** 2, x1 ** 2, x0 * x1, np.sin(x0), np.sin(x1)]).astype(np.float32)
    np.testing.assert_array_equal(trainer.X, expected)
    # the views ask for predictions at points (x0, x1): the same as feeding their features
    grid = np.array([[0.5, -1.0], [2.0, 3.0]])
    np.testing.assert_array_equal(trainer.output(grid), trainer.predict_features(trainer.features(grid)))
    assert max(gradient_check(trainer).values()) < 1e-6


def test_a_circle_is_linear_in_the_squares():
    """With x0² and x1² as inputs a network without a hidden layer separates the circle."""
    config = RunConfig().replace(dataset="circle", features=["x0^2", "x1^2"], hidden=[], bias=True,
                                 loss="sigmoid-ce", optimizer="adam", lr=0.05)
    trainer = Trainer(config)
    trainer.run(3000)
    assert trainer.accuracy() > 0.95
    plain = Trainer(config.replace(features=["x0", "x1"]))
    plain.run(3000)
    assert plain.accuracy() < 0.8


@pytest.mark.parametrize("features,says", [([], "non-empty"), (["x2"], "unknown feature 'x2'"),
                                           (["x0", "x0"], "listed twice")])
def test_bad_features_are_refused(features, says):
    with pytest.raises(ConfigError, match=says) as caught:
        RunConfig().replace(features=features)
    assert caught.value.option == "--features"
