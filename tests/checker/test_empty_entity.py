"""An entity filed but left without any website or app (空壳主体): the province's rule
``empty_shell_add_service`` decides whether it may add a website directly (checker.checks.entity).
Provinces are found from the data, so a rule re-sourced later is still tested."""
import pytest

from checker import api, rules, ruleset
from tests.checker.helpers import TODAY, app, codes

EMPTY = ("yes_empty_this_provider", "yes_empty_other_provider")
CODES = ("province.empty_entity_cancel_first", "province.empty_entity_cancel_first_unconfirmed",
         "province.empty_entity_allowed", "province.empty_entity_unknown")


def _empty(code, answer="yes_empty_this_provider"):
    application = app(code)
    application["answers"]["entity_filed"] = answer
    return application


def _entity_codes(report):
    return [c for c in codes(report) if c in CODES or c == "province.rule_verify"]


def _by_value():
    out = {}
    for code, province in sorted(rules.load()["provinces"].items()):
        rule = province["rules"].get("empty_shell_add_service")
        values = sorted({c["value"] for c in (rule or {}).get("claims", [])})
        key = (values[0], rule["status"]) if len(values) == 1 else ("conflicting" if values else "none", None)
        out.setdefault(key, []).append(code)
    return out


BY_VALUE = _by_value()


def check(application):
    return api.check(application, today=TODAY)


@pytest.mark.parametrize("answer", EMPTY)
def test_an_empty_entity_where_the_province_allows_adding_directly(answer):
    code = BY_VALUE[("allowed", "single_source")][0]
    report = check(_empty(code, answer))
    assert _entity_codes(report) == ["province.empty_entity_allowed"]
    assert report["verdict"]["kind"] == "can_file"


def test_an_empty_entity_where_one_source_says_cancel_first_is_a_warning():
    code = BY_VALUE[("cancel_first", "single_source")][0]
    report = check(_empty(code))
    assert _entity_codes(report) == ["province.empty_entity_cancel_first_unconfirmed"]
    assert report["verdict"]["kind"] == "can_file"


def test_an_empty_entity_where_sources_confirm_cancel_first_cannot_file(monkeypatch):
    code = BY_VALUE[("cancel_first", "single_source")][0]
    data = rules.load()
    rule = data["provinces"][code]["rules"]["empty_shell_add_service"]
    monkeypatch.setitem(data["provinces"][code]["rules"], "empty_shell_add_service", rule | {
        "status": "confirmed", "claims": [dict(rule["claims"][0], sources=["huawei_2025_kb", "tencent_faq_entity"])]})
    ruleset.clear_caches()
    try:
        report = check(_empty(code))
    finally:
        ruleset.clear_caches()
    assert _entity_codes(report) == ["province.empty_entity_cancel_first"]
    verdict = report["verdict"]
    assert verdict["kind"] == "cannot_file"
    assert any(r["code"] == "province.empty_entity_cancel_first" for r in verdict["reasons"])
    assert "initial filing" in next(f["message"] for f in report["findings"]
                                     if f["code"] == "province.empty_entity_cancel_first")


def test_an_empty_entity_where_no_source_says_is_a_question_for_the_provider():
    code = BY_VALUE[("none", None)][0]
    assert _entity_codes(check(_empty(code))) == ["province.empty_entity_unknown"]


def test_an_entity_that_still_has_a_website_is_not_asked_about():
    for (value, _), provinces in BY_VALUE.items():
        application = app(provinces[0])
        application["answers"]["entity_filed"] = "yes_this_provider"
        assert _entity_codes(check(application)) == [], value


def test_the_empty_answers_lead_to_the_same_outcomes_as_the_filed_ones():
    code = BY_VALUE[("allowed", "single_source")][0]
    here = check(_empty(code, "yes_empty_this_provider"))["classification"]["outcome"]
    elsewhere = check(_empty(code, "yes_empty_other_provider"))["classification"]["outcome"]
    assert (here, elsewhere) == ("new_website_entity_here", "new_website_entity_elsewhere")


def test_the_empty_entity_messages_in_chinese():
    code = BY_VALUE[("cancel_first", "single_source")][0]
    report = api.check(_empty(code), lang="zh", today=TODAY)
    message = next(f["message"] for f in report["findings"] if f["code"].startswith("province.empty_entity"))
    assert "空壳主体" in message and "注销主体" in message
