"""The rule data the generator compiled from province_data/, and how to read it.

A province rule overrides the national rule of the same id; a province rule
that is `unknown` gives way to the national one where there is one. A claim
is in force on a day when the day lies within its from/until dates.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load() -> dict:
    """The compiled rules shipped inside the package (checker/data/rules.json)."""
    text = resources.files("checker").joinpath("data/rules.json").read_text(encoding="utf-8")
    return json.loads(text)


def _date(text: str | None, default: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else default
    except ValueError:
        return default


def in_force(claim: dict, day: dt.date) -> bool:
    return _date(claim.get("from"), dt.date.min) <= day <= _date(claim.get("until"), dt.date.max)


def effective_rule(province: dict | None, national: dict, rule_id: str) -> tuple[dict | None, str]:
    """The rule that governs `rule_id` and where it comes from ('province' or 'national').

    `national` is the mapping of national rules by id.
    """
    own = (province or {}).get("rules", {}).get(rule_id)
    if own is not None and (own["status"] != "unknown" or rule_id not in national):
        return own, "province"
    if rule_id in national:
        return national[rule_id], "national"
    return own, "province"


def values_on(rule: dict | None, day: dt.date) -> list:
    """Distinct values of the claims in force on `day` (several when sources conflict)."""
    out = []
    for claim in (rule or {}).get("claims", []):
        if in_force(claim, day) and claim["value"] not in out:
            out.append(claim["value"])
    return out


def sources_on(rule: dict | None, day: dt.date) -> list[str]:
    out = []
    for claim in (rule or {}).get("claims", []):
        if in_force(claim, day):
            out.extend(s for s in claim["sources"] if s not in out)
    return out
