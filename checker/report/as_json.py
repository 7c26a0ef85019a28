"""A report as one line of JSON, as ``icp-check --json`` prints it.

The text is exactly ``json.dumps(report, ensure_ascii=False, separators=(",", ":"))``
with U+0085, U+2028 and U+2029 escaped (so that no reader splits a line).
In a batch, the province's rules, most steps and many findings are the same objects from
one report to the next (:func:`checker.report.build` with ``shared=True``),
so their JSON is made once and reused: encoding them again and again was a
large part of the CLI's time (``make bench``).
"""
from __future__ import annotations

import json
from json import encoder as _json_encoder

# Reports are trees, so the circular-reference check is skipped (it costs a fifth of the encoding).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_encode = _ENCODER.encode
# In a batch, ``encode`` is called many times per report; its Python wrapper builds a new C
# encoder on each call. One C encoder, made once, gives the same text (tests/checker/test_as_json.py).
_C_ENCODER = (_json_encoder.c_make_encoder(None, _ENCODER.default, _json_encoder.encode_basestring, None, ":", ",",
                                           False, False, True)
              if _json_encoder.c_make_encoder is not None else None)


def _encode_fast(value) -> str:
    if _C_ENCODER is None:
        return _encode(value)
    return "".join(_C_ENCODER(value, 0))


_BREAK_CHARS = "\x85\u2028\u2029"
_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in _BREAK_CHARS})
SHARED = ("province_rules", "steps", "findings")   # the sections whose items are shared between reports
_KEYS = {key: json.dumps(key) + ":" for key in SHARED}   # their keys as the line writes them
_MEMO: dict = {}   # id(object) -> [object, its JSON, that as UTF-8]; holding the object keeps its id unused
_LIMIT = 20000


def _escaped(text: str) -> str:
    return text.translate(_BREAKS) if any(c in text for c in _BREAK_CHARS) else text


def _utf8(text: str) -> bytes:
    # "replace": a lone surrogate from the input becomes "?", as the CLI's text stream writes it.
    return _escaped(text).encode("utf-8", "replace")


def _memo_entry(value) -> list:
    found = _MEMO.get(id(value))
    if found is None or found[0] is not value:
        if len(_MEMO) >= _LIMIT:
            _MEMO.clear()
        found = _MEMO[id(value)] = [value, _encode_fast(value), None]
    return found


def _memo(value) -> str:
    return _memo_entry(value)[1]


def _memo_utf8(value) -> bytes:
    found = _memo_entry(value)
    if found[2] is None:
        found[2] = _utf8(found[1])
    return found[2]


def _shared_line(report: dict, piece, memo, join):
    """A shared report's line from its sections: ``piece`` turns JSON text into a part of the
    line, ``memo`` gives a cached value's part, ``join`` joins parts (str or bytes alike)."""
    parts, run = [], {}
    for key, value in report.items():
        if key in SHARED and value:
            if run:   # consecutive sections that are not shared are encoded together, in one call
                parts.append(piece(_encode_fast(run)[1:-1]))
                run = {}
            if key == "province_rules":
                section = memo(value)                  # the whole list is one cached object
            else:                                      # steps, findings: a new list of cached items
                section = join([piece("["), join(list(map(memo, value)), piece(",")), piece("]")], piece(""))
            parts.append(join([piece(_KEYS[key]), section], piece("")))
        else:
            run[key] = value
    if run:
        parts.append(piece(_encode_fast(run)[1:-1]))
    return join([piece("{"), join(parts, piece(",")), piece("}")], piece(""))


def _join(parts, sep):
    return sep.join(parts)


def dumps(report: dict, shared: bool = False) -> str:
    """``report`` as one line of JSON; ``shared``: it was built with shared sections (never changed later)."""
    line = _shared_line(report, str, _memo, _join) if shared else _encode(report)
    return _escaped(line)


def dumps_utf8(report: dict, shared: bool = False) -> bytes:
    """:func:`dumps` encoded as UTF-8, for a byte stream: the cached sections are encoded once
    (writing text through a text stream encodes every line again)."""
    if not shared:
        return _utf8(_encode(report))
    return _shared_line(report, _utf8, _memo_utf8, _join)
