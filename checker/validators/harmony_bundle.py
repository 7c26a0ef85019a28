"""HarmonyOS / OpenHarmony bundle names (``bundleName`` in app.json5), as an
app filing asks for them for the HarmonyOS platform.

Rule followed, from OpenHarmony, docs, "app.json5配置文件" (app.json5
Configuration File), zh-cn/application-dev/quick-start/app-configuration-file.md
in github.com/openharmony/docs (commit 5638f6d8d488, read 2026-11-30; the
English page en/…/app-configuration-file.md says the same):

* a string of dot-separated parts, at least three of them; each part holds
  only letters, digits and underscores (_);
* the first part starts with a letter, the others with a letter or digit;
  every part ends with a letter or digit;
* no two dots in a row;
* 7 to 128 bytes;
* reverse-domain names are recommended (com.example.demo).

The three-part and part-edge rules are newer: the OpenHarmony changelog
"cl.bundlemanager.1 app.json中bundleName字段正则匹配规则修改"
(zh-cn/release-notes/changelogs/OpenHarmony_5.0.0.55/changelogs-bundlemanager.md,
read 2026-11-30) says that before OpenHarmony 5.0.0.55 the rule was only
"letters, digits, underscores and dots, starting with a letter", and an
older version of the page gave 7–127 bytes. Apps built with an older SDK
may therefore carry a name that the current rule refuses, so what only the
current rule refuses (fewer than three parts, a part starting or ending
with an underscore, a trailing or doubled dot) gives a warning; what both
versions refuse is an error.

The case is kept (real names mix it: com.chinarailway.ticketingHM).
"""

from __future__ import annotations

import string

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
    as_text,
    normalise,
    safe_check,
)
from checker.validators.android_package import stray_chars

ALLOWED = frozenset(string.ascii_letters + string.digits + "_.")
MIN_BYTES = 7
MAX_BYTES = 128
MIN_SEGMENTS = 3
_EDGE = "_"


def compact(value) -> str:
    """Strip surrounding spaces and fold full-width characters; the case is kept."""
    return normalise(as_text(value, "harmony_bundle")).strip()


def validate(value) -> str:
    """The name, or a ValidationError for what every documented version of the rule refuses."""
    name = compact(value)
    bad = stray_chars(name, ALLOWED)
    if bad:
        raise InvalidFormat("harmony_bundle.format", chars=bad)
    if not name[0].isalpha():
        raise InvalidComponent("harmony_bundle.start")
    if not MIN_BYTES <= len(name) <= MAX_BYTES:  # ASCII only by now: characters are bytes
        raise InvalidLength("harmony_bundle.length", length=len(name))
    return name


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return validate(value)


@safe_check
def check(value, field="harmony_bundle", **context) -> list:
    """Findings for a HarmonyOS bundle name; never raises."""
    try:
        name = validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    parts = name.split(".")
    findings = []
    if not all(parts):
        findings.append(make("harmony_bundle.empty_segment", field))
    elif len(parts) < MIN_SEGMENTS:
        findings.append(make("harmony_bundle.segments", field))
    for index, part in enumerate(parts):
        if part.endswith(_EDGE) or (index and part.startswith(_EDGE)):
            findings.append(make("harmony_bundle.segment_edge", field, segment=part))
            break
    return findings
