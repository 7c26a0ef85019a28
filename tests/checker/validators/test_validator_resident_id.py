"""Tests for checker.validators.resident_id (GB 11643-1999)."""

import datetime as dt

import pytest

from checker.validators import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, resident_id

TODAY = dt.date(2025, 6, 1)


def codes(findings):
    return [f.code for f in findings]


# Published example numbers (not real people's numbers):
PUBLISHED_VALID = [
    "11010519491231002X",  # GB 11643-1999 example (female); also bluesky335/IDCheck IDNumber_test.go "官方示例-女"
    "34052419800101001X",  # sndnvaps/CheckID_card README ("验证成功")
    "410326199507103197",  # jayknoxqu/id-number-util README (check digit 7)
]
# Invalid variants with their source or derivation.
PUBLISHED_INVALID_CHECKSUM = [
    "340524198001010013",  # sndnvaps/CheckID_card README ("验证失败")
    "410326199507103198",  # jayknoxqu/id-number-util README (verify_id -> False)
    "11010519491231001X",  # bluesky335/IDCheck IDNumber_test.go "错误数据"
]


@pytest.mark.parametrize("number", PUBLISHED_VALID)
def test_published_examples_are_valid(number):
    assert resident_id.validate(number, today=TODAY) == number
    assert resident_id.check(number, today=TODAY) == []


@pytest.mark.parametrize("number", PUBLISHED_INVALID_CHECKSUM)
def test_published_invalid_examples_fail_checksum(number):
    with pytest.raises(InvalidChecksum):
        resident_id.validate(number, today=TODAY)
    findings = resident_id.check(number, today=TODAY)
    assert codes(findings) == ["resident_id.checksum"]
    assert findings[0].severity == "error"


def test_check_character_table():
    assert resident_id.WEIGHTS == (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert resident_id.calc_check_char("11010519491231002") == "X"


def test_lowercase_x_and_spaces_are_compacted():
    assert resident_id.validate("110105 19491231 002x", today=TODAY) == "11010519491231002X"
    assert resident_id.compact("１１０１０５１９４９１２３１００２Ｘ") == "11010519491231002X"


def test_changed_digit_fails():
    assert codes(resident_id.check("11010519491231003X", today=TODAY)) == ["resident_id.checksum"]


def _with_check(first17):
    return first17 + resident_id.calc_check_char(first17)


@pytest.mark.parametrize("birth", ["19490230", "19491301", "19490000"])
def test_impossible_birth_date(birth):
    number = _with_check("110105" + birth + "002")
    with pytest.raises(InvalidComponent) as info:
        resident_id.validate(number, today=TODAY)
    assert info.value.code == "resident_id.birth_date"


def test_future_birth_date():
    number = _with_check("110105" + "20250602" + "002")
    assert codes(resident_id.check(number, today=TODAY)) == ["resident_id.birth_date"]
    # the same number is fine once that day has come
    assert resident_id.check(number, today=dt.date(2025, 6, 2)) == []


def test_birth_before_1900_is_rejected():
    # GB 11643's male example 440524188001010014 has a correct check digit
    # but an 1880 birth date (bluesky335/IDCheck "官方示例-男").
    assert resident_id.calc_check_char("44052418800101001") == "4"
    assert codes(resident_id.check("440524188001010014", today=TODAY)) == ["resident_id.birth_date"]


def test_bad_region():
    number = _with_check("990105" + "19491231" + "002")
    with pytest.raises(InvalidComponent):
        resident_id.validate(number, today=TODAY)
    finding = resident_id.check(number, today=TODAY)[0]
    assert finding.code == "resident_id.region" and finding.param("region") == "99"


@pytest.mark.parametrize("region,name", [("81", "香港"), ("82", "澳门"), ("83", "台湾")])
def test_residence_permit_numbers_are_accepted_with_info(region, name):
    number = _with_check(region + "0000" + "19900101" + "123")
    assert resident_id.is_valid(number, today=TODAY)
    assert resident_id.is_residence_permit(number)
    findings = resident_id.check(number, today=TODAY)
    assert codes(findings) == ["resident_id.residence_permit"]
    assert findings[0].severity == "info" and name in findings[0].message_zh


def test_other_province_is_info_with_code():
    findings = resident_id.check("11010519491231002X", filing_province="44", today=TODAY)
    assert codes(findings) == ["resident_id.other_province"]
    assert findings[0].severity == "info"
    assert findings[0].param("other") == "11"
    # The region's name comes from labels.yaml in each language.
    assert "Beijing" in findings[0].message_en and "北京市" in findings[0].message_zh


def test_same_province_no_finding():
    assert resident_id.check("11010519491231002X", filing_province="11", today=TODAY) == []


def test_malformed_filing_province_is_ignored():
    assert resident_id.check("11010519491231002X", filing_province=44, today=TODAY) == []
    assert resident_id.check("11010519491231002X", filing_province="guangdong", today=TODAY) == []


def test_legacy_15_digit_is_warning():
    findings = resident_id.check("110105491231002", today=TODAY)
    assert codes(findings) == ["resident_id.legacy_15"]
    assert findings[0].severity == "warning"
    assert not resident_id.is_valid("110105491231002", today=TODAY)


def test_format_and_length_errors():
    with pytest.raises(InvalidFormat):
        resident_id.validate("1101051949123100AX", today=TODAY)
    with pytest.raises(InvalidLength):
        resident_id.validate("1101051949", today=TODAY)
    assert codes(resident_id.check("1101051949", today=TODAY)) == ["resident_id.length"]
    assert codes(resident_id.check(None)) == ["resident_id.empty"]


def test_non_ascii_digits_are_not_accepted():
    arabic_indic = "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X"
    assert not resident_id.is_valid(arabic_indic, today=TODAY)


def test_helpers():
    assert resident_id.birth_date("11010519491231002X") == dt.date(1949, 12, 31)
    assert resident_id.province_code("11010519491231002X") == "11"
    assert resident_id.age_on("11010519491231002X", dt.date(2024, 12, 30)) == 74
    assert resident_id.age_on("11010519491231002X", dt.date(2024, 12, 31)) == 75


def test_today_accepts_iso_string_and_datetime():
    number = _with_check("110105" + "20250602" + "002")
    assert resident_id.is_valid(number, today="2025-06-02")
    assert resident_id.is_valid(number, today=dt.datetime(2025, 6, 2, 8, 0))
    assert not resident_id.is_valid(number, today="2025-06-01")
