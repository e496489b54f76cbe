"""Closing while training, in the test process and in a process of its own."""
import os
import subprocess
import sys
import textwrap

from .conftest import wait_shown_step


def test_close_while_training_stops_the_worker_cleanly(qtbot, make_window, qtlog):
    window = make_window()
    window.controller.start()
    qtbot.waitUntil(lambda: window.controller.mode == "running")
    wait_shown_step(qtbot, window, lambda s: s > 10_000)
    thread = window.controller._thread
    window.close()
    assert thread.isFinished()
    assert not any("QThread" in record.message for record in qtlog.records)


def test_closing_the_app_while_training_exits_0_without_qthread_warning(tmp_path):
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from bpviz.gui.app import create_application
        app = create_application()
        from bpviz.gui.main_window import MainWindow
        window = MainWindow()
        window.show()
        window.speed.set_speed(None)
        window.controller.start()
        def close_mid_run():  # as the user closing the window while training runs
            if window.controller.latest_snapshot().step > 1000:
                window.close()
        poll = QTimer(interval=10, timeout=close_mid_run)
        poll.start()
        code = app.exec()
        print("step", window.controller.latest_snapshot().step)
        sys.exit(code)
    """)
    env = dict(os.environ, BPVIZ_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "QThread" not in result.stderr
    assert int(result.stdout.split()[-1]) > 1000
    assert (tmp_path / "settings.ini").exists()  # settings saved after the worker stopped


def test_without_a_display_the_app_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["BPVIZ_SETTINGS"] = str(tmp_path / "settings.ini")
    result = subprocess.run([sys.executable, "-m", "bpviz"], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "no display" in result.stderr and "bpviz train" in result.stderr
