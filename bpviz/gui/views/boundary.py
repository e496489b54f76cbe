"""The input plane: data points, the network's output as a background, its 0.5 contour and the true rule."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from .colormaps import LABEL_COLORS, class_color, class_lut, diverging_colormap, lightened_lut, lut_indices
from .contour import chain_segments, contour_segments, smooth_polylines
from .legend import legend_beside, show_entry
from .scatter import Scatter

LEVEL = 0.5  # output above it means "label 1"
_LINE_COLOR = QColor(25, 25, 25)
_BATCH_COLOR = QColor(20, 20, 20)
_HIGHLIGHT_COLOR = QColor(0, 190, 70)
_SAME_LINE_PX = 0.1  # a contour whose every vertex moved less than this (in screen pixels) is not redrawn


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoundaryPlot", text)


class BoundaryPlot(pg.PlotWidget):
    """x0 to the right, x1 up, equal aspect. Takes plain arrays; knows nothing of the network.

    The output image uses the same diverging map as the labels (0 = label-0 colour, 0.5 = white,
    1 = label-1 colour), lightened so the points stay visible on it; values outside [0, 1] are clipped for
    colour only (a regression net's output is not a probability). Every item is created once.
    """

    sample_clicked = Signal(int)
    plane_clicked = Signal(float, float, int, bool)  # while editing: x0, x1, class (left 1, right 0), remove

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self._vb = self.plot_item.getViewBox()
        self._vb.setAspectLocked(True)
        self.plot_item.setLabel("bottom", _tr("x0"))
        self.plot_item.setLabel("left", _tr("x1"))

        self._image = pg.ImageItem(axisOrder="row-major")  # image[row, col] = value at (x0[col], x1[row])
        self._image.setLookupTable(lightened_lut(diverging_colormap()))
        self._image.setLevels((0.0, 1.0))
        self._image.setZValue(-100)
        # scaled once per new output, then blitted when the batch rings or the contour over it change
        self._image.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self.plot_item.addItem(self._image)

        self._boundary = pg.PlotDataItem(pen=pg.mkPen(_LINE_COLOR, width=2.5), connect="pairs", antialias=True)
        self._true = pg.PlotDataItem(pen=pg.mkPen(_LINE_COLOR, width=1.5, style=Qt.DashLine), connect="finite",
                                     antialias=True)
        self._points = [Scatter(size=9, brush=pg.mkBrush(c), pen=pg.mkPen("w", width=1), hoverable=False)
                        for c in LABEL_COLORS]
        self._batch = Scatter(size=18, brush=None, pen=pg.mkPen(_BATCH_COLOR, width=2))
        self._highlight = Scatter(size=26, brush=None, pen=pg.mkPen(_HIGHLIGHT_COLOR, width=3))
        for item in (self._boundary, self._true):
            self.plot_item.addItem(item, ignoreBounds=True)
        for item in (*self._points, self._batch, self._highlight):
            self.plot_item.addItem(item)
            item.sigClicked.connect(self._on_points_clicked)
        # drawn again (2 ms in Python for the points) only when they change, not whenever the output under
        # them does: a new output is copied over them from these pictures
        for item in (*self._points, self._true):
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

        self._legend = legend_beside(self.plot_item)
        self._legend.addItem(self._points[1], _tr("label 1"))
        self._legend.addItem(self._points[0], _tr("label 0"))
        self._legend.addItem(self._batch, _tr("current batch"))
        self._legend.addItem(self._boundary, _tr("boundary (output = 0.5)"))
        self._true_label: str | None = None

        self._n_classes = 2  # 0: a regression (the image is the fitted surface, points coloured by value)
        self._value_range = (0.0, 1.0)
        self._test_from: int | None = None  # points from this index on are held out: drawn hollow
        self._X = np.empty((0, 2))
        self._labels = np.empty(0, dtype=np.int64)
        self._values = np.empty(0)
        self._batch_idx = np.empty(0, dtype=np.int64)
        self._rings_placed = False  # on the current samples
        self._highlighted: int | None = None
        self._editing = False
        self._output: np.ndarray | None = None  # the latest output, as a field
        self._shown_colours: np.ndarray | None = None  # lookup-table entry of every cell as drawn
        self._shown_segments: np.ndarray | None = None  # the contour as drawn
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)
        self.set_domain((0.0, 1.0, 0.0, 1.0))

    # ---- grid -------------------------------------------------------------------------------------------
    def set_domain(self, domain: tuple[float, float, float, float], resolution: int = 100) -> None:
        """Area shown, (x0_min, x0_max, x1_min, x1_max), sampled by resolution x resolution cells.

        Clears the output and the true boundary: they were computed on the old grid."""
        x0min, x0max, x1min, x1max = map(float, domain)
        res = int(resolution)
        if res < 2 or not (x0max > x0min and x1max > x1min):
            raise ValueError(f"need resolution >= 2 and a non-empty domain, got {domain}, {resolution}")
        self._domain, self._res = (x0min, x0max, x1min, x1max), res
        self._xs = x0min + (np.arange(res) + 0.5) * (x0max - x0min) / res
        self._ys = x1min + (np.arange(res) + 0.5) * (x1max - x1min) / res
        gx, gy = np.meshgrid(self._xs, self._ys)  # gx[row, col] = xs[col]: x0 varies fastest
        self._grid = np.stack([gx.ravel(), gy.ravel()], axis=1).astype(np.float32)
        self._grid.flags.writeable = False
        self._image.setRect(QRectF(x0min, x1min, x0max - x0min, x1max - x1min))
        self._clear_output()
        self.set_true_boundary(None)
        self._vb.setRange(xRange=(x0min, x0max), yRange=(x1min, x1max), padding=0.02)

    def grid_points(self) -> np.ndarray:
        """Cell centres, shape (res*res, 2) float32, read-only, row by row from the bottom: point k is
        (x0[k % res], x1[k // res]), so x0 varies fastest; values for set_output() come in this order."""
        return self._grid

    def domain(self) -> tuple[float, float, float, float]:
        return self._domain

    # ---- what the plane shows -----------------------------------------------------------------------------
    def set_kind(self, n_classes: int, value_range: tuple[float, float] = (0.0, 1.0)) -> None:
        """2: two classes (output 0..1, boundary at 0.5); K > 2: one output per class (regions and their
        borders); 0: a regression (the fitted surface over value_range, points coloured by their value)."""
        self._n_classes = int(n_classes)
        lo, hi = map(float, value_range)
        self._value_range = (lo, hi if hi > lo else lo + 1.0)
        if self._n_classes > 2:
            self._image.setLookupTable(class_lut(self._n_classes))
            self._image.setLevels((-0.5, self._n_classes - 0.5))
        else:
            self._image.setLookupTable(lightened_lut(diverging_colormap()))
            self._image.setLevels(self._value_range if self._n_classes == 0 else (0.0, 1.0))
        while len(self._points) < max(2, self._n_classes):
            k = len(self._points)
            scatter = Scatter(size=9, brush=pg.mkBrush(class_color(k)), pen=pg.mkPen("w", width=1), hoverable=False)
            scatter.sigClicked.connect(self._on_points_clicked)
            self.plot_item.addItem(scatter)
            self._points.append(scatter)
        for k, scatter in enumerate(self._points[2:], 2):
            show_entry(self._legend, scatter, "", k < self._n_classes)
        self.retranslate()
        self._clear_output()

    def retranslate(self, true_label: str | None = None) -> None:
        """The axes and the legend in the current language; `true_label` renames the true boundary's entry."""
        self.plot_item.setLabel("bottom", _tr("x0"))
        self.plot_item.setLabel("left", _tr("x1"))
        names = {0: (_tr("low value"), _tr("high value"), _tr("fitted surface"))}.get(
            self._n_classes, (_tr("label 0"), _tr("label 1"),
                              _tr("boundary (output = 0.5)") if self._n_classes == 2 else _tr("class borders")))
        for item, text in zip((self._points[0], self._points[1], self._boundary), names):
            self._legend.getLabel(item).setText(text)
        for k, scatter in enumerate(self._points[2:self._n_classes], 2):
            self._legend.getLabel(scatter).setText(_tr("label {k}").format(k=k))
        self._legend.getLabel(self._batch).setText(_tr("current batch"))
        if self._true_label is not None:
            self._true_label = true_label or _tr("true boundary")
            self._legend.getLabel(self._true).setText(self._true_label)

    def n_classes(self) -> int:
        return self._n_classes

    # ---- field ------------------------------------------------------------------------------------------
    def set_output(self, values: np.ndarray) -> None:
        """The network's output on grid_points(): shape (res*res,) or (res*res, 1) for one output, (res*res, K)
        for one probability per class.

        What would look the same is not drawn again (an image whose every cell keeps its colour, a line that
        moved less than _SAME_LINE_PX): once training settles, most updates change nothing visible, and
        repainting the plane is the costliest part of a frame.  output() is always the latest."""
        v = np.asarray(values, dtype=np.float64)
        if v.ndim == 2 and v.shape[1] > 1:
            self._set_class_output(v)
            return
        field = self._as_field(v)
        self._output = field
        self._show_image(field)
        if self._n_classes == 0:  # a regression: the surface itself; a level line would mean nothing
            self._show_line(np.empty((0, 2, 2)))
            return
        self._show_line(contour_segments(field, LEVEL, self._xs, self._ys))

    def _clear_output(self) -> None:
        self._output = self._shown_colours = self._shown_segments = None
        self._image.setImage(np.full((self._res, self._res), np.nan), autoLevels=False)
        self._boundary.setData([], [])

    def output(self) -> np.ndarray | None:
        """The latest output set, as a (res, res) field (one value per cell, rows = x1); None before any."""
        return None if self._output is None else self._output.copy()

    def _set_class_output(self, p: np.ndarray) -> None:
        if p.shape[0] != self._res * self._res:
            raise ValueError(f"expected {self._res * self._res} rows (one per grid point), got shape {p.shape}")
        if p.shape[1] == 2:  # two classes, softmax: the probability of class 1, as for one output
            self.set_output(p[:, 1])
            return
        self._output = self._as_field(np.argmax(p, axis=1))
        self._show_image(self._output)
        segments = []
        for k in range(p.shape[1]):  # where class k stops winning: p_k − max of the others crosses 0
            margin = p[:, k] - np.max(np.delete(p, k, axis=1), axis=1)
            segments.append(contour_segments(self._as_field(margin), 0.0, self._xs, self._ys))
        self._show_line(np.concatenate(segments))

    def _show_image(self, field: np.ndarray) -> None:
        colours = lut_indices(field, self._image.getLevels(), len(self._image.lut))
        if self._shown_colours is not None and np.array_equal(colours, self._shown_colours):
            return
        self._shown_colours = colours
        self._image.setImage(field, autoLevels=False)

    def _show_line(self, seg: np.ndarray) -> None:
        shown = self._shown_segments
        if shown is not None and shown.shape == seg.shape:
            px, py = self._vb.viewPixelSize() if self._vb.width() > 0 else (0.0, 0.0)
            if not len(seg) or (np.abs(seg[..., 0] - shown[..., 0]).max() < _SAME_LINE_PX * px
                                and np.abs(seg[..., 1] - shown[..., 1]).max() < _SAME_LINE_PX * py):
                return
        self._shown_segments = seg
        self._boundary.setData(seg[:, :, 0].ravel(), seg[:, :, 1].ravel())

    def set_true_boundary(self, values: np.ndarray | None, label: str | None = None) -> None:
        """The generating rule on grid_points() (0/1 per cell), drawn as its dashed 0.5 contour; None hides it.
        label: legend text, e.g. "true boundary x0 + x1 = 1"; default "true boundary"."""
        if values is None:
            self._true.setData([], [])
            if self._true_label is not None:
                self._legend.removeItem(self._true)
                self._true_label = None
            return
        # a 0/1 field's contour is a staircase half a cell wide; smoothing along the line shows the rule
        line = smooth_polylines(chain_segments(contour_segments(self._as_field(values), LEVEL, self._xs, self._ys)))
        self._true.setData(line[:, 0], line[:, 1])
        text = label or _tr("true boundary")
        if self._true_label is None:
            self._legend.addItem(self._true, text)
        elif text != self._true_label:
            self._legend.getLabel(self._true).setText(text)
        self._true_label = text

    def _as_field(self, values: np.ndarray) -> np.ndarray:
        v = np.asarray(values, dtype=np.float64)
        if v.size != self._res * self._res:
            raise ValueError(f"expected {self._res * self._res} values (one per grid point), got shape {v.shape}")
        return v.reshape(self._res, self._res)

    # ---- points -----------------------------------------------------------------------------------------
    def set_data(self, X: np.ndarray, labels: np.ndarray, test_from: int | None = None) -> None:
        """Samples (n, 2) and their labels (n,) 0..K-1, or their values for a regression; points from
        `test_from` on are held-out test points, drawn hollow. Keeps the batch and highlight if still valid."""
        self._X = np.array(X, dtype=np.float64).reshape(-1, 2)
        self._test_from = test_from
        if self._n_classes == 0:
            self._values = np.asarray(labels, np.float64).reshape(-1)
            self._labels = np.zeros(len(self._X), np.int64)
        else:
            self._labels = np.asarray(labels).reshape(-1).astype(np.int64)
        held_out = np.arange(len(self._X)) >= (len(self._X) if test_from is None else test_from)
        for label, scatter in enumerate(self._points):
            idx = np.flatnonzero(self._labels == label) if self._n_classes else (
                np.arange(len(self._X)) if label == 0 else np.empty(0, np.int64))
            if self._n_classes == 0:  # each point in the colour of its value
                lo, hi = self._value_range
                lut = lightened_lut(diverging_colormap(), amount=0.0)
                pos = np.clip((self._values - lo) / (hi - lo), 0, 1)
                colors = [pg.mkColor(*lut[int(round(q * 255))]) for q in pos]
            else:
                colors = [class_color(label)] * len(idx)
            brushes = [pg.mkBrush(None) if held_out[i] else pg.mkBrush(c) for i, c in zip(idx, colors)]
            pens = [pg.mkPen(c, width=2) if held_out[i] else pg.mkPen("w", width=1) for i, c in zip(idx, colors)]
            scatter.setData(x=self._X[idx, 0], y=self._X[idx, 1], data=idx, brush=brushes, pen=pens)
        self._rings_placed = False  # the samples moved: place the rings again
        self.set_batch(self._batch_idx)
        self.highlight_sample(self._highlighted)

    def test_from(self) -> int | None:
        return self._test_from

    def set_batch(self, indices: np.ndarray) -> None:
        """Ring exactly these samples (the mini-batch of the current step). Indices without a sample (yet)
        are kept but not drawn, so the order of set_batch and set_data does not matter."""
        batch = np.array(indices, dtype=np.int64).reshape(-1)
        if self._rings_placed and np.array_equal(batch, self._batch_idx):
            return  # the same rings on the same samples: no repaint of the plane under them
        self._batch_idx, self._rings_placed = batch, True
        idx = self._drawable(self._batch_idx)
        self._batch.setData(x=self._X[idx, 0], y=self._X[idx, 1], data=idx)

    def batch_indices(self) -> np.ndarray:
        return self._batch_idx.copy()

    def highlight_sample(self, index: int | None) -> None:
        self._highlighted = None if index is None else int(index)
        idx = self._drawable(np.array([] if index is None else [int(index)], dtype=np.int64))
        self._highlight.setData(x=self._X[idx, 0], y=self._X[idx, 1], data=idx)

    def _drawable(self, idx: np.ndarray) -> np.ndarray:
        return idx[(idx >= 0) & (idx < len(self._X))]

    def highlighted_sample(self) -> int | None:
        return self._highlighted

    def set_editing(self, on: bool) -> None:
        """While editing, clicks on the plane add points (left: class 1, right: class 0) or remove the nearest
        (Shift); the right button's view menu is off meanwhile."""
        self._editing = bool(on)
        self._vb.setMenuEnabled(not self._editing)

    def editing(self) -> bool:
        return self._editing

    def _on_scene_clicked(self, event) -> None:
        if not self._editing or event.button() not in (Qt.LeftButton, Qt.RightButton):
            return
        where = self._vb.mapSceneToView(event.scenePos())
        if not self._vb.sceneBoundingRect().contains(event.scenePos()):
            return
        remove = bool(event.modifiers() & Qt.ShiftModifier)
        event.accept()
        self.plane_clicked.emit(float(where.x()), float(where.y()), 1 if event.button() == Qt.LeftButton else 0,
                                remove)

    def _on_points_clicked(self, _scatter, points, _event) -> None:
        # rings are drawn over the points and catch their clicks, so they carry the sample index too
        if len(points):
            self.sample_clicked.emit(int(points[0].data()))
