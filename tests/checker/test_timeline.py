"""checker.timeline: working days with holidays and make-up days."""
import datetime as dt

from checker import api, timeline
from checker.validators import workdays
from tests.checker.helpers import TODAY, app, codes

D = dt.date


def compute(**kw):
    base = dict(today=TODAY, real_name_wait=3, domain_min_age=90, provider_review=[1, 3, 2],
                bureau_review=[20, 10], psb_days=30)
    base.update(kw)
    return timeline.compute(**base)


def test_earliest_submission_is_the_later_of_both_waits():
    # Real-name verification on Friday 2025-09-26: the make-up Sunday 2025-09-28 counts, the
    # National Day holidays (10-01..10-08) do not.
    out, _ = compute(registered=D(2025, 1, 1), real_name=D(2025, 9, 26))
    assert out["earliest_submission"] == workdays.add_working_days(D(2025, 9, 26), 3).isoformat()
    out, _ = compute(registered=D(2025, 9, 1), real_name=D(2025, 9, 26))
    assert out["earliest_submission"] == "2025-11-30"  # 2025-09-01 + 90 days


def test_make_up_working_day_counts():
    # 2025-09-28 (Sunday) is a make-up working day before National Day.
    assert workdays.is_working_day(D(2025, 9, 28))
    out, _ = compute(real_name=D(2025, 9, 26), real_name_wait=1)
    assert out["earliest_submission"] == "2025-09-28"


def test_spring_festival_is_skipped():
    out, _ = compute(real_name=D(2025, 1, 27), real_name_wait=3)
    # 2025-01-28 .. 2025-02-04 are holidays; 01-26 and 02-08 are make-up days
    assert out["earliest_submission"] == workdays.add_working_days(D(2025, 1, 27), 3).isoformat()
    assert out["earliest_submission"] == "2025-02-07"


def test_review_window_is_a_range_over_conflicting_values():
    out, _ = compute(submit=D(2025, 3, 3))
    assert out["provider_review_working_days"] == {"min": 1, "max": 3}
    assert out["bureau_review_working_days"] == {"min": 10, "max": 20}
    assert out["approval"] == {"earliest": workdays.add_working_days(D(2025, 3, 3), 11).isoformat(),
                               "latest": workdays.add_working_days(D(2025, 3, 3), 23).isoformat()}


def test_review_starts_at_the_earliest_possible_day_without_a_submission_date():
    out, _ = compute(registered=D(2026, 11, 1))
    assert out["review_start"] == "2027-01-30"
    out, _ = compute()
    assert out["review_start"] == TODAY.isoformat() and out["earliest_submission"] is None


def test_submitting_too_early_warns_with_the_earliest_date():
    _, found = compute(registered=D(2025, 1, 1), real_name=D(2025, 3, 1), submit=D(2025, 3, 3))
    assert [f.code for f in found] == ["domain.registration_recent", "domain.real_name_recent"]
    assert "2025-04-01" in found[0].message_en


def test_dates_in_the_future_of_the_submission_warn():
    _, found = compute(registered=D(2025, 5, 1), real_name=D(2025, 5, 2), submit=D(2025, 3, 3))
    assert [f.code for f in found] == ["domain.registration_future", "domain.real_name_future"]


def test_psb_deadline_is_calendar_days():
    out, _ = compute(launch=D(2025, 9, 30))
    assert out["psb_deadline"] == "2025-10-30"
    assert timeline.psb_deadline(None, 30) is None


def test_launch_before_approval_warns():
    _, found = compute(submit=D(2025, 3, 3), launch=D(2025, 3, 10))
    assert "timeline.launch_before_approval" in [f.code for f in found]


def test_dates_outside_the_holiday_calendar_are_reported():
    last = workdays.last_covered_year()
    out, found = compute(submit=D(last + 1, 3, 2))
    assert out["calendar"] == {"first_year": workdays.first_covered_year(), "last_year": last, "covered": False}
    assert "timeline.calendar_fallback" in [f.code for f in found]
    out, found = compute(submit=D(last, 3, 2))
    assert out["calendar"]["covered"] and not found


def test_fast_working_day_addition_matches_the_reference():
    day = D(2004, 1, 1)
    while day < D(2027, 12, 31):
        for n in (0, 1, 3, 11, 23):
            assert timeline._plus_working(day, n) == workdays.add_working_days(day, n), (day, n)
        day += dt.timedelta(days=13)


def test_far_future_does_not_raise():
    out, _ = compute(submit=D(9999, 12, 20), launch=D(9999, 12, 31), registered=D(9999, 12, 1),
                     real_name=D(9999, 12, 30))
    assert out["approval"] is None and out["psb_deadline"] is None


def test_shandong_overrides_the_domain_age():
    application = app("37")
    application["dates"] = {"domain_registered": "2026-03-01", "submit": "2026-04-01"}
    report = api.check(application, today=TODAY)
    assert report["timeline"]["earliest_submission"] == "2026-04-15"  # 45 days
    assert "domain.registration_recent" in codes(report)
    application["province"] = "51"
    assert api.check(application, today=TODAY)["timeline"]["earliest_submission"] == "2026-05-30"  # 90 days
