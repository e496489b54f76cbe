"""The loss functions, each described once: what it fits, its forward and backward ops, its texts.

A loss compiles onto fixed buffers like the rest of a `BatchPass`: `ops(...)` returns the calls
that fill each sample's loss term and dL/dy for the batch.  Whether the batch's loss is a mean
(TF's `reduce_mean`) or a sum (the course's cost/profit loss is a `reduce_sum`) is the loss's
`divisor`, so the trainer and the inspector need no special case.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from .setting import ConfigError
from .classification import predicted_classes

# what a dataset's targets are: numbers, or classes 0..K-1 (K = 2: the tutorial's 0/1 labels)
REGRESSION = "regression"
CLASSES = "classes"


@dataclass
class LossOps:
    forward: list  # (function, args) calls filling per_sample (or residual) from y
    backward: list  # calls filling grad_y = dL/dy of the batch's loss
    per_sample: np.ndarray  # (n, 1) each sample's loss term (mse: derived on demand from residual)
    residual: np.ndarray | None  # mse only: y - t, flat, so that the sum of squares is one dot
    divisor: np.generic  # the batch's loss is (sum of per_sample) / divisor


class Loss:
    name: str
    label: str
    help: str
    summed = False  # reduce_sum over the batch instead of reduce_mean
    code: str  # the TF1 line, as the course writes it

    @staticmethod
    def outputs(n_classes: int) -> int:
        """Network outputs for a dataset with n_classes classes (0: regression)."""
        return 1

    @classmethod
    def check(cls, n_classes: int) -> None:
        """Raise ConfigError if this loss cannot fit such targets."""

    @staticmethod
    def predict(y: np.ndarray) -> np.ndarray:
        """The network's raw output turned into what the views show (a probability, a value)."""
        return y

    @classmethod
    def divisor(cls, n: int, dt: np.dtype) -> np.generic:
        return dt.type(1) if cls.summed else dt.type(n)


def _refuse(loss: str, what: str) -> None:
    raise ConfigError("--loss", f"{loss} cannot fit {what}", "loss")


class MeanSquaredError(Loss):
    name = "mse"
    label = "Mean squared error"
    help = "tf.reduce_mean(tf.square(y - y_)): the tutorial's"
    code = "loss = tf.reduce_mean(tf.square(y - y_))"

    @classmethod
    def check(cls, n_classes):
        if n_classes > 2:
            _refuse(cls.name, f"{n_classes} classes with one output (use softmax-ce)")

    @classmethod
    def ops(cls, y, t, grad_y, n, dt, hyper):
        diff = np.empty_like(y)
        # d(mean((y-t)²))/dy = (1/n)·(2·(y-t)); 2/n is an exact power-of-two scaling of 1/n
        scale = np.array(dt.type(2) * (dt.type(1) / dt.type(n)), dt)
        return LossOps([(np.subtract, (y, t, diff))], [(np.multiply, (diff, scale, grad_y))],
                       np.empty_like(y), diff.reshape(-1), cls.divisor(n, dt))


class SigmoidCrossEntropy(Loss):
    name = "sigmoid-ce"
    label = "Sigmoid cross-entropy"
    help = "tf.nn.sigmoid_cross_entropy_with_logits, mean over the batch; labels 0/1"
    code = "loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y_, logits=y))"

    @classmethod
    def check(cls, n_classes):
        if n_classes == 0:
            _refuse(cls.name, "numbers (the data has a y column; use mse or cost-profit)")
        if n_classes > 2:
            _refuse(cls.name, f"{n_classes} classes (use softmax-ce)")

    @staticmethod
    def predict(y):
        with np.errstate(over="ignore"):
            return 1 / (1 + np.exp(-y))

    @classmethod
    def ops(cls, y, t, grad_y, n, dt, hyper):
        # max(y,0) - y·t + log1p(exp(-|y|)); gradient sigmoid(y) - t
        per_sample, tmp = np.empty_like(y), np.empty_like(y)
        one, zero = np.array(1, dt), np.array(0, dt)
        inv_n = np.array(dt.type(1) / dt.type(n), dt)
        forward = [
            (partial(np.maximum, out=per_sample), (y, zero)),
            (np.multiply, (y, t, tmp)),
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
            (np.subtract, (grad_y, t, grad_y)),
            (np.multiply, (grad_y, inv_n, grad_y)),
        ]
        return LossOps(forward, backward, per_sample, None, cls.divisor(n, dt))


class CostProfit(Loss):
    """The course's sales lesson: predicting too much costs COST per unit, too little loses PROFIT."""

    name = "cost-profit"
    label = "Cost / profit"
    help = "reduce_sum(where(y > y_, COST·(y − y_), PROFIT·(y_ − y))): a sum over the batch, as the course writes it"
    summed = True
    code = "loss = tf.reduce_sum(tf.where(tf.greater(y, y_), COST * (y - y_), PROFIT * (y_ - y)))"

    @classmethod
    def check(cls, n_classes):
        if n_classes > 2:
            _refuse(cls.name, f"{n_classes} classes with one output (use softmax-ce)")

    @classmethod
    def ops(cls, y, t, grad_y, n, dt, hyper):
        diff, over, per_sample = np.empty_like(y), np.empty(y.shape, bool), np.empty_like(y)
        cost, neg_profit = np.array(hyper["cost"], dt), np.array(-dt.type(hyper["profit"]), dt)
        # PROFIT·(y_ − y) is exactly −(PROFIT·(y − y_)): float subtraction is antisymmetric
        forward = [
            (np.subtract, (y, t, diff)),
            (np.greater, (y, t, over)),  # a tie is not "greater": it takes the PROFIT branch, as in TF
            (np.multiply, (diff, neg_profit, per_sample)),
            (partial(np.multiply, where=over), (diff, cost, per_sample)),
        ]
        # TF's where() sends the gradient to the branch it chose: d/dy is COST there, −PROFIT here
        backward = [
            (np.copyto, (grad_y, neg_profit)),
            (partial(np.copyto, where=over), (grad_y, cost)),
        ]
        return LossOps(forward, backward, per_sample, None, cls.divisor(n, dt))


class SoftmaxCrossEntropy(Loss):
    name = "softmax-ce"
    label = "Softmax cross-entropy"
    help = ("tf.nn.softmax_cross_entropy_with_logits_v2, mean over the batch; one output per class, "
            "labels 0…K−1")
    code = "loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y_, logits=y))"

    @staticmethod
    def outputs(n_classes):
        return n_classes

    @classmethod
    def check(cls, n_classes):
        if n_classes == 0:
            _refuse(cls.name, "numbers (the data has a y column; use mse or cost-profit)")

    @staticmethod
    def predict(y):
        e = np.exp(y - y.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    @classmethod
    def ops(cls, y, t, grad_y, n, dt, hyper):
        rows = (y.shape[0], 1)
        peak, total, log_total = np.empty(rows, dt), np.empty(rows, dt), np.empty(rows, dt)
        shifted, e, tmp = np.empty_like(y), np.empty_like(y), np.empty_like(y)
        per_sample = np.empty(rows, dt)
        inv_n = np.array(dt.type(1) / dt.type(n), dt)

        def forward():
            # -Σ t·log softmax(y), with the row's maximum taken out first as TF does
            np.max(y, axis=1, keepdims=True, out=peak)
            np.subtract(y, peak, shifted)
            np.exp(shifted, e)
            np.sum(e, axis=1, keepdims=True, out=total)
            np.log(total, log_total)
            np.subtract(log_total, shifted, tmp)
            np.multiply(tmp, t, tmp)
            np.sum(tmp, axis=1, keepdims=True, out=per_sample)

        def backward():  # softmax(y) − t, over the batch size
            np.divide(e, total, grad_y)
            np.subtract(grad_y, t, grad_y)
            np.multiply(grad_y, inv_n, grad_y)

        return LossOps([(forward, ())], [(backward, ())], per_sample, None, cls.divisor(n, dt))


LOSSES: dict[str, type[Loss]] = {cls.name: cls for cls in (MeanSquaredError, SigmoidCrossEntropy, CostProfit,
                                                            SoftmaxCrossEntropy)}


def targets(loss: str, Y: np.ndarray, n_classes: int) -> np.ndarray:
    """What the loss compares the network's outputs with: one-hot rows for softmax-ce, else Y as it is."""
    if LOSSES[loss].outputs(n_classes) == 1:
        return Y
    return np.eye(n_classes, dtype=Y.dtype)[Y[:, 0].astype(np.intp)]


def accuracy(loss: str, prediction: np.ndarray, Y: np.ndarray, n_classes: int) -> float | None:
    """Share of points classified right (threshold 0.5 for one output, argmax for one per class);
    None for regression."""
    if n_classes == 0 or len(Y) == 0:
        return None
    return float(np.mean(predicted_classes(prediction) == Y[:, 0]))
