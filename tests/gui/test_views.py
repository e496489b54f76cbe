"""The live views with real arrays: what they show, not how they look (the PNGs are for looking)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpviz.decimate import PeakCache  # noqa: E402
from bpviz.gui.views.boundary import BoundaryPlot  # noqa: E402
from bpviz.gui.views.colormaps import LABEL_COLORS, diverging_colormap  # noqa: E402
from bpviz.gui.views.contour import chain_segments, contour_segments  # noqa: E402
from bpviz.gui.views.heatmap import MatrixHeatmap, WeightPanel, format_cell  # noqa: E402
from bpviz.gui.views.loss_plot import LossPlot  # noqa: E402

SHOTS = Path("/tmp/bpviz-views")
TUTORIAL_DOMAIN = (-0.1, 1.1, -0.1, 1.1)


def tutorial_run(steps=3001, lr=0.001, seed=1):
    """The tutorial's 2-3-1 linear net trained with plain NumPy: realistic arrays without the engine."""
    rng = np.random.RandomState(seed)
    X = rng.rand(32, 2)
    Y = (X[:, 0] + X[:, 1] < 1).astype(np.float64)[:, None]
    w1, w2 = rng.randn(2, 3), rng.randn(3, 1)
    batch = np.empty(steps, np.float32)
    logged_steps, logged = [], []
    for i in range(steps):
        s = (i * 8) % 32
        xb, yb = X[s:s + 8], Y[s:s + 8]
        a = xb @ w1
        err = a @ w2 - yb
        batch[i] = np.mean(err ** 2)
        d = 2 * err / len(xb)
        w1, w2 = w1 - lr * xb.T @ (d @ w2.T), w2 - lr * a.T @ d
        if i % 500 == 0:
            logged_steps.append(i)
            logged.append(np.mean((X @ w1 @ w2 - Y) ** 2))
    return dict(X=X, Y=Y[:, 0], w1=w1, w2=w2, batch=batch, steps=np.array(logged_steps),
                logged=np.array(logged, np.float32),
                last_batch=np.arange(((steps - 1) * 8) % 32, ((steps - 1) * 8) % 32 + 8))


@pytest.fixture(scope="module")
def run():
    return tutorial_run()


def read_only(a):
    a = np.array(a)
    a.flags.writeable = False  # any write by a view raises
    return a


def shoot(qtbot, widget, name, size):
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    QApplication.processEvents()  # layouts settle before the picture is taken
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def curve(plot: LossPlot, name: str):
    item = next(i for i in plot.plot_item.listDataItems() if i.name() == name)
    return item.getData()


def npoints(data) -> int:
    """Points of a PlotDataItem's getData(), which is (None, None) when empty."""
    return 0 if data[0] is None else len(data[0])


# ---- colours -------------------------------------------------------------------------------------------
def test_label_colors_are_the_ends_of_the_map():
    cmap = diverging_colormap()
    assert LABEL_COLORS[0] == cmap.map(0.0, mode="qcolor")
    assert LABEL_COLORS[1] == cmap.map(1.0, mode="qcolor")
    mid = cmap.map(0.5, mode="float")
    assert min(mid[:3]) > 0.85  # centre is (nearly) white
    assert diverging_colormap().map(1.0).tolist() == cmap.map(1.0).tolist()  # no shared mutable state


# ---- decimation and contours (pure NumPy) ---------------------------------------------------------------
def test_peak_cache_keeps_extremes_and_notices_rewrites():
    rng = np.random.default_rng(0)
    y = rng.random(1_000_000).astype(np.float32)
    cache = PeakCache()
    cache.update(y)
    _, d = cache.decimate(0, len(y), 2000)
    assert len(d) < 4100 and d.min() == y.min() and d.max() == y.max()
    grown = np.concatenate([y, [5.0]]).astype(np.float32)
    cache.update(grown)
    assert cache.decimate(0, len(grown), 2000)[1].max() == 5.0
    rewritten = grown.copy()
    rewritten[500_000:] = 0.25  # a rewind followed by different training
    cache.update(rewritten)
    _, d = cache.decimate(0, len(rewritten), 2000)
    assert d.max() == rewritten.max() and d.min() == rewritten.min()


def test_contour_of_a_linear_field_is_exact():
    xs = np.linspace(0.05, 0.95, 10)
    gx, gy = np.meshgrid(xs, xs)
    seg = contour_segments(gx + gy, 0.5, xs, xs)
    assert len(seg) > 0
    np.testing.assert_allclose(seg.sum(axis=-1), 0.5, atol=1e-12)
    line = chain_segments(seg)
    assert not np.isnan(line).any()  # one connected polyline


def test_contour_points_lie_on_cell_edges_where_the_interpolated_field_is_the_level():
    rng = np.random.default_rng(5)
    xs, ys = np.linspace(0.0, 1.0, 40), np.linspace(-1.0, 1.0, 30)
    field = rng.random((30, 40))
    field[rng.random(field.shape) < 0.05] = np.nan  # holes: no segment touches them
    seg = contour_segments(field, 0.5, xs, ys)
    assert len(seg) > 100
    dx, dy = xs[1] - xs[0], ys[1] - ys[0]
    for x, y in seg.reshape(-1, 2):
        fx, fy = (x - xs[0]) / dx, (y - ys[0]) / dy
        if np.isclose(fy, round(fy)):  # on a horizontal edge: between two samples of one row
            iy, ix = int(round(fy)), int(np.floor(fx + 1e-9))
            a, b, t = field[iy, ix], field[iy, min(ix + 1, len(xs) - 1)], fx - ix
        else:
            ix, iy = int(round(fx)), int(np.floor(fy + 1e-9))
            a, b, t = field[iy, ix], field[min(iy + 1, len(ys) - 1), ix], fy - iy
        assert np.isfinite(a) and np.isfinite(b)
        assert np.isclose(a + t * (b - a), 0.5)


# ---- loss plot ---------------------------------------------------------------------------------------------
def test_loss_plot_shows_history_and_keeps_inputs(qtbot, run):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(1700, 400)  # one min/max pair per pixel column: 3001 points fit 1,600-odd columns as they are
    plot.show()
    qtbot.waitExposed(plot)
    batch, steps, logged = read_only(run["batch"]), read_only(run["steps"]), read_only(run["logged"])
    plot.set_history(batch, steps, logged)
    x, y = curve(plot, "batch loss")
    np.testing.assert_array_equal(x, np.arange(len(batch)))
    np.testing.assert_allclose(y, batch)
    x, y = curve(plot, "loss on all data")
    np.testing.assert_array_equal(x, steps)
    np.testing.assert_allclose(y, logged)
    assert plot.plot_item.getAxis("bottom").labelText == "step"
    assert plot.plot_item.getAxis("left").labelText == "loss"
    plot.clear_history()
    assert npoints(curve(plot, "batch loss")) == 0
    assert plot.readout_text() == ""


def test_loss_plot_decimates_ten_million_points(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    n = 10_000_000
    rng = np.random.default_rng(1)
    batch = (np.exp(-np.arange(n) / 1e6) * (1 + rng.random(n))).astype(np.float32)
    batch[7_654_321] = 9.0  # a lone spike must survive decimation
    steps = np.arange(0, n, 500)
    logged = batch[steps] * 0.9
    plot.set_history(batch, steps, logged)
    grown = np.concatenate([batch, batch[-4000:]])  # one frame of training at 250k steps/s
    plot.set_history(grown[:n], steps, logged)
    plot.set_history(grown, steps, logged)
    x, y = curve(plot, "batch loss")
    assert len(x) <= 4100
    assert y.min() == pytest.approx(float(grown.min())) and y.max() == pytest.approx(9.0)
    x, y = curve(plot, "loss on all data")
    assert len(x) <= 4100
    assert y.max() == pytest.approx(float(logged.max())) and y.min() == pytest.approx(float(logged.min()))

    # zoomed in: the visible range is drawn at full resolution, the rest stays for auto-range
    plot.plot_item.setXRange(1_000_000, 1_001_000, padding=0)
    x, y = curve(plot, "batch loss")
    inside = (x >= 1_000_000) & (x <= 1_001_000)
    np.testing.assert_array_equal(x[inside], np.arange(1_000_000, 1_001_001))
    np.testing.assert_allclose(y[inside], grown[1_000_000:1_001_001])
    assert x.min() == 0 and x.max() == len(grown) - 1
    shoot(qtbot, plot, "loss_10M_zoomed", (640, 360))


def test_loss_plot_log_y_with_zeros(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    batch = np.array([1.0, 0.5, 0.0, -0.1, 0.25, 0.1], np.float32)
    plot.set_history(batch, np.array([0, 4]), np.array([0.0, 0.2]))
    plot.set_log_y(True)
    assert plot.log_y()
    x, y = curve(plot, "batch loss")
    assert not np.isinf(y).any()
    np.testing.assert_allclose(y[[0, 1, 4, 5]], np.log10(batch[[0, 1, 4, 5]]), rtol=1e-6)
    assert np.isnan(y[[2, 3]]).all()  # non-positive losses become gaps
    plot.set_history(batch, np.array([0, 4]), np.array([0.0, 0.2]))  # updates in log mode too
    shoot(qtbot, plot, "loss_log_zeros", (500, 300))
    plot.set_log_y(False)
    assert not plot.log_y()
    np.testing.assert_allclose(curve(plot, "batch loss")[1], batch)


def test_loss_plot_readout(qtbot, run):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history(run["batch"], run["steps"], run["logged"])
    plot.show_readout_at_step(1000)
    assert plot.readout_text() == (f"step 1000 · batch loss {run['batch'][1000]:.5g}"
                                   f" · loss on all data {run['logged'][2]:.5g}")
    plot.show_readout_at_step(1234)
    assert plot.readout_text() == f"step 1234 · batch loss {run['batch'][1234]:.5g}"
    plot.show_readout_at_step(10 ** 9)  # beyond the data: the last step
    assert plot.readout_text().startswith(f"step {len(run['batch']) - 1} ")


def test_loss_plot_hover_moves_the_readout(qtbot, run):
    plot = LossPlot()
    shoot(qtbot, plot, "_hover", (640, 360))
    plot.set_history(run["batch"], run["steps"], run["logged"])
    plot.plot_item.setXRange(0, 3000, padding=0)
    vb = plot.plot_item.getViewBox()
    scene_pos = vb.mapViewToScene(QPointF(1502, float(run["batch"].mean())))  # a hair from a logged step
    plot.scene().sigMouseMoved.emit(scene_pos)
    qtbot.waitUntil(lambda: plot.readout_text().startswith("step 1500 "))
    assert "loss on all data" in plot.readout_text()
    plot.close()
    (SHOTS / "_hover.png").unlink()


def test_loss_plot_marked_steps(qtbot, run):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history(run["batch"], run["steps"], run["logged"])
    plot.set_marked_steps(np.arange(0, 3001, 500))
    np.testing.assert_array_equal(plot.marked_steps(), np.arange(0, 3001, 500))
    legend_names = [label.text for _, label in plot.plot_item.legend.items]
    assert legend_names == ["batch loss", "loss on all data", "printed steps"]
    plot.set_marked_steps(np.arange(0, 10_000_000, 500))  # 20k marks: painted thinned, not stored as items
    plot.set_marked_steps(np.empty(0))
    assert [label.text for _, label in plot.plot_item.legend.items] == ["batch loss", "loss on all data"]


def test_loss_plot_screenshots(qtbot, run):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_history(run["batch"], run["steps"], run["logged"])
    plot.set_marked_steps(np.arange(0, 3001, 500))
    plot.show_readout_at_step(1000)
    shoot(qtbot, plot, "loss", (640, 360))
    plot.set_log_y(True)
    shoot(qtbot, plot, "loss_log", (640, 360))


# ---- heatmaps ------------------------------------------------------------------------------------------------
def test_heatmap_cells_levels_and_text_items_reused(qtbot, run):
    h = MatrixHeatmap("w1")
    qtbot.addWidget(h)
    w1 = read_only(run["w1"])
    h.set_matrix(w1)
    np.testing.assert_array_equal(h.values(), w1)
    assert h.cell_texts() == [f"{v:.3f}" for v in w1.ravel()]
    m = np.abs(w1).max()
    assert h.levels() == (-m, m)
    texts = [i for i in h.plot_item().items if isinstance(i, pg.TextItem)]
    assert len(texts) == 6
    h.set_matrix(w1 * -2)
    assert h.cell_texts() == [f"{v:.3f}" for v in (w1 * -2).ravel()]
    assert [i for i in h.plot_item().items if isinstance(i, pg.TextItem)] == texts  # same items, new text
    assert h.levels() == (-2 * m, 2 * m)


def test_heatmap_zero_nan_and_shape_changes(qtbot):
    h = MatrixHeatmap("w")
    qtbot.addWidget(h)
    h.set_matrix(np.zeros((2, 3)))
    lo, hi = h.levels()
    assert lo == -hi and hi > 0
    assert h.cell_texts() == ["0.000"] * 6
    h.set_matrix(np.array([[1.5], [-3.25], [np.nan]]))  # the user changed the network
    assert h.values().shape == (3, 1)
    assert h.levels() == (-3.25, 3.25)
    assert h.cell_texts() == ["1.500", "-3.250", "nan"]
    assert len([i for i in h.plot_item().items if isinstance(i, pg.TextItem)]) == 3
    h.set_matrix(np.arange(12 * 11, dtype=float).reshape(12, 11) - 60)  # too big for numbers
    assert h.cell_texts() == []
    assert not [i for i in h.plot_item().items if isinstance(i, pg.TextItem)]
    shoot(qtbot, h, "heatmap_12x11", (300, 260))
    h.set_matrix(np.array([0.5, -0.25]))  # a bias vector
    assert h.values().shape == (1, 2) and h.cell_texts() == ["0.500", "-0.250"]
    assert format_cell(12345.678) == "1.23e+04"
    shoot(qtbot, h, "heatmap_bias_alone", (220, 90))


def test_weight_panel(qtbot, run):
    panel = WeightPanel()
    qtbot.addWidget(panel)
    panel.set_weights({"w1": run["w1"], "w2": run["w2"]})
    assert sorted(panel.names()) == ["w1", "w2"]
    w1_map = panel.heatmap("w1")
    np.testing.assert_array_equal(w1_map.values(), run["w1"])
    shoot(qtbot, panel, "weights", (450, 250))
    panel.set_weights({"w1": run["w1"] * 0.5, "w2": run["w2"]})
    assert panel.heatmap("w1") is w1_map  # same names: nothing recreated
    b1, b2 = np.array([0.1, -0.2, 0.0]), np.array([0.05])
    panel.set_weights({"w1": run["w1"], "b1": b1, "w2": run["w2"], "b2": b2})
    assert panel.heatmap("w1") is w1_map
    assert panel.heatmap("b1").values().shape == (1, 3)
    assert panel.heatmap("b1").cell_texts() == ["0.100", "-0.200", "0.000"]
    shoot(qtbot, panel, "weights_bias", (450, 250))
    # positions: weights in the top row, each bias under its weight matrix
    grid = panel.layout()
    pos = {n: grid.getItemPosition(grid.indexOf(panel.heatmap(n)))[:2] for n in panel.names()}
    assert pos == {"w1": (0, 0), "w2": (0, 1), "b1": (1, 0), "b2": (1, 1)}
    panel.set_weights({"w1": np.ones((2, 4)), "w2": np.ones((4, 1))})  # biases gone, 4 hidden units
    assert sorted(panel.names()) == ["w1", "w2"] and panel.heatmap("w1") is w1_map
    assert w1_map.values().shape == (2, 4)
    with pytest.raises(KeyError):
        panel.heatmap("b1")


# ---- boundary ------------------------------------------------------------------------------------------------
def test_boundary_grid_order(qtbot):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.set_domain((0.0, 1.0, 0.0, 1.0), resolution=2)
    g = plot.grid_points()
    assert g.dtype == np.float32 and g.shape == (4, 2)
    np.testing.assert_array_equal(g, [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]])
    with pytest.raises(ValueError):
        g[0, 0] = 1.0  # read-only: the window must not edit our grid


def test_boundary_contour_of_a_known_linear_output(qtbot):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.set_domain(TUTORIAL_DOMAIN, resolution=100)
    g = plot.grid_points().astype(np.float64)
    plot.set_output((g[:, 0] + g[:, 1])[:, None])  # (res*res, 1) like a network's output
    x, y = plot._boundary.getData()
    assert len(x) > 100
    np.testing.assert_allclose(x + y, 0.5, atol=1e-6)  # the line x0 + x1 = 0.5
    assert x.min() < 0.0 and x.max() > 0.5  # across the whole domain
    img = plot._image.image
    assert img.shape == (100, 100) and img[0, 0] < img[0, -1] and img[0, 0] < img[-1, 0]  # row = x1, col = x0
    with pytest.raises(ValueError):
        plot.set_output(np.zeros(99))


def test_boundary_true_boundary_and_legend(qtbot):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.set_domain(TUTORIAL_DOMAIN, resolution=100)
    g = plot.grid_points().astype(np.float64)
    truth = (g[:, 0] + g[:, 1] < 1).astype(np.float64)
    plot.set_true_boundary(truth, label="true boundary x0 + x1 = 1")
    x, y = plot._true.getData()
    cell = 1.2 / 100
    assert len(x) > 50 and np.nanmax(np.abs(x + y - 1)) <= cell
    names = [label.text for _, label in plot._legend.items]
    assert names == ["label 1", "label 0", "current batch", "boundary (output = 0.5)", "true boundary x0 + x1 = 1"]
    plot.set_true_boundary(truth)
    assert [label.text for _, label in plot._legend.items][-1] == "true boundary"
    plot.set_true_boundary(None)
    assert npoints(plot._true.getData()) == 0
    assert len(plot._legend.items) == 4


def test_boundary_points_batch_highlight_and_click(qtbot, run):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.set_domain(TUTORIAL_DOMAIN)
    X, labels = read_only(run["X"]), read_only(run["Y"])
    plot.set_data(X, labels)
    ones, zeros = plot._points[1], plot._points[0]
    assert len(ones.data) == int(labels.sum()) and len(zeros.data) == int((labels == 0).sum())
    plot.set_batch(np.array([8, 9, 10, 11, 12, 13, 14, 15]))
    np.testing.assert_array_equal(plot.batch_indices(), np.arange(8, 16))
    pos = plot._batch.getData()
    np.testing.assert_allclose(np.stack(pos, axis=1), X[8:16])
    plot.set_batch(np.empty(0, np.int64))
    assert len(plot.batch_indices()) == 0
    plot.highlight_sample(3)
    assert plot.highlighted_sample() == 3
    np.testing.assert_allclose(np.stack(plot._highlight.getData(), axis=1), X[[3]])
    plot.highlight_sample(None)
    assert npoints(plot._highlight.getData()) == 0

    plot.set_batch(np.array([5, 6]))  # the click lands on a ring drawn over the point: still sample 5
    shoot(qtbot, plot, "_click", (600, 450))
    target = plot.mapFromScene(plot.plot_item.getViewBox().mapViewToScene(QPointF(*X[5])))
    with qtbot.waitSignal(plot.sample_clicked) as blocker:
        qtbot.mouseClick(plot.viewport(), Qt.LeftButton, pos=target)
    assert blocker.args == [5]
    (SHOTS / "_click.png").unlink()


def test_boundary_screenshot(qtbot, run):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.set_domain(TUTORIAL_DOMAIN, resolution=100)
    g = plot.grid_points().astype(np.float64)
    plot.set_data(run["X"], run["Y"])
    plot.set_output(g @ run["w1"] @ run["w2"])
    plot.set_true_boundary((g[:, 0] + g[:, 1] < 1).astype(float), label="true boundary x0 + x1 = 1")
    plot.set_batch(run["last_batch"])
    plot.highlight_sample(int(run["last_batch"][0]))
    shoot(qtbot, plot, "boundary", (640, 440))


def test_true_boundary_field_draws_the_exact_tutorial_line():
    from bpviz.engine.datasets import make_dataset
    from bpviz.gui.truth import true_boundary_field

    ds = make_dataset("seed")
    grid = np.array([[0.2, 0.3], [0.5, 0.5], [0.9, 0.8]], np.float32)
    field = true_boundary_field(ds, grid)
    assert field[0] > 0.5 and field[2] < 0.5  # label 1 below the line x0 + x1 = 1
    assert field[1] == pytest.approx(0.5, abs=1e-6)  # on the line
    assert true_boundary_field(make_dataset("spiral"), grid) is None


# ---- following the data without re-ticking every frame, readable log labels, smoothing ------------------
def test_followed_ranges_change_in_steps():
    from bpviz.gui.views.stepped_view import stepped_range

    # a curve growing to the right: the range grows by half its span at once, then stays put
    grown = stepped_range((0.0, 100.0), (-2.0, 120.0), anchor=0.0)
    assert -7.0 < grown[0] < -2.0 and grown[1] > 170
    assert stepped_range(grown, (-2.0, 150.0), anchor=0.0) == grown
    changes, current = 0, (0.0, 10.0)
    for n in range(10, 1_000_000, 997):  # a thousand frames of growth
        new = stepped_range(current, (-0.02 * n, 1.02 * n), anchor=0.0)
        changes += new != current
        current = new
    assert changes <= 25
    # pyqtgraph pads the data by a share of its extent (50 px of the view, up to 10 %): the side at step 0
    # leaves room for the padding the data will need, and moves only when the other side does
    for padding in (0.02, 0.0625, 0.1):
        changes, current = [], (0.0, 10.0)
        for n in range(10, 1_000_000, 997):
            new = stepped_range(current, (-padding * n, (1 + padding) * n), anchor=0.0)
            if new != current:
                changes.append((new[0] != current[0], new[1] != current[1]))
            current = new
        assert changes and all(right for _left, right in changes), (padding, changes)
        assert len(changes) <= 20  # ~1.5 times wider at each change: fewer than 20 over five decades
    # a linear loss axis includes 0; data far smaller than the range shrinks it
    assert stepped_range((0.0, 2.0), (0.3, 1.9), anchor=0.0) == (0.0, 2.0)
    lo, hi = stepped_range((0.0, 2.0), (0.01, 0.5), anchor=0.0)
    assert -0.05 < lo < 0.0 and 0.5 < hi < 0.7
    # no anchor (a log axis): both sides follow
    assert stepped_range((-1.0, 0.0), (-0.8, -0.1)) == (-1.0, 0.0)


def test_log_axis_labels_never_overlap(qtbot):
    from bpviz.gui.views.loss_plot import thin_log_ticks

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(600, 220)
    plot.show()
    qtbot.waitExposed(plot)
    batch = np.geomspace(0.95, 0.31, 5000).astype(np.float32)  # half a decade: pyqtgraph labels 0.4 … 0.9
    plot.set_history(batch, np.empty(0, np.int64), np.empty(0))
    plot.set_log_y(True)
    axis = plot.plot_item.getAxis("left")
    lo, hi = axis.range
    height = axis.geometry().height()
    values = sorted(v for _, level in axis.tickValues(lo, hi, height) for v in level)
    assert len(values) >= 2
    gap_px = np.diff(values) * height / (hi - lo)
    assert gap_px.min() >= axis.fontMetrics().height()
    # the rule itself: decades first, then 5s and 2s
    levels = thin_log_ticks([(None, list(np.log10(np.arange(1, 10)) - 1))], -1.0, 0.0, 70, 20)
    kept = sorted(round(10 ** v, 3) for v in levels[0][1])
    assert kept == [0.1, 0.2, 0.5]


def test_smoothing_slider_draws_the_smoothed_curve_over_the_faint_raw_one(qtbot, run):
    from bpviz.gui.views.loss_plot import LossPanel
    from bpviz.smoothing import smoothed

    plot = LossPlot()
    panel = LossPanel(plot)
    qtbot.addWidget(panel)
    panel.resize(1700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    batch = read_only(run["batch"])
    plot.set_history(batch, read_only(run["steps"]), read_only(run["logged"]))
    with qtbot.waitSignal(plot.smoothing_changed, timeout=30000):
        panel.slider.setValue(60)
    assert plot.smoothing() == pytest.approx(0.6) and panel.value_label.text() == "0.60"
    x, y = curve(plot, "batch loss")
    np.testing.assert_array_equal(x, np.arange(len(batch)))
    np.testing.assert_allclose(y, smoothed(batch, 0.6), rtol=1e-9)
    raw = plot._raw
    assert raw.isVisible() and raw.opts["pen"].color().alpha() < 100
    np.testing.assert_allclose(raw.getData()[1], batch)
    plot.show_readout_at_step(10)
    assert "smoothed" in plot.readout_text()
    panel.slider.setValue(0)
    assert not raw.isVisible()
    np.testing.assert_allclose(curve(plot, "batch loss")[1], batch)
    with pytest.raises(ValueError):
        plot.set_smoothing(1.5)


def test_a_frame_draws_a_bounded_number_of_points_whatever_the_width(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    n = 2_000_000
    batch = np.random.default_rng(2).random(n).astype(np.float32)
    for width in (300, 900, 2500):
        plot.resize(width, 250)
        plot.show()
        qtbot.waitExposed(plot)
        plot.set_history(batch, np.arange(0, n, 7), batch[::7])
        for name in ("batch loss", "loss on all data"):
            assert npoints(curve(plot, name)) <= 2 * min(max(width, 200), 2000) + 8


def test_heatmap_redraws_only_what_can_be_seen_to_change(qtbot):
    h = MatrixHeatmap("w1")
    qtbot.addWidget(h)
    redraws = []
    h._image.sigImageChanged.connect(lambda: redraws.append(1))
    w = np.array([[0.5, -1.0, 0.25], [2.0, 0.0, -0.125]])
    h.set_matrix(w)
    assert len(redraws) == 1 and h.levels() == (-2.0, 2.0)
    h.set_matrix(w + 1e-7)  # same colours, same three decimals
    assert len(redraws) == 1
    np.testing.assert_array_equal(h.values(), w + 1e-7)  # the values themselves are the latest
    h.set_matrix(w * 3)  # the same colours (relative to the new extremes) but other numbers
    assert len(redraws) == 2 and h.cell_texts()[3] == "6.000" and h.levels() == (-6.0, 6.0)
    bar = [label for _, label in h._bar.axis._tickLevels[0]]
    assert bar[0] == "-6" and bar[-1] == "6"
    assert h._bar.levels() == (-1.0, 1.0)  # the bar's own range never moves: only its labels change
    w2 = w * 3
    w2[0, 2] = 1.0
    h.set_matrix(w2)
    assert len(redraws) == 3


def test_batch_rings_follow_the_batch_and_the_samples(qtbot):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    X = np.array([[0.1, 0.1], [0.5, 0.5], [0.9, 0.2]])
    plot.set_data(X, np.array([0, 1, 0]))
    plot.set_batch(np.array([0, 2]))
    plot.set_batch(np.array([0, 2]))  # the same batch again: nothing moves
    np.testing.assert_array_equal(plot._batch.getData()[0], [0.1, 0.9])
    plot.set_data(X[::-1].copy(), np.array([0, 1, 0]))  # new points, the same indices
    np.testing.assert_array_equal(plot._batch.getData()[0], [0.9, 0.1])
    plot.set_batch(np.array([1]))
    np.testing.assert_array_equal(plot._batch.getData()[0], [0.5])


def test_boundary_redraws_only_what_can_be_seen_to_change(qtbot):
    plot = BoundaryPlot()
    qtbot.addWidget(plot)
    plot.resize(500, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_domain(TUTORIAL_DOMAIN, resolution=100)
    redraws = []
    plot._image.sigImageChanged.connect(lambda: redraws.append(1))
    g = plot.grid_points().astype(np.float64)
    field = 0.5 + 0.3 * (g[:, 0] + g[:, 1] - 1)
    plot.set_output(field)
    line = plot._boundary.getData()
    assert len(redraws) == 1 and len(line[0]) > 10
    plot.set_output(field + 1e-9)  # no cell changes colour, the line moves by a hair
    assert len(redraws) == 1
    np.testing.assert_array_equal(plot._boundary.getData()[0], line[0])
    np.testing.assert_array_equal(plot.output().ravel(), field + 1e-9)  # the latest output all the same
    plot.set_output(field + 0.05)  # a visible change: the colours and the line (now x0 + x1 = 5/6)
    assert len(redraws) == 2
    x, y = plot._boundary.getData()
    np.testing.assert_allclose(x + y, 1 - 0.05 / 0.3, atol=1e-6)


def test_loss_grid_is_drawn_at_the_axis_ticks_not_by_the_axes(qtbot):
    from bpviz.gui.views.grid import GridLines

    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 300)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_history(np.linspace(2.0, 0.5, 40_000).astype(np.float32), np.array([0, 20_000]), np.array([2.0, 1.0]))
    assert plot.plot_item.getAxis("bottom").grid is False and plot.plot_item.getAxis("left").grid is False
    grid = next(item for item in plot.plot_item.items if isinstance(item, GridLines))
    plot.grab()  # paints
    (x0, x1), _ = plot.plot_item.getViewBox().viewRange()
    axis = plot.plot_item.getAxis("bottom")
    majors = [v for v in axis.tickValues(x0, x1, plot.plot_item.getViewBox().width())[0][1] if x0 <= v <= x1]
    vertical = sorted({line.x1() for _pen, axis, _at, lines in grid._lines for line in lines if axis == "x"})
    assert set(majors) <= set(vertical) and 20_000 in vertical
    plot.set_log_y(True)
    plot.grab()
    horizontal = {round(10 ** line.y1(), 6) for _pen, axis, _at, lines in grid._lines for line in lines if axis == "y"}
    assert 1.0 in horizontal  # log mode: lines at the decades, in the view's log10 coordinates
