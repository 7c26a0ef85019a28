"""Public-security (PSB) filing numbers (公安联网备案号, 公网安备).

Displayed as ``<abbr>公网安备 <14 digits>号``, e.g. 京公网安备 11000002000001号
(Baidu's number; domain-facts §3). No format specification is published;
what is known from observed numbers:

* 14 digits; the first 6 are the administrative-division code (GB/T 2260)
  of the registering public-security unit (110105… Beijing Chaoyang,
  440307… Shenzhen Longgang);
* irregular numbers exist (an 18-digit one, a 13-digit "浙备…" one), so
  other lengths near 14 are warnings, not errors.

The query/link target is the MPS platform; the current front end is
``https://beian.mps.gov.cn/#/query/webSearch?code=<digits>``.
"""

from __future__ import annotations

import re

from checker.findings import make
from checker.validators import (
    PROVINCE_CODES,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    normalise,
    safe_check,
)

STANDARD_DIGITS = 14
# Lengths seen on real footers besides 14: a warning. Any other length is an
# error: a digit is missing or stray (1101080202013 4 5 is not a number).
TOLERATED_DIGITS = (13, 18)
QUERY_URL = "https://beian.mps.gov.cn/#/query/webSearch?code="

_DIGITS = re.compile(r"[0-9]+")
_STRAY = re.compile(r"[^0-9\s]")
_SHORT_HEAD = re.compile(r"\s*[\u4e00-\u9fff]\s*备")
_PREFIX = re.compile(r"^\s*(\w)\s*公网安备")


def _body(value) -> str:
    """The number itself: the part after "公网安备" up to "号" when the value
    has them, so a pasted footer like "©2024 京公网安备 11000002000001号" works."""
    text = normalise(as_text(value, "psb_number", max_chars=200))
    head, sep, tail = text.partition("公网安备")
    if not sep:
        short = _SHORT_HEAD.match(text)  # the irregular "浙备3301000000001号"
        tail = text[short.end():] if short else text
    return tail.split("号", 1)[0]


def compact(value) -> str:
    """The digits of the number, spaces removed (see :func:`validate` for stray characters)."""
    return "".join(_DIGITS.findall(_body(value)))


def parse(value) -> dict:
    """{"prefix": province abbreviation or None, "digits": str}."""
    text = normalise(as_text(value, "psb_number", max_chars=200))
    match = _PREFIX.match(text)
    return {"prefix": match.group(1) if match else None, "digits": compact(value)}


def validate(value) -> str:
    """Return the 14 digits or raise (other lengths raise too; ``check`` may only warn).

    A character other than a digit or a space in the number is an error naming
    it: 1101080202013A is not silently read as 1101080202013."""
    stray = _STRAY.search(_body(value))
    if stray is not None:
        raise InvalidFormat("psb_number.stray", char=stray.group())
    digits = compact(value)
    if not digits:
        raise InvalidFormat("psb_number.format")
    if len(digits) in TOLERATED_DIGITS and len(digits) != STANDARD_DIGITS:
        raise InvalidLength("psb_number.length_unusual", count=len(digits))
    if len(digits) != STANDARD_DIGITS:
        raise InvalidLength("psb_number.length", count=len(digits))
    return digits


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


def footer_url(number) -> str:
    """Link target for the footer badge."""
    digits = compact(number)
    if not digits:
        raise InvalidFormat("psb_number.format")
    return QUERY_URL + digits


@safe_check
def check(value, field="psb_number", province_code=None, **context) -> list:
    """Findings for a PSB number; ``province_code`` is the 2-digit code of
    the filing province; never raises."""
    findings = []
    try:
        digits = validate(value)
    except ValidationError as exc:
        if exc.code != "psb_number.length_unusual":
            return [exc.finding(field)]
        findings.append(exc.finding(field))
        digits = compact(value)
    region = digits[:2]
    if region not in PROVINCE_CODES:
        findings.append(make("psb_number.area_unknown", field, area=digits[:6]))
    elif isinstance(province_code, str) and re.fullmatch(r"[0-9]{2}", province_code) and region != province_code:
        findings.append(make("psb_number.area_province", field, area=digits[:6], province=province_code))
    return findings
