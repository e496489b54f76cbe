"""The real `bpviz` command in a real X window (Xvfb), driven by the keyboard as a user would."""
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"

# The driver waits for what it needs to see (a drawn, settled window; training visible on screen), polling;
# how long that takes depends on the machine, so nothing here waits for a fixed time.
DRIVER = textwrap.dedent("""\
    set -u
    colors() { identify -format %k "$1"; }
    differing() { compare -metric AE "$1" "$2" null: 2>&1 >/dev/null | awk '{print int($1)}'; }
    "$PYTHON" -m bpviz >"$OUT/app.log" 2>&1 &
    app=$!
    wid=$(timeout 120 xdotool search --sync --onlyvisible --name '^bpviz' | head -1)
    [ -n "$wid" ] || { echo "no window" >&2; kill $app; exit 3; }
    for try in $(seq 1 400); do  # no window manager: give the window the keyboard ourselves
        xdotool windowfocus --sync "$wid" 2>/dev/null
        [ "$(xdotool getwindowfocus)" = "$wid" ] && break
        sleep 0.1
    done
    import -window root "$OUT/previous.png"
    for try in $(seq 1 400); do  # drawn and settled: two screenshots in a row alike, in many colours
        sleep 0.1
        import -window root "$SHOTS/xvfb-idle.png"
        [ "$(colors "$SHOTS/xvfb-idle.png")" -gt 200 ] \\
            && [ "$(differing "$OUT/previous.png" "$SHOTS/xvfb-idle.png")" -eq 0 ] && break
        cp "$SHOTS/xvfb-idle.png" "$OUT/previous.png"
    done
    xdotool key space
    for try in $(seq 1 400); do  # training shows: the loss curve, boundary, weights and counters change
        sleep 0.1
        import -window root "$SHOTS/xvfb-trained.png"
        [ "$(differing "$SHOTS/xvfb-idle.png" "$SHOTS/xvfb-trained.png")" -gt 5000 ] && break
    done
    xdotool key space
    xdotool key Right
    import -window root "$SHOTS/xvfb-trained.png"
    xdotool key ctrl+q
    for i in $(seq 1 1200); do kill -0 $app 2>/dev/null || break; sleep 0.1; done
    if kill -0 $app 2>/dev/null; then echo "app-still-running"; kill -9 $app; fi
    wait $app
    echo "app-exit=$?"
""")


def _colors(path: Path) -> int:
    return int(subprocess.run(["identify", "-format", "%k", str(path)], capture_output=True, text=True,
                              check=True).stdout.strip())


def _differing_pixels(a: Path, b: Path) -> int:
    result = subprocess.run(["compare", "-metric", "AE", str(a), str(b), "null:"], capture_output=True, text=True)
    return int(float(result.stderr.split()[0]))


@pytest.mark.xvfb
def test_real_bpviz_window_driven_by_keyboard(tmp_path):
    missing = [tool for tool in ("xvfb-run", "xdotool", "import", "compare", "identify") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"needs {', '.join(missing)}: `make system-deps` installs them")
    ARTIFACTS.mkdir(exist_ok=True)
    env = dict(os.environ, PYTHON=sys.executable, OUT=str(tmp_path), SHOTS=str(tmp_path),
               QT_QPA_PLATFORM="xcb", BPVIZ_SETTINGS=str(tmp_path / "settings.ini"))
    out, err = tmp_path / "driver.out", tmp_path / "driver.err"
    with open(out, "w") as stdout, open(err, "w") as stderr:
        # a session of its own, so that a timeout can end every process in it (Xvfb, the app, xdotool)
        proc = subprocess.Popen(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", "bash", "-c", DRIVER],
                                env=env, stdout=stdout, stderr=stderr, start_new_session=True)
        try:
            proc.wait(timeout=600)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    log = (tmp_path / "app.log").read_text() if (tmp_path / "app.log").exists() else ""
    driver = out.read_text() + err.read_text()
    assert "app-exit=0" in driver, driver + log
    assert "QThread" not in log
    idle, trained = tmp_path / "xvfb-idle.png", tmp_path / "xvfb-trained.png"
    for shot in (idle, trained):  # kept for people to look at (artifacts/ is not in git)
        if shot.exists():
            shutil.copyfile(shot, ARTIFACTS / shot.name)
    assert idle.stat().st_size > 20_000 and trained.stat().st_size > 20_000
    assert _colors(idle) > 200 and _colors(trained) > 200  # a drawn window, not a blank screen
    # Space ran training: the loss curve, boundary, weights and counters changed on screen
    assert _differing_pixels(idle, trained) > 5_000
    assert (tmp_path / "settings.ini").exists()  # Ctrl+Q closed the window normally, settings saved
