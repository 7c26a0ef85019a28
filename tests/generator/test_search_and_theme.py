"""The per-language search indexes, the synonyms, the language links and the
feedback links (generator/search.py, generator/theme.py), without MkDocs."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import yaml

from generator import search, theme
from tests.conftest import ROOT

LANGS = ["en", "zh"]


def entry(location, text, title="T"):
    return {"location": location, "title": title, "text": text}


def test_each_language_gets_its_own_entries_located_from_its_root():
    index = {"config": {"lang": LANGS}, "docs": [
        entry("", "home"), entry("compare/#a", "en"), entry("zh/", "首页"), entry("zh/compare/#a", "中文"),
        entry("zhejiang/", "a page whose name starts with zh")]}
    out = search.language_indexes(index, {}, LANGS)
    assert [d["location"] for d in out["en"]["docs"]] == ["", "compare/#a", "zhejiang/"]
    assert [d["location"] for d in out["zh"]["docs"]] == ["", "compare/#a"]
    assert [d["text"] for d in out["zh"]["docs"]] == ["首页", "中文"]
    assert out["zh"]["config"] == index["config"]


def test_synonyms_are_added_to_entries_that_have_the_term():
    synonyms = {"法定代表人": ["法人", "法人代表"], "residence permit": ["居住证"]}
    # jieba's zero-width spaces between words do not hide a term
    found = search.with_synonyms(entry("x", "<p>由\u200b法定代表人\u200b签字</p>"), synonyms)
    assert found["text"].endswith("<p>法人 法人代表</p>")
    assert search.with_synonyms(entry("x", "<p>A Residence Permit</p>"), synonyms)["text"].endswith("<p>居住证</p>")
    untouched = entry("x", "<p>营业执照</p>")
    assert search.with_synonyms(untouched, synonyms) == untouched


def test_a_word_already_there_is_not_added_again():
    synonyms = {"法定代表人": ["法人", "法人代表"]}
    once = search.with_synonyms(entry("x", "法定代表人，俗称法人"), synonyms)
    assert once["text"].endswith("<p>法人代表</p>")
    assert search.with_synonyms(once, synonyms) == once   # the build may split the index twice


def test_synonym_file_names_the_words_of_the_issue():
    synonyms = yaml.safe_load((ROOT / "province_data/search_synonyms.yaml").read_text(encoding="utf-8"))["synonyms"]
    assert "法人" in synonyms["法定代表人"]
    assert "居住证" in synonyms["residence permit"]


def test_head_alternates_are_language_roots_and_the_switcher_keeps_the_page():
    per_page = [{"name": "English", "lang": "en", "link": "/compare/"},
                {"name": "中文", "lang": "zh", "link": "/zh/compare/"}]
    switcher, head = theme.split_alternates(per_page)
    assert [a["link"] for a in switcher] == ["/compare/", "/zh/compare/"]
    assert [a["link"] for a in head] == ["./", "zh/"]   # page-relative through MkDocs' url filter
    assert per_page[1]["link"] == "/zh/compare/"   # not changed in place


def test_chinese_pages_load_the_chinese_index():
    assert theme.search_base("../..", "zh") == "../../zh/"
    assert theme.search_base("..", "zh") == "../zh/"
    assert theme.search_base("..", "en") == ".."


def test_error_pages_keep_their_links_at_the_asset_base():
    """The Chinese 404 page: base_url is /zh/ (for its search index), links stay at /."""
    import jinja2
    from mkdocs.utils.templates import script_tag_filter, url_filter
    env = jinja2.Environment()
    env.filters["url"] = theme.with_asset_base(url_filter)
    env.filters["script_tag"] = theme.with_asset_base(script_tag_filter)
    template = env.from_string("{{ base_url }} {{ 'assets/x.css' | url }} {{ 'assets/y.js' | script_tag }}")
    error_page = template.render(page=None, base_url="/zh/", **{theme.ASSET_BASE: "/"})
    assert error_page == '/zh/ /assets/x.css <script src="/assets/y.js"></script>'
    # without an asset base (every other page), MkDocs' filters as they are
    assert template.render(page=None, base_url="/zh/").split()[1] == "/zh/assets/x.css"


def test_feedback_link_carries_the_page_and_the_rule_only():
    url = theme.feedback_url("https://example.invalid/new?title={title}&body={body}", "zh",
                             "/zh/provinces/beijing/", "local_mobile")
    query = parse_qs(urlsplit(url).query)
    assert set(query) == {"title", "body"}
    words = theme.words("zh")
    assert query["title"] == [words["feedback_title_rule"].format(rule="local_mobile", page="/zh/provinces/beijing/")]
    assert "/zh/provinces/beijing/" in query["body"][0] and "local_mobile" in query["body"][0]


def test_feedback_link_as_mail():
    url = theme.feedback_url("mailto:fix@example.invalid?subject={title}&body={body}", "en", "/glossary/")
    assert url.startswith("mailto:fix@example.invalid?subject=Problem%20on%20%2Fglossary%2F&body=")


def test_mkdocs_yml_configures_the_feedback_target():
    template = theme.feedback_template()
    assert "{title}" in template and "{body}" in template
    assert template.startswith(("https://", "mailto:"))
