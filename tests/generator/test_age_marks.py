"""Every rule shows the date of its newest source; an old one carries a visible mark (issue 13)."""
import datetime as dt

from checker import rules as checker_rules
from checker.report import present


def _rule(*source_ids):
    return {"status": "single_source", "verified": "2026-11-30",
            "claims": [{"value": "required", "sources": list(source_ids)}]}


def test_the_age_mark_appears_for_an_old_sourced_rule_and_not_for_a_fresh_one(pages, dataset):
    from generator.model import View
    from generator.render import Renderer

    renderer = Renderer(dataset)
    view = View(renderer.ds, "en")
    sources = dataset.sources
    old = next(sid for sid, s in sources.items() if str(s["published"]).startswith("2017"))
    fresh = next(sid for sid, s in sources.items() if str(s["published"]).startswith("2025"))
    stale = renderer.rule_view(view, _rule(old), "local_mobile", "province", "../")
    current = renderer.rule_view(view, _rule(old, fresh), "local_mobile", "province", "../")
    assert stale["newest"] == sources[old]["published"] and "icp-age" in stale["age_mark"]
    assert "years old" in stale["age_mark"]
    assert current["newest"] == sources[fresh]["published"] and current["age_mark"] == ""
    # ...and on the built pages: Beijing's page has rules with old sources, each marked.
    page = pages["provinces/beijing.md"]
    assert "Newest source" in page and 'class="icp-age"' in page


def test_the_checker_shows_the_newest_source_and_marks_an_old_one():
    report = {"rules_date": "2026-11-30", "province": {"name": "X"}, "province_rules": [
        {"rule": "a", "name": "A", "origin": "province", "status": "single_source", "text": "t", "sources": [],
         "newest_source": "2017-06-05"},
        {"rule": "b", "name": "B", "origin": "province", "status": "single_source", "text": "t", "sources": [],
         "newest_source": "2025-12-31"},
        {"rule": "c", "name": "C", "origin": "province", "status": "single_source", "text": "t", "sources": [],
         "newest_source": None}]}
    section = present._province_rules(report, "en")
    old, fresh, undated = (row[-1] for row in section["blocks"][0]["rows"])
    assert old["text"] == "2017-06-05" and "9 years old" in old["note"]
    assert fresh == {"text": "2025-12-31"}
    assert "note" not in undated


def test_a_year_alone_counts_as_its_last_day():
    assert checker_rules.age_years("2023", dt.date(2026, 11, 30)) == 2
    assert checker_rules.stale("2023-02", dt.date(2026, 11, 30)) and not checker_rules.stale("2024", dt.date(2026, 11, 30))
