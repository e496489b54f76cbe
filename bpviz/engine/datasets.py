"""Toy 2-D datasets (pure NumPy, no Qt): classification into 2 or more classes, and regression.

``seed``, ``circle`` and ``sales`` reproduce the TF1 course recipes bit for bit; ``xor``,
``gauss``, ``spiral``, ``reg-plane`` and ``reg-gauss`` follow TensorFlow Playground's
src/dataset.ts with labels mapped -1 -> 0, +1 -> 1 and Math.random replaced by a seeded
RandomState; ``sectors`` is bpviz's own three-class problem.
"""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass

import numpy as np

# points in the plane (what the window draws); the parabola is RUN_DATASETS only
DATASETS = ("seed", "circle", "xor", "gauss", "spiral", "sectors", "sales", "reg-plane", "reg-gauss")
DEFAULT_SAMPLES = {"seed": 32, "circle": 300, "xor": 200, "gauss": 200, "spiral": 200, "sectors": 48, "sales": 32,
                   "reg-plane": 200, "reg-gauss": 200, "parabola": 1}
DEFAULT_DATA_SEED = {"seed": 23455, "circle": 2, "xor": 1, "gauss": 1, "spiral": 1, "sectors": 7, "sales": 23455,
                     "reg-plane": 1, "reg-gauss": 1, "parabola": 0}
REGRESSION_SETS = ("sales", "reg-plane", "reg-gauss")
N_CLASSES = {"sectors": 3}  # classification sets not listed here have two classes
# The course's learning-rate lesson has no data: loss = (w + 1)² of one weight w starting at 5.  It is
# one sample x = 1 with target -1 under the squared error, so every trainer runs it unchanged:
# (w·1 - (-1))² is (w + 1)² and its gradient 2·(w + 1), the same float32 operations TF makes.
PARABOLA = "parabola"
PARABOLA_START = 5.0
RUN_DATASETS = (*DATASETS, PARABOLA)  # what a run may train on

MAX_SAMPLES = 100_000
PLAYGROUND_MAX_NOISE = 0.5  # Playground's noise slider tops out at 50%
MAX_DATA_SEED = 2**32 - 1  # RandomState's seed range
MAX_JITTER = 10.0  # the tutorial's sets: the largest jitter scale offered
PLAYGROUND_SETS = ("xor", "gauss", "spiral", "reg-plane", "reg-gauss")

# What a point's label (or target) is, in words a learner reads in the step inspector and the tooltips
# (English; the desktop app translates them in the "datasets" context).  Formulas stay as they are.
LABEL_RULES = {
    "seed": "1 if x0 + x1 < 1, else 0",
    "circle": "1 if x0² + x1² < 2, else 0",
    "xor": "1 if x0·x1 ≥ 0 (same signs), else 0",
    "gauss": "1 for the cloud around (2, 2), 0 for the cloud around (−2, −2)",
    "spiral": "1 on one arm of the spiral, 0 on the other",
    "sectors": "the 120° sector of the point's angle: 0, 1 or 2",
    "sales": "the day's sales: x0 + x1, give or take 0.05",
    "reg-plane": "(x0 + x1) / 10",
    "reg-gauss": "the strongest of six Gaussian bumps (+1 or −1) at the point",
    "parabola": "−1, so that the loss is (w + 1)²",
}
IMPORTED_LABEL_RULE = "the label column of your file"
# the course's code that makes the data (the other sets follow TensorFlow Playground's generators)
DATASET_CODE = {
    "seed": "rng = np.random.RandomState(23455); X = rng.rand(32, 2); Y_ = [[int(x0 + x1 < 1)] for (x0, x1) in X]",
    "circle": "X = rng.randn(300, 2); Y_ = [[int(x0*x0 + x1*x1 < 2)] for (x0, x1) in X]",
    "sales": "X = rng.rand(32, 2); Y_ = [[x1 + x2 + (rng.rand()/10.0 - 0.05)] for (x1, x2) in X]",
}
DRAWS = {"seed": "rand", "circle": "randn", "sales": "rand", "sectors": "uniform"}  # the first draw of X


def label_rule(name: str | None) -> str:
    """The run's label rule in English (None: points of the user's own)."""
    return LABEL_RULES.get(name, IMPORTED_LABEL_RULE) if name is not None else IMPORTED_LABEL_RULE


# Boundary of each generating rule, written "<numpy expression in x0, x1> = <constant>".
_TRUE_BOUNDARY = {"seed": "x0 + x1 = 1", "circle": "x0**2 + x1**2 = 2", "xor": "x0 * x1 = 0"}
_STRAIGHT_BOUNDARY = {"seed"}  # the rules whose boundary is one straight line


def _rule(name, x0, x1):
    """Clean labelling rule as a bool array; same float64 arithmetic as the recipes."""
    if name == "seed":
        return x0 + x1 < 1
    if name == "circle":
        return x0 * x0 + x1 * x1 < 2
    if name == "xor":
        return x0 * x1 >= 0  # Playground puts points on an axis in class +1
    return None


def _margin(name, x0, x1):
    """A smooth field that is positive where the rule says label 1 and zero on its boundary."""
    if name == "seed":
        return 1 - (x0 + x1)
    if name == "circle":
        return 2 - (x0 * x0 + x1 * x1)
    if name == "xor":
        return x0 * x1
    return None


# eq=False: the generated __eq__/__hash__ would choke on ndarray fields.
@dataclass(frozen=True, eq=False)
class Dataset:
    name: str
    X: np.ndarray  # (n, 2) float32: what a TF float32 placeholder holds after feeding X64
    Y: np.ndarray  # (n, 1) float32 labels 0.0 / 1.0
    X64: np.ndarray  # (n, 2) float64 values as generated
    domain: tuple[float, float, float, float]  # (x0_min, x0_max, x1_min, x1_max)
    true_boundary: str | None
    initial_value: float | None = None  # every initial weight, when the dataset fixes it (the parabola)
    n_classes: int = 2  # classes 0..n_classes-1 in Y; 0: Y holds numbers (regression)
    Y64: np.ndarray | None = None  # (n, 1) float64 targets as generated (regression), before the float32 feed

    @property
    def is_regression(self) -> bool:
        return self.n_classes == 0

    @property
    def straight_boundary(self) -> bool:
        """Whether the generating rule's boundary is a straight line (None-rule sets: False)."""
        return self.name in _STRAIGHT_BOUNDARY

    def true_label(self, grid_x0, grid_x1) -> np.ndarray | None:
        """Generating rule on a grid as float 0/1, or None when it has no closed form."""
        x0 = np.asarray(grid_x0, dtype=np.float64)
        x1 = np.asarray(grid_x1, dtype=np.float64)
        inside = _rule(self.name, x0, x1)
        return None if inside is None else inside.astype(np.float64)

    def true_margin(self, grid_x0, grid_x1) -> np.ndarray | None:
        """The rule as a smooth field (> 0 for label 1, 0 on the true boundary), so that a contour of it is
        the exact line or circle rather than a staircase; None when the rule has no closed form."""
        x0 = np.asarray(grid_x0, dtype=np.float64)
        x1 = np.asarray(grid_x1, dtype=np.float64)
        return _margin(self.name, x0, x1)

    def __repr__(self) -> str:
        return f"Dataset(name={self.name!r}, n={len(self.X)}, domain={self.domain})"


def _split(n):
    """Class sizes for two-class generators: the first class gets the odd sample."""
    return (n + 1) // 2, n // 2


def _recipe(name, rng, n, noise):
    """The TF1 course recipes: draw, label the clean points, then (optionally) jitter."""
    X = rng.rand(n, 2) if name == "seed" else rng.randn(n, 2)
    Y = _rule(name, X[:, 0], X[:, 1])
    if noise > 0:  # no extra draw at noise 0 keeps the tutorial stream untouched
        X = X + noise * rng.randn(n, 2)
    return X, Y


def _xor(rng, n, noise):
    # One row per point in Playground's call order: x, y, noiseX, noiseY.
    u = rng.uniform(-5, 5, size=(n, 4))
    pad = 0.3
    xy = np.where(u[:, :2] > 0, u[:, :2] + pad, u[:, :2] - pad)
    noisy = xy + u[:, 2:] * noise
    return xy, noisy[:, 0] * noisy[:, 1] >= 0


def _gauss(rng, n, noise):
    # Playground's d3 scale: noise [0, .5] -> variance [0.5, 4].
    std = math.sqrt(0.5 + noise * (4 - 0.5) / 0.5)
    n_pos, n_neg = _split(n)
    X = np.vstack([rng.normal(2, std, size=(n_pos, 2)), rng.normal(-2, std, size=(n_neg, 2))])
    return X, np.arange(n) < n_pos


def _spiral(rng, n, noise):
    half = n / 2  # Playground divides by numSamples / 2, fractional for odd n
    parts = []
    for count, delta_t in zip(_split(n), (0.0, math.pi)):
        i = np.arange(count)
        r = i / half * 5
        t = 1.75 * i / half * 2 * math.pi + delta_t
        # Playground draws the jitter even at noise 0, so the stream does not depend on noise.
        jitter = rng.uniform(-1, 1, size=(count, 2)) * noise
        parts.append(np.column_stack([r * np.sin(t), r * np.cos(t)]) + jitter)
    return np.vstack(parts), np.arange(n) < _split(n)[0]


def _sectors(rng, n, noise):
    """Three classes: which 120° sector of the square [-1, 1]² a point's angle falls in (from -π)."""
    X = rng.uniform(-1, 1, size=(n, 2))
    labels = ((np.arctan2(X[:, 1], X[:, 0]) + math.pi) / (2 * math.pi / 3)).astype(int) % 3
    if noise > 0:
        X = X + noise * rng.randn(n, 2)
    return X, labels


def _sales(rng, n, noise):
    """The course's loss lesson: daily sales ≈ x0 + x1, give or take 0.05, from the same generator."""
    X = rng.rand(n, 2)
    y = X[:, 0] + X[:, 1] + (rng.rand(n) / 10.0 - 0.05)
    if noise > 0:
        X = X + noise * rng.randn(n, 2)
    return X, y


def _reg_plane(rng, n, noise):
    u = rng.uniform(-6, 6, size=(n, 4))
    x, y = u[:, 0] + u[:, 2] * noise, u[:, 1] + u[:, 3] * noise
    return u[:, :2], (x + y) / 10  # Playground's scale: [-10, 10] -> [-1, 1]


_REG_GAUSSIANS = ((-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1))


def _reg_gauss(rng, n, noise):
    u = rng.uniform(-6, 6, size=(n, 4))
    x, y = u[:, 0] + u[:, 2] * noise, u[:, 1] + u[:, 3] * noise
    label = np.zeros(n)
    for cx, cy, sign in _REG_GAUSSIANS:
        # Playground's clamped scale: distance [0, 2] -> [1, 0]; the strongest bump wins
        bump = sign * np.clip(1 - np.hypot(x - cx, y - cy) / 2, 0, 1)
        label = np.where(np.abs(bump) > np.abs(label), bump, label)
    return u[:, :2], label


_GENERATORS = {"xor": _xor, "gauss": _gauss, "spiral": _spiral, "reg-plane": _reg_plane, "reg-gauss": _reg_gauss}
_OWN_ORDER = {"sectors": _sectors, "sales": _sales}  # generated in their final order: no shuffle


def _domain(name, X):
    lo, hi = X.min(axis=0), X.max(axis=0)
    if name == "seed":  # show the whole unit square the tutorial samples from
        lo, hi = np.minimum(lo, 0.0), np.maximum(hi, 1.0)
    span = hi - lo
    pad = np.where(span > 0, 0.1 * span, 1.0)  # a single point still gets a visible box
    return (float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1]))


def train_count(n: int, test_ratio: float) -> int:
    """How many of n points are trained on: the last ⌊test_ratio·n⌋ are held out (at least one is left, as
    test_ratio < 1)."""
    return n - math.floor(test_ratio * n)


def size_and_seed(name: str, samples: int | None, data_seed: int | None) -> tuple[int, int]:
    """The sample count and generator seed a dataset uses, None meaning the dataset's default."""
    return (DEFAULT_SAMPLES[name] if samples is None else samples,
            DEFAULT_DATA_SEED[name] if data_seed is None else data_seed)


def _check(name, samples, data_seed, noise):
    if not isinstance(name, str) or name not in RUN_DATASETS:
        raise ValueError(f"name must be one of {', '.join(RUN_DATASETS)}; got {name!r}")
    samples, data_seed = size_and_seed(name, samples, data_seed)
    try:
        samples = operator.index(samples)
    except TypeError:
        raise ValueError(f"samples must be an integer, got {samples!r}") from None
    if not 1 <= samples <= MAX_SAMPLES:
        raise ValueError(f"samples must be between 1 and {MAX_SAMPLES}, got {samples}")
    try:
        data_seed = operator.index(data_seed)
    except TypeError:
        raise ValueError(f"data_seed must be an integer, got {data_seed!r}") from None
    if not 0 <= data_seed <= MAX_DATA_SEED:
        raise ValueError(f"data_seed must be between 0 and {MAX_DATA_SEED}, got {data_seed}")
    try:
        noise = float(noise)
    except (TypeError, ValueError):
        raise ValueError(f"noise must be a number, got {noise!r}") from None
    if not math.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0, got {noise}")
    if name == PARABOLA and (samples != 1 or noise):
        raise ValueError("the parabola is one fixed sample: it takes no samples count and no noise")
    if name in PLAYGROUND_SETS and noise > PLAYGROUND_MAX_NOISE:
        raise ValueError(f"noise must be between 0 and {PLAYGROUND_MAX_NOISE} for {name!r}, got {noise}")
    return samples, data_seed, noise


def make_dataset(name: str, samples: int | None = None, data_seed: int | None = None,
                 noise: float = 0.0) -> Dataset:
    """Build dataset ``name``; ``samples``/``data_seed`` of None take the per-dataset defaults."""
    n, data_seed, noise = _check(name, samples, data_seed, noise)
    if name == PARABOLA:
        X64 = np.ones((1, 1))
        return Dataset(name=name, X=X64.astype(np.float32), Y=np.full((1, 1), -1, np.float32), X64=X64,
                       domain=(-8.0, 6.0, 0.0, 50.0), true_boundary=None, initial_value=PARABOLA_START,
                       n_classes=0, Y64=np.full((1, 1), -1.0))  # a number to fit, not a class
    rng = np.random.RandomState(data_seed)
    if name in _GENERATORS:
        X64, labels = _GENERATORS[name](rng, n, noise)
        # Playground shuffles after generating; without it, in-order mini-batches see one class at a time
        order = rng.permutation(n)
        X64, labels = X64[order], labels[order]
    elif name in _OWN_ORDER:
        X64, labels = _OWN_ORDER[name](rng, n, noise)
    else:
        X64, labels = _recipe(name, rng, n, noise)
    return from_arrays(name, X64, labels, 0 if name in REGRESSION_SETS else N_CLASSES.get(name, 2))


def from_arrays(name: str, X64, targets, n_classes: int) -> Dataset:
    """A dataset of these points: class labels 0..n_classes-1, or numbers when n_classes is 0."""
    X64 = np.ascontiguousarray(X64, dtype=np.float64)
    n = X64.shape[0]
    Y64 = np.asarray(targets, dtype=np.float64).reshape(n, 1)
    return Dataset(
        name=name,
        X=X64.astype(np.float32),  # round-to-nearest, as TF's float64 -> float32 feed cast
        Y=Y64.astype(np.float32),
        X64=X64,
        domain=_domain(name, X64),
        true_boundary=_TRUE_BOUNDARY.get(name),
        n_classes=n_classes,
        Y64=Y64 if n_classes == 0 else None,
    )
