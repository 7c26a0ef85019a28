"""Signing-certificate fingerprints ("签名MD5值") as an app filing asks for them.

What the filing asks for, per platform:

* Android: the MD5 fingerprint of the signing certificate; iOS: its SHA-1
  fingerprint, both "以16进制形式" (in hexadecimal). Huawei Cloud, ICP
  knowledge base, "App备案咨询", citing its FAQ "App特征信息中，MD5值如何填写？"
  (github.com/huaweicloud/huaweicloud-skills,
  skills/cdi/assist/huawei-cloud-icp-process-guidance/kb/procedures/App备案咨询.md,
  source dated 2025-12-31, read 2026-11-30). UCloud, "APP Feature
  Information Filling Guide", https://ucloud-global.com/en/docs/beian1/basics/knowledge4
  (undated, read 2026-11-30) says the same: "signature MD5 value" for
  Android, "signature SHA1 value" for iOS. The field is named "签名MD5值"
  even for iOS, where it takes the SHA-1 value.
* HarmonyOS: Huawei Cloud asks for "公钥和签名MD5值" (same repository,
  skills/cdi/assist/huawei-cloud-icp-rule-consult/references/filing-rules.yml,
  rule AppFeatureInfo); a Huawei developer-forum article ("HarmonyOS备案获取
  公钥和指纹", 2023, reposted at cnblogs.com/mayism123/p/17815038.html) says
  the certificate's SHA-1 fingerprint "一般也可以通过这个值去备案". Both are
  accepted for HarmonyOS without a warning.

So a 32-digit value is MD5 and a 40-digit one SHA-1. A SHA-1 given for
Android, or an MD5 for iOS, is a warning, not an error: no source says the
filing system refuses it, and the field's name invites the mix-up. No
source says SHA-256 (64 digits) is used for filing, so it is an error that
names the accepted lengths; so is a public key pasted into this field
(DER, starting 30…, much longer than any digest).

Accepted input: any case, with or without colons or spaces
(18:C8:67:F0:…, "18 c8 67 f0 …"), and with a leading label as keytool and
openssl print it ("MD5:", "SHA1:", "SHA1 Fingerprint="), which is left out
and reported. Any other character is an error, never dropped.

Filing form (:func:`format`): hexadecimal without separators, upper case.
None of the provider documents above states a case (hexadecimal digits
are the same value in either); upper case is what keytool, openssl and
macOS Keychain Access print, and what the one published filled-in filing
example found uses (an iOS SHA-1 entered as 9E04AFB3…6DA9 in Tencent
Cloud's App filing form).
"""

from __future__ import annotations

import re
import string

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)
from checker.validators.android_package import stray_chars

HEX = frozenset(string.hexdigits)
ALGORITHMS = {32: "MD5", 40: "SHA-1"}
SHA256_DIGITS = 64
PLATFORMS = {"android": "Android", "ios": "iOS", "harmonyos": "HarmonyOS", "harmony": "HarmonyOS"}
# What each platform's filing asks for; HarmonyOS accepts both (see above).
EXPECTED = {"Android": "MD5", "iOS": "SHA-1"}
DIGITS = {name: digits for digits, name in ALGORITHMS.items()}

# A public key (SubjectPublicKeyInfo, DER) starts with a SEQUENCE tag, 0x30.
_DER_SEQUENCE = "30"
_LABEL = re.compile(r"\s*((?:MD5|SHA-?1|SHA-?256)(?:\s*fingerprint)?)\s*[:=]", re.IGNORECASE)
# A public key in hex with separators runs to a few thousand characters.
_MAX_CHARS = 4000


def _split(value) -> tuple:
    """(label or None, the hexadecimal digits with separators removed, upper case)."""
    text = normalise(as_text(value, "cert_fingerprint", max_chars=_MAX_CHARS))
    label = _LABEL.match(text)
    if label:
        text = text[label.end():]
    return (label.group(1) if label else None), drop_separators(text, ":").upper()


def compact(value) -> str:
    """Drop a leading label, spaces and colons; upper case."""
    return _split(value)[1]


def validate(value) -> str:
    digits = compact(value)
    if not digits:
        raise InvalidLength("cert_fingerprint.empty")
    bad = stray_chars(digits, HEX)
    if bad:
        raise InvalidFormat("cert_fingerprint.format", chars=bad)
    if len(digits) in ALGORITHMS:
        return digits
    if len(digits) == SHA256_DIGITS:
        raise InvalidLength("cert_fingerprint.sha256")
    if len(digits) > SHA256_DIGITS and digits.startswith(_DER_SEQUENCE):
        raise InvalidComponent("cert_fingerprint.public_key")
    raise InvalidLength("cert_fingerprint.length", length=len(digits))


def algorithm(value) -> str:
    """"MD5" or "SHA-1", from the length; raises ValidationError for other values."""
    return ALGORITHMS[len(validate(value))]


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    """The filing form: hexadecimal digits, no separators, upper case."""
    return validate(value)


def _platform(platform):
    if isinstance(platform, str):
        return PLATFORMS.get(platform.strip().lower())
    return None


@safe_check
def check(value, field="cert_fingerprint", platform=None, **context) -> list:
    """Findings for a certificate fingerprint; ``platform`` ("android", "ios",
    "harmonyos" or None) says which algorithm the filing expects. Never raises."""
    try:
        digits = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    findings = []
    label = _split(value)[0]
    if label:
        findings.append(make("cert_fingerprint.label_removed", field, label=label))
    name = _platform(platform)
    expected, found = EXPECTED.get(name), ALGORITHMS[len(digits)]
    if expected and found != expected:
        findings.append(make("cert_fingerprint.platform_algorithm", field, platform=name, expected=expected,
                             digits=DIGITS[expected], found=found))
    return findings
