"""Build step: compile the translation catalogues (resources/*.ts) into the .qm files the app loads.

Everything else about the package is in pyproject.toml.  The .qm files are build output, never committed:
pyside6-lrelease (from PySide6-Essentials, a build requirement) writes them into the wheel's bpviz/resources.
"""
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def _lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    if found is None:
        import PySide6  # the build requirement; its own copy of the tool

        found = str(Path(PySide6.__file__).parent / "lrelease")
    return found


class BuildWithTranslations(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # a checkout compiles them at first use (bpviz/gui/language.py)
            return
        target = Path(self.build_lib) / "bpviz" / "resources"
        target.mkdir(parents=True, exist_ok=True)
        for ts in sorted(Path("resources").glob("*.ts")):
            qm = target / ts.with_suffix(".qm").name
            subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
