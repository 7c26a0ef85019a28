"""Domain names to be filed.

Syntax follows RFC 1034/1035 as profiled for host names (RFC 1123 §2.1):
letters, digits and hyphens, labels of 1–63 octets, at most 253 octets in
total. Internationalised names (例子.中国, xn--fsqu00a.xn--fiqs8s, faß.de) follow
IDNA2008 (RFC 5891) with the UTS 46 mapping, through the ``idna`` package:
the standard library's ``encodings.idna`` is IDNA2003, which turns faß.de
into fass.de, a different domain, and refuses xn--fa-hia.de. The mapping
(upper to lower case, full-width to ASCII...) never changes a domain
silently: check() reports ``domain.mapped`` when it changed more than the
letter case and the dots.

What can be filed is policy and lives in the generated rule data: the
engine passes ``tlds`` (suffix -> {"status": "allowed" | "not_allowed" |
"disputed", "sources": [...]}) and the timing rules. A suffix missing from
the data is never an error, only a warning, because the data is
incomplete by nature (domain-facts §4: no official machine-readable list).
Sub-domains are not filed separately: the filing is for the registrable
domain (HW25 filing-rules, domain-facts §4).
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache
import re
import unicodedata

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_date,
    as_text,
    safe_check,
)
from checker.validators import workdays

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
# UTS 46 treats these as label separators; Chinese input methods produce them.
_DOTS = str.maketrans({"。": ".", "．": ".", "｡": "."})
_LDH = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
_PORT = re.compile(r":[0-9]*$")


def _split(value):
    """(host, stripped, typed): stripped says a scheme/path/port/user was removed; typed is
    the host as written when the UTS 46 mapping changed more than its case and dots, else None."""
    if type(value) is str and len(value) <= 2000:
        return _split_text(value)
    return _split_uncached(value)


@lru_cache(maxsize=4096)
def _split_text(value: str):
    return _split_uncached(value)


def _host_of(text: str) -> str:
    host = _SCHEME.sub("", text)
    if host.startswith("//"):
        host = host[2:]
    for sep in "/?#\\":
        host = host.split(sep, 1)[0]
    host = host.rpartition("@")[2]
    if not host.startswith("["):
        host = _PORT.sub("", host)
    return host[:-1] if host.endswith(".") else host


def _idna():
    import idna  # imported when needed: it slows the page's start, and ASCII hosts need none of it

    return idna


def _mapped(host: str) -> str:
    """The UTS 46 mapping of ``host`` (IDNA2008, non-transitional: ß stays ß), lower-cased.

    A host with a character UTS 46 disallows is only lower-cased; validation reports it.
    """
    if host.isascii():
        return host.lower()
    idna = _idna()
    try:
        return idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        return host.lower()


def _split_uncached(value):
    written = as_text(value, "domain", max_chars=2000).translate(_DOTS)
    text = unicodedata.normalize("NFKC", written)  # full-width URL punctuation, so the host is found
    host = _host_of(text)
    mapped = _mapped(host)
    typed = _host_of(written)
    return mapped, host != text.rstrip("."), (typed if mapped != typed.lower() else None)


def compact(value) -> str:
    """The host part in its UTS 46 form (lower case): scheme, user, path, port, final dot removed."""
    return _split(value)[0]


def _label_to_unicode(label: str) -> str:
    """The U-label of an A-label (xn--…), which must be the canonical IDNA2008 encoding."""
    if not label.startswith("xn--"):
        return label
    idna = _idna()
    try:
        return idna.ulabel(label)
    except (idna.IDNAError, UnicodeError, ValueError):
        raise InvalidComponent("domain.idn_invalid", label=label) from None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _label_to_ascii(label: str) -> str:
    """The A-label of a U-label, which must be valid IDNA2008."""
    if label.isascii():
        return label
    if not _LDH.fullmatch(_NON_ASCII.sub("a", label)):  # its ASCII part breaks the host-name rules
        raise InvalidFormat("domain.label_syntax", label=label)
    idna = _idna()
    try:
        return idna.alabel(label).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError) as exc:
        if getattr(exc, "code", None) in ("label_too_long", "input_too_long"):
            raise InvalidLength("domain.label_length", label=label) from None
        raise InvalidComponent("domain.idn_invalid", label=label) from None


_IP_CHARS = frozenset("0123456789abcdef.:%")


def _is_ip(host: str) -> bool:
    if host.startswith("["):
        return True
    if not _IP_CHARS.issuperset(host):
        return False  # most hosts: no need to let ipaddress raise
    try:
        import ipaddress  # rarely needed; importing it slows the page's start
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def validate(value) -> str:
    """Return the compacted host or raise a ValidationError."""
    host = compact(value)
    outcome = _validate_host(host)
    if isinstance(outcome, ValidationError):
        raise type(outcome)(outcome.code, **outcome.params)
    return outcome


@lru_cache(maxsize=4096)
def _validate_host(host: str):
    """The host, or the error it raises; cached because one application checks
    the same domain several times (domain, website name, ICP footer)."""
    try:
        return _validate_uncached(host)
    except ValidationError as exc:
        return exc


def _validate_uncached(host: str) -> str:
    if not host:
        raise InvalidLength("domain.empty")
    if _is_ip(host):
        raise InvalidComponent("domain.ip_address")
    if any(c.isspace() for c in host):
        raise InvalidFormat("domain.format")
    labels = host.split(".")
    if len(labels) < 2:
        raise InvalidComponent("domain.single_label")
    if any(not label for label in labels):
        raise InvalidFormat("domain.format")
    ascii_labels = []
    for label in labels:
        _label_to_unicode(label)
        ascii_label = _label_to_ascii(label)
        if len(ascii_label) > 63:
            raise InvalidLength("domain.label_length", label=label)
        if not _LDH.fullmatch(ascii_label):
            raise InvalidFormat("domain.label_syntax", label=label)
        ascii_labels.append(ascii_label)
    if len(".".join(ascii_labels)) > 253:
        raise InvalidLength("domain.length")
    if ascii_labels[-1].isdigit():
        raise InvalidFormat("domain.format")
    return host


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return to_unicode(value)


def to_ascii(value) -> str:
    """The A-label form (xn--…) of a valid domain."""
    return ".".join(_label_to_ascii(label) for label in validate(value).split("."))


def to_unicode(value) -> str:
    """The U-label form (例子.中国) of a valid domain."""
    return ".".join(_label_to_unicode(label) for label in validate(value).split("."))


def _suffix_key(suffix):
    if type(suffix) is str:
        return _text_suffix_key(suffix)
    if not isinstance(suffix, str):
        return None
    return _suffix_key_uncached(suffix)


@lru_cache(maxsize=4096)
def _text_suffix_key(suffix: str):
    # The same few suffixes (com, cn, com.cn…) are normalised for every domain checked.
    return _suffix_key_uncached(suffix)


def _suffix_key_uncached(suffix):
    text = unicodedata.normalize("NFKC", suffix.strip()).translate(_DOTS).strip(".")
    if not text or len(text) > 253:
        return None
    text = _mapped(text)
    try:
        return ".".join(_label_to_unicode(label) for label in text.split("."))
    except ValidationError:
        return text


def _suffix_set(suffixes) -> set:
    if isinstance(suffixes, (str, bytes)) or not hasattr(suffixes, "__iter__"):
        return set()
    keys = (_suffix_key(s) for s in suffixes)
    return {k for k in keys if k}


def _unicode_labels(host):
    try:
        return to_unicode(host).split(".")
    except ValidationError:
        return None


def _longest_suffix(labels, suffixes):
    """Index i such that labels[i:] is the longest suffix in ``suffixes``."""
    for i in range(len(labels)):
        if ".".join(labels[i:]) in suffixes:
            return i
    return None


def registrable_domain(host, suffixes):
    """Longest matching public suffix plus one label, in Unicode form, or None.

    ``suffixes`` is a collection of public suffixes without leading dot in
    Unicode form ({"com", "com.cn", "中国"}); A-labels are accepted too.
    """
    labels = _unicode_labels(host)
    suffix_set = _suffix_set(suffixes)
    if not labels or not suffix_set:
        return None
    i = _longest_suffix(labels, suffix_set)
    if not i:  # no match, or the host is itself a suffix
        return None
    return ".".join(labels[i - 1:])


def _tld_findings(labels, tlds, field):
    table = {}
    for key, entry in tlds.items():
        norm = _suffix_key(key)
        if norm:
            table[norm] = entry
    i = _longest_suffix(labels, table)
    if i is None:
        return [make("domain.tld_unknown", field, tld=labels[-1])]
    suffix = ".".join(labels[i:])
    entry = table[suffix]
    status, sources = None, []
    if isinstance(entry, dict):
        status, raw = entry.get("status"), entry.get("sources")
        if isinstance(raw, (list, tuple)):
            sources = [s for s in raw if isinstance(s, (str, dict))]   # names, or {en, zh} citations (words.cite)
    if status == "not_allowed":
        return [make("domain.tld_not_fileable", field, tld=suffix, sources=sources)]
    if status == "disputed":
        return [make("domain.tld_disputed", field, tld=suffix, sources=sources)]
    if status == "allowed":
        return []
    return [make("domain.tld_unknown", field, tld=suffix)]


def _small_int(value, upper):
    """``value`` if it is an int in 1..upper (bools excluded), else None."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= upper:
        return value
    return None


def _timing_findings(field, registered_on, real_name_on, submit, min_days, wait):
    findings = []
    registered = as_date(registered_on)
    min_days = _small_int(min_days, 3660)
    if registered is not None and registered > submit:
        findings.append(make("domain.registration_future", field, date=registered))
    elif registered is not None and min_days is not None:
        age = (submit - registered).days
        if age < min_days:
            findings.append(make("domain.registration_recent", field, days=age, min_days=min_days,
                                 earliest=workdays.plus_days(registered, min_days)))
    real_name = as_date(real_name_on)
    wait = _small_int(wait, 366)
    if real_name is not None and real_name > submit:
        findings.append(make("domain.real_name_future", field, date=real_name))
    elif real_name is not None and wait is not None:
        try:
            done = workdays.working_days_between(real_name, submit)
            earliest = workdays.add_working_days(real_name, wait)
        except OverflowError:
            return findings
        if done < wait:
            findings.append(make("domain.real_name_recent", field, days=done, wait=wait, earliest=earliest))
        if not (workdays.calendar_covers(real_name) and workdays.calendar_covers(max(earliest, submit))):
            findings.append(make("domain.calendar_fallback", field, last_year=workdays.last_covered_year()))
    return findings


@safe_check
def check(
    value,
    field="domain",
    tlds=None,
    registered_on=None,
    real_name_on=None,
    submit_on=None,
    min_registration_days=None,
    real_name_wait_working_days=None,
    today=None,
    suffixes=None,
    **context,
) -> list:
    """Findings for a domain; never raises.

    ``suffixes`` (public suffixes, optional) refines the registrable-domain
    calculation; without it the keys of ``tlds`` are used. ``submit_on``
    defaults to ``today``, which defaults to the current date.
    """
    try:
        host = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    findings = []
    _, stripped, typed = _split(value)
    if typed is not None:
        findings.append(make("domain.mapped", field, typed=typed, host=host))
    if stripped:
        findings.append(make("domain.url_stripped", field, host=host))
    labels = _unicode_labels(host)
    unicode_host = ".".join(labels)
    tld_table = tlds if isinstance(tlds, dict) else None
    suffix_set = _suffix_set(suffixes) | _suffix_set(tld_table or ())
    if tld_table is not None:
        findings.extend(_tld_findings(labels, tld_table, field))
    if suffix_set:
        i = _longest_suffix(labels, suffix_set)
        if i == 0:
            findings.append(make("domain.public_suffix", field, host=unicode_host))
        registrable = ".".join(labels[i - 1:]) if i else ".".join(labels[-2:])
        if unicode_host == "www." + registrable:
            findings.append(make("domain.www_prefix", field, registrable=registrable))
        elif i != 0 and unicode_host != registrable:
            findings.append(make("domain.subdomain", field, registrable=registrable))
    submit = as_date(submit_on) or as_date(today) or _dt.date.today()
    findings.extend(_timing_findings(field, registered_on, real_name_on, submit,
                                     min_registration_days, real_name_wait_working_days))
    return findings
