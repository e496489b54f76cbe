"""The Compare window's loss surface: the loss over a plane through weight space as a heat map, with
every run's path projected onto it.  For a one-weight network (the parabola) it is the curve itself,
each step drawn as a jump along it.

The plane goes through the selected run's current weights (Recentre moves it there); its directions
are two random ones or two chosen weights; its extent is chosen or fitted to the paths.  The surface
is recomputed only when the plane changes; the paths follow the runs live.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from bpviz.engine.loss_surface import Plane, loss_curve, loss_surface, stacked_losses
from bpviz.export.compare import run_colour

RESOLUTION = 41
RANDOM, WEIGHTS = "random", "weights"


def _tr(text: str) -> str:
    return QCoreApplication.translate("LossSurfaceView", text)


class LossSurfaceView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.multi = None
        self.selected = 0
        self.plane: Plane | None = None
        self._extent_used = 1.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem("", RANDOM)
        self.mode.addItem("", WEIGHTS)
        self.first, self.second = QComboBox(), QComboBox()
        self.extent = QDoubleSpinBox()
        self.extent.setRange(0.0, 1000.0)
        self.extent.setDecimals(2)
        self.recentre = QPushButton()
        self.plane_label, self.extent_label = QLabel(), QLabel()
        for widget in (self.plane_label, self.mode, self.first, self.second, self.extent_label,
                       self.extent, self.recentre):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("loss_surface_plot")
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        layout.addWidget(self.plot, 1)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.curve = pg.PlotDataItem(pen=pg.mkPen((60, 60, 60), width=2))
        self.paths: list[pg.PlotDataItem] = []
        self.mode.currentIndexChanged.connect(self._plane_changed)
        self.first.currentIndexChanged.connect(self._plane_changed)
        self.second.currentIndexChanged.connect(self._plane_changed)
        self.extent.valueChanged.connect(self.recompute)
        self.recentre.clicked.connect(self._plane_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.mode.setItemText(0, _tr("Two random directions"))
        self.mode.setItemText(1, _tr("Two weights"))
        self.extent.setSpecialValueText(_tr("fit paths"))
        self.extent.setToolTip(_tr("Half the side of the plane shown; 'fit paths' makes every path fit"))
        self.recentre.setText(_tr("Recentre"))
        self.recentre.setToolTip(_tr("Put the plane through the selected run's weights now"))
        self.plane_label.setText(_tr("Plane:"))
        self.extent_label.setText(_tr("Extent:"))
        if self.multi is not None:
            self.plot.getPlotItem().setLabel("left", _tr("loss on all data") if self.one_weight else "")

    @property
    def one_weight(self) -> bool:
        return self.multi is not None and self.multi.network(0).size == 1

    def set_runs(self, multi, labels: list[str]) -> None:
        """New runs: one path per run; the weight lists of this network."""
        self.multi, self.labels = multi, labels
        self.selected = 0
        plot = self.plot.getPlotItem()
        plot.clear()
        net = multi.network(0)
        names = net.entry_names()
        for combo, default in ((self.first, 0), (self.second, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(min(default, len(names) - 1))
            combo.blockSignals(False)
        for widget in (self.mode, self.first, self.second):
            widget.setEnabled(not self.one_weight)
        plot.addItem(self.curve if self.one_weight else self.image)
        self.paths = []
        for k, label in enumerate(labels):
            path = pg.PlotDataItem(pen=pg.mkPen(run_colour(k, len(labels)), width=2), symbol="o", symbolSize=5,
                                   symbolBrush=pg.mkBrush(run_colour(k, len(labels))), name=label)
            plot.addItem(path)
            self.paths.append(path)
        plot.setLabel("left", _tr("loss on all data") if self.one_weight else "")
        self._plane_changed()

    def select(self, k: int) -> None:
        self.selected = k
        for j, path in enumerate(self.paths):
            path.setPen(pg.mkPen(run_colour(j, len(self.paths)), width=4 if j == k else 2))

    def _plane_changed(self) -> None:
        if self.multi is None:
            return
        if not self.one_weight:
            origin = self.multi.params(self.selected)
            if self.mode.currentData() == WEIGHTS and self.first.currentIndex() != self.second.currentIndex():
                self.plane = Plane.of_weights(self.multi.network(0), origin, self.first.currentIndex(),
                                              self.second.currentIndex())
            else:
                self.plane = Plane.random(origin, seed=0)
            for side, text in zip(("bottom", "left"), self.plane.labels):
                self.plot.getPlotItem().setLabel(side, text)
        else:
            self.plane = None
            self.plot.getPlotItem().setLabel("bottom", self.multi.network(0).names[0])
        self.recompute()

    def _fitted_extent(self) -> float:
        coords = [self.plane.coordinates(self.multi.path(k)[1]) for k in range(len(self.multi))]
        reach = max((float(np.abs(c).max()) for c in coords if c.size), default=0.0)
        return max(0.5, 1.2 * reach)

    def recompute(self) -> None:
        """The surface (or the curve) for the current plane and extent, then the paths."""
        if self.multi is None:
            return
        net, multi = self.multi.network(0), self.multi
        dataset, loss = multi.dataset(0), multi.configs[0].loss
        if self.one_weight:
            ws = np.concatenate([multi.path(k)[1].ravel() for k in range(len(multi))] + [np.array([-1.0])])
            ws = ws[np.isfinite(ws)]
            extent = self.extent.value()
            low, high = (float(ws.min()) - 1, float(ws.max()) + 1) if not extent else (-1 - extent, -1 + extent)
            w, losses = loss_curve(net, dataset, loss, low, high)
            self.curve.setData(w, losses)
            self.plot.setRange(xRange=(low, high), yRange=(0, float(np.nanmax(losses))), padding=0.02)
        else:
            extent = self.extent.value() or self._fitted_extent()
            self._extent_used = extent
            a, b, losses = loss_surface(net, dataset, loss, self.plane, extent, RESOLUTION)
            shown = np.log10(np.clip(np.where(np.isfinite(losses), losses, np.nan), 1e-12, None))
            finite = shown[np.isfinite(shown)]
            self.image.setImage(np.nan_to_num(shown, nan=finite.max() if finite.size else 0.0),
                                levels=(finite.min(), finite.max()) if finite.size else (0, 1))
            step = (a[1] - a[0])
            self.image.setRect(a[0] - step / 2, b[0] - step / 2, a[-1] - a[0] + step, b[-1] - b[0] + step)
            self.plot.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)
        self.update_paths()

    def update_paths(self) -> None:
        """Every run's path so far, projected onto the plane (or along the curve)."""
        if self.multi is None:
            return
        for k, path in enumerate(self.paths):
            _steps, weights = self.multi.path(k)
            if self.one_weight:
                path.setData(weights.ravel(), self._losses(weights))
            else:
                xy = self.plane.coordinates(weights)
                path.setData(xy[:, 0], xy[:, 1])

    def _losses(self, weights: np.ndarray) -> np.ndarray:
        return stacked_losses(self.multi.network(0), self.multi.dataset(0), self.multi.configs[0].loss, weights)

    def path_data(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """What run k's path shows: (x, y) as drawn."""
        x, y = self.paths[k].getData()
        return np.asarray(x), np.asarray(y)
