"""Rules the test suite keeps, checked on its own source.

Tests wait for events and counts, never for time to pass: on a machine whose cores are busy with other work any
fixed wait is sometimes too short.  ruff bans time.sleep / time.perf_counter & co. in tests (pyproject.toml); this
catches the Qt event loop's own sleep.
"""
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
FIXED_WAIT = re.compile(r"\bqtbot\.wait\(|\bQTest\.qWait\(|\bqWait\(")


def test_no_test_waits_a_fixed_time_in_the_event_loop():
    offenders = [f"{path.relative_to(TESTS)}:{number}: {line.strip()}"
                 for path in sorted(TESTS.rglob("*.py"))
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if FIXED_WAIT.search(line)]
    assert offenders == [], "wait for a signal or a condition instead (qtbot.waitSignal / waitUntil):\n" + \
        "\n".join(offenders)
