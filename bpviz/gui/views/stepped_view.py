"""A view box that follows its data in steps, so that its axes are re-ticked a few times per decade of a growing
history rather than every frame."""
from __future__ import annotations

import math

import pyqtgraph as pg

_GROW = 0.5  # a followed range that must grow grows by this much of its span more, so it changes rarely
_SHRINK = 0.4  # ... and shrinks only once the data fills less than this share of it
_ANCHOR_NEAR = 0.1  # data this close to the anchor (in spans) starts there (pyqtgraph pads by at most 10 %) ...
_ANCHOR_PAD = 0.05  # ... and the range reaches at least this far beyond the anchor


def stepped_range(current: tuple[float, float], wanted: tuple[float, float],
                  anchor: float | None = None) -> tuple[float, float]:
    """The range an axis that follows its data shows: `current` while it holds `wanted` and is not far too
    big for it; otherwise `wanted` with room to grow (_GROW of its span beyond each side that had to move).
    The range always includes `anchor` (step 0, loss 0 on a linear axis).  A growing curve so changes the
    range (and re-ticks the axis) a few times per decade instead of every frame."""
    c0, c1 = current
    w0, w1 = wanted
    if not (math.isfinite(w0) and math.isfinite(w1)) or w1 <= w0:
        return wanted
    if anchor is not None:
        w0, w1 = min(w0, anchor), max(w1, anchor)
    span = w1 - w0
    fits = c0 <= w0 and w1 <= c1
    if fits and span >= _SHRINK * (c1 - c0):
        return current
    room = _GROW * span
    if not fits and (w0 < c0 or w1 > c1) and span >= _SHRINK * (c1 - c0):  # grow the side(s) that must move
        lo = w0 - room if w0 < c0 else c0
        hi = w1 + room if w1 > c1 else c1
    else:  # starting over (or shrinking): a little room on both sides
        lo, hi = w0 - room / 5, w1 + room / 5
    if anchor is not None:
        # no room beyond the anchor (nothing is ever there) but pyqtgraph's padding, which grows with the data:
        # as much as it will be once the data fills the room on the other side.  (Padding for the data as it
        # was, the side at the anchor moved again for the padding alone at every other change of a growing
        # loss curve's range, 19 changes in its first 3 s instead of 9.)
        near = _ANCHOR_NEAR * span
        if anchor - near <= w0 <= anchor:
            lo = anchor - max(_ANCHOR_PAD * span, _padding_at(anchor - w0, w1 - anchor, hi - anchor))
        if anchor <= w1 <= anchor + near:
            hi = anchor + max(_ANCHOR_PAD * span, _padding_at(w1 - anchor, anchor - w0, anchor - lo))
    return lo, hi


def _padding_at(padding: float, extent: float, room: float) -> float:
    """The padding beside the anchor once the data, `extent` long now with `padding`, reaches `room`."""
    return padding / extent * room if extent > 0 else 0.0


class SteppedViewBox(pg.ViewBox):
    """pyqtgraph's auto-range, but in steps (`stepped_range`): the axes keep their cached ticks while a
    growing loss curve stays inside the range.  Only auto-range is stepped: "View all", zoom and pan are
    exact."""

    nonnegative_y = True  # linear loss axis: include 0

    def itemBoundsChanged(self, item) -> None:
        # pyqtgraph repaints the whole box here so that its next paint follows the data: a growing curve's
        # end then repainted the whole plot every frame.  The item that changed repaints its own part, and
        # the scene's prepareForPaint follows the data before that paint.
        self._itemBoundsCache.pop(item, None)
        if any(self.state["autoRange"]):
            self._autoRangeNeedsUpdate = True

    def setRange(self, rect=None, xRange=None, yRange=None, *args, disableAutoRange=True, **kwargs):
        if not disableAutoRange:  # pyqtgraph's updateAutoRange following the data
            (x0, x1), (y0, y1) = self.viewRange()
            if xRange is not None:
                xRange = stepped_range((x0, x1), tuple(xRange), anchor=0.0)
            if yRange is not None:
                yRange = stepped_range((y0, y1), tuple(yRange), anchor=self._y_anchor())
        return super().setRange(rect, xRange, yRange, *args, disableAutoRange=disableAutoRange, **kwargs)

    def _y_anchor(self) -> float | None:
        return 0.0 if self.nonnegative_y else None

    def updateAutoRange(self) -> None:
        # pyqtgraph's asks every item for its bounds twice (~0.4 ms a frame of Python), and then, for a curve
        # that grew inside the range shown, changes nothing: that case is told apart from the items' own
        # (cached) bounds first
        if self._holds_the_data():
            self._autoRangeNeedsUpdate = False
            return
        super().updateAutoRange()

    def _holds_the_data(self) -> bool:
        """True when updateAutoRange would keep the range: the same computation (`_wanted`, x first, then y
        over that x range, and `stepped_range`).  False whenever in doubt."""
        state = self.state
        if self._updatingRange or not all(v is not False and v == 1.0 for v in state["autoRange"]) \
                or any(state["autoPan"]) or list(state["autoVisibleOnly"]) != [False, True]:
            return False
        (x0, x1), (y0, y1) = self.viewRange()
        wanted_x = self._wanted(0, None)
        if wanted_x is None or stepped_range((x0, x1), wanted_x, 0.0) != (x0, x1):
            return False
        wanted_y = self._wanted(1, wanted_x)
        return wanted_y is not None and stepped_range((y0, y1), wanted_y, self._y_anchor()) == (y0, y1)

    def _wanted(self, ax: int, ortho) -> tuple[float, float] | None:
        """The range pyqtgraph's updateAutoRange asks for on one axis (childrenBounds, then the padding), for
        items that are untransformed PlotDataItems; None for anything else."""
        spans = []
        for item in self.addedItems:
            if not item.isVisible() or item.scene() is not self.scene():
                continue
            if not isinstance(item, pg.PlotDataItem) or not item.transform().isIdentity():
                return None
            lo, hi = item.dataBounds(ax, orthoRange=ortho)
            if lo is not None and math.isfinite(lo) and math.isfinite(hi):
                spans.append((lo, hi, item.pixelPadding()))
        if not spans:
            return None
        lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
        size = self.width() if ax == 0 else self.height()
        if size > 0:  # pens and markers reach beyond their points by a few pixels
            px = (hi - lo) / size
            lo, hi = min(lo, *(s[0] - s[2] * px for s in spans)), max(hi, *(s[1] + s[2] * px for s in spans))
        pad = self.suggestPadding(ax) * (hi - lo)
        return lo - pad, hi + pad
