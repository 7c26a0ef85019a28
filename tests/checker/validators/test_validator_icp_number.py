"""Tests for checker.validators.icp_number.

Real numbers are those quoted in domain-facts §1/§3 (public footers and
provider docs); prefix tables are fixtures shaped like the generated data.
"""

import pytest

from checker.validators import InvalidFormat, icp_number as icp

ALL_PREFIXES = {"京": "11", "蒙": "15", "浙": "33", "蜀": "51", "川": "51", "藏": "54", "陇": "62", "甘": "62"}
SICHUAN = ["蜀", "川"]

REAL = [
    "京ICP备15039648号-15",  # public code, domain-facts §1
    "蒙ICP备06004630号",  # domain-facts §1
    "蜀ICP备2026007879号-1",  # domain-facts §1
    "川ICP备09150084号",  # domain-facts §1 (older Sichuan prefix)
    "陇ICP备2021003158号-1",  # domain-facts §3
    "京ICP证030173号",  # Baidu, cited in HG-ha/ICP_Query README
    "京ICP证1900075号",  # domain-facts §3
    "京ICP证030173号-1",  # Baidu's site footer (baidu.com)
]
# Real numbers of apps, mini-programs and quick apps, and numbers filed under a
# value-added telecom licence, as issue 12 quotes them from public app-store and
# site footers; the letter after the sequence number marks the kind of service.
SERVICES = {
    "陕ICP备2024026116号-1A": "app", "苏ICP备2025175795号-1A": "app", "冀ICP备2022016663号-4A": "app",
    "京ICP备2022034770号-6X": "mini_program", "皖ICP备2024069565号-1X": "mini_program",
    "粤ICP备2024266252号-4K": "quick_app",
    "粤B2-20090059-5": "website", "粤B2-20090059-1626X": "mini_program", "浙B2-20080101-4": "website",
}
SUFFIXES = {"": "website", "A": "app", "X": "mini_program", "K": "quick_app"}  # shaped like the national rule
PREFIXES_MORE = {**ALL_PREFIXES, "陕": "61", "苏": "32", "冀": "13", "皖": "34", "粤": "44"}


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("number", REAL)
def test_real_numbers_parse(number):
    assert icp.is_valid(number)
    assert icp.format(number) == number
    assert icp.check(number, all_prefixes=ALL_PREFIXES) == []


def test_parse():
    assert icp.parse("京ICP备12345678号-1") == {
        "prefix": "京", "kind": "filing", "digits": "12345678", "site_seq": 1, "suffix": "", "is_entity_number": False,
    }
    assert icp.parse("粤B2-20090059-1626X") == {
        "prefix": "粤", "kind": "telecom_licence", "digits": "20090059", "site_seq": 1626, "suffix": "X",
        "is_entity_number": False,
    }
    assert icp.parse("京ICP证030173号")["kind"] == "licence"
    assert icp.parse("浙ICP备123456号")["is_entity_number"] is True


def test_spaces_full_width_and_case_are_compacted():
    assert icp.format("藏ICP备 07500042号") == "藏ICP备07500042号"
    assert icp.format("京 icp 备 １２３４５６７８ 号－１") == "京ICP备12345678号-1"
    assert icp.format("京ICP备12345678号–1") == "京ICP备12345678号-1"  # en dash


@pytest.mark.parametrize("bad", ["ICP备12345678号", "AICP备12345678号", "京ICP12345678号", "京ICP备号", "京ICP备12345678号-", "京公网安备11000002000001号"])
def test_format_errors(bad):
    with pytest.raises(InvalidFormat):
        icp.validate(bad)
    assert codes(icp.check(bad)) == ["icp_number.format"]


def test_unusual_digit_count_is_warning():
    findings = icp.check("京ICP备12345号")
    assert codes(findings) == ["icp_number.digit_count"]
    assert findings[0].severity == "warning"
    # ...but more digits than any number has mean a stray digit: an error.
    (extra,) = icp.check("京ICP备20220347701号-6")
    assert extra.code == "icp_number.digit_extra" and extra.severity == "error"


def test_missing_hao_is_warning():
    findings = icp.check("京ICP备12345678-1")
    assert codes(findings) == ["icp_number.missing_hao"]
    assert findings[0].param("number") == "京ICP备12345678号-1"


@pytest.mark.parametrize("number,service", SERVICES.items())
def test_real_numbers_of_every_kind_of_service_are_accepted_and_named(number, service):
    assert icp.format(number) == number
    findings = icp.check(number, all_prefixes=PREFIXES_MORE, suffixes=SUFFIXES, expected="website")
    assert codes(findings) == ["icp_number.service"] and findings[0].severity == "info"
    assert icp.service(number, SUFFIXES) == service
    assert icp.check(number, all_prefixes=PREFIXES_MORE, suffixes=SUFFIXES, service_expected=service)[0].severity \
        == "info"


def test_an_app_given_a_website_number_is_warned():
    findings = icp.check("京ICP备2022034770号-6", suffixes=SUFFIXES, service_expected="app")
    assert codes(findings) == ["icp_number.service_mismatch"] and findings[0].severity == "warning"
    assert "website" in findings[0].message_en and "App" in findings[0].message_zh


def test_an_unknown_service_letter_is_an_error_naming_the_known_ones():
    findings = icp.check("京ICP备2022034770号-6B", suffixes=SUFFIXES)
    assert codes(findings) == ["icp_number.suffix_unknown"] and findings[0].severity == "error"
    assert "mini-program" in findings[0].message_en and "小程序" in findings[0].message_zh


@pytest.mark.parametrize("number,char", [
    ("京ICP备20220347a0号-6", "A"), ("京ICP备2022034770号-6@", "@"), ("京ICP备2022034770号X-6", "X"),
    ("陕ICP备2024026116号-1A1", "A"), ("粤B2-2009O059-5", "O"), ("京ICP备2022034770号-6/", "/"),
])
def test_a_stray_character_is_an_error_naming_it(number, char):
    findings = icp.check(number)
    assert codes(findings) == ["icp_number.stray"] and findings[0].severity == "error"
    assert f"“{char}”" in findings[0].message_en


def test_prefix_of_other_province_is_error_naming_right_prefixes():
    findings = icp.check("京ICP备12345678号-1", province_prefixes=SICHUAN, all_prefixes=ALL_PREFIXES)
    assert codes(findings) == ["icp_number.prefix_province"]
    assert findings[0].severity == "error"
    assert "蜀" in findings[0].message_zh and "川" in findings[0].message_zh
    assert findings[0].param("other_province") == "11"


@pytest.mark.parametrize("number", ["蜀ICP备19026949号-1", "川ICP备15095485号-1"])
def test_both_sichuan_prefixes_accepted(number):
    assert icp.check(number, province_prefixes=SICHUAN, all_prefixes=ALL_PREFIXES) == []


def test_unknown_prefix_is_error_only_with_table():
    assert codes(icp.check("港ICP备12345678号-1", all_prefixes=ALL_PREFIXES)) == ["icp_number.prefix_unknown"]
    assert codes(icp.check("港ICP备12345678号-1", province_prefixes=SICHUAN, all_prefixes=ALL_PREFIXES)) == [
        "icp_number.prefix_unknown"
    ]
    assert icp.check("港ICP备12345678号-1") == []


def test_province_prefixes_without_table():
    assert codes(icp.check("京ICP备12345678号-1", province_prefixes=SICHUAN)) == ["icp_number.prefix_province"]


def test_entity_number_where_website_expected_is_info():
    findings = icp.check("浙ICP备123456号", expected="website")
    assert codes(findings) == ["icp_number.entity_number"]
    assert findings[0].severity == "info"
    assert "浙ICP备123456号-" in findings[0].message_zh


def test_website_number_where_entity_expected_is_info():
    assert codes(icp.check("浙ICP备123456号-1", expected="entity")) == ["icp_number.website_number"]


def test_kind_mismatch():
    assert codes(icp.check("京ICP备12345678号", expected="licence")) == ["icp_number.kind_mismatch"]
    assert codes(icp.check("京ICP证030173号", expected="website")) == ["icp_number.kind_mismatch"]


def test_empty():
    assert codes(icp.check("  ")) == ["icp_number.empty"]
