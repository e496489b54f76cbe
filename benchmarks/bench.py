"""`make bench`: one JSON object of speed measurements, every number measured in this run.

    python benchmarks/bench.py [--quick]

Runs under Xvfb at 1400x900 (starts `xvfb-run` itself when there is no display; needs xvfb-run and
xdotool: scripts/install-system-deps.sh).  Keys:

* engine_ratio — bpviz's engine ÷ the tutorial's math written as a plain NumPy loop (headless);
* gui_live_ratio, gui_live_ratio_spiral — steps/s in the window with every view live ÷ headless, for the
  tutorial network and for --dataset spiral --hidden 8,8 --activation tanh --optimizer adam --bias;
* display_updates_per_s, gui_ms_per_update — while the tutorial network trains flat out (medians of
  `live_rounds` rounds, each round's GUI cost in gui_ms_per_update_rounds);
* key_latency_p95_ms — Ctrl+L sent by xdotool while training flat out, until its handler ran;
* max_stall_ms (with history_steps) — the longest event-loop stall while a long run trains flat out, the
  loss axis switched between log and linear every second;
* memory_bytes_per_step (with memory_steps) — resident memory growth per step during that run, after its
  first second, in 4 KB pages (transparent huge pages off for this process: bench_gui.huge_pages_off);
* first_frame_s — from starting `python -m bpviz` until its window is on screen;
* compare_ratio — 64 learning rates trained one at a time ÷ all together by the multi-run engine
  (benchmarks/bench_compare.py).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

FULL = dict(engine_steps=60_000, engine_repeats=3, headless_steps=100_000, live_s=6.0, live_rounds=3, keys=40,
            history=1_000_000, long_s=20.0)
QUICK = dict(engine_steps=20_000, engine_repeats=1, headless_steps=30_000, live_s=3.0, live_rounds=1, keys=12,
             history=200_000, long_s=5.0)


def compare_ratio(quick: bool) -> float:
    """The `compare` benchmark's number: 64 runs in one vectorised step against 64 separate runs."""
    from bench_compare import compare_ratio as measure

    result = measure(runs=64, steps=1000 if quick else 3000, repeats=1 if quick else 3)
    return round(result["compare_ratio"], 2)


def live_rounds(session, config, p: dict, headless_steps: int) -> tuple[float, dict, list[dict]]:
    """Headless steps/s and the window's live figures (Session.live), each the median of `live_rounds`
    rounds in which the two turn about: a shared machine's drift (one round here measured 101k headless
    steps/s, the next 165k) hits both alike.  Also every round's live figures."""
    from bench_gui import headless

    bases, lives = [], []
    for _ in range(p["live_rounds"]):
        bases.append(headless(config, headless_steps, repeats=1))
        lives.append(session.live(p["live_s"]))
    return statistics.median(bases), {key: statistics.median(run[key] for run in lives) for key in lives[0]}, lives


def measure(p: dict, quick: bool) -> dict:
    from bench_engine import engine, plain_loop
    from bench_gui import SPIRAL, Session, first_frame_s, huge_pages_off

    small_pages = huge_pages_off()

    from bpviz.engine.config import RunConfig

    plain, ours = [], []
    for _ in range(p["engine_repeats"]):  # interleaved: drift on a shared machine hits both alike
        plain.append(plain_loop(p["engine_steps"]))
        ours.append(engine(p["engine_steps"], RunConfig()))
    out = {"cores": os.cpu_count(), "engine_ratio": round(statistics.median(ours) / statistics.median(plain), 3)}

    tutorial, spiral = RunConfig(), RunConfig().replace(**SPIRAL)
    session = Session()
    try:
        base, live, lives = live_rounds(session, tutorial, p, p["headless_steps"])
        out["gui_live_ratio"] = round(live["steps_per_s"] / base, 3)
        out["display_updates_per_s"] = round(live["display_updates_per_s"], 1)
        out["gui_ms_per_update"] = round(live["gui_ms_per_update"], 2)
        out["gui_ms_per_update_rounds"] = [round(run["gui_ms_per_update"], 2) for run in lives]
        lat = sorted(session.key_latency(p["keys"]))
        out["key_latency_p95_ms"] = round(lat[int(0.95 * (len(lat) - 1))] * 1000, 1) if lat else None
        session.use(spiral)
        base_spiral, live_spiral, _ = live_rounds(session, spiral, p, p["headless_steps"] // 2)
        out["gui_live_ratio_spiral"] = round(live_spiral["steps_per_s"] / base_spiral, 3)
        session.use(tutorial)
        long = session.long_history(tutorial, p["history"], p["long_s"])
        out["max_stall_ms"] = round(long["max_stall_ms"], 1)
        out["history_steps"] = long["history_steps"]
        out["memory_bytes_per_step"] = round(long["memory_bytes_per_step"], 2)
        out["memory_steps"] = long["memory_steps"]
        out["memory_small_pages"] = small_pages
        out["headless_steps_per_s"] = round(base)
        out["gui_steps_per_s"] = round(live["steps_per_s"])
    finally:
        session.close()
    out["first_frame_s"] = round(first_frame_s(), 2)
    out["compare_ratio"] = compare_ratio(quick)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a ~30 s subset with shorter runs")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("BPVIZ_BENCH_UNDER_XVFB"):
        if not (shutil.which("xvfb-run") and shutil.which("xdotool")):
            print("bench: needs xvfb-run and xdotool (bash scripts/install-system-deps.sh)", file=sys.stderr)
            return 1
        env = dict(os.environ, BPVIZ_BENCH_UNDER_XVFB="1")
        os.execvpe("xvfb-run", ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable,
                                os.path.abspath(__file__), *sys.argv[1:]], env)
    print(json.dumps(measure(QUICK if args.quick else FULL, args.quick)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
