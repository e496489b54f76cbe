"""The GUI thread's side of training: owns the worker thread.

Everything the window does to training goes through here, one way: a change is sent to the
worker, which applies it to the run and publishes it in its next snapshot; every view renders
the snapshot.  The controller keeps no configuration of its own: `config` is the latest
snapshot's effective configuration, or a change sent and not yet applied by the worker.
Worker signals arrive in this object's slots (queued, so in the GUI thread) and are re-emitted
as this object's own signals, which tests can wait for safely.
"""
from __future__ import annotations

import atexit
import sys
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from bpviz.engine.config import RunConfig
from bpviz.engine.settings import LIVE_SETTINGS
from bpviz.engine.trainer import Trainer

from .training_worker import TrainingWorker
from .worker_protocol import (PAUSED, Call, Pause, Quit, ReplaceTrainer, RunToTarget, SetLearningRate, SetSpeed,
                              SetTarget, Snapshot, Start, Step, Toggle)

_LIVE_CONTROLLERS: weakref.WeakSet[TrainingController] = weakref.WeakSet()


@atexit.register
def _stop_all_workers() -> None:
    """A script that exits without closing its window must not die of "QThread: Destroyed while running"."""
    for controller in list(_LIVE_CONTROLLERS):
        controller.shutdown()


# While training runs in its thread, the GUI thread waits for the GIL at most this long whenever it needs it
# (Python's default is 5 ms): key presses and redraws stay prompt, and training loses nothing measurable.
SWITCH_INTERVAL = 0.001

# Fields a running trainer can take without starting over; everything else rebuilds it.
LIVE_FIELDS = LIVE_SETTINGS


def flat_fields(config: RunConfig) -> dict:
    """The configuration as one flat dict field -> value (field names are unique across sections)."""
    out = {}
    for section in config.to_dict().values():
        out.update(section)
    return out


def changed_fields(old: RunConfig, new: RunConfig) -> list[str]:
    a, b = flat_fields(old), flat_fields(new)
    return [name for name in a if a[name] != b[name]]


@dataclass(frozen=True)
class ConfigChange:
    fields: tuple[str, ...]  # the flat fields that changed
    reset: bool  # whether the network was rebuilt (back to step 0)
    from_step: int  # the step training was at before the change


class TrainingController(QObject):
    mode_changed = Signal(str)
    stepped = Signal(int)
    diverged = Signal(int, float, int)  # step, loss, kept step
    target_reached = Signal(int)
    trainer_replaced = Signal(int)
    failed = Signal(str)

    def __init__(self, config: RunConfig, parent: QObject | None = None):
        super().__init__(parent)
        self._requested: tuple[int, RunConfig] | None = None  # a change sent, and its command number
        self._mode = PAUSED
        self._generation = 0  # of the trainer last sent to the worker
        self._worker = TrainingWorker(Trainer(config))
        self._thread = QThread()
        self._thread.setObjectName("bpviz training")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run_loop)
        self._worker.finished.connect(self._thread.quit, Qt.DirectConnection)
        queued = Qt.QueuedConnection
        self._worker.mode_changed.connect(self._on_mode_changed, queued)
        self._worker.stepped.connect(self._on_stepped, queued)
        self._worker.diverged.connect(self._on_diverged, queued)
        self._worker.target_reached.connect(self._on_target_reached, queued)
        self._worker.trainer_replaced.connect(self._on_trainer_replaced, queued)
        self._worker.failed.connect(self._on_failed, queued)
        self._worker.called.connect(self._on_called, queued)
        self._calls: dict[int, tuple] = {}
        self._next_token = 0
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._running_thread = True
        if sys.getswitchinterval() > SWITCH_INTERVAL:
            sys.setswitchinterval(SWITCH_INTERVAL)
        self._thread.start()
        _LIVE_CONTROLLERS.add(self)

    # -- state ------------------------------------------------------------------------
    @property
    def config(self) -> RunConfig:
        """The run's effective configuration: the latest snapshot's, or a change on its way to the worker."""
        snap = self._worker.latest_snapshot()
        if self._requested is not None:
            number, config = self._requested
            if snap.commands_done < number:
                return config
            self._requested = None
        return snap.config

    def _request(self, config: RunConfig, number: int) -> None:
        self._requested = (number, config)

    @property
    def mode(self) -> str:
        return self._mode

    def is_running(self) -> bool:
        return self._mode != PAUSED

    def take_snapshot(self) -> Snapshot | None:
        return self._worker.take_snapshot()

    def latest_snapshot(self) -> Snapshot:
        return self._worker.latest_snapshot()

    # -- transport --------------------------------------------------------------------
    def start(self) -> None:
        self._worker.send(Start())

    def pause(self) -> None:
        self._worker.send(Pause())

    def toggle(self) -> None:
        self._worker.send(Toggle())

    def step(self, record=None, on_result=None) -> None:
        """One mini-batch.  `record(trainer)`, if given, makes the update instead of `run(1)` (the step
        inspector records it) and its result goes to `on_result` (None if the update diverged)."""
        if record is None:
            self._worker.send(Step())
            return
        self._next_token += 1
        self._calls[self._next_token] = (on_result, None, self._generation)
        self._worker.send(Step(self._next_token, record))

    def run_to_target(self) -> None:
        self._worker.send(RunToTarget())

    def reset(self) -> None:
        """Back to the initial weights of the run's configuration (paused, history cleared)."""
        self._replace_trainer(Trainer(self.config))

    def _replace_trainer(self, trainer: Trainer) -> None:
        self._generation += 1  # the worker counts the same way
        self._request(trainer.effective_config, self._worker.send(ReplaceTrainer(trainer)))

    def set_speed(self, steps_per_second: float | None) -> None:
        """None: as fast as possible."""
        self._worker.send(SetSpeed(steps_per_second))

    def call(self, fn, on_result=None, on_error=None, changes_state: bool = False,
             even_if_replaced: bool = False) -> None:
        """Run `fn(trainer)` in the worker thread between chunks; `on_result(result)` (or
        `on_error(text)`) then runs in the GUI thread.  Results for a trainer that has been
        replaced meanwhile are dropped unless `even_if_replaced` (a file write the user must
        hear about).  `changes_state`: fn edits the trainer (weights, rewind), so a fresh
        snapshot is published."""
        self._next_token += 1
        self._calls[self._next_token] = (on_result, on_error, None if even_if_replaced else self._generation)
        self._worker.send(Call(self._next_token, fn, changes_state))

    def replace_trainer(self, trainer: Trainer) -> None:
        """Continue from another trainer (an opened session) with its configuration."""
        self._replace_trainer(trainer)

    # -- configuration ------------------------------------------------------------------
    def apply_config(self, config: RunConfig, force_reset: bool = False) -> ConfigChange:
        """Make `config` the run configuration, all or nothing.

        A new learning rate or target step applies to the running trainer from its next
        update on; any other change builds a new trainer (step 0, paused).  Raises
        ConfigError or ValueError, with nothing changed, if no trainer can be built."""
        config.validate()
        fields = tuple(changed_fields(self.config, config))
        from_step = self.latest_snapshot().step
        reset = force_reset or not set(fields) <= LIVE_FIELDS
        if reset:
            self._replace_trainer(Trainer(config))  # may raise: then nothing has changed
        else:
            if "lr" in fields:
                self._request(config, self._worker.send(SetLearningRate(config.optimizer.lr)))
            if "steps" in fields:
                self._request(config, self._worker.send(SetTarget(config.schedule.steps)))
        return ConfigChange(fields, reset, from_step)

    # -- shutdown -----------------------------------------------------------------------
    @Slot()
    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop the worker and wait for its thread; safe to call more than once."""
        if not self._running_thread:
            return True
        self._running_thread = False
        self._worker.send(Quit())
        self._thread.quit()
        ok = self._thread.wait(timeout_ms)
        return bool(ok)

    # -- worker signals (queued into the GUI thread) ---------------------------------------
    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        self._mode = mode
        self.mode_changed.emit(mode)

    # Events about a trainer that has since been replaced (a reset or a new configuration was sent while the
    # event was on its way) are dropped: they would overwrite what the window says about the new one.
    @Slot(int, int)
    def _on_stepped(self, generation: int, step: int) -> None:
        if generation == self._generation:
            self.stepped.emit(step)

    @Slot(int, int, float, int)
    def _on_diverged(self, generation: int, step: int, loss: float, kept: int) -> None:
        if generation == self._generation:
            self.diverged.emit(step, loss, kept)

    @Slot(int, int)
    def _on_target_reached(self, generation: int, step: int) -> None:
        if generation == self._generation:
            self.target_reached.emit(step)

    @Slot(int)
    def _on_trainer_replaced(self, generation: int) -> None:
        self.trainer_replaced.emit(generation)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot(int, object, object)
    def _on_called(self, token: int, result, error) -> None:
        on_result, on_error, generation = self._calls.pop(token, (None, None, -1))
        if generation is not None and generation != self._generation:
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                self.failed.emit(error)
        elif on_result is not None:
            on_result(result)
