"""Sessions keep the accuracy at every logged step (format 2); format-1 files, which had none, still open."""
from __future__ import annotations

import io
import json

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.session import SESSION_VERSION, SessionError, load_session, save_session, session_arrays
from bpviz.engine.trainer import Trainer

THREE = RunConfig().replace(dataset="sectors", loss="softmax-ce", hidden=[6], activation="tanh", bias=True,
                            optimizer="adam", lr=0.02, steps=400, log_every=50, test_ratio=0.25)


def test_format_2_keeps_training_and_test_accuracy_at_every_logged_step(tmp_path):
    assert SESSION_VERSION == 2
    trainer = Trainer(THREE)
    trainer.run(400)
    assert len(trainer.history.accuracy_logged) == 8  # steps 0, 50, ..., 350
    save_session(trainer, tmp_path / "s.npz")
    resumed = load_session(tmp_path / "s.npz")
    assert resumed.history.accuracy_logged == trainer.history.accuracy_logged
    assert all(test is not None for _train, test in resumed.history.accuracy_logged.values())
    resumed.run(100)
    trainer.run(100)
    assert resumed.history.accuracy_logged == trainer.history.accuracy_logged


def test_without_a_test_split_only_the_training_accuracy_is_stored(tmp_path):
    trainer = Trainer(THREE.replace(test_ratio=0.0))
    trainer.run(200)
    arrays = session_arrays(trainer)
    assert "logged_accuracy" in arrays and "test_logged_accuracy" not in arrays
    save_session(trainer, tmp_path / "s.npz")
    assert load_session(tmp_path / "s.npz").history.accuracy_logged == trainer.history.accuracy_logged


def test_a_regression_stores_no_accuracy(tmp_path):
    trainer = Trainer(RunConfig().replace(dataset="sales", hidden=[], steps=100, log_every=50))
    trainer.run(100)
    assert "logged_accuracy" not in session_arrays(trainer)


def _file(trainer, change) -> bytes:
    arrays = session_arrays(trainer)
    meta = json.loads(str(arrays["bpviz_session"]))
    change(meta, arrays)
    arrays["bpviz_session"] = np.array(json.dumps(meta))
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def test_a_format_1_session_opens_and_measures_accuracy_from_its_next_logged_step(tmp_path):
    trainer = Trainer(THREE)
    trainer.run(200)

    def as_format_1(meta, arrays):  # what bpviz wrote before sessions kept the accuracy
        meta["version"] = 1
        del arrays["logged_accuracy"], arrays["test_logged_accuracy"]

    path = tmp_path / "old.npz"
    path.write_bytes(_file(trainer, as_format_1))
    resumed = load_session(path)
    assert resumed.step == 200 and resumed.history.logged == trainer.history.logged
    assert resumed.history.accuracy_logged == {}
    resumed.run(100)
    trainer.run(100)
    assert np.array_equal(resumed.params, trainer.params)
    assert sorted(resumed.history.accuracy_logged) == [200, 250]
    assert resumed.history.accuracy_logged[250] == trainer.history.accuracy_logged[250]


@pytest.mark.parametrize("value", [1.5, -0.25])
def test_an_accuracy_outside_0_to_1_is_a_damaged_session(tmp_path, value):
    trainer = Trainer(THREE)
    trainer.run(100)

    def spoil(meta, arrays):
        arrays["logged_accuracy"] = arrays["logged_accuracy"].copy()
        arrays["logged_accuracy"][0] = value

    path = tmp_path / "bad.npz"
    path.write_bytes(_file(trainer, spoil))
    with pytest.raises(SessionError, match="logged_accuracy"):
        load_session(path)
