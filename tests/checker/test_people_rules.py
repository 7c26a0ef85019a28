"""The checker acts on the province rules about people and domain limits, as the data states them.

Each test finds the provinces from the data (not from a list in the test),
so a rule re-sourced later still has its behaviour tested.
"""
import pytest

from checker import api, rules
from tests.checker.helpers import TODAY, app, codes, resident_id


def check(application):
    return api.check(application, today=TODAY)


def provinces_with(rule_id, value=None, status=None):
    out = []
    for code, province in sorted(rules.load()["provinces"].items()):
        rule = province["rules"].get(rule_id, {})
        values = [c["value"] for c in rule.get("claims", [])]
        if not values or len({repr(v) for v in values}) != 1:
            continue
        if (value is None or values[0] == value) and (status is None or rule["status"] == status):
            out.append((code, rule["status"], values[0]))
    return out


def _statuses(found):
    return {status for _, status, _ in found}


# --- the website leader's own minimum age -------------------------------------------------

WEBSITE_LEADER_AGES = provinces_with("min_age_website_leader")


def test_some_provinces_set_a_website_leader_age():
    assert {code for code, _, _ in WEBSITE_LEADER_AGES} >= {"12", "41"}  # Tianjin, Henan


@pytest.mark.parametrize("code,status,minimum", WEBSITE_LEADER_AGES)
def test_website_leader_younger_than_the_province_minimum(code, status, minimum):
    application = app(code)
    application["dates"] = dict(application["dates"], submit="2026-12-01")
    born = f"{2026 - minimum + 1}0601"  # minimum - 1 years old on the submission date
    application["website"]["leader"]["id_number"] = resident_id(code + "0104", born, "246")
    found = [f for f in check(application)["findings"] if f["field"] == "website.leader.id_number"]
    assert [f["code"] for f in found] == ["province.too_young"], found
    assert str(minimum) in found[0]["message"] and "website leader" in found[0]["message"]


@pytest.mark.parametrize("code,status,minimum", WEBSITE_LEADER_AGES)
def test_website_leader_of_the_minimum_age_passes(code, status, minimum):
    application = app(code)
    application["dates"] = dict(application["dates"], submit="2026-12-01")
    application["website"]["leader"]["id_number"] = resident_id(code + "0104", f"{2026 - minimum}0601", "246")
    assert "province.too_young" not in codes(check(application))


# --- entity leader and website leader: the same person or not -----------------------------------

MUST_DIFFER = provinces_with("leaders_relation", "must_differ")
SAME_IF_NOT_REP = provinces_with("leaders_relation", "same_if_leader_not_legal_rep")


def _same_leaders(code):
    application = app(code)
    application["website"]["leader"] = dict(application["entity_leader"], is_legal_representative=True)
    return application


def test_tianjin_requires_two_different_leaders():
    assert ("12", "confirmed", "must_differ") in MUST_DIFFER


@pytest.mark.parametrize("code,status,value", MUST_DIFFER)
def test_one_person_as_both_leaders_where_they_must_differ(code, status, value):
    found = codes(check(_same_leaders(code)))
    expected = "province.leaders_must_differ" if status == "confirmed" else "province.leaders_must_differ_unconfirmed"
    assert expected in found
    assert "province.leaders_must_differ" not in codes(check(app(code)))  # two people: fine


@pytest.mark.parametrize("code,status,value", SAME_IF_NOT_REP)
def test_leader_not_legal_rep_must_also_lead_the_website(code, status, value):
    application = app(code)
    application["entity_leader"]["is_legal_representative"] = False
    expected = "province.leader_must_lead_website" if status == "confirmed" \
        else "province.leader_must_lead_website_unconfirmed"
    assert expected in codes(check(application))
    application["website"]["leader"] = dict(application["entity_leader"])
    assert expected not in codes(check(application))


def test_the_same_person_where_no_rule_says_anything_is_fine():
    free = [code for code in rules.load()["provinces"]
            if not rules.load()["provinces"][code]["rules"].get("leaders_relation", {}).get("claims")]
    assert free
    found = codes(check(_same_leaders(free[0])))
    assert not [c for c in found if c.startswith("province.leader")]


def test_confirmed_same_person_rule_is_an_error():
    report = check(_same_leaders("12"))
    assert report["ok"] is False


# --- foreign nationals as individual applicants ------------------------------------------------

FOREIGN_REFUSED = provinces_with("foreign_individual", "refused")


def _passport_individual(code):
    application = app(code, kind="individual")
    application["entity_leader"].update(id_type="passport", id_number="E12345678")
    return application


def test_hebei_refuses_foreign_individuals():
    assert ("13", "confirmed", "refused") in FOREIGN_REFUSED


@pytest.mark.parametrize("code,status,value", FOREIGN_REFUSED)
def test_passport_holder_as_individual_where_refused(code, status, value):
    report = check(_passport_individual(code))
    if status == "confirmed":
        assert "province.foreign_individual_refused" in codes(report) and report["ok"] is False
    else:
        assert "province.foreign_individual_refused_unconfirmed" in codes(report)


def test_passport_holder_as_organisation_leader_is_not_refused_as_an_individual():
    application = app("13")
    application["entity_leader"].update(id_type="passport", id_number="E12345678")
    assert not [c for c in codes(check(application)) if c.startswith("province.foreign_individual")]


def test_resident_id_holder_is_not_treated_as_a_foreigner():
    assert not [c for c in codes(check(app("13", kind="individual"))) if c.startswith("province.foreign")]


# --- domains per submission -------------------------------------------------------------------------

def _limited(status):
    out = []
    for code, st, value in provinces_with("domain_limits", status=status):
        limit = value.get("domains_per_submission") or value.get("domains_per_website")
        if isinstance(limit, int):
            out.append((code, limit))
    return out


CONFIRMED_LIMITS = _limited("confirmed")
OTHER_LIMITS = _limited("single_source")


def test_hubei_has_a_confirmed_domain_limit():
    assert "42" in {code for code, _ in CONFIRMED_LIMITS}


def _domains(n):
    return [f"example{i}.com" for i in range(n)]


@pytest.mark.parametrize("code,limit", CONFIRMED_LIMITS)
def test_exceeding_a_confirmed_domain_limit_is_an_error(code, limit):
    application = app(code)
    application["website"]["domains"] = _domains(limit + 1)
    report = check(application)
    assert "province.domain_limit_refused" in codes(report) and report["ok"] is False
    application["website"]["domains"] = _domains(limit)
    assert "province.domain_limit_refused" not in codes(check(application))


@pytest.mark.parametrize("code,limit", OTHER_LIMITS)
def test_exceeding_an_unconfirmed_domain_limit_is_a_warning(code, limit):
    application = app(code)
    application["website"]["domains"] = _domains(limit + 1)
    found = codes(check(application))
    assert "province.domain_limit" in found and "province.domain_limit_refused" not in found


# --- phones: a landline, and the two leaders' mobiles -----------------------------------------

LANDLINE = provinces_with("landline_required", "individuals") + provinces_with("landline_required", "required")
LEADERS_MOBILES = provinces_with("distinct_phones", "leaders_differ")
EMERGENCY_ONLY = provinces_with("distinct_phones", "emergency_differs")


def _landline_codes(report):
    return [c for c in codes(report) if c.startswith("province.landline_missing")]


def test_tianjin_asks_individuals_for_a_landline():
    assert ("12", "single_source", "individuals") in LANDLINE


@pytest.mark.parametrize("code,status,value", LANDLINE)
def test_a_missing_landline_where_the_province_asks_for_one(code, status, value):
    expected = "province.landline_missing" if status == "confirmed" else "province.landline_missing_unconfirmed"
    individual = app(code, "individual")
    assert _landline_codes(check(individual)) == [expected]
    individual["entity_leader"]["landline"] = "022-23456789"
    assert _landline_codes(check(individual)) == []
    # "individuals": an organisation's filing is not asked for one.
    assert _landline_codes(check(app(code))) == ([expected] if value == "required" else [])


def test_no_landline_finding_where_no_source_asks_for_one():
    asking = {code for code, _, _ in LANDLINE}
    quiet = [code for code in sorted(rules.load()["provinces"]) if code not in asking]
    assert quiet and all(_landline_codes(check(app(code, "individual"))) == [] for code in quiet[:5])


def test_a_confirmed_landline_rule_is_an_error_that_blocks_the_filing(monkeypatch):
    from checker import ruleset
    data = rules.load()
    rule = data["provinces"]["12"]["rules"]["landline_required"]
    monkeypatch.setitem(data["provinces"]["12"]["rules"], "landline_required", rule | {
        "status": "confirmed", "claims": [dict(rule["claims"][0], sources=["tencent_2017_provinces", "huawei_2025_kb"])]})
    ruleset.clear_caches()
    try:
        report = check(app("12", "individual"))
    finally:
        ruleset.clear_caches()
    assert "province.landline_missing" in codes(report)
    assert report["verdict"]["kind"] == "cannot_file"


def _shared_mobile(code):
    application = app(code)
    application["website"]["leader"]["mobile"] = application["entity_leader"]["mobile"]
    return application


def test_hebei_and_shanxi_forbid_one_mobile_for_two_leaders():
    assert {"13", "14"} <= {code for code, _, _ in LEADERS_MOBILES}


@pytest.mark.parametrize("code,status,value", LEADERS_MOBILES)
def test_two_leaders_with_one_mobile_where_the_province_forbids_it(code, status, value):
    expected = "province.leaders_same_mobile" if status == "confirmed" else "province.leaders_same_mobile_unconfirmed"
    assert expected in codes(check(_shared_mobile(code)))
    assert not any(c.startswith("province.leaders_same_mobile") for c in codes(check(app(code))))  # own mobiles
    # One person leading both gives one mobile: nothing to say.
    same = app(code)
    same["website"]["leader"] = dict(same["entity_leader"], is_legal_representative=True)
    assert not any(c.startswith("province.leaders_same_mobile") for c in codes(check(same)))
    # Written differently, the same number is still the same number.
    spaced = _shared_mobile(code)
    spaced["website"]["leader"]["mobile"] = "+86 138 0013 8000"
    assert expected in codes(check(spaced))


@pytest.mark.parametrize("code,status,value", EMERGENCY_ONLY)
def test_an_emergency_contact_rule_says_nothing_about_the_leaders_mobiles(code, status, value):
    # The application has no emergency contact; such rules are shown on the pages only.
    assert not any(c.startswith("province.leaders_same_mobile") for c in codes(check(_shared_mobile(code))))
