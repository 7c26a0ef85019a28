"""E-mail addresses (pragmatic syntax check).

Not a full RFC 5322 parser: filing systems accept ordinary addresses, so
this checks one "@", a local part of 1–64 characters without spaces
(RFC 5321 §4.5.3.1.1 limit), a domain that passes the domain syntax check
(IDN allowed) and a total length of at most 254 characters (RFC 5321
path limit minus the angle brackets).

Full-width "＠" and "．" (common with Chinese input methods) are folded and
reported, so the user knows what the form will receive.
"""

from __future__ import annotations

import unicodedata

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    safe_check,
)
from checker.validators import domain as _domain

# Misspellings of big mainland mail domains -> intended domain. A typo
# heuristic, not filing policy.
TYPO_DOMAINS = {
    "qq.con": "qq.com", "qq.om": "qq.com", "qq.cmo": "qq.com",
    "163.con": "163.com", "163.co": "163.com", "126.con": "126.com",
    "gmial.com": "gmail.com", "gmai.com": "gmail.com", "gmail.con": "gmail.com",
    "hotmial.com": "hotmail.com", "outlook.con": "outlook.com",
    "sina.con": "sina.com", "foxmial.com": "foxmail.com",
}

_FULLWIDTH = str.maketrans({"＠": "@", "．": ".", "。": ".", "｡": "."})


def compact(value) -> str:
    """Strip surrounding spaces, fold full-width @ and dots, lower-case the domain."""
    text = as_text(value, "email", max_chars=400).translate(_FULLWIDTH)
    local, sep, host = text.rpartition("@")
    if not sep:
        return text
    return local + "@" + host.lower()


def validate(value) -> str:
    address = compact(value)
    if len(address) > 254:
        raise InvalidLength("email.length")
    if address.count("@") != 1:
        raise InvalidFormat("email.format")
    local, _, host = address.partition("@")
    if not local or len(local) > 64 or any(c.isspace() or unicodedata.category(c)[0] == "C" for c in local):
        raise InvalidComponent("email.local_part")
    try:
        _domain.validate(host)
    except ValidationError:
        raise InvalidComponent("email.domain") from None
    if host != _domain.compact(host):
        # a URL-ish or port-carrying host is not a mail domain
        raise InvalidComponent("email.domain")
    return address


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


@safe_check
def check(value, field="email", **context) -> list:
    try:
        address = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    findings = []
    if isinstance(value, str) and value.strip() != value.strip().translate(_FULLWIDTH):
        findings.append(make("email.fullwidth", field, address=address))
    host = address.partition("@")[2]
    if host in TYPO_DOMAINS:
        findings.append(make("email.domain_typo", field, domain=host, suggestion=TYPO_DOMAINS[host]))
    return findings
