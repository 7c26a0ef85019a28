"""Putting rule values and sources into words, for the checker and the pages alike.

Every word comes from ``province_data/labels.yaml`` (compiled into
rules.json): enum labels, rule names, UI words and punctuation. This module
only arranges them. :func:`value_text` is the one function that turns a rule
value into text; the generator's page model calls it too, passing a ``link``
function that turns an address into a Markdown link.
"""
from __future__ import annotations

import re

from functools import lru_cache

from checker import rules as _rules


class MissingLabel(KeyError):
    """A word the data should hold is missing from labels.yaml (the build checks this)."""


def labels() -> dict:
    return _rules.load()["labels"]


def _pick(entry, lang, where):
    try:
        return entry[lang]
    except (KeyError, TypeError):
        raise MissingLabel(f"labels.yaml has no {lang!r} text for {where}") from None


def ui(key: str, lang: str, table: dict | None = None) -> str:
    """A UI word or phrase (labels.yaml ``ui``)."""
    return _pick((table or labels())["ui"].get(key), lang, f"ui.{key}")


def punct(key: str, lang: str, table: dict | None = None) -> str:
    """Punctuation and joiners (labels.yaml ``punctuation``): list_sep, colon, or, paren_open..."""
    return _pick((table or labels())["punctuation"].get(key), lang, f"punctuation.{key}")


def both(key: str, table: dict | None = None, group: str = "ui") -> dict:
    """A labels.yaml entry in both languages, for finding params."""
    entry = (table or labels())[group].get(key)
    if entry is None:
        raise MissingLabel(f"labels.yaml has no {group}.{key}")
    return entry


def enum_label(group: str, value, lang: str, table: dict | None = None) -> str:
    return _pick((table or labels())["enums"].get(group, {}).get(value), lang, f"enums.{group}.{value}")


def rule_name(rule_id: str, table: dict | None = None) -> dict:
    """The rule's name in both languages (labels.yaml ``rules``)."""
    entry = (table or labels())["rules"].get(rule_id)
    if entry is None:
        raise MissingLabel(f"labels.yaml has no rules.{rule_id}")
    return entry


def paren(text: str, lang: str, table: dict | None = None) -> str:
    return punct("paren_open", lang, table) + text + punct("paren_close", lang, table)


def _plain(url: str) -> str:
    return url


def value_text(rule_id: str, value, lang: str, table: dict | None = None, *, link=_plain,
               block: bool = False) -> str:
    """One claim value in words.

    ``link(url)`` formats an address (plain text for the checker, a Markdown
    link for pages); ``block`` lists a list of texts one per line (pages).
    """
    table = table or labels()
    sep = punct("list_sep", lang, table)
    if isinstance(value, bool):
        return ui("yes" if value else "no", lang, table)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if value.startswith(("http://", "https://")):
            return link(value)
        return enum_label(rule_id, value, lang, table)
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return sep.join(value)
        items = [value_text(rule_id, v, lang, table, link=link) for v in value]
        if block:
            return "\n".join(f"- {i}" for i in items)
        return punct("sentence_join", lang, table).join(items)
    if isinstance(value, dict):
        return _dict_text(rule_id, value, lang, table, link, sep)
    raise TypeError(f"cannot put {value!r} of rule {rule_id} into words")


def _dict_text(rule_id, value, lang, table, link, sep):
    if "en" in value and "zh" in value:
        return _pick(value, lang, f"a text of rule {rule_id}")
    if "name" in value and "website" in value:
        name = _pick(value["name"], lang, f"the name in rule {rule_id}")
        site = value["website"]
        return name if site == "unknown" else name + paren(link(site), lang, table)
    if "text" in value:
        out = _pick(value["text"], lang, f"the text of rule {rule_id}")
        colon = punct("colon", lang, table)
        for key in ("required_suffixes", "banned_words"):
            if value.get(key):
                out += paren(ui(key, lang, table) + colon + sep.join(value[key]), lang, table)
        return out
    colon = punct("colon", lang, table)
    return sep.join(f"{ui('limit_' + k, lang, table)}{colon}{v}" for k, v in sorted(value.items()))


def values_text(rule_id: str, values: list, lang: str, table: dict | None = None, *, link=_plain) -> str:
    """The values in force in words: several values are alternatives (the sources conflict)."""
    table = table or labels()
    if not values:
        return ui("unknown_value", lang, table).rstrip(".。")
    numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    if len(values) > 1 and len(numbers) == len(values):
        return f"{min(numbers)}{punct('range_dash', lang, table)}{max(numbers)}"
    return punct("or", lang, table).join(value_text(rule_id, v, lang, table, link=link) for v in values)


def both_values_text(rule_id: str, values: list) -> dict:
    return {lang: values_text(rule_id, values, lang) for lang in ("en", "zh")}


_INDEX = re.compile(r"\[[0-9]+\]")


def field_label(path: str) -> dict:
    """How readers see an application field, in both languages (labels.yaml ``fields``).

    ``website.domains[2]`` is the domains field, ``apps[1].ios.bundle_id`` the
    apps' bundle ID field; ``answers.<question>`` is the question's own text; a
    path with no label is shown as it is.
    """
    table = labels()["fields"]
    base = _INDEX.sub("", path) if isinstance(path, str) else str(path)
    if base in table:
        return table[base]
    if base.startswith("answers."):
        question = _rules.load()["flow"]["questions"].get(base[len("answers."):])
        if question:
            return question["text"]
    return {"en": str(path), "zh": str(path)}


class Cited(str):
    """Citations in words (what a message says) that keep the ids of the
    sources they name (what a page links to); see :mod:`checker.findings`."""

    ids: tuple = ()


def cite(source_ids) -> Cited:
    """Short citations for messages: "Tencent Cloud 2017; JD Cloud 2018"."""
    return _cite(tuple(source_ids or ()))


@lru_cache(maxsize=1024)
def _cite(source_ids: tuple) -> Cited:
    cited = Cited(_cite_text(source_ids))
    cited.ids = source_ids
    return cited


def _cite_text(source_ids: tuple) -> str:
    sources = _rules.load()["sources"]
    out = []
    for sid in source_ids:
        src = sources.get(sid)
        if src is None:
            label = str(sid)
        else:
            year = src.get("published", "unknown")[:4]
            label = src["publisher"] + (" " + year if year.isdigit() else "")
        if label not in out:
            out.append(label)
    return "; ".join(out)


def sides(entry: dict) -> dict:
    """What each source says about a rule, in both languages (for "verify" findings)."""
    table = labels()
    out = {}
    for lang in ("en", "zh"):
        claims = entry["claims_in_force"]
        if not claims:
            checked = cite(entry["checked"])
            text = ui("no_source_states", lang, table)
            if checked:
                text += paren(ui("sources_read", lang, table) + punct("colon", lang, table) + checked, lang, table)
            out[lang] = text
            continue
        parts = [value_text(entry["id"], c["value"], lang, table) + paren(cite(c["sources"]), lang, table)
                 for c in claims]
        out[lang] = punct("sentence_sep", lang, table).join(parts)
    return out
