"""Tests for checker.validators.ios_bundle_id."""

import pytest
from hypothesis import given, settings

from checker.validators import InvalidFormat, ios_bundle_id
from tests.checker.validators.test_android_package import SOME_TEXT, assert_field_kind, assert_never_raises, codes

# Real bundle IDs of App Store apps, as listed with their App Store IDs in
# github.com/WengYuehTing/iOS-app-info README.md and in
# github.com/zai-org/Open-AutoGLM phone_agent/config/apps_ios.py.
REAL = [
    "com.tencent.xin",             # 微信, App Store id414478124
    "com.alipay.iphoneclient",     # 支付宝, id333206289
    "com.taobao.taobao4iphone",    # 淘宝, id387682726
    "com.ss.iphone.ugc.Aweme",     # 抖音, id1142110895
    "com.sina.weibo",              # 微博, id350962117
    "com.360buy.jdmobile",         # 京东 (a part starting with a digit)
    "com.115.personal",            # 115
    "com.luojilab.LuoJiFM-IOS",    # 得到 (a hyphen)
    "me.ele.ios.eleme",            # 饿了么
    "ctrip.com",                   # 携程
    "cn.com.95599.iphone",         # 中国农业银行
    "cmb.pb",                      # 招商银行
    "com.laiwang.DingTalk",        # 钉钉
    "m.qidian.QDReaderAppStore",   # 起点读书
]
# Real bundle IDs without a dot (same README): valid, but not reverse-DNS.
REAL_SINGLE = ["youdaoPro", "SuningEMall", "yyvoice"]


@pytest.mark.parametrize("bundle", REAL)
def test_real_bundle_ids_pass(bundle):
    assert ios_bundle_id.is_valid(bundle)
    assert ios_bundle_id.check(bundle) == []
    assert ios_bundle_id.format(" " + bundle + "\t") == bundle


@pytest.mark.parametrize("bundle", REAL_SINGLE)
def test_real_single_part_bundle_ids_only_warn(bundle):
    assert ios_bundle_id.is_valid(bundle)
    findings = ios_bundle_id.check(bundle)
    assert codes(findings) == ["ios_bundle_id.not_reverse_dns"]
    assert findings[0].severity == "warning"


def test_format_round_trip_keeps_case():
    formatted = ios_bundle_id.format("com.ss.iphone.ugc.Aweme")
    assert formatted == "com.ss.iphone.ugc.Aweme"
    assert ios_bundle_id.format(formatted) == ios_bundle_id.compact(formatted) == formatted
    assert ios_bundle_id.format("ｃｏｍ．ｔｅｎｃｅｎｔ．ｘｉｎ") == "com.tencent.xin"


@pytest.mark.parametrize("bundle,chars", [
    ("com.my_app", "_"),            # fine on Android, not on iOS
    ("com.tencent xin", "U+0020"),
    ("com.tencent.xin/", "/"),
    ("微信", "微 信"),
])
def test_characters(bundle, chars):
    with pytest.raises(InvalidFormat):
        ios_bundle_id.validate(bundle)
    findings = ios_bundle_id.check(bundle)
    assert codes(findings) == ["ios_bundle_id.format"]
    assert findings[0].param("chars") == chars and findings[0].severity == "error"


@pytest.mark.parametrize("bundle", ["com.example.*", "*", "ABCDE12345.com.example.*"])
def test_wildcard_app_id(bundle):
    assert codes(ios_bundle_id.check(bundle)) == ["ios_bundle_id.wildcard"]


@pytest.mark.parametrize("bundle", ["com..tencent.xin", ".com.tencent.xin", "com.tencent.xin."])
def test_empty_parts_warn(bundle):
    assert ios_bundle_id.is_valid(bundle)
    findings = ios_bundle_id.check(bundle)
    assert codes(findings) == ["ios_bundle_id.empty_segment"] and findings[0].severity == "warning"


def test_team_id_prefix_warns_with_the_bundle_id():
    findings = ios_bundle_id.check("ABCDE12345.com.tencent.xin")
    assert codes(findings) == ["ios_bundle_id.team_prefix"]
    assert findings[0].param("prefix") == "ABCDE12345" and findings[0].param("bundle") == "com.tencent.xin"


@pytest.mark.parametrize("bundle", ["ABCDEFGHIJ.com.example", "1234567890.com.example", "ABCDE12345.app"])
def test_no_team_prefix_warning_without_its_shape(bundle):
    assert "ios_bundle_id.team_prefix" not in codes(ios_bundle_id.check(bundle))


@pytest.mark.parametrize("value", ["", " ", None])
def test_empty(value):
    assert codes(ios_bundle_id.check(value)) == ["ios_bundle_id.empty"]


def test_api_field_kind():
    assert_field_kind("ios-bundle-id", "com.alipay.iphoneclient", "com.alipay.iphoneclient", "com.example.*")


@settings(max_examples=300, deadline=None)
@given(SOME_TEXT)
def test_check_never_raises(value):
    findings = assert_never_raises(ios_bundle_id, value)
    assert all(f.code.startswith(("ios_bundle_id.", "checker.")) for f in findings)
