"""Many runs at once against one at a time: 64 learning rates × 3000 steps of the tutorial network.

`compare_ratio()` times `MultiTrainer` advancing all runs together and 64 separate `Trainer`
runs with the same settings, in the same process, and returns separate ÷ together (≥ 8 wanted).
Usage: python benchmarks/bench_compare.py [--runs K] [--steps N] [--repeats R] [--json]
"""
from __future__ import annotations

import argparse
import json
import time

import numpy as np

from bpviz.engine.config import RunConfig
from bpviz.engine.multi_trainer import MultiTrainer
from bpviz.engine.trainer import Diverged, Trainer


def sweep_configs(runs: int = 64, steps: int = 3000) -> list[RunConfig]:
    """The tutorial network with `runs` learning rates evenly spaced in log scale over [1e-4, 1e-1]."""
    base = RunConfig().replace(steps=steps)
    return [base.replace(lr=float(lr)) for lr in np.geomspace(1e-4, 1e-1, runs)]


def _time_separate(configs: list[RunConfig], steps: int) -> float:
    t0 = time.perf_counter()
    for config in configs:
        try:
            Trainer(config).run(steps)
        except Diverged:
            pass
    return time.perf_counter() - t0


def _time_together(configs: list[RunConfig], steps: int) -> float:
    t0 = time.perf_counter()
    MultiTrainer(configs).run(steps)
    return time.perf_counter() - t0


def compare_ratio(runs: int = 64, steps: int = 3000, repeats: int = 3) -> dict:
    """Seconds for the runs one at a time and all together (best of `repeats`), and their ratio."""
    configs = sweep_configs(runs, steps)
    separate, together = [], []
    for _ in range(repeats):  # interleaved, so that a change in the machine's load hits both alike
        separate.append(_time_separate(configs, steps))
        together.append(_time_together(configs, steps))
    separate, together = min(separate), min(together)
    return {"runs": runs, "steps": steps, "separate_s": separate, "together_s": together,
            "compare_ratio": separate / together}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=64)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = compare_ratio(args.runs, args.steps, args.repeats)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['runs']} runs × {result['steps']} steps: one at a time {result['separate_s']:.2f} s, "
              f"together {result['together_s']:.2f} s, ratio {result['compare_ratio']:.1f}×")


if __name__ == "__main__":
    main()
