"""The network as nodes and links: link width and colour show a weight (or its gradient).

Hovering a link reads its value from the latest `set_values` — the read-out is recomputed whenever the
values change, also while the pointer rests on the link (TF Playground's hover card goes stale, its
issue #198).  Clicking a link asks for a new value and emits `weight_edited`; the window applies it
through `Trainer.set_weight` and calls `set_values` again, so the picture always shows the trainer's
weights, never a local copy that could disagree.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import (QComboBox, QGraphicsEllipseItem, QGraphicsItem, QGraphicsPathItem,
                               QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView,
                               QHBoxLayout, QInputDialog, QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget)

from ..language import Retranslating
from ._common import NEGATIVE, POSITIVE, diverging, exact, index_text, layer_symbol, mix, node_names

COLUMN_GAP = 190.0
ROW_GAP = 62.0
RADIUS = 19.0
MAX_WIDTH = 9.0  # pen width of the largest |value|
MAX_LINKS = 2000  # beyond this a picture of every weight is a grey blur (and slow): the diagram says so instead
HALO = QColor(255, 200, 60, 190)
PHASE_COLORS = {"forward": QColor(80, 170, 90), "loss": QColor(230, 150, 40), "backward": QColor(230, 110, 40),
                "update": QColor(140, 90, 200)}


class _Link(QGraphicsPathItem):
    """One weight (or bias) drawn as a curve from a node of layer k−1 to a node of layer k."""

    def __init__(self, diagram: NetworkDiagram, name: str, index: tuple, start: QPointF, end: QPointF):
        super().__init__()
        self.diagram = diagram
        self.name = name
        self.index = index
        path = QPainterPath(start)
        dx = (end.x() - start.x()) * 0.45
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        self.setPath(path)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setZValue(1)
        self._pressed = False

    def shape(self) -> QPainterPath:  # easy to hit even when thin
        stroker = QPainterPathStroker()
        stroker.setWidth(max(10.0, self.pen().widthF() + 4))
        return stroker.createStroke(self.path())

    def hoverEnterEvent(self, event) -> None:
        self.diagram._hover(self, event.screenPos())
        super().hoverEnterEvent(event)

    def hoverMoveEvent(self, event) -> None:
        self.diagram._hover(self, event.screenPos())
        super().hoverMoveEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.diagram._unhover(self)
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._pressed = True
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pressed and event.button() == Qt.LeftButton and self.contains(event.pos()):
            self._pressed = False
            # open the editor after this event has been handled, not inside it
            QTimer.singleShot(0, lambda: self.diagram.edit_link(self.name, self.index))
        self._pressed = False
        super().mouseReleaseEvent(event)


class _View(QGraphicsView):
    def __init__(self, scene, diagram: NetworkDiagram):
        super().__init__(scene)
        self._diagram = diagram
        self.setRenderHint(QPainter.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setBackgroundBrush(QBrush(Qt.white))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._diagram._fit()


class NetworkDiagram(Retranslating, QWidget):
    """Nodes (x0 x1 | a0 a1 a2 | y) and one link per weight; bias links come from a small "1" node."""

    weight_edited = Signal(str, tuple, float)  # name ("w1", "b2", ...), index ((i, j) or (j,)), new value

    def __init__(self, parent=None):
        super().__init__(parent)
        self._sizes: list[int] = []
        self._has_bias = False
        self._weights: dict[str, np.ndarray] = {}
        self._gradients: dict[str, np.ndarray] | None = None
        self._color_by = "weight"
        self._links: dict[tuple[str, tuple], _Link] = {}
        self._nodes: list[list[QGraphicsItem]] = []
        self._bands: list[QGraphicsRectItem] = []
        self._all_band: QGraphicsRectItem | None = None
        self._band_caption: QGraphicsSimpleTextItem | None = None
        self._hovered: _Link | None = None
        self._hover_pos = None
        self._phase: tuple[str, int] = ("", 0)
        self._marked: tuple[str, tuple] | None = None
        self._halo: QGraphicsPathItem | None = None

        self._scene = QGraphicsScene(self)
        self._view = _View(self._scene, self)
        self._view.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

        bar = QHBoxLayout()
        self._color_label = QLabel()
        bar.addWidget(self._color_label)
        self._color_combo = QComboBox()
        self._color_combo.addItem("", "weight")
        self._color_combo.addItem("", "gradient")
        self._color_combo.currentIndexChanged.connect(
            lambda i: self.set_color_by(self._color_combo.itemData(i)))
        bar.addWidget(self._color_combo)
        self._legend = QLabel()
        self._legend.setTextFormat(Qt.RichText)
        bar.addWidget(self._legend, 1)

        self._readout = QLabel()
        self._readout.setTextFormat(Qt.PlainText)
        self._readout.setWordWrap(True)
        self._readout.setMinimumHeight(self._readout.fontMetrics().height() * 2 + 6)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._readout)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language; the scene's titles and captions are drawn again."""
        self._color_label.setText(self.tr("Colour and width by:"))
        self._color_combo.setItemText(0, self.tr("weight"))
        self._color_combo.setItemText(1, self.tr("gradient ∂L/∂w"))
        self._update_legend()
        if self._sizes:
            marked = self._marked
            self._build()
            self._restyle()
            self.highlight_phase(*self._phase)
            if marked is not None:
                self.highlight_link(*marked)
        self._show_readout()

    # -- public ------------------------------------------------------------------------------------
    def set_structure(self, sizes: list[int], has_bias: bool) -> None:
        """Layer widths including input and output, e.g. [2, 3, 1]; rebuilds the scene if they changed."""
        sizes = [int(s) for s in sizes]
        if sizes == self._sizes and bool(has_bias) == self._has_bias:
            return
        self._sizes, self._has_bias = sizes, bool(has_bias)
        self._weights, self._gradients = {}, None
        self._build()
        self.highlight_phase(*self._phase)

    def set_values(self, weights: dict[str, np.ndarray], gradients: dict[str, np.ndarray] | None = None) -> None:
        """The current weights (e.g. `Trainer.weights()`) and the last update's gradients (or None)."""
        self._weights = {k: np.array(v, copy=True) for k, v in weights.items()}
        self._gradients = None if gradients is None else {k: np.array(v, copy=True) for k, v in gradients.items()}
        self._restyle()
        self._show_readout()
        if self._hovered is not None and self._hover_pos is not None and QToolTip.isVisible():
            QToolTip.showText(self._hover_pos, self.hover_text(self._hovered.name, self._hovered.index), self._view)

    def set_color_by(self, what: str) -> None:
        if what not in ("weight", "gradient"):
            raise ValueError(f"colour by 'weight' or 'gradient', not {what!r}")
        self._color_by = what
        i = self._color_combo.findData(what)
        if i != self._color_combo.currentIndex():
            self._color_combo.setCurrentIndex(i)
        self._restyle()
        self._update_legend()

    def color_by(self) -> str:
        return self._color_by

    def highlight_phase(self, phase: str, layer: int = 0) -> None:
        """Shade the layer being computed: forward and update shade every layer, backward one layer
        (1-based), loss the output node.  Connect `StepInspector.phase_changed` here."""
        self._phase = (phase, int(layer))
        color = PHASE_COLORS.get(phase)
        n = len(self._bands)
        whole = color is not None and phase in ("forward", "update")
        for k, band in enumerate(self._bands, 1):
            on = color is not None and phase == "backward" and k == layer
            band.setVisible(on)
        if self._all_band is not None:
            self._all_band.setVisible(whole)
        shown = [b for b in [*self._bands, self._all_band] if b is not None and b.isVisible()]
        for band in shown:
            band.setBrush(QBrush(mix(color, 0.16)))
            band.setPen(QPen(mix(color, 0.6), 1.5, Qt.DashLine))
        if self._band_caption is not None:
            self._band_caption.setVisible(bool(shown))
            if shown:
                captions = {"forward": self.tr("forward: computing every layer's output"),
                            "backward": self.tr("backward: ∂L/∂w{k} computed here").format(k=layer),
                            "update": self.tr("update: every weight changes")}
                self._band_caption.setText(captions[phase])
                self._band_caption.setBrush(QBrush(color.darker(130)))
                r = shown[0].rect()
                self._band_caption.setPos(r.left() + 4, r.bottom() + 2)
        for k, column in enumerate(self._nodes):
            for node in column:
                if isinstance(node, QGraphicsEllipseItem):
                    strong = phase == "loss" and k == n and color is not None
                    node.setPen(QPen(color if strong else QColor(60, 60, 60), 4 if strong else 1.5))

    def highlight_link(self, name: str | None, index: tuple = ()) -> None:
        """Put a halo behind one link, e.g. the weight the step inspector explains
        (connect `StepInspector.weight_highlighted` here); None removes it."""
        self._marked = None if name is None else (name, tuple(int(i) for i in index))
        self._place_halo()

    def highlighted_link(self) -> tuple[str, tuple] | None:
        return self._marked if self._halo is not None and self._halo.isVisible() else None

    def _place_halo(self) -> None:
        if self._halo is None:
            return
        link = self._links.get(self._marked) if self._marked else None
        self._halo.setVisible(link is not None)
        if link is not None:
            self._halo.setPath(link.path())
            pen = QPen(HALO, link.pen().widthF() + 8)
            pen.setCapStyle(Qt.RoundCap)
            self._halo.setPen(pen)

    def highlighted_layers(self) -> list[int]:
        """Layers (1-based) shaded by highlight_phase."""
        if self._all_band is not None and self._all_band.isVisible():
            return list(range(1, len(self._bands) + 1))
        return [k for k, band in enumerate(self._bands, 1) if band.isVisible()]

    def link_items(self) -> dict[tuple[str, tuple], QGraphicsPathItem]:
        """(name, index) -> the link's graphics item, e.g. ("w1", (0, 2)) for x0 → a2."""
        return dict(self._links)

    def hover_text(self, name: str, index: tuple) -> str:
        """What hovering the link shows, computed from the latest set_values."""
        index = tuple(int(i) for i in index)
        k = int(name[1:])
        names = node_names(self._sizes)
        target = names[k][index[-1]]
        source = names[k - 1][index[0]] if name[0] == "w" else self.tr("bias")
        lines = [self.tr("{w}: from {src} to {dst}").format(w=index_text(name, index), src=source, dst=target)]
        w = self._value(self._weights, name, index)
        shown = self.tr("(not set yet)") if w is None else exact(w, self._dtype())
        lines.append(self.tr("weight = {v}").format(v=shown))
        g = self._value(self._gradients, name, index)
        lines.append(self.tr("∂L/∂{w} = {g} (last update)").format(
            w=index_text(name, index), g=self.tr("(no update yet)") if g is None else exact(g, self._dtype())))
        lines.append(self.tr("Click to change this weight."))
        return "\n".join(lines)

    def edit_link(self, name: str, index: tuple) -> None:
        """Ask for a new value of one weight and emit `weight_edited` (what a click on a link does)."""
        current = self._value(self._weights, name, index)
        value, ok = QInputDialog.getDouble(
            self, self.tr("Change a weight"),
            self.tr("New value for {w} (now {v}).\nIt takes effect before the next update.").format(
                w=index_text(name, index), v="?" if current is None else exact(current, self._dtype())),
            0.0 if current is None else float(current), -1e6, 1e6, 7)
        if ok:
            self.weight_edited.emit(name, tuple(int(i) for i in index), float(value))

    def view(self) -> QGraphicsView:
        return self._view

    # -- building ----------------------------------------------------------------------------------
    def _build(self) -> None:
        self._hovered = None
        self._scene.clear()
        self._links.clear()
        self._nodes = []
        self._bands = []
        self._all_band = self._band_caption = None
        self._halo = QGraphicsPathItem()
        self._halo.setZValue(0.5)
        self._halo.setVisible(False)
        self._halo.setAcceptedMouseButtons(Qt.NoButton)
        self._scene.addItem(self._halo)
        sizes, L = self._sizes, len(self._sizes) - 1
        names = node_names(sizes)
        n_links = sum(sizes[k - 1] * sizes[k] for k in range(1, L + 1)) + (sum(sizes[1:]) if self._has_bias else 0)
        if n_links > MAX_LINKS:
            text = QGraphicsSimpleTextItem(self.tr(
                "This network has {n} weights: too many to draw one by one.\n"
                "The diagram shows networks with up to {max} weights.").format(n=n_links, max=MAX_LINKS))
            self._scene.addItem(text)
            self._scene.setSceneRect(text.boundingRect().adjusted(-20, -20, 20, 20))
            self._fit()
            return
        tallest = max(sizes) + (1 if self._has_bias else 0)
        height = (tallest - 1) * ROW_GAP

        def node_pos(k: int, j: int) -> QPointF:
            size = sizes[k]
            top = (height - (size - 1) * ROW_GAP) / 2
            return QPointF(k * COLUMN_GAP, top + j * ROW_GAP + (ROW_GAP / 2 if self._has_bias else 0))

        header_font = QFont(self.font())
        header_font.setBold(True)
        band_top = -RADIUS - 14 - (ROW_GAP * 0.45 if self._has_bias else 0)
        band_height = height + 2 * RADIUS + 46 + (ROW_GAP * 0.95 if self._has_bias else 0)  # headers inside
        for k in range(0, L + 1):
            span = L if k == 0 else 1
            left = 0 if k == 0 else k - 1
            band = QGraphicsRectItem(QRectF(left * COLUMN_GAP - RADIUS - 8, band_top,
                                            span * COLUMN_GAP + 2 * RADIUS + 16, band_height))
            band.setZValue(-2)
            band.setVisible(False)
            self._scene.addItem(band)
            if k == 0:
                self._all_band = band
            else:
                self._bands.append(band)
        self._band_caption = QGraphicsSimpleTextItem()
        self._band_caption.setVisible(False)
        self._scene.addItem(self._band_caption)
        for k in range(1, L + 1):
            for i in range(sizes[k - 1]):
                for j in range(sizes[k]):
                    self._add_link(f"w{k}", (i, j), node_pos(k - 1, i), node_pos(k, j))
        bias_nodes = []
        if self._has_bias:
            for k in range(1, L + 1):
                p = QPointF((k - 1) * COLUMN_GAP + COLUMN_GAP * 0.35, -ROW_GAP * 0.35)
                for j in range(sizes[k]):
                    self._add_link(f"b{k}", (j,), p, node_pos(k, j))
                bias_nodes.append(p)
        for k, size in enumerate(sizes):
            column = []
            for j in range(size):
                p = node_pos(k, j)
                node = QGraphicsEllipseItem(QRectF(p.x() - RADIUS, p.y() - RADIUS, 2 * RADIUS, 2 * RADIUS))
                node.setBrush(QBrush(QColor(250, 250, 250)))
                node.setPen(QPen(QColor(60, 60, 60), 1.5))
                node.setZValue(2)
                node.setToolTip(names[k][j])
                self._scene.addItem(node)
                self._label(names[k][j], p, 3)
                column.append(node)
            self._nodes.append(column)
            sym = layer_symbol(k, L)
            title = (self.tr("input {s}") if k == 0 else self.tr("output {s}") if k == L
                     else self.tr("hidden {s}")).format(s=sym)
            text = QGraphicsSimpleTextItem(title)
            text.setFont(header_font)
            br = text.boundingRect()
            text.setPos(k * COLUMN_GAP - br.width() / 2, height + RADIUS + 6 + (ROW_GAP / 2 if self._has_bias else 0))
            self._scene.addItem(text)
        for k, p in enumerate(bias_nodes, 1):
            box = QGraphicsRectItem(QRectF(p.x() - 11, p.y() - 11, 22, 22))
            box.setBrush(QBrush(QColor(235, 235, 235)))
            box.setPen(QPen(QColor(110, 110, 110), 1))
            box.setZValue(2)
            box.setToolTip(self.tr("bias of layer {k}: the constant input 1, weighted by b{k}").format(k=k))
            self._scene.addItem(box)
            self._label("1", p, 3)
        for k in range(1, L + 1):  # which matrix each gap holds
            text = QGraphicsSimpleTextItem(f"w{k}")
            text.setBrush(QBrush(QColor(110, 110, 110)))
            br = text.boundingRect()
            text.setPos((k - 0.5) * COLUMN_GAP - br.width() / 2, -RADIUS - 12 - br.height()
                        - (ROW_GAP * 0.45 if self._has_bias else 0))
            self._scene.addItem(text)
        # room below for the phase caption (hidden items do not count in itemsBoundingRect)
        self._scene.setSceneRect(self._scene.itemsBoundingRect().adjusted(-12, -12, 12, 34))
        self._restyle()
        self._fit()

    def _label(self, text: str, center: QPointF, z: float) -> None:
        item = QGraphicsSimpleTextItem(text)
        br = item.boundingRect()
        scale = min(1.0, (2 * RADIUS - 6) / max(br.width(), 1.0))  # "a1[0]" must fit in its circle
        item.setScale(scale)
        item.setPos(center.x() - scale * br.width() / 2, center.y() - scale * br.height() / 2)
        item.setZValue(z)
        item.setAcceptedMouseButtons(Qt.NoButton)
        self._scene.addItem(item)

    def _add_link(self, name: str, index: tuple, start: QPointF, end: QPointF) -> None:
        link = _Link(self, name, index, start, end)
        self._scene.addItem(link)
        self._links[(name, index)] = link

    def _fit(self) -> None:
        if not self._scene.items():
            return
        self._view.fitInView(self._scene.sceneRect(), Qt.KeepAspectRatio)

    # -- styling -----------------------------------------------------------------------------------
    def _dtype(self):
        for v in self._weights.values():
            return v.dtype
        return np.dtype(np.float32)

    @staticmethod
    def _value(values: dict | None, name: str, index: tuple):
        if not values or name not in values:
            return None
        try:
            return values[name][tuple(index)]
        except IndexError:
            return None

    def _restyle(self) -> None:
        source = self._weights if self._color_by == "weight" else (self._gradients or {})
        finite = [np.abs(v[np.isfinite(v)]).max() for v in source.values() if np.isfinite(v).any()]
        scale = float(max(finite)) if finite else 0.0
        for (name, index), link in self._links.items():
            v = self._value(source, name, index)
            if v is None or scale == 0:
                pen = QPen(QColor(190, 190, 190), 1.0, Qt.DashLine if v is None else Qt.SolidLine)
            else:
                v = float(v)
                t = min(abs(v) / scale, 1.0) if np.isfinite(v) else 1.0
                pen = QPen(diverging(v, scale), 0.8 + (MAX_WIDTH - 0.8) * t)
            pen.setCapStyle(Qt.RoundCap)
            if link is self._hovered:
                pen.setWidthF(pen.widthF() + 3)
            link.setPen(pen)
            link.setZValue(1.5 if link is self._hovered else 1)  # above the other links, below the nodes
        self._place_halo()

    def _update_legend(self) -> None:
        what = self.tr("weight") if self._color_by == "weight" else self.tr("gradient")
        self._legend.setText(self.tr(
            "<span style='color:{pos}'>■ positive</span> &nbsp; <span style='color:{neg}'>■ negative</span>"
            " &nbsp; thicker = larger |{what}|").format(pos=POSITIVE.name(), neg=NEGATIVE.name(), what=what))

    # -- hover -------------------------------------------------------------------------------------
    def _hover(self, link: _Link, screen_pos) -> None:
        changed = link is not self._hovered
        self._hovered = link
        self._hover_pos = screen_pos
        if changed:
            self._restyle()
            self._show_readout()
        QToolTip.showText(screen_pos, self.hover_text(link.name, link.index), self._view)

    def _unhover(self, link: _Link) -> None:
        if self._hovered is link:
            self._hovered = None
            self._hover_pos = None
            self._restyle()
            self._show_readout()
            QToolTip.hideText()

    def hovered(self) -> tuple[str, tuple] | None:
        return None if self._hovered is None else (self._hovered.name, self._hovered.index)

    def readout_text(self) -> str:
        return self._readout.text()

    def _show_readout(self) -> None:
        if self._hovered is None:
            self._readout.setText(self.tr("Hover over a link to read its weight; click it to change the weight."))
        else:
            text = self.hover_text(self._hovered.name, self._hovered.index).split("\n")
            self._readout.setText("   ".join(text[:3]))
