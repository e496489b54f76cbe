"""PNG and SVG files of plots, views and windows — atomic, and without a display if need be.

Reusable for every picture bpviz exports (loss curve, decision boundary, heatmaps, the
window): `export_png(item_or_widget, path, width, height)` and `export_svg(item, path)`.

Importing this module imports no Qt; the functions do, after `ensure_qapp()` has chosen
Qt's offscreen platform when there is no display (so `bpviz train --export-loss x.png`
works over ssh or in CI with no `DISPLAY` and no `QT_QPA_PLATFORM`).

pyqtgraph's SVGExporter breaks on Qt >= 6.11, which ends closed paths with `Z`
(pyqtgraph issue #3495: `ValueError: not enough values to unpack` in
`pyqtgraph/exporters/SVGExporter.py:correctCoordinates`, which reads every path token as
an `x,y` pair).  `SVGExporter` below works around it locally: while it exports, that one
function is wrapped so that the close-path commands are taken out of each path before
the coordinates are transformed and put back after.  site-packages is left untouched,
and once pyqtgraph handles `Z` itself the wrapper simply finds nothing to do.
"""
from __future__ import annotations

import os
import sys
import threading
from contextlib import contextmanager

from ..atomic import write_bytes

MAX_SIDE = 16384  # pixels; QImage handles more, but a 2 GB PNG is never what was meant


class ExportError(RuntimeError):
    """A picture could not be made (not a file-system problem: those are `WriteError`)."""


def _has_display() -> bool:
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a window system


def ensure_qapp(offscreen: bool | None = None):
    """The running QApplication, or a new one.

    Before creating one, Qt's `offscreen` platform is selected unless `QT_QPA_PLATFORM` is
    already set — always if `offscreen` is True (the headless CLI), only when there is no
    display if it is None.  Raises ExportError if PySide6/pyqtgraph are missing."""
    try:
        from PySide6 import QtWidgets  # PySide6 first: pyqtgraph then uses it even if PyQt6 is installed
        import pyqtgraph  # noqa: F401
    except ImportError as exc:
        raise ExportError(f"PNG and SVG export need PySide6 and pyqtgraph ({exc})") from None
    app = QtWidgets.QApplication.instance()
    if app is None:
        if "QT_QPA_PLATFORM" not in os.environ and (offscreen or (offscreen is None and not _has_display())):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QtWidgets.QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "bpviz"])
    return app


# -- the SVG fix ---------------------------------------------------------------------------

def split_closepath(node) -> list:
    """Take the close-path commands (`Z`/`z`) out of every <path d="..."> under `node`.

    Returns what `restore_closepath` needs to put them back: (element, token positions)."""
    saved = []
    for path in node.getElementsByTagName("path"):
        kept, closes = [], []
        for token in path.getAttribute("d").split():
            if token in ("Z", "z"):
                closes.append(len(kept))
                continue
            if token[0] in "Zz":  # "ZM1,2": a close glued to the next command
                closes.append(len(kept))
                token = token[1:]
            if token[-1] in "Zz":  # "1,2Z": glued to the last point
                kept.append(token[:-1])
                closes.append(len(kept))
                continue
            kept.append(token)
        if closes:
            path.setAttribute("d", " ".join(kept))
            saved.append((path, closes))
    return saved


def restore_closepath(saved: list) -> None:
    """Put the `Z`s back after the coordinates were rewritten (one token out per token in)."""
    for path, closes in saved:
        tokens = path.getAttribute("d").split()
        for position in reversed(closes):
            tokens.insert(min(position, len(tokens)), "Z")
        path.setAttribute("d", " ".join(tokens))


_patch_lock = threading.RLock()


@contextmanager
def closepath_safe_svg():
    """While active, pyqtgraph's `correctCoordinates` accepts paths closed with `Z`."""
    import importlib

    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    with _patch_lock:
        original = module.correctCoordinates
        if getattr(original, "_bpviz_closepath_safe", False):  # re-entered
            yield
            return

        def correct_coordinates(node, defs, item, options):
            saved = split_closepath(node)
            try:
                return original(node, defs, item, options)
            finally:
                restore_closepath(saved)

        correct_coordinates._bpviz_closepath_safe = True
        module.correctCoordinates = correct_coordinates
        try:
            yield
        finally:
            module.correctCoordinates = original


def svg_exporter(item):
    """A pyqtgraph SVGExporter for `item` whose `export` works on Qt >= 6.11 (see the module doc)."""
    from pyqtgraph.exporters import SVGExporter

    class ClosePathSafeSVGExporter(SVGExporter):
        def export(self, fileName=None, toBytes=False, copy=False):
            with closepath_safe_svg():
                return super().export(fileName=fileName, toBytes=toBytes, copy=copy)

    return ClosePathSafeSVGExporter(item)


# -- targets --------------------------------------------------------------------------------

def _graphics_target(obj):
    """The pyqtgraph item/scene to export for `obj`, or None for a plain widget."""
    from PySide6 import QtWidgets
    import pyqtgraph as pg

    if isinstance(obj, pg.GraphicsScene):
        return obj
    if isinstance(obj, QtWidgets.QGraphicsItem):
        if not isinstance(obj, pg.GraphicsItem):
            raise ExportError(f"cannot export a plain {type(obj).__name__}: pass a pyqtgraph item or its view")
        if obj.scene() is None:
            raise ExportError("cannot export an item that is not in a scene (add it to a plot or view first)")
        return obj
    if isinstance(obj, pg.GraphicsView):  # PlotWidget, GraphicsLayoutWidget, ImageView's view ...
        central = obj.centralWidget
        return central if isinstance(central, pg.GraphicsItem) else obj.scene()
    if hasattr(obj, "getPlotItem"):
        return obj.getPlotItem()
    if isinstance(obj, QtWidgets.QWidget):
        return None
    raise ExportError(f"cannot export a {type(obj).__name__}: expected a plot item, view or widget")


def _prepare_for_paint(target) -> None:
    """Bring lazy view state (auto-range, the ViewBox's data transform) up to date.

    pyqtgraph does it when a scene is painted or rendered (so the PNG path is fine), but
    the SVG exporter paints item by item without it: a plot that was never painted on
    screen — an offscreen figure — would get axes from the new range and curves placed
    with the stale transform."""
    scene = target if hasattr(target, "prepareForPaint") else target.scene()
    if scene is not None and hasattr(scene, "prepareForPaint"):
        scene.prepareForPaint()


def _size(width, height, natural_w, natural_h) -> tuple[int, int]:
    if natural_w <= 0 or natural_h <= 0:
        raise ExportError("cannot export something of size 0 (is it shown?)")
    for value in (width, height):
        if value is not None and not 1 <= int(value) <= MAX_SIDE:
            raise ExportError(f"image size must be between 1 and {MAX_SIDE} pixels, got {value}")
    if width and height:
        return int(width), int(height)
    if width:
        return int(width), max(1, round(int(width) * natural_h / natural_w))
    if height:
        return max(1, round(int(height) * natural_w / natural_h)), int(height)
    return max(1, round(natural_w)), max(1, round(natural_h))


def render_image(obj, width: int | None = None, height: int | None = None):
    """A QImage of a plot item / view / widget, `width` x `height` pixels.

    With one of them, the other follows the aspect ratio; with both, the picture is
    scaled to exactly that size (stretched if the aspect differs); with neither, its
    size on screen."""
    ensure_qapp()
    from PySide6 import QtCore, QtGui

    target = _graphics_target(obj)
    if target is not None:
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(target)
        w, h = _size(width, height, exporter.params["width"], exporter.params["height"])
        # set both exactly: each parameter on its own would re-derive the other from the aspect
        exporter.params.param("width").setValue(w, blockSignal=exporter.widthChanged)
        exporter.params.param("height").setValue(h, blockSignal=exporter.heightChanged)
        image = exporter.export(toBytes=True)
        if image is None or image.isNull():
            raise ExportError("Qt could not render the image")
        return image
    size = obj.size()
    w, h = _size(width, height, size.width(), size.height())
    image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.white)
    painter = QtGui.QPainter(image)
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.scale(w / size.width(), h / size.height())
        obj.render(painter, QtCore.QPoint(0, 0))
    finally:
        painter.end()
    return image


def png_bytes(image) -> bytes:
    from PySide6 import QtCore

    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("Qt could not encode the PNG")
    return bytes(buffer.data())


def export_png(item_or_widget, path, width: int | None = None, height: int | None = None) -> None:
    """Write a PNG of a plot item, pyqtgraph view or any widget (see `render_image` for the size)."""
    write_bytes(path, png_bytes(render_image(item_or_widget, width, height)))


def svg_bytes(obj) -> bytes:
    ensure_qapp()
    from PySide6 import QtCore, QtGui

    target = _graphics_target(obj)
    if target is not None:
        _prepare_for_paint(target)
        data = svg_exporter(target).export(toBytes=True)
        return bytes(data)
    from PySide6 import QtSvg

    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    generator = QtSvg.QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(obj.size())
    generator.setViewBox(obj.rect())
    painter = QtGui.QPainter(generator)
    try:
        obj.render(painter, QtCore.QPoint(0, 0))
    finally:
        painter.end()
    buffer.close()
    return bytes(data)


def export_svg(item, path) -> None:
    """Write an SVG of a plot item, pyqtgraph view or widget."""
    write_bytes(path, svg_bytes(item))
