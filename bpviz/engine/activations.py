"""The hidden layers' activations, each described once: its compiled forward and backward calls
(TF's kernels: ReluGrad from z, TanhGrad and SigmoidGrad from the output), a plain function for
views and checks, the derivative as the inspector writes it, and the code the exports emit.

Texts are English; the desktop app translates labels in the "settings" context.
"""
from __future__ import annotations

from functools import partial

import numpy as np


class Activation:
    name = ""
    label = ""  # in the panel's list
    title = ""  # inside a sentence (window title)
    tf1 = ""  # TF1's function, e.g. "tf.nn.relu"; "" for none
    formula = "a = z"  # f as a formula of the layer's z

    @classmethod
    def code(cls) -> str:
        """The tutorial's TF1 line for a hidden layer with this activation."""
        return f"a = {cls.tf1}(tf.matmul(x, w1))" if cls.tf1 else "a = tf.matmul(x, w1)"

    @staticmethod
    def forward_ops(z, a, one, zero) -> list:
        """Calls filling a = f(z)."""
        return []

    @staticmethod
    def backward_ops(z, a, grad_a, grad_z, one) -> list:
        """Calls filling grad_z = grad_a ⊙ f′ (in TF's order)."""
        return []

    @staticmethod
    def apply(z: np.ndarray) -> np.ndarray:
        return z

    @staticmethod
    def derivative(z: np.ndarray, a: np.ndarray) -> np.ndarray:
        """f′ from the layer's z and a (float64, for the inspector's table)."""
        return np.ones_like(z)

    @staticmethod
    def derivative_text(a: str) -> str:
        """f′ written with the layer's output `a`, e.g. "1 − a1²"."""
        return "1"

    @staticmethod
    def numpy_forward(z: str) -> str:
        """NumPy source computing f(z), with a comment naming TF's function."""
        return z

    @staticmethod
    def numpy_backward(grad_a: str, a: str) -> str:
        """NumPy source computing grad_a ⊙ f′ from the output `a`, with a comment."""
        return grad_a


class Linear(Activation):
    name, label, title = "linear", "Linear (none)", "linear"


class Relu(Activation):
    name, label, title, tf1 = "relu", "ReLU", "ReLU", "tf.nn.relu"
    formula = "a = max(z, 0)"

    @staticmethod
    def forward_ops(z, a, one, zero):
        return [(partial(np.maximum, out=a), (z, zero))]

    @staticmethod
    def backward_ops(z, a, grad_a, grad_z, one):
        # TF's ReluGrad: g * (z > 0)
        return [(np.greater, (z, 0, grad_z)), (np.multiply, (grad_a, grad_z, grad_z))]

    @staticmethod
    def apply(z):
        return np.maximum(z, 0)

    @staticmethod
    def derivative(z, a):
        return (z > 0).astype(float)

    @staticmethod
    def derivative_text(a):
        return "[z > 0]"

    @staticmethod
    def numpy_forward(z):
        return f"np.maximum({z}, 0)  # tf.nn.relu"

    @staticmethod
    def numpy_backward(grad_a, a):
        return f"{grad_a} * ({a} > 0)  # relu'(z) = 1 where z > 0, else 0"


class Tanh(Activation):
    name, label, title, tf1 = "tanh", "Tanh", "tanh", "tf.nn.tanh"
    formula = "a = tanh(z) = (e^z − e^−z) / (e^z + e^−z)"

    @staticmethod
    def forward_ops(z, a, one, zero):
        return [(np.tanh, (z, a))]

    @staticmethod
    def backward_ops(z, a, grad_a, grad_z, one):
        # TanhGrad from the output: g * (1 - y²)
        tmp = np.empty_like(a)
        return [(np.multiply, (a, a, tmp)), (np.subtract, (one, tmp, tmp)), (np.multiply, (grad_a, tmp, grad_z))]

    @staticmethod
    def apply(z):
        return np.tanh(z)

    @staticmethod
    def derivative(z, a):
        return 1 - a * a

    @staticmethod
    def derivative_text(a):
        return f"1 − {a}²"

    @staticmethod
    def numpy_forward(z):
        return f"np.tanh({z})  # tf.nn.tanh"

    @staticmethod
    def numpy_backward(grad_a, a):
        return f"{grad_a} * (1 - {a} * {a})  # tanh'(z) = 1 - tanh(z)**2"


class Sigmoid(Activation):
    name, label, title, tf1 = "sigmoid", "Sigmoid", "sigmoid", "tf.nn.sigmoid"
    formula = "a = 1 / (1 + e^−z)"

    @staticmethod
    def forward_ops(z, a, one, zero):
        # 1 / (1 + exp(-z))
        return [(np.negative, (z, a)), (np.exp, (a, a)), (np.add, (a, one, a)), (np.divide, (one, a, a))]

    @staticmethod
    def backward_ops(z, a, grad_a, grad_z, one):
        # SigmoidGrad from the output: g * y * (1 - y)
        tmp = np.empty_like(a)
        return [(np.multiply, (grad_a, a, grad_z)), (np.subtract, (one, a, tmp)), (np.multiply, (grad_z, tmp, grad_z))]

    @staticmethod
    def apply(z):
        with np.errstate(over="ignore"):
            return 1 / (1 + np.exp(-z))

    @staticmethod
    def derivative(z, a):
        return a * (1 - a)

    @staticmethod
    def derivative_text(a):
        return f"{a}·(1 − {a})"

    @staticmethod
    def numpy_forward(z):
        return f"1 / (1 + np.exp(-{z}))  # tf.nn.sigmoid"

    @staticmethod
    def numpy_backward(grad_a, a):
        return f"{grad_a} * {a} * (1 - {a})  # sigmoid'(z) = s * (1 - s)"


ACTIVATIONS: dict[str, type[Activation]] = {cls.name: cls for cls in (Linear, Relu, Tanh, Sigmoid)}
