"""Website name (网站名称) rules.

Rules that hold everywhere (TQA rejection FAQ; QingCloud site_name.md;
Tencent Cloud Intl doc 1022/31666, 2020-02-20; domain-facts §7): the name
must not be only digits or only Latin letters, must not be the domain
itself, and should not contain special symbols ("()-" are tolerated, 3z0.cn;
"·" is used in names of people and places). These are checked in code.

Everything that varies by province, provider or date comes in ``rules``
from the generated data (all keys optional):

``min_length`` / ``max_length``
    counted as the number of CJK characters, letters and digits (spaces and
    punctuation do not count);
``forbidden_prefixes``
    e.g. 中国/中华/全国 for non-state entities;
``banned_personal_words``
    words individuals may not use (导航, 论坛…);
``preapproval_keywords``
    word -> pre-approval category id;
``required_suffixes_personal``
    a province's required endings for personal sites (may be outdated, so
    only a warning);
``sensitive_words``
    words providers report as refused (warning: substring matches can be
    innocent).
"""

from __future__ import annotations

import unicodedata

from checker.findings import make
from checker.validators import (
    InvalidComponent,
    InvalidLength,
    ValidationError,
    as_str_list,
    as_text,
    per_object,
    safe_check,
)
from checker.validators import domain as _domain

ALLOWED_SYMBOLS = "()-·"
ENTITY_KINDS = ("organisation", "individual")

_ERROR_CLASS = {
    "website_name.empty": InvalidLength,
    "website_name.too_short": InvalidLength,
}


def compact(value) -> str:
    """NFKC (full-width brackets and letters to ASCII) and single spaces."""
    text = unicodedata.normalize("NFKC", as_text(value, "website_name", max_chars=500))
    return " ".join(text.split())


def _is_cjk(c: str) -> bool:
    return unicodedata.category(c) == "Lo" and "CJK" in unicodedata.name(c, "")


def counted_length(name: str) -> int:
    """Characters that count towards the length: letters (incl. CJK) and digits."""
    return sum(1 for c in name if c.isalnum())


def _fold(text: str) -> str:
    return "".join(c for c in text.casefold() if not c.isspace())


def _domain_names(domain, suffixes):
    """Forms of the domain a name must not equal: host, registrable, its label."""
    try:
        host = _domain.to_unicode(domain)
    except ValidationError:  # a bad domain is reported by the domain check
        return set()
    names = {host, _domain.to_ascii(host)}
    bare = host[4:] if host.startswith("www.") else host
    registrable = _domain.registrable_domain(host, suffixes) if suffixes else None
    registrable = registrable or bare
    names.update({bare, registrable, registrable.split(".")[0]})
    return {_fold(n) for n in names if n}


def _rule_int(rules, key):
    value = rules.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


_PREPARED: dict = {}


def _prepared(rules: dict) -> dict:
    """The word lists of ``rules`` with their case-folded forms, once per rules dict.

    The engine passes the same dict for every name checked under one
    province's rules, so folding the lists once keeps batches fast
    (see :func:`checker.validators.per_object`).
    """
    return per_object(_PREPARED, rules, _fold_lists)


def _fold_lists(rules: dict) -> dict:
    def pairs(key):
        return tuple((w, w.casefold()) for w in as_str_list(rules.get(key)))

    keywords = rules.get("preapproval_keywords")
    return {
        "forbidden_prefixes": pairs("forbidden_prefixes"),
        "banned_personal_words": pairs("banned_personal_words"),
        "required_suffixes_personal": pairs("required_suffixes_personal"),
        "sensitive_words": pairs("sensitive_words"),
        "preapproval_keywords": tuple((w, w.casefold(), c) for w, c in keywords.items() if isinstance(w, str) and w)
        if isinstance(keywords, dict) else (),
    }


def _findings(name, field, domain, entity_kind, rules, state_entity, suffixes):
    rules = rules if isinstance(rules, dict) else {}
    out = []
    letters = [c for c in name if c.isalnum()]
    if not letters:
        return [make("website_name.empty", field)]
    length = len(letters)
    min_length, max_length = _rule_int(rules, "min_length"), _rule_int(rules, "max_length")
    if min_length is not None and length < min_length:
        out.append(make("website_name.too_short", field, length=length, min=min_length))
    if max_length is not None and length > max_length:
        out.append(make("website_name.too_long", field, length=length, max=max_length))
    if all(c.isdigit() for c in letters):
        out.append(make("website_name.only_digits", field))
    elif all(c.isascii() and c.isalpha() for c in letters):
        out.append(make("website_name.only_latin", field))
    elif not any(_is_cjk(c) for c in letters):
        out.append(make("website_name.no_chinese", field))
    if domain is not None and _fold(name) in _domain_names(domain, suffixes):
        out.append(make("website_name.equals_domain", field))
    folded = name.casefold()
    words = _prepared(rules)
    if not state_entity:
        for prefix, key in words["forbidden_prefixes"]:
            if folded.startswith(key):
                out.append(make("website_name.forbidden_prefix", field, prefix=prefix))
                break
    if entity_kind == "individual":
        for word, key in words["banned_personal_words"]:
            if key in folded:
                out.append(make("website_name.banned_personal_word", field, word=word))
    for word, key, category in words["preapproval_keywords"]:
        if key in folded:
            out.append(make("website_name.preapproval_keyword", field, word=word, category=category))
    suffixes_personal = words["required_suffixes_personal"]
    if entity_kind == "individual" and suffixes_personal:
        if not any(folded.endswith(key) for _, key in suffixes_personal):
            out.append(make("website_name.personal_suffix", field, suffixes=[s for s, _ in suffixes_personal]))
    for word, key in words["sensitive_words"]:
        if key in folded:
            out.append(make("website_name.sensitive_word", field, word=word))
    odd = sorted({c for c in name if not (c.isalnum() or c.isspace() or c in ALLOWED_SYMBOLS)})
    if odd:
        out.append(make("website_name.special_chars", field, chars=" ".join(odd)))
    return out


def validate(name, domain=None, entity_kind="organisation", rules=None, state_entity=False, suffixes=None) -> str:
    """Return the compacted name or raise for the first error-level finding."""
    text = compact(name)
    for finding in _findings(text, "website_name", domain, entity_kind, rules, state_entity, suffixes):
        if finding.severity == "error":
            cls = _ERROR_CLASS.get(finding.code, InvalidComponent)
            raise cls(finding.code, **dict(finding.params))
    return text


def is_valid(name, domain=None, entity_kind="organisation", rules=None, state_entity=False, suffixes=None) -> bool:
    try:
        return bool(validate(name, domain, entity_kind, rules, state_entity, suffixes))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


@safe_check
def check(
    name,
    field="website_name",
    domain=None,
    entity_kind="organisation",
    rules=None,
    state_entity=False,
    suffixes=None,
    **context,
) -> list:
    """Findings for a website name; never raises.

    ``state_entity`` is True for state organs (国家机关) and similar, which
    may use the prefixes that ``forbidden_prefixes`` lists. ``suffixes``
    (public suffixes) lets "equals the domain" use the registrable label.
    """
    try:
        text = compact(name)
    except ValidationError as exc:
        return [exc.finding(field)]
    return _findings(text, field, domain, entity_kind, rules, state_entity is True, suffixes)

