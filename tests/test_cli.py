"""`bpviz train`: the tutorial's printout, JSON events, options, and refusals."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from cli_helpers import run_cli

TUTORIAL_PRINTOUT_START = """\
[[-0.8113182   1.4845988   0.06532937]
 [-2.4427042   0.0992484   0.5912243 ]]
[[-0.8113182 ]
 [ 1.4845988 ]
 [ 0.06532937]]
After 0 training step(s),loss on all data is 5.13118
After 500 training step(s),loss on all data is 0.429111
After 1000 training step(s),loss on all data is 0.409789
After 1500 training step(s),loss on all data is 0.399923
After 2000 training step(s),loss on all data is 0.394146
After 2500 training step(s),loss on all data is 0.390597
"""
TUTORIAL_FINAL_W1 = [[-0.7000663, 0.9136318, 0.08953571], [-2.3402493, -0.14641267, 0.58823055]]
TUTORIAL_FINAL_W2 = [[-0.06024267], [0.91956186], [-0.0682071]]


def json_events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_default_run_prints_the_tutorial(capsys):
    code, out, err = run_cli(capsys)
    assert code == 0 and err == ""
    assert out.startswith(TUTORIAL_PRINTOUT_START)
    final = out[len(TUTORIAL_PRINTOUT_START):]
    numbers = [float(t) for t in final.replace("[", " ").replace("]", " ").split()]
    np.testing.assert_allclose(numbers, np.ravel(TUTORIAL_FINAL_W1).tolist() + np.ravel(TUTORIAL_FINAL_W2).tolist(),
                               atol=1e-6, rtol=0)


def test_json_events_init_logs_final(capsys):
    code, out, _ = run_cli(capsys, "--json", "--steps", "1001", "--log-every", "250")
    events = json_events(out)
    assert code == 0
    assert events[0]["event"] == "init"
    assert events[0]["weights"]["w1"][0] == [-0.8113182, 1.4845988, 0.06532937]
    logs = [e for e in events if e["event"] == "log"]
    assert [e["step"] for e in logs] == [0, 250, 500, 750, 1000]
    assert logs[0]["loss"] == pytest.approx(5.13118, rel=1e-6)
    assert logs[2]["loss"] == pytest.approx(0.429111, rel=1e-6)
    final = events[-1]
    assert final["event"] == "final" and final["step"] == 1001
    assert set(final["weights"]) == {"w1", "w2"} and "ema_weights" not in final


def test_json_final_has_ema_weights_and_biases(capsys):
    code, out, _ = run_cli(capsys, "--json", "--steps", "20", "--ema", "0.99", "--bias",
                           "--hidden", "4,2", "--activation", "tanh", "--optimizer", "adam")
    final = json_events(out)[-1]
    assert code == 0
    assert set(final["weights"]) == {"w1", "w2", "w3", "b1", "b2", "b3"}
    assert np.shape(final["weights"]["w2"]) == (4, 2) and np.shape(final["weights"]["b1"]) == (4,)
    assert set(final["ema_weights"]) == set(final["weights"])
    assert final["ema_weights"] != final["weights"]


def test_steps_zero_only_initialises(capsys):
    code, out, _ = run_cli(capsys, "--json", "--steps", "0")
    events = json_events(out)
    assert code == 0 and [e["event"] for e in events] == ["init", "final"]
    assert events[1]["loss"] == pytest.approx(5.23348, rel=1e-6)
    assert events[0]["weights"] == events[1]["weights"]


def test_config_file_with_command_line_override(tmp_path, capsys):
    from bpviz.engine.config import RunConfig

    path = tmp_path / "run.json"
    path.write_text(RunConfig().replace(optimizer="adam", lr=0.01, steps=40).to_json())
    _, from_file, _ = run_cli(capsys, "--json", "--config", str(path))
    _, explicit, _ = run_cli(capsys, "--json", "--optimizer", "adam", "--lr", "0.01", "--steps", "40")
    assert from_file == explicit
    _, overridden, _ = run_cli(capsys, "--json", "--config", str(path), "--steps", "10")
    assert json_events(overridden)[-1]["step"] == 10


def test_every_dataset_and_option_runs(capsys):
    for dataset in ("seed", "circle", "xor", "gauss", "spiral"):
        code, out, err = run_cli(capsys, "--json", "--dataset", dataset, "--steps", "30", "--loss",
                                 "sigmoid-ce", "--optimizer", "momentum", "--nesterov", "--l2", "0.01",
                                 "--l1", "0.001", "--lr-decay", "0.9", "--decay-steps", "10", "--staircase",
                                 "--hidden", "5", "--activation", "relu", "--batch-size", "16",
                                 "--init-stddev", "0.5", "--init-seed", "7", "--noise", "0.1",
                                 "--samples", "64", "--data-seed", "3")
        assert code == 0, err
        assert np.isfinite(json_events(out)[-1]["loss"])


@pytest.mark.parametrize("args, option", [
    (["--lr", "nan"], "--lr"),
    (["--lr", "-0.1"], "--lr"),
    (["--lr", "abc"], "--lr"),
    (["--batch-size", "0"], "--batch-size"),
    (["--dataset", "moons"], "--dataset"),
    (["--optimizer", "sgd"], "--optimizer"),
    (["--hidden", "3,x"], "--hidden"),
    (["--hidden", "0"], "--hidden"),
    (["--beta2", "1"], "--beta2"),
    (["--steps", "-5"], "--steps"),
])
def test_invalid_values_are_refused_before_training(capsys, args, option):
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and option in err and "Traceback" not in err


@pytest.mark.parametrize("content, fragment", [
    (None, "no such file"),
    ("{not json", "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"optimizer": {"lr": "fast"}}', "--lr"),
    ('{"schedule": {"steps": 1.5}}', "--steps"),
    ('{"model": {"depth": 3}}', "unknown setting"),
])
def test_bad_config_files_are_refused(tmp_path, capsys, content, fragment):
    path = tmp_path / "run.json"
    if content is not None:
        path.write_text(content)
    code, out, err = run_cli(capsys, "--config", str(path))
    assert code == 2 and out == ""
    assert fragment in err and len(err.strip().splitlines()) == 1


def test_divergence_stops_with_the_step_and_advice(capsys):
    code, out, err = run_cli(capsys, "--lr", "10")
    assert code == 1
    assert "step" in err and "smaller learning rate" in err and "Traceback" not in err


def test_output_file_written_atomically_and_unwritable_path_refused(tmp_path, capsys):
    target = tmp_path / "out.txt"
    code, out, _ = run_cli(capsys, "-o", str(target))
    assert code == 0 and out == "" and target.read_text().startswith(TUTORIAL_PRINTOUT_START)
    code, out, err = run_cli(capsys, "-o", str(tmp_path / "missing-dir" / "out.txt"))
    # refused before the run, not after it
    assert code == 2 and out == "" and err.startswith("bpviz train: error: --output:") and "no such folder" in err


def test_train_never_imports_qt_or_the_gui():
    """What keeps `bpviz train` quick to start: it loads the engine only (how quick is the benchmark's business)."""
    code = ("import sys; from bpviz.cli import main; "
            "rc = main(['train', '--steps', '0']); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'PyQt6', 'shiboken6') "
            "or m.startswith('bpviz.gui')]; "
            "print(bad, file=sys.stderr); sys.exit(rc or bool(bad))")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("[]")


def test_engine_package_imports_no_qt():
    code = ("import sys, bpviz.engine.trainer, bpviz.engine.datasets, bpviz.engine.tf_random, bpviz.atomic; "
            "sys.exit(any(m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], timeout=300).returncode == 0
