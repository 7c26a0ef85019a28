"""Tests for checker.validators.psb_number.

Examples are the published numbers quoted in domain-facts §3 (Baidu's
京公网安备 11000002000001号; mi.com's 11010802020134) and the irregular
strings reported there.
"""

import pytest

from checker.validators import InvalidFormat, InvalidLength, psb_number as psb


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize(
    "raw", ["京公网安备 11000002000001号", "11000002000001", "京公网安备11010802020134号", "©2024 京公网安备 11010802020134号"]
)
def test_real_numbers(raw):
    assert psb.is_valid(raw)
    assert len(psb.compact(raw)) == 14
    assert psb.check(raw, province_code="11") == []


def test_parse_prefix():
    assert psb.parse("京公网安备 11000002000001号") == {"prefix": "京", "digits": "11000002000001"}
    assert psb.parse("11000002000001")["prefix"] is None


def test_footer_url():
    assert psb.footer_url("京公网安备 11000002000001号") == "https://beian.mps.gov.cn/#/query/webSearch?code=11000002000001"
    with pytest.raises(InvalidFormat):
        psb.footer_url("no digits")


@pytest.mark.parametrize("raw,count", [("浙备3301000000001号", 13), ("110104734773474323", 18)])
def test_irregular_lengths_are_warnings(raw, count):
    findings = psb.check(raw)
    assert codes(findings) == ["psb_number.length_unusual"]
    assert findings[0].severity == "warning"
    assert findings[0].param("count") == count
    with pytest.raises(InvalidLength):
        psb.validate(raw)


def test_far_off_length_is_error():
    assert codes(psb.check("12345")) == ["psb_number.length"]
    assert codes(psb.check("1" * 30)) == ["psb_number.length"]


def test_no_digits_is_error():
    assert codes(psb.check("京公网安备")) == ["psb_number.format"]


def test_area_outside_filing_province_is_warning():
    findings = psb.check("11000002000001", province_code="44")
    assert codes(findings) == ["psb_number.area_province"]
    assert findings[0].severity == "warning"


def test_unknown_area_is_warning():
    assert codes(psb.check("99000002000001")) == ["psb_number.area_unknown"]


def test_irregular_and_other_province_both_reported():
    assert codes(psb.check("浙备3301000000001号", province_code="11")) == [
        "psb_number.length_unusual", "psb_number.area_province"
    ]


@pytest.mark.parametrize("raw,char", [("京公网安备 1101080202013A号", "A"), ("11010802020134-", "-"),
                                      ("京公网安备 11010802.020134号", ".")])
def test_a_stray_character_is_an_error_and_never_dropped(raw, char):
    findings = psb.check(raw)
    assert [f.code for f in findings] == ["psb_number.stray"] and findings[0].severity == "error"
    assert f"“{char}”" in findings[0].message_en
    assert not psb.is_valid(raw)


@pytest.mark.parametrize("raw", ["京公网安备 110108020201345号", "1101080202013", "1100000200000"])
def test_a_stray_or_missing_digit_is_an_error_unless_real_numbers_have_that_length(raw):
    findings = psb.check(raw)
    if len(psb.compact(raw)) in psb.TOLERATED_DIGITS:
        assert [f.code for f in findings][0] == "psb_number.length_unusual"
    else:
        assert [f.code for f in findings] == ["psb_number.length"] and findings[0].severity == "error"
