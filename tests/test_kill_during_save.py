"""A save killed at any moment leaves the old complete session or the new one, never a damaged file.

A helper process builds two runs once, then forks a writer per round that saves them in turn, over and
over, into one file; the test SIGKILLs the writer after a random delay and opens the file.  Forking from
a process that has done nothing else keeps a round cheap, so many moments of a save get hit.
`make fuzz` sets BPVIZ_KILLS for many more rounds.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import numpy as np

from bpviz.engine.session import load_session, save_session

KILLS = int(os.environ.get("BPVIZ_KILLS", "30"))

HELPER = textwrap.dedent("""
    import os, sys, time
    from bpviz import atomic
    from bpviz.engine.config import RunConfig
    from bpviz.engine.session import save_session
    from bpviz.engine.trainer import Trainer

    path = sys.argv[1]
    config = RunConfig().replace(optimizer="adam", hidden=[48, 48], bias=True, ema=0.99, steps=1000)
    runs = []
    for steps in (200, 300):
        trainer = Trainer(config)
        trainer.run(steps)
        runs.append(trainer)
    save_session(runs[0], path)

    def slow_disk(fd, data):  # the file write takes most of a save, so most kills land inside one
        for at in range(0, len(data), 8192):
            os.write(fd, data[at:at + 8192])
            time.sleep(0.001)

    atomic._write_all = slow_disk
    print("ready", flush=True)
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            i = 1
            while True:
                save_session(runs[i % 2], path)
                i += 1
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)
""")


def test_a_killed_save_leaves_the_old_or_the_new_session(tmp_path):
    seed = int(os.environ.get("BPVIZ_KILL_SEED", random.randrange(2**32)))
    print(f"kill-during-save seed: {seed} (BPVIZ_KILL_SEED to replay)")
    rng = random.Random(seed)
    path = tmp_path / "run.npz"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    helper = subprocess.Popen([sys.executable, "-c", HELPER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env)
    steps_seen = set()
    inside_a_save = 0
    try:
        assert helper.stdout.readline().strip() == "ready"
        for _ in range(KILLS):
            helper.stdin.write("go\n")
            helper.stdin.flush()
            pid = int(helper.stdout.readline())
            # a random moment: before the first save is done, inside a later one, or between two
            time.sleep(rng.uniform(0.0, 0.15))  # noqa: TID251 - a random kill moment, not a wait
            os.kill(pid, signal.SIGKILL)
            assert helper.stdout.readline().strip() == "reaped"
            trainer = load_session(path)  # raises SessionError if the file were damaged
            assert trainer.step in (200, 300) and np.isfinite(trainer.params).all()
            steps_seen.add(trainer.step)
            inside_a_save += any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
    finally:
        helper.stdin.close()
        helper.kill()
        helper.wait()
    print(f"{KILLS} kills, {inside_a_save} inside a save (a temp file left), sessions seen at steps "
          f"{sorted(steps_seen)}")
    # what the last killed writer left behind goes with the next save into that folder
    save_session(load_session(path), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.npz"]

