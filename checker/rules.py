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


def values_in_force(rule: dict | None, day: dt.date) -> list:
    """``values_on``, with the claims of a ``merge: union`` rule (texts that add to each
    other, such as extra documents) made one list of their distinct texts, in claim order."""
    values = values_on(rule, day)
    if (rule or {}).get("merge") != "union":
        return values
    merged = []
    for value in values:
        for item in value if isinstance(value, list) else [value]:
            if item not in merged:
                merged.append(item)
    return [merged] if merged else []


def for_entity(rule: dict | None, entity: str) -> dict | None:
    """The rule as it concerns one kind of applicant ('organisation' or 'individual').

    A text whose own wording concerns one kind only carries ``entity`` in the data
    ("Individuals put their fingerprint on the verification form."); texts marked for
    the other kind leave the claims, and a claim left with no text is dropped, with
    its sources. Texts without ``entity`` concern both. The rule itself when no text
    is marked.
    """
    claims = (rule or {}).get("claims", ())
    if not any(isinstance(c["value"], list) and any(isinstance(t, dict) and "entity" in t for t in c["value"])
               for c in claims):
        return rule
    kept = []
    for claim in claims:
        value = claim["value"]
        if isinstance(value, list):
            value = [t for t in value if not isinstance(t, dict) or entity in t.get("entity", (entity,))]
            if not value:
                continue
        kept.append(claim if value == claim["value"] else {**claim, "value": value})
    return {**rule, "claims": kept}


def for_entity_on(rule: dict | None, entity: str, day: dt.date) -> dict | None:
    """:func:`for_entity`, or None when the rule has texts in force on ``day`` and none of
    them concerns this kind of applicant (a step or table row with nothing to say to it)."""
    own = for_entity(rule, entity)
    if own is not rule and values_on(rule, day) and not values_on(own, day):
        return None
    return own


def sources_on(rule: dict | None, day: dt.date) -> list[str]:
    out = []
    for claim in (rule or {}).get("claims", []):
        if in_force(claim, day):
            out.extend(s for s in claim["sources"] if s not in out)
    return out


# A rule whose newest source is older than this is marked "may be out of date" on
# the pages and in the checker (a presentation policy of this project, not a regulation).
STALE_AFTER_YEARS = 3


def published_day(text) -> dt.date | None:
    """The date a source carries, at its latest (a year alone counts as its last day)."""
    text = str(text or "")
    parts = text.split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return None
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 12
        day = int(parts[2]) if len(parts) > 2 else (dt.date(year + (month == 12), month % 12 + 1, 1)
                                                     - dt.timedelta(days=1)).day
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def newest_source(source_ids, sources: dict) -> str | None:
    """The newest date the given sources carry, as written in sources.yaml (None: none is dated)."""
    dated = [(d, sources[sid]["published"]) for sid in source_ids if sid in sources
             for d in [published_day(sources[sid].get("published"))] if d is not None]
    return max(dated)[1] if dated else None


def age_years(published: str | None, today: dt.date) -> int | None:
    """Whole years between the date a source carries and ``today`` (None when undated)."""
    day = published_day(published)
    if day is None:
        return None
    return today.year - day.year - ((today.month, today.day) < (day.month, day.day))


def stale(published: str | None, today: dt.date) -> bool:
    years = age_years(published, today)
    return years is not None and years >= STALE_AFTER_YEARS
