"""Shared test setup.

Qt must know its platform before it is imported anywhere: with no display, a QApplication on the
default platform aborts the whole run (exit 134) without saying why.  The offscreen screen is made
1600x1000 (its default, 800x800, is smaller than the app's 1280x800 window, and restoring a saved
geometry would clamp to it).  Settings go to a temporary ini file per test, so no test reads or
writes the user's real settings.
"""
import json
import os
import sys
import tempfile

_SCREEN = {"screens": [{"name": "bpviz-test", "x": 0, "y": 0, "width": 1600, "height": 1000,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
_SCREEN_FILE = os.path.join(tempfile.gettempdir(), f"bpviz-offscreen-screen-{os.getuid()}.json")
with open(_SCREEN_FILE, "w", encoding="utf-8") as _f:
    json.dump(_SCREEN, _f)
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN_FILE}")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


def _cpu_has_avx2() -> bool:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            return " avx2" in f.read()
    except OSError:
        return False


# OpenBLAS chooses its kernels by CPU, and they sum in different orders: the last bit of a product differs
# between, say, its Haswell and SkylakeX kernels.  The sales lesson's cost/profit loss is a where(), and one bit
# flips a sample to the other branch, so its 20,000 steps end on another path.  The TF1 references were made
# where the Haswell kernels reproduce them (33 of 40 logged losses to the bit; SkylakeX 1 of 40, and 1.2 % off
# at step 8000): the tests use those kernels on every CPU that can run them.  Set before numpy is loaded.
if "numpy" not in sys.modules and _cpu_has_avx2():
    os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    """`bpviz.gui.settings` reads BPVIZ_SETTINGS: every test gets its own empty settings file; the error
    log (BPVIZ_LOG_DIR) goes to the test's folder too; the interface is English unless a test asks otherwise."""
    monkeypatch.setenv("BPVIZ_SETTINGS", str(tmp_path / "bpviz-settings.ini"))
    monkeypatch.setenv("BPVIZ_LOG_DIR", str(tmp_path / "log"))
    monkeypatch.setenv("BPVIZ_LANG", "en")  # tests read English texts whatever the machine's locale
    return tmp_path / "bpviz-settings.ini"
