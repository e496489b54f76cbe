"""One mini-batch's forward pass, loss and backward pass, compiled onto fixed buffers.

The parameters are one run's flat buffer (P,) or K runs stacked (K, P): stacked runs share
the batch, multiply with `np.matmul` on (K, ...) arrays and get (K,) losses.

A `BatchPass` is built once per distinct batch (the tutorial cycles through four) and
then run every time that batch comes round: its buffers keep the last pass's values,
which is what the step inspector shows — the engine's own numbers, not a recomputation.
"""
from __future__ import annotations

from dataclasses import dataclass
import numpy as np

from .activations import ACTIVATIONS
from .losses import LOSSES
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
                 with_backward: bool = True, hyper: dict | None = None):
        dt = net.dtype
        runs = params.shape[:-1]  # () for one run, (K,) for stacked runs
        # np.matmul on stacked arrays calls per run the same BLAS routine np.dot calls for one run
        mul = np.dot if not runs else np.matmul
        self.net = net
        self.rows = rows
        self.x = X[rows]
        self.y_true = Y[rows]
        n = self.x.shape[0]
        self.n = n
        self.loss_kind = loss
        self.layers: list[LayerBuffers] = []
        self.forward_ops: list = []
        self.backward_ops: list = []
        one = np.array(1, dt)
        zero = np.array(0, dt)

        # Stacked runs share the batch, so the first layer is one product for all of them: x @ [W1 of
        # run 0 | W1 of run 1 | ...], with the runs inside each row of its buffers (the same BLAS
        # routine on the same rows and columns as one run's x @ W1, so the same bits, one call instead of K)
        shared_first = bool(runs) and net.n_layers > 1
        a_prev = self.x
        for i in range(1, net.n_layers + 1):
            W, b = net.layer(params, i)
            shape = (*runs, n, W.shape[-1])
            if shared_first and i == 1:
                def new(shape=shape):  # (K, n, width) on memory laid out (n, K, width)
                    return np.empty((n, shape[0], shape[2]), dt).transpose(1, 0, 2)
                z = new()
                w_cat = np.empty((W.shape[1], *runs, W.shape[2]), dt)
                self.forward_ops += [(np.copyto, (w_cat, W.swapaxes(0, 1))),
                                     (np.dot, (a_prev, _runs_in_rows(w_cat), _runs_in_rows(z, 1)))]
            else:
                def new(shape=shape):
                    return np.empty(shape, dt)
                z = new()
                self.forward_ops.append((mul, (a_prev, W, z)))
            if b is not None:
                self.forward_ops.append((np.add, (z, b[..., None, :] if runs else b, z)))
            act = "linear" if i == net.n_layers else net.activation
            if shared_first and i == 1:
                # the next layer multiplies run by run: from a plain (K, n, width) array, or BLAS may
                # take another path through the strided one and round differently
                a = np.empty(shape, dt)
                self.forward_ops += ([(np.copyto, (a, z))] if act == "linear"
                                     else ACTIVATIONS[act].forward_ops(z, a, one, zero))
            else:
                a = z if act == "linear" else new()
                self.forward_ops += ACTIVATIONS[act].forward_ops(z, a, one, zero)
            grad_a = new()
            grad_z = grad_a if act == "linear" else new()
            self.layers.append(LayerBuffers(z, a, grad_a, grad_z))
            a_prev = a

        y = self.layers[-1].a
        ops = LOSSES[loss].ops(y, self.y_true, self.layers[-1].grad_a, n, dt, hyper or {})
        self.per_sample = ops.per_sample  # each sample's loss term
        self._residual = ops.residual
        self.divisor = ops.divisor  # the batch size in the run's dtype for a mean, 1 for a sum
        self.forward_ops += ops.forward
        self._per_sample_flat = self.per_sample.reshape(-1)
        self._ones = np.ones(n, dt)
        self._sum_call = _sum_call(runs, n, self._residual, self.per_sample, self._ones)

        self._reg = _Regulariser(net, params, grads, l1, l2)
        if not with_backward:
            return
        self.backward_ops += ops.backward
        for i in range(net.n_layers, 0, -1):
            W, b = net.layer(params, i)
            gW, gb = net.layer(grads, i)
            layer = self.layers[i - 1]
            act = "linear" if i == net.n_layers else net.activation
            if act != "linear":
                self.backward_ops += ACTIVATIONS[act].backward_ops(layer.z, layer.a, layer.grad_a, layer.grad_z, one)
            a_in = self.x if i == 1 else self.layers[i - 2].a
            if shared_first and i == 1:
                gw_cat = np.empty((gW.shape[1], *runs, gW.shape[2]), dt)
                self.backward_ops += [(np.dot, (self.x.T, _runs_in_rows(layer.grad_z, 1), _runs_in_rows(gw_cat))),
                                      (np.copyto, (gW, gw_cat.swapaxes(0, 1)))]
            else:
                self.backward_ops.append((mul, (a_in.swapaxes(-1, -2), layer.grad_z, gW)))
            if gb is not None:  # the sum over the batch's rows
                self.backward_ops.append((np.add.reduce, (layer.grad_z, -2, None, gb)))
            if i > 1:
                self.backward_ops.append((mul, (layer.grad_z, W.swapaxes(-1, -2), self.layers[i - 2].grad_a)))
        self.backward_ops += self._reg.grad_ops

    def loss_sum_call(self):
        """(function, args) returning the sum of the per-sample losses after the forward ops (one per run)."""
        return self._sum_call

    def data_loss(self):
        """The batch's loss: mean (or, for a summed loss, sum) of the per-sample losses, after the forward ops."""
        f, args = self.loss_sum_call()
        return f(*args) / self.divisor

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


def _runs_in_rows(a: np.ndarray, run_axis: int = 0) -> np.ndarray:
    """A (rows, K, width) buffer (or a view of one with the run axis moved) as a (rows, K * width) matrix view."""
    if run_axis:
        a = a.swapaxes(0, run_axis)
    flat = a.reshape(a.shape[0], -1)
    if not np.shares_memory(flat, a):  # a copy would silently detach the op from the buffer
        raise ValueError("expected a buffer laid out with the runs inside each row")
    return flat


def _sum_call(runs, n, residual, per_sample, ones):
    """The batch's summed loss as one dot product per run: mse sums the residual's squares."""
    if not runs:
        if residual is not None:  # mse: one dot instead of square-then-sum
            return np.dot, (residual, residual)
        return np.dot, (ones, per_sample.reshape(-1))
    k = runs[0]
    rows = (residual if residual is not None else per_sample).reshape(k, 1, n)
    cols = residual.reshape(k, n, 1) if residual is not None else ones.reshape(n, 1)
    out = np.empty((k, 1, 1), per_sample.dtype)
    return _matmul_into, (rows, cols, out, out.reshape(k))


def _matmul_into(a, b, out, result):
    np.matmul(a, b, out=out)
    return result


class _Regulariser:
    """TF's `l2 * sum(w²)/2 + l1 * sum(|w|)` over the weight matrices (not biases)."""

    def __init__(self, net, params, grads, l1, l2):
        dt = net.dtype
        self.active = bool(l1 or l2)
        self.grad_ops = []
        self._matrices = [net.flat_view(params, net.weight_name(i)) for i in range(1, net.n_layers + 1)]
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
        """The penalty of one run, or of each stacked run (K,) when the parameters are (K, P)."""
        total = self._l1 * 0
        for w in self._matrices:
            if self._l2:
                # per run the same BLAS dot product as np.dot(w, w) on one run's vector
                sq = np.dot(w, w) if w.ndim == 1 else np.matmul(w[:, None, :], w[:, :, None])[:, 0, 0]
                total = total + self._l2 * (sq * self._half)
            if self._l1:
                total = total + self._l1 * np.sum(np.abs(w), axis=-1)
        return total
