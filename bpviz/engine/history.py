"""Every step's loss, kept in full: an append-only float32 array that grows by doubling."""
from __future__ import annotations

import numpy as np


class LossHistory:
    def __init__(self, capacity: int = 4096):
        self._batch = np.empty(capacity, np.float32)
        self._n = 0
        self.logged: dict[int, float] = {}  # step -> full-data loss right after that step
        self.test_logged: dict[int, float] = {}  # step -> loss on the held-out points, at the same steps
        # step -> (accuracy on the training points, on the held-out ones or None), classification only
        self.accuracy_logged: dict[int, tuple[float, float | None]] = {}

    def __len__(self) -> int:
        return self._n

    def reserve(self, capacity: int) -> np.ndarray:
        """The storage array, grown (by doubling) to hold at least `capacity` values.

        The trainer writes losses straight into it and then calls `set_length`."""
        if capacity > self._batch.shape[0]:
            grown = np.empty(max(capacity, 2 * self._batch.shape[0]), np.float32)
            grown[: self._n] = self._batch[: self._n]
            self._batch = grown
        return self._batch

    def set_length(self, n: int) -> None:
        self._n = n

    def batch_losses(self) -> np.ndarray:
        """A view of the losses so far; values already written never change."""
        return self._batch[: self._n]

    def truncate(self, n: int) -> None:
        self._n = min(self._n, n)
        self.logged = {s: v for s, v in self.logged.items() if s < n}
        self.test_logged = {s: v for s, v in self.test_logged.items() if s < n}
        self.accuracy_logged = {s: v for s, v in self.accuracy_logged.items() if s < n}

    def logged_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        steps = np.fromiter(self.logged, np.int64, len(self.logged))
        values = np.fromiter(self.logged.values(), np.float32, len(self.logged))
        return steps, values

    def state(self) -> dict:
        steps, values = self.logged_arrays()
        state = {"batch_loss": self.batch_losses().copy(), "logged_steps": steps, "logged_loss": values}
        if self.test_logged:
            state["test_logged_loss"] = np.array([self.test_logged.get(int(s), np.nan) for s in steps], np.float32)
        if self.accuracy_logged:  # NaN at a step without one (a session of a version that kept none)
            pairs = [self.accuracy_logged.get(int(s), (np.nan, None)) for s in steps]
            # float64: the shares exactly as measured (the JSON log of a continued run prints the same)
            state["logged_accuracy"] = np.array([train for train, _test in pairs], np.float64)
            if any(test is not None for _train, test in pairs):
                state["test_logged_accuracy"] = np.array([np.nan if test is None else test for _train, test in pairs],
                                                         np.float64)
        return state

    @classmethod
    def from_state(cls, state: dict) -> LossHistory:
        batch = np.asarray(state["batch_loss"], np.float32)
        history = cls(max(4096, batch.shape[0]))
        history._batch[: batch.shape[0]] = batch
        history._n = batch.shape[0]
        history.logged = {int(s): float(v) for s, v in zip(state["logged_steps"], state["logged_loss"])}
        if "test_logged_loss" in state:
            history.test_logged = {int(s): float(v) for s, v in zip(state["logged_steps"], state["test_logged_loss"])}
        if "logged_accuracy" in state:
            test = state.get("test_logged_accuracy")
            for j, (s, v) in enumerate(zip(state["logged_steps"], state["logged_accuracy"])):
                if np.isfinite(v):
                    t = None if test is None or not np.isfinite(test[j]) else float(test[j])
                    history.accuracy_logged[int(s)] = (float(v), t)
        return history
