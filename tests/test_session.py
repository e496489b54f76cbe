"""Sessions: save a run, open it, continue it — bit for bit; refuse anything that is not one."""
from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from bpviz.engine.session import SESSION_VERSION, SessionError, load_session, save_session, session_arrays
from bpviz.engine.trainer import Trainer
from cli_helpers import run_cli, trainer_for

RUNS = {
    "gd": [],
    "momentum": ["--optimizer", "momentum", "--nesterov", "--lr", "0.01", "--bias", "--activation", "tanh"],
    "adam-decay-ema": ["--optimizer", "adam", "--lr", "0.01", "--lr-decay", "0.9", "--decay-steps", "100",
                       "--staircase", "--ema", "0.99", "--l2", "0.001", "--hidden", "4,3", "--activation", "relu",
                       "--bias"],
}


def bits(a) -> np.ndarray:
    return np.asarray(a, np.float32).view(np.uint32)


def assert_same_run(a: Trainer, b: Trainer) -> None:
    assert a.step == b.step
    np.testing.assert_array_equal(bits(a.params), bits(b.params))
    np.testing.assert_array_equal(bits(a.history.batch_losses()), bits(b.history.batch_losses()))
    assert a.history.logged == b.history.logged
    for key, value in a.optimizer.state().items():
        np.testing.assert_array_equal(bits(value), bits(b.optimizer.state()[key]))
    if a.ema is not None:
        np.testing.assert_array_equal(bits(a.ema.shadow), bits(b.ema.shadow))
    assert a.base_lr == b.base_lr and a.current_lr() == b.current_lr()


@pytest.mark.parametrize("name", list(RUNS))
def test_saved_at_1500_and_continued_to_3000_is_bit_identical(tmp_path, name):
    straight = trainer_for(*RUNS[name])
    straight.run(3000)
    first = trainer_for(*RUNS[name])
    first.run(1500)
    save_session(first, tmp_path / "s.npz")
    resumed = load_session(tmp_path / "s.npz")
    assert_same_run(first, resumed)
    resumed.run(1500)
    assert_same_run(straight, resumed)
    # rewinding the resumed run replays from the saved checkpoints, exactly
    resumed.rewind(700)
    straight.rewind(700)
    assert_same_run(straight, resumed)


def test_edits_survive_a_session_and_replay(tmp_path):
    trainer = trainer_for("--optimizer", "momentum", "--lr-decay", "0.95", "--decay-steps", "40")
    trainer.run(300)
    trainer.set_lr(0.01)
    trainer.set_weight("w1", (0, 2), 0.25)
    trainer.run(200)
    save_session(trainer, tmp_path / "s.npz")
    resumed = load_session(tmp_path / "s.npz")
    assert resumed.edits == trainer.edits and resumed.base_lr == trainer.base_lr
    for t in (trainer, resumed):
        t.run(250)
    assert_same_run(trainer, resumed)
    for t in (trainer, resumed):
        t.rewind(320)
    assert_same_run(trainer, resumed)


def test_the_file_is_plain_npz_with_a_marker(tmp_path):
    trainer = trainer_for("--optimizer", "adam", "--ema", "0.9")
    trainer.run(100)
    save_session(trainer, tmp_path / "s.npz")
    with np.load(tmp_path / "s.npz", allow_pickle=False) as z:  # no pickle anywhere
        meta = json.loads(str(z["bpviz_session"]))
        assert meta["format"] == "bpviz-session" and meta["version"] == SESSION_VERSION
        assert meta["step"] == 100 and meta["config"]["optimizer"]["optimizer"] == "adam"
        np.testing.assert_array_equal(bits(z["params"]), bits(trainer.params))
        assert z["batch_loss"].shape == (100,) and {"opt.m", "opt.v", "opt.beta1_power", "ema"} <= set(z.files)


def test_cli_save_then_continue_matches_a_straight_run(tmp_path, capsys):
    args = RUNS["adam-decay-ema"]
    session = tmp_path / "run.npz"
    code, out, err = run_cli(capsys, *args, "--steps", "1500", "--json", "--save-session", str(session))
    assert code == 0, err
    saved_final = json.loads(out.splitlines()[-1])
    code, out, err = run_cli(capsys, "--session", str(session), "--steps", "3000", "--json")
    assert code == 0, err
    resumed = [json.loads(line) for line in out.splitlines()]
    assert list(resumed[0]) == ["event", "step", "weights"]
    assert resumed[0]["event"] == "init" and resumed[0]["step"] == 1500
    assert resumed[0]["weights"] == saved_final["weights"]
    _, out, _ = run_cli(capsys, *args, "--steps", "3000", "--json")
    straight = [json.loads(line) for line in out.splitlines()]
    straight_logs = [e for e in straight if e["event"] == "log" and e["step"] >= 1500]
    assert [e for e in resumed if e["event"] == "log"] == straight_logs
    assert [e["step"] for e in straight_logs] == [1500, 2000, 2500]
    assert resumed[-1] == straight[-1]  # final step, loss, weights and EMA weights


def test_cli_continue_with_text_output_and_log_every(tmp_path, capsys):
    session = tmp_path / "run.npz"
    assert run_cli(capsys, "--steps", "1000", "--save-session", str(session))[0] == 0
    code, out, err = run_cli(capsys, "--session", str(session), "--steps", "3000", "--log-every", "1000",
                             "--save-session", str(session))
    assert code == 0, err
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("After")] == [
        "After 1000 training step(s),loss on all data is 0.409789",
        "After 2000 training step(s),loss on all data is 0.394146"]
    assert load_session(session).step == 3000  # saved over itself, continued state


@pytest.mark.parametrize("args, fragment", [
    (["--lr", "0.1"], "--lr: not allowed with --session"),
    (["--optimizer", "adam"], "--optimizer: not allowed with --session"),
    (["--config", "x.json"], "--config: not allowed with --session"),
    (["--steps", "10"], "already at step 100"),
    (["--log-every", "0"], "--log-every"),
])
def test_cli_refuses_options_a_session_does_not_take(tmp_path, capsys, args, fragment):
    session = tmp_path / "run.npz"
    assert run_cli(capsys, "--steps", "100", "--save-session", str(session))[0] == 0
    before = session.read_bytes()
    code, out, err = run_cli(capsys, "--session", str(session), *args)
    assert code == 2 and out == "" and fragment in err and len(err.strip().splitlines()) == 1
    assert session.read_bytes() == before


# -- files that are not sessions ------------------------------------------------------------------

def _valid_session_bytes() -> bytes:
    trainer = trainer_for("--steps", "200")
    trainer.run(200)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **session_arrays(trainer))
    return buffer.getvalue()


def _with_meta(change) -> bytes:
    trainer = trainer_for("--steps", "200")
    trainer.run(200)
    arrays = session_arrays(trainer)
    meta = json.loads(str(arrays["bpviz_session"]))
    change(meta, arrays)
    arrays["bpviz_session"] = np.array(json.dumps(meta))
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _npz(**arrays) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def _weights_export() -> bytes:
    from bpviz.export.data import weights_record

    meta, arrays = weights_record(trainer_for())
    return _npz(bpviz_weights=np.array(json.dumps(meta)), **arrays)


BAD_FILES = {
    "random bytes": (lambda: np.random.RandomState(0).bytes(5000), "not a complete .npz"),
    "empty": (lambda: b"", "not a complete .npz"),
    "foreign npz": (lambda: _npz(x=np.arange(3), y=np.ones(2)), "without the 'bpviz_session' entry"),
    "truncated": (lambda: (lambda data: data[: len(data) * 2 // 3])(_valid_session_bytes()), "not a complete .npz"),
    "newer version": (lambda: _with_meta(lambda m, a: m.update(version=SESSION_VERSION + 1, bpviz="9.0")),
                      "newer bpviz"),
    "other format": (lambda: _with_meta(lambda m, a: m.update(format="something-else")), "not a bpviz session"),
    "weights export": (_weights_export, "weights export"),
    "wrong shapes": (lambda: _with_meta(lambda m, a: a.update(params=np.zeros(5, np.float32))), "'params'"),
    "bad config": (lambda: _with_meta(lambda m, a: m["config"]["optimizer"].update(lr=-1.0)), "--lr"),
    "history too short": (lambda: _with_meta(lambda m, a: a.update(batch_loss=a["batch_loss"][:10])),
                          "'batch_loss'"),
    "pickled entry": (lambda: _npz(bpviz_session=np.array([{"format": "x"}], dtype=object)), "damaged"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_corrupt_or_foreign_files_are_refused_clearly_and_change_nothing(tmp_path, capsys, kind):
    make, fragment = BAD_FILES[kind]
    path = tmp_path / "bad.npz"
    path.write_bytes(make())
    with pytest.raises(SessionError, match=None) as info:
        load_session(path)
    assert fragment in str(info.value) and str(path) in str(info.value)
    other = tmp_path / "other.npz"
    other.write_bytes(b"keep me")
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "--session", str(path), "--steps", "300", "--save-session", str(other),
                             "--export-loss", str(tmp_path / "l.csv"))
    assert code == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and err.startswith("bpviz train: error: --session:")
    assert fragment in err
    assert path.read_bytes() == before and other.read_bytes() == b"keep me"
    assert not (tmp_path / "l.csv").exists()


def test_missing_session_file(tmp_path, capsys):
    code, _, err = run_cli(capsys, "--session", str(tmp_path / "nope.npz"))
    assert code == 2 and "no such file" in err


def test_a_truncated_but_zip_looking_file_is_refused(tmp_path):
    """Damage inside the archive (a member cut short) rather than at its end."""
    good = _valid_session_bytes()
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data[: len(data) // 2] if name == "params.npy" else data)
    path = tmp_path / "cut.npz"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(SessionError, match="damaged session file"):
        load_session(path)
