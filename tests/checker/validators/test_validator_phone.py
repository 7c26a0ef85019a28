"""Tests for checker.validators.phone (syntax of mainland numbers).

Numbers are made-up examples of the documented shapes.
"""

import pytest

from checker.validators import InvalidComponent, InvalidFormat, phone


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize(
    "raw",
    ["13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "+8613800138000",
     "0086 13800138000", "8613800138000", "１３８００１３８０００"],
)
def test_mobile_forms(raw):
    assert phone.compact(raw) == "13800138000"
    assert phone.classify(raw) == "mobile"
    assert phone.check(raw, kind="mobile") == []


def test_mobile_format():
    assert phone.format("+86 13800138000") == "138 0013 8000"


@pytest.mark.parametrize("raw", ["12800138000", "1380013800", "138001380000"])
def test_bad_mobile(raw):
    findings = phone.check(raw, kind="mobile")
    assert codes(findings) == ["phone.mobile_format"]
    assert findings[0].severity == "error"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("010-12345678", "010-12345678"),
        ("0571 8888 8888", "0571-88888888"),
        ("(0571) 8888888", "0571-8888888"),
        ("+86 10 1234 5678", "010-12345678"),
        ("010-12345678-123", "010-12345678-123"),
        ("010-12345678转123", "010-12345678-123"),
        ("020 8888 8888 ext. 9", "020-88888888-9"),
    ],
)
def test_landline_forms(raw, expected):
    assert phone.compact(raw) == expected
    assert phone.classify(raw) == "landline"
    assert phone.check(raw, kind="landline") == []
    assert phone.check(raw) == []


def test_landline_where_mobile_required():
    findings = phone.check("010-12345678", kind="mobile")
    assert codes(findings) == ["phone.mobile_expected"]
    with pytest.raises(InvalidComponent):
        phone.validate("010-12345678", kind="mobile")


@pytest.mark.parametrize("raw", ["010-123456", "011-12345678", "0571-888888888888"])
def test_bad_landline(raw):
    assert codes(phone.check(raw, kind="landline")) == ["phone.landline_format"]


def test_missing_area_code_is_warning():
    findings = phone.check("88888888")
    assert codes(findings) == ["phone.no_area_code"]
    assert findings[0].severity == "warning"


def test_service_number_is_warning():
    assert phone.classify("400-123-4567") == "service"
    assert phone.format("4001234567") == "400-123-4567"
    assert codes(phone.check("400-123-4567")) == ["phone.service_number"]
    assert codes(phone.check("400-123-4567", kind="mobile")) == ["phone.mobile_format"]


def test_foreign_number_is_warning():
    findings = phone.check("+852 9123 4567")
    assert codes(findings) == ["phone.not_mainland"]
    assert findings[0].severity == "warning"


def test_mobile_with_trunk_zero_is_warning():
    findings = phone.check("013800138000")
    assert codes(findings) == ["phone.mobile_leading_zero"]
    assert findings[0].param("number") == "13800138000"


def test_garbage_is_error():
    with pytest.raises(InvalidFormat):
        phone.validate("call me")
    assert codes(phone.check("call me")) == ["phone.format"]
    assert codes(phone.check(None)) == ["phone.empty"]


def test_unknown_kind_is_treated_as_any():
    assert phone.check("13800138000", kind="fax") == []
