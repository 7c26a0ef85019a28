"""ICP filing numbers (ICP备案号) and commercial ICP licence numbers (ICP证).

There is no published format specification; the shape below is what MIIT
issues and providers document (domain-facts §3):

* filing number of the entity: ``<abbr>ICP备<digits>号``, e.g. 浙ICP备123456号
  (Alibaba Cloud, "ICP record post-processing"); each website, app,
  mini-program or quick app of the entity appends ``-<n>`` from one shared
  sequence, with a letter that marks the kind of service for all but
  websites: 陕ICP备2024026116号-1A (an app), 京ICP备2022034770号-6X (a
  mini-program), 粤ICP备2024266252号-4K (a quick app). Which letter marks
  which kind is policy data (national rule ``service_number_suffixes``), so
  the table is passed in;
* licence number: ``<abbr>ICP证<digits>号``, e.g. 京ICP证030173号, and
  Baidu's site shows 京ICP证030173号-1;
* holders of a value-added telecom licence file under the licence number,
  ``<abbr>B2-<digits>``, with the same ``-<n>`` suffixes: 粤B2-20090059-5,
  粤B2-20090059-1626X, 浙B2-20080101-4.

Observed digit counts after ICP备/证 are 6–10 (old numbers 8 digits with a
2-digit year, since about 2020 10 digits with a 4-digit year); fewer get a
warning, more are an error (a 4-digit year and a 6-digit serial are the most
any number has, so an 11th digit is stray). The province abbreviation (``<abbr>``) is policy data: some
provinces show two (蜀/川, 陇/甘, 黔/贵), so the accepted prefixes are passed in.

A character that belongs to no part of a number is an error naming it: a
number is never silently cleaned of it.
"""

from __future__ import annotations

import re
import unicodedata

from checker.findings import label, make
from checker.validators import (
    InvalidFormat,
    ValidationError,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)

KINDS = {"备": "filing", "证": "licence", "B2": "telecom_licence"}
TYPICAL_DIGITS = (6, 10)

_NUMBER = re.compile(
    r"(?P<prefix>.)(?:ICP(?P<kind>[备证])(?P<digits>[0-9]{1,20})(?P<hao>号?)|(?P<b2>B2)-(?P<licence>[0-9]{1,20}))"
    r"(?:-(?P<seq>[0-9]{1,5})(?P<suffix>[A-Z]?))?"
)
_LOWER = re.compile("[a-z]+")
# What may appear after the prefix and "ICP"/"B2"; a letter only as the last
# character, right after a digit (the service letter). Anything else is named in the error.
_BELONGS = re.compile(r"[0-9备证号\-]")


def compact(value) -> str:
    """Drop spaces, fold full-width digits/letters/hyphens, upper-case the Latin letters."""
    text = drop_separators(normalise(as_text(value, "icp_number", max_chars=200)), " ")
    return _LOWER.sub(lambda m: m.group().upper(), text)


def _stray(number: str):
    """(position, character) of the first character that belongs to no part of a number, or None."""
    rest, start = number[1:], 2
    for head in ("ICP", "B2"):
        if rest.startswith(head):
            rest, start = rest[len(head):], start + len(head)
            break
    for i, char in enumerate(rest):
        service_letter = i == len(rest) - 1 and "A" <= char <= "Z" and i > 0 and rest[i - 1].isdigit()
        if not (_BELONGS.fullmatch(char) or service_letter):
            return start + i, char
    return None


def _cjk(char: str) -> bool:
    return "CJK" in unicodedata.name(char, "")


def _match(value):
    number = compact(value)
    match = _NUMBER.fullmatch(number)
    if match is None or not _cjk(match.group("prefix")):
        # A stray Latin letter, digit or sign is named; a wrong Chinese word means another kind
        # of number (a PSB number, say), for which the general shape says more.
        stray = _stray(number) if number and _cjk(number[0]) else None
        if stray is not None and not _cjk(stray[1]):
            raise InvalidFormat("icp_number.stray", char=stray[1], position=stray[0])
        raise InvalidFormat("icp_number.format")
    return match


def parse(value) -> dict:
    """Split a number into prefix, kind ("filing", "licence" or "telecom_licence"),
    digits, site_seq and suffix (the service letter, "" for a website)."""
    match = _match(value)
    seq = match.group("seq")
    kind = KINDS[match.group("kind") or match.group("b2")]
    return {
        "prefix": match.group("prefix"),
        "kind": kind,
        "digits": match.group("digits") or match.group("licence"),
        "site_seq": int(seq) if seq is not None else None,
        "suffix": match.group("suffix") or "" if seq is not None else None,
        "is_entity_number": seq is None,
    }


def _canonical(p: dict, sequence: bool = True) -> str:
    if p["kind"] == "telecom_licence":
        text = "%sB2-%s" % (p["prefix"], p["digits"])
    else:
        text = "%sICP%s%s号" % (p["prefix"], "备" if p["kind"] == "filing" else "证", p["digits"])
    return text + ("-%d%s" % (p["site_seq"], p["suffix"]) if sequence and p["site_seq"] is not None else "")


def format(value) -> str:  # noqa: A001 - stdnum naming
    """Canonical form, e.g. "京ICP备12345678号-1", "陕ICP备2024026116号-1A", "粤B2-20090059-5"."""
    return _canonical(parse(value))


def entity_part(value) -> str:
    """The entity's own number: the canonical form without its ``-n`` suffix."""
    return _canonical(parse(value), sequence=False)


def service(value, suffixes: dict) -> str | None:
    """The kind of service a number belongs to ("website", "app"...), from the
    letter after its sequence number; None for an entity's number or an unknown letter.
    ``suffixes``: letter -> kind, "" being the website's (no letter)."""
    p = parse(value)
    return None if p["site_seq"] is None else suffixes.get(p["suffix"])


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


def _service_findings(p, field, suffixes, service_expected):
    if p["site_seq"] is None or not isinstance(suffixes, dict):
        return []
    kind = suffixes.get(p["suffix"])
    if kind is None:
        known = sorted(letter for letter in suffixes if letter)
        return [make("icp_number.suffix_unknown", field, letter=p["suffix"], known=known,
                     services=[label("service_kinds", suffixes[letter]) for letter in known])]
    if service_expected is not None and kind != service_expected:
        return [make("icp_number.service_mismatch", field, service=label("service_kinds", kind),
                     expected=label("service_kinds", service_expected))]
    return [make("icp_number.service", field, service=label("service_kinds", kind))]


@safe_check
def check(value, field="icp_number", province_prefixes=None, all_prefixes=None, expected=None,
          suffixes=None, service_expected=None, **context) -> list:
    """Findings for an ICP filing or licence number; never raises.

    ``province_prefixes``: accepted abbreviations of the filing province
    (["蜀", "川"]); ``all_prefixes``: abbreviation -> 2-digit province code.
    ``expected``: "website", "entity" or "licence" if the form field asks
    for one of them. ``suffixes``: service letter -> kind of service ("" for
    a website); ``service_expected``: the kind the number was given for
    ("app" for an app's number), which the number's letter should mark.
    """
    try:
        match = _match(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    p = parse(value)
    findings = []
    low, high = TYPICAL_DIGITS
    if p["kind"] != "telecom_licence" and len(p["digits"]) > high:
        # No number has more than a 4-digit year and a 6-digit serial: a digit is stray.
        findings.append(make("icp_number.digit_extra", field, count=len(p["digits"]), most=high))
    elif p["kind"] != "telecom_licence" and len(p["digits"]) < low:
        findings.append(make("icp_number.digit_count", field, count=len(p["digits"])))
    if p["kind"] != "telecom_licence" and not match.group("hao"):
        findings.append(make("icp_number.missing_hao", field, number=format(value)))
    findings.extend(_prefix_findings(p["prefix"], field, province_prefixes, all_prefixes))
    findings.extend(_service_findings(p, field, suffixes, service_expected))
    if expected == "licence":
        if p["kind"] != "licence":
            findings.append(make("icp_number.kind_mismatch", field, expected="ICP证"))
    elif expected in ("website", "entity") and p["kind"] == "licence" and p["is_entity_number"]:
        findings.append(make("icp_number.kind_mismatch", field, expected="ICP备"))
    elif expected == "website" and p["is_entity_number"]:
        findings.append(make("icp_number.entity_number", field, number=format(value)))
    elif expected == "entity" and p["site_seq"] is not None:
        findings.append(make("icp_number.website_number", field, number=format(value)))
    return findings
