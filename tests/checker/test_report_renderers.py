"""The CLI text and the Markdown download render the same display sections,
so both show the same verdict, findings, steps and dates (the page's HTML is
compared with them in tests/browser)."""
import pytest

from checker import api, cli
from checker.report import markdown, present
from tests.checker.helpers import TODAY, app

CASES = {
    "organisation_with_errors": app("51", commercial=True, content_categories=["news"]),
    "individual_gansu": app("62", kind="individual"),
    "no_filing": {"format": "icp-application/1",
                  "answers": {"server_location": "outside_mainland", "mainland_acceleration": "no"}},
    "unusable": {"format": "icp-application/1", "answers": {}, "websit": {}},
}


def _facts(report):
    """What every rendering must show, read from the report itself (not from the sections)."""
    facts = [f["message"] for f in report["findings"]] + [s["text"] for s in report["steps"]]
    tl = report.get("timeline") or {}
    facts += [v for k, v in tl.items() if isinstance(v, str)]
    if tl.get("approval"):
        facts += [tl["approval"]["earliest"], tl["approval"]["latest"]]
    return facts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_text_and_markdown_show_the_same_facts(name, lang):
    report = api.check(CASES[name], lang=lang, today=TODAY)
    sections = present.sections(report, lang)
    text = cli.format_report(name, report, lang)
    md = markdown.render(sections, lang).replace("\\", "")
    verdict = present.verdict_line(report, lang)
    assert verdict in text and verdict in md
    for fact in _facts(report):
        assert fact in text, fact
        assert fact in md, fact


def test_view_is_the_report_plus_its_sections_and_markdown():
    shown = api.view(CASES["organisation_with_errors"], lang="en", today=TODAY)
    assert shown["report"] == api.check(CASES["organisation_with_errors"], lang="en", today=TODAY)
    assert shown["sections"] == present.sections(shown["report"], "en")
    assert shown["markdown"] == markdown.render(shown["sections"], "en")
    assert [s["id"] for s in shown["sections"]][:2] == ["summary", "findings"]


def test_markdown_escapes_markup_from_input():
    sections = [{"id": "findings", "title": "Findings", "blocks": [{"kind": "findings", "empty": "none", "items": [
        {"severity": "error", "severity_label": "Error", "field": "website.name", "message": "<b>*x*</b> [a](b)"}]}]}]
    md = markdown.render(sections, "en")
    assert "<b>" not in md and " *x* " not in md and "[a](b)" not in md
    assert "\\<b\\>\\*x\\*\\</b\\> \\[a\\](b)" in md


@pytest.mark.parametrize("lang, join", [("en", ": "), ("zh", "：")])
def test_a_conditional_step_reads_condition_then_step(lang, join):
    """"If your ID card was issued in another province: …", as on the printable checklists;
    in Chinese no space follows the full-width colon."""
    application = app("31", kind="individual")
    del application["entity_leader"]["id_number"]   # where the ID card was issued is not known
    report = api.check(application, lang=lang, today=TODAY)
    conditional = [s for s in report["steps"] if s["conditional"] and s.get("condition")]
    assert conditional
    step = conditional[0]
    shown = step["condition"] + join + step["text"]
    text = cli.format_report("x", report, lang)
    md = markdown.render(present.sections(report, lang), lang).replace("\\", "")
    assert shown in text
    assert f"*{step['condition']}{join.rstrip()}*{join[len(join.rstrip()):]}{step['text']}" in md


def test_the_holiday_calendar_note_goes_with_the_timeline():
    """A blocked case shows no timeline, so no note about the timeline's holiday calendar either
    (the JSON report keeps both)."""
    from checker.validators import workdays
    later = f"{workdays.last_covered_year() + 1}-03-01"
    note = "timeline.calendar_fallback"
    for blocked in (False, True):
        application = app("44")
        application["dates"] = {"submit": later}
        if blocked:
            application["entity_leader"]["id_number"] = application["entity_leader"]["id_number"][:-1] + "0"
        report = api.check(application, lang="en", today=TODAY)
        message = next(f["message"] for f in report["findings"] if f["code"] == note)
        assert (report["verdict"]["kind"] == "cannot_file") is blocked
        text = cli.format_report("x", report, "en")
        assert (message in text) is not blocked
        assert ("timeline" in [s["id"] for s in present.sections(report, "en")]) is not blocked
