"""iOS bundle IDs (CFBundleIdentifier), as an app filing asks for them.

Rule followed, from Apple Developer, Help, Glossary, "bundle ID",
https://developer.apple.com/help/glossary/bundle-id (undated page; read
2026-11-30):

    A bundle ID string needs to be a uniform type identifier (UTI) that
    contains only alphanumeric characters (A-Z, a-z, 0-9), hyphens (-),
    and/or periods (.). The string should be in reverse-DNS format.
    Bundle IDs are case insensitive.

So other characters are errors; a value without a dot is only a warning
("should"; real ones exist: Suning's is SuningEMall in the public list
github.com/WengYuehTing/iOS-app-info). Empty parts (a leading, trailing or
doubled dot) are not named by the glossary, so they are warnings too. The
case is kept as typed: the IDs are case-insensitive, so there is no
canonical case to convert to.

Apple's glossary entry "App ID" (https://developer.apple.com/help/glossary/app-id,
read 2026-11-30) explains two look-alikes people paste instead: a wildcard
App ID, whose bundle ID search string ends with an asterisk and which
cannot be used to submit an app, and the App ID itself, which puts the
team ID in front of the bundle ID. A team ID is 10 letters and digits
(e.g. ABCDE12345; AWS and Google API references describe it so), so a
first part of that shape in front of a reverse-DNS name gets a warning.
"""

from __future__ import annotations

import re
import string

from checker.findings import make
from checker.validators import (
    InvalidFormat,
    ValidationError,
    as_text,
    normalise,
    safe_check,
)
from checker.validators.android_package import stray_chars

ALLOWED = frozenset(string.ascii_letters + string.digits + "-.")
WILDCARD = "*"

# ABCDE12345.com.example.app: a 10-character team ID (capitals and digits,
# both present) in front of a name of at least two parts.
_TEAM_PREFIX = re.compile(r"(?=[A-Z0-9]*[0-9])(?=[A-Z0-9]*[A-Z])([A-Z0-9]{10})\.([^.]+\..+)")


def compact(value) -> str:
    """Strip surrounding spaces and fold full-width characters; the case is kept."""
    return normalise(as_text(value, "ios_bundle_id")).strip()


def validate(value) -> str:
    bundle = compact(value)
    if WILDCARD in bundle:
        raise InvalidFormat("ios_bundle_id.wildcard")
    bad = stray_chars(bundle, ALLOWED)
    if bad:
        raise InvalidFormat("ios_bundle_id.format", chars=bad)
    return bundle


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return validate(value)


@safe_check
def check(value, field="ios_bundle_id", **context) -> list:
    """Findings for an iOS bundle ID; never raises."""
    try:
        bundle = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    if "." not in bundle:
        return [make("ios_bundle_id.not_reverse_dns", field)]
    if any(not part for part in bundle.split(".")):
        return [make("ios_bundle_id.empty_segment", field)]
    team = _TEAM_PREFIX.fullmatch(bundle)
    if team:
        return [make("ios_bundle_id.team_prefix", field, prefix=team.group(1), bundle=team.group(2))]
    return []
