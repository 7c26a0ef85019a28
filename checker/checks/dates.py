"""The dates of the filing: when it can be submitted, when approval can be
expected, and whether the site goes live before that (see checker.timeline)."""
from __future__ import annotations

from checker import timeline, words

READS = frozenset({
    "domain_min_age_days", "real_name_wait_working_days", "provider_review_working_days",
    "bureau_review_working_days", "psb_deadline_days", "unreachable_before_approval",
})


def computed(case, rules) -> tuple:
    """(timeline or None, findings), memoised on the case."""
    found = case.memo.get("timeline")
    if found is None:
        found = case.memo["timeline"] = _compute(case, rules) if case.submitting and case.outcome else (None, [])
    return found


def _compute(case, rules):
    min_age = rules.value("domain_min_age_days")
    ages = rules.numbers("domain_min_age_days")
    if min_age is None and ages:
        min_age = max(ages)  # sources conflict: the longest wait is the safe one
    wait = rules.value("real_name_wait_working_days")
    return timeline.compute(
        registered=case.date("domain_registered"), real_name=case.date("real_name_verified"),
        submit=case.date("submit"), launch=case.date("launch"), today=case.today,
        real_name_wait=wait if isinstance(wait, int) else None,
        domain_min_age=min_age,
        provider_review=rules.rule("provider_review_working_days")["values"],
        bureau_review=rules.rule("bureau_review_working_days")["values"],
        psb_days=rules.value("psb_deadline_days"),
        rule_sources={"unreachable_before_approval": words.cite(rules.rule("unreachable_before_approval")["sources"])},
    )


def check(case, rules) -> list:
    return list(computed(case, rules)[1])
