"""checker.words is the one place that puts values, ranges, thresholds and
citations into sentences, for the checker and the pages alike."""
import pytest

from checker import rules, words

THRESHOLD = next(s for s in rules.load()["steps"]["steps"] if s["id"] == "domain_certificate")


def test_a_threshold_of_one_is_every_submission():
    en = words.fill(THRESHOLD, "domain_certificate", [1], "en")
    zh = words.fill(THRESHOLD, "domain_certificate", [1], "zh")
    assert en == THRESHOLD["every"]["en"] and "1 or more" not in en
    assert zh == THRESHOLD["every"]["zh"] and "1个及以上" not in zh


def test_conflicting_thresholds_give_the_lowest_and_the_range_after_the_phrase():
    en = words.fill(THRESHOLD, "domain_certificate", [31, 32], "en")
    assert "31 or more domains" in en and "31–32 or more" not in en
    assert en.endswith("domains (sources differ: 31–32).")
    zh = words.fill(THRESHOLD, "domain_certificate", [32, 31], "zh")
    assert "31个及以上域名" in zh and zh.endswith("（各来源说法不一：31–32）。")


def test_conflicting_thresholds_that_include_one_are_every_submission_with_the_range():
    en = words.fill(THRESHOLD, "domain_certificate", [31, 32, 1], "en")
    assert en == THRESHOLD["every"]["en"][:-1] + " (sources differ: 1–32)."


def test_conflicting_numbers_are_one_range_in_any_order():
    assert words.values_text("provider_review_working_days", [1, 3, 2], "en") == "1–3"
    assert words.values_text("provider_review_working_days", [2, 2], "zh") == "2"


def test_a_repeated_publisher_and_year_is_cited_once_in_its_language():
    ids = ["jd_2018_supplementary", "jd_2018_provinces"]
    assert words.cite_text(ids, "en") == "JD Cloud 2018"
    assert words.cite_text(ids, "zh") == "京东云 2018"
    cited = words.cite(ids + ["tencent_2017_provinces"])
    assert cited["en"] == "JD Cloud 2018; Tencent Cloud 2017"
    assert cited["zh"] == "京东云 2018；腾讯云 2017"
    assert cited.ids == tuple(ids + ["tencent_2017_provinces"])


def test_a_citation_follows_the_phrase_and_precedes_the_full_stop():
    assert words.cited("Copies are not accepted.", "JD Cloud 2018", "en") == "Copies are not accepted (JD Cloud 2018)."
    assert words.cited("不接受复印件。", "京东云 2018", "zh") == "不接受复印件（京东云 2018）。"
    assert words.cited("30 日内", "", "zh") == "30 日内"


def test_statements_after_a_full_stop_are_not_joined_with_a_semicolon():
    assert words.sentences(["Copies are not accepted.", "A website plan"], "en") == \
        "Copies are not accepted. A website plan"
    assert words.sentences(["one", "two"], "en") == "one; two"
    assert words.sentences(["不接受复印件。", "网站建设方案"], "zh") == "不接受复印件。网站建设方案"


def test_chinese_sides_use_chinese_names_and_full_width_punctuation():
    entry = {"id": "psb_deadline_days", "checked": [],
             "claims_in_force": [{"value": 30, "sources": ["tencent_faq_psb", "jd_2018_psb"]}]}
    zh = words.sides(entry)["zh"]
    assert zh == "30（腾讯云；京东云 2018）"
    assert not any(c in zh for c in "(;,")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_checklists_say_values_as_the_checker_does(lang, dataset):
    """Printable checklists fill their steps with checker.words.fill: a threshold of
    several sources is the lowest with the range, a conflicting count is a range."""
    from generator.model import View
    from generator.render import Renderer
    renderer = Renderer(dataset)
    view = View(renderer.ds, lang)
    guangdong = next(p for p in renderer.provinces if p["code"] == "44")
    items = {i["id"]: i for ph in renderer.checklist(view, guangdong, "organisation", "../")[0] for i in ph["items"]}
    values = renderer.province_rule(view, guangdong, "domain_certificate", "../")["values"]
    assert len(set(values)) > 1   # Guangdong's sources differ on the threshold
    assert items["domain_certificate"]["text"] == words.fill(THRESHOLD, "domain_certificate", values, lang)
    assert " / " not in items["domain_certificate"]["text"]
    review = [i["text"] for i in items.values() if i["rule"] and i["rule"]["id"] == "provider_review_working_days"]
    assert review and "1–3" in review[0] and " / " not in review[0]


def test_values_that_all_apply_are_said_one_after_another_not_as_alternatives():
    texts = [{"en": "A signed commitment letter.", "zh": "签署的承诺书。"}, {"en": "A website plan", "zh": "网站建设方案"}]
    assert words.values_text("extra_documents", texts, "en", alternatives=False) == \
        "A signed commitment letter. A website plan"
    assert words.values_text("extra_documents", texts, "zh", alternatives=False) == "签署的承诺书。网站建设方案"


def test_conflicting_labels_read_as_one_sentence():
    """"Must be registered in this province or any mainland number" (issue 14's readable sentences)."""
    values = ["required", "not_required"]
    assert words.values_text("local_mobile", values, "en") == "Must be registered in this province or any mainland number"
    zh = [words.enum_label("local_mobile", v, "zh") for v in values]
    assert words.values_text("local_mobile", values, "zh") == words.punct("or", "zh").join(zh)
    # an acronym keeps its capitals
    assert words._continued("ICP number") == "ICP number" and words._continued("The app") == "the app"
