"""The CLI's JSON lines: sections shared between reports are encoded once, and the text is
exactly what encoding each report on its own gives (checker.report.as_json)."""
import json

from checker import api
from checker.report import as_json
from tests.bench.bench_checker import applications
from tests.checker.helpers import TODAY


def _plain(report) -> str:
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"))


def test_shared_reports_encode_to_the_same_text_as_copies():
    for application in applications(150, seed=3) * 2:          # twice: the second time from the memo
        alone = api.check(application, today=TODAY)
        shared = api.check(application, today=TODAY, shared=True)
        assert as_json.dumps(shared, shared=True) == _plain(alone)
        assert as_json.dumps(alone) == _plain(alone)


def test_line_breaking_characters_are_escaped_so_a_report_stays_on_one_line():
    line = as_json.dumps({"findings": ["a\u2028b\u2029c\x85d"]})
    assert "\u2028" not in line and "\\u2028" in line and json.loads(line)["findings"] == ["a\u2028b\u2029c\x85d"]


def test_a_report_by_default_shares_nothing_with_the_next():
    from tests.checker.helpers import app
    first = api.check(app("44"), today=TODAY)
    first["province_rules"][0]["sources"].append("changed")
    first["steps"][0]["text"] = "changed"
    again = api.check(app("44"), today=TODAY, shared=True)
    assert "changed" not in again["province_rules"][0]["sources"] and again["steps"][0]["text"] != "changed"


def test_utf8_lines_are_the_text_lines_encoded():
    # The CLI writes standard output's bytes directly; they must be exactly the text lines in UTF-8.
    for application in applications(120, seed=4) * 2:
        shared = api.check(application, today=TODAY, shared=True)
        assert as_json.dumps_utf8(shared, shared=True) == as_json.dumps(shared, shared=True).encode("utf-8")
    assert as_json.dumps_utf8({"findings": ["a\u2028b"]}, shared=True) == b'{"findings":["a\\u2028b"]}'
    # A lone surrogate (possible in JSON input) becomes "?", as a text stream with errors="replace" writes it.
    assert as_json.dumps_utf8({"value": "x\ud800"}) == b'{"value":"x?"}'
