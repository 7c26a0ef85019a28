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


def values_text(rule_id: str, values: list, lang: str, table: dict | None = None, *, link=_plain,
                alternatives: bool = True) -> str:
    """The values in force in words: several values are alternatives (the sources conflict).

    Conflicting numbers are one range ("1–3"), everywhere: pages, checklists and the checker.
    With ``alternatives=False`` the values all apply (claims that add to each other,
    such as extra documents) and are said one after another.
    """
    table = table or labels()
    values = _distinct(values)
    if not values:
        return ui("unknown_value", lang, table).rstrip(".。")
    if not alternatives:
        return sentences([value_text(rule_id, v, lang, table, link=link) for v in values], lang, table)
    numbers = _numbers(values)
    if len(values) > 1 and len(numbers) == len(values):
        return _range_text(numbers, lang, table)
    texts = [value_text(rule_id, v, lang, table, link=link) for v in values]
    return punct("or", lang, table).join(texts[:1] + [_continued(t) for t in texts[1:]])


def _continued(text: str) -> str:
    """A sentence-case label that continues a sentence after "or": "Must be registered in this
    province or any mainland number", not "… or Any mainland number". Only a capital followed by
    a small letter is lowered, so "ICP …" stays; Chinese has no case."""
    return text[0].lower() + text[1:] if text[:1].isupper() and text[1:2].islower() else text


def both_values_text(rule_id: str, values: list) -> dict:
    return {lang: values_text(rule_id, values, lang) for lang in ("en", "zh")}


def fill(texts: dict, rule_id: str, values: list, lang: str, table: dict | None = None, *, link=_plain,
         alternatives: bool = True) -> str:
    """A step's or document's sentence with the rule's values in place of ``{value}``.

    ``texts`` holds the sentence (``en``, ``zh``) and may say how to read the value:
    with ``value_is: at_least`` the value is a threshold ("{value} or more domains"),
    so the lowest value in force counts (conflicting sources give the range after
    it), and a threshold of 1 takes the sentence ``every`` instead ("with every
    submission", not "when you submit 1 or more"). ``alternatives``: see :func:`values_text`.
    """
    table = table or labels()
    text = _pick(texts["text"], lang, f"the text of {rule_id}")
    if "{value}" not in text:
        return text
    numbers = _numbers(_distinct(values))
    if texts.get("value_is") == "at_least" and numbers and len(numbers) == len(_distinct(values)):
        low = min(numbers)
        if low == 1 and "every" in texts:
            text, value = _pick(texts["every"], lang, f"the 'every' text of {rule_id}"), ""
        else:
            value = str(low)
        if len(numbers) > 1:
            differ = ui("sources_differ", lang, table).format(values=_range_text(numbers, lang, table))
            text = cited(text.replace("{value}", value), differ, lang, table)
        return text.replace("{value}", value)
    return text.replace("{value}", values_text(rule_id, values, lang, table, link=link, alternatives=alternatives))


def _distinct(values) -> list:
    out = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _numbers(values) -> list:
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def _range_text(numbers, lang, table) -> str:
    low, high = min(numbers), max(numbers)
    return str(low) if low == high else f"{low}{punct('range_dash', lang, table)}{high}"


_STOPS = (".", "。", "!", "！", "?", "？")


def cited(text: str, citation: str, lang: str, table: dict | None = None) -> str:
    """``text`` with ``citation`` in brackets after the complete phrase, before its full stop:
    "… not accepted (JD Cloud 2018)." and "……不予受理（京东云 2018）。"."""
    if not citation:
        return text
    stop = text[-1:] if text.endswith(_STOPS) else ""
    return text[: len(text) - len(stop)] + paren(citation, lang, table) + stop


def sentences(parts, lang: str, table: dict | None = None) -> str:
    """Statements one after another: "; " between phrases, but a full stop is not followed by "; "."""
    out = ""
    for part in parts:
        if out:
            out += punct("sentence_join" if out.endswith(_STOPS) else "sentence_sep", lang, table)
        out += part
    return out


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


class Cited(dict):
    """Citations in words, ``{en, zh}`` (what a message says), that keep the ids of
    the sources they name (what a page links to); see :mod:`checker.findings`."""

    ids: tuple = ()


def source_name(sid: str, lang: str) -> str:
    """A source's publisher in ``lang`` (sources.yaml ``publisher`` / ``publisher_zh``)."""
    src = _rules.load()["sources"].get(sid)
    if src is None:
        return str(sid)
    return src["publisher_zh"] if lang == "zh" else src["publisher"]


def cite(source_ids) -> Cited:
    """Short citations for messages, in both languages: "Tencent Cloud 2017; JD Cloud 2018"."""
    return _cite(tuple(source_ids or ()))


@lru_cache(maxsize=1024)
def _cite(source_ids: tuple) -> Cited:
    cited_ = Cited((lang, cite_text(source_ids, lang)) for lang in ("en", "zh"))
    cited_.ids = source_ids
    return cited_


def cite_text(source_ids, lang: str) -> str:
    """Short citations in one language; a publisher and year named twice are named once."""
    sources = _rules.load()["sources"]
    out = []
    for sid in source_ids or ():
        year = sources.get(sid, {}).get("published", "unknown")[:4]
        label = source_name(sid, lang) + (" " + year if year.isdigit() else "")
        if label not in out:
            out.append(label)
    return punct("sentence_sep", lang).join(out)


def sides(entry: dict) -> dict:
    """What each source says about a rule, in both languages (for "verify" findings)."""
    table = labels()
    out = {}
    for lang in ("en", "zh"):
        claims = entry["claims_in_force"]
        if not claims:
            checked = cite_text(entry["checked"], lang)
            text = ui("no_source_states", lang, table)
            if checked:
                text += paren(ui("sources_read", lang, table) + punct("colon", lang, table) + checked, lang, table)
            out[lang] = text
            continue
        parts = [cited(value_text(entry["id"], c["value"], lang, table), cite_text(c["sources"], lang), lang, table)
                 for c in claims]
        out[lang] = sentences(parts, lang, table)
    return out
