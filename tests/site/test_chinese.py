"""The Chinese edition: complete, free of English UI words, searchable by words inside sentences."""
import json
import re

import yaml

from tests.conftest import ROOT

NAV_WORDS = ("Guidance", "Reference", "For developers", "Provinces compared", "Printable checklists", "Search")


def html_pages(site, zh: bool):
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")):
            continue
        if rel.startswith("zh/") == zh:
            yield rel, page


def test_every_page_has_a_twin(built_site):
    en = {rel for rel, _ in html_pages(built_site, zh=False)}
    zh = {rel[3:] for rel, _ in html_pages(built_site, zh=True)}
    assert en == zh, f"only English: {sorted(en - zh)[:10]}; only Chinese: {sorted(zh - en)[:10]}"


def test_no_english_ui_strings_on_chinese_pages(built_site):
    labels = yaml.safe_load((ROOT / "province_data/labels.yaml").read_text(encoding="utf-8"))
    english = {v["en"] for v in labels["ui"].values() if len(v["en"].split()) >= 2}
    english |= {v["en"] for group in labels["enums"].values() for v in group.values() if len(v["en"].split()) >= 2}
    english |= set(NAV_WORDS)
    found = []
    for rel, page in html_pages(built_site, zh=True):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"<(script|style|pre|code)\b.*?</\1>", "", text, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", text)
        found += [f"{rel}: {w!r}" for w in english if w in visible]
    assert not found, "\n".join(found[:30])


def test_chinese_words_inside_sentences_are_searchable(built_site):
    # The Chinese pages' own index (generator/search.py), located from /zh/.
    index = json.loads((built_site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    zh_docs = index["docs"]
    assert zh_docs and not [d for d in zh_docs if d["location"].startswith("zh/")]
    english = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert english and not [d for d in english if d["location"].startswith("zh/")]
    tokens = set()
    for doc in zh_docs:
        tokens.update(t for t in separator.split(doc["text"]) if t)
    # Words that occur only in the middle of sentences of the Chinese pages.
    for word in ("居住证", "法定代表人", "短信", "实名"):
        assert word in tokens, f"{word} is not a search token; is jieba installed?"


def switcher_target(site, page, lang):
    text = page.read_text(encoding="utf-8")
    links = {code: href for href, code in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', text)}
    href = links[lang]
    return (site / href.lstrip("/")).resolve() if href.startswith("/") else (page.parent / href).resolve()


def test_language_switcher_stays_on_the_same_page(built_site):
    for rel, page in html_pages(built_site, zh=False):
        target = switcher_target(built_site, page, "zh")
        assert target == (built_site / "zh" / rel).parent.resolve(), rel
        assert switcher_target(built_site, target / "index.html", "en") == page.parent.resolve(), rel


def test_search_snippets_of_tables_keep_cells_apart_and_leave_out_headers(built_site):
    # generator/search_tables.py: a table's header is not indexed and each cell is a paragraph.
    for index_path, header, cell in (("search/search_index.json", "Province Rule Status", "<p>Beijing</p>"),
                                     ("zh/search/search_index.json", "省份", "<p>\u200b北京市\u200b</p>")):
        docs = json.loads((built_site / index_path).read_text(encoding="utf-8"))["docs"]
        rows = [d for d in docs if d["location"].endswith("#compare-local-mobile")]
        assert len(rows) == 1, index_path
        assert rows[0]["text"].startswith(cell) and header not in rows[0]["text"]
    page = (built_site / "compare/index.html").read_text(encoding="utf-8")
    assert "<thead data-search-exclude" in page
