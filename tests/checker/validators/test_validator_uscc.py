"""Tests for checker.validators.uscc (GB 32100-2015)."""

import pytest

from checker.validators import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, uscc


def codes(findings):
    return [f.code for f in findings]


# Real codes, copied from public sources (never generated):
# [S] python-stdnum, tests/test_cn_uscc.doctest ("These have been found online
#     and should all be valid numbers"), repo arthurdejong/python-stdnum,
#     commit 1ccbd3c434f5c29de9cc49fe108579efb9ecec7f.
# [B] bluesky335/IDCheck, USCI/USCI_test.go (commit 077dc675), company names
#     given there.
REAL_VALID = [
    "121200004013590816",  # [S] department 1 (机构编制), category 2 (事业单位)
    "91110000600037341L",  # [S]
    "91110000710926094P",  # [S]
    "91120224064012553U",  # [S]
    "911522010783710635",  # [S]
    "91152201078371135X",  # [S]
    "91310000631696382C",  # [S]
    "91310000797046224D",  # [S]
    "91310112087994932F",  # [S]
    "913101127033980359",  # [S]
    "91310115MA1K3BTP2B",  # [S]
    "91320214745555318W",  # [S]
    "913205056082348768",  # [S]
    "913304007429141869",  # [S]
    "91340600MA2PBM9HXD",  # [S]
    "913505007821784439",  # [S]
    "91371082775260043P",  # [S]
    "914112810713741814",  # [S]
    "91420684MA4927PJ7B",  # [S]
    "91440300568520498A",  # [S]
    "9144030071526726XG",  # [S]
    "9144060573144633XL",  # [S]
    "91442000696462712R",  # [S]
    "91620100719023721L",  # [S]
    "91620105L015101280",  # [S] letter in the subject identifier
    "92340602MA2PBMEM24",  # [S] category 2 (个体工商户)
    "92340621MA2UK3PJXE",  # [S]
    "91350100M000100Y43",  # [B] "官方示例"
    "9135010557098120XJ",  # [B] 福建百度博瑞网络科技有限公司
    "91120222MA06DG3067",  # [B] 天津云上畅游科技合伙企业（有限合伙）
    "91120222MA0699U071",  # [B] 天津锤子科技有限公司
    "91310000MA1K35Y38P",  # [B] 锤子科贸（上海）有限公司
    "91110108795101314G",  # [B] 谷歌信息技术（中国）有限公司
    "914403001922038216",  # [B] 华为技术有限公司
    "91330000704202479R",  # [B] 浙江小王子食品有限公司
    "91500105MA5UM6TF71",  # [B] 重庆云嘟嘟科技有限公司
    "913504001555807674",  # [B] 福建一建集团有限公司
    "9135020026015919XW",  # [B] 厦门象屿集团有限公司
    "913502006120495420",  # [B] 厦门中骏集团有限公司
]

# Early Fujian pilot codes: legal, but the check character does not follow
# GB 32100. Source: bluesky335/IDCheck README and USCI_test.go; also quoted
# in aarioai/id-rule chinese_org_id.go.
FUJIAN_PILOT = [
    "91350100M0001TGQXM",  # 福建恒跃柳工机械销售有限公司
    "91350211M0000XUF46",  # 厦门云上晴空航空科技有限公司
    "91350203M0001FUE2P",  # 厦门黑脉网络科技有限公司
]


def test_corpus_is_large_enough():
    assert len(set(REAL_VALID)) >= 20


@pytest.mark.parametrize("number", REAL_VALID)
def test_real_codes_are_valid_without_findings(number):
    assert uscc.validate(number) == number
    assert uscc.is_valid(number)
    assert uscc.check(number) == []


@pytest.mark.parametrize("number", FUJIAN_PILOT)
def test_fujian_pilot_codes_give_warning_not_error(number):
    assert uscc.calc_check_char(number[:17]) != number[17]  # really fails the checksum
    assert uscc.is_valid(number)
    findings = uscc.check(number)
    assert codes(findings) == ["uscc.pilot_checksum"]
    assert findings[0].severity == "warning"


def test_pilot_recognition_is_narrow():
    # Same shape but outside Fujian (area 11): a mistyped code stays an error.
    with pytest.raises(InvalidChecksum):
        uscc.validate("91110100M0001TGQXM")
    # Fujian "MA…" codes follow the standard, so a wrong check char is an error.
    bad = "91350100MA0001TGQ" + ("1" if uscc.calc_check_char("91350100MA0001TGQ") != "1" else "2")
    assert codes(uscc.check(bad)) == ["uscc.checksum"]


def test_weights_are_powers_of_three_mod_31():
    assert uscc.WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_compact_and_format_tolerate_spaces_hyphens_case_and_full_width():
    assert uscc.compact("91 110000 600037341l") == "91110000600037341L"
    assert uscc.compact("９１１１００００６０００３７３４１Ｌ") == "91110000600037341L"
    assert uscc.format("9111-0000-6000-3734-1L") == "91110000600037341L"


def test_changed_character_is_checksum_error():
    with pytest.raises(InvalidChecksum) as info:
        uscc.validate("91110000600037341N")
    assert info.value.code == "uscc.checksum"
    findings = uscc.check("91110000600037341N")
    assert codes(findings) == ["uscc.checksum"] and findings[0].severity == "error"


@pytest.mark.parametrize("department", ["A", "N", "Y"])
def test_departments_a_n_y_are_accepted(department):
    # Synthetic (not real) codes: department letter + a real code's remaining
    # characters, with the check character recomputed.
    body = department + "1110000600037341"
    number = body + uscc.calc_check_char(body)
    assert uscc.is_valid(number)
    assert uscc.check(number) == []


def test_unknown_department_is_error():
    body = "B1110000600037341"
    number = body + uscc.calc_check_char(body)
    with pytest.raises(InvalidComponent):
        uscc.validate(number)
    assert codes(uscc.check(number)) == ["uscc.department"]


def test_unknown_category_is_warning_only():
    body = "97110000600037341"  # department 9 (工商) has categories 1, 2, 3
    number = body + uscc.calc_check_char(body)
    assert uscc.is_valid(number)
    findings = uscc.check(number)
    assert codes(findings) == ["uscc.category_unknown"]
    assert findings[0].severity == "warning"


def test_unknown_area_is_warning_only():
    body = "91990000600037341"
    number = body + uscc.calc_check_char(body)
    assert codes(uscc.check(number)) == ["uscc.area_unknown"]


def test_central_area_code_is_not_reported():
    body = "11100000600037341"
    number = body + uscc.calc_check_char(body)
    assert uscc.check(number) == []


def test_letters_in_area_code_are_format_error():
    body = "9111A000600037341"
    number = body + uscc.calc_check_char(body)
    with pytest.raises(InvalidFormat):
        uscc.validate(number)
    assert codes(uscc.check(number)) == ["uscc.area_format"]


def test_forbidden_letters_are_format_error():
    with pytest.raises(InvalidFormat) as info:
        uscc.validate("9111000060003IOZSV")
    assert set(dict(uscc.check("9111000060003IOZSV")[0].params)["chars"]) == set("IOSVZ")
    assert info.value.code == "uscc.format"


def test_wrong_length_is_error():
    with pytest.raises(InvalidLength):
        uscc.validate("12345")
    assert codes(uscc.check("12345")) == ["uscc.length"]


def test_old_15_digit_registration_number_is_warning():
    findings = uscc.check("110000000000000")
    assert codes(findings) == ["uscc.legacy_number"]
    assert findings[0].severity == "warning"
    assert not uscc.is_valid("110000000000000")


def test_empty_and_non_text():
    assert codes(uscc.check(None)) == ["uscc.empty"]
    assert codes(uscc.check("   ")) == ["uscc.empty"]
    assert codes(uscc.check(["91110000600037341L"])) == ["checker.not_text"]


def test_area_and_province_code():
    assert uscc.area_code("91440300568520498A") == "440300"
    assert uscc.province_code("91440300568520498A") == "44"
    with pytest.raises(InvalidLength):
        uscc.province_code("123")


def test_check_uses_field_name():
    assert uscc.check("123", field="entity.uscc")[0].field == "entity.uscc"
