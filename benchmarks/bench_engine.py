"""Headless training throughput of bpviz's engine against a plain NumPy loop, measured in one run.

Prints steps/s of each and the ratio (bpviz ÷ plain). The plain loop is the tutorial's math
written the obvious way: `x@w1`, `@w2`, hand-written gradients, `w -= lr*g`.
Usage: python benchmarks/bench_engine.py [--steps N] [--repeats R] [--json]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time

import numpy as np

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer


def plain_loop(steps: int) -> float:
    rng = np.random.RandomState(23455)
    X = rng.rand(32, 2).astype(np.float32)
    Y = np.array([[float(a + b < 1)] for a, b in X], np.float32)
    trainer = Trainer(RunConfig())
    w1, w2 = (w.copy() for w in trainer.weights().values())
    lr = 0.001
    t0 = time.perf_counter()
    for i in range(steps):
        start = (i * 8) % 32
        x, y_ = X[start:start + 8], Y[start:start + 8]
        a = x @ w1
        y = a @ w2
        g = 2 * (y - y_) / 8
        g2 = a.T @ g
        g1 = x.T @ (g @ w2.T)
        w1 -= lr * g1
        w2 -= lr * g2
    return steps / (time.perf_counter() - t0)


def engine(steps: int, config: RunConfig) -> float:
    trainer = Trainer(config)
    t0 = time.perf_counter()
    trainer.run(steps)
    return steps / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    variants = {
        "tutorial gd": RunConfig(),
        "momentum": RunConfig().replace(optimizer="momentum"),
        "adam": RunConfig().replace(optimizer="adam"),
        "8,8 tanh adam bias": RunConfig().replace(optimizer="adam", hidden=[8, 8], activation="tanh", bias=True),
    }
    rows = {}
    for _ in range(args.repeats):  # interleaved, so drift on a shared machine hits both sides alike
        rows.setdefault("plain", []).append(plain_loop(args.steps))
        for name, cfg in variants.items():
            rows.setdefault(name, []).append(engine(args.steps, cfg))
    base = statistics.median(rows["plain"])
    result = {name: {"steps_per_s": statistics.median(v), "ratio": statistics.median(v) / base}
              for name, v in rows.items()}
    if args.json:
        print(json.dumps(result))
        return
    print(f"{'variant':<22}{'steps/s':>12}{'× plain':>10}")
    for name, r in result.items():
        print(f"{name:<22}{r['steps_per_s']:>12,.0f}{r['ratio']:>10.2f}")


if __name__ == "__main__":
    main()
