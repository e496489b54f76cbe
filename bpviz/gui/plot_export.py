"""pyqtgraph's right-click "Export…" on every plot, routed to bpviz's own exports.

pyqtgraph's export window bypasses bpviz's exporters and raises on ordinary use (CSV of a plot that is not
a PlotItem, a path in a missing folder, SVG on Qt >= 6.11).  Its scene action stays where users expect it,
but opens a menu of what bpviz can write for that plot, which the window that owns the plot supplies:
a widget up the parent chain with `plot_exports(view) -> [(text, slot), ...]`.
"""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu

_installed = False
last_menu: QMenu | None = None  # the menu shown most recently (tests trigger its actions)


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlotExport", text)


def install() -> None:
    """Route every pyqtgraph scene's "Export…" (present and future plots) through `show_menu`."""
    global _installed
    if not _installed:
        pg.GraphicsScene.showExportDialog = show_menu
        _installed = True


def owner_exports(view) -> list:
    """The export choices the owner of `view` offers for it (empty if no owner offers any)."""
    widget = view
    while widget is not None:
        offer = getattr(widget, "plot_exports", None)
        if callable(offer):
            return offer(view)
        widget = widget.parentWidget()
    return []


def show_menu(scene) -> None:
    """The scene's "Export…": a menu of bpviz's exports for the plot that was right-clicked."""
    global last_menu
    views = scene.views()
    choices = owner_exports(views[0]) if views else []
    if not choices:
        return
    if last_menu is not None:  # one such menu at a time: the previous one has closed
        try:
            last_menu.deleteLater()
        except RuntimeError:  # already gone with its plot
            pass
    menu = QMenu(views[0])
    menu.setObjectName("plot_export_menu")
    for text, slot in choices:
        menu.addAction(text).triggered.connect(lambda _=False, slot=slot: slot())
    last_menu = menu
    menu.popup(QCursor.pos())


def window_plot_exports(window, view) -> list:
    """The main window's choices: its named views have entries of their own in File → Export (same
    formats, sizes and messages); any other plot (inspector, gradients) is exported as a picture of it."""
    files = window.files
    if view is window.loss_plot:
        return [(_tr("Loss plot as PNG…"), lambda: files.export_dialog("loss", "png")),
                (_tr("Loss plot as SVG…"), lambda: files.export_dialog("loss", "svg")),
                (_tr("Loss as CSV table…"), lambda: files.export_dialog("loss", "csv"))]
    if view is window.boundary:
        return [(_tr("Decision boundary as PNG…"), lambda: files.export_dialog("boundary", "png")),
                (_tr("Decision boundary as SVG…"), lambda: files.export_dialog("boundary", "svg"))]
    if window.weights_panel.isAncestorOf(view):
        return [(_tr("Weight heatmaps as PNG…"), lambda: files.export_dialog("heatmaps", "png")),
                (_tr("Weight heatmaps as SVG…"), lambda: files.export_dialog("heatmaps", "svg"))]
    return [(_tr("This plot as PNG…"), lambda: files.export_dialog("plot", "png", view)),
            (_tr("This plot as SVG…"), lambda: files.export_dialog("plot", "svg", view))]
