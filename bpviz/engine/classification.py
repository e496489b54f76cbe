"""What a classifier's outputs say, counted: the class it picks for each point, and how often each true
class got each guess (the confusion matrix).  One rule for the status bar's accuracy, the JSON log and the
window's confusion matrix: threshold 0.5 for one output, argmax for one output per class."""
from __future__ import annotations

import numpy as np

THRESHOLD = 0.5  # a single output at or above it picks class 1


def predicted_classes(prediction: np.ndarray) -> np.ndarray:
    """The class picked for each row of outputs (n, 1) or (n, K) (probabilities, or a regression net's
    outputs read as such)."""
    prediction = np.asarray(prediction)
    if prediction.ndim == 2 and prediction.shape[1] > 1:
        return np.argmax(prediction, axis=1).astype(np.intp)
    # NaN (a diverged net) compares False: class 0, as TF's greater_equal would decide
    return (prediction.reshape(len(prediction), -1)[:, 0] >= THRESHOLD).astype(np.intp)


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """counts[t, p]: how many points of true class t were given class p; (n_classes, n_classes) int64."""
    labels = np.asarray(labels).reshape(-1).astype(np.intp)
    predicted = np.asarray(predicted).reshape(-1).astype(np.intp)
    if labels.shape != predicted.shape:
        raise ValueError(f"{len(labels)} labels but {len(predicted)} predictions")
    if n_classes < 1:
        raise ValueError(f"a confusion matrix needs at least one class, got {n_classes}")
    if len(labels) and (labels.min() < 0 or labels.max() >= n_classes or predicted.min() < 0
                        or predicted.max() >= n_classes):
        raise ValueError(f"classes must be in 0..{n_classes - 1}")
    return np.bincount(labels * n_classes + predicted, minlength=n_classes * n_classes).reshape(
        n_classes, n_classes).astype(np.int64)
