"""Tests for checker.validators.domain."""

import datetime as dt

import pytest

from checker.validators import InvalidComponent, InvalidFormat, InvalidLength, domain

# Shaped like the generated data; statuses here are test fixtures, not claims.
TLDS = {
    "com": {"status": "allowed", "sources": ["TQA"]},
    "cn": {"status": "allowed", "sources": ["TQA"]},
    "com.cn": {"status": "allowed", "sources": ["gist"]},
    "gov.cn": {"status": "not_allowed", "sources": ["fixture"]},
    "中国": {"status": "allowed", "sources": ["v2ray tld-cn"]},
    "io": {"status": "not_allowed", "sources": ["TQA Beijing", "T17"]},
    "asia": {"status": "disputed", "sources": ["TQA", "gist"]},
    "odd": "not a dict",
}
SUFFIXES = {"com", "cn", "com.cn", "gov.cn", "中国", "io", "asia"}


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize(
    "raw,host",
    [
        ("Example.COM", "example.com"),
        ("https://www.example.com:8443/a/b?c=d#e", "www.example.com"),
        ("http://user:pw@example.com/", "example.com"),
        ("example.com.", "example.com"),
        ("例子。中国", "例子.中国"),
        ("//example.com/x", "example.com"),
    ],
)
def test_compact(raw, host):
    assert domain.compact(raw) == host


def test_idn_round_trip():
    assert domain.to_ascii("例子.中国") == "xn--fsqu00a.xn--fiqs8s"
    assert domain.to_unicode("xn--fsqu00a.xn--fiqs8s") == "例子.中国"
    assert domain.format("XN--FSQU00A.XN--FIQS8S") == "例子.中国"


@pytest.mark.parametrize("host", ["example.com", "a-b.example.com.cn", "例子.中国", "xn--fsqu00a.xn--fiqs8s", "1password.com", "\u9fcf子.中国"])
def test_valid_syntax(host):
    assert domain.is_valid(host)


@pytest.mark.parametrize(
    "raw,code,exc",
    [
        ("", "domain.empty", InvalidLength),
        ("localhost", "domain.single_label", InvalidComponent),
        ("a..com", "domain.format", InvalidFormat),
        ("exa mple.com", "domain.format", InvalidFormat),
        ("example.123", "domain.format", InvalidFormat),
        ("192.168.1.1", "domain.ip_address", InvalidComponent),
        ("http://[::1]:80/", "domain.ip_address", InvalidComponent),
        ("-example.com", "domain.label_syntax", InvalidFormat),
        ("example-.com", "domain.label_syntax", InvalidFormat),
        ("exa_mple.com", "domain.label_syntax", InvalidFormat),
        ("例_子.中国", "domain.label_syntax", InvalidFormat),
        ("xn--zz.com", "domain.idn_invalid", InvalidComponent),
        ("a" * 64 + ".com", "domain.label_length", InvalidLength),
        (".".join(["a" * 63] * 4) + ".com", "domain.length", InvalidLength),
    ],
)
def test_invalid_syntax(raw, code, exc):
    with pytest.raises(exc) as info:
        domain.validate(raw)
    assert info.value.code == code
    findings = domain.check(raw)
    assert codes(findings) == [code]
    assert findings[0].severity == "error"


def test_overlong_idn_label_is_reported_not_raised():
    assert codes(domain.check("中" * 70 + ".com")) in (["domain.idn_invalid"], ["domain.label_length"])


def test_registrable_domain():
    assert domain.registrable_domain("a.b.example.com.cn", SUFFIXES) == "example.com.cn"
    assert domain.registrable_domain("www.example.com", SUFFIXES) == "example.com"
    assert domain.registrable_domain("www.xn--fsqu00a.xn--fiqs8s", SUFFIXES) == "例子.中国"
    assert domain.registrable_domain("example.com", {".com", "COM"}) == "example.com"
    assert domain.registrable_domain("com.cn", SUFFIXES) is None
    assert domain.registrable_domain("example.xyz", SUFFIXES) is None
    assert domain.registrable_domain("not a domain", SUFFIXES) is None
    assert domain.registrable_domain("example.com", None) is None


def test_allowed_tld_no_findings():
    assert domain.check("example.com.cn", tlds=TLDS) == []
    assert domain.check("例子.中国", tlds=TLDS) == []


def test_not_fileable_tld_is_error_with_sources():
    findings = domain.check("example.io", tlds=TLDS)
    assert codes(findings) == ["domain.tld_not_fileable"]
    assert findings[0].severity == "error"
    assert "TQA Beijing" in findings[0].message_en and "T17" in findings[0].message_zh


def test_longest_suffix_decides_status():
    assert codes(domain.check("www.gov.cn", tlds=TLDS)) == ["domain.tld_not_fileable"]


def test_disputed_tld_is_warning():
    findings = domain.check("example.asia", tlds=TLDS)
    assert codes(findings) == ["domain.tld_disputed"]
    assert findings[0].severity == "warning"


def test_unknown_tld_is_warning_never_error():
    findings = domain.check("example.xyz", tlds=TLDS)
    assert codes(findings) == ["domain.tld_unknown"]
    assert findings[0].severity == "warning"
    assert codes(domain.check("example.odd", tlds=TLDS)) == ["domain.tld_unknown"]


def test_no_tld_data_no_tld_findings():
    assert domain.check("example.xyz") == []


def test_subdomain_is_info():
    findings = domain.check("blog.example.com.cn", tlds=TLDS)
    assert codes(findings) == ["domain.subdomain"]
    assert findings[0].severity == "info"
    assert findings[0].param("registrable") == "example.com.cn"


def test_www_is_reported_not_stripped():
    findings = domain.check("www.example.com", tlds=TLDS)
    assert codes(findings) == ["domain.www_prefix"]
    assert domain.compact("www.example.com") == "www.example.com"


def test_url_is_reduced_to_host_with_info():
    findings = domain.check("https://example.com/index.html", tlds=TLDS)
    assert codes(findings) == ["domain.url_stripped"]


def test_public_suffix_itself():
    assert codes(domain.check("com.cn", tlds=TLDS)) == ["domain.public_suffix"]


def test_suffixes_parameter_refines_registrable():
    findings = domain.check("a.example.net.cn", tlds=TLDS, suffixes={"net.cn"})
    assert findings[-1].param("registrable") == "example.net.cn"


def test_registration_age_warning():
    findings = domain.check(
        "example.com", registered_on=dt.date(2025, 5, 1), submit_on=dt.date(2025, 6, 1), min_registration_days=90
    )
    assert codes(findings) == ["domain.registration_recent"]
    assert findings[0].param("days") == 31
    assert findings[0].param("earliest") == dt.date(2025, 7, 30)


def test_registration_old_enough():
    assert domain.check(
        "example.com", registered_on="2025-01-01", submit_on="2025-06-01", min_registration_days=90
    ) == []


def test_submit_defaults_to_today():
    findings = domain.check(
        "example.com", registered_on=dt.date(2025, 5, 30), today=dt.date(2025, 6, 1), min_registration_days=45
    )
    assert codes(findings) == ["domain.registration_recent"]


def test_registration_in_future():
    findings = domain.check("example.com", registered_on="2025-07-01", submit_on="2025-06-01", min_registration_days=90)
    assert codes(findings) == ["domain.registration_future"]


def test_real_name_wait_counts_working_days_across_holidays():
    # 2024 National Day: 1–7 Oct off; Sun 29 Sep was a make-up working day.
    # Verified Fri 27 Sep; working days after it: 29 Sep, 30 Sep, 8 Oct.
    findings = domain.check(
        "example.com", real_name_on=dt.date(2024, 9, 27), submit_on=dt.date(2024, 10, 7), real_name_wait_working_days=3
    )
    assert codes(findings) == ["domain.real_name_recent"]
    assert findings[0].param("earliest") == dt.date(2024, 10, 8)
    assert findings[0].param("days") == 2
    assert domain.check(
        "example.com", real_name_on=dt.date(2024, 9, 27), submit_on=dt.date(2024, 10, 8), real_name_wait_working_days=3
    ) == []


def test_real_name_in_future():
    findings = domain.check(
        "example.com", real_name_on="2025-06-05", submit_on="2025-06-01", real_name_wait_working_days=3
    )
    assert codes(findings) == ["domain.real_name_future"]


def test_calendar_fallback_is_reported():
    findings = domain.check(
        "example.com", real_name_on=dt.date(2099, 1, 5), submit_on=dt.date(2099, 1, 6), real_name_wait_working_days=3
    )
    assert codes(findings) == ["domain.real_name_recent", "domain.calendar_fallback"]
    assert findings[1].severity == "info"


def test_bad_rule_values_are_ignored():
    assert domain.check(
        "example.com", registered_on="yesterday", min_registration_days="90", real_name_on=dt.date(2025, 1, 1),
        real_name_wait_working_days=True, submit_on=dt.date(2025, 1, 2),
    ) == []
