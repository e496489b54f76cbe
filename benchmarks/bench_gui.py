"""GUI speed with every view live (run under Xvfb): training throughput vs headless, redraw rate, key latency.

xvfb-run -a -s "-screen 0 1400x900x24" python benchmarks/bench_gui.py [--seconds 5] [--memory-steps 10000000]

The headless baseline is measured in the same run; --memory-steps trains the live window that far and
reports resident-memory growth per step (after the first million steps) beside the loss history's own
size (4 bytes a step, float32).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time

os.environ.setdefault("BPVIZ_SETTINGS", "/tmp/bpviz-bench-settings.ini")


def headless(steps=300_000) -> float:
    from bpviz.engine.config import RunConfig
    from bpviz.engine.trainer import Trainer

    t = Trainer(RunConfig())
    t0 = time.perf_counter()
    t.run(steps)
    return steps / (time.perf_counter() - t0)


def rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def memory_growth(window, spin, total_steps: int) -> dict:
    """Train the live window to `total_steps`; RSS growth per step after the first million."""
    controller = window.controller
    controller.start()
    while controller.latest_snapshot().step < 1_000_000:
        spin(0.5)
    step0, rss0 = controller.latest_snapshot().step, rss_bytes()
    while controller.latest_snapshot().step < total_steps:
        spin(0.5)
    step1, rss1 = controller.latest_snapshot().step, rss_bytes()
    return {"from_step": step0, "to_step": step1,
            "rss_growth_bytes_per_step": round((rss1 - rss0) / (step1 - step0), 2),
            "history_bytes_per_step": 4, "rss_mb_end": round(rss1 / 2**20, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--keys", type=int, default=40)
    ap.add_argument("--memory-steps", type=int, default=0, help="also train this far and report memory growth")
    args = ap.parse_args()

    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    from bpviz.gui.app import create_application
    from bpviz.gui.training_controller import SWITCH_INTERVAL

    app = create_application()  # noqa: F841 - the QApplication must stay referenced
    from bpviz.gui.main_window import MainWindow

    window = MainWindow()
    sys.setswitchinterval(float(os.environ.get("SWI", SWITCH_INTERVAL)))
    if os.environ.get("NOGRID"):
        window.loss_plot.plot_item.showGrid(x=False, y=False)
    window.show()
    window.speed.set_speed(None)
    loop = QEventLoop()

    def spin(seconds):
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    spin(1.5)
    wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^bpviz"], capture_output=True,
                         text=True).stdout.split()[0]
    subprocess.run(["xdotool", "windowfocus", "--sync", wid])

    class PaintCounter(QObject):
        n = 0

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                self.n += 1
            return False

    counter = PaintCounter()
    window.boundary.viewport().installEventFilter(counter)  # the central view repaints every frame

    base = statistics.median(headless(150_000) for _ in range(3))
    counts0 = {k: u.count for k, u in window.live.updates.items()}
    s0, f0, t0 = window.controller.latest_snapshot().step, window.live.frames, time.perf_counter()
    window.controller.start()
    c0 = time.thread_time()
    spin(args.seconds)
    gui_cpu = time.thread_time() - c0
    dt = time.perf_counter() - t0
    s1, f1 = window.controller.latest_snapshot().step, window.live.frames
    view_rates = {k: round((u.count - counts0[k]) / dt, 1) for k, u in window.live.updates.items()}
    gui_rate = (s1 - s0) / dt
    fps = (f1 - f0) / dt
    paints = counter.n / dt

    # key latency while training at full speed: xdotool sends Ctrl+L (log-y toggle); time to its handler
    latencies = []
    sent = {}

    def record(_checked):
        if "t" in sent:
            latencies.append(time.perf_counter() - sent.pop("t"))

    window.act_log_y.triggered.connect(record)

    def press_keys():
        for _ in range(args.keys):
            time.sleep(0.12)
            sent["t"] = time.perf_counter()
            subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+l"])

    presser = threading.Thread(target=press_keys)
    presser.start()
    while presser.is_alive():
        spin(0.2)
    spin(0.3)
    still_running = window.controller.mode == "running"
    memory = None
    if args.memory_steps:
        memory = memory_growth(window, spin, args.memory_steps)
    window.controller.pause()
    spin(0.2)
    mem_steps = window.controller.latest_snapshot().step
    window.close()
    lat = sorted(latencies)
    p95 = lat[int(0.95 * (len(lat) - 1))] if lat else float("nan")
    result = {
        "headless_steps_per_s": round(base),
        "gui_steps_per_s": round(gui_rate),
        "ratio": round(gui_rate / base, 3),
        "display_updates_per_s": round(fps, 1),
        "gui_thread_cpu_share": round(gui_cpu / dt, 3),
        "gui_cpu_ms_per_update": round(gui_cpu / max(f1 - f0, 1) * 1000, 2),
        "boundary_paints_per_s": round(paints, 1),
        "view_updates_per_s": view_rates,
        "view_cost_ms": {k: round(u.cost * 1000, 2) for k, u in window.live.updates.items()},
        "key_latency_ms": {"n": len(lat), "median": round(statistics.median(lat) * 1000, 1) if lat else None,
                           "p95": round(p95 * 1000, 1), "max": round(max(lat) * 1000, 1) if lat else None},
        "training_during_keys": still_running,
        "steps_total": mem_steps,
        "memory": memory,
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
