"""What an outcome or an answer implies: small pure functions, no data access.

The facts they act on (which outcomes submit nothing, whether a licence is
needed for paid services) come from the data and are passed in.
"""
from __future__ import annotations

import datetime as dt


def needs_filing(outcome_node: dict | None):
    """Must the site or app hold an ICP filing? None while the outcome is unknown;
    False for the outcomes flow.yaml gives the verdict no_filing_needed."""
    if outcome_node is None:
        return None
    return outcome_node.get("verdict") != "no_filing_needed"


def submits_filing(outcome_node: dict | None) -> bool:
    """Does the applicant submit something now? (``submits`` of the outcome in flow.yaml.)

    True while the outcome is unknown: the checks of a filing still apply.
    """
    return outcome_node is None or bool(outcome_node.get("submits", True))


def commercial_licence(commercial, filing_needed, licence_rule_values) -> bool | None:
    """Is a commercial ICP licence needed as well? (the national ``commercial_licence`` rule)."""
    if filing_needed is False:
        return False
    if commercial is None:
        return None
    return bool(commercial) and "paid_services" in licence_rule_values


def service(case) -> str:
    """What the case files: the answer to flow.yaml's ``service`` (its default when a file says nothing)."""
    return dict(case.walk.path).get("service", "website") if case.walk else "website"


def psb_needed(filing_needed):
    """A filed site also files with the Public Security Bureau after launch."""
    return filing_needed


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def leader_not_legal_rep(website_leader: dict | None):
    if not website_leader or "is_legal_representative" not in website_leader:
        return None
    return not website_leader["is_legal_representative"]


def multiple_domains(domains):
    if domains is None:
        return None
    return len(domains) > 1


def preapproval_condition(categories):
    if categories is None:
        return None
    return bool(categories)


def id_type(person: dict | None) -> str:
    return (person or {}).get("id_type", "resident_id")


def same_person(first: dict | None, second: dict | None):
    """True/False when both people carry the same kind of ID number; None when it cannot be told."""
    if not first or not second or id_type(first) != id_type(second):
        return None
    a, b = first.get("id_number"), second.get("id_number")
    if not isinstance(a, (str, int)) or not isinstance(b, (str, int)):
        return None
    return _normal(a) == _normal(b)


def _normal(number) -> str:
    return "".join(str(number).split()).upper()


def limit_exceeded_is_error(status: str) -> bool:
    """A limit "will be refused" only when several sources confirm it; otherwise it is a warning."""
    return status == "confirmed"
