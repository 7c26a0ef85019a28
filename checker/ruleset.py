"""The rules of one province as in force on one day, read by declared rule id.

A check never reads ``rules.json`` directly: it receives a :class:`Reading`
of the :class:`RuleView` for the case's province and day, scoped to the rule
ids the check declares in its ``READS``. Reading an id that is not declared
raises :class:`UndeclaredRule`; reading an id that no data file holds raises
:class:`UnknownRule`. Both are programming errors, so they surface at once
(in tests and in the build) instead of quietly turning a rule into "unknown".

Views are cached per province and "epoch" (a stretch of days in which no
claim starts or ends), so checking many applications is cheap.
"""
from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache

from checker import rules as _rules


class UnknownRule(KeyError):
    """A rule id that no data file holds (a typo in code, or a removed rule)."""


class UndeclaredRule(KeyError):
    """A check read a rule id it does not list in its READS."""


@lru_cache(maxsize=1)
def known_rule_ids() -> frozenset:
    """Every rule id in the national file or in any province file."""
    data = _rules.load()
    ids = set(data["national"])
    for province in data["provinces"].values():
        ids |= set(province["rules"])
    return frozenset(ids)


def _iso_day(text):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _claim_days(rules, days: set) -> None:
    """Add the days on which a claim of ``rules`` starts or stops being in force."""
    for rule in rules:
        for claim in (rule or {}).get("claims", []):
            start, end = _iso_day(claim.get("from")), _iso_day(claim.get("until"))
            if start:
                days.add(start)
            if end and end < dt.date.max:
                days.add(end + dt.timedelta(days=1))


@lru_cache(maxsize=None)
def _boundaries(scope=None) -> tuple:
    """Every day on which a claim that ``scope`` sees starts or stops being in force.

    ``scope``: a province code (its rules and the national ones), ``"national"``
    (national rules only), ``"tlds"`` or ``"preapprovals"``; None: all of them.
    Each scope has its own epochs, so a dated claim in one province does not
    make every other province's views (and their rendered steps) cold again.
    """
    data = _rules.load()
    days: set = set()
    everything = scope is None
    if everything or scope not in ("tlds", "preapprovals"):
        _claim_days(data["national"].values(), days)
    for code, province in data["provinces"].items():
        if everything or scope == code:
            _claim_days(province["rules"].values(), days)
    if everything or scope == "tlds":
        _claim_days((entry["rule"] for entry in data["tlds"].values()), days)
    if everything or scope == "preapprovals":
        _claim_days(({"claims": p["status"]} for p in data["preapprovals"] if not isinstance(p["status"], str)), days)
    return tuple(sorted(days))


def epoch(day: dt.date, scope=None) -> int:
    """Days in the same epoch of ``scope`` (see :func:`_boundaries`) see exactly the same claims in force."""
    return bisect.bisect_right(_boundaries(scope), day)


class RuleView:
    """The rules of one province (or national only) as in force in one epoch."""

    def __init__(self, code, day):
        data = _rules.load()
        self.code = code
        self.day = day
        self.province = data["provinces"].get(code) if code else None
        self.national = data["national"]
        self.labels = data["labels"]
        self.cache = {}  # derived values of this view (steps, name rules...), keyed by their users
        self._resolved = {}  # rule id -> the resolved rule (the hottest lookup: its own dict)

    def rule(self, rule_id: str) -> dict:
        """{"id", "rule", "origin", "status", "values", "sources", "has_claims", "checked", "claims_in_force"}."""
        found = self._resolved.get(rule_id)
        if found is None:
            if rule_id not in known_rule_ids():
                raise UnknownRule(rule_id)
            found = self._resolved[rule_id] = self._resolve(rule_id)
        return found

    def _resolve(self, rule_id):
        rule, origin = _rules.effective_rule(self.province, self.national, rule_id)
        # Views of other epochs that see the same claims in force share the entry itself, so what
        # is derived from it (rendered steps, rule rows, their JSON) is made once (see shared()).
        in_force = tuple(i for i, claim in enumerate((rule or {}).get("claims", ()))
                         if _rules.in_force(claim, self.day))
        return remember(_ENTRIES, (self.code, rule_id, in_force), lambda: self._entry(rule_id, rule, origin))

    def _entry(self, rule_id, rule, origin):
        values = _rules.values_in_force(rule, self.day)
        return {
            "id": rule_id,
            "rule": rule,
            "origin": origin if rule is not None else None,
            "status": (rule or {}).get("status", "unknown"),
            "values": values,
            "sources": _rules.sources_on(rule, self.day),
            "has_claims": bool((rule or {}).get("claims")),
            "checked": list((rule or {}).get("checked", [])),
            "claims_in_force": [c for c in (rule or {}).get("claims", []) if _rules.in_force(c, self.day)],
        }

    def value(self, rule_id: str):
        """The single value in force, or None when unknown or conflicting."""
        values = self.rule(rule_id)["values"]
        return values[0] if len(values) == 1 else None

    def numbers(self, rule_id: str) -> list:
        """The integer values in force (several when sources conflict)."""
        return [x for x in self.rule(rule_id)["values"] if isinstance(x, int) and not isinstance(x, bool)]

    def name(self) -> dict:
        """The province's name in both languages; the label ``the_province`` without one."""
        if self.province is None:
            return self.labels["ui"]["the_province"]
        return self.province["name"]

    def reading(self, reads: frozenset) -> "Reading":
        """This view, scoped to the rule ids in ``reads`` (cached per scope)."""
        key = ("reading", reads)
        found = self.cache.get(key)
        if found is None:
            found = self.cache[key] = Reading(self, reads)
        return found


class Reading:
    """A :class:`RuleView` that lets its holder read only the rule ids it declared."""

    __slots__ = ("view", "reads")

    def __init__(self, view: RuleView, reads: frozenset):
        self.view = view
        self.reads = reads

    def _refuse(self, rule_id):
        return UndeclaredRule(f"{rule_id!r} is read but not declared in READS ({sorted(self.reads)})")

    def rule(self, rule_id: str) -> dict:
        if rule_id not in self.reads:
            raise self._refuse(rule_id)
        return self.view.rule(rule_id)

    def value(self, rule_id: str):
        if rule_id not in self.reads:
            raise self._refuse(rule_id)
        return self.view.value(rule_id)

    def numbers(self, rule_id: str) -> list:
        if rule_id not in self.reads:
            raise self._refuse(rule_id)
        return self.view.numbers(rule_id)

    @property
    def code(self):
        return self.view.code

    @property
    def day(self):
        return self.view.day

    @property
    def province(self):
        return self.view.province

    @property
    def cache(self):
        return self.view.cache

    def name(self) -> dict:
        return self.view.name()


# Caches keyed by epoch: any day of the epoch gives the same result, so the
# first day seen computes it. Bounded: a few hundred epochs at most.
_VIEWS: dict = {}
_TLD_TABLES: dict = {}
_ENTRIES: dict = {}   # (code, rule id, indexes of the claims in force) -> the resolved rule
_SHARED: dict = {}    # derived values keyed by the entries they come from (see shared())
CACHE_LIMIT = 4096


def remember(cache: dict, key, make_value):
    found = cache.get(key)
    if found is None:
        if len(cache) >= CACHE_LIMIT:
            cache.clear()
        found = cache[key] = make_value()
    return found


def shared(key: tuple, entries: tuple, make_value):
    """A value derived only from ``key`` and the resolved rules ``entries``, made once for all
    views (of any epoch) that share those entries. Keyed by the entries' identities, which stay
    valid because the cached value holds the entries themselves."""
    full = key + tuple(id(e) for e in entries)
    found = _SHARED.get(full)
    if found is None or any(a is not b for a, b in zip(found[0], entries)):
        if len(_SHARED) >= CACHE_LIMIT * 4:
            _SHARED.clear()
        found = _SHARED[full] = (entries, make_value())
    return found[1]


def clear_caches() -> None:
    """Forget cached views and walks (tests that change rule data in place call this)."""
    from checker import flow

    flow.clear_cache()
    _ENTRIES.clear()
    _SHARED.clear()
    _VIEWS.clear()
    _TLD_TABLES.clear()
    _PREAPPROVALS.clear()


def rule_view(code, day: dt.date) -> RuleView:
    """The rules of province ``code`` (None: national only) in force on ``day``."""
    return remember(_VIEWS, (code, epoch(day, code or "national")), lambda: RuleView(code, day))


def _tld_table(day: dt.date) -> dict:
    out = {}
    for suffix, entry in _rules.load()["tlds"].items():
        values = set(_rules.values_on(entry["rule"], day))
        if not values:
            continue
        status = "disputed" if len(values) > 1 else next(iter(values))
        out[suffix] = {"status": status, "sources": _cited(_rules.sources_on(entry["rule"], day))}
    return out


def _cited(source_ids) -> list:
    # Messages show sources by name (readers never see source ids); one name once.
    from checker import words

    out = []
    for sid in source_ids:
        label = words.cite([sid])
        if label not in out:
            out.append(label)
    return out


def tld_table(day: dt.date) -> dict:
    """Suffix -> {"status": allowed|not_allowed|disputed, "sources": display names} in force on ``day``."""
    return remember(_TLD_TABLES, epoch(day, "tlds"), lambda: _tld_table(day))


@lru_cache(maxsize=1)
def all_icp_prefixes() -> dict:
    """ICP abbreviation -> province code, from every province's claims."""
    out = {}
    for code, province in _rules.load()["provinces"].items():
        for claim in province["rules"].get("icp_prefixes", {}).get("claims", []):
            for prefix in claim["value"]:
                out.setdefault(prefix, code)
    return out


@lru_cache(maxsize=1)
def psb_prefixes() -> dict:
    """Province code -> abbreviation for PSB numbers given without one.

    Inferred, not sourced: a province with exactly one ICP abbreviation uses
    the same one on PSB numbers. Provinces with two are left out because the
    PSB number may use the other one.
    """
    out = {}
    for code, province in _rules.load()["provinces"].items():
        prefixes = {p for claim in province["rules"].get("icp_prefixes", {}).get("claims", [])
                    for p in claim["value"]}
        if len(prefixes) == 1:
            out[code] = next(iter(prefixes))
    return out


@lru_cache(maxsize=1)
def _preapproval_entries() -> dict:
    return {p["id"]: p for p in _rules.load()["preapprovals"]}


def preapproval_on(entry: dict, day: dt.date) -> dict:
    """The entry with the status in force on ``day``, and the sources of that status first.

    A status that never changed is one value; one that changed is a list of claims
    whose periods do not overlap and cover every day (generator.checks).
    """
    status = entry["status"]
    if isinstance(status, str):
        return entry
    claim = next(c for c in status if _rules.in_force(c, day))
    sources = list(dict.fromkeys([*claim["sources"], *entry["sources"]]))
    return {**entry, "status": claim["value"], "sources": sources}


_PREAPPROVALS: dict = {}


def preapprovals(day: dt.date | None = None) -> dict:
    """Pre-approval id -> entry; with ``day``, each entry's status is the one in force then.

    Without a day the entries are as the data holds them (names, keywords, a dated
    status as its list of claims).
    """
    if day is None:
        return _preapproval_entries()
    return remember(_PREAPPROVALS, epoch(day, "preapprovals"), lambda: {pid: preapproval_on(entry, day)
                                                 for pid, entry in _preapproval_entries().items()})


@lru_cache(maxsize=1)
def operations() -> dict:
    return {o["id"]: o for o in _rules.load()["operations"]}


@lru_cache(maxsize=1)
def services() -> tuple[dict, dict, dict]:
    """(instance quotas, billing modes that cannot be used, cloud services by id): providers' policies."""
    data = _rules.load()["services"]
    quotas, not_allowed = {}, {}
    for item in data["instance_types"]:
        for key in [item["id"], *item.get("aliases", [])]:
            quotas[key] = item["max_service_numbers"]
            if item.get("billing_not_allowed"):
                not_allowed[key] = item["billing_not_allowed"]
    return quotas, not_allowed, {s["id"]: s for s in data["cloud_services"]}


@lru_cache(maxsize=1)
def instance_names() -> dict:
    """Instance type id (and alias) -> its {en, zh} name."""
    out = {}
    for item in _rules.load()["services"]["instance_types"]:
        for key in [item["id"], *item.get("aliases", [])]:
            out[key] = item["name"]
    return out


@lru_cache(maxsize=1)
def province_rule_ids() -> tuple:
    """Rule ids a province file can hold (listed as the province's rules)."""
    ids = set()
    for province in _rules.load()["provinces"].values():
        ids |= set(province["rules"])
    return tuple(sorted(ids))


@lru_cache(maxsize=1)
def _audiences() -> dict:
    return {rule_id: kind for kind, ids in _rules.load()["rule_audience"].items() for rule_id in ids}


def concerns(rule_id: str, entity: str | None) -> bool:
    """Does the rule concern this kind of applicant? A rule of province_data/rule_audience.yaml
    concerns its own kind only; every other rule (and any rule, when the kind is not known) both."""
    kind = _audiences().get(rule_id)
    return entity is None or kind is None or kind == entity


@lru_cache(maxsize=1)
def tld_table_suffixes() -> frozenset:
    """Every suffix tlds.yaml holds (in force or not)."""
    return frozenset(_rules.load()["tlds"])
