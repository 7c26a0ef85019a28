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
_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"})
SHARED = ("province_rules", "steps", "findings")   # the sections whose items are shared between reports
_MEMO: dict = {}   # id(object) -> (object, its JSON); holding the object keeps its id from being reused
_LIMIT = 20000


def _memo(value) -> str:
    found = _MEMO.get(id(value))
    if found is None or found[0] is not value:
        if len(_MEMO) >= _LIMIT:
            _MEMO.clear()
        found = _MEMO[id(value)] = (value, _encode_fast(value))
    return found[1]


def _section(key, value) -> str:
    if key == "province_rules":
        return _memo(value)                  # the whole list is one cached object
    return "[" + ",".join(map(_memo, value)) + "]"   # steps, findings: a new list of cached items


def dumps(report: dict, shared: bool = False) -> str:
    """``report`` as one line of JSON; ``shared``: it was built with shared sections (never changed later)."""
    if shared:
        # Consecutive sections that are not shared are encoded together, in one call.
        parts, run = [], {}
        for key, value in report.items():
            if key in SHARED and value:
                if run:
                    parts.append(_encode_fast(run)[1:-1])
                    run = {}
                parts.append(_encode_fast(key) + ":" + _section(key, value))
            else:
                run[key] = value
        if run:
            parts.append(_encode_fast(run)[1:-1])
        line = "{" + ",".join(parts) + "}"
    else:
        line = _encode(report)
    return line.translate(_BREAKS) if any(c in line for c in "\x85\u2028\u2029") else line
