"""The generating rule's boundary as a smooth field, so that its 0.5 contour is the exact curve.

`Dataset.true_label` is 0/1 on the grid, whose contour is a staircase one cell wide.  The dataset also
names its boundary as "<expression in x0, x1> = <constant>"; evaluating that expression gives a field
whose 0.5 level set is the boundary itself, drawn as a straight line or a round circle.
"""
from __future__ import annotations

import numpy as np

_ALLOWED_NAMES = {"x0", "x1"}


def true_boundary_field(dataset, grid: np.ndarray) -> np.ndarray | None:
    """Values on `grid` (n, 2) whose 0.5 level is the true boundary, > 0.5 where the label is 1; None if the
    dataset has no closed-form boundary."""
    x0, x1 = grid[:, 0].astype(np.float64), grid[:, 1].astype(np.float64)
    labels = dataset.true_label(x0, x1)
    if labels is None:
        return None
    field = _field_from_equation(dataset.true_boundary, x0, x1)
    if field is None:
        return labels
    # orient it: above 0.5 where the rule says 1
    agree = np.mean((field > 0) == (labels > 0.5))
    return 0.5 + (field if agree >= 0.5 else -field)


def _field_from_equation(equation: str | None, x0: np.ndarray, x1: np.ndarray) -> np.ndarray | None:
    if not equation or equation.count("=") != 1:
        return None
    lhs, rhs = (part.strip() for part in equation.split("="))
    try:
        code = compile(lhs, "<true boundary>", "eval")
        if not set(code.co_names) <= _ALLOWED_NAMES:
            return None
        value = eval(code, {"__builtins__": {}}, {"x0": x0, "x1": x1})  # noqa: S307 - the engine's own table
        const = float(rhs)
    except (SyntaxError, ValueError, TypeError, ArithmeticError):
        return None
    field = np.asarray(value, dtype=np.float64) - const
    if field.shape != x0.shape or not np.isfinite(field).all():
        return None
    scale = np.max(np.abs(field))
    return field / scale if scale > 0 else None
