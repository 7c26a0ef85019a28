"""Dates of a filing, in working days with public holidays and make-up days.

* earliest submission = the later of
  real-name verification + ``real_name_wait_working_days`` working days and
  domain registration + ``domain_min_age_days`` calendar days (a province may
  override the national value, e.g. Shandong 45);
* expected approval window = submission + provider review + bureau review,
  both in working days; where sources conflict, the smallest and the largest
  value give the range;
* PSB deadline = launch + ``psb_deadline_days`` calendar days.

Working days come from :mod:`checker.validators.workdays` (chinese_calendar);
dates outside the years it covers are counted Monday–Friday and reported.
The caller passes plain numbers (already read from the rules for the
province and day), so this module holds no policy.
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache

from checker.findings import make
from checker.validators import workdays


@lru_cache(maxsize=4096)
def _plus_working(day, days):
    """``workdays.add_working_days(day, days)`` for days >= 0, or None past the calendar's end."""
    if days <= 0:
        return day
    try:
        return workdays.add_working_days(day, days)
    except (OverflowError, TypeError):
        return None


def _range(values) -> tuple | None:
    nums = sorted(v for v in values if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 3660)
    return (nums[0], nums[-1]) if nums else None


def psb_deadline(launch, days):
    """Launch date + ``days`` calendar days, or None."""
    if launch is None or not isinstance(days, int) or isinstance(days, bool):
        return None
    return workdays.plus_days(launch, days)


def _iso(day):
    return day.isoformat() if day is not None else None


def compute(*, registered=None, real_name=None, submit=None, launch=None, today,
            real_name_wait=None, domain_min_age=None, provider_review=(), bureau_review=(),
            psb_days=None, rule_sources=None):
    """(timeline dict, findings). Dates are ``datetime.date`` or None.

    ``provider_review`` / ``bureau_review``: the values in force (several when
    sources conflict). ``rule_sources``: rule id -> source ids, for messages.
    """
    rule_sources = rule_sources or {}
    findings = []
    fallback = []

    candidates = []
    real_name_ready = None
    if real_name is not None and isinstance(real_name_wait, int) and not isinstance(real_name_wait, bool):
        real_name_ready = _plus_working(real_name, real_name_wait)
        if real_name_ready is not None:
            candidates.append(real_name_ready)
            if not (workdays.calendar_covers(real_name) and workdays.calendar_covers(real_name_ready)):
                fallback.append(real_name)
    age_ready = None
    if registered is not None and isinstance(domain_min_age, int) and not isinstance(domain_min_age, bool):
        age_ready = workdays.plus_days(registered, domain_min_age)
        if age_ready is not None:
            candidates.append(age_ready)
    earliest = max(candidates) if candidates else None

    if submit is not None:
        if registered is not None and registered > submit:
            findings.append(make("domain.registration_future", "dates.domain_registered", date=registered))
        elif age_ready is not None and submit < age_ready:
            findings.append(make("domain.registration_recent", "dates.submit", days=(submit - registered).days,
                                 min_days=domain_min_age, earliest=age_ready))
        if real_name is not None and real_name > submit:
            findings.append(make("domain.real_name_future", "dates.real_name_verified", date=real_name))
        elif real_name_ready is not None and submit < real_name_ready:
            done = workdays.working_days_between(real_name, submit)
            findings.append(make("domain.real_name_recent", "dates.submit", days=done, wait=real_name_wait,
                                 earliest=real_name_ready))

    start = submit if submit is not None else max([d for d in (earliest, today) if d is not None])
    p_range, b_range = _range(provider_review), _range(bureau_review)
    approval = None
    if p_range and b_range:
        first = _plus_working(start, p_range[0] + b_range[0])
        spread = p_range[1] + b_range[1] - p_range[0] - b_range[0]
        last = _plus_working(first, spread) if first is not None else None
        if first is not None and last is not None:
            approval = {"earliest": _iso(first), "latest": _iso(last)}
            if not (workdays.calendar_covers(start) and workdays.calendar_covers(last)):
                fallback.append(start)
            if launch is not None and launch < first:
                findings.append(make("timeline.launch_before_approval", "dates.launch", launch=launch,
                                     approval=first,
                                     sources=rule_sources.get("unreachable_before_approval", [])))
    deadline = psb_deadline(launch, psb_days)

    if fallback:
        findings.append(make("timeline.calendar_fallback", "dates", first_year=workdays.first_covered_year(),
                             last_year=workdays.last_covered_year(),
                             dates=sorted({d.isoformat() for d in fallback})))
    timeline = {
        "earliest_submission": _iso(earliest),
        "submission": _iso(submit),
        "review_start": _iso(start),
        "provider_review_working_days": {"min": p_range[0], "max": p_range[1]} if p_range else None,
        "bureau_review_working_days": {"min": b_range[0], "max": b_range[1]} if b_range else None,
        "approval": approval,
        "launch": _iso(launch),
        "psb_deadline": _iso(deadline),
        "calendar": {
            "first_year": workdays.first_covered_year(),
            "last_year": workdays.last_covered_year(),
            "covered": not fallback,
        },
    }
    return timeline, findings
