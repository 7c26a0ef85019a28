"""Citizen identity number (公民身份号码) on the resident identity card.

Standard: GB 11643-1999 《公民身份号码》 (Citizen identification number),
https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=080D6FBF2BB468F9007657F26D60013E

18 characters: 6-digit address code (GB/T 2260 county code), 8-digit birth
date YYYYMMDD, 3-digit sequence (odd = male, even = female) and a check
character computed with ISO 7064:1983 MOD 11-2: weights
7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check = "10X98765432"[Σ mod 11]
(sndnvaps/CheckID_card README; jayknoxqu/id-number-util README).

The 15-digit numbers of GB 11643-1989 (no check digit, 2-digit year) are
obsolete; filing systems need the 18-digit number.

Residence permits for Hong Kong, Macao and Taiwan residents use the same
format with address codes 810000 / 820000 / 830000.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from checker.findings import make
from checker.validators import (
    PROVINCE_CODES,
    RESIDENCE_PERMIT_CODES,
    region_name,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_date,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
EARLIEST_BIRTH = _dt.date(1900, 1, 1)

_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_LEGACY = re.compile(r"[0-9]{15}")


def compact(value) -> str:
    """Remove spaces and hyphens, fold full-width digits, upper-case the X."""
    return drop_separators(normalise(as_text(value, "resident_id"))).upper()


def calc_check_char(first17: str) -> str:
    return CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def _birth(number: str):
    try:
        return _dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def _today(today):
    return as_date(today) or _dt.date.today()


def validate(value, today=None) -> str:
    """Return the compacted 18-character number or raise a ValidationError."""
    if isinstance(value, str) and len(value) <= 40:
        # One application checks the same number several times (the field,
        # the residency rule, the age rule): remember recent answers.
        number, error = _validated(value, _today(today))
        if error is not None:
            kind, code, params = error
            raise kind(code, **params)  # a fresh exception each time: no shared traceback
        return number
    return _validate(value, today)


@lru_cache(maxsize=2048)
def _validated(value, today):
    try:
        return _validate(value, today), None
    except ValidationError as exc:
        return None, (type(exc), exc.code, exc.params)


def _validate(value, today=None) -> str:
    number = compact(value)
    if len(number) == 15 and _LEGACY.fullmatch(number):
        raise InvalidLength("resident_id.legacy_15")
    if len(number) != 18:
        raise InvalidLength("resident_id.length", length=len(number))
    if not _SHAPE.fullmatch(number):
        raise InvalidFormat("resident_id.format")
    region = number[:2]
    if region not in PROVINCE_CODES and region not in RESIDENCE_PERMIT_CODES:
        raise InvalidComponent("resident_id.region", region=region)
    born = _birth(number)
    if born is None or born < EARLIEST_BIRTH or born > _today(today):
        raise InvalidComponent("resident_id.birth_date", digits=number[6:14])
    if calc_check_char(number[:17]) != number[17]:
        raise InvalidChecksum("resident_id.checksum")
    return number


def is_valid(value, today=None) -> bool:
    try:
        return bool(validate(value, today=today))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


def birth_date(value, today=None) -> _dt.date:
    return _birth(validate(value, today=today))


def province_code(value, today=None) -> str:
    """First two digits: GB/T 2260 province (or 81/82/83 for residence permits)."""
    return validate(value, today=today)[:2]


def age_on(value, day, today=None) -> int:
    """Completed years of age on ``day`` (a date)."""
    born = birth_date(value, today=today)
    day = as_date(day)
    if day is None:
        raise InvalidComponent("resident_id.birth_date", digits="")
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def is_residence_permit(value) -> bool:
    """True for HK/Macao/Taiwan residents' residence-permit numbers (81/82/83…)."""
    try:
        return compact(value)[:2] in RESIDENCE_PERMIT_CODES
    except ValidationError:
        return False


@safe_check
def check(value, field="resident_id", filing_province=None, today=None, **context) -> list:
    """Findings for an identity number; never raises.

    ``filing_province`` is the 2-digit GB/T 2260 code of the filing
    province. A number from another province is only reported as info: the
    engine decides, per province rule, whether non-local individuals may file.
    """
    try:
        number = validate(value, today=today)
    except ValidationError as exc:
        return [exc.finding(field)]
    findings = []
    region = number[:2]
    if region in RESIDENCE_PERMIT_CODES:
        findings.append(make("resident_id.residence_permit", field, region=region_name(region, permit=True)))
    if (
        isinstance(filing_province, str)
        and re.fullmatch(r"[0-9]{2}", filing_province)
        and region != filing_province
    ):
        findings.append(make(
            "resident_id.other_province", field, other=region, filing=filing_province,
            other_name=region_name(region, permit=region not in PROVINCE_CODES),
        ))
    return findings
