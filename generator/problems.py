"""Data problems, reported as `path:line: field: what is wrong`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class DataError(Exception):
    """Raised when the data has problems; nothing may be written then."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


def field_name(path: tuple) -> str:
    """Render a JSON path like ('rules', 'min_age', 'claims', 0) as rules.min_age.claims[0]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def relative(path: Path, base: Path) -> str:
    """`path` as problems name it: relative to `base` (the folder holding province_data/) when inside it."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)
