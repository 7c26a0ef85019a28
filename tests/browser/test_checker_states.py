"""Loading, failure and retry, no JavaScript, print and download."""
from __future__ import annotations

import pytest

from tests.browser.conftest import PageLog, answer_initial_filing, wait_ready

pytestmark = pytest.mark.browser


def to_initial_filing(page):
    """The initial filing in Sichuan, its checklist shown."""
    answer_initial_filing(page)
    page.wait_for_selector('#icp-checker .icp-checker__result[data-result="initial"] .icp-checklist')


def test_page_is_usable_while_loading(page, site_url):
    held = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))   # never answered while we look
    page.goto(site_url + "/checker/")
    page.wait_for_selector("#icp-checker[data-state=loading] .icp-checker__loading progress")
    page.wait_for_selector('#icp-checker li[data-step="runtime"][aria-current="step"]')
    assert page.is_visible("#icp-checker .icp-checker__status")
    assert "Loading the checker" in page.inner_text("#icp-checker .icp-checker__status")
    steps = page.eval_on_selector_all("#icp-checker .icp-checker__steps li", "els => els.map(e => e.dataset.step)")
    assert steps == ["runtime", "packages", "checker"]
    # The rest of the page is there and works: the decision table and its links.
    assert page.is_visible("#decision-table")
    page.click("article a[href=\"#q-entity-kind\"]")
    assert page.url.endswith("#q-entity-kind")
    assert page.get_attribute("#icp-checker", "data-state") == "loading"
    for route in held:
        route.continue_()
    wait_ready(page)


def test_site_search_waits_for_the_checker_but_works(page, site_url):
    """Material's search worker (it indexes the whole site) starts after the
    checker is ready, or at once when the reader reaches for the search."""
    held = []
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    page.goto(site_url + "/checker/")
    page.wait_for_selector('#icp-checker li[data-step="runtime"][aria-current="step"]')
    page.wait_for_timeout(1500)
    assert not [u for u in requests if "/workers/search." in u]
    page.keyboard.press("Shift")                      # any key: the reader may be about to search
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('/workers/search.'))")
    for route in held:
        route.continue_()
    wait_ready(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("ICP")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)


def test_failure_shows_a_message_and_retry_works(page, site_url):
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    log = PageLog(page)
    page.goto(site_url + "/checker/")
    page.wait_for_selector("#icp-checker[data-state=error]", timeout=120_000)
    alert = page.locator("#icp-checker [role=alert]")
    assert "could not be loaded" in alert.inner_text()
    assert "pyodide.asm.wasm" in alert.inner_text()
    assert page.is_visible("#decision-table")                  # never a blank page
    assert page.evaluate("window.icpChecker.ready.then(() => 'ok', (e) => 'rejected')") == "rejected"
    page.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="Try again").click()
    wait_ready(page)
    assert page.locator("#icp-checker [role=alert]").inner_text() == ""
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    assert log.errors == []


def test_page_script_failing_to_load_is_reported_too(page, site_url):
    page.route("**/assets/checker/app.js", lambda route: route.fulfill(status=404, body="not found"))
    page.goto(site_url + "/checker/")
    page.wait_for_selector("#icp-checker[data-state=error] [role=alert]")
    assert "could not be loaded" in page.inner_text("#icp-checker [role=alert]")
    assert page.get_by_role("button", name="Try again").is_visible()
    assert page.is_visible("#decision-table")
    page.unroute("**/assets/checker/app.js")
    page.get_by_role("button", name="Try again").click()
    wait_ready(page)


def test_without_javascript_the_decision_table_is_the_checker(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "/checker/")
    assert page.is_visible("#decision-table")
    assert page.locator("table").count() >= 5
    assert "needs JavaScript" in page.inner_text("#icp-checker")
    assert page.locator("#icp-checker form").count() == 0
    assert not [u for u in requests if "/pyodide/" in u or u.endswith(".whl")]
    context.close()


def test_print_shows_only_the_checklist(ready_page):
    page = ready_page
    to_initial_filing(page)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Print the checklist").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    try:
        assert page.is_visible("#icp-checker .icp-result__steps")
        assert not page.is_visible("#icp-checker .icp-checker__form")
        assert not page.is_visible("#decision-table")
        assert not page.is_visible(".md-header")
        assert not page.is_visible("#icp-checker .icp-result__actions")
    finally:
        page.emulate_media(media="screen")
        page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.is_visible("#icp-checker .icp-checker__form")


def test_download_is_a_local_markdown_checklist(ready_page, tmp_path):
    page = ready_page
    to_initial_filing(page)
    first = page.locator("#icp-checker .icp-checklist input[type=checkbox]").first
    first.check()
    before = len(page.log.requests)
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the checklist").click()
    download = info.value
    assert download.suggested_filename == "icp-checklist.md"
    assert download.url.startswith("blob:")
    target = tmp_path / "list.md"
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ICP filing checklist")
    assert "Initial filing" in text
    assert "- [x] " in text and "- [ ] " in text
    steps = page.eval_on_selector_all("#icp-checker .icp-checklist li .icp-step__text", "els => els.map(e => e.textContent)")
    for step in steps:
        assert step in text
    assert [u for u in page.log.requests[before:] if not u.startswith("blob:")] == []
