"""Display-rate plumbing: redraw a view only when its data changed, and never so often that it hogs the GUI."""
from __future__ import annotations

import time
from collections.abc import Callable

DISPLAY_INTERVAL_MS = 16  # ~60 Hz
MAX_BUDGET_WAIT = 1.0  # s: however slow its updates, a view shows the latest snapshot at least this often


class ThrottledUpdate:
    """Runs `update(*args)` when marked dirty, at most every `min_interval` seconds, and (when the update
    itself is slow, e.g. a long loss curve) rarely enough that it takes at most `budget` of the time."""

    def __init__(self, update: Callable, min_interval: float = DISPLAY_INTERVAL_MS / 1000, budget: float = 0.4,
                 shown: Callable[[], bool] = lambda: True):
        self._update = update
        self._shown = shown  # a view nobody can see waits, still marked, until it is shown again
        self.min_interval = min_interval
        self.budget = budget
        self.pending = False
        self.last_run = float("-inf")
        self.cost = 0.0  # smoothed seconds per update
        self.count = 0

    def mark(self) -> None:
        self.pending = True

    def due(self, now: float) -> bool:
        wait = max(self.min_interval * 0.9, min(self.cost / self.budget, MAX_BUDGET_WAIT))
        return self.pending and now - self.last_run >= wait and self._shown()

    def run(self, *args) -> None:
        # CPU time of this thread: waiting for the GIL while training runs is not the view's cost
        t0 = time.thread_time()
        self.pending = False
        self._update(*args)
        cost = time.thread_time() - t0
        if self.count:  # the first update builds the view's items (0.3 s for the heatmaps): not its usual cost
            self.cost = cost if self.count == 1 else 0.8 * self.cost + 0.2 * cost
        self.count += 1


def cache_axes(root) -> int:
    """Let every pyqtgraph axis, legend and title under `root` repaint from a cached pixmap while unchanged.

    Axes draw their text through a QPicture that is replayed at every repaint of the plot, which is most
    of a frame's cost when plots update 60 times a second; an axis whose range did not change (the
    decision boundary's, a heatmap's) then costs a blit.  Returns how many items were switched."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

    _CACHED = (pg.AxisItem, pg.LegendItem, pg.LabelItem)  # legends and titles change even more rarely
    n = 0
    for view in root.findChildren(QGraphicsView):
        for item in view.items():
            if isinstance(item, _CACHED) and item.cacheMode() != QGraphicsItem.DeviceCoordinateCache:
                item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)
                n += 1
    return n


def configure_pyqtgraph() -> None:
    """Light plots that match the Qt widgets around them; call before any plot is created."""
    import pyqtgraph as pg

    pg.setConfigOptions(background="w", foreground="#333333", useOpenGL=False)


class FrameGovernor:
    """Bounds the GUI thread's share of the one Python interpreter while training runs flat out.

    Training and drawing take turns holding the GIL, so every millisecond spent drawing is a millisecond
    not spent training.  While training is unthrottled, the display interval is stretched so that drawing
    takes about `share` of the time: on a fast machine frames still come every `min_interval_ms`; where a
    frame costs more (a busy machine, a big window, many docks) they come less often, never below ~10 a
    second, rather than starve training.  When training is paused or paced, frames come every
    `min_interval_ms`."""

    def __init__(self, min_interval_ms: int = DISPLAY_INTERVAL_MS, max_interval_ms: int = 100,
                 share: float = 0.3, period: float = 0.5):
        self.min_interval_ms = min_interval_ms
        self.max_interval_ms = max_interval_ms
        self.share = share
        self.period = period
        self.interval_ms = min_interval_ms
        self._t0 = time.perf_counter()
        self._cpu0 = time.thread_time()
        self._frames0 = 0

    def interval(self, frames: int, flat_out: bool) -> int:
        """The display interval to use now; `frames` counts display updates so far (monotonic)."""
        if not flat_out:
            self.interval_ms = self.min_interval_ms
            self._restart(frames)
            return self.interval_ms
        now = time.perf_counter()
        if now - self._t0 >= self.period:
            drawn = frames - self._frames0
            if drawn > 0:
                cost_ms = (time.thread_time() - self._cpu0) / drawn * 1000
                wanted = cost_ms / self.share
                self.interval_ms = int(min(max(wanted, self.min_interval_ms), self.max_interval_ms))
            self._restart(frames)
        return self.interval_ms

    def _restart(self, frames: int) -> None:
        self._t0 = time.perf_counter()
        self._cpu0 = time.thread_time()
        self._frames0 = frames
