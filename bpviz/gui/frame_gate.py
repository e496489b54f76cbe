"""Draw a frame while the training thread waits, instead of passing the GIL back and forth.

Painting a frame crosses between Python and Qt's C++ hundreds of times; each crossing releases the GIL and
takes it back.  With training running in the other thread, every take-back waits for that thread to let go
and for the OS to wake this one: on a busy 2-core machine that turned 20 ms of drawing into ~300 ms, and the
event loop stood still meanwhile.  So the GUI thread asks the training thread to park at its next
chunk boundary (every 256 steps, a few ms), draws the whole frame alone, and lets it go on.  Frames are paced
(display.FrameGovernor), so training keeps most of the time; it never loses a step, only waits.
"""
from __future__ import annotations

import threading

PARK_TIMEOUT = 0.25  # s: the training thread never waits longer than this for a frame to finish


class FrameGate:
    def __init__(self):
        self._cond = threading.Condition()
        self._held = False
        self._parked = False
        self.holds = 0  # frames drawn with the training thread parked (for tests and the benchmark)

    # -- the GUI thread ------------------------------------------------------------------------------------
    def hold(self, timeout: float) -> bool:
        """Ask the training thread to park; wait (GIL released) up to `timeout` s until it has.
        True if it parked. Always pair with release()."""
        with self._cond:
            self._held = True
            parked = self._cond.wait_for(lambda: self._parked, timeout)
            self.holds += parked
            return parked

    def release(self) -> None:
        with self._cond:
            self._held = False
            self._cond.notify_all()

    # -- the training thread -------------------------------------------------------------------------------
    def checkpoint(self) -> None:
        """Called between chunks of steps: parks while a frame is being drawn."""
        if not self._held:  # the usual case, without taking the lock
            return
        with self._cond:
            self._parked = True
            self._cond.notify_all()
            self._cond.wait_for(lambda: not self._held, PARK_TIMEOUT)
            self._parked = False
