"""Running engine functions on the worker thread and getting their results in the GUI thread."""
from __future__ import annotations

import threading

import numpy as np

from bpviz.engine.config import RunConfig
from bpviz.engine.trainer import Trainer
from bpviz.gui.training_controller import TrainingController


def test_call_runs_in_the_worker_and_returns_to_the_gui(qtbot):
    controller = TrainingController(RunConfig())
    try:
        results, errors = [], []
        gui_thread = threading.get_ident()

        def where(trainer):
            return threading.get_ident(), trainer.step

        controller.call(where, results.append)
        controller.call(lambda trainer: 1 / 0, on_error=errors.append)
        qtbot.waitUntil(lambda: bool(results and errors))
        worker_thread, step = results[0]
        assert worker_thread != gui_thread and step == 0
        assert "division" in errors[0]
    finally:
        controller.shutdown()


def test_state_changing_call_publishes_a_snapshot(qtbot):
    controller = TrainingController(RunConfig())
    try:
        done = []
        controller.call(lambda t: t.set_weight("w1", (0, 0), 0.5), done.append, changes_state=True)
        qtbot.waitUntil(lambda: bool(done))
        assert controller.latest_snapshot().weights["w1"][0, 0] == np.float32(0.5)
    finally:
        controller.shutdown()


def test_replacing_the_trainer_adopts_its_configuration(qtbot):
    controller = TrainingController(RunConfig())
    try:
        other = Trainer(RunConfig().replace(optimizer="adam", lr=0.01))
        other.run(7)
        controller.replace_trainer(other)
        qtbot.waitUntil(lambda: controller.latest_snapshot().step == 7)
        assert controller.config.optimizer.optimizer == "adam"
    finally:
        controller.shutdown()


def test_a_file_write_is_reported_even_after_a_reset(qtbot):
    controller = TrainingController(RunConfig())
    try:
        dropped, kept = [], []
        controller.call(lambda t: "old", dropped.append)
        controller.call(lambda t: "written", kept.append, even_if_replaced=True)
        controller.reset()
        qtbot.waitUntil(lambda: bool(kept))
        # the worker answers in order: "old" was answered (and dropped) before "written" arrived
        assert kept == ["written"] and dropped == []
    finally:
        controller.shutdown()


def test_a_live_target_change_reaches_the_trainers_configuration(qtbot):
    controller = TrainingController(RunConfig())
    try:
        change = controller.apply_config(RunConfig().replace(steps=500))
        assert not change.reset
        seen = []
        controller.call(lambda t: t.config.schedule.steps, seen.append)
        qtbot.waitUntil(lambda: bool(seen))
        assert seen == [500]  # what a saved session or an exported script will use
    finally:
        controller.shutdown()
