"""The case being checked: built once from an application, then only read.

A :class:`Case` holds what every check needs (the answers walked through the
decision graph, the dates, the province's rules in force on the rules date,
the conditions of conditional steps) so that checks are plain functions of
the case. ``memo`` caches results several checks share (the timeline, the
validators' verdict on a number); it is the only mutable part.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType

from checker import flow as _flow
from checker import policy
from checker import rules as _rules
from checker import ruleset
from checker.validators import ValidationError, resident_id

_EMPTY = MappingProxyType({})


def _mapping(value) -> dict:
    return value if isinstance(value, dict) else {}


def _date(dates, key):
    text = dates.get(key)
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


_RESIDENT: dict = {}


def resident(number, today):
    """(province code, birth date) of a valid resident ID number, else None (memoised per value)."""
    if not isinstance(number, (str, int)) or isinstance(number, bool):
        return None
    key = (number, today)
    found = _RESIDENT.get(key, False)
    if found is False:
        try:
            valid = resident_id.validate(number, today=today)
            found = (valid[:2], resident_id.birth_date(valid, today=today))
        except (ValidationError, TypeError, ValueError):
            found = None
        if len(_RESIDENT) >= 1024:
            _RESIDENT.clear()
        _RESIDENT[key] = found
    return found


def non_local(person: dict | None, province_code, today):
    """True when the person's resident ID was issued outside the filing province; None when unknown."""
    if not person or not province_code or policy.id_type(person) != "resident_id":
        return None
    found = resident(person.get("id_number"), today)
    return None if found is None else found[0] != province_code


@dataclass(frozen=True, slots=True)
class Case:
    province: str | None
    today: dt.date
    day: dt.date                       # the rules date: the submission date, else today
    entity_kind: str | None
    entity: dict = field(default_factory=dict)
    entity_leader: dict | None = None
    website: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    dates: dict = field(default_factory=dict)
    walk: _flow.Walk | None = None
    outcome: str | None = None
    outcome_node: dict | None = None
    filing_needed: bool | None = None
    submitting: bool = True            # checks of a submission apply (not for "no filing", "already filed")
    conditions: dict = field(default_factory=dict)
    app: dict = field(default_factory=dict)
    # Derived once here, because every check reads them (plain fields are the
    # cheapest reads; batches check thousands of cases).
    all_rules: ruleset.RuleView | None = None   # the province's rules, else the national ones
    website_leader: dict | None = None
    domains: list = field(default_factory=list)
    parsed_dates: dict = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def view(self) -> ruleset.RuleView | None:
        """The province's rules in force on the rules date (None without a province)."""
        return self.all_rules if self.province else None

    def rules(self, reads: frozenset):
        """The rules a check declared, for the province if known, else the national ones."""
        found = self.memo.get(reads)
        if found is None:
            found = self.memo[reads] = self.all_rules.reading(reads)
        return found

    def date(self, key) -> dt.date | None:
        return self.parsed_dates.get(key)


def _derived(province, day, website, dates) -> dict:
    leader = website.get("leader")
    domains = website.get("domains")
    return {
        "all_rules": ruleset.rule_view(province, day),
        "website_leader": leader if isinstance(leader, dict) else None,
        "domains": domains if isinstance(domains, list) else [],
        "parsed_dates": {key: _date(dates, key) for key in dates},
    }


def answers_of(app: dict) -> dict:
    """The flow answers, with entity.kind answering the questions it answers (flow.yaml ``answered_by``)."""
    answers = dict(_mapping(app.get("answers")))
    entity = app.get("entity")
    if isinstance(entity, dict) and "kind" in entity:
        answers.update(dict.fromkeys(_flow.answered_by_entity(_rules.load()["flow"]), entity["kind"]))
    return answers


def from_application(app: dict, today: dt.date) -> Case:
    """The case of a schema-valid application."""
    graph = _rules.load()["flow"]
    dates = _mapping(app.get("dates"))
    day = _date(dates, "submit") or today
    walk = _flow.walk(graph, answers_of(app))
    outcome = walk.outcome
    node = graph["outcomes"].get(outcome) if outcome else None
    filing_needed = policy.needs_filing(node)
    entity = _mapping(app.get("entity"))
    website = _mapping(app.get("website"))
    code = app.get("province")
    kind = entity.get("kind")
    leader = app.get("entity_leader") if isinstance(app.get("entity_leader"), dict) else None
    conditions = {
        "non_local": non_local(leader, code, today) if kind == "individual" else False,
        "multiple_domains": policy.multiple_domains(website.get("domains")),
        "preapproval": policy.preapproval_condition(app.get("content_categories")),
        "leader_not_legal_rep": policy.leader_not_legal_rep(website.get("leader")),
        "commercial": app.get("commercial"),
    }
    return Case(
        province=code, today=today, day=day, entity_kind=kind, entity=entity, entity_leader=leader,
        website=website, numbers=_mapping(app.get("numbers")), answers=_mapping(app.get("answers")),
        dates=dates, walk=walk, outcome=outcome, outcome_node=node, filing_needed=filing_needed,
        submitting=policy.submits_filing(node) and filing_needed is not False,
        conditions=conditions, app=app, **_derived(code, day, website, dates),
    )


def for_field(province, entity_kind, today: dt.date, **parts) -> Case:
    """A case holding one value (``icp-check field``): no answers, so every check of a submission applies."""
    kind = entity_kind
    leader = parts.pop("entity_leader", None)
    conditions = {"non_local": non_local(leader, province, today) if kind == "individual" else False}
    website = parts.pop("website", {})
    return Case(province=province, today=today, day=today, entity_kind=kind, entity_leader=leader,
                conditions=conditions, website=website, **parts, **_derived(province, today, website, {}))
