"""Each outcome of flow.yaml gets the steps of its own procedure (steps.yaml ``outcomes``/``answers``)."""
import pytest

from checker import api, rules, steps as steps_module
from tests.checker.helpers import TODAY, app

MAINLAND = {"server_location": "mainland"}
CDN = {"server_location": "outside_mainland", "mainland_acceleration": "yes"}

# Steps every submission of a new website needs, and those that only make sense for it.
NEW_SITE = {"domain_fileable", "domain_real_name", "website_name", "submit_and_verify", "provider_review",
            "bureau_review", "footer", "psb_filing"}
ENTITY_AGAIN = {"org_in_province", "leader_legal_rep"}
ADD_ACCESS_ONLY = {"access_filing", "cancel_old_access_last"}
OTHER_ENTITY_ONLY = {"other_entity_filing", "other_entity_unreachable", "file_after_clearing"}

CASES = [
    # (id, answers, must appear, must not appear)
    ("initial", dict(MAINLAND, domain_filed="no", entity_filed="no"),
     NEW_SITE | ENTITY_AGAIN | {"hosting_in_mainland", "keep_site_offline"},
     ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY | {"filed_sites_in_order", "mainland_acceleration_filing"}),
    ("new_website_entity_here", dict(MAINLAND, domain_filed="no", entity_filed="yes_this_provider"),
     NEW_SITE | {"hosting_in_mainland", "keep_site_offline", "filed_sites_in_order"},
     ENTITY_AGAIN | ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY),
    ("new_website_entity_elsewhere", dict(MAINLAND, domain_filed="no", entity_filed="yes_other_provider"),
     NEW_SITE | ENTITY_AGAIN | {"hosting_in_mainland", "keep_site_offline", "filed_sites_in_order"},
     ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY),
    ("add_access", dict(MAINLAND, domain_filed="yes_other_provider"),
     ADD_ACCESS_ONLY | {"hosting_in_mainland", "filed_sites_in_order", "sms_verification", "footer"},
     OTHER_ENTITY_ONLY | ENTITY_AGAIN | {"domain_real_name", "website_name", "keep_site_offline", "domain_fileable",
                                         "submit_and_verify"}),
    ("domain_other_entity", dict(MAINLAND, domain_filed="yes_other_entity"),
     OTHER_ENTITY_ONLY | {"domain_real_name"},
     ADD_ACCESS_ONLY | ENTITY_AGAIN | {"hosting_in_mainland", "website_name", "keep_site_offline",
                                       "submit_and_verify", "footer", "psb_filing"}),
    ("already_filed", dict(MAINLAND, domain_filed="yes_this_provider"),
     {"footer", "psb_filing"},
     ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY | NEW_SITE - {"footer", "psb_filing"} | {"hosting_in_mainland"}),
    # A server abroad behind a mainland CDN/WAF/OSS: filed like any initial filing, but nothing about
    # hosting in the mainland or keeping the (mainland) server unreachable.
    ("cdn", dict(CDN, domain_filed="no", entity_filed="no"),
     NEW_SITE | ENTITY_AGAIN | {"mainland_acceleration_filing"},
     {"hosting_in_mainland", "keep_site_offline"} | ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY),
]


def step_ids(answers, kind="organisation", province="44", lang="en"):
    report = api.check(app(province, kind, answers=answers), lang=lang, today=TODAY)
    return [s["id"] for s in report["steps"]], report


@pytest.mark.parametrize("kind", ["organisation", "individual"])
@pytest.mark.parametrize("name,answers,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_steps_follow_the_outcome(name, answers, must, must_not, kind):
    ids, report = step_ids(answers, kind)
    if kind == "individual":
        must = must - ENTITY_AGAIN
    assert must <= set(ids), sorted(must - set(ids))
    assert not (must_not & set(ids)), sorted(must_not & set(ids))
    assert len(ids) == len(set(ids))


def test_outcome_in_the_report_is_the_one_the_steps_follow():
    _, report = step_ids(dict(MAINLAND, domain_filed="yes_other_provider"))
    assert report["classification"]["outcome"] == "add_access"


def test_already_filed_gets_only_after_approval_steps():
    ids, report = step_ids(dict(MAINLAND, domain_filed="yes_this_provider"))
    assert ids and {s["phase"] for s in report["steps"]} == {"after"}


def test_domain_already_filed_behind_a_mainland_cdn_gets_the_after_approval_steps_like_already_filed():
    ids, report = step_ids(dict(CDN, domain_filed="yes_other_provider"))
    filed, _ = step_ids(dict(MAINLAND, domain_filed="yes_this_provider"))
    if report["classification"]["outcome"] == "acceleration_covered":
        assert ids == filed


def test_no_filing_gets_no_steps():
    ids, _ = step_ids({"server_location": "outside_mainland", "mainland_acceleration": "no"})
    assert ids == []


def test_new_steps_have_both_languages_and_sources():
    _, en = step_ids(dict(MAINLAND, domain_filed="yes_other_entity"))
    _, zh = step_ids(dict(MAINLAND, domain_filed="yes_other_entity"), lang="zh")
    for step_en, step_zh in zip(en["steps"], zh["steps"]):
        assert step_en["id"] == step_zh["id"] and step_en["text"] != step_zh["text"]
        assert step_en["sources"] and set(step_en["sources"]) <= set(rules.load()["sources"])


def test_every_outcome_that_submits_has_steps_and_no_filing_has_none():
    data = rules.load()
    listed = {o for step in data["steps"]["steps"] for o in step["outcomes"]}
    submitting = {o for o, node in data["flow"]["outcomes"].items() if node.get("submits", True)}
    assert submitting <= listed and "no_filing" not in listed


@pytest.mark.parametrize("domain_filed", ["no", "yes_other_provider", "yes_this_provider", "yes_other_entity"])
def test_a_server_abroad_never_gets_the_mainland_server_steps(domain_filed):
    answers = dict(CDN, domain_filed=domain_filed, entity_filed="no")
    ids, _ = step_ids(answers)
    assert not ({"hosting_in_mainland", "keep_site_offline"} & set(ids))


def test_checklist_case_is_the_initial_filing_on_a_mainland_server():
    data = rules.load()
    case = steps_module.checklist_case(data["steps"])
    assert case == {"outcome": "initial", "answers": {"server_location": "mainland"}}
    view_province = data["provinces"]["44"]
    selected = [s["step"]["id"] for s in steps_module.select(data["steps"], view_province, data["national"],
                                                              "organisation", TODAY, **case)]
    assert "hosting_in_mainland" in selected and "keep_site_offline" in selected
    assert not (set(selected) & (ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY | {"mainland_acceleration_filing"}))


def test_select_without_outcome_or_answers_keeps_every_step():
    data = rules.load()
    everything = steps_module.select(data["steps"], data["provinces"]["44"], data["national"], "organisation", TODAY)
    ids = {s["step"]["id"] for s in everything}
    assert ADD_ACCESS_ONLY | OTHER_ENTITY_ONLY | {"mainland_acceleration_filing", "hosting_in_mainland"} <= ids


def test_an_unanswered_question_keeps_the_step():
    step = {"outcomes": ["initial"], "answers": {"server_location": ["mainland"]}}
    assert steps_module.applies_to(step, "initial", {})
    assert steps_module.applies_to(step, "initial", {"server_location": "mainland"})
    assert not steps_module.applies_to(step, "initial", {"server_location": "outside_mainland"})
    assert not steps_module.applies_to(step, "add_access", None)
