"""Classification and checks of whole applications (checker.report and checker.checks via checker.api.check)."""
import datetime as dt

import pytest

from checker import api, report as report_module, ruleset, rules, steps as steps_module
from tests.checker.helpers import TODAY, app, codes, finding, resident_id, uscc


def check(application, lang="en"):
    return api.check(application, lang=lang, today=TODAY)


# --- classification per outcome -------------------------------------------------------

OUTCOMES = [
    ({"server_location": "outside_mainland", "mainland_acceleration": "no"}, "no_filing", None, False),
    ({"server_location": "mainland", "domain_filed": "yes_this_provider"}, "already_filed", None, True),
    ({"server_location": "mainland", "domain_filed": "yes_other_provider"}, "add_access", "add_access", True),
    ({"server_location": "mainland", "domain_filed": "yes_other_entity"}, "domain_other_entity", "migration", True),
    ({"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"}, "initial", "initial", True),
    ({"server_location": "mainland", "domain_filed": "no", "entity_filed": "yes_this_provider"},
     "new_website_entity_here", "new_website_entity_here", True),
    ({"server_location": "mainland", "domain_filed": "no", "entity_filed": "yes_other_provider"},
     "new_website_entity_elsewhere", "new_website_entity_elsewhere", True),
    ({"server_location": "outside_mainland", "mainland_acceleration": "yes", "domain_filed": "no",
      "entity_filed": "no"}, "initial", "initial", True),
]


@pytest.mark.parametrize("answers,outcome,operation,needed", OUTCOMES)
def test_outcome_operation_and_need(answers, outcome, operation, needed):
    report = check(app(answers=answers))
    c = report["classification"]
    assert (c["outcome"], c["operation"], c["needs_filing"]) == (outcome, operation, needed)
    assert c["outcome_text"] == rules.load()["flow"]["outcomes"][outcome]["text"]["en"]
    assert c["psb"]["needed"] is needed
    # A file that does not say what it files files a website (the default answer), then the server's place.
    assert c["path"][:2] == [{"question": "service", "answer": "website"},
                             {"question": "server_location", "answer": answers["server_location"]}]


def test_no_filing_needs_no_province_and_gives_no_steps():
    report = check({"format": "icp-application/1",
                    "answers": {"server_location": "outside_mainland", "mainland_acceleration": "no"}})
    assert report["ok"] and report["usable"]
    c = report["classification"]
    assert c["needs_filing"] is False and c["commercial_licence"] is False
    assert c["psb"] == {"needed": False, "days": None, "deadline": None}
    assert "overseas_hosting" not in c["sources"]  # ids of sources, not rules
    assert set(rules.load()["national"]["overseas_hosting"]["claims"][0]["sources"]) <= set(c["sources"])
    assert report["steps"] == [] and report["province_rules"] == [] and report["timeline"] is None


def test_overseas_server_with_mainland_cdn_needs_a_filing():
    report = check(app(answers={"server_location": "outside_mainland", "mainland_acceleration": "yes",
                                "domain_filed": "no", "entity_filed": "no"}, cloud_services=["cdn"]))
    assert report["classification"]["needs_filing"] is True
    assert "engine.acceleration_needs_filing" in codes(report)
    assert "CDN" in finding(report, "engine.cloud_service")["message"]


def test_cloud_service_listed_but_acceleration_denied_is_questioned():
    report = check(app(answers={"server_location": "outside_mainland", "mainland_acceleration": "no"},
                       cloud_services=["waf", "cdn"]))
    assert finding(report, "engine.acceleration_mismatch")["severity"] == "warning"
    assert "engine.cloud_service" not in codes(report)


def test_already_filed_lists_only_after_approval_steps():
    report = check(app(answers={"server_location": "mainland", "domain_filed": "yes_this_provider"}))
    assert report["steps"] and {s["phase"] for s in report["steps"]} == {"after"}
    assert report["timeline"] is None


def test_domain_filed_by_another_entity_warns():
    report = check(app(answers={"server_location": "mainland", "domain_filed": "yes_other_entity"}))
    assert finding(report, "engine.domain_other_entity")["severity"] == "warning"


# --- incomplete answers ----------------------------------------------------------------------

def test_missing_answer_is_an_error_on_that_answer():
    report = check(app(answers={"server_location": "mainland"}))
    f = finding(report, "flow.answer_missing")
    assert f["severity"] == "error" and f["field"] == "answers.domain_filed"
    assert "Does this domain already have an ICP filing number?" in f["message"]
    assert not report["ok"] and report["classification"]["outcome"] is None
    assert report["classification"]["needs_filing"] is None


def test_missing_entity_kind_points_at_entity_kind():
    application = app(answers={"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"})
    del application["entity"]
    assert finding(check(application), "flow.answer_missing")["field"] == "entity.kind"


def test_unused_answer_is_info():
    report = check(app(answers={"server_location": "mainland", "mainland_acceleration": "yes",
                                "domain_filed": "no", "entity_filed": "no"}))
    f = finding(report, "flow.answer_unused")
    assert f["severity"] == "info" and f["field"] == "answers.mainland_acceleration"


def test_province_missing_when_a_filing_is_needed():
    application = app()
    del application["province"]
    assert finding(check(application), "engine.province_missing")["severity"] == "error"


# --- non-local individuals ----------------------------------------------------------------------

def _non_local(province, home="110105"):
    application = app(province, "individual")
    application["entity_leader"]["id_number"] = resident_id(home, "19900101")
    return check(application)


def test_non_local_refused_is_an_error():
    report = _non_local("62")  # Gansu
    f = finding(report, "province.non_local_refused")
    assert f["severity"] == "error" and f["field"] == "entity_leader.id_number" and not report["ok"]
    assert "Gansu" in f["message"] and "Tencent Cloud 2017" in f["message"]


def test_non_local_residence_proof_names_the_proof():
    f = finding(_non_local("51"), "province.non_local_residence_proof")  # Sichuan
    assert f["severity"] == "warning"
    assert "student card" in f["message"] and "social-security" in f["message"]


def test_non_local_allowed_is_info():
    assert finding(_non_local("12"), "province.non_local_allowed")["severity"] == "info"  # Tianjin


def test_non_local_conflicting_lists_each_side_with_sources():
    f = finding(_non_local("15"), "province.non_local_verify")  # Inner Mongolia
    assert f["severity"] == "warning"
    assert "Refused (Huawei Cloud 2026" in f["message"]
    assert "Allowed with local residence proof (Tencent Cloud 2017" in f["message"]
    assert "verify with your access provider" in f["message"].lower()


def test_non_local_unknown_says_no_source_states_it():
    f = finding(_non_local("11", home="510104"), "province.non_local_verify")  # Beijing
    assert "no source states it" in f["message"]


def test_local_individual_gets_no_non_local_finding_and_no_non_local_step():
    report = check(app("62", "individual"))
    assert not [c for c in codes(report) if c.startswith("province.non_local")]
    assert "non_local_individual" not in [s["id"] for s in report["steps"]]
    assert "non_local_individual" in [s["id"] for s in _non_local("62")["steps"]]


def test_non_local_in_chinese():
    report = api.check(_non_local_app("62"), lang="zh", today=TODAY)
    assert "甘肃省不接受身份证签发地为外省的个人备案" in finding(report, "province.non_local_refused")["message"]


def _non_local_app(province):
    application = app(province, "individual")
    application["entity_leader"]["id_number"] = resident_id("110105", "19900101")
    return application


# --- organisations ---------------------------------------------------------------------------------

def test_organisation_registered_in_another_province_is_refused():
    application = app("51")
    application["entity"]["uscc"] = uscc("110105")
    f = finding(check(application), "province.org_other_province")
    assert f["severity"] == "error" and f["field"] == "entity.uscc" and "Beijing" in f["message"]
    # Region names come from labels.yaml, in each reader's language.
    assert "北京市" in finding(check(application, lang="zh"), "province.org_other_province")["message"]


def test_centrally_registered_organisation_is_not_flagged():
    application = app("51")
    application["entity"]["uscc"] = uscc("100000")
    assert "province.org_other_province" not in codes(check(application))


@pytest.mark.parametrize("province,code,severity", [
    ("44", "province.leader_must_be_legal_rep", "error"),        # Guangdong: required
    ("51", "province.leader_authorisation_letter", "warning"),   # Sichuan: authorisation letter
    ("11", "province.rule_verify", "warning"),                   # Beijing: sources conflict
])
def test_entity_leader_who_is_not_the_legal_representative(province, code, severity):
    application = app(province)
    application["entity_leader"]["is_legal_representative"] = False
    assert finding(check(application), code)["severity"] == severity


def test_website_leader_authorisation():
    application = app("51")
    application["website"]["leader"]["is_legal_representative"] = False
    report = check(application)
    assert finding(report, "province.website_leader_authorisation")["severity"] == "warning"
    step = [s for s in report["steps"] if s["id"] == "website_leader_authorisation"]
    assert step and step[0]["conditional"] is False
    application["website"]["leader"]["is_legal_representative"] = True
    assert "website_leader_authorisation" not in [s["id"] for s in check(application)["steps"]]


# --- ages ---------------------------------------------------------------------------------------------

def test_too_young_individual_is_an_error():
    application = app("12", "individual")  # Tianjin: 18 (confirmed)
    application["entity_leader"]["id_number"] = resident_id("120101", "20090101")
    f = finding(check(application), "province.too_young")
    assert f["severity"] == "error" and "17" in f["message"] and "18" in f["message"]


def test_age_between_conflicting_minimums_warns():
    application = app("35")  # Fujian organisation leaders: 14 or 18
    application["entity_leader"]["id_number"] = resident_id("350102", "20100101")
    report = check(application)
    assert finding(report, "province.age_verify")["severity"] == "warning"
    application["entity_leader"]["id_number"] = resident_id("350102", "20130101")
    assert finding(check(application), "province.too_young")["field"] == "entity_leader.id_number"


def test_age_is_taken_on_the_submission_date():
    application = app("12", "individual")  # Tianjin: 18 (confirmed)
    application["entity_leader"]["id_number"] = resident_id("120101", "20080512")
    application["dates"]["submit"] = "2026-05-11"
    assert "province.too_young" in codes(check(application))
    application["dates"]["submit"] = "2026-05-12"
    assert "province.too_young" not in codes(check(application))


# --- commercial, pre-approvals, PSB -------------------------------------------------------------------

def test_commercial_organisation_needs_a_licence():
    report = check(app(commercial=True))
    assert report["classification"]["commercial_licence"] is True
    assert "engine.commercial_licence" in codes(report)
    step = [s for s in report["steps"] if s["id"] == "commercial_licence"]
    assert step and not step[0]["conditional"]


def test_non_commercial_drops_the_licence_step():
    report = check(app(commercial=False))
    assert report["classification"]["commercial_licence"] is False
    assert "commercial_licence" not in [s["id"] for s in report["steps"]]


def test_commercial_unknown_keeps_the_step_as_conditional():
    application = app()
    del application["commercial"]
    report = check(application)
    assert report["classification"]["commercial_licence"] is None
    step = [s for s in report["steps"] if s["id"] == "commercial_licence"][0]
    assert step["conditional"] and step["condition"] == "If the site charges for information services"


def test_commercial_individual_is_warned():
    assert finding(check(app(kind="individual", commercial=True)), "engine.commercial_individual")


def test_preapproval_for_an_individual_is_an_error():
    report = check(app(kind="individual", content_categories=["news"]))
    assert finding(report, "engine.preapproval_individual")["severity"] == "error"


def test_preapproval_for_an_organisation_names_authority_and_document():
    report = check(app(content_categories=["news", "education"]))
    f = finding(report, "engine.preapproval_required")
    assert "Internet News Information Service Licence" in f["message"] and "news office" in f["message"]
    assert finding(report, "engine.preapproval_cancelled")["severity"] == "info"
    ids = [p["id"] for p in report["classification"]["preapprovals"]]
    assert ids == ["education", "news"]
    assert "preapproval" in [s["id"] for s in report["steps"]]


def test_name_keyword_suggests_a_preapproval():
    application = app(content_categories=[])
    application["website"]["name"] = "星河游戏中心"
    report = check(application)
    (pre,) = report["classification"]["preapprovals"]
    assert pre["id"] == "games" and pre["declared"] is False and pre["keywords_found"] == ["游戏"]
    assert finding(report, "website_name.preapproval_keyword")["severity"] == "warning"


def test_psb_deadline_is_launch_plus_the_national_days():
    report = check(app())
    assert report["classification"]["psb"] == {"needed": True, "days": 30, "deadline": "2026-07-31"}
    assert report["timeline"]["psb_deadline"] == "2026-07-31"


# --- rules in force on the submission date --------------------------------------------------------------

@pytest.mark.parametrize("province,day,present", [
    ("11", "2018-06-01", False),  # Beijing: only the national rule, from 2020-08-17
    ("11", "2020-08-17", True),
    ("12", "2017-12-17", False),  # Tianjin: pilot from 2017-12-18
    ("12", "2017-12-18", True),
])
def test_sms_verification_follows_the_dates(province, day, present):
    application = app(province)
    application["dates"] = {"submit": day}
    steps = [s["id"] for s in check(application)["steps"]]
    assert ("sms_verification" in steps) is present
    assert check(application)["rules_date"] == day


def test_rules_date_defaults_to_today():
    application = app()
    del application["dates"]
    assert check(application)["rules_date"] == TODAY.isoformat()


def test_tld_claims_follow_the_dates():
    application = app("11")
    application["website"]["domains"] = ["example.wang"]
    application["dates"] = {"submit": "2018-06-01"}
    assert "domain.tld_unknown" in codes(check(application))
    application["dates"] = {"submit": "2019-06-01"}
    assert "domain.tld_unknown" not in codes(check(application))


# --- fields ------------------------------------------------------------------------------------------------

def test_every_present_field_is_validated():
    application = app()
    application["entity"]["uscc"] = "91510104MA61234X5Z"
    application["entity_leader"].update(id_number="510104199001011235", mobile="1380013800", email="a@b",
                                        landline="12345")
    application["website"].update(name="12345", domains=["example.io", "exa mple.com"])
    application["numbers"] = {"icp_number": "京ICP备2025012345号-1", "psb_number": "5101"}
    application["instance"] = {"service_type": "ecs", "billing": "pay_as_you_go"}
    report = check(application)
    fields = {f["field"] for f in report["findings"] if f["severity"] == "error"}
    assert {"entity.uscc", "entity_leader.id_number", "entity_leader.mobile", "entity_leader.email",
            "entity_leader.landline", "website.name", "website.domains[0]", "website.domains[1]",
            "numbers.icp_number", "numbers.psb_number", "instance"} <= fields
    assert report["footer_html"] is None


def test_disputed_tld_warns():
    application = app()
    application["website"]["domains"] = ["example.asia"]
    assert finding(check(application), "domain.tld_disputed")["severity"] == "warning"


def test_permit_holder_is_checked_as_a_permit():
    application = app(kind="individual")
    application["entity_leader"].update(id_type="hk_macau_permit", id_number="H1234567")
    assert finding(check(application), "permits.hk_macau_unusual")["field"] == "entity_leader.id_number"
    application["entity_leader"]["id_number"] = "H12-34"
    assert finding(check(application), "permits.hk_macau_format")["severity"] == "error"


def test_personal_site_naming_of_the_province_applies():
    application = app("32", "individual")  # Jiangsu: xx的个人博客 / xx的个人主页
    report = check(application)
    assert finding(report, "website_name.personal_suffix")["severity"] == "warning"
    application["website"]["name"] = "王小明的个人博客"
    assert "website_name.personal_suffix" not in codes(check(application))


def test_personal_banned_word_is_an_error():
    application = app(kind="individual")
    application["website"]["name"] = "小明的论坛"
    assert finding(check(application), "website_name.banned_personal_word")["severity"] == "error"


def test_local_mobile_rule_is_a_reminder():
    f = finding(check(app("37", "individual")), "province.local_mobile")  # Shandong
    assert f["severity"] == "info" and f["field"] == "entity_leader.mobile"
    assert "province.local_mobile" not in codes(check(app("51", "individual")))  # unknown there


def test_domain_limits_and_certificates():
    application = app("51")
    application["website"]["domains"] = ["example.com", "example.cn"]
    f = finding(check(application), "province.domain_limit")  # Sichuan: one domain per website
    assert "1" in f["message"] and "2" in f["message"]
    application = app("32")
    assert finding(check(application), "province.domain_certificate_every")  # Jiangsu: always


def test_instance_quota_and_billing():
    application = app(instance={"service_type": "ecs", "billing": "pay_as_you_go"})
    assert finding(check(application), "instance.billing_not_allowed")["severity"] == "error"
    application = app(instance={"service_type": "ecs", "billing": "subscription", "used": 5})
    assert "instance.quota_exceeded" in codes(check(application))
    application = app(instance={"service_type": "Simple Application Server", "used": 4})
    assert not [c for c in codes(check(application)) if c.startswith("instance.")]


# --- footer --------------------------------------------------------------------------------------------------

def test_footer_for_a_website_number_and_psb_number():
    application = app("51", numbers={"icp_number": "蜀ICP备2025012345号-1", "psb_number": "川公网安备 51010702000123号"})
    html = check(application)["footer_html"]
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener" target="_blank">蜀ICP备2025012345号-1</a>' in html
    assert ('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=51010702000123" rel="noopener" '
            'target="_blank">川公网安备 51010702000123号</a>') in html


def test_footer_in_guangdong_shows_the_entity_number():
    application = app("44", numbers={"icp_number": "粤ICP备2021000001号-3", "psb_number": "44030702000001"})
    report = check(application)
    assert ">粤ICP备2021000001号</a>" in report["footer_html"]
    assert ">粤公网安备 44030702000001号</a>" in report["footer_html"]
    assert "footer.entity_number_shown" in codes(report)
    assert "icp_number.entity_number" not in codes(report)


def test_footer_rule_is_read_from_the_data_not_hard_coded(monkeypatch):
    data = rules.load()
    national = data["national"]["footer_number"]
    monkeypatch.setitem(data["provinces"]["51"]["rules"], "footer_number", national | {
        "claims": [{"value": "entity_number", "sources": ["alibaba_post_processing"]}]})
    ruleset.clear_caches()
    try:
        html = check(app("51", numbers={"icp_number": "蜀ICP备2025012345号-1"}))["footer_html"]
    finally:
        ruleset.clear_caches()
    assert ">蜀ICP备2025012345号</a>" in html


def test_no_footer_for_an_invalid_number():
    report = check(app("51", numbers={"icp_number": "粤ICP备2021000001号-3"}))
    assert "icp_number.prefix_province" in codes(report) and report["footer_html"] is None


# --- output shape and order ------------------------------------------------------------------------------------

def test_findings_are_sorted_by_severity_then_field():
    application = app(kind="individual", content_categories=["news"])
    application["entity_leader"]["email"] = "a@qq.con"
    report = check(application)
    ranks = [report_module.SEVERITY_RANK[f["severity"]] for f in report["findings"]]
    assert ranks == sorted(ranks)
    for rank in set(ranks):
        fields = [f["field"] for f in report["findings"] if report_module.SEVERITY_RANK[f["severity"]] == rank]
        assert fields == sorted(fields)


def test_steps_are_in_phase_order_and_cite_sources():
    report = check(app())
    phases = [p["id"] for p in rules.load()["steps"]["phases"]]
    order = [phases.index(s["phase"]) for s in report["steps"]]
    assert order == sorted(order)
    assert all(set(s) == {"id", "phase", "text", "sources", "conditional", "condition"} for s in report["steps"])
    assert "{value}" not in " ".join(s["text"] for s in report["steps"])


def test_province_rules_are_sorted_and_sourced():
    rules_out = check(app("44"))["province_rules"]
    assert [r["rule"] for r in rules_out] == sorted(r["rule"] for r in rules_out)
    footer = [r for r in rules_out if r["rule"] == "footer_number"][0]
    assert footer["values"] == ["entity_number"] and footer["origin"] == "province"
    assert footer["sources"][0] == "alibaba_post_processing" and set(footer["sources"]) <= set(rules.load()["sources"])
    assert all(set(r) == {"rule", "name", "origin", "status", "values", "text", "sources", "newest_source"}
               for r in rules_out)


def test_cached_output_is_not_shared_between_calls():
    first = check(app())
    first["steps"][0]["text"] = "changed"
    first["province_rules"][0]["sources"].append("x")
    second = check(app())
    assert second["steps"][0]["text"] != "changed"
    assert "x" not in second["province_rules"][0]["sources"]


def test_epochs_split_at_claim_dates():
    assert ruleset.epoch(dt.date(2020, 8, 16)) != ruleset.epoch(dt.date(2020, 8, 17))
    assert ruleset.epoch(dt.date(2021, 3, 1)) == ruleset.epoch(dt.date(2021, 3, 2))


def test_a_dated_claim_splits_only_the_epochs_of_the_province_that_holds_it():
    # Guangdong has a claim that changes on 2021-06-21; Beijing has none then, so its view stays the same one.
    day, before = dt.date(2021, 6, 21), dt.date(2021, 6, 20)
    assert day in ruleset._boundaries("44") and day not in ruleset._boundaries("11")
    assert ruleset.epoch(before, "44") != ruleset.epoch(day, "44")
    assert ruleset.rule_view("11", before) is ruleset.rule_view("11", day)
    assert ruleset.rule_view("44", before) is not ruleset.rule_view("44", day)
    # National rules split every province's epochs; a province's claims never split the national view.
    assert set(ruleset._boundaries("national")) <= set(ruleset._boundaries("11"))
    assert day not in ruleset._boundaries("national")


def test_deciding_conditions_afterwards_equals_steps_select_with_them():
    import itertools

    data = rules.load()
    names = sorted(data["steps"]["conditions"])
    for code in ("11", "32", "44", "51", "62"):
        for entity in ("organisation", "individual"):
            view = ruleset.rule_view(code, TODAY)
            everything = steps_module.select(data["steps"], view.province, data["national"], entity, TODAY, None)
            for combo in itertools.product([True, False, None], repeat=len(names)):
                conditions = {n: c for n, c in zip(names, combo) if c is not None}
                expected = steps_module.select(data["steps"], view.province, data["national"], entity, TODAY,
                                               conditions)
                derived = steps_module.apply_conditions(everything, conditions)
                assert [(s["step"]["id"], s["conditional"]) for s in derived] == \
                       [(s["step"]["id"], s["conditional"]) for s in expected]
                rendered = steps_module.for_view(view, entity, conditions, "en")
                in_force = [s for s in expected if not (s["step"].get("rule") and view.rule(s["step"]["rule"])[
                    "has_claims"] and not view.rule(s["step"]["rule"])["values"])]
                assert [(s["id"], s["conditional"]) for s in rendered] == \
                       [(s["step"]["id"], s["conditional"]) for s in in_force]


@pytest.mark.parametrize("name,host", [
    ("example", "example.com"), ("EXAMPLE.COM", "www.example.com"), ("例子", "例子.中国"),
    ("例子", "xn--fsqu00a.xn--fiqs8s"), ("ｅｘａｍｐｌｅ", "example.com"),
])
def test_website_name_equal_to_the_domain_is_found(name, host):
    application = app()
    application["website"].update(name=name, domains=[host])
    assert "website_name.equals_domain" in codes(check(application))
