"""Small pieces shared by the inspector widgets: number formatting, colours, a read-only matrix table."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHeaderView, QLabel, QSizePolicy, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from ..views.colormaps import LABEL_COLORS

DIGITS = 5  # significant digits in tables; the exact value is in each cell's tooltip
MAX_ROWS = 64  # a table shows at most this many rows and columns (a batch can have thousands of samples)
MAX_COLS = 32
MINUS = "\u2212"  # the typographic minus used in formulas (tables keep ASCII '-' so numbers can be copied)

# The plot views' diverging map (blue = positive, red = negative, white = zero): only its two ends are
# needed here; values in between are mixed with white.
NEGATIVE, POSITIVE = LABEL_COLORS
HIGHLIGHT = QColor(255, 214, 102)  # the weight / cell being explained
BATCH_ROW = QColor(255, 240, 200)  # samples of the current mini-batch
PASS = QColor(30, 130, 60)
FAIL = QColor(190, 30, 30)


def mono_font(point_size: int | None = None) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setStyleHint(QFont.Monospace)
    if point_size:
        font.setPointSize(point_size)
    return font


def exact(value, dtype=np.float32) -> str:
    """The shortest text that reads back as the same number in the run's dtype (what TF prints)."""
    return str(np.dtype(dtype).type(value))


def cell(value, digits: int = DIGITS) -> str:
    """A table cell: `digits` significant digits, ASCII minus."""
    value = float(value)
    if value == 0:
        return "0"
    return f"{value:.{digits}g}"


def signed(text: str) -> str:
    """A number as an operand in a formula: typographic minus, negative numbers in parentheses."""
    if text.startswith("-"):
        return f"({MINUS}{text[1:]})"
    return text


def lead(text: str) -> str:
    """A number at the start of a formula or after '=': typographic minus, no parentheses."""
    return MINUS + text[1:] if text.startswith("-") else text


def mix(color: QColor, amount: float) -> QColor:
    """`color` mixed with white: amount 0 is white, 1 is the colour itself."""
    amount = float(min(max(amount, 0.0), 1.0))
    return QColor(round(255 + (color.red() - 255) * amount), round(255 + (color.green() - 255) * amount),
                  round(255 + (color.blue() - 255) * amount))


def diverging(value: float, scale: float) -> QColor:
    """Colour of `value` on a scale centred on zero whose ends are ±scale."""
    if not np.isfinite(value) or scale <= 0 or not np.isfinite(scale):
        return QColor(150, 150, 150)
    t = min(abs(value) / scale, 1.0)
    return mix(POSITIVE if value >= 0 else NEGATIVE, 0.15 + 0.85 * t)


def index_text(name: str, index: tuple) -> str:
    return f"{name}[{','.join(str(int(i)) for i in index)}]"


def layer_symbol(k: int, n_layers: int) -> str:
    """The tutorial's names: x (input), a (its one hidden layer; a1, a2, ... when deeper), y (output)."""
    if k == 0:
        return "x"
    if k == n_layers:
        return "y"
    return "a" if n_layers == 2 else f"a{k}"


def node_names(sizes: list[int]) -> list[list[str]]:
    """Names of the neurons, layer by layer: x0 x1 | a0 a1 a2 | y (columns of the batch tables too)."""
    n_layers = len(sizes) - 1
    out = []
    for k, size in enumerate(sizes):
        sym = layer_symbol(k, n_layers)
        if k == n_layers and size == 1:
            out.append([sym])
        elif k == 0 or n_layers == 2 or k == n_layers:
            out.append([f"{sym}{j}" for j in range(size)])
        else:
            out.append([f"{sym}[{j}]" for j in range(size)])
    return out


class MatrixTable(QTableWidget):
    """A small read-only numeric grid that sizes itself to its contents (no scroll bars).

    Cells are faintly tinted by sign (blue positive, red negative); one cell can be highlighted.
    `values()` reads the displayed numbers back (for tests and for copying)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setFocusPolicy(Qt.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setFont(mono_font())
        self.setWordWrap(False)
        self.setShowGrid(True)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.Fixed)
            header.setHighlightSections(False)
            header.setFont(mono_font())
        self.verticalHeader().setDefaultAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._array = np.zeros((0, 0))
        self._highlight: tuple[int, int] | None = None
        self._dtype = np.dtype(np.float32)
        self._row_labels: list[str] = []
        self._col_labels: list[str] = []
        self.full_shape: tuple[int, int] = (0, 0)
        self._tint = True

    def truncated(self) -> bool:
        return self.full_shape != (self.rowCount(), self.columnCount())

    def set_matrix(self, array, row_labels=None, col_labels=None, tint: bool = True) -> None:
        a = np.asarray(array)
        self._dtype = a.dtype if a.dtype.kind == "f" else np.dtype(np.float64)
        a = a.reshape(1, -1) if a.ndim == 1 else a
        self.full_shape = a.shape
        a = a[:MAX_ROWS, :MAX_COLS]
        self._array = a
        rows, cols = a.shape
        shape_changed = (rows, cols) != (self.rowCount(), self.columnCount())
        if shape_changed:
            self.setRowCount(rows)
            self.setColumnCount(cols)
        row_labels = [str(r) for r in range(rows)] if row_labels is None else [str(r) for r in row_labels][:rows]
        col_labels = [str(c) for c in range(cols)] if col_labels is None else [str(c) for c in col_labels][:cols]
        labels_changed = row_labels != self._row_labels or col_labels != self._col_labels
        if labels_changed:
            self.setVerticalHeaderLabels(row_labels)
            self.setHorizontalHeaderLabels(col_labels)
            self._row_labels, self._col_labels = row_labels, col_labels
        self._tint = tint
        self._paint()

    def _paint(self) -> None:
        a, tint = self._array, self._tint
        rows, cols = a.shape
        finite = np.abs(a[np.isfinite(a)]) if a.size else np.zeros(0)
        scale = float(finite.max()) if finite.size else 0.0
        exact_type = self._dtype.type
        plain, bold = self._fonts()
        for r in range(rows):
            for c in range(cols):
                v = float(a[r, c])
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.setItem(r, c, item)
                item.setText(cell(v))
                item.setToolTip(str(exact_type(v)))
                item.setData(Qt.UserRole, v)
                on = self._highlight == (r, c)
                item.setFont(bold if on else plain)
                item.setBackground(HIGHLIGHT if on else mix(diverging(v, scale), 0.35) if tint else QColor(Qt.white))
        self._fit()  # widths follow the texts, which change with every update

    def _fonts(self) -> tuple[QFont, QFont]:
        bold = QFont(self.font())
        bold.setBold(True)
        return self.font(), bold

    def _fit(self) -> None:
        self.resizeColumnsToContents()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        vh, hh = self.verticalHeader(), self.horizontalHeader()
        width = vh.sizeHint().width() + sum(self.columnWidth(c) for c in range(self.columnCount()))
        height = hh.sizeHint().height() + sum(self.rowHeight(r) for r in range(self.rowCount()))
        frame = 2 * self.frameWidth()
        self.setFixedSize(width + frame + 1, height + frame + 1)

    def set_highlight(self, cell_rc: tuple[int, int] | None) -> None:
        """Mark one cell (row, column) as the one being explained; None for none."""
        if cell_rc == self._highlight:
            return
        self._highlight = cell_rc
        if self._array.size:
            self._paint()

    def values(self) -> np.ndarray:
        """The numbers as displayed (parsed back from the cells' text)."""
        return np.array([[float(self.item(r, c).text()) for c in range(self.columnCount())]
                         for r in range(self.rowCount())])

    def exact_values(self) -> np.ndarray:
        return np.array([[self.item(r, c).data(Qt.UserRole) for c in range(self.columnCount())]
                         for r in range(self.rowCount())])


class MatrixBlock(QWidget):
    """A caption (rich text, e.g. "z1 = x·w1") above a MatrixTable."""

    def __init__(self, caption: str = "", parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = QLabel(caption)
        self.caption.setTextFormat(Qt.RichText)
        self.caption.setAlignment(Qt.AlignHCenter)
        self.table = MatrixTable()
        layout.addWidget(self.caption, 0, Qt.AlignHCenter)
        layout.addWidget(self.table, 0, Qt.AlignHCenter)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)

        self._caption = caption

    def set_caption(self, text: str) -> None:
        self._caption = text
        self._show_caption()

    def set_matrix(self, array, row_labels=None, col_labels=None, tint: bool = True) -> None:
        self.table.set_matrix(array, row_labels, col_labels, tint)
        self._show_caption()

    def _show_caption(self) -> None:
        text = self._caption
        if self.table.truncated():
            rows, cols = self.table.full_shape
            text += "<br><small>" + QCoreApplication.translate(
                "MatrixBlock", "(first {r} × {c} of {rows} × {cols})").format(
                r=self.table.rowCount(), c=self.table.columnCount(), rows=rows, cols=cols) + "</small>"
        if self.caption.text() != text:
            self.caption.setText(text)


def operator_label(text: str) -> QLabel:
    """A big operator between two tables ('·', '=', '+', '→')."""
    label = QLabel(text)
    font = label.font()
    font.setPointSize(max(font.pointSize(), 9) + (10 if text == "·" else 5))
    label.setFont(font)
    label.setAlignment(Qt.AlignCenter)
    label.setContentsMargins(4, 0, 4, 0)
    return label


def hline() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.HLine)
    line.setFrameShadow(QFrame.Sunken)
    return line
