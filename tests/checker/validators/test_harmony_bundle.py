"""Tests for checker.validators.harmony_bundle (HarmonyOS bundleName)."""

import pytest
from hypothesis import given, settings

from checker.validators import InvalidComponent, InvalidFormat, InvalidLength, harmony_bundle
from tests.checker.validators.test_android_package import SOME_TEXT, assert_field_kind, assert_never_raises, codes

# Real bundle names of HarmonyOS apps, as read from devices with hdc in
# github.com/zai-org/Open-AutoGLM phone_agent/config/apps_harmonyos.py; the
# last two are the examples of OpenHarmony's app.json5 documentation.
REAL = [
    "com.tencent.wechat",           # 微信
    "com.tencent.mqq",              # QQ
    "com.sina.weibo.stage",         # 微博
    "com.taobao.taobao4hmos",       # 淘宝
    "com.jd.hm.mall",               # 京东
    "com.xunmeng.pinduoduo.hos",    # 拼多多
    "com.xingin.xhs_hos",           # 小红书 (underscore inside a part)
    "com.ss.hm.ugc.aweme",          # 抖音
    "com.alipay.mobile.client",     # 支付宝
    "yylx.danmaku.bili",            # bilibili
    "com.chinarailway.ticketingHM",  # 铁路12306 (upper case)
    "com.alibaba.wireless_hmos",    # 阿里巴巴
    "cn.wps.mobileoffice.hap",      # WPS
    "cn.gov.chinatax.gt4.hm",       # 国家税务总局
    "com.huawei.hmos.settings",     # 设置
    "com.ohos.contacts",            # 联系人
    "com.example.demo",
    "com.application.myapplication",
]


@pytest.mark.parametrize("name", REAL)
def test_real_bundle_names_pass(name):
    assert harmony_bundle.is_valid(name)
    assert harmony_bundle.check(name) == []
    formatted = harmony_bundle.format(" " + name + " ")
    assert formatted == name
    assert harmony_bundle.format(formatted) == harmony_bundle.compact(formatted) == formatted


def test_a_later_part_may_start_with_a_digit():
    assert harmony_bundle.check("com.12306.app") == []


@pytest.mark.parametrize("name,chars", [("com.example-app.demo", "-"), ("com.example.demo app", "U+0020"),
                                        ("鸿蒙.example.demo", "鸿 蒙")])
def test_characters(name, chars):
    with pytest.raises(InvalidFormat):
        harmony_bundle.validate(name)
    findings = harmony_bundle.check(name)
    assert codes(findings) == ["harmony_bundle.format"] and findings[0].param("chars") == chars


@pytest.mark.parametrize("name", ["1com.example.demo", "_com.example.demo", ".com.example.demo"])
def test_must_start_with_a_letter(name):
    with pytest.raises(InvalidComponent):
        harmony_bundle.validate(name)
    assert codes(harmony_bundle.check(name)) == ["harmony_bundle.start"]


@pytest.mark.parametrize("name,length", [("com.a", 5), ("a.b.cd", 6), ("com." + "a" * 125, 129)])
def test_length(name, length):
    with pytest.raises(InvalidLength):
        harmony_bundle.validate(name)
    findings = harmony_bundle.check(name)
    assert codes(findings) == ["harmony_bundle.length"] and findings[0].param("length") == length


def test_length_limits_are_inclusive():
    assert harmony_bundle.is_valid("a.b.cde")  # 7
    assert harmony_bundle.is_valid("com.example." + "a" * 116)  # 128


@pytest.mark.parametrize("name", ["com..example.demo", "com.example.demo."])
def test_empty_parts_warn(name):
    assert harmony_bundle.is_valid(name)  # valid under the rule before OpenHarmony 5.0.0.55
    findings = harmony_bundle.check(name)
    assert codes(findings) == ["harmony_bundle.empty_segment"] and findings[0].severity == "warning"


@pytest.mark.parametrize("name", ["com.example", "comexample"])
def test_fewer_than_three_parts_warns(name):
    assert harmony_bundle.is_valid(name)  # valid under the rule before OpenHarmony 5.0.0.55
    findings = harmony_bundle.check(name)
    assert codes(findings) == ["harmony_bundle.segments"] and findings[0].severity == "warning"


@pytest.mark.parametrize("name,segment", [("com.example_.demo", "example_"), ("com._example.demo", "_example"),
                                          ("com.example.demo_", "demo_"), ("com_.example.demo", "com_")])
def test_part_edges_warn(name, segment):
    findings = harmony_bundle.check(name)
    assert codes(findings) == ["harmony_bundle.segment_edge"]
    assert findings[0].param("segment") == segment and findings[0].severity == "warning"


def test_both_warnings_together():
    assert codes(harmony_bundle.check("example_.demo")) == ["harmony_bundle.segments",
                                                             "harmony_bundle.segment_edge"]


@pytest.mark.parametrize("value", ["", "\n", None])
def test_empty(value):
    assert codes(harmony_bundle.check(value)) == ["harmony_bundle.empty"]


def test_api_field_kind():
    assert_field_kind("harmony-bundle", "com.tencent.wechat", "com.tencent.wechat", "com.a")


@settings(max_examples=300, deadline=None)
@given(SOME_TEXT)
def test_check_never_raises(value):
    findings = assert_never_raises(harmony_bundle, value)
    assert all(f.code.startswith(("harmony_bundle.", "checker.")) for f in findings)
