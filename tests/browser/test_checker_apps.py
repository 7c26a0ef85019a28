"""An app through the checker page (issue 12), in English and Chinese: the app
path of the questions, the app's fields checked as they are typed, and a
verdict and checklist that are the engine's for the same application."""
from __future__ import annotations

import pytest

from tests.browser.conftest import open_checker

pytestmark = pytest.mark.browser

ANSWERS = [("service", "app"), ("app_online", "yes"), ("app_operator_abroad", "no"),
           ("app_entity_kind", "organisation"), ("app_entity_filed", "no")]
APPLICATION = {
    "format": "icp-application/1", "province": "44",
    "answers": {"service": "app", "app_online": "yes", "app_operator_abroad": "no", "app_entity_filed": "no"},
    "entity": {"kind": "organisation"},
    "apps": [{"kind": "app", "name": "示例", "android": {"package": "com.example.app"}}],
}


def radio(page, question, value):
    return page.locator(f'#icp-checker input[name="q-{question}"][value="{value}"]')


@pytest.fixture(scope="module")
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.mark.parametrize("lang,path", [("en", "/checker/"), ("zh", "/zh/checker/")])
def test_an_app_through_the_form_to_its_verdict_and_checklist(context, site_url, lang, path):
    from checker import api, rules

    page = context.new_page()
    log = open_checker(page, site_url + path)
    # A website is the default answer to "what are you filing?": the website path shows first.
    assert radio(page, "service", "website").is_checked()
    assert page.locator('#icp-checker [data-question="server_location"]').is_visible()

    page.select_option("#icp-province", "44")
    for question, answer in ANSWERS:
        radio(page, question, answer).check()
    assert page.locator('#icp-checker [data-question="server_location"]').count() == 0
    page.wait_for_selector("#icp-checker .icp-checker__details:not([hidden])")

    # The app's group is shown, the website's is not.
    assert page.locator('#icp-checker [data-group="app"]').is_visible()
    assert page.locator('#icp-checker [data-group="website"]').is_hidden()

    # Fields checked as they are typed, each by its own validator.
    page.fill("#icp-apps-0-name", "示例")
    page.fill("#icp-apps-0-android-package", "1com.example")
    page.wait_for_selector('#icp-checker [data-path="apps.0.android.package"][data-status="error"]')
    page.fill("#icp-apps-0-android-package", "com.example.app")
    page.wait_for_selector('#icp-checker [data-path="apps.0.android.package"][data-status="ok"]')
    page.fill("#icp-apps-0-icp-number", "粤ICP备2024266252号-4")   # a website's number given for the app
    page.wait_for_selector('#icp-checker [data-path="apps.0.icp_number"][data-status="notes"]')
    warning = page.locator('#icp-checker [data-path="apps.0.icp_number"] .icp-msg').first.inner_text()
    mismatch = api.field("icp-number", "粤ICP备2024266252号-4", {"service": "app"}, lang=lang)["findings"]
    assert mismatch[0]["code"] == "icp_number.service_mismatch" and mismatch[0]["message"] in warning
    page.fill("#icp-apps-0-icp-number", "")

    # The verdict is the engine's for the same application; the checklist is the app's.
    want = api.check(APPLICATION, lang)
    assert want["classification"]["outcome"] == "app_initial" and want["verdict"]["kind"] == "can_file"
    page.wait_for_function(
        """(headline) => {
            const brief = document.querySelector('#icp-checker .icp-checker__brief');
            const first = brief && brief.querySelector('dd');
            return brief && !brief.hidden && first && first.textContent === headline;
        }""", arg=want["verdict"]["headline"])
    result = "#icp-checker .icp-checker__result"
    page.wait_for_selector(f'{result}[data-result="app_initial"] .icp-steps')
    shown = page.eval_on_selector_all(f"{result} .icp-result__steps [data-step]", "els => els.map(e => e.dataset.step)")
    assert [s["id"] for s in want["steps"]] == shown
    assert {"app_details", "app_submit", "app_number_display"} <= set(shown)
    assert not {"keep_site_offline", "footer", "psb_filing"} & set(shown)
    submit = next(s for s in want["steps"] if s["id"] == "app_submit")
    assert submit["text"] in page.locator(f'{result} [data-step="app_submit"]').inner_text()
    assert rules.load()["flow"]["outcomes"]["app_initial"]["text"][lang] in page.locator(result).inner_text()

    assert log.errors == []
    page.close()
