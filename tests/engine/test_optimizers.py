"""TF1's optimizers, learning-rate decay and moving average, checked against hand computation.

Every reference here is written out from docs/tf1-training-formulas.md in float32
NumPy, in the order TF's CPU kernels (training_ops.cc) evaluate it, with gradients from a
hand-written backprop of the tutorial network y = (x @ w1) @ w2, loss mean((y - y_)²).
Nothing here calls the engine's own helpers; the engine is only driven through `Trainer`.

Where the operation order matches TF's kernel the results must be bit-identical
(`assert_array_equal`); all comparisons below are of that kind.
"""
from __future__ import annotations

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer

F32 = np.float32

# -- the tutorial, written out independently ---------------------------------------------
_X64 = np.random.RandomState(23455).rand(32, 2)
X = _X64.astype(np.float32)  # what the float32 placeholder holds
Y = np.array([[int(x0 + x1 < 1)] for (x0, x1) in _X64], np.float32)
BATCH = 8
# the tutorial's printed initial weights; w2 is w1's first row as a column
W1_0 = np.array([[-0.8113182, 1.4845988, 0.06532937],
                 [-2.4427042, 0.0992484, 0.5912243]], np.float32)
W2_0 = W1_0[0].reshape(3, 1).copy()


def tutorial_grads(w1, w2, step):
    """dL/dw1, dL/dw2 of the tutorial's batch at 0-based `step`, by TF's autodiff rules, in float32."""
    start = (step * BATCH) % 32
    x, t = X[start:start + BATCH], Y[start:start + BATCH]
    a = np.dot(x, w1)
    y = np.dot(a, w2)
    # reduce_mean backprops 1/N; square backprops g·(2·diff)
    gy = (F32(1) / F32(x.shape[0])) * ((y - t) * F32(2))
    gw2 = np.dot(a.T, gy)  # MatMul: dB = Aᵀ·dY
    ga = np.dot(gy, w2.T)  # MatMul: dA = dY·Bᵀ
    gw1 = np.dot(x.T, ga)
    return gw1, gw2


def tutorial_config(**changes) -> RunConfig:
    return RunConfig().replace(**changes)


def test_tutorial_initial_weights_are_the_printed_ones():
    w = Trainer(tutorial_config()).weights()
    np.testing.assert_array_equal(w["w1"], W1_0)
    np.testing.assert_array_equal(w["w2"], W2_0)


def test_first_gradients_equal_hand_backprop_bit_for_bit():
    trainer = Trainer(tutorial_config())
    trainer.run(1)
    g = trainer.gradients()
    gw1, gw2 = tutorial_grads(W1_0, W2_0, 0)
    np.testing.assert_array_equal(g["w1"], gw1)
    np.testing.assert_array_equal(g["w2"], gw2)


# -- the optimizers: two updates by hand ---------------------------------------------------
def hand_gd(lr, n_steps):
    w = [W1_0.copy(), W2_0.copy()]
    lr = F32(lr)
    for i in range(n_steps):
        g = tutorial_grads(*w, i)
        w = [wk - gk * lr for wk, gk in zip(w, g)]  # ApplyGradientDescent: var -= grad * lr
    return w, {}


def hand_momentum(lr, momentum, nesterov, n_steps):
    w = [W1_0.copy(), W2_0.copy()]
    acc = [np.zeros_like(wk) for wk in w]  # accumulator starts at 0
    lr, m = F32(lr), F32(momentum)
    for i in range(n_steps):
        g = tutorial_grads(*w, i)
        acc = [ak * m + gk for ak, gk in zip(acc, g)]  # acc <- acc·m + g
        if nesterov:
            # w <- w - (lr·g + lr·m·acc), in the kernel's order: grad*lr + (accum*momentum)*lr
            w = [wk - (gk * lr + ak * m * lr) for wk, gk, ak in zip(w, g, acc)]
        else:
            w = [wk - lr * ak for wk, ak in zip(w, acc)]  # w <- w - lr·acc
    return w, {"accumulator": acc}


def hand_adam(lr, beta1, beta2, eps, n_steps):
    w = [W1_0.copy(), W2_0.copy()]
    m = [np.zeros_like(wk) for wk in w]
    v = [np.zeros_like(wk) for wk in w]
    lr, b1, b2, eps = F32(lr), F32(beta1), F32(beta2), F32(eps)
    one = F32(1)
    b1_power, b2_power = b1, b2  # running products starting at β, so step t sees β^t
    for i in range(n_steps):
        g = tutorial_grads(*w, i)
        lr_t = lr * np.sqrt(one - b2_power) / (one - b1_power)
        m = [mk + (gk - mk) * (one - b1) for mk, gk in zip(m, g)]
        v = [vk + (gk * gk - vk) * (one - b2) for vk, gk in zip(v, g)]
        # "epsilon hat": ε added to sqrt(v), v not bias-corrected
        w = [wk - lr_t * mk / (np.sqrt(vk) + eps) for wk, mk, vk in zip(w, m, v)]
        b1_power = b1_power * b1
        b2_power = b2_power * b2
    return w, {"m": m, "v": v}


OPTIMIZER_CASES = {
    "gd": (dict(optimizer="gd", lr=0.01), lambda n: hand_gd(0.01, n)),
    "momentum": (dict(optimizer="momentum", lr=0.01, momentum=0.9),
                 lambda n: hand_momentum(0.01, 0.9, False, n)),
    "nesterov": (dict(optimizer="momentum", lr=0.01, momentum=0.9, nesterov=True),
                 lambda n: hand_momentum(0.01, 0.9, True, n)),
    "adam": (dict(optimizer="adam", lr=0.01), lambda n: hand_adam(0.01, 0.9, 0.999, 1e-8, n)),
    "adam-custom-betas": (dict(optimizer="adam", lr=0.003, beta1=0.8, beta2=0.99, epsilon=1e-4),
                          lambda n: hand_adam(0.003, 0.8, 0.99, 1e-4, n)),
}


@pytest.mark.parametrize("n_steps", [1, 2])
@pytest.mark.parametrize("case", list(OPTIMIZER_CASES))
def test_optimizer_updates_equal_hand_formulas_bit_for_bit(case, n_steps):
    changes, hand = OPTIMIZER_CASES[case]
    assert_runs_as_by_hand(tutorial_config(**changes), hand, n_steps)


def assert_runs_as_by_hand(config: RunConfig, hand, n_steps: int) -> None:
    """After n_steps the weights and every optimizer slot equal the hand formulas' bit for bit."""
    trainer = Trainer(config)
    trainer.run(n_steps)
    (w1, w2), slots = hand(n_steps)
    got = trainer.weights()
    assert not np.array_equal(got["w1"], W1_0)  # it did move
    np.testing.assert_array_equal(got["w1"], w1)
    np.testing.assert_array_equal(got["w2"], w2)
    state = trainer.optimizer_state()
    assert set(state) == set(slots)
    for name, (s1, s2) in slots.items():
        np.testing.assert_array_equal(state[name]["w1"], s1)
        np.testing.assert_array_equal(state[name]["w2"], s2)


def test_two_steps_in_one_run_equal_two_single_runs():
    for changes, _ in OPTIMIZER_CASES.values():
        a = Trainer(tutorial_config(**changes))
        a.run(2)
        b = Trainer(tutorial_config(**changes))
        b.run(1)
        b.run(1)
        np.testing.assert_array_equal(a.params, b.params)


def test_adam_is_not_the_bias_corrected_v_variant():
    """Guard for the formula itself: PyTorch's form (ε added to sqrt(v̂)) gives other numbers."""
    trainer = Trainer(tutorial_config(optimizer="adam", lr=0.01, epsilon=0.1))
    trainer.run(1)
    g = tutorial_grads(W1_0, W2_0, 0)
    b1, b2, eps = F32(0.9), F32(0.999), F32(0.1)
    m = [gk * (F32(1) - b1) for gk in g]
    v = [gk * gk * (F32(1) - b2) for gk in g]
    torch_style = [w - F32(0.01) * (mk / (F32(1) - b1)) / (np.sqrt(vk / (F32(1) - b2)) + eps)
                   for w, mk, vk in zip((W1_0, W2_0), m, v)]
    assert not np.allclose(trainer.weights()["w1"], torch_style[0], rtol=1e-4, atol=0)


# -- exponential decay ----------------------------------------------------------------------
def hand_decayed_lr(lr0, rate, decay_steps, staircase, i):
    """exponential_decay at global_step = i (0-based step): lr0 · rate^(i/decay_steps), in float32."""
    p = F32(i) / F32(decay_steps)
    if staircase:
        p = np.floor(p)
    return F32(lr0) * np.power(F32(rate), p)


@pytest.mark.parametrize("staircase", [False, True])
def test_exponential_decay_sets_the_size_of_each_gd_update(staircase):
    lr0, rate, decay_steps = 0.1, 0.5, 3
    trainer = Trainer(tutorial_config(lr=lr0, lr_decay=rate, decay_steps=decay_steps, staircase=staircase))
    lrs = []
    for i in range(8):
        before = trainer.weights()
        lr_i = hand_decayed_lr(lr0, rate, decay_steps, staircase, i)
        lrs.append(lr_i)
        assert trainer.current_lr() == lr_i
        trainer.run(1)
        g = tutorial_grads(before["w1"], before["w2"], i)
        after = trainer.weights()
        np.testing.assert_array_equal(after["w1"], before["w1"] - g[0] * lr_i)
        np.testing.assert_array_equal(after["w2"], before["w2"] - g[1] * lr_i)
    # the schedule itself, against float64 arithmetic
    exponents = [(i // decay_steps) if staircase else i / decay_steps for i in range(8)]
    np.testing.assert_allclose(lrs, [lr0 * rate ** p for p in exponents], rtol=1e-6)
    if staircase:
        assert lrs[0] == lrs[1] == lrs[2] > lrs[3] == lrs[4] == lrs[5] > lrs[6]
    else:
        assert all(a > b for a, b in zip(lrs, lrs[1:]))


def test_lr_edit_with_decay_decays_the_new_base_rate():
    lr0, rate, decay_steps = 0.1, 0.5, 2
    trainer = Trainer(tutorial_config(lr=lr0, lr_decay=rate, decay_steps=decay_steps))
    trainer.run(3)
    trainer.set_lr(0.04)
    for i in range(3, 6):
        before = trainer.weights()
        lr_i = hand_decayed_lr(0.04, rate, decay_steps, False, i)
        trainer.run(1)
        g = tutorial_grads(before["w1"], before["w2"], i)
        np.testing.assert_array_equal(trainer.weights()["w1"], before["w1"] - g[0] * lr_i)


def test_constant_lr_without_decay():
    trainer = Trainer(tutorial_config(lr=0.05))
    trainer.run(10)
    assert trainer.current_lr() == F32(0.05)


# -- exponential moving average -------------------------------------------------------------
@pytest.mark.parametrize("decay", [0.99, 0.2])  # 0.2: min() picks the decay from the 2nd update on
def test_ema_shadows_follow_the_formula_for_three_steps(decay):
    trainer = Trainer(tutorial_config(lr=0.1, ema=decay))
    shadow = [W1_0.copy(), W2_0.copy()]  # shadows start at the initial weights
    ema = trainer.ema_weights()
    np.testing.assert_array_equal(ema["w1"], shadow[0])
    np.testing.assert_array_equal(ema["w2"], shadow[1])
    d_used = []
    for i in range(3):
        trainer.run(1)
        w = trainer.weights()  # the variables after update i: the average is applied after it
        n = F32(i + 1)
        d = min(F32(decay), (F32(1) + n) / (F32(10) + n))
        d_used.append(d)
        one_minus_d = F32(1) - d
        shadow = [s - (s - wk) * one_minus_d for s, wk in zip(shadow, (w["w1"], w["w2"]))]
        ema = trainer.ema_weights()
        np.testing.assert_array_equal(ema["w1"], shadow[0])
        np.testing.assert_array_equal(ema["w2"], shadow[1])
        assert not np.array_equal(ema["w1"], w["w1"])
    if decay == 0.99:
        assert d_used == [F32(2) / F32(11), F32(3) / F32(12), F32(4) / F32(13)]
    else:
        assert d_used == [F32(2) / F32(11), F32(0.2), F32(0.2)]


def test_ema_off_by_default():
    assert Trainer(tutorial_config()).ema_weights() is None


def test_ema_decay_zero_is_on_and_tracks_the_weights():
    # config.py validates ema in [0, 1) and documents None (not 0) as "off"
    trainer = Trainer(tutorial_config(ema=0.0))
    trainer.run(2)
    ema = trainer.ema_weights()
    assert ema is not None  # decay 0: d = min(0, ...) = 0, the shadow follows the weights
    np.testing.assert_allclose(ema["w1"], trainer.weights()["w1"], rtol=1e-6)
