"""Tests for checker.validators.email."""

import pytest

from checker.validators import InvalidComponent, InvalidFormat, email


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("address", ["name@example.com", "a.b+c@mail.example.com.cn", "用户@例子.中国", "x@XN--FSQU00A.XN--FIQS8S"])
def test_valid(address):
    assert email.is_valid(address)
    assert email.check(address) == []


def test_domain_is_lower_cased_local_part_kept():
    assert email.compact("  Name@Example.COM ") == "Name@example.com"


@pytest.mark.parametrize("address", ["name.example.com", "a@b@example.com"])
def test_at_sign_count(address):
    with pytest.raises(InvalidFormat):
        email.validate(address)
    assert codes(email.check(address)) == ["email.format"]


@pytest.mark.parametrize("address", ["@example.com", "a b@example.com", "x" * 65 + "@example.com"])
def test_local_part(address):
    with pytest.raises(InvalidComponent):
        email.validate(address)
    assert codes(email.check(address)) == ["email.local_part"]


@pytest.mark.parametrize("address", ["a@localhost", "a@exa_mple.com", "a@example.com/path", "a@1.2.3.4"])
def test_domain_part(address):
    assert codes(email.check(address)) == ["email.domain"]


def test_too_long():
    assert codes(email.check("a" * 60 + "@" + "b" * 60 + "." + "c" * 60 + "." + "d" * 60 + "." + "e" * 60 + ".com")) == ["email.length"]


def test_full_width_at_is_folded_and_reported():
    findings = email.check("name＠qq．com")
    assert codes(findings) == ["email.fullwidth"]
    assert findings[0].param("address") == "name@qq.com"


def test_typo_suggestion():
    findings = email.check("name@qq.con")
    assert codes(findings) == ["email.domain_typo"]
    assert findings[0].param("suggestion") == "qq.com"
    assert findings[0].severity == "warning"


def test_empty():
    assert codes(email.check("")) == ["email.empty"]
