"""What the GUI thread and the training thread say to each other: typed commands one way, snapshots the other.

Commands are small frozen dataclasses put on the worker's queue; the worker handles them in order and
counts them, and every snapshot says how many it has handled (`commands_done`), so the GUI knows when
a change it asked for has reached the run.  A `Snapshot` is a read-only picture of the run: the
*effective* configuration (current base rate, target), the step, copies of the weights, the loss
histories, the dataset, the timeline and a prediction function; never the live `Trainer`.
"""
from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable

import numpy as np

from bpviz.engine.config import RunConfig
from bpviz.engine.datasets import Dataset
from bpviz.engine.network import Network
from bpviz.engine.timeline import TimelineView
from bpviz.engine.trainer import Edit, Trainer, network_output

PAUSED = "paused"
RUNNING = "running"  # free running at the chosen speed, no end
TO_TARGET = "to_target"  # running until the configured target step, then paused


# -- commands (GUI thread -> worker) ---------------------------------------------------------------
@dataclass(frozen=True)
class Start:
    pass


@dataclass(frozen=True)
class Pause:
    pass


@dataclass(frozen=True)
class Toggle:
    pass


@dataclass(frozen=True)
class RunToTarget:
    pass


@dataclass(frozen=True)
class Quit:
    pass


@dataclass(frozen=True)
class Step:
    """One update; `record(trainer)`, if given, makes it instead (the inspector's recorded step) and its
    result is reported under `token`."""

    token: int | None = None
    record: Callable[[Trainer], object] | None = None


@dataclass(frozen=True)
class SetLearningRate:
    lr: float


@dataclass(frozen=True)
class SetTarget:
    steps: int


@dataclass(frozen=True)
class SetSpeed:
    steps_per_second: float | None  # None: as fast as possible


@dataclass(frozen=True)
class Call:
    """Run `fn(trainer)` between chunks; `changes_state`: it edits the run, so publish a snapshot after."""

    token: int
    fn: Callable[[Trainer], object]
    changes_state: bool = False


@dataclass(frozen=True)
class ReplaceTrainer:
    trainer: Trainer


Command = Start | Pause | Toggle | RunToTarget | Quit | Step | SetLearningRate | SetTarget | SetSpeed | Call | \
    ReplaceTrainer


# -- snapshots (worker -> GUI thread) ----------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Snapshot:
    """What the GUI may read of the run; immutable once published."""

    serial: int  # increases with every publish
    generation: int  # increases whenever the trainer is replaced (reset, new configuration, session)
    commands_done: int  # how many commands the worker had handled
    config: RunConfig  # the effective configuration (do not modify): current base rate and target
    edits: tuple[Edit, ...]  # the user's changes that led to this step
    step: int
    mode: str
    params: np.ndarray  # a copy of the flat parameters
    weights: dict  # name -> view of `params` (w1, w2, ..., b1, ...)
    batch_losses: np.ndarray  # view of the engine's history: these `step` values never change
    logged_steps: np.ndarray  # views whose values never change either
    logged_losses: np.ndarray
    logged_test_losses: np.ndarray  # loss on the held-out points at the same steps (NaN without a test split)
    # the shares of the points classified right at the same steps (NaN: a regression, no test split)
    logged_accuracy: np.ndarray
    logged_test_accuracy: np.ndarray
    accuracy: tuple[int, float, float | None] | None  # (logged step, training, test accuracy); None: regression
    last_batch: np.ndarray | None  # sample indices of the last update (None before the first)
    lr: float  # the learning rate the next update uses (after decay)
    timeline: TimelineView
    dataset: Dataset  # the run's data (read only)
    sizes: tuple[int, ...]  # the layer sizes, inputs first
    time: float  # time.perf_counter() at publish
    _net: Network  # for `predict` only: its structure never changes, it keeps no state of its own

    @property
    def target(self) -> int:
        """The step a run to the target stops at: always the run's own."""
        return self.config.schedule.steps

    @property
    def log_every(self) -> int:
        return self.config.schedule.log_every

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The network's output on X with this snapshot's weights (a probability for sigmoid-ce)."""
        return network_output(self._net, self.config, self.params, X)
