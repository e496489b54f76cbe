"""The loss plot as a figure for reports and slides (PNG / SVG), and the data behind it.

Shared by `bpviz train --export-loss` and the desktop app's File → Export:

* `LossCurves` — the arrays to draw (from a trainer, or given directly);
* decimation (`bpviz.decimate`, shared with the live plot) — at most `max_points` points that keep
  every peak of a long history; smoothing (`bpviz.smoothing`) as the live plot's slider does it;
* `populate(plot_item, curves)` — draws them on any pyqtgraph PlotItem in report style;
* `export_loss_figure(source, path, width, height)` — builds an offscreen plot and writes it.

Importing this module imports no Qt; the functions that draw do (see `image.ensure_qapp`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..decimate import peak_decimate
from ..engine.run_summary import summary_line
from ..i18n import translate
from ..smoothing import check_weight
from .image import ExportError, ensure_qapp, export_png, export_svg

DEFAULT_SIZE = (1200, 800)
LAYOUT_SIDE = 1200  # larger pictures are laid out at most this big, then scaled (text grows with them)
MAX_POINTS = 4000
FORMATS = (".png", ".svg")

BATCH_COLOUR = (31, 119, 180)
FULL_COLOUR = (230, 110, 0)
INK = (30, 30, 30)
RAW_ALPHA = 70  # of 255: the raw curve behind a smoothed one


@dataclass
class LossCurves:
    batch_loss: np.ndarray  # loss on the mini-batch at every step 0 .. n-1
    logged_steps: np.ndarray  # steps whose loss on all data was logged
    logged_loss: np.ndarray
    title: str = "Training loss"
    log_every: int | None = None

    @classmethod
    def from_trainer(cls, trainer, title: str | None = None) -> LossCurves:
        steps, values = trainer.history.logged_arrays()
        order = np.argsort(steps)
        return cls(trainer.history.batch_losses().copy(), steps[order], values[order],
                   title or figure_title(trainer.effective_config), trainer.config.schedule.log_every)


def figure_title(config) -> str:
    return translate("LossFigure", "Training loss: {summary}").format(summary=summary_line(config))


def populate(plot, curves: LossCurves, max_points: int = MAX_POINTS, log_y: bool = False,
             smoothing: float = 0.0) -> None:
    """Draw `curves` on a pyqtgraph PlotItem: title, axis labels, batch curve, all-data markers, legend.
    With `smoothing` > 0 the batch curve is drawn smoothed over its raw values, which stay faint behind."""
    import pyqtgraph as pg

    plot.clear()
    plot.setTitle(curves.title, color=INK, size="13pt")
    label_style = {"color": "#1e1e1e", "font-size": "12pt"}
    plot.setLabel("bottom", translate("LossFigure", "step"), **label_style)
    plot.setLabel("left", translate("LossFigure", "loss"), **label_style)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
    plot.showGrid(x=True, y=True, alpha=0.2)
    if plot.legend is None:
        legend = plot.addLegend(offset=(-12, 12), labelTextColor=INK, brush=pg.mkBrush(255, 255, 255, 220),
                                pen=pg.mkPen(200, 200, 200))
        # pyqtgraph's legend ignores transformations, so it would not grow with a picture
        # rendered larger than its layout; this plot's legend scales like everything else
        legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    smoothing = check_weight(smoothing)
    x, y = peak_decimate(curves.batch_loss, max_points // 2)
    batch_name = translate("LossFigure", "loss on the mini-batch")
    if len(x) < len(curves.batch_loss):
        batch_name += translate("LossFigure", " (min/max per bin)")
    if smoothing:
        plot.plot(x, y, pen=pg.mkPen(BATCH_COLOUR + (RAW_ALPHA,), width=1), antialias=True)
        x, y = peak_decimate(curves.batch_loss, max_points // 2, smoothing)
        batch_name += translate("LossFigure", ", smoothed {weight}").format(weight=f"{smoothing:g}")
    plot.plot(x, y, pen=pg.mkPen(BATCH_COLOUR, width=1.5), antialias=True, name=batch_name)
    full_name = translate("LossFigure", "loss on all data") + (
        translate("LossFigure", " (every {n} steps)").format(n=curves.log_every) if curves.log_every else "")
    plot.plot(np.asarray(curves.logged_steps), np.asarray(curves.logged_loss), pen=None, symbol="o",
              symbolSize=8, symbolBrush=pg.mkBrush(FULL_COLOUR), symbolPen=pg.mkPen(INK, width=1),
              antialias=True, name=full_name)
    plot.setLogMode(y=log_y)
    plot.enableAutoRange()


def layout_size(width: int, height: int) -> tuple[int, int]:
    """Size to lay the plot out at: the picture's, or smaller with the same aspect (then scaled up)."""
    scale = max(1.0, width / LAYOUT_SIDE, height / LAYOUT_SIDE)
    return max(1, round(width / scale)), max(1, round(height / scale))


def loss_plot_widget(curves: LossCurves, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1],
                     **populate_options):
    """A white PlotWidget with the curves, laid out at `layout_size(width, height)`, never shown on screen."""
    app = ensure_qapp()
    import pyqtgraph as pg
    from PySide6 import QtCore

    widget = pg.PlotWidget(background="w")
    widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*layout_size(width, height))
    widget.show()  # a widget never shown keeps Qt's default 640x480 layout
    populate(widget.getPlotItem(), curves, **populate_options)
    app.processEvents()
    return widget


def export_loss_figure(source, path, width: int = DEFAULT_SIZE[0], height: int = DEFAULT_SIZE[1],
                       log_y: bool = False, smoothing: float = 0.0) -> None:
    """Write the loss figure of `source` (a Trainer, LossCurves, or a PlotItem/PlotWidget already
    drawn) to `path`, PNG or SVG by its extension; PNGs are exactly `width` x `height` pixels."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"unknown picture format {suffix or '(no extension)'!r}: use .png or .svg")
    if hasattr(source, "scene") or hasattr(source, "getPlotItem"):  # the app's own plot
        widget, target = None, source
    else:
        curves = source if isinstance(source, LossCurves) else LossCurves.from_trainer(source)
        widget = loss_plot_widget(curves, width, height, log_y=log_y, smoothing=smoothing)
        target = widget.getPlotItem()
    try:
        if suffix == ".png":
            export_png(target, path, width, height)
        else:
            export_svg(target, path)
    finally:
        if widget is not None:
            widget.close()
            widget.deleteLater()
