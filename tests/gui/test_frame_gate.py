"""The frame gate parks the training thread at a chunk boundary while a frame is drawn, and lets it go."""
from __future__ import annotations

import threading

from bpviz.gui.frame_gate import FrameGate


def test_training_thread_parks_while_a_frame_is_drawn():
    gate = FrameGate()
    chunks = [0]
    stop = threading.Event()

    def train():
        while not stop.is_set():
            chunks[0] += 1
            gate.checkpoint()

    worker = threading.Thread(target=train)
    worker.start()
    try:
        assert gate.hold(timeout=30)  # parked: no chunk runs until the frame is done
        frozen = chunks[0]
        for _ in range(1000):
            assert chunks[0] == frozen
        gate.release()
        while chunks[0] == frozen:  # trains on
            pass
        assert gate.holds == 1
    finally:
        stop.set()
        gate.release()
        worker.join(30)


def test_a_hold_without_a_training_thread_gives_up():
    gate = FrameGate()
    assert not gate.hold(timeout=0.001)
    gate.release()
    gate.checkpoint()  # released: passes straight through
