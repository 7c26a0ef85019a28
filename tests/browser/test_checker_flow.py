"""Every outcome of the decision graph is reachable by driving the form, and
the questions appear one by one as they become relevant."""
from __future__ import annotations

import pytest

from tests.browser.conftest import open_checker

pytestmark = pytest.mark.browser


def _paths():
    from checker import flow, rules
    return flow.paths(rules.load()["flow"])


def _flow():
    from checker import rules
    return rules.load()["flow"]


def answer(page, question, value):
    page.check(f'#icp-checker input[name="q-{question}"][value="{value}"]')


def shown_questions(page):
    return page.eval_on_selector_all("#icp-checker .icp-question", "els => els.map(e => e.dataset.question)")


def wait_result(page, outcome):
    page.wait_for_selector(f'#icp-checker .icp-checker__result[data-result="{outcome}"]')


@pytest.mark.parametrize("path", _paths(), ids=lambda p: "-".join(a for _, a in p[:-1]) + "->" + p[-1])
def test_each_outcome_is_reachable_through_the_form(ready_page, path):
    page = ready_page
    *steps, outcome = path
    page.select_option("#icp-province", "51")
    for question, value in steps:
        answer(page, question, value)
    wait_result(page, outcome)
    assert shown_questions(page) == [q for q, _ in steps]
    graph = _flow()
    result = page.locator("#icp-checker .icp-result__summary")
    assert graph["outcomes"][outcome]["text"]["en"] in result.inner_text()
    # Details are asked only for outcomes that lead to a submission.
    details_hidden = page.eval_on_selector("#icp-checker .icp-checker__details", "e => e.hidden")
    assert details_hidden == (graph["outcomes"][outcome]["operation"] is None)


def test_questions_appear_as_they_become_relevant(page, site_url):
    from checker import flow
    open_checker(page, site_url + "/checker/")
    graph = _flow()

    def expected(answers):
        """The questions the walk asks for these answers, the one it stops at included."""
        walked = flow.walk(graph, answers)
        return list(walked.questions) + ([walked.stopped_at] if walked.stopped_at in graph["questions"] else [])

    # A question with a default (what is filed: a website) starts answered.
    assert shown_questions(page) == expected({}) and shown_questions(page)[0] == graph["start"]
    assert page.locator("#icp-checker .icp-checker__result[data-result=none]").is_visible()
    path = next(p for p in _paths() if p[-1] == "initial" and len(p) > 3)
    given = {}
    for question, value in path[:-1]:
        assert shown_questions(page) == expected(given)      # nothing beyond the current question yet
        answer(page, question, value)
        given[question] = value
    wait_result(page, "initial")
    # Changing an early answer drops the questions that no longer apply.
    answer(page, "server_location", "outside_mainland")
    page.wait_for_function("() => document.querySelectorAll('#icp-checker .icp-question').length === 3")
    assert shown_questions(page) == ["service", "server_location", "mainland_acceleration"]
    page.wait_for_selector('#icp-checker .icp-checker__result[data-result="none"]')


def test_province_from_the_link_of_a_province_page(page, site_url):
    page.goto(site_url + "/provinces/sichuan/")
    link = page.locator('a[href$="checker/#province=51"]')
    assert link.count() == 1
    link.click()
    page.wait_for_selector("#icp-checker[data-state=ready]", timeout=120_000)
    assert page.input_value("#icp-province") == "51"


def test_zh_page_speaks_chinese(page, site_url):
    open_checker(page, site_url + "/zh/checker/#province=44")
    assert page.get_attribute("#icp-checker", "data-lang") == "zh"
    graph = _flow()
    legend = page.locator("#icp-checker .icp-question legend").first.inner_text()
    assert legend == graph["questions"][graph["start"]]["text"]["zh"]
    assert page.locator("#icp-province option:checked").inner_text() == "广东省"
    answer(page, "server_location", "outside_mainland")
    answer(page, "mainland_acceleration", "no")
    wait_result(page, "no_filing")
    assert graph["outcomes"]["no_filing"]["text"]["zh"] in page.inner_text("#icp-checker .icp-result__summary")


def test_share_link_holds_only_answers_and_province(page, site_url, context):
    open_checker(page, site_url + "/checker/#province=51")
    answer(page, "server_location", "mainland")
    answer(page, "entity_kind", "individual")
    answer(page, "domain_filed", "no")
    answer(page, "entity_filed", "yes_other_provider")
    wait_result(page, "new_website_entity_elsewhere")
    page.fill("#icp-entity-name", "张三")
    page.fill("#icp-entity-leader-mobile", "13800138000")
    page.fill("#icp-website-domains", "example.com")
    url_before = page.url
    assert "13800138000" not in url_before
    page.get_by_role("button", name="Share this result").click()
    shared = page.url
    fragment = shared.split("#", 1)[1]
    from urllib.parse import parse_qsl
    assert dict(parse_qsl(fragment)) == {"province": "51", "service": "website", "server_location": "mainland",
                                         "entity_kind": "individual",
                                         "domain_filed": "no", "entity_filed": "yes_other_provider"}
    for secret in ("13800138000", "example", "%E5%BC%A0"):
        assert secret not in shared
    assert page.input_value("#icp-share-url") == shared
    # The link reproduces the result in a fresh page.
    other = context.new_page()
    open_checker(other, shared)
    wait_result(other, "new_website_entity_elsewhere")
    assert other.input_value("#icp-province") == "51"
    assert other.input_value("#icp-entity-name") == ""
