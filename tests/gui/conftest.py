"""Fixtures for the main-window tests: a shown window whose worker is stopped at teardown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


@pytest.fixture
def make_window(qtbot):
    """Build (and show) MainWindow(s); each is closed at teardown, which stops its training thread."""
    from bpviz.gui.main_window import MainWindow

    windows = []

    def make(config=None, speed="max", show=True):
        window = MainWindow(config)
        qtbot.addWidget(window)
        windows.append(window)
        if speed != "keep":
            window.speed.set_speed(None if speed == "max" else speed)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        return window

    yield make
    for window in windows:
        window.close()
        assert window.controller.shutdown()


@pytest.fixture
def window(make_window):
    return make_window()


def press(qtbot, window, key, modifier=Qt.NoModifier):
    """A key press delivered as a user's is: to the focus widget, through the shortcut map."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def shown_step(window) -> int:
    """The step the status bar shows ("Step 1,234 / 3,000")."""
    text = window.status.step_label.text()
    return int(text.split()[1].replace(",", ""))


def wait_shown_step(qtbot, window, predicate, timeout=5000):
    qtbot.waitUntil(lambda: window.status.step_label.text() and predicate(shown_step(window)), timeout=timeout)
