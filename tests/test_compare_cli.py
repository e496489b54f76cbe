"""`bpviz compare`: runs side by side, each the run `bpviz train` makes; the course's parabola against TF1."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bpviz.cli import RUN_OPTIONS, build_parser, main

TF1_PARABOLA = json.loads((Path(__file__).parent / "data" / "tf1_parabola.json").read_text())["runs"]


def run(capsys, command, *args):
    try:
        code = main([command, *args])
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def f32(value) -> np.float32:
    """JSON writes float32 values as their shortest text; TF's file holds them as float64: compare as float32."""
    return np.float32(value)


def events(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_compare_takes_every_option_of_train():
    sub = build_parser()._subparsers._group_actions[0].choices
    flags = lambda p: {s for a in p._actions for s in a.option_strings}  # noqa: E731
    missing = flags(sub["train"]) - flags(sub["compare"]) - {"--export-weights", "--export-script", "--export-tf1",
                                                            "--save-session", "--session"}
    assert not missing
    assert {flag for flag, _f, _kw in RUN_OPTIONS} <= flags(sub["compare"])


def test_three_optimizers_reproduce_their_single_runs(capsys):
    code, out, _ = run(capsys, "compare", "--optimizer", "gd,momentum,adam", "--lr", "0.001", "--json")
    assert code == 0
    evs = events(out)
    assert evs[0]["event"] == "runs"
    assert [r["label"] for r in evs[0]["runs"]] == ["gd", "momentum", "adam"]
    logs = [e for e in evs if e["event"] == "log"]
    assert [e["step"] for e in logs] == [0, 500, 1000, 1500, 2000, 2500]
    final = evs[-1]
    assert final["event"] == "final" and final["step"] == 3000 and final["diverged_at"] == [None] * 3
    for k, optimizer in enumerate(("gd", "momentum", "adam")):
        code, single, _ = run(capsys, "train", "--optimizer", optimizer, "--lr", "0.001", "--json")
        single = events(single)
        assert [e["loss"] for e in single if e["event"] == "log"] == [e["loss"][k] for e in logs]
        assert single[-1]["weights"] == final["weights"][k]
        assert single[-1]["loss"] == final["loss"][k]
        assert evs[0]["runs"][k]["config"]["optimizer"]["optimizer"] == optimizer


def test_lr_range_reports_the_rates_that_diverge(capsys):
    code, out, _ = run(capsys, "compare", "--lr-range", "1e-4:1:64", "--steps", "600", "--json")
    assert code == 0
    evs = events(out)
    rates = [r["config"]["optimizer"]["lr"] for r in evs[0]["runs"]]
    assert len(rates) == 64 and rates[0] == pytest.approx(1e-4) and rates[-1] == pytest.approx(1.0)
    assert np.allclose(np.diff(np.log(rates)), np.log(1e4) / 63)
    final = evs[-1]
    diverged = [d is not None for d in final["diverged_at"]]
    assert not diverged[0] and diverged[-1]
    assert diverged == sorted(diverged)  # the tutorial network diverges above a threshold rate
    assert [loss is None for loss in final["loss"]] == diverged
    for e in evs:
        if e["event"] == "log":  # a stopped run logs null
            assert all(loss is None for loss, d, s in zip(e["loss"], final["diverged_at"], [e["step"]] * 64)
                       if d is not None and d <= s)
    code, table, _ = run(capsys, "compare", "--lr-range", "1e-4:1:64", "--steps", "600")
    rows = table.splitlines()
    assert rows[0].split()[:2] == ["run", "label"] and len(rows) == 65
    assert rows[1].split()[1] == "lr=0.0001" and rows[-1].split()[-1] != "—" and rows[1].split()[-1] == "—"


def test_cross_product_and_labels_name_only_what_varies(capsys):
    code, out, _ = run(capsys, "compare", "--optimizer", "gd,adam", "--lr", "0.1,0.01", "--hidden", "3;8,8",
                       "--steps", "10", "--json")
    assert code == 0
    runs = events(out)[0]["runs"]
    assert len(runs) == 8
    assert runs[0]["label"] == "gd lr=0.1 hidden=3" and runs[-1]["label"] == "adam lr=0.01 hidden=8,8"
    assert runs[-1]["config"]["model"]["hidden"] == [8, 8]


def test_every_run_diverging_exits_1(capsys):
    code, out, err = run(capsys, "compare", "--lr", "3,5", "--json")
    assert code == 1 and "every run diverged" in err
    final = events(out)[-1]
    assert final["diverged_at"] == [3, 3] and final["loss"] == [None, None]
    assert all(np.isfinite(np.array(w["w1"])).all() for w in final["weights"])


@pytest.mark.parametrize("args, message", [
    (["--lr", ""], "--lr"),
    (["--optimizer", "gd,sgd"], "unknown value 'sgd'"),
    (["--lr-range", "1:1:5"], "LO < HI"),
    (["--lr-range", "1e-3:1:1"], "at least 2"),
    (["--lr-range", "1e-4:1:2000"], "at most 1024"),
    (["--lr", "0.1", "--lr-range", "1e-3:1:3"], "not both"),
    (["--lr", "0.1,-1"], "--lr"),
    (["--batch-size", "8,x"], "--batch-size"),
    (["--export-loss", "a.txt"], "unknown format"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, args, message):
    code, out, err = run(capsys, "compare", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("name, lr", [("lr0.2", "0.2"), ("lr1", "1"), ("lr0.0001", "0.0001")])
def test_parabola_single_runs_print_tf1s_numbers(capsys, name, lr):
    code, out, _ = run(capsys, "train", "--dataset", "parabola", "--lr", lr, "--steps", "40", "--log-every", "1",
                       "--json", "--log-weights")
    assert code == 0
    logs = [e for e in events(out) if e["event"] == "log"]
    assert events(out)[0]["weights"] == {"w": [[5.0]]}
    assert [(e["step"] + 1, f32(e["weights"]["w"][0][0]), f32(e["loss"])) for e in logs] == [
        (s, f32(w), f32(loss)) for s, w, loss in TF1_PARABOLA[name]]


def test_parabola_lesson_side_by_side_matches_tf1(capsys):
    code, out, _ = run(capsys, "compare", "--dataset", "parabola", "--lr", "0.2,1,0.0001", "--steps", "40",
                       "--log-every", "1", "--json", "--log-weights")
    assert code == 0
    logs = [e for e in events(out) if e["event"] == "log"]
    for k, name in enumerate(("lr0.2", "lr1", "lr0.0001")):
        got = [(f32(e["weights"][k]["w"][0][0]), f32(e["loss"][k])) for e in logs]
        assert got == [(f32(w), f32(loss)) for _s, w, loss in TF1_PARABOLA[name]]
    # lr 1 jumps between 5 and -7 for ever; lr 0.0001 barely moves
    assert {e["weights"][1]["w"][0][0] for e in logs} == {5.0, -7.0}


def test_parabola_with_exponential_decay_matches_tf1(capsys):
    code, out, _ = run(capsys, "compare", "--dataset", "parabola", "--lr", "0.1", "--lr-decay", "0.99",
                       "--decay-steps", "1", "--staircase", "--steps", "40", "--log-every", "1", "--json",
                       "--log-weights")
    assert code == 0
    logs = [e for e in events(out) if e["event"] == "log"]
    assert [(f32(e["weights"][0]["w"][0][0]), f32(e["loss"][0])) for e in logs] == [
        (f32(w), f32(loss)) for _s, _gs, w, _lr, loss in TF1_PARABOLA[
            "decay0.1_0.99_staircase"]]


def test_parabola_start_and_refusals(capsys):
    code, out, _ = run(capsys, "compare", "--dataset", "parabola", "--init-value", "-3", "--lr", "0.2",
                       "--steps", "1", "--json")
    w0, lr = np.float32(-3), np.float32(0.2)
    by_hand = w0 - lr * (np.float32(2) * (w0 + np.float32(1)))  # one step down the gradient 2(w+1)
    assert code == 0 and f32(events(out)[-1]["weights"][0]["w"][0][0]) == by_hand
    code, _, err = run(capsys, "train", "--dataset", "parabola", "--hidden", "3")
    assert code == 2 and "--hidden none" in err


def test_exports_overlay_every_run(tmp_path, capsys):
    paths = {n: tmp_path / n for n in ("loss.csv", "loss.png", "loss.svg", "sweep.csv", "sweep.png", "sweep.svg")}
    args = ["--lr", "0.001,0.01,3", "--steps", "120", "--log-every", "20"]
    for name, path in paths.items():
        args += ["--export-loss" if name.startswith("loss") else "--export-sweep", str(path)]
    code, _, err = run(capsys, "compare", *args, "--export-size", "600x400")
    assert code == 0, err
    table = paths["loss.csv"].read_text().splitlines()
    assert table[0] == "step,lr=0.001,lr=0.01,lr=3" and len(table) == 121
    from bpviz.engine.config import RunConfig
    from bpviz.engine.trainer import Trainer

    single = Trainer(RunConfig().replace(lr=0.01, steps=120))
    single.run(120)
    np.testing.assert_array_equal(np.array([r.split(",")[2] for r in table[1:]], np.float32),
                                  single.history.batch_losses())
    assert table[10].split(",")[3] == ""  # diverged at step 3
    sweep = paths["sweep.csv"].read_text().splitlines()
    assert sweep[0] == "label,lr,final_loss,best_loss,best_step,diverged_at"
    assert sweep[3].startswith("lr=3,3.0,,") and sweep[3].endswith(",3")
    for name in ("loss.png", "sweep.png"):
        data = paths[name].read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == 600 and int.from_bytes(data[20:24], "big") == 400
    for name in ("loss.svg", "sweep.svg"):
        assert "<svg" in paths[name].read_text()
    assert "lr=0.01" in paths["loss.svg"].read_text()


def test_compare_never_imports_qt():
    code = ("import sys; from bpviz.cli import main; "
            "rc = main(['compare', '--lr', '0.1,0.2', '--steps', '5']); "
            "sys.exit(rc or any(m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60).returncode == 0


@pytest.mark.parametrize("args, message", [
    (["--hidden", "256,256,256,256,256,256,256,256", "--lr-range", "1e-4:1:1024"], "weights together"),
    (["--lr-range", "1e-4:1:1000", "--steps", "1000000"], "losses"),
])
def test_runs_that_would_not_fit_in_memory_are_refused(capsys, args, message):
    code, out, err = run(capsys, "compare", *args)
    assert code == 2 and out == "" and message in err


def test_three_optimizers_side_by_side_match_tensorflow(capsys):
    """Real TF1 runs of the tutorial (tests/data/tf1_optimizers_tutorial.json): every logged loss within 1e-5
    relative, the final weights within 1e-4 (TF's matmul kernels round differently in the last bit)."""
    tf = json.loads((Path(__file__).parent / "data" / "tf1_optimizers_tutorial.json").read_text())["runs"]
    code, out, _ = run(capsys, "compare", "--optimizer", "gd,momentum,adam", "--lr", "0.001", "--log-every", "100",
                       "--json")
    assert code == 0
    evs = events(out)
    logs = {e["step"]: e["loss"] for e in evs if e["event"] == "log"}
    for k, name in enumerate(("gd_lr0.001", "momentum_lr0.001", "adam_lr0.001")):
        reference = tf[name]
        assert sorted(logs) == [step for step, _loss in reference["log"]]
        for step, loss in reference["log"]:
            assert logs[step][k] == pytest.approx(loss, rel=1e-5)
        for w, values in reference["final"].items():
            np.testing.assert_allclose(evs[-1]["weights"][k][w], values, atol=1e-4, rtol=0)
        assert evs[-1]["loss"][k] == pytest.approx(reference["final_loss"], rel=1e-5)


def test_a_parabola_session_continues_on_tf1s_path(capsys, tmp_path):
    session = tmp_path / "parabola.npz"
    code, _, _ = run(capsys, "train", "--dataset", "parabola", "--lr", "0.2", "--steps", "5", "--save-session",
                     str(session))
    assert code == 0
    code, out, _ = run(capsys, "train", "--session", str(session), "--steps", "8", "--log-every", "1", "--json")
    assert code == 0
    _s, w, loss = TF1_PARABOLA["lr0.2"][7]
    final = events(out)[-1]
    assert f32(final["weights"]["w"][0][0]) == f32(w) and f32(final["loss"]) == f32(loss)
    code, _, err = run(capsys, "train", "--dataset", "parabola", "--export-script", str(tmp_path / "p.py"))
    assert code == 2 and "--export-script" in err and not (tmp_path / "p.py").exists()


@pytest.mark.parametrize("args, message", [
    (["--test-ratio", "0.25"], "--test-ratio: compared runs have no test split"),
    (["--features", "x0,x1,x0*x1"], "--features: compared runs take the plain inputs"),
    (["--loss", "cost-profit", "--dataset", "sales"], "--loss: compared runs train with mse or sigmoid-ce"),
    (["--dataset", "sectors", "--loss", "softmax-ce"], "--loss: compared runs"),
    (["--dataset", "reg-plane"], "--dataset: compared runs train on two-class data sets or the parabola"),
])
def test_what_compared_runs_cannot_train_is_refused_in_one_line(capsys, args, message):
    code, out, err = run(capsys, "compare", "--lr", "0.1,0.2", *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_imported_points_are_refused_by_compare(capsys, tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("x0,x1,label\n0.1,0.2,0\n0.8,0.9,1\n")
    code, out, err = run(capsys, "compare", "--lr", "0.1,0.2", "--data", str(path))
    assert code == 2 and out == "" and "--data: compared runs train on a generated data set" in err
