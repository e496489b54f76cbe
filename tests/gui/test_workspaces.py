"""Workspaces (Train / Inspect) and the window on small screens."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QAction

from bpviz.gui.screen_fit import LARGE_SIZE, available, first_size, fitted
from bpviz.gui.settings import open_qsettings

from .conftest import press, worker_barrier

TRAIN_DOCKS = {"controls_dock", "weights_dock", "loss_dock", "fit_dock"}
INSPECT_DOCKS = {"inspector_dock", "network_dock", "gradients_dock", "samples_dock", "code_dock", "gradcheck_dock"}


def shown_docks(window) -> set[str]:
    return {dock.objectName() for dock in window.findChildren(type(window.loss_dock)) if not dock.isHidden()}


def inside(rect: QRect, room: QRect) -> bool:
    return room.contains(rect.topLeft()) and room.contains(rect.bottomRight())


# -- fitting the screen -------------------------------------------------------------------------------------
def test_first_size_never_exceeds_the_screen():
    for room in [(1366, 768), (1280, 720), (1024, 600), (800, 600)]:
        width, height = first_size(room)
        assert width <= room[0] and height <= room[1]
    assert first_size((3840, 2160)) == LARGE_SIZE


def test_fitted_shrinks_and_moves_inside_the_available_area():
    room = QRect(0, 28, 1366, 740)  # a 1366×768 screen under a 28-pixel panel
    assert fitted(QRect(0, 0, 1680, 1020), room) == room
    assert fitted(QRect(500, 300, 1000, 600), room) == QRect(366, 168, 1000, 600)  # right and bottom edges
    assert fitted(QRect(-40, 0, 800, 500), room) == QRect(0, 28, 800, 500)
    assert fitted(QRect(10, 40, 800, 500), room) == QRect(10, 40, 800, 500)  # already inside: unchanged


def test_window_fits_the_screen_in_every_workspace(qtbot, window):
    room = available(window)
    for name in ("train", "inspect", "train"):
        window.workspaces.switch(name)
        qtbot.waitUntil(lambda: inside(window.frameGeometry(), room), timeout=30000)
        assert window.minimumSizeHint().width() <= room.width()
        assert window.minimumSizeHint().height() <= room.height()


def test_a_saved_geometry_larger_than_the_screen_is_fitted(qtbot, make_window):
    first = make_window()
    room = available(first)
    first.setMinimumSize(0, 0)
    first.resize(room.width() + 600, room.height() + 400)
    first.move(room.x() + 300, room.y() + 200)
    first.close()
    second = make_window()
    qtbot.waitUntil(lambda: inside(second.frameGeometry(), room), timeout=30000)


# -- switching -------------------------------------------------------------------------------------------------
def test_switching_shows_and_hides_the_right_docks(qtbot, window):
    assert window.workspaces.current == "train"
    assert shown_docks(window) == TRAIN_DOCKS
    press(qtbot, window, Qt.Key_2, Qt.ControlModifier)
    assert window.workspaces.current == "inspect"
    assert shown_docks(window) == INSPECT_DOCKS
    assert window.workspaces.actions["inspect"].isChecked()
    assert window.inspection.inspecting()  # Step now records the update for the inspector
    window.workspaces.toolbar.widgetForAction(window.workspaces.actions["train"]).click()
    assert shown_docks(window) == TRAIN_DOCKS
    assert not window.inspection.inspecting()
    assert {a.text().replace("&", "") for a in window.workspaces.menu.actions() if a.isCheckable()} == {
        "Train", "Inspect"}
    assert window.findChild(QAction, "act_compare") in window.workspaces.toolbar.actions()


def test_switching_never_touches_the_run(qtbot, window):
    for _ in range(3):
        with qtbot.waitSignal(window.controller.stepped, timeout=30000):
            window.step_once()
    before = window.controller.latest_snapshot()
    for name in ("inspect", "train", "inspect"):
        window.workspaces.switch(name)
    worker_barrier(qtbot, window.controller)  # anything a switch had asked of the worker is done by now
    after = window.controller.latest_snapshot()
    assert (after.step, after.generation, after.mode) == (before.step, before.generation, before.mode)
    np.testing.assert_array_equal(after.params, before.params)
    assert after.config == before.config

    window.start_training()  # and a running run keeps running
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step > before.step, timeout=30000)
    window.workspaces.switch("train")
    running_at = window.controller.latest_snapshot().step
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step > running_at, timeout=30000)


# -- remembering -------------------------------------------------------------------------------------------
def test_each_workspace_remembers_its_layout_across_a_restart(qtbot, make_window):
    first = make_window()
    first.workspaces.switch("inspect")
    first.inspection.gradcheck_dock.hide()  # the user closes one dock of Inspect …
    first.workspaces.switch("train")
    first.weights_dock.hide()  # … and another of Train
    first.workspaces.switch("inspect")
    assert shown_docks(first) == INSPECT_DOCKS - {"gradcheck_dock"}
    first.close()

    second = make_window()  # same settings file
    assert second.workspaces.current == "inspect"
    assert shown_docks(second) == INSPECT_DOCKS - {"gradcheck_dock"}
    second.workspaces.switch("train")
    assert shown_docks(second) == TRAIN_DOCKS - {"weights_dock"}
    second.workspaces.reset_layout()
    assert shown_docks(second) == TRAIN_DOCKS


def test_unreadable_workspace_settings_give_the_defaults(qtbot, make_window):
    q: QSettings = open_qsettings()
    q.setValue("workspaces/current", "no-such-workspace")
    q.setValue("workspaces/train", QByteArray(b"\x00garbage"))
    q.setValue("workspaces/inspect", "not bytes at all")
    q.sync()
    window = make_window()
    assert window.workspaces.current == "train"
    assert shown_docks(window) == TRAIN_DOCKS
    window.workspaces.switch("inspect")
    assert shown_docks(window) == INSPECT_DOCKS


def test_no_tabs_of_the_other_workspace_are_left_on_screen(qtbot, make_window):
    """Qt's restoreState left Inspect's "Samples | Gradient check" tab bar under the controls in Train."""
    from PySide6.QtWidgets import QTabBar
    window = make_window()
    for name in ("inspect", "train", "inspect", "train"):
        window.workspaces.switch(name)
        assert window.workspaces.current == name  # switching is synchronous
        shown = {dock.windowTitle() for dock in window.findChildren(type(window.loss_dock)) if dock.isVisible()}
        for bar in window.findChildren(QTabBar, options=Qt.FindDirectChildrenOnly):
            if bar.isVisible() and bar.count():
                tabs = {bar.tabText(i).replace("&&", "&") for i in range(bar.count())}
                assert tabs & shown, f"{name}: the tabs {sorted(tabs)} of hidden docks are on screen"
