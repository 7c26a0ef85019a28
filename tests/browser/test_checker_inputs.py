"""Fields are checked as the user types; hostile input stays inert text."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.browser.conftest import answer_initial_filing, open_checker

pytestmark = pytest.mark.browser

XSS = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', '"><svg onload=alert(3)>',
       "<iframe src=javascript:alert(4)>"]


def messages(page, input_id):
    return page.eval_on_selector_all(f"#{input_id}-msg li", "els => els.map(e => e.textContent)")


def wait_messages(page, input_id, present=True):
    if present:
        page.wait_for_selector(f"#{input_id}-msg li")
    else:
        page.wait_for_function(f"() => !document.querySelector('#{input_id}-msg li')")


# (input id, field kind, a wrong value, a right value)
def _cases():
    from tests.pyodide.cases import valid_resident_id, valid_uscc
    return [
        ("icp-entity-uscc", "uscc", "91510100MA61234567", valid_uscc()),
        ("icp-entity-leader-id-number", "resident-id", "51010419900101123X", valid_resident_id("51010419900101123")),
        ("icp-entity-leader-mobile", "mobile", "1380013800", "13800138000"),
        ("icp-entity-leader-email", "email", "admin@@example.com", "admin@example.com"),
        ("icp-numbers-icp-number", "icp-number", "京ICP备12345678号-1", "蜀ICP备12345678号-1"),
        ("icp-numbers-psb-number", "psb-number", "abc", "51010402000001"),
    ]


@pytest.mark.parametrize("input_id,kind,bad,good", _cases(), ids=[c[1] for c in _cases()])
def test_invalid_value_shows_the_engines_message_next_to_the_field(ready_page, input_id, kind, bad, good):
    from checker import api
    page = ready_page
    answer_initial_filing(page)
    page.fill(f"#{input_id}", "")
    page.locator(f"#{input_id}").press_sequentially(bad, delay=5)
    wait_messages(page, input_id)
    page.wait_for_selector(f"#{input_id}[aria-invalid=true]")
    want = api.field(kind, bad, {"province": "51", "entity": "organisation"}, lang="en")
    assert not want["ok"]
    got = messages(page, input_id)
    assert [m.split(": ", 1)[1] for m in got] == [f["message"] for f in want["findings"]]
    assert got[0].startswith("Error: ")   # severity in words, not colour only
    described = page.get_attribute(f"#{input_id}", "aria-describedby").split()
    assert f"{input_id}-msg" in described
    page.fill(f"#{input_id}", good)
    page.wait_for_function(f"() => !document.querySelector('#{input_id}').hasAttribute('aria-invalid')")
    good_result = api.field(kind, good, {"province": "51", "entity": "organisation"}, lang="en")
    assert good_result["ok"]
    page.wait_for_function(f"n => document.querySelectorAll('#{input_id}-msg li').length === n",
                           arg=len(good_result["findings"]))


def test_domains_and_website_name_are_checked_per_line(ready_page):
    page = ready_page
    answer_initial_filing(page)
    page.fill("#icp-website-domains", "example.com\nexample.invalidtld")
    page.wait_for_function("() => document.querySelector('#icp-website-domains-msg').textContent.includes('invalidtld')")
    text = " ".join(messages(page, "icp-website-domains"))
    assert "example.invalidtld: " in text and "example.com:" not in text
    page.fill("#icp-website-name", "Example")
    wait_messages(page, "icp-website-name")
    from checker import api
    want = api.field("website-name", "Example", {"province": "51", "entity": "organisation", "domain": "example.com"})
    assert [m.split(": ", 1)[1] for m in messages(page, "icp-website-name")] == [f["message"] for f in want["findings"]]


def test_result_lists_errors_with_a_link_to_the_field(ready_page):
    page = ready_page
    answer_initial_filing(page)
    page.fill("#icp-entity-uscc", "91510100MA61234567")
    page.wait_for_selector('#icp-checker .icp-result__findings li.icp-msg--error[data-field="entity.uscc"]')
    item = page.locator('#icp-checker .icp-result__findings li.icp-msg--error[data-field="entity.uscc"]')
    assert item.inner_text().startswith("Error: ")
    item.locator(".icp-msg__goto").click()
    assert page.evaluate("document.activeElement.id") == "icp-entity-uscc"
    page.fill("#icp-entity-uscc", "")


def test_hostile_input_stays_text(ready_page):
    page = ready_page
    answer_initial_filing(page)
    before = page.evaluate("""() => ({
        scripts: document.scripts.length,
        tags: document.querySelectorAll('img, iframe, svg, object, embed').length,
    })""")
    for payload in XSS:
        page.fill("#icp-website-name", payload)
        page.fill("#icp-entity-name", payload)
        page.fill("#icp-entity-leader-name", payload)
        page.fill("#icp-numbers-icp-number", payload)
        page.fill("#icp-website-domains", payload)
        # domains are split at spaces, so each piece is reported (as text) on its own
        page.wait_for_function(
            "p => document.querySelector('#icp-website-domains-msg').textContent.includes(p)", arg=payload.split()[0])
        page.wait_for_timeout(400)   # let the debounced check finish
    page.fill("#icp-numbers-icp-number", "蜀ICP备12345678号-1")
    page.wait_for_selector("#icp-checker .icp-result__footer code")
    after = page.evaluate("""() => ({
        scripts: document.scripts.length,
        tags: document.querySelectorAll('img, iframe, svg, object, embed').length,
    })""")
    assert after == before
    assert page.log.dialogs == []
    assert page.evaluate("document.querySelectorAll('#icp-checker [onerror], #icp-checker [onload], "
                         "#icp-checker script, #icp-checker img, #icp-checker iframe').length") == 0
    # The payload is shown, as text, where the checker quotes the value.
    page.fill("#icp-website-domains", XSS[0])
    page.wait_for_function(
        "p => document.querySelector('#icp-website-domains-msg').textContent.startsWith('Error: ' + p)", arg=XSS[0])
    # The footer snippet is HTML shown as text, never rendered.
    snippet = page.text_content("#icp-checker .icp-result__footer code")
    assert snippet.startswith("<div") and "beian.miit.gov.cn" in snippet
    assert page.locator("#icp-checker .beian").count() == 0
    assert page.locator("#icp-checker pre code a").count() == 0


def test_individual_gets_its_own_fields(ready_page):
    page = ready_page
    answer_initial_filing(page, province="44", kind="individual")
    assert not page.is_visible("#icp-entity-uscc")
    assert page.inner_text('label[for="icp-entity-name"]').startswith("Your name")
    page.fill("#icp-entity-leader-id-number", "")
    from tests.pyodide.cases import valid_resident_id
    number = valid_resident_id("51010419900101123")   # a Sichuan number, filing in Guangdong
    page.fill("#icp-entity-leader-id-number", number)
    from checker import api
    want = api.field("resident-id", number, {"province": "44", "entity": "individual"}, today=dt.date.today())
    page.wait_for_function(f"n => document.querySelectorAll('#icp-entity-leader-id-number-msg li').length === n",
                           arg=len(want["findings"]))
    got = [m.split(": ", 1)[1] for m in messages(page, "icp-entity-leader-id-number")]
    assert got == [f["message"] for f in want["findings"]]
