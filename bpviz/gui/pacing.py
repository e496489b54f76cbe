"""Which training steps are due when a run is paced at a chosen number of steps per second.

Qt-free, and the clock is a parameter: tests drive it with a clock of their own, so the arithmetic is checked
without waiting for real time to pass.
"""
from __future__ import annotations

import time
from collections.abc import Callable


class Pacer:
    """Step k (counting from 1) is due (k - 1) / rate seconds after the start: the first one at once.

    A run that fell far behind (a slow step, a busy machine, a pause) starts counting afresh instead of
    bursting to catch up.  `rate` None means unpaced: every step is due at once."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter):
        self._clock = clock
        self.rate: float | None = None
        self._t0 = 0.0
        self._done = 0

    def set_rate(self, rate: float | None) -> None:
        self.rate = rate
        self.restart()

    def restart(self) -> None:
        self._t0 = self._clock()
        self._done = 0

    def due(self) -> int | None:
        """How many steps are due now (None: unpaced, as many as wanted)."""
        if self.rate is None:
            return None
        due = int((self._clock() - self._t0) * self.rate) + 1 - self._done
        if due > max(2.0, self.rate * 0.25):
            self.restart()
            due = 1
        return max(0, due)

    def record(self, steps: int) -> None:
        """`steps` updates were made."""
        self._done += steps

    def seconds_to_next(self) -> float:
        """How long until the next step is due (0 when unpaced or already due), at most half a second so that
        a waiting worker still looks at its commands."""
        if self.rate is None:
            return 0.0
        next_at = self._t0 + self._done / self.rate
        return min(max(next_at - self._clock(), 0.0), 0.5)
