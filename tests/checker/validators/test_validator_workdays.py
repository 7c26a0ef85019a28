"""Tests for checker.validators.workdays."""

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.validators import workdays

D = dt.date


def test_coverage_bounds():
    assert workdays.first_covered_year() == 2004
    assert workdays.last_covered_year() >= 2025
    assert workdays.calendar_covers(D(2024, 10, 1))
    assert not workdays.calendar_covers(D(2003, 12, 31))
    assert not workdays.calendar_covers(D(workdays.last_covered_year() + 1, 1, 1))


def test_holidays_and_make_up_days():
    assert not workdays.is_working_day(D(2024, 10, 1))  # National Day
    assert workdays.is_working_day(D(2024, 9, 29))  # Sunday make-up working day
    assert not workdays.is_working_day(D(2024, 10, 5))  # Saturday inside the holiday
    assert workdays.is_working_day(dt.datetime(2024, 10, 8, 9, 30))


def test_fallback_is_monday_to_friday():
    assert workdays.is_working_day(D(2099, 1, 1))  # a Thursday; no holiday data
    assert not workdays.is_working_day(D(2099, 1, 3))  # Saturday


def test_working_days_between_examples():
    assert workdays.working_days_between(D(2024, 9, 27), D(2024, 10, 8)) == 3
    assert workdays.working_days_between(D(2024, 10, 8), D(2024, 9, 27)) == -3
    assert workdays.working_days_between(D(2024, 6, 3), D(2024, 6, 3)) == 0


def test_add_working_days_examples():
    assert workdays.add_working_days(D(2024, 9, 27), 3) == D(2024, 10, 8)
    assert workdays.add_working_days(D(2024, 9, 27), 0) == D(2024, 9, 27)
    assert workdays.add_working_days(D(2099, 1, 2), 1) == D(2099, 1, 5)  # Fri -> Mon (fallback)
    with pytest.raises(TypeError):
        workdays.add_working_days(D(2024, 1, 1), 1.5)


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(dates)
def test_matches_chinese_calendar_where_covered(day):
    if workdays.calendar_covers(day):
        assert workdays.is_working_day(day) == chinese_calendar.is_workday(day)
    else:
        assert workdays.is_working_day(day) == (day.weekday() < 5)


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=0, max_value=400))
def test_between_matches_naive_count(start, span):
    end = start + dt.timedelta(days=span)
    naive = sum(workdays.is_working_day(start + dt.timedelta(days=i)) for i in range(1, span + 1))
    assert workdays.working_days_between(start, end) == naive


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=1, max_value=60))
def test_add_and_between_are_inverse(start, n):
    end = workdays.add_working_days(start, n)
    assert workdays.working_days_between(start, end) == n
    assert workdays.is_working_day(end)


def test_the_running_count_agrees_with_counting_day_by_day():
    # Inside the covered years counting and adding use a running count; outside, the
    # Monday–Friday formula. Both must equal walking the calendar one day at a time.
    import random

    rng = random.Random(5)

    def walk_between(a, b):
        if b < a:
            return -walk_between(b, a)
        n, d = 0, a
        while d < b:
            d += dt.timedelta(days=1)
            n += workdays.is_working_day(d)
        return n

    def walk_add(d, n):
        while n:
            d += dt.timedelta(days=1)
            n -= workdays.is_working_day(d)
        return d

    start = dt.date(workdays.first_covered_year() - 2, 1, 1)
    span = (dt.date(workdays.last_covered_year() + 2, 12, 31) - start).days
    for _ in range(1500):
        a = start + dt.timedelta(days=rng.randint(0, span))
        b = a + dt.timedelta(days=rng.randint(-300, 300))
        n = rng.randint(1, 60)
        assert workdays.working_days_between(a, b) == walk_between(a, b), (a, b)
        assert workdays.add_working_days(a, n) == walk_add(a, n), (a, n)
