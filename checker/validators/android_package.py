"""Android package names (application IDs), as an app filing asks for them.

The filing's "包名" for an Android app is the application ID: the name the
app is installed and published under (e.g. com.tencent.mm).

Rule followed, from Android Developers, "Configure the app module", section
"Set the application ID", https://developer.android.com/build/configure-app-module
(undated page; read 2026-11-30):

    It must have at least two segments (one or more dots).
    Each segment must start with a letter.
    All characters must be alphanumeric or an underscore [a-zA-Z0-9_].

The ``<manifest>`` element reference said the same of the manifest's
``package`` attribute: "The name may contain uppercase or lowercase letters
('A' through 'Z'), numbers, and underscores ('_'). However, individual
package name parts may only start with letters." (developer.android.com/
guide/topics/manifest/manifest-element.html, as quoted in
github.com/facebook/react-native pull 7115, 2016, and
github.com/xcreatelabs/playir issue 171, 2015; read 2026-11-30).

Upper-case letters are allowed (com.eg.android.AlipayGphone is Alipay's),
so the case is kept. No maximum length is documented, so none is checked.
The Android Gradle plugin refuses a Java keyword as a part of the manifest
package ("… is not a valid Java package name as 'new' is a Java keyword",
github.com/GoogleChromeLabs/bubblewrap issue 672, 2022), but the
documentation above does not forbid keywords in the application ID, which
may differ from the code's namespace; keywords are therefore not flagged.

:func:`stray_chars` is shared with the other app-identifier modules (iOS
bundle IDs, HarmonyOS bundle names, certificate fingerprints).
"""

from __future__ import annotations

import string

from checker.validators import (
    InvalidComponent,
    InvalidFormat,
    ValidationError,
    as_text,
    normalise,
    safe_check,
)

ALLOWED = frozenset(string.ascii_letters + string.digits + "_.")
MIN_SEGMENTS = 2


def stray_chars(text: str, allowed) -> str:
    """The characters of ``text`` not in ``allowed``, each once, in order of
    appearance; spaces and other invisible characters as U+XXXX so the
    message shows them."""
    seen = []
    for char in text:
        if char not in allowed and char not in seen:
            seen.append(char)
    return " ".join(c if c.isprintable() and not c.isspace() else "U+%04X" % ord(c) for c in seen)


def compact(value) -> str:
    """Strip surrounding spaces and fold full-width characters; the case is kept."""
    return normalise(as_text(value, "android_package")).strip()


def validate(value) -> str:
    name = compact(value)
    bad = stray_chars(name, ALLOWED)
    if bad:
        raise InvalidFormat("android_package.format", chars=bad)
    parts = name.split(".")
    if not all(parts):
        raise InvalidFormat("android_package.empty_segment")
    if len(parts) < MIN_SEGMENTS:
        raise InvalidFormat("android_package.segments")
    for part in parts:
        if not part[0].isalpha():
            raise InvalidComponent("android_package.segment_start", segment=part)
    return name


def is_valid(value) -> bool:
    try:
        return bool(validate(value))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return validate(value)


@safe_check
def check(value, field="android_package", **context) -> list:
    """Findings for an Android package name; never raises."""
    try:
        validate(value)
    except ValidationError as exc:
        return [exc.finding(field)]
    return []
