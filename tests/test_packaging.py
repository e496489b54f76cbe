"""Resources ship inside the wheel (not only in a checkout or an editable install)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from bpviz.paths import resource_path

ROOT = Path(__file__).resolve().parents[1]


def test_resources_are_found_from_the_checkout():
    assert resource_path("bpviz.svg").read_text().lstrip().startswith(("<svg", "<?xml"))
    desktop = resource_path("bpviz.desktop").read_text()
    assert "Exec=bpviz" in desktop and "Icon=" in desktop


def test_wheel_contains_the_resources_and_the_entry_point(tmp_path):
    # with the setuptools of the test environment (pyproject's test extra): no network needed
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    wheel = next(tmp_path.glob("bpviz-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "bpviz/resources/bpviz.svg" in names and "bpviz/resources/bpviz.desktop" in names
    assert "bpviz/gui/inspector/phase_view.py" in names and "bpviz/engine/trainer.py" in names
    # the lessons are data files, one per lesson
    shipped = sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("bpviz/resources/lessons/"))
    assert shipped == sorted(p.name for p in (ROOT / "resources" / "lessons").glob("*.json")) and shipped
    # the Chinese catalogue, compiled by the build (setup.py runs pyside6-lrelease; no .qm is committed)
    assert "bpviz/resources/bpviz_zh_CN.qm" in names and "bpviz/resources/bpviz_zh_CN.ts" in names
    qm = zipfile.ZipFile(wheel).read("bpviz/resources/bpviz_zh_CN.qm")
    assert qm.startswith(bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd"))  # Qt's .qm magic number
    assert "学习率".encode("utf-16-be") in qm
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "bpviz = bpviz.cli:main" in entry_points
