"""The fit dock beside the loss curve: a regression's predicted against true values (test points apart),
a classification's confusion matrix for the current weights (training or test points)."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bpviz.engine.classification import confusion_matrix, predicted_classes
from bpviz.engine.config import RunConfig
from bpviz.engine.datasets import train_count
from bpviz.gui.views.confusion import ConfusionView
from bpviz.gui.views.prediction_plot import PredictionPlot

from .conftest import wait_shown_step

REGRESSION = RunConfig().replace(dataset="reg-plane", hidden=[4], activation="tanh", optimizer="adam", lr=0.01,
                                 steps=400, log_every=100, test_ratio=0.25)
THREE = RunConfig().replace(dataset="sectors", loss="softmax-ce", hidden=[6], activation="tanh", bias=True,
                            optimizer="adam", lr=0.02, steps=300, log_every=100, test_ratio=0.2)


def run_to_target(qtbot, window):
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == window.controller.config.schedule.steps)
    window.live.redraw_now()
    snap = window.controller.latest_snapshot()
    qtbot.waitUntil(lambda: window.fit_panel.caption.text().startswith(f"Step {snap.step:,}:"))
    return snap


def test_regression_shows_each_point_s_prediction_against_its_value(qtbot, make_window):
    window = make_window(REGRESSION)
    panel = window.fit_panel
    assert window.fit_dock.isVisible()
    assert window.fit_dock.windowTitle() == "Predicted vs true"
    assert panel.stack.currentWidget() is panel.prediction_plot
    assert not panel.points_choice.isVisible()  # the test points are drawn hollow instead
    snap = run_to_target(qtbot, window)
    n = train_count(len(snap.dataset.X), 0.25)
    predicted = snap.predict(snap.dataset.X)[:, 0]
    true_train, predicted_train = panel.prediction_plot.points()
    np.testing.assert_array_equal(true_train, snap.dataset.Y64[:n, 0])
    np.testing.assert_allclose(predicted_train, predicted[:n])
    true_test, predicted_test = panel.prediction_plot.points(test=True)
    np.testing.assert_array_equal(true_test, snap.dataset.Y64[n:, 0])
    np.testing.assert_allclose(predicted_test, predicted[n:])
    rmse = float(np.sqrt(np.mean((predicted[:n] - snap.dataset.Y64[:n, 0]) ** 2)))
    assert f"RMSE {rmse:.3g}" in panel.caption.text()
    assert "test" in panel.caption.text()
    assert panel.prediction_plot.legend_texts() == ["training points", "test points", "y = x"]
    assert rmse < np.std(snap.dataset.Y64[:n, 0])  # it learnt something: better than predicting the mean


def test_confusion_matrix_counts_the_current_weights_training_and_test(qtbot, make_window):
    window = make_window(THREE)
    panel = window.fit_panel
    assert window.fit_dock.windowTitle() == "Confusion matrix"
    assert panel.stack.currentWidget() is panel.confusion
    snap = run_to_target(qtbot, window)
    labels = snap.dataset.Y[:, 0]
    n = train_count(len(labels), 0.2)
    guess = predicted_classes(snap.predict(snap.dataset.X))
    counts = panel.confusion.counts()
    assert counts.tolist() == confusion_matrix(labels[:n], guess[:n], 3).tolist()
    assert counts.sum() == n
    assert panel.confusion.cell_texts() == [str(c) for c in counts.ravel()]
    right = int(np.trace(counts))
    assert f"{right} of {n} right" in panel.caption.text()
    accuracy = snap.accuracy[1]  # the status bar's, at the last logged step: the same weights here
    assert right / n == pytest.approx(accuracy)
    assert panel.points_choice.isVisible()
    panel.points_choice.setCurrentIndex(panel.points_choice.findData("test"))
    test_counts = panel.confusion.counts()
    assert test_counts.tolist() == confusion_matrix(labels[n:], guess[n:], 3).tolist()
    assert test_counts.sum() == len(labels) - n


def test_the_dock_follows_the_kind_of_problem(qtbot, make_window):
    window = make_window(RunConfig().replace(steps=50, log_every=10))
    panel = window.fit_panel
    run_to_target(qtbot, window)
    assert panel.confusion.counts().shape == (2, 2)
    assert panel.confusion.counts().sum() == 32  # the tutorial's points, no test split
    with qtbot.waitSignal(window.controller.trainer_replaced):
        window.panel.field("dataset").set_value("sales")
    qtbot.waitUntil(lambda: window.fit_dock.windowTitle() == "Predicted vs true")
    assert panel.stack.currentWidget() is panel.prediction_plot
    run_to_target(qtbot, window)
    assert len(panel.prediction_plot.points()[0]) == 32
    assert "test points" not in panel.prediction_plot.legend_texts()  # no test split


def test_a_hidden_dock_is_brought_up_to_date_when_shown_again(qtbot, make_window):
    window = make_window(THREE.replace(test_ratio=0.0, steps=200))
    window.fit_dock.hide()
    window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 200)
    window.live.redraw_now()
    assert window.fit_panel.confusion.counts().sum() == 0  # nothing computed for a hidden dock
    window.fit_dock.show()
    qtbot.waitUntil(lambda: window.fit_panel.confusion.counts().sum() == 48)
    snap = window.controller.latest_snapshot()
    guess = predicted_classes(snap.predict(snap.dataset.X))
    assert window.fit_panel.confusion.counts().tolist() == confusion_matrix(snap.dataset.Y[:, 0], guess, 3).tolist()


def test_the_views_take_plain_arrays(qtbot):
    plot = PredictionPlot()
    qtbot.addWidget(plot)
    plot.set_targets(np.array([1.0, 2.0, 3.0, 4.0]), test_from=3)
    assert len(plot.points()[0]) == 0  # no predictions yet: nothing drawn
    plot.set_predictions(np.array([1.5, 2.0, 2.0, 5.0]))
    assert plot.points()[1].tolist() == [1.5, 2.0, 2.0]
    assert plot.points(test=True)[1].tolist() == [5.0]
    assert plot.rmse() == pytest.approx(np.sqrt((0.25 + 0 + 1) / 3))
    plot.set_predictions(np.array([np.nan, 2.0, np.inf, np.nan]))  # a diverged network: only finite points
    assert plot.points()[0].tolist() == [2.0] and len(plot.points(test=True)[0]) == 0
    with pytest.raises(ValueError):
        plot.set_predictions(np.zeros(3))
    view = ConfusionView()
    qtbot.addWidget(view)
    view.set_counts(np.array([[5, 1, 0], [2, 7, 1], [0, 0, 9]]))
    assert view.cell_texts() == ["5", "1", "0", "2", "7", "1", "0", "0", "9"]
    view.set_counts(np.array([[1200, 3], [4, 5]]))
    assert view.cell_texts() == ["1,200", "3", "4", "5"]


def test_the_fit_dock_speaks_the_interface_language(qtbot, make_window):
    from bpviz.gui.language import apply_language

    window = make_window(RunConfig().replace(steps=20, log_every=10))
    run_to_target(qtbot, window)
    apply_language("zh_CN")  # LanguageChange reaches the widgets as an event
    qtbot.waitUntil(lambda: window.fit_dock.windowTitle() == "混淆矩阵")
    assert window.fit_panel.caption.text().startswith("第 20 轮")
    apply_language("en")
    qtbot.waitUntil(lambda: window.fit_dock.windowTitle() == "Confusion matrix")


def test_a_point_clicked_in_is_counted_at_once(qtbot, make_window):
    from .test_data_in_window import click_plane, roomy_plane

    window = make_window(RunConfig().replace(steps=50, log_every=10))
    wait_shown_step(qtbot, window, lambda s: s == 0)
    roomy_plane(qtbot, window)
    window.live.redraw_now()
    qtbot.waitUntil(lambda: window.fit_panel.confusion.counts().sum() == 32)
    window.data.act_edit.trigger()
    with qtbot.waitSignal(window.controller.trainer_replaced):
        click_plane(qtbot, window, 0.9, 0.9)  # a class-1 point
    qtbot.waitUntil(lambda: window.fit_panel.confusion.counts().sum() == 33)
    labels = np.array(window.controller.config.data.points["label"])
    assert window.fit_panel.confusion.counts().sum(axis=1).tolist() == np.bincount(labels, minlength=2).tolist()
    window.data.act_edit.trigger()


def test_the_caption_follows_the_run_while_the_weights_stand_still(qtbot, make_window, monkeypatch):
    """A converged run keeps its weights bit for bit: the fit is the same, but the caption names the step now,
    not the step the weights last changed at (it said step 67,072 while a sales run was at 300,000)."""
    window = make_window(REGRESSION)
    snap = run_to_target(qtbot, window)
    predicted = []
    monkeypatch.setattr(window.fit_panel, "set_outputs", lambda *args: predicted.append(args))
    later = dataclasses.replace(snap, step=snap.step + 123_456)  # the same weights, later
    window.live.updates["fit"].run(later)
    assert window.fit_panel.caption.text().startswith(f"Step {later.step:,}:")
    assert not predicted  # no forward pass for the same weights
