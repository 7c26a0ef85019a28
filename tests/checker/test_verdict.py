"""The verdict at the top of every result: computed once, never contradicting a finding."""
import json
import subprocess
import sys

import pytest

from checker import api, rules, words
from tests.bench.bench_checker import applications
from tests.checker.helpers import TODAY, app, resident_id

CASES = applications(400, seed=7)


def check(application, lang="en"):
    return api.check(application, lang=lang, today=TODAY)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_report_with_an_error_says_you_can_file(lang):
    kinds = set()
    for application in CASES:
        report = check(application, lang)
        if not report["usable"]:
            assert report["verdict"] is None
            continue
        kinds.add(report["verdict"]["kind"])
        if any(f["severity"] == "error" for f in report["findings"]):
            assert report["verdict"]["kind"] not in ("can_file", "do_first"), report["verdict"]
    assert {"can_file", "cannot_file", "no_filing_needed"} <= kinds  # the corpus reaches them


def test_every_blocking_error_is_a_reason_and_the_headline_comes_from_the_catalogue():
    report = check(app("62", kind="individual", content_categories=["news"]))
    verdict = report["verdict"]
    assert verdict["kind"] == "cannot_file"
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert [r["code"] for r in verdict["reasons"]] == [f["code"] for f in errors]
    assert verdict["next"]


@pytest.mark.parametrize("answers,kind", [
    ({"server_location": "outside_mainland", "mainland_acceleration": "no"}, "no_filing_needed"),
    ({"server_location": "mainland", "domain_filed": "yes_this_provider"}, "already_covered"),
    ({"server_location": "mainland", "domain_filed": "yes_other_provider"}, "can_file"),
    ({"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"}, "can_file"),
    ({"server_location": "mainland", "domain_filed": "yes_other_entity"}, "cannot_file"),
])
def test_verdict_of_each_outcome(answers, kind):
    verdict = check(app("51", answers=answers))["verdict"]
    assert verdict["kind"] == kind
    outcome = rules.load()["flow"]["outcomes"]
    assert {o["verdict"] for o in outcome.values()} <= {"no_filing_needed", "already_covered", "can_file", "cannot_file"}


def test_domain_filed_under_another_entity_names_the_reason():
    verdict = check(app("51", answers={"server_location": "mainland", "domain_filed": "yes_other_entity"}))["verdict"]
    assert [r["code"] for r in verdict["reasons"]][0] == "engine.domain_other_entity"


def test_non_local_individual_in_a_refusing_province_cannot_file():
    application = app("62", kind="individual")
    application["entity_leader"]["id_number"] = resident_id("510104", "19900101")
    verdict = check(application)["verdict"]
    assert verdict["kind"] == "cannot_file"
    assert "province.non_local_refused" in [r["code"] for r in verdict["reasons"]]


def test_something_to_do_first_is_do_first():
    application = app("51", content_categories=["news"])  # an organisation: needs the pre-approval first
    verdict = check(application)["verdict"]
    assert verdict["kind"] == "do_first"
    assert "engine.preapproval_required" in [r["code"] for r in verdict["reasons"]]


def test_can_file_names_the_filing_type_and_the_earliest_day():
    report = check(app("51"))
    verdict = report["verdict"]
    assert verdict["kind"] == "can_file" and report["classification"]["operation_name"] in verdict["headline"]
    assert report["timeline"]["earliest_submission"] in verdict["next"][0]


def test_cli_json_and_text_show_the_verdict(tmp_path):
    path = tmp_path / "app.json"
    path.write_text(json.dumps(app("62", kind="individual", content_categories=["news"]), ensure_ascii=False),
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker", "check", str(path), "--json"], capture_output=True,
                         text=True)
    verdict = json.loads(out.stdout)["verdict"]
    assert out.returncode == 1 and verdict["kind"] == "cannot_file"
    text = subprocess.run([sys.executable, "-m", "checker", "check", str(path)], capture_output=True, text=True)
    assert text.stdout.splitlines()[2] == verdict["headline"]  # the answer comes first, under the title


@pytest.mark.parametrize("domain_filed", ["yes_other_provider", "yes_this_provider"])
def test_overseas_server_with_mainland_cdn_and_a_filed_domain_is_already_covered(domain_filed):
    answers = {"server_location": "outside_mainland", "mainland_acceleration": "yes", "domain_filed": domain_filed}
    report = check(app("51", answers=answers, cloud_services=["cdn"]))
    assert report["verdict"]["kind"] == "already_covered"
    assert report["classification"]["operation"] is None
    assert not [s for s in report["steps"] if s["phase"] != "after"]


def test_a_mainland_server_with_a_domain_filed_elsewhere_still_adds_access():
    answers = {"server_location": "mainland", "domain_filed": "yes_other_provider"}
    assert check(app("51", answers=answers))["classification"]["outcome"] == "add_access"


def _shown(report, lang="en"):
    """The display sections by id (what the page, the download and the CLI text render)."""
    from checker.report import present
    return {s["id"]: s for s in present.sections(report, lang)}


def _texts(section):
    return [b["text"] for b in section["blocks"] if b["kind"] == "text"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_case_blocked_by_problems_shows_no_dates_and_steps_only_for_once_they_are_solved(lang):
    application = app("62", kind="individual")
    application["entity_leader"]["id_number"] = resident_id("510104", "19900101")
    report = check(application, lang)
    assert report["verdict"]["kind"] == "cannot_file" and report["timeline"]  # the engine still knows the dates
    shown = _shown(report, lang)
    assert "timeline" not in shown  # ...but a case that cannot be filed this way expects no approval date
    labels = [item["label"] for item in shown["summary"]["blocks"][0]["items"]]
    assert words.ui("checker_filing_type", lang) not in labels
    once_fixed = words.ui("checker_once_fixed", lang)
    assert _texts(shown["steps"])[0] == once_fixed and once_fixed in _texts(shown["documents"])


def test_a_case_whose_outcome_blocks_shows_the_way_out_without_the_once_fixed_note():
    report = check(app("51", answers={"server_location": "mainland", "domain_filed": "yes_other_entity"}))
    shown = _shown(report)
    assert report["verdict"]["kind"] == "cannot_file" and "timeline" not in shown
    assert shown["steps"]["blocks"][0]["kind"] == "steps"  # the steps are the way out: cancel or transfer first
    assert "other_entity_filing" in [i["id"] for b in shown["steps"]["blocks"] for i in b.get("items", [])]


def test_a_case_that_can_be_filed_shows_its_dates_and_filing_type():
    shown = _shown(check(app("51")))
    assert "timeline" in shown and words.ui("checker_once_fixed", "en") not in _texts(shown["steps"])
    assert words.ui("checker_filing_type", "en") in [i["label"] for i in shown["summary"]["blocks"][0]["items"]]


def test_each_blocking_reason_names_its_sources_by_id_and_the_page_links_them_by_display_name():
    application = app("62", kind="individual")
    application["entity_leader"]["id_number"] = resident_id("510104", "19900101")
    report = check(application)
    reason = next(r for r in report["verdict"]["reasons"] if r["code"] == "province.non_local_refused")
    known = rules.load()["sources"]
    assert reason["sources"] and all(sid in known for sid in reason["sources"])
    item = next(i for b in _shown(report)["summary"]["blocks"] if b["kind"] == "findings" for i in b["items"])
    assert {s["id"] for s in item["sources"]} <= set(reason["sources"]) and item["sources"]
    assert all(s["label"] in reason["message"] for s in item["sources"])  # the words the message cites


def test_a_tld_refusal_links_the_sources_it_cites():
    application = app("51")
    application["website"]["domains"] = ["example.io"]
    finding = next(f for f in check(application)["findings"] if f["code"] == "domain.tld_not_fileable")
    assert finding["sources"] and all(sid in rules.load()["sources"] for sid in finding["sources"])
    assert all(words.cite_text([sid], "en") in finding["message"] for sid in finding["sources"])
