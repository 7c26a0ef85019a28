"""checker.validators.domain with internationalised names: IDNA2008 and UTS 46 (issue 11, failure 10).

IDNA2003 (the standard library's encodings.idna) refused xn--fa-hia.de and turned
faß.de into fass.de, a different domain. The validator must take the domains
registries take today, and never change a domain without saying so.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.validators import InvalidComponent, InvalidFormat, domain


def codes(findings):
    return [f.code for f in findings]


@pytest.mark.parametrize("unicode_form,ascii_form", [
    ("faß.de", "xn--fa-hia.de"),
    ("münchen.de", "xn--mnchen-3ya.de"),
    ("中国.中国", "xn--fiqs8s.xn--fiqs8s"),
    ("例子.测试", "xn--fsqu00a.xn--0zwm56d"),
    ("例子.中国", "xn--fsqu00a.xn--fiqs8s"),
    ("ελληνικά.gr", "xn--hxargifdar.gr"),
])
def test_real_idns_round_trip_in_both_forms(unicode_form, ascii_form):
    for value in (unicode_form, ascii_form):
        assert domain.is_valid(value), value
        assert domain.to_ascii(value) == ascii_form
        assert domain.to_unicode(value) == domain.format(value) == unicode_form
        assert domain.check(value) == []


def test_sharp_s_is_not_turned_into_ss():
    assert domain.compact("faß.de") == "faß.de"
    assert domain.to_ascii("faß.de") != domain.to_ascii("fass.de") == "fass.de"


@pytest.mark.parametrize("typed,host", [
    ("ｅｘａｍｐｌｅ.com", "example.com"),  # full-width letters, as a Chinese input method in full-width mode types them
    ("ǅ.com", "dž.com"),  # one title-case letter becomes two letters
])
def test_a_domain_the_mapping_changes_is_reported(typed, host):
    findings = domain.check(typed)
    assert codes(findings) == ["domain.mapped"]
    assert findings[0].severity == "warning"
    assert findings[0].param("typed") == typed and findings[0].param("host") == host
    assert domain.compact(typed) == host


@pytest.mark.parametrize("value", ["Example.COM", "MÜNCHEN.DE", "FAẞ.DE", "例子。中国", "https://faß.de/"])
def test_case_and_ideographic_dots_are_not_a_change(value):
    assert "domain.mapped" not in codes(domain.check(value))


@pytest.mark.parametrize("value,code,exc", [
    ("xn--fa-hia9.de", "domain.idn_invalid", InvalidComponent),  # not a valid Punycode A-label
    ("xn---bbk.com", "domain.idn_invalid", InvalidComponent),  # a non-canonical spelling of xn--bbk
    ("i❤.ws", "domain.idn_invalid", InvalidComponent),  # symbols are not IDNA2008
    ("a\u200db.com", "domain.idn_invalid", InvalidComponent),  # a joiner outside its context
    ("例_子.中国", "domain.label_syntax", InvalidFormat),
    ("-例子.中国", "domain.label_syntax", InvalidFormat),
])
def test_invalid_idns(value, code, exc):
    with pytest.raises(exc) as info:
        domain.validate(value)
    assert info.value.code == code
    assert codes(domain.check(value)) == [code]


# Letters whose case mapping, compatibility form or IDNA treatment differs, dots of both widths.
HOSTISH = st.text(alphabet="aAzZ09-.。ßẞσςΣüÜǅｅＥ中国例子\u200d", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(value=HOSTISH)
def test_a_domain_is_never_changed_silently(value):
    """Whatever the validator accepts is the domain typed, up to letter case and the dots,
    or check() says what it became; and the two forms it gives agree."""
    findings = domain.check(value)
    if any(f.severity == "error" for f in findings):
        return
    host = domain.compact(value)
    typed = value.translate(str.maketrans({"。": "."})).rstrip(".").lower()
    if host != typed:
        mapped = [f for f in findings if f.code == "domain.mapped"]
        assert mapped and mapped[0].param("host") == host, (value, host)
    assert domain.compact(domain.to_ascii(value)) == domain.to_ascii(value)
    assert domain.to_unicode(domain.to_ascii(value)) == domain.format(value)
