"""Drives a `MultiTrainer` for the Compare window: Start/Pause/Step/Reset move every run together.

Runs in the GUI thread in short slices (a timer, a few milliseconds of training per slice, the slice
size adapting to what a step costs), so the window stays responsive and the views read the one
`MultiTrainer` they are drawn from, never a copy.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from bpviz.engine.config import RunConfig
from bpviz.engine.multi_trainer import MultiTrainer

SLICE_S = 0.015  # training per timer slice: short enough for the window to stay responsive
MAX_SLICE_STEPS = 4096


class CompareRunner(QObject):
    advanced = Signal(int)  # the step every run is at
    run_diverged = Signal(int, int)  # run, step
    mode_changed = Signal(str)  # "running" or "paused"
    replaced = Signal()  # a new set of runs (or a reset): views rebuild

    def __init__(self, configs: list[RunConfig], labels: list[str], varied: list[str], parent=None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._slice_steps = 8
        self.set_runs(configs, labels, varied)

    def set_runs(self, configs: list[RunConfig], labels: list[str], varied: list[str]) -> None:
        self.pause()
        self.configs, self.labels, self.varied = list(configs), list(labels), list(varied)
        self.multi = MultiTrainer(self.configs)
        self.target = self.configs[0].schedule.steps
        self._reported: set[int] = set()
        self.replaced.emit()
        self.advanced.emit(0)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        if not self.running and self.multi.step < self.target and self.multi.n_alive:
            self._timer.start()
            self.mode_changed.emit("running")

    def pause(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.mode_changed.emit("paused")

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def step(self) -> None:
        """Exactly one update of every run still going (while paused)."""
        self.pause()
        self._advance(1)

    def reset(self) -> None:
        self.set_runs(self.configs, self.labels, self.varied)

    def _slice(self) -> None:
        t0 = time.perf_counter()
        self._advance(min(self._slice_steps, self.target - self.multi.step))
        elapsed = time.perf_counter() - t0
        if elapsed < SLICE_S / 2:
            self._slice_steps = min(MAX_SLICE_STEPS, self._slice_steps * 2)
        elif elapsed > SLICE_S * 2:
            self._slice_steps = max(1, self._slice_steps // 2)
        if self.multi.step >= self.target or not self.multi.n_alive:
            self.pause()

    def _advance(self, n: int) -> None:
        if n <= 0 or not self.multi.n_alive:
            return
        self.multi.run(n)
        for k in range(len(self.multi)):
            if k not in self._reported and self.multi.diverged_at(k) is not None:
                self._reported.add(k)
                self.run_diverged.emit(k, self.multi.diverged_at(k))
        self.advanced.emit(self.multi.step)
