"""Tests for checker.validators.cert_fingerprint (签名MD5值 / SHA-1)."""

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.validators import InvalidComponent, InvalidFormat, InvalidLength, cert_fingerprint
from tests.checker.validators.test_android_package import SOME_TEXT, assert_field_kind, assert_never_raises, codes

# WeChat's Android signing-certificate MD5: WeChat's own code compares it
# (lower case) and Tencent's Turing SDK lists it (upper case), both in
# decompiled sources published on GitHub; the next two stand in the same
# SDK list of Tencent signatures.
WECHAT_MD5 = "18C867F0717AA67B2AB7347505BA07ED"
TENCENT_MD5 = ["31223B0BDF1DEF1FE8252971ADA3B577", "CCD4AD38DC6669F875BC37E3F8840648"]
# An iOS distribution certificate's SHA-1 as entered in Tencent Cloud's App
# filing form (published filing notes of the app com.sdknwdtvpv.lianleme).
IOS_SHA1 = "9E04AFB3B662A8F6C6C518A066513328AC386DA9"
# The beginning of that app's public key as published in the same notes.
PUBLIC_KEY = ("30820122300d06092a864886f70d01010105000382010f003082010a0282010100e78308d0b02e67274f1f1e60b370724d"
              "4b58fbf60d85875409e0bdaf0931a304d8672b504bc9c2cf65a0db05f9ca61d9244a45ab7e3586b26fa674c87b71c1a2")


def colons(digits):
    return ":".join(digits[i:i + 2] for i in range(0, len(digits), 2))


@pytest.mark.parametrize("digits", [WECHAT_MD5, IOS_SHA1] + TENCENT_MD5)
@pytest.mark.parametrize("written", [
    lambda d: d,
    lambda d: d.lower(),
    colons,                                   # keytool, openssl
    lambda d: colons(d).lower(),
    lambda d: " ".join(colons(d).split(":")).lower(),  # Windows certificate viewer
    lambda d: "  " + colons(d) + "\n",
])
def test_real_fingerprints_in_every_written_form(digits, written):
    value = written(digits)
    assert cert_fingerprint.is_valid(value)
    assert cert_fingerprint.check(value) == []
    assert cert_fingerprint.format(value) == digits  # filing form: no separators, upper case
    assert cert_fingerprint.format(cert_fingerprint.format(value)) == cert_fingerprint.compact(digits) == digits


def test_algorithm_from_length():
    assert cert_fingerprint.algorithm(WECHAT_MD5) == "MD5"
    assert cert_fingerprint.algorithm(colons(IOS_SHA1)) == "SHA-1"


def test_full_width_digits_are_folded():
    assert cert_fingerprint.format("１８C867F0717AA67B2AB7347505BA07ED") == WECHAT_MD5


@pytest.mark.parametrize("value,label", [
    ("MD5: " + colons(WECHAT_MD5), "MD5"),                 # keytool
    ("SHA1: " + colons(IOS_SHA1), "SHA1"),                 # keytool
    ("md5 Fingerprint=" + colons(WECHAT_MD5), "md5 Fingerprint"),  # openssl x509 -fingerprint
    ("SHA-1:" + IOS_SHA1, "SHA-1"),
])
def test_a_tool_label_is_left_out_and_reported(value, label):
    assert cert_fingerprint.format(value) in (WECHAT_MD5, IOS_SHA1)
    findings = cert_fingerprint.check(value)
    assert codes(findings) == ["cert_fingerprint.label_removed"]
    assert findings[0].param("label") == label and findings[0].severity == "info"


@pytest.mark.parametrize("value,chars", [
    (WECHAT_MD5[:-1] + "G", "G"),
    ("-".join(colons(WECHAT_MD5).split(":")), "-"),
    (WECHAT_MD5 + "号", "号"),
    ("0x" + WECHAT_MD5, "X"),
])
def test_stray_characters_are_errors_never_dropped(value, chars):
    with pytest.raises(InvalidFormat):
        cert_fingerprint.validate(value)
    findings = cert_fingerprint.check(value)
    assert codes(findings) == ["cert_fingerprint.format"] and findings[0].param("chars") == chars


@pytest.mark.parametrize("value,length", [(WECHAT_MD5[:-1], 31), (IOS_SHA1 + "00", 42), ("AB", 2)])
def test_other_lengths(value, length):
    with pytest.raises(InvalidLength):
        cert_fingerprint.validate(value)
    findings = cert_fingerprint.check(value)
    assert codes(findings) == ["cert_fingerprint.length"] and findings[0].param("length") == length


def test_sha256_is_refused_with_its_own_message():
    sha256 = hashlib.sha256(b"certificate").hexdigest()
    assert codes(cert_fingerprint.check(colons(sha256))) == ["cert_fingerprint.sha256"]
    assert codes(cert_fingerprint.check("SHA256: " + colons(sha256).upper())) == ["cert_fingerprint.sha256"]


def test_public_key_in_the_fingerprint_field():
    with pytest.raises(InvalidComponent):
        cert_fingerprint.validate(PUBLIC_KEY)
    assert codes(cert_fingerprint.check(PUBLIC_KEY)) == ["cert_fingerprint.public_key"]


@pytest.mark.parametrize("platform,value,expected", [
    ("android", IOS_SHA1, "MD5"),
    ("Android", IOS_SHA1, "MD5"),
    ("ios", WECHAT_MD5, "SHA-1"),
    (" iOS ", WECHAT_MD5, "SHA-1"),
])
def test_platform_mismatch_warns(platform, value, expected):
    findings = cert_fingerprint.check(value, platform=platform)
    assert codes(findings) == ["cert_fingerprint.platform_algorithm"]
    assert findings[0].severity == "warning" and findings[0].param("expected") == expected
    assert findings[0].param("digits") == {"MD5": 32, "SHA-1": 40}[expected]


@pytest.mark.parametrize("platform,value", [
    ("android", WECHAT_MD5), ("ios", IOS_SHA1),
    ("harmonyos", WECHAT_MD5), ("harmonyos", IOS_SHA1),  # Huawei Cloud asks MD5; SHA-1 is also taken
    (None, WECHAT_MD5), (None, IOS_SHA1), ("windows", IOS_SHA1), (42, WECHAT_MD5),
])
def test_no_platform_warning(platform, value):
    assert cert_fingerprint.check(value, platform=platform) == []


@pytest.mark.parametrize("value", ["", "  ", None, "MD5:", "::"])
def test_empty(value):
    assert codes(cert_fingerprint.check(value)) == ["cert_fingerprint.empty"]


def test_api_field_kind():
    assert_field_kind("cert-fingerprint", colons(WECHAT_MD5).lower(), WECHAT_MD5, WECHAT_MD5[:-1])


@settings(max_examples=300, deadline=None)
@given(SOME_TEXT | st.text(alphabet="0123456789abcdefABCDEF: MDSH5-1=", max_size=90),
       st.sampled_from(["android", "ios", "harmonyos", None, "x"]))
def test_check_never_raises(value, platform):
    findings = assert_never_raises(cert_fingerprint, value, platform=platform)
    assert all(f.code.startswith(("cert_fingerprint.", "checker.")) for f in findings)
