"""What the window tells the user about the run: the message on the left of the status bar, the progress
(step / target, loss, rate, learning rate) on its right, and the banner for what must not be missed
(a divergence, an error on the training thread).  Everything comes from the controller's signals and the
worker's snapshots; the target shown is always the snapshot's own.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Slot

from bpviz.engine.insights import smaller_lr

from .error_log import log_file
from .status_bar import ERROR, SUCCESS, WARNING, RateMeter, format_loss
from .training_controller import ConfigChange
from .worker_protocol import PAUSED, TO_TARGET, Snapshot

STATUS_INTERVAL = 0.1  # s: the numbers in the status bar, while training runs (readable, and cheap)
MAX_MARKED_STEPS = 20_000


class StatusReporter(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.controller = c = window.controller
        self.status = window.status
        self.banner = window.banner
        self._rate = RateMeter()
        self._pending = False
        self._shown_at = 0.0
        self._marked = (None, None)
        self._running_message: Callable[[], str] = str
        self.suggested_lr = 0.001
        c.mode_changed.connect(self._on_mode_changed)
        c.stepped.connect(self._on_stepped)
        c.diverged.connect(self._on_diverged)
        c.target_reached.connect(self._on_target_reached)
        c.failed.connect(self._on_failed)
        c.trainer_replaced.connect(self._on_trainer_replaced)

    # -- progress (from the live view's ticks) ---------------------------------------------------------
    def new_run(self) -> None:
        self._rate.reset()
        self._marked = (None, None)

    def snapshot_arrived(self, snap: Snapshot) -> None:
        self._rate.add(snap.time, snap.step)
        self._pending = True

    def show_progress_if_due(self, snap: Snapshot, now: float) -> None:
        """Numbers that change every frame are unreadable anyway: while running, refresh them 10 times a second."""
        running = snap.mode != PAUSED
        if (self._pending and (not running or now - self._shown_at >= STATUS_INTERVAL)) \
                or (running and now - snap.time > 1.0):  # running, nothing new: the rate is falling
            self._pending = False
            self._shown_at = now
            self._show_progress(snap)

    def _show_progress(self, snap: Snapshot) -> None:
        n = snap.step
        loss = float(snap.batch_losses[n - 1]) if n > 0 else None
        rate = self._rate.rate() if snap.mode != PAUSED else None
        self.status.show_progress(n, snap.target, loss, snap.lr, rate)
        self.status.show_accuracy(snap.accuracy)
        marked = (snap.target, snap.log_every)
        if marked != self._marked:
            self._marked = marked
            self.window.loss_plot.set_marked_steps(print_points(snap.target, snap.log_every))

    # -- messages ----------------------------------------------------------------------------------------
    def set_running_message(self, text: Callable[[], str]) -> None:
        """What the status bar says while the run goes on (a function that words it in the current language)."""
        self._running_message = text
        self.status.set_message(text)

    def config_changed(self, change: ConfigChange, config) -> None:
        fields = [f for f in change.fields if f != "decay_on"]

        def labels() -> str:
            return ", ".join(self.window.panel.field_label(f) for f in fields)

        if change.reset:
            if change.from_step > 0:
                self.status.set_message(lambda: self.tr("Changed {fields}: the network starts again at step 0 "
                                                        "(the run so far was discarded)").format(fields=labels()),
                                        WARNING)
            else:
                self.status.set_message(
                    lambda: self.tr("Changed {fields}: new network at step 0").format(fields=labels()))
        elif "lr" in change.fields:
            lr = repr(config.optimizer.lr)
            self.status.set_message(
                lambda: self.tr("Learning rate is now {lr} from the next step on, without a reset").format(lr=lr))
        elif "steps" in change.fields:
            target = f"{config.schedule.steps:,}"
            self.status.set_message(lambda: self.tr("Target is now step {target}").format(target=target))

    @Slot(str)
    def _on_mode_changed(self, mode: str) -> None:
        if mode != PAUSED:
            self.banner.hide()
            if mode != TO_TARGET:
                self.set_running_message(lambda: self.tr("Training…"))
        elif self.status.message() == self._running_message():
            # only replace our own "Training…": a pause caused by a reset or a new configuration keeps the
            # message that explains it, and divergence / target reached say more than "paused"
            step = f"{self.controller.latest_snapshot().step:,}"
            self.status.set_message(lambda: self.tr("Paused at step {step}").format(step=step))

    @Slot(int)
    def _on_stepped(self, step: int) -> None:
        snap = self.controller.latest_snapshot()
        batch = snap.last_batch if snap.step == step else None
        if batch is not None and len(batch):
            first, last = int(batch[0]), int(batch[-1])
            self.status.set_message(lambda: self.tr("Step {step}: one update on samples {first}–{last} "
                                                    "(highlighted)").format(step=f"{step:,}", first=first, last=last))

    @Slot(int, float, int)
    def _on_diverged(self, step: int, loss: float, kept: int) -> None:
        lr = self.controller.config.optimizer.lr
        self.suggested_lr = smaller_lr(lr)
        self.status.set_message(lambda: self.tr(
            "Diverged at step {step} (loss {loss}): paused with the last finite weights — try a smaller "
            "learning rate").format(step=f"{step:,}", loss=format_loss(loss)), ERROR)
        self.banner.show_message(
            self.tr("Training diverged at step {step}: the loss became {loss}. Training paused and kept the "
                    "last finite weights (those after {kept} steps). Try a smaller learning rate than {lr}, "
                    "then Reset (Ctrl+R).").format(step=f"{step:,}", loss=format_loss(loss), kept=f"{kept:,}",
                                                    lr=repr(lr)),
            self.tr("Use lr {lr} and reset").format(lr=repr(self.suggested_lr)))

    @Slot(int)
    def _on_trainer_replaced(self, generation: int) -> None:
        self.banner.hide()

    @Slot(int)
    def _on_target_reached(self, step: int) -> None:
        snap = self.controller.latest_snapshot()
        if step > snap.target:
            target = f"{snap.target:,}"
            self.status.set_message(lambda: self.tr("Already past the target ({target} steps); raise “Target "
                                                    "steps” to train further").format(target=target), WARNING)
            return
        if snap.logged_losses.size:
            at, loss = f"{int(snap.logged_steps[-1]):,}", format_loss(snap.logged_losses[-1])
            self.status.set_message(lambda: self.tr("Reached the target: {step} steps; loss on all data at step "
                                                    "{at}: {loss}").format(step=f"{step:,}", at=at, loss=loss),
                                    SUCCESS)
        else:
            self.status.set_message(lambda: self.tr("Reached the target: {step} steps").format(step=f"{step:,}"),
                                    SUCCESS)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        """An unexpected error on the training thread (already logged with its traceback): say so where it
        cannot be missed; training is paused and the window keeps working."""
        self.status.set_message(lambda: self.tr("Training stopped by an error: {message}").format(message=message),
                                ERROR)
        path = log_file()
        details = self.tr(" The details are in {path}.").format(path=str(path)) if path is not None else ""
        self.banner.show_message(self.tr("Training stopped by an unexpected error: {message}. Training is paused; "
                                         "you can go on, reset or save.").format(message=message) + details)


def print_points(target: int, log_every: int, most: int = MAX_MARKED_STEPS) -> np.ndarray:
    """The steps the tutorial prints at (multiples of log_every below target), thinned to at most `most`:
    a target of 10⁹ with log_every 1 must not build a 10⁹-element array."""
    every = log_every * max(1, -(-target // (log_every * most)))
    return np.arange(0, target, every)
