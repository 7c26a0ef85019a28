"""The verdict follows the questions: each outcome and each blocking case,
driven through the form in English and Chinese. The short result right under
the questions says what the engine's verdict says (checker.api.check for the
same application), is in view after the last answer without scrolling past
the details, links to the full result, and the steps shown fit the outcome."""
from __future__ import annotations

import pytest

from tests.browser.conftest import open_checker

pytestmark = pytest.mark.browser

FORMAT = "icp-application/1"
ORDER = ("server_location", "mainland_acceleration", "entity_kind", "domain_filed", "entity_filed")


def _sichuan_id():
    from tests.checker.helpers import resident_id
    return resident_id("510104", "19900101")


# name: (province, answers (entity_kind included), details {input id: value}, application details,
#        verdict kind, outcome)
CASES = {
    "no-filing": ("51", {"server_location": "outside_mainland", "mainland_acceleration": "no"}, {}, {},
                  "no_filing_needed", "no_filing"),
    "already-filed": ("51", {"server_location": "mainland", "entity_kind": "organisation",
                             "domain_filed": "yes_this_provider"}, {}, {}, "already_covered", "already_filed"),
    "add-access": ("51", {"server_location": "mainland", "entity_kind": "organisation",
                          "domain_filed": "yes_other_provider"}, {}, {}, "can_file", "add_access"),
    "initial": ("51", {"server_location": "mainland", "entity_kind": "organisation", "domain_filed": "no",
                       "entity_filed": "no"}, {}, {}, "can_file", "initial"),
    "non-local-individual": ("62", {"server_location": "mainland", "entity_kind": "individual", "domain_filed": "no",
                                    "entity_filed": "no"},
                             {"icp-entity-leader-id-number": "sichuan-id"},
                             {"entity_leader": {"id_type": "resident_id", "id_number": "sichuan-id"}},
                             "cannot_file", "initial"),
    "domain-of-another-entity": ("51", {"server_location": "mainland", "entity_kind": "organisation",
                                        "domain_filed": "yes_other_entity"}, {}, {},
                                 "cannot_file", "domain_other_entity"),
    "unfileable-tld": ("51", {"server_location": "mainland", "entity_kind": "organisation", "domain_filed": "no",
                              "entity_filed": "no"},
                       {"icp-website-domains": "example.io"}, {"website": {"domains": ["example.io"]}},
                       "cannot_file", "initial"),
}
# The field each blocking case's reason links to (the control focused by "go to the field").
REASON_CONTROL = {
    "non-local-individual": "icp-entity-leader-id-number",
    "domain-of-another-entity": "icp-q-domain-filed-",
    "unfileable-tld": "icp-website-domains",
}
PARAMS = [(name, lang) for lang in ("en", "zh") for name in CASES]


def _value(value):
    return _sichuan_id() if value == "sichuan-id" else value


def _resolve(node):
    if isinstance(node, dict):
        return {k: _resolve(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(v) for v in node]
    return _value(node)


def application(name):
    """The application the page builds for a case."""
    province, answers, _, details, _, _ = CASES[name]
    app = {"format": FORMAT, "province": province,
           "answers": {q: a for q, a in answers.items() if q != "entity_kind"},
           "entity": {"kind": answers.get("entity_kind")} if "entity_kind" in answers else {}}
    if not app["entity"]:
        del app["entity"]
    for key, value in _resolve(details).items():
        app.setdefault(key, {}).update(value)
    return app


@pytest.fixture(scope="module")
def pages(browser, site_url):
    """One checker page per language, reused by every case."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    out = {}
    for lang, path in (("en", "/checker/"), ("zh", "/zh/checker/")):
        page = context.new_page()
        page.log = open_checker(page, site_url + path)
        out[lang] = page
    yield out
    context.close()


CLEAR_DETAILS = """() => {
    for (const input of document.querySelectorAll('#icp-checker .icp-checker__details input[type=text],'
        + '#icp-checker .icp-checker__details input[type=tel], #icp-checker .icp-checker__details input[type=email],'
        + '#icp-checker .icp-checker__details input[type=date], #icp-checker .icp-checker__details textarea')) {
        if (!input.value) continue;
        input.value = '';
        input.dispatchEvent(new Event('input', {bubbles: true}));
    }
}"""

IN_VIEW = """() => {
    const brief = document.querySelector('#icp-checker .icp-checker__brief').getBoundingClientRect();
    const details = document.querySelector('#icp-checker .icp-checker__details');
    const below = details.hidden ? null : details.getBoundingClientRect().top;
    return {top: brief.top, bottom: brief.bottom, height: innerHeight, details: below};
}"""


def radio(page, question, value):
    return page.locator(f'#icp-checker input[name="q-{question}"][value="{value}"]')


def drive(page, name):
    """Answer a case's questions and fill its details, the last answer last."""
    from checker import rules
    province, answers, fields, _, _, _ = CASES[name]
    flow = rules.load()["flow"]
    page.evaluate(CLEAR_DETAILS)
    page.select_option("#icp-province", province)
    path = [q for q in ORDER if q in answers]
    for question in path[:-1]:
        radio(page, question, answers[question]).check()
    last = path[-1]
    if fields:
        # The details show once the questions lead to a filing: answer, fill them in, then
        # answer the last question again (as a reader changing their mind would).
        radio(page, last, answers[last]).check()
        page.wait_for_selector("#icp-checker .icp-checker__details:not([hidden])")
        for input_id, value in fields.items():
            page.fill(f"#{input_id}", _value(value))
    # Answer the last question afresh, from the top of the page, so that it is a real change.
    other = next(a for a in flow["questions"][last]["answers"] if a != answers[last])
    radio(page, last, other).check()
    page.evaluate("() => window.scrollTo(0, 0)")
    radio(page, last, answers[last]).check()


@pytest.mark.parametrize("name,lang", PARAMS, ids=[f"{n}-{lang}" for n, lang in PARAMS])
def test_the_short_result_gives_the_engines_verdict(pages, name, lang):
    from checker import api
    page = pages[lang]
    _, _, _, _, kind, outcome = CASES[name]
    want = api.check(application(name), lang)["verdict"]
    assert want["kind"] == kind, want
    drive(page, name)
    brief = page.locator("#icp-checker .icp-checker__brief")
    page.wait_for_selector(f'#icp-checker .icp-checker__result[data-result="{outcome}"]')
    page.wait_for_function(
        """([kind, headline]) => {
            const brief = document.querySelector('#icp-checker .icp-checker__brief');
            const first = brief && brief.querySelector('dd');
            return !brief.hidden && brief.dataset.verdict === kind && first && first.textContent === headline;
        }""", arg=[kind, want["headline"]])

    # In view right after the last answer, above the details form.
    box = page.evaluate(IN_VIEW)
    assert 0 <= box["top"] and box["bottom"] <= box["height"], box
    if box["details"] is not None:
        assert box["bottom"] <= box["details"], box

    # The same headline heads the full result, under the page's "Result" heading.
    summary = page.locator("#icp-checker .icp-result__summary")
    assert summary.locator("dd").first.inner_text() == want["headline"]
    for text in want["next"]:
        assert text in summary.inner_text()

    # The blocking problems, each with its way to the field, in the short result too.
    reasons = brief.locator(".icp-result__messages li")
    assert reasons.count() == len(want["reasons"])
    for i, reason in enumerate(want["reasons"]):
        assert reason["message"] in reasons.nth(i).inner_text()
        # ...and a link to each source it cites, on the sources page.
        links = reasons.nth(i).locator(".icp-sources a")
        anchors = {f"#src-{sid.replace('_', '-')}" for sid in reason["sources"]}
        assert {"#" + (links.nth(j).get_attribute("href") or "").split("#")[-1]
                for j in range(links.count())} <= anchors
        assert links.count() >= (1 if reason["sources"] else 0)
    if name in REASON_CONTROL:
        reasons.first.locator(".icp-msg__goto").click()
        assert page.evaluate("document.activeElement.id").startswith(REASON_CONTROL[name])
        if REASON_CONTROL[name].startswith("icp-q-"):
            return
        # The field the engine blames is marked invalid (a red outline), with the reason.
        control = page.locator(f"#{REASON_CONTROL[name]}")
        assert control.get_attribute("aria-invalid") == "true"
        assert page.evaluate(f"getComputedStyle(document.getElementById('{REASON_CONTROL[name]}'))"
                             ".borderTopColor") == "rgb(183, 28, 28)"

    # The link to the full result, and the full result in the table of contents.
    label = "See the full result" if lang == "en" else "查看完整结果"
    more = brief.get_by_role("link", name=label)
    assert more.get_attribute("href") == "#icp-result"
    toc = page.locator('.md-nav--secondary .md-nav__link[href="#icp-result"]').first
    assert toc.count() == 1
    assert page.get_attribute("#icp-checker .icp-checker__result", "aria-labelledby") == "icp-result"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_steps_fit_the_outcome(pages, lang):
    page = pages[lang]
    phases = "els => els.map(e => e.dataset.phase)"
    result = "#icp-checker .icp-checker__result"

    drive(page, "no-filing")
    page.wait_for_selector(f'{result}[data-result="no_filing"] .icp-result__actions')
    assert page.locator(f"{result} .icp-result__steps").count() == 0
    assert page.locator(f"{result} .icp-result__province_rules").count() == 0
    buttons = page.eval_on_selector_all(f"{result} .icp-result__actions button", "els => els.length")
    assert buttons == 1                                    # share only: no checklist to print or download

    drive(page, "already-filed")
    page.wait_for_selector(f'{result}[data-result="already_filed"] .icp-steps')
    assert "prepare" not in page.eval_on_selector_all(f"{result} .icp-steps", phases)
    assert "submit" not in page.eval_on_selector_all(f"{result} .icp-steps", phases)

    drive(page, "initial")
    page.wait_for_selector(f'{result}[data-result="initial"] .icp-steps')
    assert page.eval_on_selector_all(f"{result} .icp-steps", phases)[:2] == ["prepare", "submit"]
    assert page.eval_on_selector_all(f"{result} .icp-result__actions button", "els => els.length") == 3


def test_switching_language_keeps_the_answers(browser, site_url):
    """Material's language switcher opens the same page in the other language, with the
    province and the answers (never the details)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        open_checker(page, site_url + "/checker/")
        drive(page, "add-access")
        page.wait_for_selector('#icp-checker .icp-checker__result[data-result="add_access"]')
        page.fill("#icp-entity-leader-mobile", "13800138000")
        page.wait_for_function("() => document.querySelector('a.md-select__link[hreflang=zh]').hash.includes('domain_filed')")
        href = page.get_attribute('a.md-select__link[hreflang="zh"]', "href")
        assert "13800138000" not in href and "mobile" not in href
        page.locator(".md-header .md-select").hover()
        page.locator('a.md-select__link[hreflang="zh"]').click()
        page.wait_for_url("**/zh/checker/#*")
        page.wait_for_selector("#icp-checker[data-state=ready]", timeout=120_000)
        page.wait_for_selector('#icp-checker .icp-checker__result[data-result="add_access"]')
        assert page.get_attribute("#icp-checker", "data-lang") == "zh"
        assert page.input_value("#icp-province") == "51"
        assert radio(page, "domain_filed", "yes_other_provider").is_checked()
        assert page.input_value("#icp-entity-leader-mobile") == ""
        assert page.locator("#icp-checker .icp-checker__brief[data-verdict=can_file]").is_visible()
    finally:
        context.close()


def test_no_script_errors(pages):
    # No failed request either: Material's alternate links lead to the language
    # roots, where the sitemaps are (generator/theme.split_alternates).
    for page in pages.values():
        assert page.log.errors == []
        assert page.log.problems() == []
