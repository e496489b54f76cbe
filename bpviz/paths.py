"""Where bundled resources are, from a checkout or an installed wheel."""
from __future__ import annotations

from importlib import resources as _res
from pathlib import Path


def resource_path(name: str) -> Path:
    """Path of a file from the top-level resources/ folder (shipped as bpviz.resources)."""
    try:
        path = Path(str(_res.files("bpviz.resources") / name))
        if path.exists():
            return path
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "resources" / name
