"""TF1's RMSProp and Adagrad: two steps against hand-written float32 formulas (in the order of TF's
kernels, docs/tf1-rmsprop-adagrad.md), 3000 steps against real TensorFlow, sessions, K runs stacked."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bpviz.engine.config import RunConfig
from bpviz.engine.step_record import record_step
from bpviz.engine.optimizers import OPTIMIZERS, Example, Formatter, make_optimizer, slots_of
from bpviz.engine.settings import SETTINGS
from bpviz.engine.session import load_session, save_session
from bpviz.engine.trainer import Trainer

from .test_optimizers import F32, W1_0, W2_0, assert_runs_as_by_hand, tutorial_grads

REFERENCE = json.loads((Path(__file__).parents[1] / "data" / "tf1_optimizers_tutorial.json").read_text())


def hand_rmsprop(lr, decay, momentum, eps, centered, n_steps):
    w = [W1_0.copy(), W2_0.copy()]
    ms = [np.ones_like(wk) for wk in w]  # TF1's rms slot starts at ONES
    mg = [np.zeros_like(wk) for wk in w]
    mom = [np.zeros_like(wk) for wk in w]
    lr, rho, mu, eps = F32(lr), F32(decay), F32(momentum), F32(eps)
    for i in range(n_steps):
        g = tutorial_grads(*w, i)
        ms = [s + (gk * gk - s) * (F32(1) - rho) for s, gk in zip(ms, g)]
        if centered:
            mg = [a + (gk - a) * (F32(1) - rho) for a, gk in zip(mg, g)]
            denom = [np.sqrt((s - a * a) + eps) for s, a in zip(ms, mg)]
        else:
            denom = [np.sqrt(s + eps) for s in ms]  # epsilon inside the root
        mom = [m * mu + (gk * lr) / d for m, gk, d in zip(mom, g, denom)]
        w = [wk - m for wk, m in zip(w, mom)]
    slots = {"rms": ms, "momentum": mom}
    if centered:
        slots["mg"] = mg
    return w, slots


def hand_adagrad(lr, initial, n_steps):
    w = [W1_0.copy(), W2_0.copy()]
    acc = [np.full_like(wk, F32(initial)) for wk in w]
    lr = F32(lr)
    for i in range(n_steps):
        g = tutorial_grads(*w, i)
        acc = [a + gk * gk for a, gk in zip(acc, g)]
        w = [wk - gk * lr * (F32(1) / np.sqrt(a)) for wk, gk, a in zip(w, g, acc)]  # grad * lr * rsqrt(acc)
    return w, {"accumulator": acc}


CASES = {
    "rmsprop": (dict(optimizer="rmsprop", lr=0.01), lambda n: hand_rmsprop(0.01, 0.9, 0.0, 1e-10, False, n)),
    "rmsprop-momentum": (dict(optimizer="rmsprop", lr=0.003, rms_decay=0.8, momentum=0.5),
                         lambda n: hand_rmsprop(0.003, 0.8, 0.5, 1e-10, False, n)),
    "rmsprop-centered": (dict(optimizer="rmsprop", lr=0.01, momentum=0.9, centered=True, epsilon=1e-6),
                         lambda n: hand_rmsprop(0.01, 0.9, 0.9, 1e-6, True, n)),
    "adagrad": (dict(optimizer="adagrad", lr=0.1), lambda n: hand_adagrad(0.1, 0.1, n)),
    "adagrad-initial": (dict(optimizer="adagrad", lr=0.05, initial_accumulator=0.5),
                        lambda n: hand_adagrad(0.05, 0.5, n)),
}


@pytest.mark.parametrize("n_steps", [1, 2])
@pytest.mark.parametrize("case", list(CASES))
def test_first_two_updates_equal_the_hand_formulas_bit_for_bit(case, n_steps):
    changes, hand = CASES[case]
    assert_runs_as_by_hand(RunConfig().replace(**changes), hand, n_steps)


def test_rmsprop_takes_tf1_defaults_where_they_differ_from_momentum():
    o = RunConfig().replace(optimizer="rmsprop").optimizer
    assert (o.momentum, o.epsilon, o.rms_decay, o.centered) == (0.0, 1e-10, 0.9, False)
    assert RunConfig().replace(optimizer="momentum").optimizer.momentum == 0.9
    # a value given with the optimizer is kept, and the defaults come back with another optimizer
    assert RunConfig().replace(optimizer="rmsprop", momentum=0.9).optimizer.momentum == 0.9
    back = RunConfig().replace(optimizer="rmsprop").replace(optimizer="momentum").optimizer
    assert (back.momentum, back.epsilon) == (0.9, 1e-8)
    # a configuration file naming only the optimizer gets TF's defaults
    assert RunConfig.from_dict({"optimizer": {"optimizer": "rmsprop"}}).optimizer.momentum == 0.0


# -- real TensorFlow 1 ------------------------------------------------------------------------
TF_RUNS = {
    "rmsprop_lr0.001": dict(optimizer="rmsprop", lr=0.001),
    "rmsprop_lr0.01": dict(optimizer="rmsprop", lr=0.01),
    "rmsprop_momentum0.9_centered_lr0.001": dict(optimizer="rmsprop", lr=0.001, momentum=0.9, centered=True),
    "rmsprop_decay0.8_momentum0.5_lr0.003": dict(optimizer="rmsprop", lr=0.003, rms_decay=0.8, momentum=0.5),
    "adagrad_lr0.001": dict(optimizer="adagrad", lr=0.001),
    "adagrad_lr0.1": dict(optimizer="adagrad", lr=0.1),
    "adagrad_lr0.05_init0.5": dict(optimizer="adagrad", lr=0.05, initial_accumulator=0.5),
}


def _trained(changes) -> Trainer:
    trainer = Trainer(RunConfig().replace(log_every=REFERENCE["log_every"], **changes))
    np.testing.assert_array_equal(trainer.weights()["w1"], np.array(REFERENCE["runs"]["gd_lr0.001"]["initial"]["w1"],
                                                                    np.float32))
    trainer.run(REFERENCE["steps"])
    return trainer


@pytest.mark.parametrize("name", list(TF_RUNS))
def test_3000_steps_match_real_tensorflow(name):
    ref = REFERENCE["runs"][name]
    trainer = _trained(TF_RUNS[name])
    assert len(ref["log"]) == 30
    for step, loss in ref["log"]:
        assert trainer.history.logged[step] == pytest.approx(loss, rel=1e-5), step
    for key, value in ref["final"].items():
        np.testing.assert_allclose(trainer.weights()[key], np.array(value, np.float32), rtol=0, atol=1e-4)
    assert float(trainer.full_loss()) == pytest.approx(ref["final_loss"], rel=1e-5)


def test_centered_rmsprop_at_lr_0_01_follows_tensorflow_until_its_plateau_turns_chaotic():
    """On the plateau, ms − mg² is tiny, so one-ulp differences (TF's matmul sums in another order even
    for plain gradient descent) grow: the runs agree exactly at first and stay on the same plateau."""
    ref = REFERENCE["runs"]["rmsprop_momentum0.9_centered_lr0.01"]
    trainer = _trained(dict(optimizer="rmsprop", lr=0.01, momentum=0.9, centered=True))
    for step, loss in ref["log"]:
        rel = 1e-5 if step <= 200 else 1e-3
        assert trainer.history.logged[step] == pytest.approx(loss, rel=rel), step


# -- sessions and stacked runs ------------------------------------------------------------------
@pytest.mark.parametrize("case", ["rmsprop-centered", "adagrad-initial"])
def test_save_and_resume_is_bit_identical(tmp_path, case):
    config = RunConfig().replace(**CASES[case][0])
    straight = Trainer(config)
    straight.run(600)
    first = Trainer(config)
    first.run(300)
    save_session(first, tmp_path / "s.npz")
    resumed = load_session(tmp_path / "s.npz")
    assert resumed.config == config
    resumed.run(300)
    np.testing.assert_array_equal(resumed.params.view(np.uint32), straight.params.view(np.uint32))
    for key, value in straight.optimizer.state().items():
        np.testing.assert_array_equal(resumed.optimizer.state()[key], value)
    assert resumed.history.logged == straight.history.logged


@pytest.mark.parametrize("optimizer", ["gd", "momentum", "adam", "rmsprop", "adagrad"])
def test_k_stacked_runs_with_their_own_hyperparameters_equal_k_single_runs(optimizer):
    """The compare view's way: parameters (K, P), one config per run, one call list for all."""
    configs = [RunConfig().replace(optimizer=optimizer, lr=lr, momentum=m, beta1=m, rms_decay=m,
                                   initial_accumulator=a).optimizer
               for lr, m, a in ((0.01, 0.9, 0.1), (0.003, 0.5, 0.7), (0.02, 0.0, 0.2))]
    rng = np.random.RandomState(0)
    params = rng.randn(3, 9).astype(np.float32)
    grads = np.empty_like(params)
    stacked = make_optimizer(configs, params, grads)
    singles = [make_optimizer(c, params[k].copy(), np.empty(9, np.float32)) for k, c in enumerate(configs)]
    for _ in range(4):
        grads[...] = rng.randn(3, 9)
        for k, single in enumerate(singles):
            single.grads[...] = grads[k]
        for opt in (stacked, *singles):
            opt.before_update()
            for func, args in opt.ops:
                func(*args)
            opt.after_update()
    for k, single in enumerate(singles):
        np.testing.assert_array_equal(params[k], single.params)
        for name, buf in single.state().items():
            np.testing.assert_array_equal(stacked.state()[name][k], buf)


# -- every registered optimizer describes itself completely ----------------------------------------
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_module_gives_state_formula_example_and_code(name):
    """What a new optimizer module must provide; the inspector, exports and sessions rely on it."""
    cls = OPTIMIZERS[name]
    config = RunConfig().replace(optimizer=name, lr=0.01)
    trainer = Trainer(config)
    trainer.run(3)
    rec = record_step(trainer)
    assert set(rec.slots_after) == {slot.name for slot in slots_of(config.optimizer)}
    assert set(trainer.optimizer.state()) >= set(rec.slots_after)
    assert all(setting in SETTINGS for setting in cls.hyperparameters)
    assert all(setting in SETTINGS for setting in cls.defaults)
    rule = cls.rule({**rec.hyper, "lr": rec.lr}, str)
    assert rule and "<b>" in rule
    same = lambda text: text  # noqa: E731
    f = Formatter(x=lambda v: str(np.float32(v)), lead=same, signed=same, cell=lambda v, d=6: f"{float(v):.{d}g}")
    index = (0, 0)
    example = cls.example(Example(
        w="w1[0,0]", old=rec.before["w1"][index], new=rec.after["w1"][index], g=rec.layers[0].grad_w[index],
        lr=rec.lr, lr_t=rec.lr_t, step=rec.step, hyper=rec.hyper,
        before={k: v["w1"][index] for k, v in rec.slots_before.items()},
        after={k: v["w1"][index] for k, v in rec.slots_after.items()}), f)
    assert example[-1].endswith(str(np.float32(rec.after["w1"][index])))  # it arrives at the recorded weight
    assert cls.tf1_call(config.optimizer, "0.01").startswith(f"{cls.tf1_class}(0.01")
    assert cls.numpy_update(config.optimizer)


@pytest.mark.parametrize("suffix", [".npz", ".json"])
def test_weights_exports_carry_the_optimizer_state(tmp_path, suffix):
    from bpviz.export.data import write_weights

    trainer = Trainer(RunConfig().replace(optimizer="rmsprop", centered=True, momentum=0.9, lr=0.01))
    trainer.run(50)
    path = tmp_path / f"w{suffix}"
    write_weights(trainer, path)
    state = trainer.optimizer_state()
    if suffix == ".npz":
        with np.load(path, allow_pickle=False) as z:
            assert json.loads(str(z["bpviz_weights"]))["optimizer_slots"] == ["rms", "momentum", "mg"]
            for slot, values in state.items():
                for name, value in values.items():
                    np.testing.assert_array_equal(z[f"optimizer_{slot}_{name}"], value)
    else:
        doc = json.loads(path.read_text())
        assert set(doc["optimizer_state"]) == {"rms", "momentum", "mg"}
        np.testing.assert_array_equal(np.array(doc["optimizer_state"]["mg"]["w2"], np.float32), state["mg"]["w2"])
