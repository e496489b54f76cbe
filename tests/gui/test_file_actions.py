"""File menu: sessions, exports, Open Recent, dropped files — checked by what the files contain."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QFileDialog

from bpviz.cli import _Reporter, run_training
from bpviz.engine.config import RunConfig
from bpviz.engine.session import save_session
from bpviz.engine.trainer import Trainer
from bpviz.gui.export_dialog import ImageSizeDialog
from bpviz.gui.file_actions import CONFIGURATION, SESSION, sniff

from .conftest import wait_shown_step, worker_barrier

SMALL = RunConfig().replace(steps=300, log_every=100)


def run_to(qtbot, window, step):
    config = window.controller.config
    if config.schedule.steps != step:
        window.apply_config(config.replace(steps=step))
    with qtbot.waitSignal(window.controller.target_reached):
        window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == step)
    window.live.redraw_now()


def export(qtbot, window, what, fmt, path, size=None):
    with qtbot.waitSignal(window.files.done) as blocker:
        window.files.export(what, fmt, path, size)
    return blocker.args[1]


def test_loss_png_svg_csv_from_the_gui(qtbot, make_window, tmp_path, boxes, monkeypatch):
    window = make_window(SMALL)
    run_to(qtbot, window, 300)
    # through the menu: the file dialog and the size dialog are answered by the test
    png = tmp_path / "loss.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), ""))
    monkeypatch.setattr(ImageSizeDialog, "get_size", lambda parent, title, size: (640, 360))
    with qtbot.waitSignal(window.files.done):
        window.files.export_actions["loss_png"].trigger()
    image = QImage(str(png))
    assert (image.width(), image.height()) == (640, 360)

    svg = tmp_path / "loss.svg"
    assert export(qtbot, window, "loss", "svg", svg)
    root = ET.parse(svg).getroot()
    paths = [p.get("d", "") for p in root.iter("{http://www.w3.org/2000/svg}path")]
    assert max(len(d.split()) for d in paths) > 250  # the batch-loss curve: a point per step

    csv = tmp_path / "loss.csv"
    assert export(qtbot, window, "loss", "csv", csv)
    lines = csv.read_text().splitlines()
    assert lines[0] == "step,batch_loss,full_loss,learning_rate"
    assert len(lines) == 1 + 300 and lines[1].startswith("0,") and lines[-1].startswith("299,")
    logged = [int(line.split(",")[0]) for line in lines[1:] if line.split(",")[2]]
    assert logged == [0, 100, 200]  # the steps the tutorial prints
    assert not boxes
    assert "Exported" in window.status.message()

    # the loss plot's own right-click menu has the same exports
    texts = [a.text() for a in window.loss_plot.plot_item.getViewBox().menu.actions()]
    for fmt in ("PNG", "SVG", "CSV"):
        assert f"Export loss as {fmt}…" in texts


def test_views_window_and_weights_exports(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    run_to(qtbot, window, 50)
    assert export(qtbot, window, "boundary", "png", tmp_path / "b.png", (400, 300))
    assert QImage(str(tmp_path / "b.png")).size().toTuple() == (400, 300)
    assert export(qtbot, window, "heatmaps", "svg", tmp_path / "w.svg")
    ET.parse(tmp_path / "w.svg")
    assert export(qtbot, window, "boundary", "svg", tmp_path / "b.svg")
    ET.parse(tmp_path / "b.svg")
    assert export(qtbot, window, "heatmaps", "png", tmp_path / "w.png", (300, 200))
    assert QImage(str(tmp_path / "w.png")).size().toTuple() == (300, 200)
    assert export(qtbot, window, "window", "png", tmp_path / "win.png")
    assert QImage(str(tmp_path / "win.png")).size().toTuple() == (window.width(), window.height())

    assert export(qtbot, window, "weights", "npz", tmp_path / "w.npz")
    straight = Trainer(SMALL)
    straight.run(50)
    with np.load(tmp_path / "w.npz", allow_pickle=False) as npz:
        for name, value in straight.weights().items():
            assert np.array_equal(npz[name], value)
        assert np.array_equal(npz["batch_loss"], straight.history.batch_losses())
    assert export(qtbot, window, "weights", "json", tmp_path / "w.json")
    data = json.loads((tmp_path / "w.json").read_text())
    assert data["step"] == 50 and len(data["history"]["batch_loss"]) == 50
    assert not boxes


def test_session_save_open_continues_bit_for_bit(qtbot, make_window, tmp_path, boxes):
    config = RunConfig().replace(optimizer="adam", lr=0.01, steps=120, log_every=40)
    first = make_window(config)
    run_to(qtbot, first, 120)
    path = tmp_path / "run.npz"
    with qtbot.waitSignal(first.files.done) as blocker:
        first.files.save_session(path)
    assert blocker.args == [str(path), True]
    first.close()

    second = make_window()  # the tutorial's configuration, restored from settings
    assert second.controller.config.optimizer.optimizer == "adam"  # ... the last one used
    with qtbot.waitSignal(second.controller.trainer_replaced):
        second.panel.defaults_button.click()
    wait_shown_step(qtbot, second, lambda s: s == 0)
    resets = []
    second.controller.trainer_replaced.connect(resets.append)
    assert second.files.open_session(path)
    wait_shown_step(qtbot, second, lambda s: s == 120)
    worker_barrier(qtbot, second.controller)  # any later reset would have been announced by now
    assert len(resets) == 1  # the session only: showing its configuration did not reset
    assert second.controller.config == config == second.panel.config()
    assert second.panel.field("optimizer").value() == "adam"
    assert not second.controller.is_running()
    second.live.redraw_now()
    assert second.controller.latest_snapshot().batch_losses.shape == (120,)
    assert second.files.recent_paths()[0] == str(path)

    run_to(qtbot, second, 200)
    straight = Trainer(config)
    straight.run(200)
    snap = second.controller.latest_snapshot()
    assert snap.step == 200
    assert np.array_equal(snap.params, straight.params)
    assert np.array_equal(snap.batch_losses, straight.history.batch_losses())
    assert not boxes


def test_exported_numpy_script_prints_what_bpviz_train_prints(qtbot, make_window, tmp_path, boxes):
    config = SMALL.replace(hidden=[4], activation="tanh", optimizer="momentum")
    window = make_window(config)
    script = tmp_path / "run.py"
    assert export(qtbot, window, "numpy", "py", script)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": ""}, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    expected = io.StringIO()
    run_training(config, _Reporter(False, expected))
    assert out.stdout == expected.getvalue()

    tf1 = tmp_path / "run_tf1.py"
    assert export(qtbot, window, "tf1", "py", tf1)
    source = tf1.read_text()
    compile(source, str(tf1), "exec")
    assert "tf.train.MomentumOptimizer" in source


def test_failed_writes_leave_existing_files_and_say_why(qtbot, make_window, tmp_path, boxes, monkeypatch):
    window = make_window(SMALL)
    run_to(qtbot, window, 20)
    targets = {("loss", "png"): "old.png", ("loss", "csv"): "old.csv", ("weights", "npz"): "old.npz"}
    for name in targets.values():
        (tmp_path / name).write_bytes(b"precious bytes")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", refuse)  # what an unwritable place does to the last step of a write
        for (what, fmt), name in targets.items():
            assert not export(qtbot, window, what, fmt, tmp_path / name, (300, 200))
            assert "Permission denied" in boxes[-1][2]
        with qtbot.waitSignal(window.files.done) as blocker:
            window.files.save_session(tmp_path / "old.npz")
        assert blocker.args[1] is False and "Cannot save the session" in boxes[-1][1]
    for name in targets.values():
        assert (tmp_path / name).read_bytes() == b"precious bytes"
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left

    assert not export(qtbot, window, "loss", "csv", tmp_path / "no" / "dir" / "x.csv")
    assert "cannot write" in boxes[-1][2]
    assert "cannot write" in window.status.message()
    # still usable
    run_to(qtbot, window, 40)


def test_corrupt_or_foreign_files_change_nothing(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    run_to(qtbot, window, 100)
    before = (window.controller.config, window.panel.config(), window.controller.latest_snapshot().params.copy())
    good = tmp_path / "good.npz"
    save_session(Trainer(SMALL.replace(lr=0.5)), good)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(good.read_bytes()[:300])
    weights = tmp_path / "weights.npz"
    np.savez(weights, bpviz_weights=np.array("{}"))
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{ not json")
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    for path, words in ((truncated, "session"), (weights, "weights export"), (garbage, "JSON"),
                        (text, "neither")):
        count = len(boxes)
        assert not window.files.open_path(path)
        assert len(boxes) == count + 1 and words in boxes[-1][2], boxes[-1]
    worker_barrier(qtbot, window.controller)
    snap = window.controller.latest_snapshot()
    assert snap.step == 100 and np.array_equal(snap.params, before[2])
    assert (window.controller.config, window.panel.config()) == before[:2]
    assert len(snap.batch_losses) == 100
    assert window.files.recent_paths() == []


def test_recent_files_update_persist_and_forget_missing(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    configs = []
    for k in range(10):
        path = tmp_path / f"c{k}.json"
        assert window.files.save_config(path)
        configs.append(str(path))
    assert window.files.recent_paths() == configs[::-1][:8]
    entries = [a for a in window.files.recent_menu.actions() if a.data()]
    assert [a.data() for a in entries] == configs[::-1][:8]
    window.close()

    second = make_window()
    assert second.files.recent_paths() == configs[::-1][:8]
    os.unlink(configs[9])
    assert not second.files.open_recent(configs[9])
    assert boxes[-1][0] == "warning" and "no longer exists" in boxes[-1][2]
    assert configs[9] not in second.files.recent_paths()
    with qtbot.waitSignal(second.controller.trainer_replaced):
        [a for a in second.files.recent_menu.actions() if a.data() == configs[8]][0].trigger()
    assert second.files.recent_paths()[0] == configs[8]


def test_dropping_a_session_opens_it_by_content(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    trainer = Trainer(SMALL.replace(hidden=[5]))
    trainer.run(30)
    path = tmp_path / "dropped.bin"  # not .npz: told apart by its content
    save_session(trainer, path)
    assert sniff(path) == SESSION
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    window.dropEvent(drop)
    wait_shown_step(qtbot, window, lambda s: s == 30)
    assert list(window.controller.config.model.hidden) == [5]
    assert window.panel.field("hidden").edit.text() == "5"
    assert not boxes

    config_path = tmp_path / "dropped-config"  # no extension: a JSON object, so a configuration
    config = SMALL.replace(lr=0.05, hidden=[2])
    config_path.write_text(config.to_json())
    assert sniff(config_path) == CONFIGURATION
    mime.setUrls([QUrl.fromLocalFile(str(config_path))])
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert window.controller.config == config == window.panel.config()
    wait_shown_step(qtbot, window, lambda s: s == 0)
    assert window.files.recent_paths()[:2] == [str(config_path), str(path)]

    two = QMimeData()  # more than one file, or none: not accepted
    two.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(config_path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.CopyAction, two, Qt.LeftButton, Qt.NoModifier)
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    assert not boxes


def test_ctrl_e_opens_the_export_menu(qtbot, window):
    assert window.act_export.shortcut().toString() == "Ctrl+E"
    window.act_export.trigger()
    qtbot.waitUntil(window.files.export_menu.isVisible)
    window.files.export_menu.hide()
    names = [a.objectName() for a in window.files.export_menu.actions() if a.objectName()]
    assert len(names) == 12


def test_hostile_files_show_one_line_and_leave_the_run_untouched(qtbot, make_window, tmp_path, boxes):
    """The failure modes of hostile files, opened from the menu's code path: a dialog, and no change."""
    from bpviz.engine.session import session_arrays

    window = make_window(SMALL)
    run_to(qtbot, window, 100)
    before = (window.controller.config, window.panel.config(), window.controller.latest_snapshot().params.copy())
    files = []
    for name in ("pipe.npz", "pipe.json", "pipe"):
        os.mkfifo(tmp_path / name)
        files.append((tmp_path / name, "pipe"))
    files.append(("/dev/zero", "character device"))
    trainer = Trainer(SMALL)
    trainer.run(50)
    for name, change, words in (
            ("nan.npz", lambda m, a: a["params"].__setitem__(0, np.nan), "holds NaN"),
            ("uphill.npz", lambda m, a: m.update(base_lr=-1.0), "base_lr"),
            ("bomb.npz", lambda m, a: a.update(params=np.zeros(10**7, np.float32)), "'params'")):
        arrays = session_arrays(trainer)
        meta = json.loads(str(arrays["bpviz_session"]))
        change(meta, arrays)
        arrays["bpviz_session"] = np.array(json.dumps(meta))
        np.savez_compressed(tmp_path / name, **arrays)
        files.append((tmp_path / name, words))
    deep = tmp_path / "deep.json"
    deep.write_text("{" + '"a":[' * 3000)
    files.append((deep, "JSON"))
    huge = tmp_path / "lr.json"
    huge.write_text('{"optimizer": {"lr": 1e400}}')
    files.append((huge, "lr"))
    for path, words in files:
        count = len(boxes)
        assert not window.files.open_path(path)
        assert len(boxes) == count + 1 and words in boxes[-1][2] and "\n" not in boxes[-1][2], (path, boxes[-1])
    worker_barrier(qtbot, window.controller)  # whatever the refused files could have changed is done by now
    snap = window.controller.latest_snapshot()
    assert snap.step == 100 and np.array_equal(snap.params, before[2])
    assert (window.controller.config, window.panel.config()) == before[:2]
    assert window.files.recent_paths() == []
