"""Findings: what a check reports about one field.

A :class:`Finding` is immutable and gives its message in English and
Chinese, so the browser can switch language without re-running a check.
Each message is rendered when first asked for: a batch in one language
never renders the other (``make bench``).
Findings are created with :func:`make`, which looks the code up in the
message catalogue: ``province_data/messages.yaml``, checked and compiled by
the generator into ``checker/data/messages.json``. There is no other way to
invent a severity or a message, which keeps wording reviewable in one place.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field as _field
from functools import cached_property, lru_cache
from importlib import resources

SEVERITIES = ("error", "warning", "info")


@lru_cache(maxsize=1)
def catalog() -> dict:
    """The compiled catalogue (checker/data/messages.json), loaded on first use.

    Keys: ``messages`` and ``phrases`` by code, ``labels`` (the punctuation
    and value-type words of labels.yaml) and ``param_chars`` (how long a
    plain param may be, by module). Shared by every caller: read it, never
    change it.
    """
    text = resources.files("checker").joinpath("data/messages.json").read_text(encoding="utf-8")
    return json.loads(text)


def label(section: str, key: str) -> dict:
    """A ``{en, zh}`` word from labels.yaml's ``section`` (punctuation, value_types)."""
    return catalog()["labels"][section][key]


@lru_cache(maxsize=1024)
def _param_chars(code: str | None) -> int:
    # User input can end up in a message (e.g. the rejected TLD); long values
    # would swamp the UI, so they are shortened. messages.yaml says how much
    # each module may show.
    limits = catalog()["param_chars"]
    module = code.split(".", 1)[0] if code else None
    return limits["modules"].get(module, limits["default"])


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    field: str
    params: tuple = ()
    sources: tuple = ()  # ids of the sources the message cites (see words.Cited), for links
    limit: int = 0       # how long a plain param may be in the message
    # The params as given (lists, {en, zh} texts, citations), for rendering the messages.
    raw: dict = _field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def message_en(self) -> str:
        return _render(catalog()["messages"][self.code]["en"], self.raw, "en", self.limit)

    @cached_property
    def message_zh(self) -> str:
        return _render(catalog()["messages"][self.code]["zh"], self.raw, "zh", self.limit)

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "zh…"); anything else gives English."""
        if isinstance(lang, str) and lang.lower().startswith("zh"):
            return self.message_zh
        return self.message_en

    def shared_dict(self, lang: str = "en") -> dict:
        """:meth:`to_dict`, made once per language and shared: the caller must not change it."""
        key = "_dict_zh" if lang_code(lang) == "zh" else "_dict_en"
        found = self.__dict__.get(key)
        if found is None:
            found = self.__dict__[key] = self.to_dict(lang)
        return found

    def param(self, name: str, default=None):
        for key, value in self.params:
            if key == name:
                return value
        return default

    def to_dict(self, lang: str = "en") -> dict:
        return {
            "code": self.code,
            "severity": self.severity,
            "field": self.field,
            "message": self.message(lang),
            "sources": list(self.sources),
        }


def _freeze(value):
    """Make a param value hashable and comparable (lists become tuples)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_freeze(v) for v in value]
        if isinstance(value, (set, frozenset)):
            items.sort(key=str)
        return tuple(items)
    if isinstance(value, dict):
        en, zh = value.get("en"), value.get("zh")
        if len(value) == 2 and type(en) is str and type(zh) is str:
            return ("en", en), ("zh", zh)   # the usual {en, zh} text, as the general case orders it
        return tuple(sorted(((str(k), _freeze(v)) for k, v in value.items()), key=_first))
    return value


def _first(pair):
    return pair[0]   # keys of one mapping are distinct: the values never need comparing


def _display(value, lang: str, limit: int) -> str:
    if type(value) is str:   # the most common param: plain text
        return value if len(value) <= limit else value[: limit - 1] + "…"
    if value is None:
        return ""
    if isinstance(value, dict) and ("en" in value or "zh" in value):
        # Wording from the data set or a catalog, in both languages: shown in full.
        chosen = value.get(lang, value.get("en", ""))
        return chosen if isinstance(chosen, str) else _display(chosen, lang, limit)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return label("punctuation", "list_sep")[lang].join(_display(v, lang, limit) for v in value)
    text = _safe_str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


class _Params(dict):
    # A template naming a param the caller did not pass renders the
    # placeholder instead of raising: check() must never raise.
    def __missing__(self, key):
        return "{" + key + "}"


def _render(template: str, params: dict, lang: str, limit: int) -> str:
    values = _Params((k, _display(v, lang, limit)) for k, v in params.items())
    try:
        return template.format_map(values)
    except (ValueError, IndexError, AttributeError, KeyError):
        return template


def _safe_str(value) -> str:
    try:
        return str(value)
    except Exception:  # a hostile __str__ must not break a check
        return "?"


_MADE: dict = {}
_PLAIN = frozenset({str, int, float, bool, type(None)})   # exact types: a words.Cited is a dict subclass


def build(code: str, field, params: dict, limit: int | None = None) -> Finding:
    """The finding for ``code``; KeyError if the catalogue has no such code.

    Plain param values longer than ``limit`` (by default the catalogue's
    limit for the code's module) are shortened. Findings are immutable, so
    equal ones are shared from a small cache.
    """
    field_name = field if type(field) is str else _safe_str(field)
    # Most values are plain text or numbers, already hashable and citing nothing: only the others
    # are frozen and searched for citations.
    if all(type(v) in _PLAIN for v in params.values()):
        frozen, cited = tuple(sorted(params.items())), ()
    else:
        frozen = tuple(sorted((k, v if type(v) in _PLAIN else _freeze(v)) for k, v in params.items()))
        cited = _cited(params)
    key = (code, field_name, frozen, limit, cited)   # the default limit follows from the code
    try:
        cached = _MADE.get(key)
    except TypeError:  # an unhashable param: no caching
        key, cached = None, None
    if cached is not None:
        return cached
    entry = catalog()["messages"][code]
    finding = Finding(code=code, severity=entry["severity"], field=field_name, params=frozen, sources=cited,
                      limit=_param_chars(code) if limit is None else limit, raw=dict(params))
    if key is not None:
        if len(_MADE) >= 8192:
            _MADE.clear()
        _MADE[key] = finding
    return finding


def _cited(params: dict) -> tuple:
    """The source ids behind the citations among ``params`` (words.Cited values, or lists of them)."""
    ids = []
    for value in params.values():
        kind = type(value)
        if kind in _PLAIN:
            continue
        for item in value if kind in (list, tuple) else (value,):
            for sid in getattr(item, "ids", ()) if isinstance(item, (str, dict)) else ():   # words.Cited
                if sid not in ids:
                    ids.append(sid)
    return tuple(ids)


def make(code: str, field, /, **params) -> Finding:
    """Build the finding for catalogue ``code``; raises KeyError for an unknown code."""
    return build(code, field, params)


def phrase_in(code: str, lang: str, /, **params) -> str:
    """A catalogue phrase in one language (when only that one is shown)."""
    entry = catalog()["phrases"][code]
    return _render(entry[lang], params, lang, _param_chars(code))


def phrase(code: str, /, **params) -> dict:
    """A catalogue phrase (part of a sentence) as ``{en, zh}``, to pass as a finding's param."""
    entry = catalog()["phrases"][code]
    limit = _param_chars(code)
    return {lang: _render(entry[lang], params, lang, limit) for lang in ("en", "zh")}


def lang_code(lang) -> str:
    """"zh" for any Chinese language tag, else "en"."""
    return "zh" if isinstance(lang, str) and lang.lower().startswith("zh") else "en"


def text(value, lang: str) -> str:
    """A ``{en, zh}`` text (or plain value) in ``lang``."""
    return _display(value, lang_code(lang), _param_chars(None))


def has_errors(findings) -> bool:
    return any(f.severity == "error" for f in findings)
