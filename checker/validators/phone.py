"""Mainland China telephone numbers (mobile and landline).

Syntax only, following the national numbering plan as it is written
everywhere: mobile numbers are 11 digits starting 13–19; landlines are a
trunk "0" + 2-digit area code (010, 020–029) or 3-digit area code (other
regions), then a 7- or 8-digit local number, optionally an extension.
Country code +86 / 0086 / 86 is accepted and removed.

What this module cannot do: tell which province a mobile number belongs to
(that needs the operators' number-segment database, which changes and is
not public), or whether a number is in service. Checks that need the home
province of a phone are left to the provider.
"""

from __future__ import annotations

import re

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    ValidationError,
    as_text,
    normalise,
    safe_check,
)

KINDS = ("mobile", "landline")

_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#)\s*([0-9]{1,6})\s*$", re.IGNORECASE)
_ALLOWED = re.compile(r"[0-9\s\-().+/]*")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_SERVICE = re.compile(r"[48]00[0-9]{7}")
# Local numbers normally start with 2–9, but that is not checked: a wrong
# rejection costs more than a missed typo.
_LOCAL = re.compile(r"[0-9]{7,8}")


def _parse(value) -> dict:
    text = normalise(as_text(value, "phone", max_chars=100))
    ext = None
    match = _EXTENSION.search(text)
    if match:
        ext, text = match.group(1), text[: match.start()]
    if not _ALLOWED.fullmatch(text):
        raise InvalidFormat("phone.format")
    text = text.strip()
    international = False
    if text.startswith("+") or text.startswith("00"):
        rest = text.lstrip("+").strip()
        rest = rest[2:] if rest.startswith("00") else rest
        if not rest.startswith("86"):
            raise InvalidComponent("phone.not_mainland")
        text, international = rest[2:], True
    groups = re.findall(r"[0-9]+", text)
    digits = "".join(groups)
    if not digits:
        raise InvalidFormat("phone.format")
    if not international and len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if international and digits.startswith("0") and _MOBILE.fullmatch(digits[1:]):
        digits = digits[1:]
    if _MOBILE.fullmatch(digits):
        return {"kind": "mobile", "number": digits, "ext": ext, "leading_zero": False}
    if len(digits) == 12 and digits.startswith("01") and _MOBILE.fullmatch(digits[1:]):
        # a trunk "0" in front of a mobile, as dialled from a landline elsewhere
        return {"kind": "mobile", "number": digits[1:], "ext": ext, "leading_zero": True}
    if _SERVICE.fullmatch(digits):
        return {"kind": "service", "number": digits, "ext": ext}
    if international and not digits.startswith("0"):
        digits = "0" + digits
    if digits.startswith("0"):
        return _landline(digits, groups, ext)
    if _LOCAL.fullmatch(digits):
        raise InvalidComponent("phone.no_area_code")
    raise InvalidFormat("phone.format")


def _landline(digits, groups, ext) -> dict:
    area_len = 3 if digits[1:2] in ("1", "2") else 4
    area, local = digits[:area_len], digits[area_len:]
    if area.startswith("01") and area != "010":
        raise InvalidComponent("phone.landline_format")
    if not _LOCAL.fullmatch(local) and ext is None and len(groups) >= 2:
        # "010-12345678-123": a trailing group may be the extension
        tail = groups[-1]
        if len(tail) <= 6 and _LOCAL.fullmatch(local[: len(local) - len(tail)]):
            local, ext = local[: len(local) - len(tail)], tail
    if not _LOCAL.fullmatch(local):
        raise InvalidComponent("phone.landline_format")
    return {"kind": "landline", "number": area + "-" + local, "area": area, "ext": ext}


def compact(value) -> str:
    """National form: "13800138000", "010-12345678", "010-12345678-123"."""
    parsed = _parse(value)
    return parsed["number"] + ("-" + parsed["ext"] if parsed.get("ext") else "")


def digits(value) -> str | None:
    """The number as digits only (for comparing two numbers), or None if it is not a valid number."""
    try:
        return "".join(c for c in compact(value) if c.isdigit())
    except (ValidationError, TypeError):
        return None


def classify(value):
    """"mobile", "landline", "service" (400/800) or None if not a valid number."""
    try:
        return _parse(value)["kind"]
    except ValidationError:
        return None


def validate(value, kind=None) -> str:
    """Return the compact form or raise; ``kind`` "mobile"/"landline" restricts."""
    try:
        parsed = _parse(value)
    except ValidationError as exc:
        if kind == "mobile" and exc.code in ("phone.format", "phone.no_area_code", "phone.landline_format"):
            raise InvalidFormat("phone.mobile_format") from None
        if kind == "landline" and exc.code == "phone.format":
            raise InvalidFormat("phone.landline_format") from None
        raise
    if kind == "mobile" and parsed["kind"] == "landline":
        raise InvalidComponent("phone.mobile_expected")
    if kind == "mobile" and parsed["kind"] != "mobile":
        raise InvalidFormat("phone.mobile_format")
    return parsed["number"] + ("-" + parsed["ext"] if parsed.get("ext") else "")


def is_valid(value, kind=None) -> bool:
    try:
        return bool(validate(value, kind=kind))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    """"138 0013 8000", "010-12345678", "400-123-4567"."""
    parsed = _parse(value)
    number = parsed["number"]
    if parsed["kind"] == "mobile":
        number = "%s %s %s" % (number[:3], number[3:7], number[7:])
    elif parsed["kind"] == "service":
        number = "%s-%s-%s" % (number[:3], number[3:6], number[6:])
    return number + ("-" + parsed["ext"] if parsed.get("ext") else "")


@safe_check
def check(value, field="phone", kind=None, **context) -> list:
    """Findings for a phone number; ``kind`` "mobile" or "landline" if the form
    field requires one; never raises."""
    if kind not in (None,) + KINDS:
        kind = None
    try:
        validate(value, kind=kind)
    except ValidationError as exc:
        return [exc.finding(field)]
    parsed = _parse(value)
    if parsed["kind"] == "service":
        return [make("phone.service_number", field)]
    if parsed.get("leading_zero"):
        return [make("phone.mobile_leading_zero", field, number=parsed["number"])]
    return []
