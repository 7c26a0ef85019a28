"""The 404 page in each language: its words, its way home, its way to the other
language's home page, and no serious accessibility violation."""
from __future__ import annotations

import pytest
import yaml

from tests.browser.test_checker_a11y import blocking_violations
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

UI = yaml.safe_load((ROOT / "province_data/labels.yaml").read_text(encoding="utf-8"))["ui"]
# (the page, its language, the other language, that language's home page)
PAGES = [("/404.html", "en", "zh", "/zh/"), ("/zh/404.html", "zh", "en", "/")]


@pytest.mark.parametrize("path, lang, other, other_home", PAGES)
def test_not_found_page_speaks_its_language(page, site_url, path, lang, other, other_home):
    page.goto(site_url + path)
    assert page.get_attribute("html", "lang") == lang
    assert page.inner_text("article h1") == UI["not_found_title"][lang]
    # the header's language switcher goes to the other language's home page, not to some page
    switch = page.locator(f"a.md-select__link[hreflang={other}]")
    assert switch.evaluate("a => a.href") == site_url + other_home


@pytest.mark.parametrize("path, lang, other, other_home", PAGES)
def test_not_found_page_links_to_both_home_pages(page, site_url, path, lang, other, other_home):
    page.goto(site_url + path)
    page.get_by_role("link", name=UI["not_found_home"][lang], exact=True).click()
    page.wait_for_load_state()
    assert page.url == site_url + ("/" if lang == "en" else "/zh/")
    page.goto(site_url + path)
    page.locator(f"article a[hreflang={other}]").click()
    page.wait_for_load_state()
    assert page.url == site_url + other_home
    assert page.get_attribute("html", "lang") == other


@pytest.mark.parametrize("size", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}])
@pytest.mark.parametrize("path", ["/404.html", "/zh/404.html"])
def test_not_found_page_has_no_serious_violation(page, site_url, path, size):
    page.set_viewport_size(size)
    page.goto(site_url + path)
    assert blocking_violations(page) == []


@pytest.mark.parametrize("missing, lang, words", [("/zh/no-such-page/", "zh", "备案"),
                                                    ("/no-such-page/", "en", "filing")])
def test_not_found_page_searches_its_own_language(page, site_url, missing, lang, words):
    """Shown at any missing address, the page still searches its language's pages,
    and its styles (kept once, at the site root) still load."""
    from tests.browser.test_search_languages import search
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and r.url != site_url + missing else None)
    links = search(page, site_url + missing, words)
    assert page.get_attribute("html", "lang") == lang
    assert links
    in_chinese = [link.startswith(site_url + "/zh/") for link in links]
    assert all(in_chinese) if lang == "zh" else not any(in_chinese), links[:5]
    assert failed == []
    # Material's stylesheet applied: the header is laid out, not an unstyled list
    assert page.locator("header.md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
