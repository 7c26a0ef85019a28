"""Working days in mainland China (for "wait N working days" rules).

Source of the calendar: the ``chinese_calendar`` package (1.11.0), which
encodes the State Council's yearly holiday arrangements including the
weekend days that become working days (调休). It covers only the years it
has data for (2004–2026 in 1.11.0); outside them these functions fall back
to Monday–Friday. Use :func:`calendar_covers` to tell the user when the
fallback was used.

Definitions used throughout:

* ``working_days_between(a, b)`` counts working days d with a < d ≤ b
  (negative if b < a);
* ``add_working_days(d, n)`` is the day on which n working days after d
  have passed, so ``working_days_between(d, add_working_days(d, n)) == n``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools

try:  # pure Python, but keep the checker usable if it is missing
    import chinese_calendar as _cc
    _HOLIDAYS = frozenset(_cc.holidays)
    _WORKDAYS = frozenset(_cc.workdays)
except Exception:  # noqa: BLE001 - any import problem means "no calendar"
    _cc = None
    _HOLIDAYS = _WORKDAYS = frozenset()

_YEARS = {d.year for d in _HOLIDAYS}
_FIRST = min(_YEARS) if _YEARS else None
_LAST = max(_YEARS) if _YEARS else None

# Adjustments inside the covered years relative to plain Monday–Friday:
# weekday holidays (-1) and weekend make-up working days (+1).
_OFF_WEEKDAYS = sorted(d for d in _HOLIDAYS if d.weekday() < 5 and d not in _WORKDAYS)
_ON_WEEKENDS = sorted(d for d in _WORKDAYS if d.weekday() >= 5)


@functools.lru_cache(maxsize=1)
def _running_count():
    """(ordinal of the first covered day, running count of working days per covered day).

    ``count[i]`` is the number of working days from the first covered day through day i,
    so counting and adding working days inside the covered years is a subtraction and a
    bisection instead of a walk day by day (a batch computes several dates per application).
    Made on first use, from ordinals (0001-01-01, ordinal 1, was a Monday).
    """
    if _FIRST is None:
        return None, ()
    first = _dt.date(_FIRST, 1, 1).toordinal()
    last = _dt.date(_LAST, 12, 31).toordinal()
    off = {d.toordinal() for d in _OFF_WEEKDAYS}
    on = {d.toordinal() for d in _ON_WEEKENDS}
    flags = ((n in on) or ((n - 1) % 7 < 5 and n not in off) for n in range(first, last + 1))
    return first, tuple(itertools.accumulate(int(f) for f in flags))




def _date(d) -> _dt.date:
    if isinstance(d, _dt.datetime):
        return d.date()
    if isinstance(d, _dt.date):
        return d
    raise TypeError("expected a date, got %s" % type(d).__name__)


def plus_days(day, days):
    """``day`` plus ``days`` calendar days, or None past the calendar's end (year 9999)."""
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


def first_covered_year():
    return _FIRST


def last_covered_year():
    """Last year with holiday data, or None if chinese_calendar is unavailable."""
    return _LAST


def calendar_covers(d) -> bool:
    """True if the holiday calendar has data for ``d``'s year."""
    return _FIRST is not None and _FIRST <= _date(d).year <= _LAST


def is_working_day(d) -> bool:
    d = _date(d)
    if calendar_covers(d):
        return d in _WORKDAYS or (d.weekday() < 5 and d not in _HOLIDAYS)
    return d.weekday() < 5


def _covered_index(d: _dt.date):
    """Index of ``d`` in the running count, or None outside the covered years."""
    first, count = _running_count()
    if first is None:
        return None
    i = d.toordinal() - first
    return i if 0 <= i < len(count) else None


def _weekdays_upto(d: _dt.date) -> int:
    """Mon–Fri days from 0001-01-01 through ``d`` (0001-01-01 is a Monday)."""
    n = d.toordinal()
    weeks, rest = divmod(n, 7)
    return weeks * 5 + min(rest, 5)


def _count_in(sorted_days, a, b) -> int:
    """Items x of sorted_days with a < x ≤ b."""
    from bisect import bisect_right

    return bisect_right(sorted_days, b) - bisect_right(sorted_days, a)


def working_days_between(a, b) -> int:
    """Working days d with a < d ≤ b; negative if b is before a."""
    a, b = _date(a), _date(b)
    if b < a:
        return -working_days_between(b, a)
    i, j = _covered_index(a), _covered_index(b)
    if i is not None and j is not None:
        count = _running_count()[1]
        return count[j] - count[i]
    return (
        _weekdays_upto(b) - _weekdays_upto(a)
        - _count_in(_OFF_WEEKDAYS, a, b)
        + _count_in(_ON_WEEKENDS, a, b)
    )


def add_working_days(d, n: int) -> _dt.date:
    """The date n working days after ``d`` (before it if n < 0).

    For n == 0 this is ``d`` itself even if it is not a working day.
    Raises OverflowError past the limits of ``datetime.date``.
    """
    d = _date(d)
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("n must be an int")
    i = _covered_index(d)
    if i is not None and n > 0:
        # The first day whose running count is n more than d's.
        from bisect import bisect_left

        first, count = _running_count()
        j = bisect_left(count, count[i] + n, i + 1)
        if j < len(count):
            return _dt.date.fromordinal(first + j)
    step = _dt.timedelta(days=1 if n > 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d):
            remaining -= 1
    return d
