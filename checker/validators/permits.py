"""Travel permits and passports accepted for individual filings.

Which documents are accepted (Alibaba Cloud, "ICP filing: identity
documents", alibabacloud.com/help/doc-detail/36962.htm): Hong Kong / Macao
residents may use the Mainland Travel Permit for Hong Kong and Macao
Residents (港澳居民来往内地通行证, "回乡证"), Taiwan residents the Mainland
Travel Permit for Taiwan Residents (台湾居民来往大陆通行证, "台胞证"), people
from outside the mainland a passport. Residence permits use the resident-ID
format and are handled by :mod:`checker.validators.resident_id`.

No published standard for these number formats was found; the shapes below
are the ones printed on current cards and are checked loosely. Anything
that is merely unusual is a warning, never an error:

* 回乡证: "H" (Hong Kong) or "M" (Macao) + 8 digits; the card number may
  carry 2 more digits (issue count), giving 10.
* 台胞证: 8 digits on the card issued since 2015; older booklets used 10
  characters, sometimes with a letter in brackets.
* passports: 5–17 letters/digits (generic). Chinese passports look like
  "E" or "G" + 8 characters; that is reported as info only.
"""

from __future__ import annotations

import re

from checker.findings import make
from checker.validators import (
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)

KINDS = ("hk_macau_permit", "taiwan_permit", "passport")
_FORMAT_CODE = {
    "hk_macau_permit": "permits.hk_macau_format",
    "taiwan_permit": "permits.taiwan_format",
    "passport": "permits.passport_format",
}

_HK_MACAU = re.compile(r"[HM][0-9]{8}(?:[0-9]{2})?")
_TAIWAN = re.compile(r"[0-9]{8}")
_ALNUM = re.compile(r"[0-9A-Z]+")
_CN_PASSPORT = re.compile(r"[EG][0-9A-Z][0-9]{7}")


def compact(value) -> str:
    """Remove spaces, hyphens and brackets; fold full-width; upper-case."""
    return drop_separators(normalise(as_text(value, "permits")), " -()[]").upper()


def _kind(kind) -> str:
    if kind not in KINDS:
        raise InvalidFormat("permits.kind_unknown", kind=kind if isinstance(kind, str) else "")
    return kind


def validate(value, kind="hk_macau_permit") -> str:
    """Return the compacted number or raise; shapes that are only unusual pass."""
    kind = _kind(kind)
    number = compact(value)
    if not _ALNUM.fullmatch(number):
        raise InvalidFormat(_FORMAT_CODE[kind])
    if kind == "passport":
        if not 5 <= len(number) <= 17:
            raise InvalidLength("permits.passport_length", length=len(number))
    elif not 6 <= len(number) <= 14:
        raise InvalidLength(_FORMAT_CODE[kind])
    return number


def is_valid(value, kind="hk_macau_permit") -> bool:
    try:
        return bool(validate(value, kind=kind))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


def issuer(value) -> str | None:
    """"HK" or "MO" for a 回乡证 number, else None."""
    try:
        number = compact(value)
    except ValidationError:
        return None
    if _HK_MACAU.fullmatch(number):
        return "HK" if number[0] == "H" else "MO"
    return None


@safe_check
def check(value, field="permit", kind="hk_macau_permit", **context) -> list:
    """Findings for a permit or passport number of ``kind``; never raises."""
    try:
        number = validate(value, kind=kind)
    except ValidationError as exc:
        return [exc.finding(field)]
    if kind == "hk_macau_permit" and not _HK_MACAU.fullmatch(number):
        return [make("permits.hk_macau_unusual", field)]
    if kind == "taiwan_permit" and not _TAIWAN.fullmatch(number):
        return [make("permits.taiwan_unusual", field)]
    if kind == "passport" and _CN_PASSPORT.fullmatch(number):
        return [make("permits.passport_cn", field)]
    return []
