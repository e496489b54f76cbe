"""Every step's loss, kept in full: an append-only float32 array that grows by doubling; and the losses and
accuracies logged every few steps, in arrays too (a dict entry per logged step cost more than the loss
history itself grows by: ~270 bytes every 500 steps)."""
from __future__ import annotations

import mmap
from collections.abc import Iterator, MutableMapping

import numpy as np

_OWN_MAP_BYTES = 1 << 20  # storage from this size on gets its own memory map (see _float32_storage)


def _float32_storage(n: int) -> np.ndarray:
    """An uninitialised float32 array of n values that gives its memory back to the system once the last
    view of it is gone.  A malloc'ed array of a few MB need not: once the process has freed a few large
    arrays, glibc raises its mmap threshold and serves such sizes from the heap, where a freed block stays
    resident; so every doubling of the history left the old copy resident too (+4 MB at the 1M-step doubling,
    measured).  An anonymous map is unmapped when its last view goes, and its pages are backed only once
    written."""
    if n * 4 < _OWN_MAP_BYTES:
        return np.empty(n, np.float32)
    return np.frombuffer(mmap.mmap(-1, n * 4), dtype=np.float32)


class LoggedValues(MutableMapping):
    """step -> value (a float, or a tuple of `width` floats, None kept as NaN), like a dict whose steps
    usually arrive in increasing order; stored in two growing arrays, 8 bytes per step and value."""

    def __init__(self, width: int = 0):
        self._width = width  # 0: plain floats
        self._steps = np.empty(16, np.int64)
        self._values = np.empty((16, max(width, 1)), np.float64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[int]:
        return iter(self._steps[: self._n].tolist())

    def _index(self, step) -> int:
        i = int(np.searchsorted(self._steps[: self._n], step))
        return i if i < self._n and self._steps[i] == step else -1

    def __contains__(self, step) -> bool:
        return isinstance(step, (int, np.integer)) and self._index(step) >= 0

    def __getitem__(self, step):
        i = self._index(step) if isinstance(step, (int, np.integer)) else -1
        if i < 0:
            raise KeyError(step)
        row = self._values[i]
        if not self._width:
            return float(row[0])
        return tuple(None if np.isnan(v) else float(v) for v in row)

    def __setitem__(self, step, value) -> None:
        row = [value] if not self._width else [np.nan if v is None else v for v in value]
        i = self._index(step)
        if i >= 0:
            self._values[i] = row
            return
        if self._n == len(self._steps):
            self._steps = np.concatenate([self._steps, np.empty_like(self._steps)])
            self._values = np.concatenate([self._values, np.empty_like(self._values)])
        at = self._n if not self._n or step > self._steps[self._n - 1] else \
            int(np.searchsorted(self._steps[: self._n], step))
        self._steps[at + 1: self._n + 1] = self._steps[at: self._n].copy()
        self._values[at + 1: self._n + 1] = self._values[at: self._n].copy()
        self._steps[at], self._values[at] = int(step), row
        self._n += 1

    def __delitem__(self, step) -> None:
        i = self._index(step)
        if i < 0:
            raise KeyError(step)
        self._steps[i: self._n - 1] = self._steps[i + 1: self._n].copy()
        self._values[i: self._n - 1] = self._values[i + 1: self._n].copy()
        self._n -= 1

    def __repr__(self) -> str:
        return f"LoggedValues({dict(self.items())!r})"

    def truncate(self, n: int) -> None:
        """Forget the steps from n on."""
        self._n = int(np.searchsorted(self._steps[: self._n], n))

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """Copies of the steps and of the values (floats: shape (n,); tuples: (n, width))."""
        values = self._values[: self._n].copy()
        return self._steps[: self._n].copy(), values[:, 0] if not self._width else values


class LossHistory:
    def __init__(self, capacity: int = 4096):
        self._batch = _float32_storage(capacity)
        self._n = 0
        self.logged = LoggedValues()  # step -> full-data loss right after that step
        self.test_logged = LoggedValues()  # step -> loss on the held-out points, at the same steps
        # step -> (accuracy on the training points, on the held-out ones or None), classification only
        self.accuracy_logged = LoggedValues(width=2)

    def __len__(self) -> int:
        return self._n

    def reserve(self, capacity: int) -> np.ndarray:
        """The storage array, grown (by doubling) to hold at least `capacity` values.

        The trainer writes losses straight into it and then calls `set_length`."""
        if capacity > self._batch.shape[0]:
            grown = _float32_storage(max(capacity, 2 * self._batch.shape[0]))
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
        for logged in (self.logged, self.test_logged, self.accuracy_logged):
            logged.truncate(n)

    def logged_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        steps, values = self.logged.arrays()
        return steps, values.astype(np.float32)

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
        for s, v in zip(state["logged_steps"].tolist(), np.asarray(state["logged_loss"]).tolist()):
            history.logged[s] = v
        if "test_logged_loss" in state:
            for s, v in zip(state["logged_steps"].tolist(), np.asarray(state["test_logged_loss"]).tolist()):
                history.test_logged[s] = v
        if "logged_accuracy" in state:
            test = state.get("test_logged_accuracy")
            train = np.asarray(state["logged_accuracy"]).tolist()
            for j, (s, v) in enumerate(zip(state["logged_steps"].tolist(), train)):
                if np.isfinite(v):
                    t = None if test is None or not np.isfinite(test[j]) else float(test[j])
                    history.accuracy_logged[s] = (v, t)
        return history
