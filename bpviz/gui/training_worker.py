"""The training thread: the only code that touches a `Trainer` while the app runs.

The GUI sends typed commands (`worker_protocol`) through a thread-safe queue that the worker
drains between chunks of steps.  The worker never emits a signal per step: after each chunk it
publishes a `Snapshot` under a lock and raises a payload-free "dirty" flag; the GUI takes the
latest snapshot at display rate.  Signals are emitted only for rare events (mode changes,
divergence, target reached, a step done, an error) and are delivered to the GUI thread by
queued connections.  An unexpected error is logged with its traceback and reported; the
worker lives on, paused.
"""
from __future__ import annotations

import itertools
import logging
import math
import queue
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from bpviz.engine.trainer import Diverged, Trainer

from .pacing import Pacer
from .worker_protocol import (PAUSED, RUNNING, TO_TARGET, Call, Command, Pause, Quit, ReplaceTrainer, RunToTarget,
                              SetLearningRate, SetSpeed, SetTarget, Snapshot, Start, Step, Toggle)

log = logging.getLogger(__name__)

MAX_CHUNK = 512  # steps between two looks at the command queue at full speed (~2 ms)
PUBLISH_INTERVAL = 1 / 120  # at most this often a snapshot at full speed (the GUI shows ~60 Hz)


class _LoggedSeries:
    """The trainer's logged full-data losses as growing arrays, extended incrementally.

    Published views stay valid: values are only ever appended; a truncation (divergence
    rewind) starts new arrays instead of overwriting old ones."""

    def __init__(self):
        self.steps = np.empty(64, np.int64)
        self.losses = np.empty(64, np.float32)
        self.test_losses = np.empty(64, np.float32)  # NaN where there is none (no test split)
        # shares of the points classified right, NaN where there is none (a regression, no test split); float32
        # as the losses: they are drawn and printed to 0.1 %, and the memory a run grows by stays the history's
        self.accuracy = np.empty(64, np.float32)
        self.test_accuracy = np.empty(64, np.float32)
        self.n = 0
        self.scanned = 0  # every logged step below this has been collected

    def update(self, trainer: Trainer) -> None:
        logged, every, step = trainer.history.logged, trainer.log_every, trainer.step
        tested = trainer.history.test_logged
        accuracies = trainer.history.accuracy_logged
        if self.n and self.steps[self.n - 1] >= step:  # the trainer went back: start afresh
            self.__init__()
        self.scanned = min(self.scanned, step)
        if step <= self.scanned:
            return
        first = -(-self.scanned // every) * every
        for s in range(first, step, every):
            value = logged.get(s)
            if value is None:
                continue
            if self.n == self.steps.shape[0]:
                for name in ("steps", "losses", "test_losses", "accuracy", "test_accuracy"):
                    array = getattr(self, name)
                    setattr(self, name, np.concatenate([array, np.empty_like(array)]))
            self.steps[self.n] = s
            self.losses[self.n] = value
            self.test_losses[self.n] = tested.get(s, np.nan)
            train, test = accuracies.get(s, (None, None))
            self.accuracy[self.n] = np.nan if train is None else train
            self.test_accuracy[self.n] = np.nan if test is None else test
            self.n += 1
        self.scanned = step

    def views(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self.steps[: self.n], self.losses[: self.n], self.test_losses[: self.n]

    def accuracy_views(self) -> tuple[np.ndarray, np.ndarray]:
        return self.accuracy[: self.n], self.test_accuracy[: self.n]


class TrainingWorker(QObject):
    """Lives in its own QThread; `run_loop` is started by the thread's `started` signal."""

    mode_changed = Signal(str)  # PAUSED, RUNNING, TO_TARGET
    # events carry the generation of the trainer they happened to, so that the GUI can drop stale ones
    stepped = Signal(int, int)  # generation, the new step (a single Step command was done)
    diverged = Signal(int, int, float, int)  # generation, step, loss, kept_step
    target_reached = Signal(int, int)  # generation, step
    trainer_replaced = Signal(int)  # generation
    failed = Signal(str)  # an unexpected exception, logged with its traceback (the worker keeps going, paused)
    called = Signal(int, object, object)  # token, result, error text (None on success) of a "call"
    finished = Signal()

    def __init__(self, trainer: Trainer):
        super().__init__()
        self._commands: queue.SimpleQueue[tuple[int, Command]] = queue.SimpleQueue()
        self._sent = itertools.count(1)
        self._done = 0  # commands handled
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._dirty = False
        self._quit = False
        self._serial = 0
        self._generation = 0
        self._trainer = trainer
        self._logged = _LoggedSeries()
        self._mode = PAUSED
        self._pacer = Pacer()  # steps per second; unpaced: as fast as possible
        self._last_publish = 0.0
        self._publish()

    # -- called from the GUI thread ------------------------------------------------
    def send(self, command: Command) -> int:
        """Queue a command; thread-safe.  Returns its number: snapshots with `commands_done` at least
        this number show its effect."""
        number = next(self._sent)
        self._commands.put((number, command))
        return number

    def take_snapshot(self) -> Snapshot | None:
        """The latest snapshot if it changed since the last call, else None; thread-safe."""
        with self._lock:
            if not self._dirty:
                return None
            self._dirty = False
            return self._snapshot

    def latest_snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    # -- the worker thread -------------------------------------------------------------
    @Slot()
    def run_loop(self) -> None:
        try:
            while not self._quit:
                try:
                    self._iterate()
                except Exception as exc:  # noqa: BLE001 - the GUI must learn of it, the thread must live
                    log.exception("training stopped by an error at step %d", self._trainer.step)
                    self._set_mode(PAUSED)
                    self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()

    def _iterate(self) -> None:
        """Handle commands, then train the steps now due (or wait for the next one, or for a command)."""
        if self._mode == PAUSED:
            self._handle(*self._commands.get())
            return
        while not self._commands.empty():
            self._handle(*self._commands.get_nowait())
        if self._quit or self._mode == PAUSED:
            return
        n = self._steps_due()
        if self._mode == PAUSED:  # the target was reached (or lowered below the current step)
            return
        if n == 0:
            try:
                self._handle(*self._commands.get(timeout=self._pacer.seconds_to_next()))
            except queue.Empty:
                pass
            return
        self._train(n)

    def _steps_due(self) -> int:
        step = self._trainer.step
        if self._mode == TO_TARGET:
            left = self._trainer.config.schedule.steps - step
            if left <= 0:
                self._reached_target()
                return 0
        else:
            left = MAX_CHUNK
        due = self._pacer.due()
        return max(0, min(left, MAX_CHUNK if due is None else due, MAX_CHUNK))

    def _train(self, n: int, make_update=None):
        """n updates (or `make_update(trainer)`, which makes one: the inspector's recorded step);
        returns make_update's result, None on divergence."""
        trainer = self._trainer
        before = trainer.step
        try:
            result = make_update(trainer) if make_update else trainer.run(n, stop=self._should_stop)
        except Diverged as exc:
            self._pacer.record(max(trainer.step - before, 0))
            self._set_mode(PAUSED)
            self.diverged.emit(self._generation, exc.step, float(exc.loss), exc.kept_step)
            return None
        self._pacer.record(trainer.step - before)
        if self._mode == TO_TARGET and trainer.step >= self._trainer.config.schedule.steps:
            self._reached_target()
        elif self._pacer.rate is not None and self._pacer.rate <= 240:
            self._publish()  # slow enough to show every step
        elif time.perf_counter() - self._last_publish >= PUBLISH_INTERVAL:
            self._publish()
        return result

    def _should_stop(self) -> bool:
        return self._quit

    def _reached_target(self) -> None:
        self._set_mode(PAUSED)
        self.target_reached.emit(self._generation, self._trainer.step)

    def _set_mode(self, mode: str) -> None:
        """Switch mode and publish (so that the snapshot is current when the GUI hears of the change)."""
        changed = mode != self._mode
        self._mode = mode
        if changed and mode != PAUSED:
            self._pacer.restart()
        self._publish()
        if changed:
            self.mode_changed.emit(mode)

    def _handle(self, number: int, command: Command) -> None:
        self._done = number
        if isinstance(command, Quit):
            self._quit = True
        elif isinstance(command, Start):
            self._set_mode(RUNNING)
        elif isinstance(command, Pause):
            self._set_mode(PAUSED)
        elif isinstance(command, Toggle):
            self._set_mode(PAUSED if self._mode != PAUSED else RUNNING)
        elif isinstance(command, RunToTarget):
            if self._trainer.step >= self._trainer.config.schedule.steps:
                self._reached_target()
            else:
                self._set_mode(TO_TARGET)
        elif isinstance(command, Step):
            self._step(command)
        elif isinstance(command, SetLearningRate):
            self._trainer.set_lr(command.lr)
            self._publish()
        elif isinstance(command, SetTarget):
            self._trainer.set_schedule(steps=int(command.steps))  # sessions and exported scripts see it too
            self._publish()
        elif isinstance(command, SetSpeed):
            self._pacer.set_rate(command.steps_per_second)
        elif isinstance(command, Call):
            self._call(command)
        elif isinstance(command, ReplaceTrainer):
            self._trainer = command.trainer
            self._generation += 1
            self._logged = _LoggedSeries()
            self._set_mode(PAUSED)
            self.trainer_replaced.emit(self._generation)
        else:  # pragma: no cover - a programming error in the GUI
            raise TypeError(f"unknown command {command!r}")

    def _step(self, command: Step) -> None:
        if self._mode != PAUSED:
            self._set_mode(PAUSED)
        before = self._trainer.step
        result = self._train(1, command.record)
        self._publish()
        if command.token is not None:
            self.called.emit(command.token, result, None)
        if self._trainer.step > before:
            self.stepped.emit(self._generation, self._trainer.step)

    def _call(self, command: Call) -> None:
        """Run a function on the trainer in this thread, between chunks (inspector, exports, edits)."""
        try:
            result, error = command.fn(self._trainer), None
        except Exception as exc:  # noqa: BLE001 - reported to the caller, the thread lives on
            log.info("a call on the training thread failed", exc_info=True)  # the log file keeps the traceback
            result, error = None, str(exc) or type(exc).__name__
        if command.changes_state:
            self._publish()
        self.called.emit(command.token, result, error)

    def _publish(self) -> None:
        trainer = self._trainer
        params = trainer.params.copy()
        self._logged.update(trainer)
        steps, losses, test_losses = self._logged.views()
        logged_accuracy, logged_test_accuracy = self._logged.accuracy_views()
        accuracy = trainer.history.accuracy_logged
        last_accuracy = None
        if len(steps) and int(steps[-1]) in accuracy:
            last_accuracy = (int(steps[-1]), *accuracy[int(steps[-1])])
        step = trainer.step
        now = time.perf_counter()
        snapshot = Snapshot(
            serial=self._serial + 1,
            generation=self._generation,
            commands_done=self._done,
            config=trainer.effective_config,
            edits=tuple(trainer.edits),
            step=step,
            mode=self._mode,
            params=params,
            weights=trainer.net.views(params),  # views of this snapshot's own copy
            batch_losses=trainer.history.batch_losses(),
            logged_steps=steps,
            logged_losses=losses,
            logged_test_losses=test_losses,
            logged_accuracy=logged_accuracy,
            logged_test_accuracy=logged_test_accuracy,
            accuracy=last_accuracy,
            last_batch=trainer.batch_indices(step - 1) if step > 0 else None,
            lr=_finite_or_nan(trainer.current_lr()),
            timeline=trainer.timeline.view(step),
            dataset=trainer.dataset,
            sizes=tuple(trainer.net.sizes),
            time=now,
            _net=trainer.net,
        )
        with self._lock:
            self._serial += 1
            self._snapshot = snapshot
            self._dirty = True
        self._last_publish = now


def _finite_or_nan(value: float) -> float:
    return value if math.isfinite(value) else float("nan")
