"""A regression's fit point by point: each point's predicted value against its true one, on the line y = x
where the fit is perfect.  Held-out test points are drawn hollow, as on the input plane."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from .colormaps import LABEL_COLORS
from .scatter import Scatter

_POINT_COLOR = LABEL_COLORS[1]
_LINE_COLOR = QColor(60, 60, 60)
_PAD = 0.05  # of the value span, around the points


def _tr(text: str) -> str:
    return QCoreApplication.translate("PredictionPlot", text)


class PredictionPlot(pg.PlotWidget):
    """x = true value, y = predicted value, equal scales.  Takes plain arrays; knows nothing of the network.
    Every item is created once and updated with setData."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot_item: pg.PlotItem = self.getPlotItem()
        self._vb = self.plot_item.getViewBox()
        self._vb.setAspectLocked(True)
        self.plot_item.showGrid(x=True, y=True, alpha=0.15)
        # bottom right: the corner a fit leaves empty (true values high, predictions low)
        self._legend = self.plot_item.addLegend(offset=(-6, -6), labelTextSize="8pt", verSpacing=-6)
        self._diagonal = pg.PlotDataItem(pen=pg.mkPen(_LINE_COLOR, width=1.5, style=Qt.DashLine))
        self._train = Scatter(size=7, brush=pg.mkBrush(_POINT_COLOR), pen=pg.mkPen("w", width=0.8))
        self._test = Scatter(size=7, brush=pg.mkBrush(None), pen=pg.mkPen(_POINT_COLOR, width=1.6))
        self.plot_item.addItem(self._diagonal, ignoreBounds=True)
        self.plot_item.addItem(self._train)
        self.plot_item.addItem(self._test)
        self._y = np.empty(0)
        self._predicted: np.ndarray | None = None
        self._test_from = 0
        self.retranslate()

    def legend_texts(self) -> list[str]:
        return [label.text for _sample, label in self._legend.items]

    def retranslate(self) -> None:
        self.plot_item.setLabel("bottom", _tr("true value"))
        self.plot_item.setLabel("left", _tr("predicted value"))
        self._legend.clear()
        self._legend.addItem(self._train, _tr("training points"))
        if self._test_from < len(self._y):  # hollow points only mean something with a test split
            self._legend.addItem(self._test, _tr("test points"))
        self._legend.addItem(self._diagonal, _tr("y = x"))

    def set_targets(self, y: np.ndarray, test_from: int | None = None) -> None:
        """The true values (n,); points from `test_from` on are held out.  Clears the predictions."""
        self._y = np.asarray(y, np.float64).reshape(-1)
        self._test_from = len(self._y) if test_from is None else int(test_from)
        self._predicted = None
        lo, hi = (float(self._y.min()), float(self._y.max())) if len(self._y) else (0.0, 1.0)
        pad = max(hi - lo, 1e-6) * _PAD
        # the line spans the true values: predictions far off it show as far off it
        self._diagonal.setData([lo - pad, hi + pad], [lo - pad, hi + pad])
        self._vb.setRange(xRange=(lo - pad, hi + pad), yRange=(lo - pad, hi + pad), padding=0)
        self.retranslate()  # the legend: with or without test points
        self._draw()

    def set_predictions(self, predicted: np.ndarray) -> None:
        """The network's predictions (n,) for the points of set_targets, in their order."""
        predicted = np.asarray(predicted, np.float64).reshape(-1)
        if predicted.shape != self._y.shape:
            raise ValueError(f"expected {len(self._y)} predictions, got {predicted.shape}")
        self._predicted = predicted
        self._draw()

    def _draw(self) -> None:
        k = self._test_from
        if self._predicted is None:  # no weights yet: no points rather than points at NaN
            self._train.setData(x=[], y=[])
            self._test.setData(x=[], y=[])
            return
        # a diverged network predicts NaN or inf: those points are not drawn (no place on the plot)
        shown = np.isfinite(self._predicted)
        train, test = shown.copy(), shown.copy()
        train[k:], test[:k] = False, False
        self._train.setData(x=self._y[train], y=self._predicted[train])
        self._test.setData(x=self._y[test], y=self._predicted[test])

    def points(self, test: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """(true, predicted) of the training points, or of the test points: what is drawn (finite predictions)."""
        x, y = (self._test if test else self._train).getData()
        return np.asarray(x), np.asarray(y)

    def rmse(self, test: bool = False) -> float | None:
        """Root mean squared error of the drawn predictions (None without points)."""
        x, y = self.points(test)
        if not len(x):
            return None
        return float(np.sqrt(np.mean((y - x) ** 2)))
