"""axe (bundled with axe-playwright-python, no network): no serious or critical
violation on the checker (loading, filled in with results and messages),
its Chinese twin, and a province page."""
from __future__ import annotations

import pytest

from tests.browser.conftest import answer_initial_filing, open_checker

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def blocking_violations(page):
    from axe_playwright_python.sync_playwright import Axe
    violations = Axe().run(page).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:5])
            for v in violations if v["impact"] in BLOCKING]


def fill_in(page, lang="en"):
    answer_initial_filing(page)
    page.fill("#icp-entity-uscc", "91510100MA61234567")
    page.fill("#icp-entity-leader-email", "admin@@example.com")
    page.fill("#icp-website-name", "Example")
    page.fill("#icp-website-domains", "example.com")
    page.fill("#icp-numbers-icp-number", "蜀ICP备12345678号-1")
    page.wait_for_selector("#icp-entity-uscc[aria-invalid=true]")
    page.wait_for_selector("#icp-checker .icp-result__footer code")
    page.get_by_role("button", name="Share this result" if lang == "en" else "分享此结果").click()


@pytest.mark.parametrize("path,lang", [("/checker/", "en"), ("/zh/checker/", "zh")])
def test_checker_page_has_no_serious_violation(page, site_url, path, lang):
    open_checker(page, site_url + path)
    assert blocking_violations(page) == []
    fill_in(page, lang)
    assert blocking_violations(page) == []


def test_checker_loading_and_error_states(page, site_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    page.goto(site_url + "/checker/")
    page.wait_for_selector("#icp-checker[data-state=error]", timeout=120_000)
    assert blocking_violations(page) == []


@pytest.mark.parametrize("path", ["/provinces/sichuan/", "/zh/provinces/guangdong/"])
def test_province_page_has_no_serious_violation(page, site_url, path):
    page.goto(site_url + path)
    found = blocking_violations(page)
    assert found == []
    # and the province page, which links to the checker, does not load Pyodide
    assert page.locator("script[src*='pyodide'], script[src*='assets/checker']").count() == 0
