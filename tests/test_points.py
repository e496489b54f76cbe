"""Your own data: `--data FILE.csv`, every refusal the brief lists (one line naming file, line and column,
exit 2), the points kept in configurations and sessions, and CSV export read back to the same points."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

from bpviz.engine.config import ConfigError, RunConfig
from bpviz.engine.datasets import make_dataset
from bpviz.engine.points import (MAX_SAMPLES, PointsError, parse_points, points_csv, points_of,
                                 read_points_file)
from bpviz.engine.session import load_session, save_session
from bpviz.engine.trainer import Trainer
from cli_helpers import run_cli

SOFTMAX3 = json.loads((__import__("pathlib").Path(__file__).parent / "data" / "tf1_softmax3.json").read_text())


def write(tmp_path, text, name="points.csv"):
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return str(path)


BAD = {
    "no header": ("0.1,0.2,1\n0.3,0.4,0\n", "line 1: no header"),
    "missing column": ("x0,label\n1,0\n2,1\n", "line 1: no x1 column"),
    "no target": ("x0,x1\n1,0\n2,1\n", "line 1: expected one of the columns label"),
    "both targets": ("x0,x1,label,y\n1,0,0,1\n2,1,1,2\n", "both label and y"),
    "unknown column": ("x0,x1,z\n1,0,0\n", "line 1, column 3: unknown column 'z'"),
    "text": ("x0,x1,label\n1,2,0\n3,four,1\n", "line 3, column 2 (x1): 'four' is not a number"),
    "empty cell": ("x0,x1,y\n1,2,0\n3,,1\n", "line 3, column 2 (x1): '' is not a number"),
    "nan": ("x0,x1,y\n1,2,0\nnan,1,1\n", "line 3, column 1 (x0): nan is not a finite number"),
    "inf": ("x0,x1,y\n1,2,0\n1,1,-inf\n", "line 3, column 3 (y): -inf is not a finite number"),
    "one row": ("x0,x1,label\n1,2,0\n", "1 row of data; at least 2 are needed"),
    "no rows": ("x0,x1,label\n", "0 rows of data"),
    "fraction label": ("x0,x1,label\n1,2,0\n3,4,0.5\n", "line 3, column 3 (label): 0.5 is not a class"),
    "negative label": ("x0,x1,label\n1,2,0\n3,4,-1\n", "line 3, column 3 (label): -1 is not a class"),
    "short row": ("x0,x1,label\n1,2,0\n3,4\n", "line 3: 2 values, expected 3"),
    "binary": (b"x0,x1,label\n\x00\x01\x02", "not a text file"),
    "not utf-8": (b"x0,x1,label\n1,2,\xff\n", "not a UTF-8 text file"),
    "empty": ("", "empty"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_csv_is_refused_in_one_line_with_exit_2(tmp_path, capsys, case):
    text, says = BAD[case]
    path = write(tmp_path, text)
    code, out, err = run_cli(capsys, "--data", path, "--steps", "1")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("bpviz train: error: argument --data: ")
    assert path in err and says in err


def test_more_than_the_row_limit_is_refused(tmp_path):
    text = "x0,x1,y\n" + "0,0,0\n" * (MAX_SAMPLES + 1)
    with pytest.raises(PointsError, match=f"line {MAX_SAMPLES + 2}: more than {MAX_SAMPLES} rows"):
        parse_points(text.encode(), "big.csv")


def test_a_missing_file_a_directory_and_a_fifo_are_refused(tmp_path):
    with pytest.raises(PointsError, match="no such file"):
        read_points_file(tmp_path / "nope.csv")
    with pytest.raises(PointsError, match="is a directory"):
        read_points_file(tmp_path)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(PointsError, match="not a regular file"):  # and no hang waiting for a writer
        read_points_file(fifo)


def test_header_names_are_read_in_any_order_and_case_with_blank_lines_and_a_bom(tmp_path):
    points = read_points_file(write(tmp_path, "\ufeffLabel, X1 ,x0\n\n1,0.5,0.25\n0,-1,2e3\n"))
    assert points == {"x": [[0.25, 0.5], [2000.0, -1.0]], "label": [1, 0]}


def test_three_classes_from_a_csv_train_as_the_tf1_reference(tmp_path, capsys):
    """The 3-class TF1 problem written as a CSV: the same run as the built-in sectors set, number for number."""
    rows = "".join(f"{x0!r},{x1!r},{k}\n" for (x0, x1), k in zip(SOFTMAX3["X"], SOFTMAX3["labels"]))
    path = write(tmp_path, "x0,x1,label\n" + rows)
    options = ["--loss", "softmax-ce", "--hidden", "4", "--activation", "tanh", "--bias", "--optimizer", "adam",
               "--lr", "0.01", "--steps", "600", "--log-every", "100", "--json"]
    code, out, err = run_cli(capsys, "--data", path, *options)
    assert code == 0, err
    logs = [json.loads(line) for line in out.splitlines() if '"log"' in line]
    ref = SOFTMAX3["runs"]["adam_lr0.01"]["log"]
    assert [e["step"] for e in logs] == [s for s, _ in ref]
    for event, (_step, loss) in zip(logs, ref):
        assert event["loss"] == pytest.approx(loss, rel=1e-5)
        assert 0 <= event["accuracy"] <= 1
    assert logs[-1]["accuracy"] > 0.9


def test_numbers_from_a_csv_are_a_regression(tmp_path):
    points = read_points_file(write(tmp_path, "x0,x1,y\n0,0,0.5\n1,0,1.5\n0,1,2.5\n"))
    trainer = Trainer(RunConfig().replace(points=points, hidden=[], bias=True, lr=0.1))
    assert trainer.dataset.is_regression and trainer.accuracy() is None
    trainer.run(3000)
    np.testing.assert_allclose(trainer.output(trainer.X)[:, 0], [0.5, 1.5, 2.5], atol=1e-3)
    with pytest.raises(ConfigError, match="sigmoid-ce cannot fit numbers"):
        RunConfig().replace(points=points, loss="sigmoid-ce")


def test_the_points_are_kept_in_configurations_and_sessions(tmp_path):
    points = read_points_file(write(tmp_path, "x0,x1,label\n0,0,0\n1,1,1\n0.5,0.2,2\n-1,3,1\n"))
    config = RunConfig().replace(points=points, loss="softmax-ce", steps=10)
    again = RunConfig.from_json(config.to_json())
    assert again.data.points == points
    trainer = Trainer(config)
    trainer.run(5)
    save_session(trainer, tmp_path / "s.npz")
    os.remove(tmp_path / "points.csv")  # the session does not need the file
    loaded = load_session(tmp_path / "s.npz")
    np.testing.assert_array_equal(loaded.dataset.X64, trainer.dataset.X64)
    loaded.run(5)
    trainer.run(5)
    np.testing.assert_array_equal(loaded.params, trainer.params)


@pytest.mark.parametrize("stored,says", [
    ({"x": [[0, 0], [1, 1]]}, "expected an object with x and either label or y"),
    ({"x": [[0, 0], [1, 1]], "label": [0]}, "same length"),
    ({"x": [[0, 0], [1, 1]], "label": [0, 1.5]}, "point 1: label 1.5 is not a whole number"),
    ({"x": [[0, 0], [1, "a"]], "y": [0, 1]}, "point 1: expected two finite numbers"),
    ({"x": [[0, 0]], "y": [0]}, "1 points; between 2"),
])
def test_bad_stored_points_are_refused(stored, says):
    raw = RunConfig().to_dict()
    raw["data"]["points"] = stored
    with pytest.raises(ConfigError, match=says) as caught:
        RunConfig.from_dict(raw)
    assert caught.value.option == "--data"


@pytest.mark.parametrize("name", ["spiral", "sectors", "reg-gauss", "sales"])
def test_exported_csv_reads_back_to_the_same_points(name):
    ds = make_dataset(name)
    points = points_of(ds.X64, ds.Y64 if ds.is_regression else ds.Y, ds.n_classes)
    again = parse_points(points_csv(points).encode(), "export.csv")
    assert again == points
    config = RunConfig().replace(points=again, loss="softmax-ce" if ds.n_classes > 2 else "mse")
    rebuilt = Trainer(config).dataset
    np.testing.assert_array_equal(rebuilt.X64, ds.X64)
    np.testing.assert_array_equal(rebuilt.Y, ds.Y)


@pytest.mark.parametrize("options,says", [
    (["--loss", "cost-profit", "--dataset", "sales", "--hidden", "none"], "not cost-profit"),
    (["--dataset", "sectors", "--loss", "softmax-ce"], "not softmax-ce"),
    (["--test-ratio", "0.2"], "no test split"),
    (["--features", "x0,x1,x0^2"], "no feature inputs"),
])
def test_script_exports_refuse_runs_they_cannot_reproduce_before_running(tmp_path, capsys, options, says):
    code, out, err = run_cli(capsys, *options, "--export-script", str(tmp_path / "run.py"))
    assert code == 2 and out == "" and says in err
    assert not (tmp_path / "run.py").exists()


def test_script_exports_refuse_imported_points(tmp_path, capsys):
    path = write(tmp_path, "x0,x1,label\n0,0,0\n1,1,1\n")
    code, _out, err = run_cli(capsys, "--data", path, "--export-tf1", str(tmp_path / "tf1.py"))
    assert code == 2 and "--export-tf1: scripts are written for the generated data sets" in err


def test_the_most_points_a_file_may_have_fit_in_a_configuration_file_and_a_session(tmp_path):
    rng = np.random.RandomState(0)
    X = rng.uniform(-1e3, 1e3, size=(MAX_SAMPLES, 2))
    points = points_of(X, rng.randint(0, 3, MAX_SAMPLES), 3)
    config = RunConfig().replace(points=points, loss="softmax-ce", steps=1)
    (tmp_path / "big.json").write_text(config.to_json())
    assert RunConfig.load(tmp_path / "big.json").data.points == points
    trainer = Trainer(config)
    trainer.run(1)
    save_session(trainer, tmp_path / "big.npz")
    np.testing.assert_array_equal(load_session(tmp_path / "big.npz").params, trainer.params)


@pytest.mark.parametrize("cell", ["9" * 5000 + "e9", "[" * 5000 + "0.1", "1e400" + "0" * 5000])
def test_a_huge_cell_is_named_in_a_short_line(cell):
    """The fuzz test's finding: a cell of 5,000 characters was repeated whole in the message."""
    with pytest.raises(PointsError) as refused:
        parse_points(f"x0,x1,label\n{cell},0.2,1\n0.5,0.5,0\n", "data.csv")
    text = str(refused.value)
    assert "\n" not in text and len(text) < 200 and "line 2, column 1 (x0)" in text


def test_a_huge_header_name_is_named_in_a_short_line():
    with pytest.raises(PointsError) as refused:
        parse_points("x0,x1," + "z" * 5000 + "\n0.1,0.2,1\n", "data.csv")
    assert len(str(refused.value)) < 300
