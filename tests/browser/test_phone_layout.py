"""Every page type as a reader meets it on a 390×844 phone, in English and
Chinese: nothing is wider than the screen (no column cut off behind a scroll),
text in tables is 13 px or more, the checker is one tap away, and axe finds no
serious or critical violation, on the phone and at 1366×900."""
from __future__ import annotations

import pytest

from tests.browser.conftest import answer_initial_filing, wait_ready, wait_settled, wait_transitions
from tests.browser.test_checker_a11y import blocking_violations

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# home, a guide page (with the filing/licence/PSB comparison table), the
# province list, a province, the comparison page, a checklist
PAGES = ["", "what-is-icp/", "provinces/", "provinces/guangdong/", "compare/", "checklists/guangdong-organisation/"]
LANGS = {"en": "/", "zh": "/zh/"}
MIN_TABLE_TEXT_PX = 13

# Elements that stick out of the screen. Left out: the navigation drawer and
# the search overlay, which wait off-screen until opened. Counted: anything
# inside a scrolling box, since a column cut off behind a scroll is the defect.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const e of document.querySelectorAll("body *")) {
    if (e.closest(".md-sidebar--primary, .md-search")) continue;
    const r = e.getBoundingClientRect();
    if (!r.width || getComputedStyle(e).visibility === "hidden") continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      found.push(`${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} ${Math.round(r.left)}..${Math.round(r.right)}`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 10)};
}"""

# Table cells, and the badges, notes and links in them, with text smaller than the minimum.
SMALL_TABLE_TEXT = """(min) => {
  const found = new Set();
  for (const e of document.querySelectorAll(".md-typeset table, .md-typeset table *")) {
    const text = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!text || e.closest("code")) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size < min) found.add(`${e.tagName.toLowerCase()}.${String(e.className).split(" ")[0]} ${size}px`);
  }
  return [...found];
}"""


def overflow(page):
    result = page.evaluate(OVERFLOW)
    assert result["scrollWidth"] <= result["width"], result
    return result["found"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_nothing_is_wider_than_a_phone(phone, site_url, path, lang):
    phone.goto(site_url + LANGS[lang] + path)
    assert phone.locator(".md-typeset").count() > 0
    assert overflow(phone) == []
    assert phone.evaluate(SMALL_TABLE_TEXT, MIN_TABLE_TEXT_PX) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_the_checker_is_one_tap_away(phone, site_url, path, lang):
    phone.goto(site_url + LANGS[lang] + path)
    link = phone.locator(".md-banner a")
    assert link.count() == 1 and link.is_visible()
    box = link.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"]      # on the first screen, without scrolling
    link.click()
    assert phone.url == site_url + LANGS[lang] + "checker/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_calls_to_the_checker_near_the_top(phone, site_url, lang):
    phone.goto(site_url + LANGS[lang])
    button = phone.locator(".md-content a.md-button--primary[href$='checker/']")
    assert button.count() == 1
    assert button.bounding_box()["y"] < PHONE["height"]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_axe_at_both_sizes(browser, site_url, path, lang, size):
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.goto(site_url + LANGS[lang] + path)
    assert blocking_violations(page) == []
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_checker_result_fits_a_phone(phone, site_url, lang):
    phone.set_default_timeout(60_000)
    phone.goto(site_url + LANGS[lang] + "checker/")
    wait_ready(phone)
    assert phone.locator(".md-banner a").count() == 0          # the checker does not link to itself
    answer_initial_filing(phone, province="44")
    phone.fill("#icp-website-domains", "example.com")
    wait_settled(phone)
    rules = phone.locator("#icp-checker .icp-result__table")
    rules.first.wait_for()
    # "What applies" and the sources get the screen's width: every cell within it
    cells = rules.first.locator("td")
    assert cells.count() > 0
    for box in (cells.nth(i).bounding_box() for i in range(min(cells.count(), 12))):
        assert box["width"] > PHONE["width"] / 2
    assert overflow(phone) == []
    assert phone.evaluate(SMALL_TABLE_TEXT, MIN_TABLE_TEXT_PX) == []
    assert blocking_violations(phone) == []
    phone.set_viewport_size(DESKTOP)
    wait_transitions(phone)
    assert blocking_violations(phone) == []
