"""`make bench`: the province data's health (python -m generator stats), for the record."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv=None) -> list[str]:
    from generator import stats
    from generator.dataset import load_dataset
    return ["data: " + line for line in stats.report(load_dataset(ROOT / "province_data")).splitlines()[:3]]
