"""The generating rule's boundary as a field for the boundary plot's dashed "true boundary" contour."""
from __future__ import annotations

import numpy as np


def true_boundary_field(dataset, grid: np.ndarray) -> np.ndarray | None:
    """Values on `grid` (n, 2) whose 0.5 level is the true boundary, > 0.5 where the label is 1; None if the
    dataset has no closed-form boundary.  Built from the dataset's smooth margin, not its 0/1 labels,
    so that the contour is the exact line or circle rather than a staircase one grid cell wide."""
    margin = dataset.true_margin(grid[:, 0], grid[:, 1])
    if margin is None:
        return None
    scale = np.max(np.abs(margin))
    return 0.5 + margin / scale if scale > 0 else None
