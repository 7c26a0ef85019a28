"""Tests for checker.validators.website_name.

The rule values below are fixtures shaped like the generated data (drawn
from the words listed in domain-facts §7); the module itself holds none.
"""

import pytest

from checker.validators import InvalidComponent, InvalidLength, website_name as wn

RULES = {
    "min_length": 3,
    "max_length": 10,
    "forbidden_prefixes": ["中国", "中华", "全国"],
    "banned_personal_words": ["论坛", "工作室"],
    "preapproval_keywords": {"新闻": "news", "医疗": "medical"},
    "required_suffixes_personal": ["的博客", "的个人主页"],
    "sensitive_words": ["赌博"],
}


def codes(findings):
    return [f.code for f in findings]


def test_good_organisation_name():
    assert wn.check("某某科技官网", entity_kind="organisation", rules=RULES, domain="example.com") == []
    assert wn.is_valid("某某科技官网", rules=RULES)


def test_good_personal_name():
    assert wn.check("前端经验分享的博客", entity_kind="individual", rules=RULES) == []


def test_no_rules_no_policy_checks():
    assert wn.check("博客") == []


def test_counted_length_ignores_spaces_and_allowed_symbols():
    assert wn.counted_length("A-B (C)·D") == 4
    assert wn.counted_length("前端 经验") == 4


def test_too_short_is_error():
    findings = wn.check("小站", rules=RULES)
    assert codes(findings) == ["website_name.too_short"]
    assert findings[0].severity == "error"
    with pytest.raises(InvalidLength):
        wn.validate("小站", rules=RULES)


def test_too_long_is_warning():
    findings = wn.check("一二三四五六七八九十十一", rules=RULES)
    assert codes(findings) == ["website_name.too_long"]
    assert findings[0].severity == "warning"


def test_only_digits_and_only_latin():
    assert codes(wn.check("12345")) == ["website_name.only_digits"]
    assert codes(wn.check("My Site")) == ["website_name.only_latin"]
    assert codes(wn.check("ａｂｃ")) == ["website_name.only_latin"]  # full-width letters


def test_latin_and_digits_without_chinese_is_warning():
    findings = wn.check("abc123")
    assert codes(findings) == ["website_name.no_chinese"]
    assert findings[0].severity == "warning"


@pytest.mark.parametrize("name,domain", [("example.com", "example.com"), ("Example", "www.example.com"), ("例子", "例子.中国")])
def test_equals_domain(name, domain):
    assert "website_name.equals_domain" in codes(wn.check(name, domain=domain))


def test_equals_registrable_label_with_suffixes():
    found = codes(wn.check("示例", domain="www.示例.com.cn", suffixes={"com.cn", "cn"}))
    assert found == ["website_name.equals_domain"]


def test_different_from_domain():
    assert "website_name.equals_domain" not in codes(wn.check("示例科技", domain="example.com"))


def test_forbidden_prefix_for_non_state_only():
    assert codes(wn.check("中国美食地图", rules=RULES)) == ["website_name.forbidden_prefix"]
    assert wn.check("中国美食地图", rules=RULES, state_entity=True) == []
    with pytest.raises(InvalidComponent):
        wn.validate("中国美食地图", rules=RULES)


def test_banned_personal_word_only_for_individuals():
    findings = wn.check("摄影爱好论坛的博客", entity_kind="individual", rules=RULES)
    assert codes(findings) == ["website_name.banned_personal_word"]
    assert findings[0].param("word") == "论坛"
    assert wn.check("摄影爱好论坛", entity_kind="organisation", rules=RULES) == []


def test_preapproval_keyword_is_warning_with_category():
    findings = wn.check("城市新闻网", rules=RULES)
    assert codes(findings) == ["website_name.preapproval_keyword"]
    assert findings[0].severity == "warning"
    assert findings[0].param("category") == "news"


def test_required_personal_suffix_is_warning():
    findings = wn.check("旅行日记分享", entity_kind="individual", rules=RULES)
    assert codes(findings) == ["website_name.personal_suffix"]
    assert findings[0].severity == "warning"


def test_sensitive_word_is_warning():
    assert codes(wn.check("反对赌博宣传", rules=RULES)) == ["website_name.sensitive_word"]


def test_special_characters():
    findings = wn.check("美食★地图")
    assert codes(findings) == ["website_name.special_chars"]
    assert "★" in findings[0].message_en
    assert wn.check("张三·摄影（作品）-集") == []


def test_empty_and_only_symbols():
    assert codes(wn.check("")) == ["website_name.empty"]
    assert codes(wn.check("---")) == ["website_name.empty"]
    assert codes(wn.check(None)) == ["website_name.empty"]


def test_malformed_rules_are_ignored():
    bad = {"min_length": "3", "forbidden_prefixes": "中国", "preapproval_keywords": ["新闻"], "sensitive_words": [None, 3]}
    assert wn.check("中国新闻", rules=bad) == []
    assert wn.check("中国新闻", rules=["not", "a", "dict"]) == []
