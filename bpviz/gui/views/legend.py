"""A plot's legend beside the plot, in its layout, rather than over its data: laid over a short loss plot it hid
the newest steps, and over the decision boundary the points.  On its own light plate, because the samples are
drawn for a light background."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy


def legend_beside(plot_item: pg.PlotItem) -> pg.LegendItem:
    """A legend right of the view box, from its top down to the bottom axis (room for six entries on a short
    plot); curves added to `plot_item` with a name join it."""
    legend = pg.LegendItem(offset=None, labelTextSize="8pt", labelTextColor=(30, 30, 30),
                           brush=(250, 250, 250, 235), pen=(160, 160, 160))
    legend.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    plot_item.layout.addItem(legend, 1, 3, 3, 1)
    plot_item.layout.setAlignment(legend, Qt.AlignTop)
    plot_item.layout.setColumnSpacing(2, 6)
    plot_item.legend = legend
    return legend


def show_entry(legend: pg.LegendItem, item, text: str, shown: bool, sample=None) -> None:
    """Add `item`'s entry (drawn by `sample`, default the item itself) or remove it, as `shown` says."""
    listed = legend.getLabel(item) is not None
    if shown and not listed:
        legend.addItem(item if sample is None else sample, text)
    elif not shown and listed:
        legend.removeItem(item)
