"""A fully connected network whose parameters live in one flat buffer.

Layout: all weight matrices first (w1, w2, ...), then all biases (b1, b2, ...), so that
the regularised part is one contiguous slice and the optimizers update everything with
a handful of ufunc calls whatever the depth.
"""
from __future__ import annotations

import numpy as np

from .activations import ACTIVATIONS
from .config import ModelConfig
from .datasets import PARABOLA
from .tf_random import random_normal

N_INPUTS = 2
N_OUTPUTS = 1


class Network:
    def __init__(self, model: ModelConfig, dtype=np.float32, n_inputs: int = N_INPUTS, n_outputs: int = N_OUTPUTS):
        self.dtype = np.dtype(dtype)
        self.activation = model.activation
        self.has_bias = model.bias
        self.sizes = [n_inputs, *model.hidden, n_outputs]
        self.n_layers = len(self.sizes) - 1
        # one input straight to the output is the course's single parameter, which it calls w
        self._weight_names = ["w"] if self.sizes == [1, 1] else [f"w{i}" for i in range(1, self.n_layers + 1)]
        shapes = [(self.sizes[i], self.sizes[i + 1]) for i in range(self.n_layers)]
        self.n_weights = sum(r * c for r, c in shapes)
        n_bias = sum(c for _, c in shapes) if self.has_bias else 0
        self.size = self.n_weights + n_bias
        self._slices: dict[str, tuple[slice, tuple[int, ...]]] = {}
        offset = 0
        for name, shape in zip(self._weight_names, shapes):
            self._slices[name] = (slice(offset, offset + shape[0] * shape[1]), shape)
            offset += shape[0] * shape[1]
        if self.has_bias:
            for i, (_, cols) in enumerate(shapes, 1):
                self._slices[f"b{i}"] = (slice(offset, offset + cols), (cols,))
                offset += cols
        self.names = list(self._slices)

    def new_buffer(self) -> np.ndarray:
        return np.zeros(self.size, self.dtype)

    def view(self, flat: np.ndarray, name: str) -> np.ndarray:
        """The named weight in `flat` (P,), or in each row of stacked runs (K, P) as (K, *shape)."""
        sl, shape = self._slices[name]
        return flat[..., sl].reshape(flat.shape[:-1] + shape)

    def flat_view(self, flat: np.ndarray, name: str) -> np.ndarray:
        """The named weight's entries in `flat` (P,) or in each stacked run (K, P), unshaped."""
        return flat[..., self._slices[name][0]]

    def flat_index(self, name: str, index: tuple[int, ...]) -> int:
        """Where entry `index` of the named weight sits in the flat buffer."""
        sl, shape = self._slices[name]
        return sl.start + int(np.ravel_multi_index(index, shape))

    def entry_names(self) -> list[str]:
        """Every parameter's name in flat order, e.g. w1[0,1], b2[0]."""
        out = []
        for name in self.names:
            shape = self._slices[name][1]
            out += [f"{name}[{','.join(map(str, ix))}]" for ix in np.ndindex(*shape)]
        return out

    def views(self, flat: np.ndarray) -> dict[str, np.ndarray]:
        return {name: self.view(flat, name) for name in self.names}

    def weight_part(self, flat: np.ndarray) -> np.ndarray:
        return flat[..., : self.n_weights]

    def weight_name(self, i: int) -> str:
        """The name of layer i's weight matrix (1-based)."""
        return self._weight_names[i - 1]

    def layer(self, flat: np.ndarray, i: int) -> tuple[np.ndarray, np.ndarray | None]:
        """(W, b) of layer i (1-based); b is None without biases."""
        return self.view(flat, self.weight_name(i)), (self.view(flat, f"b{i}") if self.has_bias else None)

    def initial_params(self, seed: int, stddev: float, value: float | None = None) -> np.ndarray:
        """Every matrix drawn as the tutorial's `tf.random_normal(shape, stddev, seed=seed)`,
        or, given a `value`, every weight starting at it (as `tf.Variable(tf.constant(value))`).

        Each matrix is its own op with the same op seed, so, as in TF, they share the
        start of one random stream (the tutorial's w2 is w1's first row).
        """
        flat = self.new_buffer()
        for name in self._weight_names:
            w = self.view(flat, name)
            w[...] = random_normal(w.shape, stddev=stddev, seed=seed) if value is None else value
        return flat

    @classmethod
    def for_data(cls, model: ModelConfig, dataset_name: str, dtype=np.float32,
                 n_outputs: int = N_OUTPUTS) -> Network:
        """The network a run on `dataset_name` trains: one input per feature (the plain coordinates: two),
        one for the parabola's single weight; `n_outputs` one per class for softmax-ce (trainer.network_for)."""
        n_inputs = 1 if dataset_name == PARABOLA else len(model.features)
        return cls(model, dtype, n_inputs=n_inputs, n_outputs=n_outputs)


    def forward(self, flat: np.ndarray, X: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """(pre-activation, activation) per layer for inputs X; allocates, for views and checks."""
        a = np.asarray(X, self.dtype)
        out = []
        for i in range(1, self.n_layers + 1):
            W, b = self.layer(flat, i)
            z = a @ W
            if b is not None:
                z = z + b
            a = z if i == self.n_layers else activate(self.activation, z)
            out.append((z, a))
        return out

    def predict(self, flat: np.ndarray, X: np.ndarray) -> np.ndarray:
        return self.forward(flat, X)[-1][1]


def activate(name: str, z: np.ndarray) -> np.ndarray:
    return ACTIVATIONS[name].apply(z)


def start_value(model: ModelConfig, dataset) -> float | None:
    """The value every initial weight takes (`--init-value`, else the dataset's), None: random normal."""
    return model.init_value if model.init_value is not None else dataset.initial_value
