"""Weight matrices as diverging heatmaps with the numbers written in the cells."""
from __future__ import annotations

import re

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem, QGridLayout, QVBoxLayout, QWidget

from .colormaps import diverging_colormap, lut_indices, text_colors_for

MAX_TEXT_CELLS = 10  # numbers are written in the cells only up to 10 x 10
_AXIS_WIDTH = 40  # fixed, so that heatmaps stacked in a column line up (w1 above b1)
_BIAS_HEIGHT = 58
_MIN_HALF_SPAN = 1e-6  # levels of an all-zero matrix: +-this, so the map still has a centre
_LUT_SIZE = 256  # entries of the lookup table that the ColorBarItem gives the image


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatrixHeatmap", text)


def format_cell(value: float) -> str:
    """The text written in a cell: 3 decimals, or 3 significant digits once that would get too wide."""
    return f"{value:.3f}" if abs(value) < 1000 else f"{value:.3g}"


def cell_texts(plot: pg.PlotItem, rows: int, cols: int) -> list[pg.TextItem]:
    """One empty text item centred on each cell of a rows x cols matrix drawn over [0, cols] x [0, rows],
    row by row."""
    texts = []
    for i in range(rows):
        for j in range(cols):
            item = pg.TextItem(anchor=(0.5, 0.5))
            item.setPos(j + 0.5, i + 0.5)
            plot.addItem(item, ignoreBounds=True)
            texts.append(item)
    return texts


class MatrixHeatmap(QWidget):
    """One matrix: row i = input unit i (top to bottom), column j = output unit j (left to right).

    Colours are symmetric around zero (white), levels +-max|v| so the sign is always readable; the colour
    bar says what the extremes are. Items are created when the shape changes and updated otherwise.
    """

    def __init__(self, title: str, parent=None, *, row_label: str | None = None, col_label: str | None = None):
        """row_label / col_label name the units on the axes ("in 0", "out 2"); None: those defaults,
        "": no labels on that axis (a bias under its weight matrix needs neither)."""
        super().__init__(parent)
        self._own_labels = (row_label, col_label)  # None: the translated defaults, set by retranslate()
        self._row_label = _tr("in") if row_label is None else row_label
        self._col_label = _tr("out") if col_label is None else col_label
        self._cmap = diverging_colormap()
        self._gw = pg.GraphicsLayoutWidget()
        self._gw.ci.setContentsMargins(2, 2, 2, 8)  # room for the colour bar's lowest label
        self._gw.ci.setSpacing(0)
        self._title = self._gw.addLabel(title, row=0, col=0, size="9pt", bold=True)
        self._plot: pg.PlotItem = self._gw.addPlot(row=1, col=0)
        vb = self._plot.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.setMenuEnabled(False)
        vb.invertY(True)  # row 0 on top, as a matrix is written
        self._plot.hideButtons()
        self._plot.showAxis("top", show=bool(self._col_label))
        self._plot.hideAxis("bottom")  # column labels above the matrix, like the header of a table
        for name in ("left", "top"):
            self._plot.getAxis(name).setStyle(tickLength=0)
        self._plot.getAxis("left").setWidth(_AXIS_WIDTH)
        self._image = pg.ImageItem(axisOrder="row-major")
        # scaled once per change, then blitted when the texts over it repaint
        self._image.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
        self._plot.addItem(self._image)
        self._bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=self._cmap, interactive=False, width=10,
                                    colorMapMenu=False)
        self._bar.setImageItem(self._image, insert_in=self._plot)
        self._bar.axis.setWidth(_AXIS_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._gw)
        self.setMinimumSize(110, 70)

        self._values = np.zeros((0, 0))
        self._levels = (-1.0, 1.0)
        self._texts: list[pg.TextItem] = []
        self._longest = 0  # characters of the longest cell text shown
        self._shown: list[str] = []
        self._colors: list[QColor] = []
        self._bar_ticks: list = []
        self._cell_colours = np.empty(0, np.int16)  # lookup-table entry of every cell as drawn
        self._unit_ticks: tuple = ()
        self._row_names: list[str] | None = None  # instead of "in 0", "in 1", ...: the inputs' own names
        vb.sigResized.connect(self._on_view_resized)

    # ---- public -----------------------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self._title.setText(title)

    def set_row_names(self, names: list[str] | None) -> None:
        """Name the rows (e.g. a first layer's inputs "x₀²", "sin(x₁)"); None: "in 0", "in 1", ..."""
        self._row_names = None if names is None else list(names)
        self._fit_row_axis()
        self._set_unit_ticks()

    def _fit_row_axis(self) -> None:
        # "sin(x₀)" and "输入 0" are wider than "in 0": the axis grows to the longest name (a name that does
        # not fit is not drawn at all)
        axis = self._plot.getAxis("left")
        names = self._row_names or ([f"{self._row_label} 00"] if self._row_label else [])
        widest = max((QFontMetrics(axis.font()).horizontalAdvance(n) for n in names), default=0)
        axis.setWidth(max(_AXIS_WIDTH, widest + 10))

    def set_matrix(self, values: np.ndarray) -> None:
        """A 2-D array (rows x cols); a 1-D bias vector is drawn as one row. The array is copied.

        The image holds values / max|v|, so that the colour bar's range stays -1 .. 1 and only its labels
        change (a new range would re-lay out the bar's axis on every update); nothing is redrawn when no
        cell would change colour or text."""
        v = np.array(values, dtype=np.float64)
        if v.ndim == 1:
            v = v.reshape(1, -1)
        if v.ndim != 2:
            raise ValueError(f"set_matrix needs a 2-D array, got shape {v.shape}")
        reshaped = v.shape != self._values.shape
        if reshaped:
            self._reshape(v.shape)
        self._values = v
        finite = np.abs(v[np.isfinite(v)])
        half = max(float(finite.max()) if finite.size else 1.0, _MIN_HALF_SPAN)
        self._levels = (-half, half)
        relative = v / half
        colours = lut_indices(relative, (-1.0, 1.0), _LUT_SIZE)
        texts = [format_cell(x) for x in v.ravel()] if self._texts else []
        text_colours = text_colors_for(self._cmap, (relative.ravel() + 1) / 2) if self._texts else []
        if not reshaped and np.array_equal(colours, self._cell_colours) and texts == self._shown \
                and text_colours == self._colors:
            self._set_bar_ticks()  # the labels of the extremes may still read differently
            return
        self._cell_colours = colours
        self._image.setImage(relative, autoLevels=False)
        self._set_bar_ticks()
        if self._texts:
            self._update_texts(texts, text_colours)

    def values(self) -> np.ndarray:
        return self._values.copy()

    def levels(self) -> tuple[float, float]:
        return self._levels

    def cell_texts(self) -> list[str]:
        """The strings written in the cells, row by row; empty when the matrix is too large for text."""
        return list(self._shown)

    def plot_item(self) -> pg.PlotItem:
        return self._plot

    # ---- internals --------------------------------------------------------------------------------------
    def _reshape(self, shape: tuple[int, int]) -> None:
        rows, cols = shape
        for item in self._texts:
            self._plot.removeItem(item)
        self._texts, self._shown, self._colors = [], [], []
        if rows <= MAX_TEXT_CELLS and cols <= MAX_TEXT_CELLS:
            self._texts = cell_texts(self._plot, rows, cols)
            self._shown = [""] * len(self._texts)
            self._colors = [QColor()] * len(self._texts)
        self._plot.getViewBox().setRange(xRange=(0, cols), yRange=(0, rows), padding=0)
        self._fit_font(shape)
        self._set_unit_ticks(shape)

    def _update_texts(self, texts: list[str], colors: list[QColor]) -> None:
        for k, item in enumerate(self._texts):
            if texts[k] != self._shown[k]:
                item.setText(texts[k])
                self._shown[k] = texts[k]
            if colors[k] != self._colors[k]:
                item.setColor(colors[k])
                self._colors[k] = colors[k]
        longest = max(map(len, self._shown), default=0)
        if longest != self._longest:  # e.g. "-5.27e+19" near a divergence needs a smaller font to fit
            self._longest = longest
            self._fit_font()

    def _on_view_resized(self, _vb) -> None:
        self._fit_font()
        self._set_bar_ticks()
        self._set_unit_ticks()

    def retranslate(self) -> None:
        """The default unit labels ("in 0", "out 2") in the current language."""
        row_label, col_label = self._own_labels
        self._row_label = _tr("in") if row_label is None else row_label
        self._col_label = _tr("out") if col_label is None else col_label
        self._fit_row_axis()
        if self._values.size:
            self._unit_ticks = None
            self._set_unit_ticks()

    def _set_unit_ticks(self, shape: tuple[int, int] | None = None) -> None:
        """ "in 0", "out 2" while the cells are wide/tall enough, else bare indices, thinned so they never
        overlap (pyqtgraph does not check that for fixed ticks)."""
        rows, cols = shape or self._values.shape
        rect = self._plot.getViewBox().boundingRect()
        cell_w, cell_h = rect.width() / max(cols, 1), rect.height() / max(rows, 1)
        names = self._row_names if self._row_names is not None and len(self._row_names) == rows else None
        ticks = (_unit_ticks(cols, self._col_label, cell_w, word_px=40, bare_px=20),
                 _unit_ticks(rows, self._row_label, cell_h, word_px=14, bare_px=14, names=names))
        if ticks != self._unit_ticks:
            self._unit_ticks = ticks
            self._plot.getAxis("top").setTicks([ticks[0]])
            self._plot.getAxis("left").setTicks([ticks[1]])

    def _set_bar_ticks(self) -> None:
        """-max, 0, +max: the extremes are what the colours are relative to; automatic ticks pile up on the
        short bar of a one-row bias, which gets only the extremes."""
        half = self._levels[1]
        end = 1 - 1e-9  # pyqtgraph drops ticks that round to just outside the axis range
        ticks = [(-end, f"{-half:.2g}"), (end, f"{half:.2g}")]
        if self._plot.getViewBox().height() >= 50:
            ticks.insert(1, (0.0, "0"))
        if ticks != self._bar_ticks:  # setTicks re-lays out the axis: not 60 times a second for nothing
            self._bar_ticks = ticks
            self._bar.axis.setTicks([ticks])

    def _fit_font(self, shape: tuple[int, int] | None = None) -> None:
        """Numbers as large as the cells allow (a 2x3 matrix in a small dock still reads), within 7..13 px."""
        if not self._texts:
            return
        rows, cols = shape or self._values.shape
        rect = self._plot.getViewBox().boundingRect()
        cell_w, cell_h = rect.width() / max(cols, 1), rect.height() / max(rows, 1)
        # a digit is ~0.6 of the pixel size wide; "-0.123" (6 characters) is the usual text
        size = int(np.clip(min(cell_w / max(3.8, 0.62 * self._longest), cell_h * 0.5), 6, 13))
        font = QFont()
        font.setPixelSize(size)
        for item in self._texts:
            item.setFont(font)


def _unit_ticks(n: int, label: str, cell_px: float, word_px: float, bare_px: float,
                names: list[str] | None = None) -> list[tuple[float, str]]:
    """Ticks at cell centres: "in 0", "in 1", ... (or the units' own `names`) if a cell has word_px, else
    "0", "1", ... (or the names) every k-th cell so that labels are bare_px apart; none for an empty label."""
    if not label:
        return []
    if cell_px >= word_px:
        return [(i + 0.5, names[i] if names else f"{label} {i}") for i in range(n)]
    step = max(1, int(np.ceil(bare_px / max(cell_px, 1e-9))))
    return [(i + 0.5, names[i] if names else str(i)) for i in range(0, n, step)]


_NAME = re.compile(r"^([wb])(\d+)$")


class WeightPanel(QWidget):
    """All weight matrices of a network: w1, w2, ... side by side, each bias bK under its wK.

    Heatmaps are created and removed only when the set of names changes; a changed shape is handled by the
    heatmap itself. Columns get width in proportion to the matrices' column counts (plus room for axes).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(0)  # the heatmaps' own margins separate them
        self._maps: dict[str, MatrixHeatmap] = {}
        self._shapes: dict[str, tuple[int, int]] = {}
        self._input_names: list[str] | None = None

    def set_weights(self, weights: dict[str, np.ndarray]) -> None:
        arrays = {name: _as_matrix(v) for name, v in weights.items()}
        if set(arrays) != set(self._maps):
            self._rebuild(arrays)
        for name, v in arrays.items():
            self._maps[name].set_matrix(v)
        shapes = {name: v.shape for name, v in arrays.items()}
        if shapes != self._shapes:
            self._shapes = shapes
            self._set_stretch()

    def retranslate(self) -> None:
        for heatmap in self._maps.values():
            heatmap.retranslate()

    def set_input_names(self, names: list[str] | None) -> None:
        """The network's inputs by name, as the rows of the first weight matrix w1; None: "in 0", "in 1"."""
        self._input_names = None if names is None else list(names)
        self._name_inputs()

    def _name_inputs(self) -> None:
        if "w1" not in self._maps:
            return
        self._maps["w1"].set_row_names(self._input_names)
        if "b1" in self._maps:  # lined up under w1: the same axis width
            width = self._maps["w1"].plot_item().getAxis("left").width()
            self._maps["b1"].plot_item().getAxis("left").setWidth(width)

    def heatmap(self, name: str) -> MatrixHeatmap:
        """The heatmap showing `name`; KeyError if the last set_weights() had no such name."""
        return self._maps[name]

    def names(self) -> list[str]:
        return list(self._maps)

    def _rebuild(self, arrays: dict[str, np.ndarray]) -> None:
        for name in set(self._maps) - set(arrays):
            heatmap = self._maps.pop(name)
            self._grid.removeWidget(heatmap)
            heatmap.setParent(None)
            heatmap.deleteLater()
        for name in arrays:
            if name not in self._maps:
                is_bias = bool(_NAME.match(name)) and name[0] == "b"
                # a bias lines up under its weight matrix, whose column labels it shares
                heatmap = MatrixHeatmap(name, self, row_label="" if is_bias else None,
                                        col_label="" if is_bias else None)
                if is_bias:  # one row: title and a readable cell, no more
                    heatmap.setFixedHeight(_BIAS_HEIGHT)

                self._maps[name] = heatmap
        for name, (row, col) in _positions(list(arrays)).items():
            self._grid.addWidget(self._maps[name], row, col)  # re-adding moves a widget already in the grid
        self._name_inputs()

    def _set_stretch(self) -> None:
        for c in range(self._grid.columnCount()):
            self._grid.setColumnStretch(c, 0)
        for r in range(self._grid.rowCount()):
            self._grid.setRowStretch(r, 0)
        for name, (row, col) in _positions(list(self._shapes)).items():
            rows, cols = self._shapes[name]
            self._grid.setColumnStretch(col, max(self._grid.columnStretch(col), cols + 2))
            self._grid.setRowStretch(row, 0 if name[0] == "b" and _NAME.match(name) else 1)


def _as_matrix(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v)
    return v.reshape(1, -1) if v.ndim == 1 else v


def _positions(names: list[str]) -> dict[str, tuple[int, int]]:
    """Grid cell of each name: wK in row 0 and bK in row 1 of column K's slot; other names after them."""
    layers = sorted({int(m.group(2)) for m in map(_NAME.match, names) if m})
    col_of = {k: c for c, k in enumerate(layers)}
    out, extra = {}, len(layers)
    for name in sorted(names):
        m = _NAME.match(name)
        if m:
            out[name] = (0 if m.group(1) == "w" else 1, col_of[int(m.group(2))])
        else:
            out[name] = (0, extra)
            extra += 1
    return out
