"""What the screenshot scripts share: a maximised window in a language, with its own empty settings, and a
wait that keeps the event loop turning (run under xvfb-run)."""
import os
import tempfile

os.environ.setdefault("BPVIZ_SETTINGS", os.path.join(tempfile.mkdtemp(), "s.ini"))
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpviz.gui.app import create_application  # noqa: E402


def open_window(lang: str, argv0: str):
    """(app, window): the main window maximised on the primary screen (Xvfb has no window manager)."""
    app = create_application([argv0], lang)
    from bpviz.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.setGeometry(app.primaryScreen().availableGeometry())
    return app, window


def wait(ms: int) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    timer.start(ms)
    while timer.isActive():
        QApplication.processEvents()
