"""Tests for checker.validators.android_package (Android application IDs)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import api
from checker.validators import InvalidComponent, InvalidFormat, ValidationError, android_package

# Real package names of apps on the Chinese market, as published in
# github.com/zai-org/Open-AutoGLM phone_agent/config/apps.py (app-launcher table)
# and github.com/nightfall-w/mobileAgent app_package.py; com.UCMobile and
# air.tv.douyu.android from github.com/yxwang0105/MobilePhoneManager
# app/src/main/java/resource/ProgrammePackageName.java.
REAL = [
    "com.tencent.mm",               # 微信
    "com.eg.android.AlipayGphone",  # 支付宝 (upper case)
    "com.ss.android.ugc.aweme",     # 抖音
    "com.taobao.taobao",            # 淘宝
    "com.sina.weibo",               # 微博
    "com.tencent.mobileqq",         # QQ
    "com.jingdong.app.mall",        # 京东
    "com.xunmeng.pinduoduo",        # 拼多多
    "me.ele",                       # 饿了么 (two parts)
    "ctrip.android.view",           # 携程
    "com.MobileTicket",             # 铁路12306
    "com.Qunar",                    # 去哪儿
    "com.baidu.BaiduMap",           # 百度地图
    "tv.danmaku.bili",              # 哔哩哔哩
    "com.miHoYo.hkrpg",             # 崩坏：星穹铁道
    "com.hunantv.imgo.activity",    # 芒果TV
    "com.yek.android.kfc.activitys",  # 肯德基
    "com.UCMobile",                 # UC浏览器
    "air.tv.douyu.android",         # 斗鱼
]

SOME_TEXT = st.one_of(st.text(max_size=80), st.text(alphabet="abcAZ019_.-* 。．ｃ", max_size=30),
                      st.none(), st.integers(), st.lists(st.text(max_size=5), max_size=3))


def codes(findings):
    return [f.code for f in findings]


def assert_never_raises(module, value, **context):
    """check() gives the same findings twice and none from the safety net; format() raises only ValidationError."""
    findings = module.check(value, **context)
    assert findings == module.check(value, **context)
    assert "checker.internal_error" not in codes(findings)
    try:
        module.format(value)
    except ValidationError:
        pass
    return findings


def assert_field_kind(kind, good, formatted, bad):
    """``icp-check field <kind>`` accepts ``good`` (shown as ``formatted``) and refuses ``bad``."""
    report = api.field(kind, good)
    assert report["usable"] and report["ok"] and report["value"] == formatted
    report = api.field(kind, bad)
    assert report["usable"] and not report["ok"] and report["value"] is None


@pytest.mark.parametrize("name", REAL)
def test_real_package_names_pass(name):
    assert android_package.is_valid(name)
    assert android_package.check(name) == []
    assert android_package.format(name) == name  # the case is kept


@pytest.mark.parametrize("name", REAL)
def test_format_round_trip(name):
    formatted = android_package.format("  " + name + " ")
    assert formatted == name
    assert android_package.format(formatted) == android_package.compact(formatted) == formatted


def test_full_width_input_is_folded():
    assert android_package.format("ｃｏｍ．ｔｅｎｃｅｎｔ．ｍｍ") == "com.tencent.mm"


@pytest.mark.parametrize("name,chars", [
    ("com.my-app", "-"),
    ("com.tencent mm", "U+0020"),
    ("com.tencent.mm/", "/"),
    ("微信", "微 信"),
    ("com.luojilab.LuoJiFM-IOS", "-"),  # a real iOS bundle ID, not an Android name
    ("com.example.*", "*"),
])
def test_characters(name, chars):
    with pytest.raises(InvalidFormat):
        android_package.validate(name)
    findings = android_package.check(name)
    assert codes(findings) == ["android_package.format"]
    assert findings[0].param("chars") == chars and findings[0].severity == "error"


@pytest.mark.parametrize("name", ["com..tencent", ".com.tencent", "com.tencent.mm.", "."])
def test_empty_segments(name):
    assert codes(android_package.check(name)) == ["android_package.empty_segment"]


@pytest.mark.parametrize("name", ["com", "AlipayGphone"])
def test_one_segment(name):
    assert codes(android_package.check(name)) == ["android_package.segments"]


@pytest.mark.parametrize("name,segment", [("com.1tencent.mm", "1tencent"), ("com._tencent", "_tencent"),
                                          ("9app.example", "9app")])
def test_segment_must_start_with_a_letter(name, segment):
    with pytest.raises(InvalidComponent):
        android_package.validate(name)
    findings = android_package.check(name)
    assert codes(findings) == ["android_package.segment_start"]
    assert findings[0].param("segment") == segment


@pytest.mark.parametrize("value", ["", "   ", None])
def test_empty(value):
    assert codes(android_package.check(value)) == ["android_package.empty"]


def test_messages_are_in_both_languages():
    finding = android_package.check("com.my-app")[0]
    assert "-" in finding.message_en and "-" in finding.message_zh


def test_api_field_kind():
    assert_field_kind("android-package", " com.eg.android.AlipayGphone", "com.eg.android.AlipayGphone", "com.my-app")


@settings(max_examples=300, deadline=None)
@given(SOME_TEXT)
def test_check_never_raises(value):
    findings = assert_never_raises(android_package, value)
    assert all(f.code.startswith(("android_package.", "checker.")) for f in findings)
