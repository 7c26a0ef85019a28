"""The site search answers in the page's language, finds the words readers
type (province_data/search_synonyms.yaml) and ranks the reader's guidance
above the developer reference."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DEVELOPER_PAGES = ("/application-format/", "/maintainers/", "/command-line/", "/page-api/", "/deploy/")


def search(page, url, words):
    """The result links, best first, of a search for `words` on the page at `url`."""
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(words)
    box.press("End")  # Material searches on input events
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


@pytest.mark.parametrize("words", ["备案", "法人"])
def test_chinese_search_returns_chinese_pages(page, site_url, words):
    links = search(page, site_url + "/zh/", words)
    assert links
    assert all(link.startswith(site_url + "/zh/") for link in links), links[:5]


def test_everyday_word_finds_the_official_term(page, site_url):
    """法人 is what readers say; the pages say 法定代表人."""
    search(page, site_url + "/zh/compare/", "法人")
    # A source whose own title says 法人 (a legal person, e.g. GB 32100) may come first, ranked low as it is;
    # the sections on 法定代表人, which never say 法人, must follow right after.
    top = page.locator(".md-search-result__item").all_inner_texts()[:3]
    assert any("法定代表人" in text for text in top), top


def test_english_search_returns_english_pages(page, site_url):
    links = search(page, site_url + "/compare/", "上海")
    assert links
    assert not [link for link in links if "/zh/" in link], links[:5]


def test_residence_permit_finds_reader_guidance_first(page, site_url):
    links = search(page, site_url + "/", "residence permit")
    assert links and not any(p in links[0] for p in DEVELOPER_PAGES), links[:5]
    assert not [link for link in links if "/zh/" in link], links[:5]


def test_search_results_open_pages_that_exist(page, site_url):
    links = search(page, site_url + "/zh/provinces/", "居住证")
    response = page.goto(links[0])
    assert response.status == 200 and "/zh/" in page.url
