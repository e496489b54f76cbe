"""Exports: the loss table, figure (PNG/SVG), weights + history, and the run as NumPy / TF1 code."""
from __future__ import annotations

import ast
import csv
import io
import json
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer
from bpviz.export import data as export_data
from bpviz.export.data import learning_rates, loss_table, write_loss_csv, write_weights
from bpviz.export.script import f32_literal, numpy_script, tf1_script
from cli_helpers import run_cli, trainer_for

QT_MODULES = ("PySide6", "pyqtgraph", "shiboken6", "PyQt6")


def headless_env() -> dict:
    return {k: v for k, v in os.environ.items()
            if not k.startswith("QT_") and k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYQTGRAPH_QT_LIB")}


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def bits(a) -> np.ndarray:
    return np.asarray(a, np.float32).view(np.uint32)


# -- learning rates and the CSV ---------------------------------------------------------------

def _recorded_rates(trainer: Trainer, n: int, edits: dict) -> np.ndarray:
    """Run n steps one at a time, applying `edits` {step: lr}, and read the rate each update used."""
    rates = []
    for i in range(n):
        if i in edits:
            for lr in np.atleast_1d(edits[i]):
                trainer.set_lr(float(lr))
        trainer.run(1)
        rates.append(float(trainer.optimizer.lr))  # decay recomputes it at the start of each step
    return np.array(rates, np.float32)


@pytest.mark.parametrize("args", [
    [],
    ["--lr-decay", "0.9", "--decay-steps", "7"],
    ["--lr-decay", "0.5", "--decay-steps", "10", "--staircase", "--optimizer", "adam"],
])
def test_learning_rates_follow_decay_and_edits_bit_for_bit(args):
    trainer = trainer_for("--steps", "300", *args)
    edits = {40: 0.01, 41: 0.002, 150: [0.3, 0.004], 299: 0.05}  # two edits at 150: the last wins
    recorded = _recorded_rates(trainer, 300, edits)
    computed = learning_rates(trainer)
    assert computed.dtype == np.float32 and computed.shape == (300,)
    np.testing.assert_array_equal(bits(computed), bits(recorded))
    assert computed[39] != computed[40]  # the edit shows from its step on
    # after a rewind the forgotten edits no longer count
    trainer.rewind(100)
    np.testing.assert_array_equal(bits(learning_rates(trainer)), bits(recorded[:100]))


def test_csv_has_every_step_the_logged_losses_and_the_decayed_rate(tmp_path, capsys):
    path = tmp_path / "loss.csv"
    code, out, err = run_cli(capsys, "--json", "--steps", "1001", "--log-every", "250", "--lr-decay", "0.9",
                             "--decay-steps", "100", "--export-loss", str(path))
    assert code == 0, err
    logs = {e["step"]: e["loss"] for e in map(json.loads, out.splitlines()) if e["event"] == "log"}
    rows = list(csv.reader(io.StringIO(path.read_text())))
    assert rows[0] == ["step", "batch_loss", "full_loss", "learning_rate"]
    body = rows[1:]
    assert [int(r[0]) for r in body] == list(range(1001))
    trainer = trainer_for("--steps", "1001", "--log-every", "250", "--lr-decay", "0.9", "--decay-steps", "100")
    trainer.run(1001)
    np.testing.assert_array_equal(bits([float(r[1]) for r in body]), bits(trainer.history.batch_losses()))
    full = {int(r[0]): float(r[2]) for r in body if r[2] != ""}
    assert full == logs and sorted(full) == [0, 250, 500, 750, 1000]
    lr = np.array([float(r[3]) for r in body])
    np.testing.assert_array_equal(bits(lr), bits(learning_rates(trainer)))
    np.testing.assert_allclose(lr, 0.001 * 0.9 ** (np.arange(1001) / 100), rtol=1e-6)


def test_csv_learning_rate_column_shows_an_edit(tmp_path):
    trainer = trainer_for("--steps", "100")
    trainer.run(60)
    trainer.set_lr(0.05)
    trainer.run(40)
    write_loss_csv(trainer, tmp_path / "l.csv")
    rates = [r["learning_rate"] for r in csv.DictReader((tmp_path / "l.csv").open())]
    assert len(rates) == 100 and set(rates[:60]) == {"0.001"} and set(rates[60:]) == {"0.05"}


def test_csv_export_never_imports_qt(tmp_path):
    path = tmp_path / "loss.csv"
    code = (f"import sys; from bpviz.cli import main; rc = main(['train', '--steps', '50', '--export-loss', "
            f"{str(path)!r}, '--export-weights', {str(tmp_path / 'w.npz')!r}]); "
            f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]; "
            "print(bad, file=sys.stderr); sys.exit(rc or bool(bad))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=headless_env(),
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert len(path.read_text().splitlines()) == 51


# -- weights and history --------------------------------------------------------------------

def test_weights_npz_round_trips(tmp_path):
    trainer = trainer_for("--steps", "700", "--ema", "0.99", "--bias", "--hidden", "4,3", "--activation", "tanh",
                          "--optimizer", "adam", "--lr", "0.01")
    trainer.run(700)
    write_weights(trainer, tmp_path / "w.npz")
    with np.load(tmp_path / "w.npz", allow_pickle=False) as z:
        meta = json.loads(str(z["bpviz_weights"]))
        assert meta["format"] == "bpviz-weights" and meta["step"] == 700
        assert RunConfig.from_dict(meta["config"]).to_dict() == trainer.config.to_dict()
        for name, value in trainer.weights().items():
            np.testing.assert_array_equal(bits(z[name]), bits(value))
            np.testing.assert_array_equal(bits(z[f"ema_{name}"]), bits(trainer.ema_weights()[name]))
            np.testing.assert_array_equal(bits(z[f"initial_{name}"]),
                                          bits(trainer.weights(trainer.initial_params)[name]))
        np.testing.assert_array_equal(bits(z["batch_loss"]), bits(trainer.history.batch_losses()))
        assert z["batch_loss"].shape == (700,) and z["learning_rate"].shape == (700,)
        steps, values = trainer.history.logged_arrays()
        np.testing.assert_array_equal(z["logged_steps"], steps)
        np.testing.assert_array_equal(bits(z["logged_loss"]), bits(values))
        checkpoints = trainer.state()["checkpoints"]
        np.testing.assert_array_equal(z["checkpoint_steps"], [c["step"] for c in checkpoints])
        assert z["checkpoint_steps"][0] == 0 and len(checkpoints) > 5
        for k, c in enumerate(checkpoints):
            np.testing.assert_array_equal(bits(z["checkpoint_w2"][k]), bits(trainer.weights(c["params"])["w2"]))
            np.testing.assert_array_equal(bits(z["checkpoint_ema_b1"][k]), bits(trainer.weights(c["ema"])["b1"]))


def test_weights_json_round_trips_to_the_same_float32(tmp_path, capsys):
    path = tmp_path / "w.json"
    code, _, err = run_cli(capsys, "--steps", "300", "--export-weights", str(path))
    assert code == 0, err
    doc = json.loads(path.read_text())
    trainer = trainer_for("--steps", "300")
    trainer.run(300)
    assert doc["format"] == "bpviz-weights" and doc["step"] == 300
    np.testing.assert_array_equal(bits(doc["weights"]["w1"]), bits(trainer.weights()["w1"]))
    np.testing.assert_array_equal(bits(doc["initial_weights"]["w2"]),
                                  bits(trainer.weights(trainer.initial_params)["w2"]))
    np.testing.assert_array_equal(bits(doc["history"]["batch_loss"]), bits(trainer.history.batch_losses()))
    assert doc["history"]["logged_steps"] == [0] and doc["checkpoints"][0]["step"] == 0
    assert doc["checkpoints"][0]["weights"] == doc["initial_weights"]


# -- failed writes ------------------------------------------------------------------------------

@pytest.fixture
def disk_full(monkeypatch):
    """Every file write writes half its data, then fails as a full disk does."""
    import errno
    import os

    from bpviz import atomic

    def half_then_fail(fd, data):
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", half_then_fail)


@pytest.mark.parametrize("option, name", [
    ("--export-loss", "loss.csv"),
    ("--export-weights", "w.npz"),
    ("--export-weights", "w.json"),
    ("--export-script", "run.py"),
    ("--export-tf1", "run_tf1.py"),
    ("--save-session", "run.npz"),
])
def test_a_failed_write_leaves_the_old_file_and_says_why(tmp_path, capsys, disk_full, option, name):
    target = tmp_path / name
    with open(target, "wb") as fh:
        fh.write(b"the previous export")
    code, _, err = run_cli(capsys, "--steps", "20", option, str(target))
    assert code == 1
    assert err.count("\n") == 1 and "cannot write" in err and name in err and "No space left" in err
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left behind


def test_unwritable_export_path_is_refused_before_the_run(tmp_path, capsys):
    code, out, err = run_cli(capsys, "--steps", "5", "--export-loss", str(tmp_path / "no" / "l.csv"),
                             "--export-weights", str(tmp_path / "w.npz"))
    assert code == 2 and out == "" and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith("bpviz train: error: --export-loss: cannot write") and "no such folder" in err
    assert not (tmp_path / "w.npz").exists()  # nothing ran, nothing was written


@pytest.mark.parametrize("args, fragment", [
    (["--export-loss", "x.jpg"], "--export-loss"),
    (["--export-weights", "x.txt"], "--export-weights"),
    (["--export-size", "12x"], "--export-size"),
    (["--export-size", "0x100"], "--export-size"),
    (["--smoothing", "1"], "--smoothing"),
    (["--smoothing", "x"], "--smoothing"),
])
def test_bad_export_options_are_refused_before_training(capsys, args, fragment):
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == "" and fragment in err and len(err.strip().splitlines()) == 1


# -- pictures -----------------------------------------------------------------------------------

def test_minmax_decimation_keeps_every_peak():
    from bpviz.decimate import peak_decimate

    rng = np.random.RandomState(0)
    y = rng.rand(100_003).astype(np.float32)
    y[[5, 77_777, 100_002]] = [9.0, -3.0, 7.0]
    x, yd = peak_decimate(y, 2000)
    assert len(x) <= 4001 and np.all(np.diff(x) >= 0)
    # each peak is drawn at the start of its bin, which holds its step
    for step, value in ((5, 9.0), (77_777, -3.0), (100_002, 7.0)):
        at = np.flatnonzero(yd == value)
        assert len(at) and x[at[0]] <= step < x[at[0]] + 51
    short = np.arange(10.0)
    assert peak_decimate(short, 2000)[1].tolist() == short.tolist()


@pytest.fixture(scope="module")
def trained():
    trainer = trainer_for("--steps", "3000")
    trainer.run(3000)
    return trainer


def test_cli_smoothing_draws_the_smoothed_curve_over_the_raw_one(tmp_path, capsys, monkeypatch):
    import bpviz.export.loss_figure as figure
    from bpviz.smoothing import smoothed

    drawn = []
    real = figure.populate

    def spy(plot, curves, **options):
        real(plot, curves, **options)
        drawn.extend(item.getData()[1] for item in plot.listDataItems())

    monkeypatch.setattr(figure, "populate", spy)
    code, _, err = run_cli(capsys, "--steps", "200", "--smoothing", "0.8", "--export-loss", str(tmp_path / "l.png"),
                           "--export-loss", str(tmp_path / "l.csv"))
    assert code == 0 and err == "" and (tmp_path / "l.png").exists()
    raw = np.array([float(r.split(",")[1]) for r in (tmp_path / "l.csv").read_text().splitlines()[1:]])
    np.testing.assert_allclose(drawn[0], raw, rtol=1e-6)  # faint, behind
    np.testing.assert_allclose(drawn[1], smoothed(raw, 0.8), rtol=1e-6)


def test_png_has_the_requested_size_and_shows_the_curve(tmp_path, trained):
    from PySide6.QtGui import QImage

    from bpviz.export.loss_figure import export_loss_figure

    path = tmp_path / "loss.png"
    export_loss_figure(trained, path, 900, 500)
    assert png_size(path.read_bytes()) == (900, 500)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (900, 500)
    ptr = image.convertToFormat(QImage.Format.Format_RGB32).constBits()
    rgb = np.frombuffer(ptr, np.uint8).reshape(500, 900, 4)[:, :, 2::-1].astype(int)  # stored B, G, R, A
    blue = (rgb[:, :, 2] > 150) & (rgb[:, :, 0] < 90)  # the batch-loss curve's colour
    orange = (rgb[:, :, 0] > 200) & (rgb[:, :, 1] > 80) & (rgb[:, :, 1] < 140) & (rgb[:, :, 2] < 60)
    assert blue.sum() > 2000 and orange.sum() > 50  # the curve, and the all-data markers
    assert (rgb.sum(axis=2) > 740).mean() > 0.4  # a white report background
    # a larger picture is the same layout scaled up, not a different one
    export_loss_figure(trained, tmp_path / "big.png", 2400, 1600)
    assert png_size((tmp_path / "big.png").read_bytes()) == (2400, 1600)


def test_svg_parses_and_draws_the_curve(tmp_path, trained):
    from bpviz.export.loss_figure import export_loss_figure

    path = tmp_path / "loss.svg"
    export_loss_figure(trained, path)
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    counts = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "path":
            counts.append(len(el.get("d", "").split()))
        elif tag == "polyline":
            counts.append(len(el.get("points", "").split()))
    assert max(counts) >= 3000  # the batch curve: one point per step
    # the curve sits inside the plot area and fills it (auto-range), as on screen
    def points(d):
        return np.array([[float(v) for v in tok.lstrip("MLC").split(",")] for tok in d.split() if tok != "Z"])

    clip = next(el for el in root.iter() if el.tag.endswith("clipPath"))
    box = points(next(el for el in clip.iter() if el.tag.endswith("path")).get("d"))
    (x0, y0), (x1, y1) = box.min(axis=0), box.max(axis=0)
    curve = points(max((el.get("d", "") for el in root.iter() if el.tag.endswith("path")), key=len))
    assert len(curve) == 3000
    assert (curve[:, 0] >= x0 - 1).all() and (curve[:, 0] <= x1 + 1).all()
    assert (curve[:, 1] >= y0 - 1).all() and (curve[:, 1] <= y1 + 1).all()
    assert np.ptp(curve[:, 0]) > 0.9 * (x1 - x0) and np.ptp(curve[:, 1]) > 0.9 * (y1 - y0)
    text = " ".join(t for el in root.iter() if el.tag.endswith("text") for t in el.itertext())
    assert "step" in text and "loss" in text and "Training loss" in text and "mini-batch" in text


def test_headless_png_export_without_display_or_qt_variables(tmp_path):
    path = tmp_path / "loss.png"
    proc = subprocess.run([sys.executable, "-m", "bpviz", "train", "--steps", "300", "--export-loss", str(path),
                           "--export-size", "320x200"], capture_output=True, text=True, env=headless_env(),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert png_size(path.read_bytes()) == (320, 200)


def test_svg_closepath_fix_on_a_closed_shape(tmp_path):
    import pyqtgraph as pg
    from pyqtgraph.exporters import SVGExporter
    from PySide6 import QtCore, QtGui, QtWidgets

    from bpviz.export import image

    image.ensure_qapp()
    view = pg.GraphicsView()
    view.resize(200, 150)
    outline = QtGui.QPainterPath()
    outline.addRect(QtCore.QRectF(10, 10, 80, 40))  # a closed path: Qt >= 6.11 writes "... Z"
    rect = QtWidgets.QGraphicsPathItem(outline)
    rect.setPos(20, 20)
    view.scene().addItem(rect)
    module = sys.modules["pyqtgraph.exporters.SVGExporter"]
    original = module.correctCoordinates
    scene = view.scene()
    if tuple(int(p) for p in QtCore.qVersion().split(".")[:2]) >= (6, 11):
        with pytest.raises(ValueError):  # pyqtgraph #3495: what the wrapper is for
            SVGExporter(scene).export(toBytes=True)
    svg = image.svg_exporter(scene).export(toBytes=True)
    assert module.correctCoordinates is original  # the patch is scoped to the export
    paths = [el.get("d") for el in ET.fromstring(svg).iter() if el.tag.endswith("path")]
    closed = [d for d in paths if d.rstrip().endswith("Z")]
    assert closed
    points = [tuple(float(v) for v in tok.lstrip("ML").split(",")) for tok in closed[0].split() if tok != "Z"]
    # the rectangle's corners, moved by its position (the transform was applied)
    assert (30.0, 30.0) in points and (110.0, 70.0) in points
    image.export_svg(view, tmp_path / "rect.svg")
    ET.parse(tmp_path / "rect.svg")
    view.close()


def test_split_and_restore_closepath():
    from xml.dom import minidom

    from bpviz.export.image import restore_closepath, split_closepath

    doc = minidom.parseString('<g><path d="M0,0 L1,0 L1,1 Z M2,2 L3,3 L2,3Z "/><path d="M5,5 L6,6"/></g>')
    saved = split_closepath(doc.documentElement)
    first, second = doc.getElementsByTagName("path")
    assert first.getAttribute("d") == "M0,0 L1,0 L1,1 M2,2 L3,3 L2,3" and second.getAttribute("d") == "M5,5 L6,6"
    first.setAttribute("d", "M0,0 L10,0 L10,10 M20,20 L30,30 L20,30 ")  # as correctCoordinates rewrites it
    restore_closepath(saved)
    assert first.getAttribute("d") == "M0,0 L10,0 L10,10 Z M20,20 L30,30 L20,30 Z"
    assert second.getAttribute("d") == "M5,5 L6,6"


def test_export_png_of_any_widget_or_view_keeps_the_aspect(tmp_path):
    import pyqtgraph as pg
    from PySide6 import QtCore, QtWidgets

    from bpviz.export.image import ensure_qapp, export_png, export_svg

    app = ensure_qapp()
    widget = QtWidgets.QLabel("decision boundary")
    widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.resize(300, 100)
    widget.show()
    plot = pg.PlotWidget()
    plot.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
    plot.resize(400, 300)
    plot.show()
    plot.plot(np.arange(50), np.sin(np.arange(50)))
    app.processEvents()
    export_png(widget, tmp_path / "w.png", width=600)
    assert png_size((tmp_path / "w.png").read_bytes()) == (600, 200)
    export_png(plot, tmp_path / "p.png", height=150)
    assert png_size((tmp_path / "p.png").read_bytes()) == (200, 150)
    export_png(plot.getPlotItem(), tmp_path / "i.png")
    assert png_size((tmp_path / "i.png").read_bytes()) == (400, 300)
    export_svg(widget, tmp_path / "w.svg")
    ET.parse(tmp_path / "w.svg")
    widget.close()
    plot.close()


def test_failed_png_write_leaves_the_old_picture(tmp_path, trained, disk_full):
    from bpviz.atomic import WriteError
    from bpviz.export.loss_figure import export_loss_figure

    target = tmp_path / "loss.png"
    with open(target, "wb") as fh:
        fh.write(b"old picture")
    with pytest.raises(WriteError, match="No space left"):
        export_loss_figure(trained, target, 300, 200)
    assert target.read_bytes() == b"old picture" and [p.name for p in tmp_path.iterdir()] == ["loss.png"]


# -- the run as code ----------------------------------------------------------------------------

SCRIPT_CONFIGS = [
    [],
    ["--optimizer", "momentum", "--nesterov", "--lr-decay", "0.9", "--decay-steps", "100", "--staircase",
     "--l2", "0.01", "--bias", "--hidden", "5,4", "--activation", "relu", "--dataset", "circle", "--steps", "600",
     "--log-every", "100", "--lr", "0.01"],
    ["--optimizer", "adam", "--loss", "sigmoid-ce", "--activation", "tanh", "--ema", "0.99", "--l1", "0.001",
     "--dataset", "xor", "--hidden", "8,8", "--bias", "--lr", "0.01", "--steps", "500", "--log-every", "100"],
    ["--activation", "sigmoid", "--dataset", "gauss", "--batch-size", "16", "--log-every", "100", "--steps", "400",
     "--optimizer", "momentum", "--lr-decay", "0.99", "--decay-steps", "7", "--lr", "0.1"],
    ["--dataset", "seed", "--noise", "0.1", "--hidden", "none", "--samples", "50", "--data-seed", "7",
     "--steps", "700", "--log-every", "70", "--loss", "sigmoid-ce", "--l2", "0.001", "--l1", "0.0001",
     "--init-seed", "5", "--init-stddev", "0.3", "--batch-size", "6"],
    ["--optimizer", "rmsprop", "--centered", "--momentum", "0.9", "--lr", "0.01", "--rms-decay", "0.8",
     "--activation", "tanh", "--bias", "--hidden", "4", "--dataset", "circle", "--lr-decay", "0.9",
     "--decay-steps", "50", "--steps", "400", "--log-every", "100"],
    ["--optimizer", "rmsprop", "--lr", "0.003", "--steps", "600", "--log-every", "100"],
    ["--optimizer", "adagrad", "--lr", "0.1", "--initial-accumulator", "0.5", "--activation", "relu",
     "--hidden", "5", "--dataset", "xor", "--l2", "0.001", "--steps", "400", "--log-every", "100"],
]


def run_script(path: Path) -> subprocess.CompletedProcess:
    """Run an exported script with plain Python, bpviz made unimportable."""
    loader = "import sys, runpy; sys.modules['bpviz'] = None; runpy.run_path(sys.argv[1], run_name='__main__')"
    return subprocess.run([sys.executable, "-c", loader, str(path)], capture_output=True, text=True,
                          cwd=path.parent, env=headless_env(), timeout=120)


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add((node.module or "").split(".")[0])
    return names


@pytest.mark.parametrize("args", SCRIPT_CONFIGS, ids=["tutorial", "momentum", "adam", "sigmoid", "ce-l1l2",
                                                "rmsprop-centered", "rmsprop", "adagrad"])
def test_exported_numpy_script_prints_what_bpviz_prints(tmp_path, capsys, args):
    path = tmp_path / "run.py"
    code, out, err = run_cli(capsys, *args, "--export-script", str(path))
    assert code == 0, err
    assert imported_modules(path.read_text(encoding="utf-8")) == {"numpy"}
    proc = run_script(path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == out  # every weight and every logged loss, digit for digit
    if not args:
        assert "After 2500 training step(s),loss on all data is 0.390597" in proc.stdout
        assert "[[-0.8113182, 1.4845988, 0.06532937]," in path.read_text(encoding="utf-8")


def test_exported_script_replays_live_edits(tmp_path):
    trainer = trainer_for("--steps", "400", "--optimizer", "adam", "--lr", "0.01", "--lr-decay", "0.95",
                          "--decay-steps", "50", "--bias", "--log-every", "100")
    trainer.run(120)
    trainer.set_lr(0.02)
    trainer.set_weight("w1", (1, 2), 0.75)
    trainer.run(130)
    trainer.set_weight("b1", (0,), -0.5)
    trainer.run(150)
    trainer.set_weight("w2", (2, 0), 1.5)  # after the last update
    path = tmp_path / "edited.py"
    path.write_text(numpy_script(trainer, steps=trainer.step), encoding="utf-8")
    proc = run_script(path)
    assert proc.returncode == 0, proc.stderr
    initial = trainer.weights(trainer.initial_params)
    expected = [f"{w}" for w in initial.values()]
    expected += ["After %d training step(s),loss on all data is %g" % (s, trainer.history.logged[s])
                 for s in sorted(trainer.history.logged)]
    expected += [f"{w}" for w in trainer.weights().values()]
    assert proc.stdout == "\n".join(expected) + "\n"


def test_float32_literals_are_bit_exact():
    rng = np.random.RandomState(1)
    values = np.concatenate([rng.randn(3000).astype(np.float32),
                             np.array([1e-45, -3e-39, 3.4028235e38, 0.1, -0.0], np.float32)])
    for v in values:
        assert np.float32(eval(f32_literal(v))).view(np.uint32) == v.view(np.uint32)


def _calls(source: str) -> dict[str, list[ast.Call]]:
    calls: dict[str, list] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            calls.setdefault(ast.unparse(node.func), []).append(node)
    return calls


def _kw(call: ast.Call) -> dict:
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords}


@pytest.mark.parametrize("args, expected", [
    ([], {"tf.train.GradientDescentOptimizer": None, "tf.square": None}),
    (["--optimizer", "momentum", "--nesterov", "--momentum", "0.8", "--lr-decay", "0.96", "--decay-steps", "10",
      "--staircase"], {"tf.train.MomentumOptimizer": {"use_nesterov": True}, "tf.train.exponential_decay":
                       {"staircase": True}}),
    (["--optimizer", "adam", "--beta1", "0.8", "--ema", "0.99", "--loss", "sigmoid-ce", "--activation", "relu",
      "--bias", "--hidden", "4,4"],
     {"tf.train.AdamOptimizer": {"beta1": 0.8, "beta2": 0.999, "epsilon": 1e-8},
      "tf.train.ExponentialMovingAverage": None, "tf.control_dependencies": None,
      "tf.nn.sigmoid_cross_entropy_with_logits": None, "tf.nn.relu": None, "tf.zeros": None}),
    (["--l2", "0.01", "--l1", "0.001", "--activation", "tanh", "--dataset", "xor", "--init-seed", "3"],
     {"tf.nn.l2_loss": None, "tf.abs": None, "tf.nn.tanh": None}),
    (["--optimizer", "rmsprop", "--centered", "--momentum", "0.9"],
     {"tf.train.RMSPropOptimizer": {"decay": 0.9, "momentum": 0.9, "epsilon": 1e-10, "centered": True}}),
    (["--optimizer", "adagrad", "--initial-accumulator", "0.5"],
     {"tf.train.AdagradOptimizer": {"initial_accumulator_value": 0.5}}),
])
def test_tf1_code_compiles_and_makes_the_right_calls(args, expected):
    trainer = trainer_for(*args)
    source = tf1_script(trainer)
    compile(source, "run_tf1.py", "exec")
    calls = _calls(source)
    for name, keywords in expected.items():
        assert name in calls, name
        if keywords:
            assert _kw(calls[name][0]).items() >= keywords.items(), (name, _kw(calls[name][0]))
    m = trainer.config.model
    normals = calls["tf.random_normal"]
    assert len(normals) == len(m.hidden) + 1
    assert all(_kw(c) == {"stddev": m.init_stddev, "seed": m.init_seed} for c in normals)
    assert [ast.literal_eval(c.args[0]) for c in normals][0] == [2, (m.hidden or [1])[0]]
    assert len(calls["tf.placeholder"]) == 2 and "tf.Session" in calls
    assert f"if i % {trainer.config.schedule.log_every} == 0:" in source
    assert '"After %d training step(s),loss on all data is %g"' in source
    # the loss the optimizer minimises is the one the loop prints
    assert ".minimize(loss" in source


def test_tf1_export_from_the_cli(tmp_path, capsys):
    path = tmp_path / "tutorial_tf1.py"
    code, _, err = run_cli(capsys, "--steps", "0", "--export-tf1", str(path))
    assert code == 0, err
    source = path.read_text(encoding="utf-8")
    compile(source, str(path), "exec")
    assert "w1 = tf.Variable(tf.random_normal([2, 3], stddev=1, seed=1))" in source
    assert "rng = np.random.RandomState(seed)" in source and "seed = 23455" in source
    assert "tf.train.GradientDescentOptimizer(0.001).minimize(loss)" in source


def test_loss_table_of_an_untrained_run_is_just_the_header():
    assert loss_table(trainer_for("--steps", "0")) == export_data.CSV_HEADER + "\n"


def test_decimation_keeps_a_bins_range_around_a_nan():
    from bpviz.decimate import peak_decimate

    y = np.linspace(1.0, 2.0, 100_000)
    y[500] = np.nan
    x, yd = peak_decimate(y, 500)
    assert np.isfinite(yd).all() and yd.min() == 1.0 and yd.max() == 2.0
