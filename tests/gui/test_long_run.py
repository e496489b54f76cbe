"""Guard against PySide6 6.12.0's crash on Python 3.11 (pyproject pins PySide6-Essentials below 6.12).

Every call of a Qt method that returns nothing drops a reference to None there; after ~20,000 such calls the
process dies with "Fatal Python error: none_dealloc" (exit 134).  A live app makes that many within minutes,
so this test runs the window live and then makes tens of thousands of such calls.
"""
import numpy as np
from PySide6.QtWidgets import QApplication


def test_a_long_live_run_with_tens_of_thousands_of_void_qt_calls(qtbot, make_window):
    """PySide6 6.12.0 on Python 3.11 dies (none_dealloc, exit 134) after ~20,000 calls of Qt methods that
    return nothing; a live app makes that many within minutes.  This must survive 100,000."""
    window = make_window()
    frames0 = window.live.frames
    window.controller.start()
    # live views keep redrawing while training at full speed (the benchmark measures how often)
    qtbot.waitUntil(lambda: window.controller.latest_snapshot().step > 50_000 and window.live.frames - frames0 >= 10,
                    timeout=120_000)
    window.controller.pause()
    qtbot.waitUntil(lambda: window.controller.mode == "paused", timeout=30_000)
    snap = window.controller.latest_snapshot()

    bar, progress = window.statusBar(), window.status.progress
    for i in range(30_000):
        bar.showMessage("step")  # void
        progress.setValue(i % 100)  # void
        window.status.step_label.setText(str(i))  # void
    history = np.asarray(snap.batch_losses[: snap.step])
    for i in range(1, 3001):
        window.loss_plot.set_history(history[: i * (len(history) // 3000)], snap.logged_steps, snap.logged_losses)
    bar.clearMessage()
    QApplication.processEvents()
    window.live.redraw_now()
    assert window.isVisible()
