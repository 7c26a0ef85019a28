"""ICP filing numbers (ICP备案号) and commercial ICP licence numbers (ICP证).

There is no published format specification; the shape below is what MIIT
issues and providers document (domain-facts §3):

* filing number of the entity: ``<abbr>ICP备<digits>号``, e.g. 浙ICP备123456号
  (Alibaba Cloud, "ICP record post-processing"); the website number appends
  ``-<n>``: 浙ICP备123456号-1. Alibaba's terms page: "The bureau assigns one
  ICP number to the entity and another to the website or app."
* licence number: ``<abbr>ICP证<digits>号``, e.g. 京ICP证030173号.

Observed digit counts are 6–10 (old numbers 8 digits with a 2-digit year,
since about 2020 10 digits with a 4-digit year); other counts get a warning.
The province abbreviation (``<abbr>``) is policy data: some provinces show
two (蜀/川, 陇/甘, 黔/贵), so the accepted prefixes are passed in.
"""

from __future__ import annotations

import re
import unicodedata

from checker.findings import make
from checker.validators import (
    InvalidFormat,
    ValidationError,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)

KINDS = {"备": "filing", "证": "licence"}
TYPICAL_DIGITS = (6, 10)

_NUMBER = re.compile(
    r"(?P<prefix>.)ICP(?P<kind>[备证])(?P<digits>[0-9]{1,20})(?P<hao>号?)(?:-(?P<seq>[0-9]{1,4}))?"
)


def compact(value) -> str:
    """Drop spaces, fold full-width digits/letters/hyphens, upper-case "icp"."""
    text = drop_separators(normalise(as_text(value, "icp_number", max_chars=200)), " ")
    return re.sub("icp", "ICP", text, flags=re.IGNORECASE)


def _match(value):
    number = compact(value)
    match = _NUMBER.fullmatch(number)
    if match is None:
        raise InvalidFormat("icp_number.format")
    if "CJK" not in unicodedata.name(match.group("prefix"), ""):
        raise InvalidFormat("icp_number.format")
    return match


def parse(value) -> dict:
    """Split a number into prefix, kind ("filing"/"licence"), digits, site_seq."""
    match = _match(value)
    seq = match.group("seq")
    kind = KINDS[match.group("kind")]
    return {
        "prefix": match.group("prefix"),
        "kind": kind,
        "digits": match.group("digits"),
        "site_seq": int(seq) if seq is not None else None,
        "is_entity_number": kind == "filing" and seq is None,
    }


def format(value) -> str:  # noqa: A001 - stdnum naming
    """Canonical form, e.g. "京ICP备12345678号-1"."""
    p = parse(value)
    text = "%sICP%s%s号" % (p["prefix"], "备" if p["kind"] == "filing" else "证", p["digits"])
    return text + ("-%d" % p["site_seq"] if p["site_seq"] is not None else "")


def validate(value) -> str:
    """Return the canonical form or raise; prefixes are checked by ``check``."""
    return format(value)


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def _prefix_findings(prefix, field, province_prefixes, all_prefixes):
    accepted = [p for p in province_prefixes if isinstance(p, str)] if isinstance(
        province_prefixes, (list, tuple, set, frozenset)) else None
    if isinstance(all_prefixes, dict) and prefix not in all_prefixes:
        return [make("icp_number.prefix_unknown", field, prefix=prefix)]
    if accepted is not None and prefix not in accepted:
        other = all_prefixes.get(prefix) if isinstance(all_prefixes, dict) else None
        return [make("icp_number.prefix_province", field, prefix=prefix,
                     expected=sorted(accepted), other_province=other)]
    return []


@safe_check
def check(value, field="icp_number", province_prefixes=None, all_prefixes=None, expected=None, **context) -> list:
    """Findings for an ICP filing or licence number; never raises.

    ``province_prefixes``: accepted abbreviations of the filing province
    (["蜀", "川"]); ``all_prefixes``: abbreviation -> 2-digit province code.
    ``expected``: "website", "entity" or "licence" if the form field asks
    for one of them.
    """
    try:
        match = _match(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    p = parse(value)
    findings = []
    low, high = TYPICAL_DIGITS
    if not low <= len(p["digits"]) <= high:
        findings.append(make("icp_number.digit_count", field, count=len(p["digits"])))
    if not match.group("hao"):
        findings.append(make("icp_number.missing_hao", field, number=format(value)))
    if p["kind"] == "licence" and p["site_seq"] is not None:
        findings.append(make("icp_number.licence_site_seq", field))
    findings.extend(_prefix_findings(p["prefix"], field, province_prefixes, all_prefixes))
    if expected == "website" and p["is_entity_number"]:
        findings.append(make("icp_number.entity_number", field, number=format(value)))
    elif expected == "entity" and p["kind"] == "filing" and p["site_seq"] is not None:
        findings.append(make("icp_number.website_number", field, number=format(value)))
    elif expected == "licence" and p["kind"] != "licence":
        findings.append(make("icp_number.kind_mismatch", field, expected="ICP证"))
    elif expected in ("website", "entity") and p["kind"] != "filing":
        findings.append(make("icp_number.kind_mismatch", field, expected="ICP备"))
    return findings
