"""Start the desktop app: `main(argv)` returns the process exit code."""
from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph prefers PyQt6 if both are installed

from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bpviz import i18n  # noqa: E402
from bpviz.paths import resource_path  # noqa: E402

from .language import apply_language  # noqa: E402


def app_icon() -> QIcon:
    return QIcon(str(resource_path("bpviz.svg")))


def create_application(argv: Sequence[str] | None = None, lang: str | None = None) -> QApplication:
    """The application, in `lang` (None: --lang was not given, so $BPVIZ_LANG or the system's language)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv else [sys.argv[0] if sys.argv else "bpviz"])
    app.setApplicationName("bpviz")
    app.setOrganizationName("bpviz")
    app.setDesktopFileName("bpviz")
    app.setWindowIcon(app_icon())
    apply_language(i18n.choose_language(lang), app)
    return app


def no_display_reason() -> str | None:
    """Why a window cannot open here, or None: Qt itself would abort (exit 134) with a less helpful message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("bpviz: no display (neither DISPLAY nor WAYLAND_DISPLAY is set). For training without a window "
            "use `bpviz train`; to run the app on a virtual display use `xvfb-run bpviz`.")


def main(argv: Sequence[str] | None = None, lang: str | None = None) -> int:
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    app = create_application(argv, lang)
    from .error_log import configure_logging

    configure_logging()
    from .main_window import MainWindow  # pyqtgraph is imported here, after QApplication exists

    window = MainWindow()
    window.show()
    window.lessons.show_start_page_on_first_launch()
    # Ctrl+C in the terminal closes the window as Ctrl+Q does (the display timer lets Python see the signal)
    signal.signal(signal.SIGINT, lambda *_: window.close())
    code = app.exec()
    window.controller.shutdown()
    return int(code)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
