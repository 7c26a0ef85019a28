"""Tests for checker.validators.permits (travel permits and passports).

Numbers here are made-up shapes, not real documents.
"""

import pytest

from checker.validators import InvalidFormat, InvalidLength, permits


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("number", ["H12345678", "M12345678", "H1234567801", "h 1234 5678"])
def test_hk_macau_usual_shapes(number):
    assert permits.is_valid(number, kind="hk_macau_permit")
    assert permits.check(number, kind="hk_macau_permit") == []


def test_hk_macau_unusual_is_warning():
    findings = permits.check("K12345678", kind="hk_macau_permit")
    assert codes(findings) == ["permits.hk_macau_unusual"]
    assert findings[0].severity == "warning"


def test_hk_macau_impossible_is_error():
    with pytest.raises(InvalidLength):
        permits.validate("H12", kind="hk_macau_permit")
    assert codes(permits.check("H12", kind="hk_macau_permit")) == ["permits.hk_macau_format"]
    assert codes(permits.check("H1234*678", kind="hk_macau_permit")) == ["permits.hk_macau_format"]


def test_issuer():
    assert permits.issuer("H12345678") == "HK"
    assert permits.issuer("M12345678") == "MO"
    assert permits.issuer("12345678") is None


def test_taiwan_current_card():
    assert permits.check("12345678", kind="taiwan_permit") == []


def test_taiwan_old_booklet_is_warning():
    findings = permits.check("1234567890(B)", kind="taiwan_permit")
    assert codes(findings) == ["permits.taiwan_unusual"]
    assert findings[0].severity == "warning"


def test_taiwan_impossible_is_error():
    assert codes(permits.check("12", kind="taiwan_permit")) == ["permits.taiwan_format"]


def test_generic_passport():
    assert permits.check("X1234567", kind="passport") == []
    assert permits.compact("ab 123-4567") == "AB1234567"


@pytest.mark.parametrize("number", ["E12345678", "G12345678", "EA1234567"])
def test_chinese_passport_shape_is_info(number):
    findings = permits.check(number, kind="passport")
    assert codes(findings) == ["permits.passport_cn"]
    assert findings[0].severity == "info"


def test_passport_bad_characters_is_error():
    with pytest.raises(InvalidFormat):
        permits.validate("AB#12345", kind="passport")
    assert codes(permits.check("AB#12345", kind="passport")) == ["permits.passport_format"]


def test_passport_odd_length_is_warning():
    findings = permits.check("A12", kind="passport")
    assert codes(findings) == ["permits.passport_length"]
    assert findings[0].severity == "warning"


def test_unknown_kind_is_reported_not_raised():
    assert codes(permits.check("H12345678", kind="driving_licence")) == ["permits.kind_unknown"]
    assert codes(permits.check("H12345678", kind=["x"])) == ["permits.kind_unknown"]


def test_empty():
    assert codes(permits.check("", kind="passport")) == ["permits.empty"]
