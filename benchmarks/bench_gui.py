"""GUI speed with every view live (run under Xvfb, 1400x900): training throughput against headless,
display rate, GUI-thread cost, key latency, event-loop stalls on a long history, memory, first frame.

Each function measures one thing in this process (or, for the first frame, in a child process) and
returns plain numbers; `benchmarks/bench.py` runs them and prints the JSON that `make bench` shows.
Ratios are always against a headless baseline measured in the same run.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time

os.environ.setdefault("BPVIZ_SETTINGS", "/tmp/bpviz-bench-settings.ini")

SPIRAL = dict(dataset="spiral", hidden=[8, 8], activation="tanh", optimizer="adam", bias=True)


def headless(config, steps: int, repeats: int = 3) -> float:
    """Median steps/s of the engine alone."""
    from bpviz.engine.trainer import Trainer

    rates = []
    for _ in range(repeats):
        t = Trainer(config)
        t0 = time.perf_counter()
        t.run(steps)
        rates.append(steps / (time.perf_counter() - t0))
    return statistics.median(rates)


def huge_pages_off() -> bool:
    """Count this process's resident memory in 4 KB pages: with transparent huge pages the kernel backs a
    growing array 2 MB at a time, so RSS moves in 2 MB stairs, and growth over a run of a few million steps
    (~8 MB of loss history) reads anywhere from 3 to 6 bytes per step.  Linux only; call before allocating."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(41, 1, 0, 0, 0) == 0  # PR_SET_THP_DISABLE
    except (OSError, AttributeError):
        return False


def rss_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Session:
    """One shown main window, training flat out on demand; the event loop is spun by `spin`."""

    def __init__(self):
        from PySide6.QtCore import QEventLoop, QTimer

        from bpviz.gui.app import create_application
        from bpviz.gui.training_controller import SWITCH_INTERVAL

        self.app = create_application()
        from bpviz.gui.main_window import MainWindow

        self.window = MainWindow()
        sys.setswitchinterval(SWITCH_INTERVAL)
        self.window.resize(1400, 860)
        self.window.show()
        self.window.speed.set_speed(None)
        self._loop = QEventLoop()
        self._timer = QTimer
        self.spin(1.5)

    def spin(self, seconds: float) -> None:
        self._timer.singleShot(int(seconds * 1000), self._loop.quit)
        self._loop.exec()

    def use(self, config) -> None:
        self.window.controller.pause()
        self.window.apply_config(config, force_reset=True)
        self.window.panel.set_config(config)
        self.spin(0.5)

    def live(self, seconds: float) -> dict:
        """Train flat out for `seconds`: steps/s, display updates/s, GUI-thread CPU per update."""
        w = self.window
        s0, f0 = w.controller.latest_snapshot().step, w.live.frames
        w.controller.start()
        t0, c0 = time.perf_counter(), time.thread_time()
        self.spin(seconds)
        cpu, dt = time.thread_time() - c0, time.perf_counter() - t0
        s1, f1 = w.controller.latest_snapshot().step, w.live.frames
        w.controller.pause()
        self.spin(0.2)
        return {"steps_per_s": (s1 - s0) / dt, "display_updates_per_s": (f1 - f0) / dt,
                "gui_ms_per_update": cpu / max(f1 - f0, 1) * 1000, "gui_cpu_share": cpu / dt}

    def key_latency(self, keys: int) -> list[float]:
        """Ctrl+L (log axis) sent by xdotool while training flat out: seconds until its handler ran."""
        w = self.window
        wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^bpviz"], capture_output=True,
                             text=True).stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", wid])
        latencies, sent = [], {}

        def record(_checked):
            if "t" in sent:
                latencies.append(time.perf_counter() - sent.pop("t"))

        w.act_log_y.triggered.connect(record)

        def press():
            for _ in range(keys):
                time.sleep(0.12)
                sent["t"] = time.perf_counter()
                subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+l"])

        w.controller.start()
        presser = threading.Thread(target=press)
        presser.start()
        while presser.is_alive():
            self.spin(0.2)
        self.spin(0.3)
        w.controller.pause()
        w.act_log_y.triggered.disconnect(record)
        w.set_log_y(False)
        return latencies

    def long_history(self, config, history: int, seconds: float) -> dict:
        """Continue a run already `history` steps long (trained headless first) flat out for `seconds`, the
        loss axis switched between log and linear every second: the longest event-loop stall, and resident
        memory growth per step while the history grows (from the end of the first second, when the run's
        one-time allocations are made, to the end; see `huge_pages_off` for the page size)."""
        from PySide6.QtCore import QTimer

        from bpviz.engine.trainer import Trainer

        w = self.window
        trainer = Trainer(config)
        trainer.run(history)
        w.controller.replace_trainer(trainer)
        self.spin(1.0)
        gaps, last = [], [time.perf_counter()]

        def beat():
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heart = QTimer()
        heart.setInterval(5)
        heart.timeout.connect(beat)
        flips = QTimer()
        flips.setInterval(1000)
        flips.timeout.connect(lambda: w.set_log_y(not w.loss_plot.log_y()))
        w.controller.start()
        heart.start()
        flips.start()
        self.spin(min(1.0, seconds / 4))
        step0, rss0 = w.controller.latest_snapshot().step, rss_bytes()
        self.spin(seconds - min(1.0, seconds / 4))
        heart.stop()
        flips.stop()
        w.controller.pause()
        self.spin(0.2)
        step1, rss1 = w.controller.latest_snapshot().step, rss_bytes()
        w.set_log_y(False)
        return {"max_stall_ms": max(gaps[1:], default=0.0) * 1000 - 5, "history_steps": step1,
                "memory_bytes_per_step": (rss1 - rss0) / max(step1 - step0, 1), "memory_steps": step1 - step0}

    def close(self) -> None:
        self.window.close()


def first_frame_s(timeout: float = 30.0) -> float:
    """Seconds from starting `python -m bpviz` until its window is on screen (found by xdotool)."""
    env = dict(os.environ, BPVIZ_SETTINGS="/tmp/bpviz-bench-first-frame.ini")
    t0 = time.perf_counter()
    app = subprocess.Popen([sys.executable, "-m", "bpviz"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < timeout:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.pid), "--name", "^bpviz"],
                                   capture_output=True, text=True).stdout.split()
            if found:
                return time.perf_counter() - t0
            time.sleep(0.02)
        return float("nan")
    finally:
        app.terminate()
        app.wait(10)
