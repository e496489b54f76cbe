"""Right-click → "Export…" on every plot leads to bpviz's own exports: every format, and a missing folder
gets a clear message instead of pyqtgraph's traceback."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpviz.engine.config import RunConfig
from bpviz.export.data import CSV_HEADER
from bpviz.gui import plot_export
from bpviz.gui.export_dialog import ImageSizeDialog

from .conftest import wait_shown_step

SMALL = RunConfig().replace(steps=300, log_every=100)


@pytest.fixture
def boxes(monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture
def trained(qtbot, make_window):
    window = make_window(SMALL)
    with qtbot.waitSignal(window.controller.target_reached, timeout=30000):
        window.controller.run_to_target()
    wait_shown_step(qtbot, window, lambda s: s == 300, timeout=30000)
    window.live.redraw_now()
    return window


def context_export(view) -> dict:
    """What the plot's right-click "Export…" offers: {text: action}."""
    scene = view.scene()
    export = scene.contextMenu[0]
    assert export.text() == "Export..."
    plot_export.last_menu = None
    export.trigger()
    assert plot_export.last_menu is not None
    return {a.text(): a for a in plot_export.last_menu.actions()}


def choose(qtbot, window, monkeypatch, action, path, size=(320, 200)) -> bool:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(ImageSizeDialog, "get_size", lambda parent, title, default: size)
    with qtbot.waitSignal(window.files.done, timeout=30000) as done:
        action.trigger()
    return done.args[1]


def test_loss_plot_exports_every_format_from_its_context_menu(qtbot, trained, tmp_path, monkeypatch, boxes):
    window = trained
    offers = context_export(window.loss_plot)
    assert list(offers) == ["Loss plot as PNG…", "Loss plot as SVG…", "Loss as CSV table…"]
    assert choose(qtbot, window, monkeypatch, offers["Loss plot as PNG…"], tmp_path / "loss.png")
    assert QImage(str(tmp_path / "loss.png")).size().toTuple() == (320, 200)
    assert choose(qtbot, window, monkeypatch, offers["Loss plot as SVG…"], tmp_path / "loss.svg")
    ET.parse(tmp_path / "loss.svg")
    assert choose(qtbot, window, monkeypatch, offers["Loss as CSV table…"], tmp_path / "loss.csv")
    lines = (tmp_path / "loss.csv").read_text().splitlines()
    assert lines[0] == CSV_HEADER and len(lines) == 301
    assert not boxes
    # pyqtgraph's own entries are still there
    texts = [a.text() for a in window.loss_plot.plot_item.getViewBox().menu.actions()]
    assert "View All" in texts


@pytest.mark.parametrize("which", ["boundary", "heatmaps", "gradients"])
def test_other_plots_export_pictures_from_their_context_menu(qtbot, trained, tmp_path, monkeypatch, boxes, which):
    window = trained
    if which == "boundary":
        view = window.boundary
    elif which == "heatmaps":
        view = window.weights_panel.findChildren(pg.GraphicsView)[0] if not isinstance(
            window.weights_panel, pg.GraphicsView) else window.weights_panel
    else:
        window.workspaces.switch("inspect")  # the gradients are drawn once their dock is on screen
        panel = window.inspection.gradients_dock.widget()
        qtbot.waitUntil(lambda: bool(panel.findChildren(pg.GraphicsView)), timeout=30000)
        view = panel.findChildren(pg.GraphicsView)[0]
    offers = context_export(view)
    assert len(offers) == 2
    png, svg = offers.values()
    assert png.text().endswith("PNG…") and svg.text().endswith("SVG…")
    assert choose(qtbot, window, monkeypatch, png, tmp_path / "p.png", (300, 240))
    assert QImage(str(tmp_path / "p.png")).size().toTuple() == (300, 240)
    assert choose(qtbot, window, monkeypatch, svg, tmp_path / "p.svg")
    ET.parse(tmp_path / "p.svg")
    assert not boxes


@pytest.mark.parametrize("fmt", ["PNG", "SVG", "CSV"])
def test_a_missing_folder_is_a_clear_message(qtbot, trained, tmp_path, monkeypatch, boxes, fmt):
    window = trained
    offers = context_export(window.loss_plot)
    action = next(a for text, a in offers.items() if fmt in text)
    target = tmp_path / "no such folder" / f"loss.{fmt.lower()}"
    assert not choose(qtbot, window, monkeypatch, action, target)
    assert not target.parent.exists()
    assert len(boxes) == 1
    title, text = boxes[0]
    assert "Cannot export" in title and len(text.splitlines()) == 1 and "no such folder" in text


def test_a_plot_outside_a_window_offers_nothing_and_raises_nothing(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot_export.install()
    plot_export.last_menu = None
    plot.scene().contextMenu[0].trigger()
    assert plot_export.last_menu is None


def test_smoothing_reaches_the_exported_figure(qtbot, trained, tmp_path, monkeypatch, boxes):
    window = trained
    window.loss_panel.slider.setValue(90)
    assert window.loss_plot.smoothing() == pytest.approx(0.9)
    drawn = {}
    import bpviz.export.loss_figure as figure

    real = figure.populate

    def spy(plot, curves, **options):
        drawn.update(options)
        real(plot, curves, **options)
        drawn["curves"] = [item.getData()[1] for item in plot.listDataItems()]

    monkeypatch.setattr(figure, "populate", spy)
    offers = context_export(window.loss_plot)
    assert choose(qtbot, window, monkeypatch, offers["Loss plot as PNG…"], tmp_path / "s.png")
    assert drawn["smoothing"] == pytest.approx(0.9)
    raw, smooth = drawn["curves"][0], drawn["curves"][1]
    batch = window.controller.latest_snapshot().batch_losses[:300].astype(np.float64)
    np.testing.assert_allclose(raw, batch, rtol=1e-6)
    np.testing.assert_allclose(smooth[-1], _tensorboard_last(batch, 0.9), rtol=1e-9)
    # the table keeps the raw values
    assert choose(qtbot, window, monkeypatch, offers["Loss as CSV table…"], tmp_path / "s.csv")
    rows = (tmp_path / "s.csv").read_text().splitlines()[1:]
    assert float(rows[-1].split(",")[1]) == pytest.approx(float(batch[-1]), rel=1e-6)


def _tensorboard_last(values, weight):
    last = 0.0
    for v in values:
        last = last * weight + (1 - weight) * v
    return last / (1 - weight ** len(values))
