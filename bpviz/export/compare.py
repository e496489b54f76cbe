"""Exports of compared runs: every run's loss overlaid, and the sweep (final and best loss against
the varied setting), as CSV tables or PNG/SVG figures.

Importing this module imports no Qt; the figures do when drawn (offscreen, as the loss figure).
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from ..atomic import write_text
from ..engine.config import section_of
from .data import _f32_text
from .image import ExportError, export_png, export_svg
from ..decimate import peak_decimate
from ..i18n import translate
from .loss_figure import DEFAULT_SIZE, INK, MAX_POINTS, layout_size

LOG_X_SETTINGS = ("lr", "epsilon")  # swept over orders of magnitude
DIVERGED_FILL = (220, 60, 60, 45)
BEST_COLOUR = (230, 110, 0)
MAX_LEGEND = 12


def run_colour(k: int, n: int) -> tuple[int, int, int]:
    """Distinct colours for n runs (tab10 up to ten, then evenly spaced hues)."""
    tab10 = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
             (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)]
    if n <= len(tab10):
        return tab10[k]
    import colorsys

    r, g, b = colorsys.hsv_to_rgb(k / n * 0.85, 0.75, 0.85)
    return round(r * 255), round(g * 255), round(b * 255)


# -- tables ------------------------------------------------------------------------------

def _csv_label(label: str) -> str:
    return '"' + label.replace('"', '""') + '"' if any(c in label for c in ',"\n') else label


def loss_table(multi, labels: list[str]) -> str:
    """CSV: `step` then one column per run with its batch loss; empty after a run diverged."""
    n = multi.step
    columns = [np.arange(n).astype(str)]
    for k in range(len(multi)):
        col = np.full(n, "", dtype=object)
        losses = multi.batch_losses(k)[:n]
        col[: losses.shape[0]] = _f32_text(losses)
        columns.append(col)
    rows = [",".join(row) for row in zip(*columns)]
    return "\n".join([",".join(["step", *map(_csv_label, labels)]), *rows]) + "\n"


def setting_value(config, field: str):
    """A run's value of a setting, by its field name (e.g. `lr`, `hidden`)."""
    return getattr(getattr(config, section_of(field)), field)


def sweep_rows(multi, labels: list[str], varied: list[str]) -> list[dict]:
    """Per run: label, the varied settings' values and `MultiTrainer.summary`."""
    return [{"label": label, "settings": {f: setting_value(config, f) for f in varied}, **row}
            for label, config, row in zip(labels, multi.configs, multi.summary())]


def sweep_table(multi, labels: list[str], varied: list[str]) -> str:
    """CSV: label, each varied setting, final loss, best logged loss and its step, divergence step."""
    header = ["label", *varied, "final_loss", "best_loss", "best_step", "diverged_at"]
    lines = [",".join(header)]
    for row in sweep_rows(multi, labels, varied):
        settings = [",".join(map(str, v)) if isinstance(v, list) else str(v) for v in row["settings"].values()]
        cells = [row["label"], *settings,
                 *("" if row[key] is None else str(_f32_text(row[key])) for key in ("final", "best")),
                 *("" if row[key] is None else str(row[key]) for key in ("best_step", "diverged_at"))]
        lines.append(",".join(map(_csv_label, cells)))
    return "\n".join(lines) + "\n"


# -- figures -----------------------------------------------------------------------------

def _plot_widget(width: int, height: int, title: str, x_label: str, y_label: str):
    from .image import ensure_qapp

    app = ensure_qapp(offscreen=True)
    import pyqtgraph as pg
    from PySide6 import QtCore

    widget = pg.PlotWidget(background="w")
    widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*layout_size(width, height))
    widget.show()
    plot = widget.getPlotItem()
    plot.setTitle(title, color=INK, size="13pt")
    for side, text in (("bottom", x_label), ("left", y_label)):
        plot.setLabel(side, text, color="#1e1e1e", **{"font-size": "12pt"})
        axis = plot.getAxis(side)
        axis.enableAutoSIPrefix(False)  # a log axis would print its values scaled by a factor
        axis.setPen(pg.mkPen(INK))
        axis.setTextPen(pg.mkPen(INK))
    plot.showGrid(x=True, y=True, alpha=0.2)
    legend = plot.addLegend(offset=(-12, 12), labelTextColor=INK, brush=pg.mkBrush(255, 255, 255, 220),
                            pen=pg.mkPen(200, 200, 200))
    legend.setFlag(legend.GraphicsItemFlag.ItemIgnoresTransformations, False)
    return app, widget, plot


def populate_losses(plot, multi, labels: list[str], max_points: int = MAX_POINTS, smoothing: float = 0.0) -> None:
    """Every run's batch loss on `plot`, one colour per run, named by its label."""
    import pyqtgraph as pg

    per_run = max(64, max_points // max(1, len(multi)))
    named = len(labels) <= MAX_LEGEND  # a longer legend would cover the curves; the colours run in order
    for k, label in enumerate(labels):
        losses = multi.batch_losses(k)
        finite = np.where(np.isfinite(losses), losses, np.nan)
        x, y = peak_decimate(finite, per_run // 2, smoothing)
        name = label + ("" if multi.diverged_at(k) is None else f" (diverged at {multi.diverged_at(k)})")
        plot.plot(x, y, pen=pg.mkPen(run_colour(k, len(labels)), width=1.5), antialias=True,
                  name=name if named or k in (0, len(labels) - 1) else None, connect="finite")
    plot.setLogMode(y=True)
    fit_loss_range(plot, multi)


def fit_loss_range(plot, multi) -> None:
    """A log-y range from the lowest loss to 10× the highest starting loss: rates that diverge climb by
    orders of magnitude first, and would flatten every other curve; they leave at the top instead."""
    losses = [multi.batch_losses(k) for k in range(len(multi))]
    starts = np.array([b[0] for b in losses if len(b)], np.float64)
    starts = starts[np.isfinite(starts) & (starts > 0)]
    values = np.concatenate(losses) if losses else np.empty(0)
    values = values[np.isfinite(values) & (values > 0)]
    if starts.size and values.size:
        top = 10 * float(starts.max())
        plot.setYRange(math.log10(max(float(values.min()), top * 1e-12)), math.log10(top), padding=0.02)


def sweep_axis(varied: list[str]) -> str | None:
    """The setting a sweep is drawn against: the learning rate if it varies, else the first numeric one."""
    if "lr" in varied:
        return "lr"
    numeric = [f for f in varied if f not in ("optimizer", "activation", "hidden")]
    return numeric[0] if numeric else None


def populate_sweep(plot, rows: list[dict], x_field: str | None) -> None:
    """Final and best loss against `x_field` (one line per combination of the other varied settings),
    the diverged region shaded and the lowest final loss marked."""
    import pyqtgraph as pg

    if x_field is None:  # categories only: one point per run, in order
        xs = list(range(len(rows)))
        plot.getAxis("bottom").setTicks([[(i, r["label"]) for i, r in enumerate(rows)]])
    else:
        xs = [float(r["settings"][x_field]) for r in rows]
        plot.getAxis("bottom").setTicks(None)
    log_x = x_field in LOG_X_SETTINGS
    series: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        key = " ".join(str(v) for f, v in r["settings"].items() if f != x_field) if x_field else ""
        series.setdefault(key, []).append(i)
    for s, (key, members) in enumerate(series.items()):
        members = sorted(members, key=lambda i: xs[i])
        colour = run_colour(s, len(series))
        x = np.array([xs[i] for i in members], float)
        for what, title, style, symbol in (
                ("final", translate("CompareExport", "final loss"), pg.QtCore.Qt.PenStyle.SolidLine, "o"),
                ("best", translate("CompareExport", "best loss"), pg.QtCore.Qt.PenStyle.DashLine, "t")):
            y = np.array([np.nan if rows[i][what] is None else rows[i][what] for i in members], float)
            if np.isnan(y).all():  # nothing logged yet, or every run of the series diverged
                continue
            name = title + (f" ({key})" if key else "")
            plot.plot(x, y, pen=pg.mkPen(colour, width=1.5, style=style), symbol=symbol, symbolSize=7,
                      symbolBrush=pg.mkBrush(colour), name=name, connect="finite")
    for lo, hi in _diverged_spans(xs, [r["diverged_at"] is not None for r in rows], log_x):
        region = pg.LinearRegionItem((math.log10(lo), math.log10(hi)) if log_x else (lo, hi), movable=False,
                                     brush=pg.mkBrush(*DIVERGED_FILL), pen=pg.mkPen(None))
        plot.addItem(region)
    finals = [(r["final"], i) for i, r in enumerate(rows) if r["final"] is not None]
    if finals:
        best, i = min(finals)
        plot.plot([xs[i]], [best], pen=None, symbol="star", symbolSize=18, symbolBrush=pg.mkBrush(BEST_COLOUR),
                  symbolPen=pg.mkPen(INK), name=translate("CompareExport", "best: {label} ({loss})").format(
                      label=rows[i]["label"], loss=f"{best:.4g}"))
    plot.setLogMode(x=log_x, y=True)
    plot.enableAutoRange()


def _diverged_spans(xs: list[float], diverged: list[bool], log_x: bool) -> list[tuple[float, float]]:
    """Intervals around the diverged runs' values, reaching halfway to the nearest run that did not diverge."""
    order = sorted(set(xs))
    if not order:
        return []
    bad = {x for x, d in zip(xs, diverged) if d}
    good = {x for x, d in zip(xs, diverged) if not d}
    mid = (lambda a, b: math.sqrt(a * b)) if log_x else (lambda a, b: (a + b) / 2)
    spans = []
    for j, x in enumerate(order):
        if x not in bad or x in good:
            continue
        lo = order[0] if j == 0 else mid(order[j - 1], x)
        hi = order[-1] if j == len(order) - 1 else mid(x, order[j + 1])
        if spans and spans[-1][1] == lo:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def _write_figure(path, size, title, x_label, y_label, fill) -> None:
    suffix = Path(path).suffix.lower()
    width, height = size or DEFAULT_SIZE
    app, widget, plot = _plot_widget(width, height, title, x_label, y_label)
    try:
        fill(plot)
        app.processEvents()
        if suffix == ".png":
            export_png(plot, path, width, height)
        elif suffix == ".svg":
            export_svg(plot, path)
        else:
            raise ExportError(f"unknown picture format {suffix or '(no extension)'!r}: use .png, .svg or .csv")
    finally:
        widget.close()
        widget.deleteLater()


def write_compare_loss(multi, labels, varied, path, size=None, smoothing: float = 0.0) -> None:
    if str(path).lower().endswith(".csv"):
        write_text(path, loss_table(multi, labels))
        return
    _write_figure(path, size, f"Training loss of {len(multi)} runs", "step", "loss on the mini-batch",
                  lambda plot: populate_losses(plot, multi, labels, smoothing=smoothing))


def write_sweep(multi, labels, varied, path, size=None, smoothing: float = 0.0) -> None:
    rows = sweep_rows(multi, labels, varied)
    if str(path).lower().endswith(".csv"):
        write_text(path, sweep_table(multi, labels, varied))
        return
    x_field = sweep_axis(varied)
    x_label = x_field.replace("_", " ") if x_field else "run"
    if x_field == "lr":
        x_label = "learning rate"
    _write_figure(path, size, f"Loss after {multi.step} steps against the {x_label}", x_label, "loss on all data",
                  lambda plot: populate_sweep(plot, rows, x_field))
