"""The run's timeline: the future kept after going back, its replay, and where the run branched off it.

Going back to an earlier step keeps the *old future*: its batch losses and the edits made in it.
Training forward from there — by any means: a single step, a free run, a run to the target, a seek —
replays it, re-applying the old edits at their steps, so the same numbers come back bit for bit.  Once
the new history differs from the old future (the user edits something, or a loss comes out different),
the run has *branched* at that step: the old future is kept only as a record of what was abandoned and
is no longer replayed.

`Trainer` owns one `Timeline` and consults it while it trains; views read `TimelineView`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class TimelineView:
    """What a view may know about the timeline at one moment; never changes once made."""

    step: int  # the step the run is at
    future_losses: np.ndarray | None  # batch losses of the kept (or abandoned) future, steps 0 .. len-1
    branched_at: int | None  # where the run left the old future, if it did

    @property
    def replayable(self) -> bool:
        """Whether training forward reproduces the old future."""
        return self.future_losses is not None and self.branched_at is None

    @property
    def reach(self) -> int:
        """The furthest step a seek can go to without training anything new."""
        if self.replayable:
            return max(self.step, len(self.future_losses))
        return self.step


class Timeline:
    """The old future of one run (see the module docstring)."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self._losses: np.ndarray | None = None
        self._edits: list = []
        self.branched_at: int | None = None

    @property
    def replayable(self) -> bool:
        return self._losses is not None and self.branched_at is None

    def keep(self, losses: np.ndarray, edits: list, target: int) -> None:
        """Before going back from the end of `losses` to `target`: keep what lies past `target`.

        Going back again inside a future still being replayed keeps that (longer) future."""
        if self.replayable and len(self._losses) >= len(losses):
            return
        self._losses = np.array(losses, np.float32)  # a copy: the history's storage is reused
        self._edits = [e for e in edits if e.step > target]
        self.branched_at = None

    def due_edits(self, step: int) -> list:
        """The old future's edits to re-apply on arriving at `step`."""
        if not self.replayable:
            return []
        return [e for e in self._edits if e.step == step]

    def next_edit_step(self, after: int) -> int | None:
        """The first step past `after` with an edit to replay, if any."""
        if not self.replayable:
            return None
        return min((e.step for e in self._edits if e.step > after), default=None)

    def edited(self, step: int) -> None:
        """The user changed something at `step`: inside a replayable future, that is a branch."""
        if self.replayable and step < len(self._losses):
            self._branch(step)

    def observe(self, losses: np.ndarray, first: int, step: int) -> None:
        """Compare the losses of steps first .. step-1 with the old future's; forget a future fully replayed."""
        if not self.replayable:
            return
        end = min(step, len(self._losses))
        if first < end:
            differ = np.flatnonzero(losses[first:end] != self._losses[first:end])
            if len(differ):
                self._branch(first + int(differ[0]))
                return
        if step >= len(self._losses):
            self.clear()

    def view(self, step: int) -> TimelineView:
        return TimelineView(step, self._losses, self.branched_at)

    def _branch(self, step: int) -> None:
        self.branched_at = step
        self._edits = []
