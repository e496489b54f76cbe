import math

import numpy as np
import pytest

from bpviz.engine.datasets import (
    DATASETS, DEFAULT_DATA_SEED, DEFAULT_SAMPLES, Dataset, make_dataset,
)

PLAYGROUND = ("xor", "gauss", "spiral")


def test_tutorial_seed_dataset_literal_values():
    ds = make_dataset("seed")
    # repr() of np.random.RandomState(23455).rand(32, 2), printed once.
    np.testing.assert_array_equal(ds.X64[:3], [
        [0.8349431851679617, 0.11482951405951503],
        [0.668997510460124, 0.46594987275864086],
        [0.6018166562747105, 0.5883840849385424],
    ])
    assert ds.Y.ravel().tolist() == [
        1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1,
    ]
    assert ds.domain == pytest.approx((-0.1, 1.1, -0.1, 1.1))


def test_circle_literal_values():
    ds = make_dataset("circle")
    np.testing.assert_array_equal(ds.X64[:2], [
        [-0.4167578474054706, -0.056266827226329474],
        [-2.136196095668454, 1.6402708084049886],
    ])
    assert int(ds.Y.sum()) == 188


@pytest.mark.parametrize("name, seed, n, draw, rule", [
    ("seed", 23455, 32, lambda r: r.rand(32, 2), lambda a, b: a + b < 1),
    ("seed", 7, 50, lambda r: r.rand(50, 2), lambda a, b: a + b < 1),
    ("circle", 2, 300, lambda r: r.randn(300, 2), lambda a, b: a * a + b * b < 2),
    ("circle", 5, 40, lambda r: r.randn(40, 2), lambda a, b: a * a + b * b < 2),
])
def test_noise_zero_is_bit_identical_to_plain_recipe(name, seed, n, draw, rule):
    X = draw(np.random.RandomState(seed))
    Y = [[int(rule(x0, x1))] for (x0, x1) in X]  # the tutorial's list comprehension
    ds = make_dataset(name, samples=n, data_seed=seed, noise=0.0)
    np.testing.assert_array_equal(ds.X64, X)
    np.testing.assert_array_equal(ds.X, np.asarray(X, dtype=np.float32))
    np.testing.assert_array_equal(ds.Y, np.asarray(Y, dtype=np.float32))


@pytest.mark.parametrize("name", ["seed", "circle"])
def test_recipe_noise_jitters_points_after_labelling(name):
    clean = make_dataset(name)
    noisy = make_dataset(name, noise=0.2)
    np.testing.assert_array_equal(noisy.Y, clean.Y)  # labels come from the clean points
    rng = np.random.RandomState(DEFAULT_DATA_SEED[name])
    n = DEFAULT_SAMPLES[name]
    X = rng.rand(n, 2) if name == "seed" else rng.randn(n, 2)
    np.testing.assert_array_equal(noisy.X64, X + 0.2 * rng.randn(n, 2))


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("samples", [None, 1, 7, 64])
def test_shapes_dtypes_counts(name, samples):
    ds = make_dataset(name, samples=samples)
    n = DEFAULT_SAMPLES[name] if samples is None else samples
    assert isinstance(ds, Dataset) and ds.name == name
    assert ds.X.shape == (n, 2) and ds.X.dtype == np.float32
    assert ds.X64.shape == (n, 2) and ds.X64.dtype == np.float64
    assert ds.Y.shape == (n, 1) and ds.Y.dtype == np.float32
    if ds.is_regression:
        np.testing.assert_array_equal(ds.Y, ds.Y64.astype(np.float32))
    else:
        assert set(np.unique(ds.Y)) <= set(map(float, range(ds.n_classes)))
    np.testing.assert_array_equal(ds.X, ds.X64.astype(np.float32))


@pytest.mark.parametrize("name", DATASETS)
def test_reproducible_and_seed_sensitive(name):
    a, b = make_dataset(name, noise=0.1), make_dataset(name, noise=0.1)
    np.testing.assert_array_equal(a.X64, b.X64)
    np.testing.assert_array_equal(a.Y, b.Y)
    c = make_dataset(name, data_seed=DEFAULT_DATA_SEED[name] + 1, noise=0.1)
    assert not np.array_equal(a.X64, c.X64)


@pytest.mark.parametrize("name", ["seed", "circle", "xor"])
@pytest.mark.parametrize("data_seed", [0, 3])
def test_clean_labels_follow_the_rule(name, data_seed):
    ds = make_dataset(name, samples=500, data_seed=data_seed)
    np.testing.assert_array_equal(ds.Y.ravel(), ds.true_label(ds.X64[:, 0], ds.X64[:, 1]))


def test_xor_matches_playground_draw_order():
    rng = np.random.RandomState(4)
    expected_x, expected_y = [], []
    for _ in range(30):  # classifyXORData, one Math.random() call at a time
        x = rng.uniform(-5, 5)
        x += 0.3 if x > 0 else -0.3
        y = rng.uniform(-5, 5)
        y += 0.3 if y > 0 else -0.3
        nx, ny = rng.uniform(-5, 5) * 0.25, rng.uniform(-5, 5) * 0.25
        expected_x.append([x, y])
        expected_y.append(1 if (x + nx) * (y + ny) >= 0 else 0)
    ds = make_dataset("xor", samples=30, data_seed=4, noise=0.25)
    # then shuffled with the same generator, as Playground shuffles after generating
    order = rng.permutation(30)
    np.testing.assert_allclose(ds.X64, np.array(expected_x)[order], rtol=0, atol=1e-12)
    assert ds.Y.ravel().tolist() == np.array(expected_y)[order].tolist()
    assert np.all(np.abs(ds.X64) >= 0.3)  # the padding keeps points off the axes


def test_spiral_geometry_without_noise():
    ds = make_dataset("spiral", samples=200, noise=0.0)
    ordered = np.argsort(-ds.Y.ravel(), kind="stable")
    ds_x, ds_y = ds.X64[ordered], ds.Y[ordered]
    # within a class the shuffle scrambles the order: sort by radius to compare with the formula
    ds_x[:100] = ds_x[:100][np.argsort(np.hypot(*ds_x[:100].T))]
    ds_x[100:] = ds_x[100:][np.argsort(np.hypot(*ds_x[100:].T))]
    i = np.arange(100)
    r, t = i / 100 * 5, 1.75 * i / 100 * 2 * math.pi
    np.testing.assert_allclose(ds_x[:100], np.c_[r * np.sin(t), r * np.cos(t)], atol=1e-12)
    np.testing.assert_allclose(ds_x[100:], -ds_x[:100], atol=1e-12)  # deltaT = pi
    assert ds_y[:100].all() and not ds_y[100:].any()


def test_gauss_means_and_variance_scale():
    low = make_dataset("gauss", samples=20000, noise=0.0)
    high = make_dataset("gauss", samples=20000, noise=0.5)
    pos, neg = low.X64[low.Y.ravel() == 1], low.X64[low.Y.ravel() == 0]
    np.testing.assert_allclose(pos.mean(axis=0), [2, 2], atol=0.05)
    np.testing.assert_allclose(neg.mean(axis=0), [-2, -2], atol=0.05)
    assert pos.var(axis=0) == pytest.approx([0.5, 0.5], rel=0.05)
    assert high.X64[high.Y.ravel() == 1].var(axis=0) == pytest.approx([4, 4], rel=0.05)


@pytest.mark.parametrize("name", ["gauss", "spiral"])
@pytest.mark.parametrize("samples", [200, 201, 1])
def test_two_class_generators_are_balanced(name, samples):
    ds = make_dataset(name, samples=samples, noise=0.3)
    assert int(ds.Y.sum()) == math.ceil(samples / 2)  # first class gets the odd sample


def test_playground_sets_are_shuffled_so_batches_mix_classes():
    ds = make_dataset("gauss", samples=200)
    assert 0 < ds.Y[:8].sum() < 8 or 0 < ds.Y[8:16].sum() < 8


def test_xor_is_roughly_balanced():
    for seed in range(5):
        assert 0.4 <= make_dataset("xor", data_seed=seed).Y.mean() <= 0.6


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("noise", [0.0, 0.5])
def test_domain_contains_all_points_with_margin(name, noise):
    ds = make_dataset(name, noise=noise)
    x0_min, x0_max, x1_min, x1_max = ds.domain
    assert all(isinstance(v, float) for v in ds.domain)
    assert x0_min < ds.X64[:, 0].min() and ds.X64[:, 0].max() < x0_max
    assert x1_min < ds.X64[:, 1].min() and ds.X64[:, 1].max() < x1_max
    if name == "seed":
        assert x0_min < 0 and x0_max > 1 and x1_min < 0 and x1_max > 1


def test_domain_of_single_point_is_not_degenerate():
    x0_min, x0_max, x1_min, x1_max = make_dataset("xor", samples=1).domain
    assert x0_max - x0_min > 0 and x1_max - x1_min > 0


def test_true_label_on_grid():
    g0, g1 = np.meshgrid(np.linspace(-3, 3, 61), np.linspace(-3, 3, 41))
    rules = {
        "seed": (g0 + g1 < 1, "x0 + x1 = 1"),
        "circle": (g0 ** 2 + g1 ** 2 < 2, "x0**2 + x1**2 = 2"),
        "xor": (g0 * g1 >= 0, "x0 * x1 = 0"),
    }
    for name, (expected, boundary) in rules.items():
        ds = make_dataset(name, samples=4)
        labels = ds.true_label(g0, g1)
        assert labels.shape == g0.shape and labels.dtype.kind == "f"
        np.testing.assert_array_equal(labels, expected.astype(float))
        assert ds.true_boundary == boundary
    for name in ("gauss", "spiral"):
        ds = make_dataset(name, samples=4)
        assert ds.true_label(g0, g1) is None and ds.true_boundary is None


def test_dataset_is_frozen():
    ds = make_dataset("seed")
    with pytest.raises(AttributeError):
        ds.name = "other"


@pytest.mark.parametrize("kwargs, word", [
    (dict(name="moons"), "name"),
    (dict(name="SEED"), "name"),
    (dict(name="seed", samples=0), "samples must be between 1 and 100000, got 0"),
    (dict(name="xor", samples=100001), "samples"),
    (dict(name="xor", samples=-5), "samples"),
    (dict(name="xor", samples=2.5), "samples"),
    (dict(name="seed", data_seed=-1), "data_seed"),
    (dict(name="seed", noise=-0.1), "noise"),
    (dict(name="circle", noise=float("nan")), "noise"),
    (dict(name="circle", noise=float("inf")), "noise"),
    (dict(name="xor", noise=0.51), "noise"),
    (dict(name="gauss", noise=0.6), "noise"),
    (dict(name="spiral", noise=1.0), "noise"),
])
def test_validation_errors(kwargs, word):
    with pytest.raises(ValueError, match=word):
        make_dataset(**kwargs)


def test_limits_are_accepted():
    assert len(make_dataset("spiral", samples=100000, noise=0.5).X) == 100000
    assert len(make_dataset("seed", samples=np.int64(3), noise=2.0).X) == 3  # no cap off playground


@pytest.mark.parametrize("name", ["seed", "circle", "xor"])
def test_true_margin_is_positive_exactly_where_the_rule_says_label_1(name):
    ds = make_dataset(name, samples=400, data_seed=5)
    x0, x1 = np.meshgrid(np.linspace(-3, 3, 61), np.linspace(-3, 3, 61))
    margin = ds.true_margin(x0, x1)
    off_boundary = margin != 0
    np.testing.assert_array_equal((margin > 0)[off_boundary], ds.true_label(x0, x1)[off_boundary] == 1)


def test_no_margin_without_a_closed_form_rule():
    assert make_dataset("spiral").true_margin(np.zeros(3), np.zeros(3)) is None
