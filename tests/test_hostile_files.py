"""Each way a hostile file broke a reader before, as a regression test: every reader checks before it trusts."""
from __future__ import annotations

import io
import json
import os
import threading
import tracemalloc
import zipfile

import numpy as np
import pytest

from bpviz.engine.config import MAX_STEPS, ConfigError, RunConfig
from bpviz.engine.file_reading import UnreadableFile, parse_json, read_regular_file
from bpviz.engine.session import SessionError, load_session, session_arrays
from cli_helpers import run_cli, trainer_for

HANG_GUARD_S = 30


def _in_thread(fn):
    """fn() run in a thread joined with a hang guard: returns what it returned or raised."""
    outcome = []

    def run():
        try:
            outcome.append(("ok", fn()))
        except BaseException as exc:  # noqa: BLE001 - the test inspects it
            outcome.append(("raised", exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_GUARD_S)
    assert outcome, "the reader hung"
    return outcome[0]


# -- configuration files ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, fragment", [
    ("[" * 5000 + "]" * 5000, "nested too deeply"),  # RecursionError before
    ('{"data": {"samples": ' + "9" * 5000 + "}}", "too large"),  # ValueError: more than 4300 digits
    ('{"model": {"init_stddev": ' + "1" + "0" * 400 + "}}", "--init-stddev"),  # OverflowError in float()
    ('{"optimizer": {"lr": 1e400}}', "--lr"),  # parsed to inf: refused by the range, naming the field
    ('{"optimizer": {"lr": NaN}}', "--lr"),
    ('{"optimizer": {"momentum": -Infinity}}', "--momentum"),
    ('{"schedule": {"steps": 1000000000}}', "--steps"),
    ("\ufeff{}", "not valid JSON"),
    ('{"data": {"dataset": "' + "x" * 100_000 + '"}}', "--dataset"),
])
def test_config_json_that_python_refuses_in_other_ways_is_one_config_error(tmp_path, text, fragment):
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        RunConfig.load(path)
    message = str(info.value)
    assert fragment in message and "\n" not in message and len(message) < 400


def test_a_huge_integer_given_as_a_float_setting_is_refused_naming_it():
    with pytest.raises(ConfigError) as info:
        RunConfig.from_dict({"loss": {"l2": 10**400}})
    assert info.value.option == "--l2"


def test_a_fifo_as_config_does_not_block(tmp_path, capsys):
    fifo = tmp_path / "c.json"
    os.mkfifo(fifo)
    kind, result = _in_thread(lambda: RunConfig.load(fifo))
    assert kind == "raised" and isinstance(result, ConfigError) and "pipe" in str(result)
    kind, result = _in_thread(lambda: run_cli(capsys, "--config", str(fifo)))
    assert kind == "ok" and result[0] == 2 and "not a regular file" in result[2]


def test_dev_zero_and_big_files_are_refused_without_reading_them(tmp_path):
    tracemalloc.start()
    try:
        with pytest.raises(ConfigError, match="character device"):
            RunConfig.load("/dev/zero")
        big = tmp_path / "big.json"
        with open(big, "wb") as f:
            f.truncate(50 << 20)  # 50 MB, sparse
        with pytest.raises(ConfigError, match="too large"):
            RunConfig.load(big)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_a_folder_as_config_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is a directory"):
        RunConfig.load(tmp_path)


def test_the_reusable_reader_caps_what_it_reads(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(b"x" * 1001)
    assert read_regular_file(path, 2000) == b"x" * 1001
    with pytest.raises(UnreadableFile, match="too large"):
        read_regular_file(path, 1000)
    with pytest.raises(UnreadableFile, match="no such file"):
        read_regular_file(tmp_path / "nope", 10)


@pytest.mark.parametrize("text", ["NaN", "[Infinity]", '{"a": -Infinity}', "1e999"])
def test_strict_json_refuses_non_finite_numbers(text):
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_json(text)


def test_the_steps_limit_is_what_fits(capsys):
    code, _, err = run_cli(capsys, "--steps", "1000000000")
    assert code == 2 and "--steps" in err and f"{MAX_STEPS}" in err
    RunConfig().replace(steps=MAX_STEPS)  # the bound itself is accepted


# -- session files -----------------------------------------------------------------------------------

def _session(*args, steps=200):
    trainer = trainer_for("--steps", str(steps), *args)
    trainer.run(steps)
    return trainer


def _write(path, arrays, compress=True):
    buffer = io.BytesIO()
    (np.savez_compressed if compress else np.savez)(buffer, **arrays)
    path.write_bytes(buffer.getvalue())
    return path


def _arrays_with_meta(change, *args):
    arrays = session_arrays(_session(*args))
    meta = json.loads(str(arrays["bpviz_session"]))
    change(meta, arrays)
    arrays["bpviz_session"] = np.array(json.dumps(meta))
    return arrays


def _refused(path, fragment):
    with pytest.raises(SessionError) as info:
        load_session(path)
    message = str(info.value)
    assert fragment in message, message
    assert "\n" not in message and str(path) in message
    return message


@pytest.mark.parametrize("name, change, fragment", [
    ("negative base_lr", lambda m, a: m.update(base_lr=-1.0), "base_lr"),
    ("zero checkpoint lr", lambda m, a: m["checkpoints"][0].update(base_lr=0.0), "checkpoint base_lr"),
    ("NaN weight", lambda m, a: a["params"].__setitem__(0, np.nan), "'params' holds NaN"),
    ("inf initial weight", lambda m, a: a["initial_params"].__setitem__(1, np.inf), "'initial_params' holds NaN"),
    ("NaN checkpoint", lambda m, a: a["ckpt.params"].__setitem__((0, 0), np.nan), "'ckpt.params' holds NaN"),
    ("NaN loss", lambda m, a: a["batch_loss"].__setitem__(3, np.nan), "'batch_loss' holds NaN"),
    ("negative lr edit", lambda m, a: m["edits"].append(dict(step=5, kind="lr", value=-0.5, name="", index=[])),
     "learning-rate edit"),
    ("huge weight edit", lambda m, a: m["edits"].append(dict(step=5, kind="weight", value=1e300, name="w1",
                                                             index=[0, 0])), "does not fit"),
    ("step beyond the limit", lambda m, a: m.update(step=MAX_STEPS + 1), "step"),
    ("logged steps beyond the run", lambda m, a: a.update(logged_steps=np.array([0, 500], np.int64),
                                                          logged_loss=np.ones(2, np.float32)), "logged steps"),
    ("logged longer than the run", lambda m, a: a.update(logged_steps=np.arange(300, dtype=np.int64),
                                                         logged_loss=np.ones(300, np.float32)), "logged losses"),
    ("too many checkpoints", lambda m, a: m.update(checkpoints=[{"step": i, "base_lr": 0.001}
                                                                for i in range(300)]), "checkpoints"),
    ("edit not an object", lambda m, a: m["edits"].append([1, 2]), "not an object"),
    ("bool for ema", lambda m, a: m.update(ema=0), "EMA"),
    ("huge meta int", lambda m, a: m.update(step=10**40), "step"),
])
def test_session_values_are_checked(tmp_path, name, change, fragment):
    path = _write(tmp_path / "s.npz", _arrays_with_meta(change))
    _refused(path, fragment)


def test_nan_in_the_optimizer_state_is_damage_not_a_learning_rate_problem(tmp_path):
    def change(meta, arrays):
        arrays["opt.m"][2] = np.nan

    path = _write(tmp_path / "s.npz", _arrays_with_meta(change, "--optimizer", "adam"))
    assert "damaged session file" in _refused(path, "'opt.m' holds NaN")


def test_metadata_json_that_python_refuses_in_other_ways(tmp_path):
    arrays = session_arrays(_session())
    for text, fragment in [("[" * 5000, "nested too deeply"), ('{"format": NaN}', "NaN"),
                           ('{"step": ' + "9" * 5000 + "}", "too large")]:
        arrays["bpviz_session"] = np.array(text)
        _refused(_write(tmp_path / "s.npz", arrays), fragment)


def _zip_with_entry(base: dict, name: str, header: bytes, zero_bytes: int) -> bytes:
    """An .npz of `base` plus entry `name` made of `header` and `zero_bytes` zeros, streamed (never in memory)."""
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **{k: v for k, v in base.items() if k != name})
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as z:
        with z.open(name + ".npy", "w", force_zip64=True) as entry:
            entry.write(header)
            chunk = bytes(1 << 20)
            for _ in range(zero_bytes >> 20):
                entry.write(chunk)
    return buffer.getvalue()


def _npy_header(dtype, shape) -> bytes:
    out = io.BytesIO()
    np.lib.format.write_array_header_1_0(out, {"descr": np.lib.format.dtype_to_descr(np.dtype(dtype)),
                                               "fortran_order": False, "shape": shape})
    return out.getvalue()


@pytest.mark.parametrize("entry, header, fragment", [
    ("extra", b"", None),  # an unknown entry of zeros is never read
    ("batch_loss", _npy_header(np.float32, (200,)), "holds more data than its header says"),
    ("params", _npy_header(np.float32, (10**12,)), "'params' is float32[1000000000000]"),
])
def test_zip_bombs_are_not_decompressed(tmp_path, entry, header, fragment):
    arrays = session_arrays(_session())
    data = _zip_with_entry(arrays, entry, header or _npy_header(np.float32, (16 << 20,)), 64 << 20)
    path = tmp_path / "bomb.npz"
    path.write_bytes(data)
    assert len(data) < 1 << 20  # 64 MB of zeros, under 1 MB on disk
    tracemalloc.start()
    try:
        if fragment is None:
            assert load_session(path).step == 200
        else:
            _refused(path, fragment)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 << 20


def test_junk_before_the_zip_and_pickles_and_foreign_zips(tmp_path):
    good = io.BytesIO()
    np.savez_compressed(good, **session_arrays(_session()))
    _refused(_write_bytes(tmp_path / "junk.npz", b"#!/bin/sh\n" + good.getvalue()), "not a complete .npz")
    pickled = session_arrays(_session())
    pickled["params"] = np.array([None] * pickled["params"].size, dtype=object)
    _refused(_write(tmp_path / "p.npz", pickled, compress=False), "Python objects")
    foreign = io.BytesIO()
    with zipfile.ZipFile(foreign, "w") as z:
        z.writestr("readme.txt", "hello")
    _refused(_write_bytes(tmp_path / "f.npz", foreign.getvalue()), "without the 'bpviz_session' entry")


def _write_bytes(path, data):
    path.write_bytes(data)
    return path


def test_a_zip_directory_larger_than_a_session_needs_is_refused_unread(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        for i in range(10_000):
            z.writestr(f"{i:0100d}.npy", b"")
    _refused(_write_bytes(tmp_path / "many.npz", buffer.getvalue()), "directory")


def test_special_files_as_sessions_do_not_block(tmp_path, capsys):
    fifo = tmp_path / "s.npz"
    os.mkfifo(fifo)
    kind, result = _in_thread(lambda: load_session(fifo))
    assert kind == "raised" and isinstance(result, SessionError) and "pipe" in str(result)
    kind, result = _in_thread(lambda: load_session("/dev/zero"))
    assert kind == "raised" and isinstance(result, SessionError) and "character device" in str(result)
    code, out, err = run_cli(capsys, "--session", str(fifo))
    assert code == 2 and "not a regular file" in err


def test_every_optimizer_round_trips_through_its_declared_state(tmp_path):
    from bpviz.engine.optimizers import OPTIMIZERS
    from bpviz.engine.session import save_session

    for name in OPTIMIZERS:
        trainer = _session("--optimizer", name, "--ema", "0.9", "--bias")
        save_session(trainer, tmp_path / f"{name}.npz")
        again = load_session(tmp_path / f"{name}.npz")
        assert again.step == trainer.step and set(again.optimizer.state()) == set(trainer.optimizer.state())


def test_checkpoints_of_large_networks_fit_a_memory_budget(tmp_path, monkeypatch):
    from bpviz.engine import trainer as trainer_module
    from bpviz.engine.session import save_session
    from bpviz.engine.trainer import MAX_CHECKPOINT_BYTES, Trainer, checkpoint_limit

    largest = RunConfig().replace(hidden=[256] * 8, optimizer="adam", ema=0.9, bias=True)
    per_checkpoint = Trainer(largest).net.size * 4 * 4  # params, m, v, EMA in float32
    assert checkpoint_limit(per_checkpoint) * per_checkpoint <= MAX_CHECKPOINT_BYTES
    assert checkpoint_limit(36) == trainer_module.MAX_CHECKPOINTS  # the tutorial's network keeps them all

    # a budget of ten checkpoints: thinned to it, rewinds still exact, and the session reader agrees
    monkeypatch.setattr(trainer_module, "MAX_CHECKPOINT_BYTES", 9 * 4 * 10)
    config = RunConfig().replace(steps=3000)
    run = Trainer(config)
    assert run.max_checkpoints == 10
    run.run(3000)
    assert len(run.state()["checkpoints"]) <= 11
    save_session(run, tmp_path / "s.npz")
    again = load_session(tmp_path / "s.npz")
    again.rewind(1234)
    straight = Trainer(config)
    straight.run(1234)
    assert np.array_equal(again.params, straight.params)
