"""Your own data in the window: import (menu and drop), a refused import that changes nothing, export as
CSV, click-to-add and Shift-click-to-remove, the test split drawn hollow, and the regression and
multi-class views."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from bpviz.engine.config import RunConfig
from bpviz.engine.points import parse_points, points_of
from bpviz.engine.trainer import Trainer

from .conftest import wait_shown_step

SOFTMAX3 = json.loads((Path(__file__).parents[1] / "data" / "tf1_softmax3.json").read_text())
SMALL = RunConfig().replace(steps=200, log_every=100)


def three_class_csv(tmp_path) -> Path:
    path = tmp_path / "three.csv"
    rows = "".join(f"{x0!r},{x1!r},{k}\n" for (x0, x1), k in zip(SOFTMAX3["X"], SOFTMAX3["labels"]))
    path.write_text("x0,x1,label\n" + rows)
    return path


def run_to_target(qtbot, window):
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == window.controller.config.schedule.steps, timeout=30_000)
    window.live.redraw_now()


def test_import_a_three_class_csv_trains_softmax_and_draws_three_regions(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL.replace(hidden=[6], activation="tanh", bias=True, optimizer="adam", lr=0.02,
                                       steps=600))
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        assert window.data.import_data(three_class_csv(tmp_path))
    config = window.controller.config
    assert config.loss.loss == "softmax-ce"  # mse cannot fit 3 classes: the window picked the loss that can
    assert config.data.points["label"] == SOFTMAX3["labels"]
    assert "Imported 48 points" in window.status.message()
    run_to_target(qtbot, window)
    snap = window.controller.latest_snapshot()
    guess = np.argmax(snap.predict(snap.dataset.X), axis=1)
    assert np.mean(guess == snap.dataset.Y[:, 0]) > 0.9
    assert window.boundary.n_classes() == 3
    shown = window.boundary.output()  # the class the network gives each grid cell
    assert set(np.unique(shown[np.isfinite(shown)]).astype(int)) == {0, 1, 2}
    assert not boxes


def test_a_refused_import_changes_nothing(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    run_to_target(qtbot, window)
    before = window.controller.latest_snapshot()
    bad = tmp_path / "bad.csv"
    bad.write_text("x0,x1,label\n0,0,0\n1,x,1\n")
    assert not window.data.import_data(bad)
    assert boxes and "line 3, column 2 (x1)" in boxes[-1][2]
    after = window.controller.latest_snapshot()
    assert window.controller.config == SMALL and after.step == before.step == 200
    assert after.generation == before.generation


def test_a_dropped_csv_is_imported(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(three_class_csv(tmp_path)))])
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        window.dropEvent(QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert len(window.controller.config.data.points["x"]) == 48
    assert not boxes


def test_export_data_writes_the_points_the_run_trains_on(qtbot, make_window, tmp_path, boxes):
    window = make_window(SMALL.replace(dataset="reg-gauss", samples=50))
    wait_shown_step(qtbot, window, lambda s: s == 0)
    path = tmp_path / "out.csv"
    assert window.data.export_data(path)
    dataset = window.controller.latest_snapshot().dataset
    assert parse_points(path.read_bytes()) == points_of(dataset.X64, dataset.Y64, 0)


def roomy_plane(qtbot, window):
    """A window the size of a laptop screen, so the plane has room to be clicked precisely (at the tests'
    default size the boundary gives way to the other views)."""
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.boundary.plot_item.getViewBox().width() > 150, timeout=30_000)


def click_plane(qtbot, window, x0, x1, button=Qt.LeftButton, modifier=Qt.NoModifier):
    plot = window.boundary
    scene_point = plot.plot_item.getViewBox().mapViewToScene(QPointF(x0, x1))
    qtbot.mouseClick(plot.viewport(), button, modifier, plot.mapFromScene(scene_point))


def test_click_to_add_and_shift_click_to_remove_points(qtbot, make_window, boxes):
    window = make_window(SMALL)
    wait_shown_step(qtbot, window, lambda s: s == 0)
    roomy_plane(qtbot, window)
    window.data.act_edit.trigger()
    assert window.boundary.editing()
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        click_plane(qtbot, window, 0.9, 0.9)  # left: class 1
    points = window.controller.config.data.points
    assert len(points["x"]) == 33 and points["label"][-1] == 1
    assert points["x"][-1] == pytest.approx([0.9, 0.9], abs=0.02)
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        click_plane(qtbot, window, 0.1, 0.8, Qt.RightButton)  # right: class 0
    points = window.controller.config.data.points
    assert len(points["x"]) == 34 and points["label"][-1] == 0
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        click_plane(qtbot, window, 0.9, 0.9, Qt.LeftButton, Qt.ShiftModifier)  # removes the nearest
    points = window.controller.config.data.points
    assert len(points["x"]) == 33 and [0.9, 0.9] not in [pytest.approx(p, abs=0.02) for p in points["x"]]
    wait_shown_step(qtbot, window, lambda s: s == 0)
    assert window.controller.latest_snapshot().dataset.X64.shape == (33, 2)
    # the edited points are kept in the configuration the window saves
    assert RunConfig.from_json(window.controller.config.to_json()).data.points == points
    window.data.act_edit.trigger()
    assert not window.boundary.editing()
    assert not boxes


def test_test_points_are_held_out_and_drawn_hollow(qtbot, make_window):
    window = make_window(SMALL.replace(test_ratio=0.25))
    wait_shown_step(qtbot, window, lambda s: s == 0)
    window.live.redraw_now()
    hollow = [point.data() for scatter in window.boundary._points[:2] for point in scatter.points()
              if point.brush().style() == Qt.NoBrush]
    assert sorted(hollow) == list(range(24, 32))
    run_to_target(qtbot, window)
    # the test loss beside the loss on all data: the engine's numbers at the logged steps
    reference = Trainer(window.controller.config)
    reference.run(200)
    x, y = window.loss_plot._test.getData()
    assert list(x) == [0, 100]
    np.testing.assert_allclose(y, [reference.history.test_logged[s] for s in (0, 100)], rtol=1e-6)
    label = window.status.accuracy_label
    assert label.isVisible()
    train, test = reference.history.accuracy_logged[100]
    assert label.text() == f"Accuracy {train:.1%} · test {test:.1%}"
    with qtbot.waitSignal(window.controller.trainer_replaced, timeout=30_000):
        window.apply_config(window.controller.config.replace(test_ratio=0.5))
    wait_shown_step(qtbot, window, lambda s: s == 0)
    window.live.redraw_now()
    hollow = [point.data() for scatter in window.boundary._points[:2] for point in scatter.points()
              if point.brush().style() == Qt.NoBrush]
    assert sorted(hollow) == list(range(16, 32))


def test_regression_shows_the_fitted_surface(qtbot, make_window):
    window = make_window(SMALL.replace(dataset="sales", hidden=[], steps=300))
    run_to_target(qtbot, window)
    assert window.boundary.n_classes() == 0
    snap = window.controller.latest_snapshot()
    surface = window.boundary.output().ravel()
    expected = snap.predict(window.boundary.grid_points())[:, 0]
    np.testing.assert_allclose(surface, expected, rtol=1e-6)
    x, _y = window.boundary._boundary.getData()
    assert x is None or len(x) == 0  # no 0.5 "boundary" for numbers
    assert not window.status.accuracy_label.isVisible()  # numbers have no accuracy
