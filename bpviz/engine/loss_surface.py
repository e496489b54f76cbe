"""The loss over a plane through weight space, and paths of weights projected onto it.

A plane is an origin and two orthonormal directions: two of the weights themselves, or two random
directions.  The loss at every grid point is computed by the engine's own forward pass on all the
data, for all points at once (they are stacked like compared runs), so each value is exactly the
loss `Trainer.full_loss` reports for those weights.  A network with one weight (the parabola) has a
line instead of a plane: `loss_curve`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .backprop import BatchPass
from .network import Network

MAX_POINTS = 250_000  # grid points evaluated at once (memory: points × samples × widest layer)


@dataclass(frozen=True, eq=False)
class Plane:
    origin: np.ndarray  # (P,) float64
    axes: np.ndarray  # (2, P) float64, orthonormal
    labels: tuple[str, str]

    @classmethod
    def of_weights(cls, net: Network, origin: np.ndarray, first: int, second: int) -> Plane:
        """The plane in which only parameters `first` and `second` (flat indices) change."""
        if first == second:
            raise ValueError("pick two different weights")
        axes = np.zeros((2, net.size))
        axes[0, first] = axes[1, second] = 1.0
        names = net.entry_names()
        return cls(np.asarray(origin, np.float64).copy(), axes, (names[first], names[second]))

    @classmethod
    def random(cls, origin: np.ndarray, seed: int = 0) -> Plane:
        """Two random orthonormal directions through `origin` (the same for the same seed)."""
        p = np.asarray(origin).shape[-1]
        if p < 2:
            raise ValueError("a plane needs at least two weights")
        q, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((p, 2)))
        return cls(np.asarray(origin, np.float64).copy(), q.T.copy(), ("direction 1", "direction 2"))

    def coordinates(self, params: np.ndarray) -> np.ndarray:
        """(…, 2): where weights (…, P) project onto the plane."""
        return (np.asarray(params, np.float64) - self.origin) @ self.axes.T

    def points(self, a: np.ndarray, b: np.ndarray, dtype=np.float32) -> np.ndarray:
        """(m, P) weights at plane coordinates (a[i], b[i])."""
        a = np.asarray(a, np.float64).reshape(-1, 1)
        b = np.asarray(b, np.float64).reshape(-1, 1)
        return (self.origin + a * self.axes[0] + b * self.axes[1]).astype(dtype)


def stacked_losses(net: Network, dataset, loss_config, params: np.ndarray) -> np.ndarray:
    """The loss on all data (regularisation included) of each row of `params` (m, P)."""
    params = np.ascontiguousarray(params, net.dtype)
    X = dataset.X.astype(net.dtype, copy=False)
    Y = dataset.Y.astype(net.dtype, copy=False)
    out = np.empty(params.shape[0], np.float32)
    per_call = max(1, MAX_POINTS // max(1, X.shape[0] * max(net.sizes)))
    with np.errstate(all="ignore"):
        for start in range(0, params.shape[0], per_call):
            chunk = params[start:start + per_call]
            bp = BatchPass(net, X, Y, slice(None), chunk, np.zeros_like(chunk), loss_config.loss,
                           loss_config.l1, loss_config.l2, with_backward=False)
            out[start:start + chunk.shape[0]] = bp.run_forward()
    return out


def loss_surface(net: Network, dataset, loss_config, plane: Plane, extent: float, resolution: int = 41,
                 centre: tuple[float, float] = (0.0, 0.0)) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a values, b values, losses[b, a]) on a square grid of side 2·extent around `centre`."""
    a = centre[0] + np.linspace(-extent, extent, resolution)
    b = centre[1] + np.linspace(-extent, extent, resolution)
    aa, bb = np.meshgrid(a, b)
    losses = stacked_losses(net, dataset, loss_config, plane.points(aa.ravel(), bb.ravel(), net.dtype))
    return a, b, losses.reshape(resolution, resolution)


def loss_curve(net: Network, dataset, loss_config, low: float, high: float, n: int = 201):
    """(w values, losses) along the single weight of a one-weight network."""
    w = np.linspace(low, high, n).astype(net.dtype)
    return w, stacked_losses(net, dataset, loss_config, w.reshape(-1, 1))
