"""Unified Social Credit Code (统一社会信用代码, USCC).

Standard: GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》
(The coding rule of the unified social credit identifier for legal entities
and other organizations), Standardization Administration of China, 2015,
https://openstd.samr.gov.cn/bzgk/gb/newGbInfo?hcno=24691C25985C1073D3A7C85629378AC0

Structure (18 characters from a 31-character alphabet without I, O, S, V, Z):

* position 1: registration department (登记管理部门代码): 1–9, A, N, Y;
* position 2: organisation category (机构类别代码), meaning depends on pos. 1;
* positions 3–8: GB/T 2260 area code of the registering authority;
* positions 9–17: subject identifier (the former 组织机构代码, GB 11714);
* position 18: check character, weights 3^(i-1) mod 31,
  c = (31 − Σ vᵢ·wᵢ mod 31) mod 31.

Early pilot codes issued in Fujian (e.g. 91350100M0001TGQXM) fail the
checksum but are legal (bluesky335/IDCheck README and tests; aarioai/id-rule
README), so they get a warning instead of an error.

python-stdnum's ``stdnum.cn.uscc`` only accepts a digit in position 1 and so
rejects the A/N/Y departments; this module does not.
"""

from __future__ import annotations

import re

from checker.findings import make
from checker.validators import (
    PROVINCE_CODES,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    drop_separators,
    normalise,
    safe_check,
)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {c: i for i, c in enumerate(ALPHABET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))

DEPARTMENTS = "123456789ANY"

# Category codes per department where a source names them; other
# departments are not checked. 工商 (9): 1 企业, 2 个体工商户, 3 农民专业合作社
# (Hutool CreditCodeUtil javadoc citing cods.org.cn/c/2020-10-29/12575.html);
# 民政 (5): 1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他 (GB 32100 text quoted
# in public USCC utilities); 机构编制 (1): 1 机关, 2 事业单位,
# 3 群众团体, 9 其他 (same).
KNOWN_CATEGORIES = {"1": "1239", "5": "1239", "9": "123"}

# Central-level registrations use area code 100000, which is not a province.
_CENTRAL_AREA = "10"

_LEGACY_REGISTRATION = re.compile(r"[0-9]{15}")
# Narrow on purpose: Fujian area code, "M" in position 9 followed by a digit
# (the post-2015 nationwide "MA…" codes pass the checksum and stay strict).
_PILOT = re.compile(r"[0-9A-Z]{2}35[0-9]{4}M[0-9][0-9A-Z]{8}")


def compact(value) -> str:
    """Remove spaces and hyphens, fold full-width characters, upper-case."""
    return drop_separators(normalise(as_text(value, "uscc"))).upper()


def calc_check_char(first17: str) -> str:
    """The check character for the first 17 characters."""
    total = sum(_VALUES[c] * w for c, w in zip(first17, WEIGHTS))
    return ALPHABET[(31 - total % 31) % 31]


def is_pilot_code(code: str) -> bool:
    """True for the shape of the early Fujian pilot codes (checksum not applied)."""
    return bool(_PILOT.fullmatch(code))


def validate(value) -> str:
    """Return the compacted USCC or raise a ValidationError.

    Pilot codes that fail the checksum are accepted (``check`` warns).
    """
    code = compact(value)
    if len(code) == 15 and _LEGACY_REGISTRATION.fullmatch(code):
        raise InvalidLength("uscc.legacy_number")
    if len(code) != 18:
        raise InvalidLength("uscc.length", length=len(code))
    bad = sorted({c for c in code if c not in _VALUES})
    if bad:
        raise InvalidFormat("uscc.format", chars="".join(bad))
    if code[0] not in DEPARTMENTS:
        raise InvalidComponent("uscc.department", char=code[0])
    if not code[2:8].isdigit():
        raise InvalidFormat("uscc.area_format", area=code[2:8])
    if calc_check_char(code[:17]) != code[17] and not is_pilot_code(code):
        raise InvalidChecksum("uscc.checksum")
    return code


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


def area_code(value) -> str:
    """Positions 3–8: the registering authority's GB/T 2260 area code."""
    return validate(value)[2:8]


def province_code(value) -> str:
    """Positions 3–4: the province part of the area code ("10" = central)."""
    return validate(value)[2:4]


def registration_province(value) -> str | None:
    """The GB/T 2260 province code where the organisation is registered.

    None for organisations registered centrally (area "10") and for area
    codes that are not a province's; raises ValidationError for invalid codes.
    """
    area = province_code(value)
    return area if area in PROVINCE_CODES and area != _CENTRAL_AREA else None


@safe_check
def check(value, field="uscc", **context) -> list:
    """Findings for a USCC; never raises."""
    try:
        code = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    findings = []
    if calc_check_char(code[:17]) != code[17]:
        findings.append(make("uscc.pilot_checksum", field))
    known = KNOWN_CATEGORIES.get(code[0])
    if known is not None and code[1] not in known:
        findings.append(make("uscc.category_unknown", field, department=code[0], category=code[1]))
    province = code[2:4]
    if province not in PROVINCE_CODES and province != _CENTRAL_AREA:
        findings.append(make("uscc.area_unknown", field, area=code[2:8]))
    return findings
