"""Chinese search in the browser: a word from inside a sentence finds its page."""
import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("word, page_path", [("居住证", "/zh/provinces/"), ("实名", "/zh/")])
def test_chinese_word_from_mid_sentence_finds_pages(page, site_url, word, page_path):
    page.goto(site_url + "/zh/compare/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(word)
    box.press("End")  # Material searches on input events; typing character by character does not start it
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert any(page_path in link for link in links), links
    assert all("/zh/" in link for link in links[:5]), "Chinese results come first from the Chinese pages"
