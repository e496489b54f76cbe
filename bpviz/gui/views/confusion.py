"""A confusion matrix: row = true class, column = the class the network picked, the count written in each
cell and its share of the row as the cell's colour (a row is all one class, so shares compare across
classes of different sizes)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont

from .colormaps import LABEL_COLORS
from .heatmap import cell_texts

_FULL = np.array(LABEL_COLORS[1].getRgb()[:3], np.float64)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConfusionView", text)


def _lut(n: int = 256) -> np.ndarray:
    """White (no point of the row) to the label-1 blue (all of them)."""
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (255.0 * (1 - t) + _FULL * t).round().astype(np.uint8)


class ConfusionView(pg.PlotWidget):
    """Takes a (K, K) array of counts; knows nothing of the network.  The image is created once; the cell
    texts when the number of classes changes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot_item: pg.PlotItem = self.getPlotItem()
        vb = self.plot_item.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.setMenuEnabled(False)
        vb.invertY(True)  # true class 0 on top, as a table is read
        vb.setAspectLocked(True)
        self.plot_item.hideButtons()
        self.plot_item.showAxis("top")
        self.plot_item.hideAxis("bottom")
        for name in ("left", "top"):
            self.plot_item.getAxis(name).setStyle(tickLength=0)
        self._image = pg.ImageItem(axisOrder="row-major")
        self._image.setLookupTable(_lut())
        self._image.setLevels((0.0, 1.0))
        self.plot_item.addItem(self._image)
        self._texts: list[pg.TextItem] = []
        self._counts = np.zeros((0, 0), np.int64)
        vb.sigResized.connect(lambda _vb: self._fit_font())
        self.retranslate()
        self.set_counts(np.zeros((2, 2), np.int64))

    def retranslate(self) -> None:
        self.plot_item.setLabel("top", _tr("predicted class"))
        self.plot_item.setLabel("left", _tr("true class"))

    def set_counts(self, counts: np.ndarray) -> None:
        counts = np.asarray(counts, np.int64)
        if counts.ndim != 2 or counts.shape[0] != counts.shape[1] or not counts.shape[0]:
            raise ValueError(f"expected a square matrix of counts, got shape {counts.shape}")
        if counts.shape != self._counts.shape:
            self._reshape(counts.shape[0])
        self._counts = counts.copy()
        rows = counts.sum(axis=1, keepdims=True)
        share = np.divide(counts, rows, out=np.zeros(counts.shape), where=rows > 0)
        self._image.setImage(share, autoLevels=False)
        for k, item in enumerate(self._texts):
            item.setText(f"{counts.flat[k]:,}")
            item.setColor(QColor(255, 255, 255) if share.flat[k] > 0.55 else QColor(20, 20, 20))

    def counts(self) -> np.ndarray:
        return self._counts.copy()

    def cell_texts(self) -> list[str]:
        """What is written in the cells, row by row."""
        return [item.textItem.toPlainText() for item in self._texts]

    def _reshape(self, k: int) -> None:
        for item in self._texts:
            self.plot_item.removeItem(item)
        self._texts = cell_texts(self.plot_item, k, k)
        ticks = [[(i + 0.5, str(i)) for i in range(k)]]
        self.plot_item.getAxis("top").setTicks(ticks)
        self.plot_item.getAxis("left").setTicks(ticks)
        self.plot_item.getViewBox().setRange(xRange=(0, k), yRange=(0, k), padding=0.02)
        self._counts = np.zeros((k, k), np.int64)
        self._fit_font()

    def _fit_font(self) -> None:
        k = max(self._counts.shape[0], 1)
        rect = self.plot_item.getViewBox().boundingRect()
        cell = min(rect.width(), rect.height()) / k
        font = QFont()
        font.setPixelSize(int(np.clip(cell * 0.28, 8, 18)))
        font.setBold(True)
        for item in self._texts:
            item.setFont(font)
