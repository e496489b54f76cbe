"""A scatter plot item that works out its bounding rectangle once per change rather than at every request.

Qt asks every item of a scene for its bounding rectangle several times per repaint, and pyqtgraph's
ScatterPlotItem computes it afresh each time, pixel vectors and all (~0.1 ms of Python: a tenth of the
decision boundary's paint, which asks its four scatters ten times in all; cProfile while training).
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF


class Scatter(pg.ScatterPlotItem):
    """pg.ScatterPlotItem whose bounding rectangle is kept until its points, their sizes or the view change
    (pyqtgraph calls invalidate() for the first two, viewTransformChanged() for the last)."""

    _kept: QRectF | None = None

    def boundingRect(self) -> QRectF:
        if self._kept is None:
            self._kept = super().boundingRect()
        return self._kept

    def invalidate(self) -> None:
        self._kept = None
        super().invalidate()

    def viewTransformChanged(self) -> None:
        self._kept = None
        super().viewTransformChanged()
