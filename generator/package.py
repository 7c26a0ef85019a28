"""Stage the in-browser checker (Pyodide runtime and wheels) into the docs tree.
Filled in by the Pyodide work; until then there is nothing to stage."""
from __future__ import annotations

from pathlib import Path


def stage(root: Path) -> None:
    return None
