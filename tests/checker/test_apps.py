"""Apps, mini-programs and quick apps (issue 12): one test per branch of the
app path in flow.yaml, each asserting the outcome, the verdict and the steps
that must and must not appear, plus the checks of the ``apps`` entries."""
import pytest

from checker import api, rules
from tests.checker.helpers import TODAY, app

APP_PATH = {"app_online": "yes", "app_operator_abroad": "no"}
WEBSITE_ONLY_STEPS = {"keep_site_offline", "footer", "website_name", "domain_age", "access_filing", "psb_filing"}


def check(answers, apps=None, lang="en", province="11", **kw):
    application = app(province, answers=answers, **kw)
    if apps is not None:
        application["apps"] = apps
    return api.check(application, lang=lang, today=TODAY)


def step_ids(report):
    return [s["id"] for s in report["steps"]]


def codes(report, field_prefix=""):
    return [f["code"] for f in report["findings"] if f["field"].startswith(field_prefix)]


@pytest.mark.parametrize("service", ["app", "quick_app"])
def test_an_initial_app_filing(service):
    report = check(dict(APP_PATH, service=service, app_entity_filed="no"))
    c = report["classification"]
    assert (c["outcome"], c["operation"]) == ("app_initial", "initial")
    assert report["verdict"]["kind"] == "can_file"
    ids = step_ids(report)
    assert {"app_details", "app_submit", "app_number_display", "app_store_number", "bureau_review"} <= set(ids)
    assert not WEBSITE_ONLY_STEPS & set(ids)
    docs = [d["id"] for d in report["documents"]]
    assert "org_certificate" in docs and "app_registration_commitment" in docs
    assert "verification_form" not in docs  # the website's authenticity form
    assert c["psb"]["needed"] is None  # no source speaks of a PSB filing for apps


def test_adding_an_app_under_an_entity_already_filed():
    report = check(dict(APP_PATH, service="app", app_entity_filed="yes"))
    c = report["classification"]
    assert (c["outcome"], c["operation"]) == ("app_new_service", "new_app")
    assert report["verdict"]["kind"] == "can_file" and c["operation_name"] in report["verdict"]["headline"]
    assert "app_submit" in step_ids(report)
    assert "org_certificate" not in [d["id"] for d in report["documents"]]  # the entity is not entered again


@pytest.mark.parametrize("entity_filed", ["no", "yes"])
def test_a_wechat_mini_program_is_filed_through_its_platform(entity_filed):
    report = check(dict(APP_PATH, service="mini_program", app_entity_filed=entity_filed))
    c = report["classification"]
    assert (c["outcome"], c["operation"]) == ("mini_program_in_platform", "platform_filing")
    ids = step_ids(report)
    assert "mini_program_platform_submit" in ids and "app_submit" not in ids and "app_store_number" not in ids
    submit = next(s for s in report["steps"] if s["id"] == "mini_program_platform_submit")
    assert "WeChat" in submit["text"] and "Douyin" in submit["text"]
    assert "platform" in report["verdict"]["next"][0] and "access provider" not in report["verdict"]["next"][0]


@pytest.mark.parametrize("answers,outcome", [
    ({"service": "app", "app_online": "no"}, "app_offline"),
    ({"service": "app", "app_online": "yes", "app_operator_abroad": "yes"}, "app_abroad"),
    ({"service": "mini_program", "app_online": "no"}, "app_offline"),
])
def test_an_exempt_app_needs_no_filing(answers, outcome):
    report = check(answers)
    c = report["classification"]
    assert (c["outcome"], c["needs_filing"], c["operation"]) == (outcome, False, None)
    assert report["verdict"]["kind"] == "no_filing_needed"
    assert report["steps"] == [] and report["documents"] == []
    assert c["sources"] and set(c["sources"]) <= set(rules.load()["sources"])


def test_an_app_given_a_website_number_is_warned():
    apps = [{"kind": "app", "name": "示例", "icp_number": "京ICP备2022034770号-6"}]
    report = check(dict(APP_PATH, service="app", app_entity_filed="yes"), apps=apps)
    found = [f for f in report["findings"] if f["field"] == "apps[0].icp_number"]
    assert [f["code"] for f in found] == ["icp_number.service_mismatch"] and found[0]["severity"] == "warning"
    zh = check(dict(APP_PATH, service="app", app_entity_filed="yes"), apps=apps, lang="zh")
    assert "网站" in next(f for f in zh["findings"] if f["field"] == "apps[0].icp_number")["message"]


def test_an_app_with_its_own_number_and_real_identifiers_is_clean():
    apps = [{"kind": "app", "name": "微信", "icp_number": "粤B2-20090059-1626X",
             "android": {"package": "com.tencent.mm", "fingerprint": "18:C8:67:F0:71:7A:A6:7B:2A:B7:34:75:05:BA:07:ED"},
             "ios": {"bundle_id": "com.tencent.xin"}, "domains": ["weixin.qq.com"]}]
    apps[0]["kind"] = "mini_program"  # 1626X marks a mini-program (api.mir6.com's example): same kind, no warning
    report = check(dict(APP_PATH, service="mini_program", app_entity_filed="yes"), apps=apps, province="44")
    problems = [f for f in report["findings"] if f["field"].startswith("apps[") and f["severity"] != "info"]
    assert problems == []
    # An app files its domains down to the level it uses: no "sub-domains are covered" note.
    assert "domain.subdomain" not in codes(report, "apps[0].domains")


def test_bad_app_identifiers_are_found_at_their_field():
    apps = [{"kind": "app", "android": {"package": "1com.example", "fingerprint": "XYZ"},
             "ios": {"bundle_id": "com.example_app"}, "harmonyos": {"bundle_name": "com"}}]
    report = check(dict(APP_PATH, service="app", app_entity_filed="no"), apps=apps)
    fields = {f["field"] for f in report["findings"] if f["severity"] == "error"}
    assert {"apps[0].android.package", "apps[0].android.fingerprint", "apps[0].ios.bundle_id",
            "apps[0].harmonyos.bundle_name"} <= fields
    assert report["verdict"]["kind"] == "cannot_file"
    item = next(f for f in report["findings"] if f["field"] == "apps[0].ios.bundle_id")
    assert "bundle" in item["message"].lower()


def test_a_website_filing_with_an_unfiled_app_listed_says_the_app_needs_its_own():
    apps = [{"kind": "app", "name": "示例"}]
    report = check({"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"}, apps=apps)
    assert "apps.website_filing_not_app" in codes(report)
    app_case = check(dict(APP_PATH, service="app", app_entity_filed="no"), apps=apps)
    assert "apps.website_filing_not_app" not in codes(app_case)


def test_an_app_with_its_own_number_gets_a_display_snippet_and_a_website_number_none():
    from checker.report import present
    own = [{"kind": "app", "name": "示例", "icp_number": "陕ICP备2024026116号-1A"}]
    report = check(dict(APP_PATH, service="app", app_entity_filed="yes"), apps=own, province="61")
    (shown,) = report["app_display"]
    link = rules.load()["national"]["footer_link"]["claims"][0]["value"]
    assert shown["number"] == "陕ICP备2024026116号-1A"
    assert shown["html"].index("陕ICP备2024026116号-1A") < shown["html"].index(f'href="{link}"')  # link below
    sections = {s["id"]: s for s in present.sections(report, "en")}
    assert shown["html"] in [b["text"] for b in sections["app_display"]["blocks"]]
    website_number = [{"kind": "app", "icp_number": "陕ICP备2024026116号-1"}]
    assert check(dict(APP_PATH, service="app", app_entity_filed="yes"), apps=website_number,
                 province="61")["app_display"] == []


@pytest.mark.parametrize("number", ["粤B2-20090059-5", "陕ICP备2024026116号-1A"])
def test_the_website_footer_keeps_licence_numbers_and_service_letters(number):
    from checker import footer
    html, _ = footer.snippet(number, link="https://beian.miit.gov.cn/")
    assert f">{number}</a>" in html
