"""What a frame costs the window: a growing loss curve repaints the strip at its end, not the whole plot, and
numbers that change every frame repaint themselves without laying the window out again."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QImage, QRegion
from PySide6.QtWidgets import QApplication, QWidget

from bpviz.gui.steady_label import SteadyLabel, SteadyText
from bpviz.gui.views.loss_plot import LossPlot


class Events(QObject):
    """Counts events of some types that reach a widget, and the region its paint events covered."""

    def __init__(self, widget, *types):
        super().__init__()
        self.types = types
        self.count = 0
        self.painted = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() in self.types:
            self.count += 1
            if event.type() == QEvent.Paint:
                self.painted += event.region()
        return False


def history(n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    steps = np.arange(n)
    return (0.3 * np.exp(-steps / 3e4) + 0.05 + 0.05 * rng.random(n)).astype(np.float32)


def logged(losses: np.ndarray, n: int, every: int = 500):
    steps = np.arange(0, n, every)
    return steps, losses[steps].astype(np.float64)


def batch_curve(plot: LossPlot):
    item = next(i for i in plot.plot_item.listDataItems() if i.name() == "batch loss")
    return item.getData()


def pixels(image) -> np.ndarray:
    image = image.convertToFormat(QImage.Format_RGB32)
    return np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine()).copy()


def shown_plot(qtbot) -> LossPlot:
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(900, 420)
    plot.show()
    qtbot.waitExposed(plot)
    return plot


def test_a_growing_loss_curve_repaints_only_the_strip_at_its_end(qtbot):
    losses = history(400_000)
    plot = shown_plot(qtbot)
    for n in range(200_000, 300_001, 4_000):
        plot.set_history(losses[:n], *logged(losses, n))
        QApplication.processEvents()
    viewport = plot.viewport()
    widths = []
    for n in range(304_000, 352_001, 4_000):  # 12 frames of a run at 120,000 steps/s
        paints = Events(viewport, QEvent.Paint)
        plot.set_history(losses[:n], *logged(losses, n))
        qtbot.waitUntil(lambda paints=paints: paints.count > 0)
        QApplication.processEvents()
        viewport.removeEventFilter(paints)
        widths.append(paints.painted.boundingRect().width())
    # the whole plot when the step axis grows and when the curve's bins get wider, a strip otherwise
    assert sum(w < viewport.width() / 4 for w in widths) >= 8, widths
    # what the screen shows after those strips is the plot drawn afresh, to the pixel
    QApplication.processEvents()
    on_screen = plot.screen().grabWindow(plot.winId()).toImage()
    np.testing.assert_array_equal(pixels(on_screen), pixels(plot.grab().toImage()))
    # ... and what it shows is the whole curve, as a plot given that history at once would show it
    fresh = shown_plot(qtbot)
    fresh.set_history(losses[:n], *logged(losses, n))
    for got, want in zip(batch_curve(plot), batch_curve(fresh)):
        np.testing.assert_array_equal(got, want)


def test_a_curve_drawn_in_two_parts_reports_the_bounds_of_all_its_points(qtbot):
    losses = history(50_000, seed=3)
    losses[30_000:30_010] = np.nan  # a diverged stretch: a gap, not a bound
    plot = shown_plot(qtbot)
    for n in range(20_000, 50_001, 1_000):
        plot.set_history(losses[:n], *logged(losses, n))
    item = next(i for i in plot.plot_item.listDataItems() if i.name() == "batch loss")
    x, y = item.getData()
    reference = pg.PlotDataItem(x, y)
    for ax in (0, 1):
        assert item.dataBounds(ax) == reference.dataBounds(ax)
        assert item.dataBounds(ax, orthoRange=(1_000, 2_000)) == reference.dataBounds(ax, orthoRange=(1_000, 2_000))
    assert item.dataBounds(1)[1] == np.nanmax(losses)
    plot.set_log_y(True)  # pyqtgraph's own bounds, of the log10 values
    assert np.isclose(item.dataBounds(1)[1], np.log10(np.nanmax(losses)))


def test_status_numbers_change_without_laying_out_the_window(qtbot, make_window):
    window = make_window()
    status = window.status

    def run():
        for step in range(1_001, 1_100):
            status.show_progress(step, 3_000, 0.5 + step * 1e-4, 0.001, 120_000.0 + step)
            QApplication.processEvents()

    run()  # the labels grow to the widest of these numbers (digits differ in width) ...
    layouts = Events(window, QEvent.LayoutRequest)
    run()  # ... and then hold their size
    assert layouts.count == 0
    assert status.step_label.text() == "Step 1,099 / 3,000"
    wide = status.step_label.width()
    status.show_progress(12_345_678, 30_000_000, 0.5, 0.001, 1e6)  # a longer text: the label grows for it
    QApplication.processEvents()
    assert status.step_label.width() > wide
    assert status.step_label.width() >= status.step_label.sizeHint().width()


def test_a_steady_label_grows_for_longer_text_and_keeps_its_size_for_shorter(qtbot):
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.setText("12")
    narrow = label.width()
    label.setText("123,456,789")
    wide = label.width()
    assert wide > narrow and wide >= label.sizeHint().width()
    label.setText("1")
    assert label.width() == wide and label.text() == "1"


def test_a_steady_caption_wraps_to_its_width(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    caption = SteadyText(parent)
    caption.setText("Step 12,345: 30 of 32 right")
    line = caption.fontMetrics().height()
    one_line = caption.heightForWidth(2_000)
    assert line <= one_line < 2 * line
    assert caption.heightForWidth(caption.fontMetrics().horizontalAdvance("Step 12,345:") + 2) >= 2 * line
    assert caption.text() == "Step 12,345: 30 of 32 right"


@pytest.mark.parametrize("log_y", [False, True])
def test_the_quick_auto_range_check_follows_the_data_as_pyqtgraph_does(qtbot, monkeypatch, log_y):
    """The loss plot skips pyqtgraph's auto-range when its cached bounds show nothing would change: frame by
    frame, its range is the one pyqtgraph's own computation gives."""
    from bpviz.gui.views import stepped_view

    losses = history(300_000, seed=7)
    losses[150_000:150_400] *= 3  # a spike: the loss axis must grow for it
    quick, full = shown_plot(qtbot), shown_plot(qtbot)
    for plot in (quick, full):
        plot.set_log_y(log_y)
    check = stepped_view.SteppedViewBox._holds_the_data
    skipped = []

    def holds(vb):
        if vb is full._vb:
            return False
        skipped.append(check(vb))
        return skipped[-1]

    monkeypatch.setattr(stepped_view.SteppedViewBox, "_holds_the_data", holds)
    for n in range(0, 300_001, 3_000):
        for plot in (quick, full):
            plot.set_history(losses[:n], *logged(losses, n))
        QApplication.processEvents()
        assert quick._vb.viewRange() == full._vb.viewRange(), n
    assert sum(skipped) > len(skipped) / 2  # most frames took the quick way


def test_a_scatter_keeps_the_bounding_rectangle_pyqtgraph_would_compute(qtbot):
    from bpviz.gui.views.scatter import Scatter

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    kept, plain = Scatter(size=9), pg.ScatterPlotItem(size=9)
    for item in (kept, plain):
        plot.addItem(item)

    def same():
        QApplication.processEvents()
        assert kept.boundingRect() == plain.boundingRect()

    rng = np.random.default_rng(2)
    for item in (kept, plain):
        item.setData(x=[0.0, 1.0], y=[0.0, 1.0])
    same()
    points = rng.random((2, 20))
    for item in (kept, plain):
        item.setData(x=points[0] * 5, y=points[1])  # new points
    same()
    for item in (kept, plain):
        item.setSize(30)  # bigger markers: more padding
    same()
    plot.setRange(xRange=(-10, 10), yRange=(-1, 2), padding=0)  # another view: pixels of another size
    same()
    plot.resize(700, 500)
    same()
    for item in (kept, plain):
        item.clear()
    same()


@pytest.mark.parametrize("log_y", [False, True])
def test_a_growing_curve_in_parts_shows_exactly_the_points_it_was_given(qtbot, log_y):
    from bpviz.gui.views.growing_curve import GrowingCurve

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    curve = GrowingCurve(pen="b")
    plot.addItem(curve)
    plot.setLogMode(y=log_y)
    rng = np.random.default_rng(4)
    x, y = np.arange(3_000.0), rng.random(3_000) + 0.1
    y[1_234] = np.nan  # a gap
    most_parts = 0
    for n in range(10, 3_000, 37):
        tail = rng.random(3) + 0.1  # the last bin and sample change from frame to frame
        shown_y = np.concatenate([y[: n - 3], tail])
        curve.show_points(x[:n], shown_y)
        most_parts = max(most_parts, len(curve._parts))
        got_x, got_y = curve.getData()
        np.testing.assert_array_equal(got_x, x[:n])
        np.testing.assert_allclose(got_y, np.log10(shown_y) if log_y else shown_y, equal_nan=True)
    assert 0 < most_parts <= 8  # it grew in parts, and drew them all again when there were too many
    curve.hide()
    curve.show()  # still Qt's: pyqtgraph shows curves so (Plot Options > Max traces)
    assert curve.isVisible()
