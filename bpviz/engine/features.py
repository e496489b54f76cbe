"""The network's inputs as TensorFlow Playground offers them: the point's coordinates and functions of
them.  The views still draw over (x0, x1); only the network sees the features."""
from __future__ import annotations

import numpy as np

from .file_reading import short_repr

FEATURES = {
    "x0": lambda x0, x1: x0,
    "x1": lambda x0, x1: x1,
    "x0^2": lambda x0, x1: x0 * x0,
    "x1^2": lambda x0, x1: x1 * x1,
    "x0*x1": lambda x0, x1: x0 * x1,
    "sin(x0)": lambda x0, x1: np.sin(x0),
    "sin(x1)": lambda x0, x1: np.sin(x1),
}
DEFAULT = ["x0", "x1"]
# how the panel writes them: TF Playground's notation, with superscripts and a centred dot
SYMBOLS = {"x0": "x₀", "x1": "x₁", "x0^2": "x₀²", "x1^2": "x₁²", "x0*x1": "x₀·x₁", "sin(x0)": "sin(x₀)",
           "sin(x1)": "sin(x₁)"}


def check(names: object) -> str | None:
    """What is wrong with a list of feature names, or None."""
    if not isinstance(names, list) or not names:
        return f"expected a non-empty list of features from {', '.join(FEATURES)}, got {short_repr(names)}"
    for name in names:
        if name not in FEATURES:
            return f"unknown feature {short_repr(name)} (choose from {', '.join(FEATURES)})"
    if len(set(names)) != len(names):
        return "a feature is listed twice"
    return None


def is_identity(names: list[str]) -> bool:
    return list(names) == DEFAULT


def compute(names: list[str], X: np.ndarray, dtype=np.float32) -> np.ndarray:
    """The feature columns of points X (n, 2), computed in float64 and then rounded to `dtype` as TF's feed
    does; the plain coordinates are the points' own float32 values."""
    X = np.asarray(X)
    if is_identity(names):
        return X.astype(dtype, copy=False)
    x0, x1 = X[:, 0].astype(np.float64), X[:, 1].astype(np.float64)
    return np.column_stack([FEATURES[name](x0, x1) for name in names]).astype(dtype)
