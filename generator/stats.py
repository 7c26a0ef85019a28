"""`python -m generator stats`: how current, deep and honest the province data is.

For every province rule slot (a rule in a province file) it counts:

* unknown: the rule says nothing is known (``status: unknown``);
* fresh: a known rule whose newest source is dated ``FRESH_YEAR`` or later;
* old: a known rule whose sources are all dated ``OLD_YEAR`` or earlier;
* undated: a known rule none of whose sources carries a date;
* official: a known rule that cites an official (government) source;
* conflicting: a rule whose sources disagree.

"Dated" means the date the source carries (``published`` in sources.yaml),
not the day we read it. The same figures come for the whole country and
per province; ``make bench`` prints them too.
"""
from __future__ import annotations

from dataclasses import dataclass, field

FRESH_YEAR = 2023
OLD_YEAR = 2018


def source_year(source: dict | None) -> int | None:
    """The year a source carries, or None when it is undated (``published: unknown``)."""
    text = str((source or {}).get("published", "unknown"))[:4]
    return int(text) if text.isdigit() else None


def rule_sources(rule: dict) -> list[str]:
    """Every source id the rule's claims cite, in order, without repeats."""
    out: list[str] = []
    for claim in rule.get("claims", []):
        out += [sid for sid in claim.get("sources", []) if sid not in out]
    return out


def newest_year(rule: dict, sources: dict) -> int | None:
    years = [y for y in (source_year(sources.get(sid)) for sid in rule_sources(rule)) if y is not None]
    return max(years) if years else None


@dataclass
class Tally:
    slots: int = 0
    unknown: int = 0
    fresh: int = 0
    old: int = 0
    undated: int = 0
    official: int = 0
    conflicting: int = 0
    names: list = field(default_factory=list)

    @property
    def known(self) -> int:
        return self.slots - self.unknown

    def add(self, rule: dict, sources: dict) -> None:
        self.slots += 1
        if rule.get("status") == "conflicting":
            self.conflicting += 1
        if rule.get("status") == "unknown" or not rule.get("claims"):
            self.unknown += 1
            return
        newest = newest_year(rule, sources)
        if newest is None:
            self.undated += 1
        elif newest >= FRESH_YEAR:
            self.fresh += 1
        elif newest <= OLD_YEAR:
            self.old += 1
        if any((sources.get(sid) or {}).get("kind") == "official" for sid in rule_sources(rule)):
            self.official += 1


def tallies(ds) -> tuple[Tally, dict]:
    """(the whole country, {province code: its tally})."""
    sources = ds.sources
    country, per_province = Tally(), {}
    for doc in ds.provinces:
        own = per_province[doc.data["code"]] = Tally(names=[doc.data["name"]["en"]])
        for rule in doc.data["rules"].values():
            own.add(rule, sources)
            country.add(rule, sources)
    return country, per_province


def _pct(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole) if whole else 0}%)"


COLUMNS = ("slots", "unknown", f"newest source {FRESH_YEAR}+", f"only {OLD_YEAR} or earlier", "only undated",
           "official source", "conflicting")


def row(t: Tally) -> list[str]:
    return [str(t.slots), _pct(t.unknown, t.slots), _pct(t.fresh, t.known), _pct(t.old, t.known),
            _pct(t.undated, t.known), _pct(t.official, t.known), str(t.conflicting)]


def report(ds) -> str:
    """The table as plain text: the country first, then each province."""
    country, per_province = tallies(ds)
    rows = [["country", *row(country)]]
    rows += [[f"{code} {t.names[0]}", *row(t)] for code, t in sorted(per_province.items())]
    header = ["", *COLUMNS]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    note = (f"Percentages of unknown are of all slots; the others are of known rules. A source's year is the "
            f"date it carries (sources.yaml published).")
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:], "", note])
