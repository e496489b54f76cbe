"""Adversarial probe of `bpviz train`'s readers: hundreds of bad configs, sessions and special files.

Each input is run as its own `bpviz train` process; the probe counts clean refusals (exit 2, one line),
runs, tracebacks, hangs (no exit within --timeout s) and the peak memory of each process.

    .venv/bin/python scripts/probe_hostile_files.py [--seed 1] [--configs 300] [--sessions 350]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from bpviz.engine.config import RunConfig
from bpviz.engine.session import session_arrays
from bpviz.engine.trainer import Trainer


def config_inputs(rng: random.Random, n: int):
    base = RunConfig().replace(optimizer="adam", ema=0.99, hidden=[4, 3], lr_decay=0.9).to_dict()
    base_text = json.dumps(base)
    hostile = [None, True, -1, 0, 1e308, 10**400, 2**64, "x" * 10_000, [], {}, [1] * 1000, "NaN", 1e-320,
               float("nan"), float("inf"), -0.0, 9.99, 257, ["a"], {"a": {"b": 1}}]
    specials = ["[" * 100_000, "9" * 100_000, '{"optimizer": {"lr": 1e400}}', '{"optimizer": {"lr": NaN}}',
                '{"data": {"samples": ' + "9" * 5000 + "}}", "\ufeff{}", "", "null", '"string"', "\x00" * 100,
                '{"model": {"init_stddev": ' + "1" + "0" * 400 + "}}", '{"schedule": {"steps": 1000000000}}']
    for text in specials:
        yield "special", text.encode("utf-8", "surrogatepass")
    for _ in range(n - len(specials)):
        how = rng.choice(["value", "truncate", "flip", "section"])
        if how == "value":
            raw = json.loads(base_text)
            section = rng.choice(list(raw))
            raw[section][rng.choice(list(raw[section]))] = rng.choice(hostile)
            yield how, json.dumps(raw).encode()
        elif how == "truncate":
            yield how, base_text.encode()[: rng.randrange(len(base_text))]
        elif how == "flip":
            data = bytearray(base_text.encode())
            for _ in range(rng.randint(1, 5)):
                data[rng.randrange(len(data))] = rng.randrange(256)
            yield how, bytes(data)
        else:
            raw = json.loads(base_text)
            raw[rng.choice(list(raw) + ["extra"])] = rng.choice(hostile)
            yield how, json.dumps(raw).encode()


def npz(arrays: dict, compress=True) -> bytes:
    buffer = io.BytesIO()
    (np.savez_compressed if compress else np.savez)(buffer, **arrays)
    return buffer.getvalue()


def session_inputs(rng: random.Random, n: int):
    trainer = Trainer(RunConfig().replace(optimizer="adam", ema=0.99, steps=400, hidden=[4, 3], bias=True))
    trainer.run(300)
    base = session_arrays(trainer)
    good = npz(base)
    hostile_arrays = [np.zeros(0, np.float32), np.full(3, np.nan, np.float32), np.zeros((2, 2), np.float64),
                      np.array([None], dtype=object), np.array("text"), np.ones(10**6, np.float32),
                      np.arange(5, dtype=np.int64), np.array([1, 2], ">f4")]
    bomb = io.BytesIO(npz({k: v for k, v in base.items() if k != "extra"}))
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as z, z.open("extra.npy", "w", force_zip64=True) as e:
        for _ in range(1500):
            e.write(bytes(1 << 20))  # 1.5 GB of zeros
    yield "special", bomb.getvalue()
    yield "special", b"junk" + good
    yield "special", good[: len(good) // 2]
    for _ in range(n - 3):
        arrays = {k: v.copy() for k, v in base.items()}
        meta = json.loads(str(arrays["bpviz_session"]))
        how = rng.choice(["meta", "entry", "drop", "values", "truncate", "flip"])
        if how == "meta":
            key = rng.choice(["base_lr", "step", "checkpoint_every", "ema", "optimizer_state", "edits", "checkpoints"])
            meta[key] = rng.choice([-1.0, 0, 10**40, float("nan"), None, [], {}, "x", 1e400, True, 10**7 + 1])
            arrays["bpviz_session"] = np.array(json.dumps(meta))
        elif how == "entry":
            arrays[rng.choice(sorted(arrays))] = rng.choice(hostile_arrays)
        elif how == "drop":
            arrays.pop(rng.choice(sorted(arrays)))
        elif how == "values":
            name = rng.choice([k for k, v in arrays.items() if v.dtype.kind == "f" and v.size])
            arrays[name].reshape(-1)[rng.randrange(arrays[name].size)] = rng.choice([np.nan, np.inf, -np.inf])
        data = bytearray(npz(arrays, compress=rng.random() < 0.7))
        if how == "truncate":
            del data[rng.randrange(len(data)):]
        elif how == "flip":
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        yield how, bytes(data)


def run(args: list[str], timeout: float) -> tuple[str, int]:
    """(outcome, peak RSS in MB) of `bpviz train ARGS`."""
    proc = subprocess.Popen([sys.executable, "-m", "bpviz", "train", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "hang", 0
    rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024  # max over the children so far
    if "Traceback" in err:
        return "traceback: " + err.strip().splitlines()[-1][:160], rss_mb
    if proc.returncode == 0:
        return "ran", rss_mb
    lines = err.strip().splitlines()
    if proc.returncode in (1, 2) and len(lines) == 1:
        return "refused cleanly", rss_mb
    return f"unclear (exit {proc.returncode}): {err[:160]!r}", rss_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--configs", type=int, default=300)
    parser.add_argument("--sessions", type=int, default=350)
    parser.add_argument("--timeout", type=float, default=60.0)
    opts = parser.parse_args()
    rng = random.Random(opts.seed)
    results: dict[str, Counter] = {}
    peak: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="bpviz-probe-") as folder:
        folder = Path(folder)
        cases = []
        for i, (_how, data) in enumerate(config_inputs(rng, opts.configs)):
            path = folder / f"c{i}.json"
            path.write_bytes(data)
            cases.append(("config", ["--config", str(path), "--steps", "5"]))
        for i, (_how, data) in enumerate(session_inputs(rng, opts.sessions)):
            path = folder / f"s{i}.npz"
            path.write_bytes(data)
            cases.append(("session", ["--session", str(path), "--steps", "400"]))
        os.mkfifo(folder / "pipe")
        for option in ("--config", "--session"):
            for special in (folder / "pipe", "/dev/zero", folder):
                cases.append(("special file", [option, str(special)]))
        cases.append(("special file", ["--steps", "5", "--export-loss", str(folder / "missing" / "l.csv")]))
        for kind, args in cases:
            # each run in a fresh process group of one: RUSAGE_CHILDREN is a running max, so measure per case
            outcome, rss = _isolated(args, opts.timeout)
            results.setdefault(kind, Counter())[outcome] += 1
            peak[kind] = max(peak.get(kind, 0), rss)
    for kind, counts in results.items():
        print(f"{kind}: {sum(counts.values())} tried, peak memory of one run {peak[kind]} MB")
        for outcome, n in counts.most_common():
            print(f"  {n:4d}  {outcome}")
    bad = sum(n for c in results.values() for o, n in c.items() if o.startswith(("traceback", "hang", "unclear")))
    return 1 if bad else 0


def _isolated(args: list[str], timeout: float) -> tuple[str, int]:
    """run() in a forked child, so that the child's RUSAGE_CHILDREN is this case's alone."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        outcome, rss = run(args, timeout)
        os.write(write, json.dumps([outcome, rss]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as f:
        data = f.read()
    os.waitpid(pid, 0)
    outcome, rss = json.loads(data)
    return outcome, rss


if __name__ == "__main__":
    sys.exit(main())
