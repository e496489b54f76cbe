"""Fixtures for the GUI tests: a qtbot whose waits only guard against hangs, and shown windows whose worker
is stopped at teardown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

# Tests wait for events (signals, counts, states), never for time to pass.  A timeout only stops a test that
# would otherwise hang, so it is long enough for a 2-core machine whose cores are both busy with other work.
HANG_GUARD_MS = 60_000


class HangGuardedQtBot(QtBot):
    """pytest-qt's qtbot with every wait's timeout raised to the hang guard: a test's `timeout=` cannot make it
    depend on how fast the machine is."""

    def waitUntil(self, callback, *, timeout=HANG_GUARD_MS):
        return super().waitUntil(callback, timeout=max(timeout, HANG_GUARD_MS))

    def waitSignal(self, signal, *, timeout=HANG_GUARD_MS, raising=None, **kwargs):
        if raising is False:  # not a wait for the signal but a look for it (assertNotEmitted): as long as asked
            return super().waitSignal(signal, timeout=timeout, raising=False, **kwargs)
        return super().waitSignal(signal, timeout=max(timeout, HANG_GUARD_MS), raising=raising, **kwargs)

    def waitSignals(self, signals, *, timeout=HANG_GUARD_MS, **kwargs):
        return super().waitSignals(signals, timeout=max(timeout, HANG_GUARD_MS), **kwargs)

    def waitCallback(self, *, timeout=HANG_GUARD_MS, **kwargs):
        return super().waitCallback(timeout=max(timeout, HANG_GUARD_MS), **kwargs)

    def waitExposed(self, widget, *, timeout=HANG_GUARD_MS):
        return super().waitExposed(widget, timeout=max(timeout, HANG_GUARD_MS))

    def waitActive(self, widget, *, timeout=HANG_GUARD_MS):
        return super().waitActive(widget, timeout=max(timeout, HANG_GUARD_MS))


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes, recorded instead of shown."""
    shown = []
    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, kind=kind: shown.append((kind, title, text)))
    return shown


@pytest.fixture
def qtbot(qapp, request):
    return HangGuardedQtBot(request)


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
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
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


def wait_shown_step(qtbot, window, predicate, timeout=HANG_GUARD_MS):
    qtbot.waitUntil(lambda: window.status.step_label.text() and predicate(shown_step(window)), timeout=timeout)


def start_training(qtbot, controller) -> None:
    """Start, and wait until the window has heard so: the worker's "running" comes back as a queued signal,
    and on a busy machine it can arrive after the next thing a test does."""
    with qtbot.waitSignal(controller.mode_changed):
        controller.start()


def worker_barrier(qtbot, controller) -> int:
    """The trainer's step, read in the worker thread after every command sent before this one.

    Commands run in order, and the worker's signals reach the GUI thread in the order they were emitted:
    once this returns, everything the worker was asked to do earlier is done and has been reported.  A check
    that "nothing more happened" follows it instead of a sleep."""
    steps = []
    controller.call(lambda trainer: trainer.step, on_result=steps.append, even_if_replaced=True)
    qtbot.waitUntil(lambda: bool(steps))
    return steps[0]


@pytest.fixture(autouse=True)
def english_again_after_each_test(qapp):
    """A test (the monkey, a language test) may switch the language of the one QApplication the suite shares:
    the next test starts in English again, as tests/conftest.py promises."""
    yield
    from bpviz import i18n
    from bpviz.gui.language import apply_language

    if i18n.current_language() != i18n.SOURCE_LANGUAGE:
        apply_language(i18n.SOURCE_LANGUAGE, qapp)
