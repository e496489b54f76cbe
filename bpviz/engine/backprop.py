"""One mini-batch's forward pass, loss and backward pass, compiled onto fixed buffers.

A `BatchPass` is built once per distinct batch (the tutorial cycles through four) and
then run every time that batch comes round: its buffers keep the last pass's values,
which is what the step inspector shows — the engine's own numbers, not a recomputation.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from .activations import ACTIVATIONS
from .network import Network


@dataclass
class LayerBuffers:
    z: np.ndarray  # pre-activation (batch, out)
    a: np.ndarray  # activation (batch, out); the same array as z when linear
    grad_a: np.ndarray  # dL/da
    grad_z: np.ndarray  # dL/dz; the same array as grad_a when linear


class BatchPass:
    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray, rows: slice,
                 params: np.ndarray, grads: np.ndarray, loss: str, l1: float, l2: float,
                 with_backward: bool = True):
        dt = net.dtype
        self.net = net
        self.rows = rows
        self.x = X[rows]
        self.y_true = Y[rows]
        n = self.x.shape[0]
        self.n = n
        self.n_typed = dt.type(n)  # the batch size in the run's dtype, for the mean
        self.loss_kind = loss
        self.layers: list[LayerBuffers] = []
        self.forward_ops: list = []
        self.backward_ops: list = []
        one = np.array(1, dt)
        zero = np.array(0, dt)

        a_prev = self.x
        for i in range(1, net.n_layers + 1):
            W, b = net.layer(params, i)
            z = np.empty((n, W.shape[1]), dt)
            self.forward_ops.append((np.dot, (a_prev, W, z)))
            if b is not None:
                self.forward_ops.append((np.add, (z, b, z)))
            act = "linear" if i == net.n_layers else net.activation
            a = z if act == "linear" else np.empty_like(z)
            self.forward_ops += ACTIVATIONS[act].forward_ops(z, a, one, zero)
            grad_a = np.empty_like(z)
            grad_z = grad_a if act == "linear" else np.empty_like(z)
            self.layers.append(LayerBuffers(z, a, grad_a, grad_z))
            a_prev = a

        y = self.layers[-1].a
        self.per_sample = np.empty_like(y)  # each sample's loss term
        loss_forward, loss_backward, self._residual = _loss_ops(
            loss, y, self.y_true, self.per_sample, self.layers[-1].grad_a, n, one, zero)
        self.forward_ops += loss_forward
        self._per_sample_flat = self.per_sample.reshape(-1)
        self._ones = np.ones(n, dt)

        self._reg = _Regulariser(net, params, grads, l1, l2)
        if not with_backward:
            return
        self.backward_ops += loss_backward
        for i in range(net.n_layers, 0, -1):
            W, b = net.layer(params, i)
            gW, gb = net.layer(grads, i)
            layer = self.layers[i - 1]
            act = "linear" if i == net.n_layers else net.activation
            if act != "linear":
                self.backward_ops += ACTIVATIONS[act].backward_ops(layer.z, layer.a, layer.grad_a, layer.grad_z, one)
            a_in = self.x if i == 1 else self.layers[i - 2].a
            self.backward_ops.append((np.dot, (a_in.T, layer.grad_z, gW)))
            if gb is not None:
                self.backward_ops.append((np.add.reduce, (layer.grad_z, 0, None, gb)))
            if i > 1:
                self.backward_ops.append((np.dot, (layer.grad_z, W.T, self.layers[i - 2].grad_a)))
        self.backward_ops += self._reg.grad_ops

    def loss_sum_call(self):
        """(function, args) returning the sum of the per-sample losses after the forward ops."""
        if self._residual is not None:  # mse: one dot instead of square-then-sum
            return np.dot, (self._residual, self._residual)
        return np.dot, (self._ones, self._per_sample_flat)

    def data_loss(self):
        """Mean of the per-sample losses (valid after the forward ops ran)."""
        f, args = self.loss_sum_call()
        return f(*args) / self.n_typed

    def sample_losses(self) -> np.ndarray:
        """Each sample's loss term of the last forward pass."""
        if self._residual is not None:
            np.multiply(self._residual, self._residual, self._per_sample_flat)
        return self.per_sample

    def regularisation_loss(self):
        return self._reg.loss()

    def loss(self):
        """The training objective on this batch: data loss plus regularisation."""
        value = self.data_loss()
        if self._reg.active:
            value = value + self._reg.loss()
        return value

    def run_forward(self):
        for f, args in self.forward_ops:
            f(*args)
        return self.loss()


class _Regulariser:
    """TF's `l2 * sum(w²)/2 + l1 * sum(|w|)` over the weight matrices (not biases)."""

    def __init__(self, net, params, grads, l1, l2):
        dt = net.dtype
        self.active = bool(l1 or l2)
        self.grad_ops = []
        self._matrices = [net.view(params, f"w{i}").reshape(-1) for i in range(1, net.n_layers + 1)]
        self._l1 = dt.type(l1)
        self._l2 = dt.type(l2)
        self._half = dt.type(0.5)
        w, gw = net.weight_part(params), net.weight_part(grads)
        tmp = np.empty_like(w)
        if l2:
            self.grad_ops += [(np.multiply, (w, np.array(l2, dt), tmp)), (np.add, (gw, tmp, gw))]
        if l1:
            self.grad_ops += [(np.sign, (w, tmp)), (np.multiply, (tmp, np.array(l1, dt), tmp)),
                              (np.add, (gw, tmp, gw))]

    def loss(self):
        total = self._l1 * 0
        for w in self._matrices:
            if self._l2:
                total = total + self._l2 * (np.dot(w, w) * self._half)
            if self._l1:
                total = total + self._l1 * np.sum(np.abs(w))
        return total


def _loss_ops(kind, y, y_true, per_sample, grad_y, n, one, zero):
    """(forward ops, backward ops filling grad_y = dL/dy of the batch mean, mse residual or None).

    The forward ops fill `per_sample` for the cross-entropy; for mse it is derived on demand."""
    dt = y.dtype
    if kind == "mse":
        diff = np.empty_like(y)
        # d(mean((y-t)²))/dy = (1/n)·(2·(y-t)); 2/n is an exact power-of-two scaling of 1/n
        scale = np.array(dt.type(2) * (dt.type(1) / dt.type(n)), dt)
        forward = [(np.subtract, (y, y_true, diff))]
        backward = [(np.multiply, (diff, scale, grad_y))]
        return forward, backward, diff.reshape(-1)
    # sigmoid cross-entropy on logits y: max(y,0) - y·t + log1p(exp(-|y|)); gradient sigmoid(y) - t
    tmp = np.empty_like(y)
    inv_n = np.array(dt.type(1) / dt.type(n), dt)
    forward = [
        (partial(np.maximum, out=per_sample), (y, zero)),
        (np.multiply, (y, y_true, tmp)),
        (np.subtract, (per_sample, tmp, per_sample)),
        (np.abs, (y, tmp)),
        (np.negative, (tmp, tmp)),
        (np.exp, (tmp, tmp)),
        (np.log1p, (tmp, tmp)),
        (np.add, (per_sample, tmp, per_sample)),
    ]
    backward = [
        (np.negative, (y, grad_y)),
        (np.exp, (grad_y, grad_y)),
        (np.add, (grad_y, one, grad_y)),
        (np.divide, (one, grad_y, grad_y)),
        (np.subtract, (grad_y, y_true, grad_y)),
        (np.multiply, (grad_y, inv_n, grad_y)),
    ]
    return forward, backward, None
