"""Backprop against finite differences, in float64, through the engine's own objects.

For each case: a float64 `Trainer`, the `BatchPass` of step 0 (a batch of 8), its forward and
backward ops, and `trainer.grads` compared entry by entry with a central finite difference
of the batch objective (`bp.run_forward()`: data loss + regularisation) w.r.t. the same
entry of `trainer.params`.  The objective itself is first checked against an independent
NumPy implementation of the network, loss and regularisers.

Finite differences: a 6th-order central stencil with h = 3e-3; on these objectives its
truncation error is < 5e-8 relative, well under the tolerance: |g - fd| / max(1e-8, |g| + |fd|)
< 1e-6 per entry.  Its rounding noise is ~1e-12·|f| absolute, so the few entries smaller than
~1e-7 (4 of ~9000 here) are held to that noise bound instead.  A finite difference is only valid
where the objective is smooth over [w - 3h, w + 3h]: the tests move weights away from 0 for
L1 and pick init seeds whose ReLU pre-activations keep away from 0 (the stencil checks that
no ReLU changed side while it probed) and, for the cross-entropy, whose logits are not
saturated.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

H = 3e-3
RTOL = 1e-6
MARGIN = 0.05  # distance from a kink (|w| for L1, |z| for ReLU) we require, >> 3·H
# Beyond this logit σ(y) - t is below 3e-7 and both its float64 value and a finite difference
# keep only a few digits: a relative comparison would test rounding, not backprop.
MAX_LOGIT = 15.0


def rel_error(g, fd):
    return np.abs(g - fd) / np.maximum(1e-8, np.abs(g) + np.abs(fd))


# -- an independent float64 reference of the batch objective -----------------------------------
def reference_objective(weights: dict, x, t, activation, loss, l1, l2):
    n_layers = sum(1 for k in weights if k.startswith("w"))
    a = x.astype(np.float64)
    for i in range(1, n_layers + 1):
        z = a @ weights[f"w{i}"]
        if f"b{i}" in weights:
            z = z + weights[f"b{i}"]
        if i == n_layers or activation == "linear":
            a = z
        elif activation == "relu":
            a = np.where(z > 0, z, 0.0)
        elif activation == "tanh":
            a = np.tanh(z)
        else:
            a = 1.0 / (1.0 + np.exp(-z))
    y = a
    if loss == "mse":
        data = np.mean((y - t) ** 2)
    elif loss == "cost-profit":  # the course's COST=1, PROFIT=9, summed over the batch
        data = np.sum(np.where(y > t, 1.0 * (y - t), 9.0 * (t - y)))
    elif loss == "softmax-ce":  # t one-hot: log Σ e^y - y_label
        data = np.mean(np.log(np.sum(np.exp(y), axis=1)) - np.sum(t * y, axis=1))
    else:  # sigmoid cross-entropy on logits: -t·log σ(y) - (1-t)·log(1-σ(y)) = log(1 + e^y) - t·y
        data = np.mean(np.logaddexp(0.0, y) - t * y)
    reg = 0.0
    for i in range(1, n_layers + 1):
        w = weights[f"w{i}"]
        reg += l2 * np.sum(w * w) / 2 + l1 * np.sum(np.abs(w))
    return data + reg


# -- building a case ---------------------------------------------------------------------------
def relu_preactivations(bp):
    return [layer.z.copy() for layer in bp.layers[:-1]]


def build_case(dataset, activation, loss, hidden, bias, l1=0.0, l2=0.0):
    """(trainer, batch pass) of a float64 run where finite differences are valid at step 0."""
    base = RunConfig().replace(dataset=dataset, activation=activation, loss=loss, hidden=hidden,
                               bias=bias, l1=l1, l2=l2, batch_size=8)
    for seed in range(1, 400):
        trainer = Trainer(base.replace(init_seed=seed), dtype=np.float64)
        net, p = trainer.net, trainer.params
        rng = np.random.RandomState(seed)
        if bias:  # biases start at 0; give them values so that the bias add is exercised
            for i in range(1, net.n_layers + 1):
                b = net.view(p, f"b{i}")
                b[...] = rng.uniform(-0.5, 0.5, b.shape)
        if l1:  # |w| has a kink at 0: keep every weight at least MARGIN away from it
            w = net.weight_part(p)
            w[...] = np.where(np.abs(w) < MARGIN, np.copysign(MARGIN, w), w)
        bp = trainer._pass_for(0)
        bp.run_forward()
        if activation == "relu" and any(np.abs(z).min() < MARGIN for z in relu_preactivations(bp)):
            continue
        if loss in ("sigmoid-ce", "softmax-ce") and np.abs(bp.layers[-1].z).max() > MAX_LOGIT:
            continue
        if loss == "cost-profit" and np.abs(bp.layers[-1].z - bp.y_true).min() < MARGIN:
            continue  # the loss has a kink where the prediction equals the target
        return trainer, bp
    raise AssertionError("no init seed keeps ReLU pre-activations off 0 and logits unsaturated")


def finite_differences(trainer, bp, check_relu):
    """6th-order central differences of bp.run_forward() w.r.t. every entry of trainer.params."""
    p = trainer.params
    signs = [z > 0 for z in relu_preactivations(bp)] if check_relu else None
    out = np.empty(p.size)
    for k in range(p.size):
        w = p[k]
        f = {}
        for s in (-3, -2, -1, 1, 2, 3):
            p[k] = w + s * H
            f[s] = bp.run_forward()
            if check_relu:
                assert all(np.array_equal(z > 0, s0) for z, s0 in zip(relu_preactivations(bp), signs)), \
                    "a ReLU changed side inside the stencil: finite difference not valid here"
        p[k] = w
        out[k] = (45 * (f[1] - f[-1]) - 9 * (f[2] - f[-2]) + (f[3] - f[-3])) / (60 * H)
    return out


def fd_noise(objective):
    """Bound on a stencil value's rounding error: each f(w + s·H) is good to ~10 eps·|f|."""
    return (2 * 45 + 2 * 9 + 2 * 1) / (60 * H) * 10 * np.finfo(np.float64).eps * abs(objective)


def assert_close_to_fd(trainer, g, fd, objective):
    """Relative error < RTOL, except on entries so small (|g| ≲ 1e-7) that the finite difference
    itself only resolves them to its rounding noise (~1e-12·|f|): there |g - fd| must stay below it."""
    err = rel_error(g, fd)
    ok = (err < RTOL) | (np.abs(g - fd) <= fd_noise(objective))
    if not ok.all():
        names = [f"{name}{idx}" for name, v in trainer.net.views(trainer.params).items()
                 for idx in np.ndindex(v.shape)]
        bad = np.flatnonzero(~ok)
        worst = bad[np.argmax(err[bad])]
        raise AssertionError(f"{len(bad)} gradient entries off; worst {names[worst]}: backprop {g[worst]!r} "
                             f"vs finite difference {fd[worst]!r} (relative error {err[worst]:.2e})")


def check_gradients(dataset, activation, loss, hidden, bias, l1=0.0, l2=0.0):
    trainer, bp = build_case(dataset, activation, loss, hidden, bias, l1, l2)
    assert bp.n == 8
    # the objective the engine differentiates is the one an independent implementation computes
    objective = bp.run_forward()
    expected = reference_objective(trainer.weights(), bp.x, bp.y_true, activation, loss, l1, l2)
    assert objective == pytest.approx(expected, rel=1e-12, abs=1e-14)

    trainer.grads[...] = np.nan  # stale values must be overwritten, not accumulated into
    for f, args in bp.forward_ops + bp.backward_ops:
        f(*args)
    g = trainer.grads.copy()
    assert np.isfinite(g).all()

    fd = finite_differences(trainer, bp, check_relu=activation == "relu")
    assert_close_to_fd(trainer, g, fd, objective)
    return trainer, g, fd


ACTIVATIONS = ["linear", "relu", "tanh", "sigmoid"]
LOSSES = ["mse", "sigmoid-ce"]
SHAPES = [[3], [8, 8], [], [5, 4, 3]]
DATASETS = ["seed", "xor", "circle"]


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("bias", [False, True], ids=["nobias", "bias"])
@pytest.mark.parametrize("hidden", SHAPES, ids=lambda h: "h" + "x".join(map(str, h)) if h else "h-none")
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_backprop_matches_finite_differences(activation, loss, hidden, bias, dataset):
    check_gradients(dataset, activation, loss, hidden, bias)


# the new losses on the data they fit: one output per class (3 classes, and the tutorial's 2), and regression
NEW_LOSS_CASES = [("softmax-ce", "sectors"), ("softmax-ce", "seed"), ("cost-profit", "sales"),
                  ("cost-profit", "reg-gauss"), ("mse", "reg-plane")]


@pytest.mark.parametrize("bias", [False, True], ids=["nobias", "bias"])
@pytest.mark.parametrize("hidden", SHAPES, ids=lambda h: "h" + "x".join(map(str, h)) if h else "h-none")
@pytest.mark.parametrize("activation", ["linear", "tanh", "sigmoid"])
@pytest.mark.parametrize("loss,dataset", NEW_LOSS_CASES, ids=[f"{a}-{b}" for a, b in NEW_LOSS_CASES])
def test_new_losses_backprop_matches_finite_differences(loss, dataset, activation, hidden, bias):
    check_gradients(dataset, activation, loss, hidden, bias, l2=0.1 if bias else 0.0)


REGULARISERS = {"l1": dict(l1=0.05), "l2": dict(l2=0.1), "l1+l2": dict(l1=0.03, l2=0.2)}


@pytest.mark.parametrize("hidden", [[8, 8], [5, 4, 3]], ids=["h8x8", "h5x4x3"])
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("reg", list(REGULARISERS))
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_regularised_backprop_matches_finite_differences(activation, reg, loss, hidden):
    dataset = DATASETS[(ACTIVATIONS.index(activation) + len(hidden)) % 3]
    check_gradients(dataset, activation, loss, hidden, True, **REGULARISERS[reg])


def test_regularisation_adds_its_gradient_to_weights_only():
    """Same weights with and without L1+L2: gradients differ by l2·w + l1·sign(w) on weights, 0 on biases."""
    reg, g_reg, _ = check_gradients("xor", "tanh", "mse", [5, 4, 3], True, l1=0.03, l2=0.2)
    plain = Trainer(reg.config.replace(l1=0.0, l2=0.0), dtype=np.float64)
    plain.params[...] = reg.params
    bp = plain._pass_for(0)
    for f, args in bp.forward_ops + bp.backward_ops:
        f(*args)
    g_plain = plain.grads
    nw = plain.net.n_weights
    w = plain.params[:nw]
    np.testing.assert_allclose(g_reg[:nw] - g_plain[:nw], 0.2 * w + 0.03 * np.sign(w), rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(g_reg[nw:], g_plain[nw:])


def test_run_updates_with_the_gradient_at_the_weights_before_the_update():
    """Integration: the gradient `run(1)` leaves behind is the finite-difference one at the old weights."""
    trainer, bp = build_case("circle", "sigmoid", "sigmoid-ce", [8, 8], True, l2=0.1)
    before = trainer.params.copy()
    objective = bp.run_forward()
    fd = finite_differences(trainer, bp, check_relu=False)
    trainer.run(1)
    g = np.concatenate([v.ravel() for v in trainer.gradients().values()])  # names in flat order
    assert_close_to_fd(trainer, g, fd, objective)
    np.testing.assert_allclose(trainer.params, before - trainer.config.optimizer.lr * g, rtol=1e-12, atol=0)


def test_float32_gradients_agree_with_float64():
    for activation, loss in itertools.product(ACTIVATIONS, LOSSES):
        config = RunConfig().replace(dataset="xor", activation=activation, loss=loss, hidden=[8, 8], bias=True,
                                     l2=0.1)
        grads = []
        for dtype in (np.float32, np.float64):
            trainer = Trainer(config, dtype=dtype)
            trainer.run(1)
            grads.append(trainer.grads.astype(np.float64))
        np.testing.assert_allclose(grads[0], grads[1], rtol=1e-4, atol=1e-6)
