"""What the live view draws, and when: a view nobody can see waits and catches up once shown."""
from __future__ import annotations

import numpy as np

from .conftest import wait_shown_step


def loss_points(window) -> int:
    item = next(i for i in window.loss_plot.plot_item.listDataItems() if i.name() == "batch loss")
    x, _ = item.getData()
    return 0 if x is None else len(x)


def shown_weights(window) -> dict:
    panel = window.weights_panel
    return {name: panel.heatmap(name).values() for name in panel.names()}


def latest_weights(window) -> dict:
    snap = window.controller.latest_snapshot()
    return {name: np.asarray(v).reshape(shown_weights(window)[name].shape) for name, v in snap.weights.items()}


def test_a_closed_dock_waits_and_catches_up_when_opened_again(qtbot, make_window):
    window = make_window()
    window.controller.step()
    wait_shown_step(qtbot, window, lambda s: s == 1)
    qtbot.waitUntil(lambda: all(np.array_equal(shown_weights(window)[n], w)
                                for n, w in latest_weights(window).items()), timeout=60_000)
    window.weights_dock.close()
    qtbot.waitUntil(lambda: not window.weights_panel.isVisible())
    before = shown_weights(window)
    for step in (2, 3, 4):
        window.controller.step()
        wait_shown_step(qtbot, window, lambda s, step=step: s == step)
    qtbot.waitUntil(lambda: loss_points(window) == 4, timeout=60_000)  # the visible loss curve kept up
    assert all(np.array_equal(before[n], w) for n, w in shown_weights(window).items())  # untouched while closed
    assert not all(np.array_equal(before[n], w) for n, w in latest_weights(window).items())

    window.weights_dock.show()
    qtbot.waitUntil(lambda: all(np.array_equal(shown_weights(window)[n], w)
                                for n, w in latest_weights(window).items()), timeout=60_000)
