"""Validators for the identifiers that appear in an ICP filing.

Each module follows the python-stdnum style:

``compact(value)``
    normalise spacing, full-width characters and case;
``validate(value, ...)``
    return the compacted value or raise a :class:`ValidationError`;
``is_valid(value, ...)``
    ``validate`` as a bool;
``format(value)``
    the conventional display form;
``check(value, field=..., **context)``
    a list of :class:`checker.findings.Finding`; never raises.

Policy data (TLD lists, ICP prefixes, banned words, quotas, waiting times)
is never stored here: the engine reads it from the generated rule data and
passes it in. Only standard formats live in code.

This module also holds helpers shared by the validators; it must not import
the validator modules (they import it).
"""

from __future__ import annotations

import datetime as _dt
import functools
import inspect
import unicodedata

from checker.findings import make

__all__ = [
    "ValidationError",
    "InvalidFormat",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidLength",
    "PROVINCE_CODES",
    "MAINLAND_PROVINCE_CODES",
    "region_name",
]


class ValidationError(ValueError):
    """A value failed validation; ``code`` is the stable finding code."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params

    def finding(self, field):
        return make(self.code, field, **self.params)


class InvalidFormat(ValidationError):
    """Wrong characters or structure."""


class InvalidChecksum(ValidationError):
    """The check character does not match."""


class InvalidComponent(ValidationError):
    """A part of the value (date, region, prefix…) is not acceptable."""


class InvalidLength(ValidationError):
    """Empty, too short or too long."""


# GB/T 2260 (中华人民共和国行政区划代码), province-level part: the first two
# digits of every county code. Standard data, not filing policy; source for
# codes and names: domain-facts §1 (instapp/china-regions via NervJS/taro,
# 2017-12-26), consistent with the GB 11643 address-code description.
# The codes are standard data kept here; their names are words, in
# labels.yaml (regions), read through :func:`region_name`.
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)

# Taiwan, Hong Kong and Macao have GB/T 2260 codes but no MIIT provincial
# communications administration, so nothing can be filed there.
NO_FILING_ADMINISTRATION = frozenset({"71", "81", "82"})
MAINLAND_PROVINCE_CODES = frozenset(PROVINCE_CODES) - NO_FILING_ADMINISTRATION

# Residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民居住证,
# issued since 2018) carry an ID-format number whose address code is only
# province-level: 810000, 820000, 830000 (domain-facts §5, marked ⚠️).
# 83 is not a GB/T 2260 code, so it is kept apart from PROVINCE_CODES.
RESIDENCE_PERMIT_CODES = frozenset({"81", "82", "83"})


def region_name(code: str, permit: bool = False) -> dict:
    """The {en, zh} name of a province-level code (labels.yaml regions / permit_regions)."""
    from checker.findings import label

    return label("permit_regions" if permit else "regions", code)

# Anything longer than this is not an identifier a person typed; refusing
# early keeps the checks fast on pasted garbage.
MAX_INPUT_CHARS = 1000

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−－﹣"), "-")


def as_text(value, prefix: str, max_chars: int = MAX_INPUT_CHARS) -> str:
    """Coerce ``value`` to a stripped str.

    Raises ``<prefix>.empty`` for None/blank, ``checker.not_text`` for other
    types (ints are accepted: identifiers are sometimes stored as numbers)
    and ``checker.too_long`` beyond ``max_chars``.
    """
    if value is None:
        raise InvalidLength(prefix + ".empty")
    if isinstance(value, bool):
        raise InvalidFormat("checker.not_text")
    if isinstance(value, int):
        try:
            value = str(value)
        except ValueError:  # int too large to convert to str (Python ≥ 3.11)
            raise InvalidLength("checker.too_long") from None
    if not isinstance(value, str):
        raise InvalidFormat("checker.not_text")
    if len(value) > max_chars:
        raise InvalidLength("checker.too_long")
    value = value.strip()
    if not value:
        raise InvalidLength(prefix + ".empty")
    return value


def normalise(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII) plus unified hyphens."""
    if text.isascii():   # NFKC leaves ASCII as it is, and every dash it unifies is not ASCII
        return text
    return unicodedata.normalize("NFKC", text).translate(_DASHES)


def drop_separators(text: str, chars: str = " -") -> str:
    """Remove whitespace (any kind) and the given separator characters."""
    # str.split() splits on exactly the characters str.isspace() accepts.
    text = "".join(text.split())
    for char in chars:   # one or two characters: replace() is quicker than translate() with a table
        if char in text:
            text = text.replace(char, "")
    return text


def as_date(value):
    """A ``date`` from a date, datetime or ISO string; None if not usable."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and len(value) <= 40:
        try:
            return _dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def as_str_list(value) -> list:
    """Strings from a list/tuple/set (non-strings dropped); [] for anything else."""
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        return []
    return [v for v in value if isinstance(v, str) and v]


def per_object(cache: dict, obj, compute, limit: int = 256):
    """``compute(obj)``, remembered while ``obj`` (a table the engine passes for every value) lives.

    Keyed by identity because such tables are dicts (unhashable) and are never
    changed after the engine builds them; ``obj`` is kept in the cache, so its
    id cannot be reused by another object while cached.
    """
    found = cache.get(id(obj))
    if found is not None and found[0] is obj:
        return found[1]
    value = compute(obj)
    if len(cache) >= limit:
        cache.clear()
    cache[id(obj)] = (obj, value)
    return value


def safe_check(func):
    """Turn any unexpected exception in a check into a warning finding.

    The tests assert that ``checker.internal_error`` never appears, so this
    is a seat belt for production, not a way to hide bugs.
    """

    signature = inspect.signature(func)
    param = signature.parameters.get("field")
    default_field = param.default if param is not None else func.__module__

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - deliberate
            try:
                field = signature.bind_partial(*args, **kwargs).arguments.get("field", default_field)
            except TypeError:
                field = default_field
            return [make("checker.internal_error", field, error=type(exc).__name__)]

    return wrapper
