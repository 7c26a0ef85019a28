"""Reading an application file's text (JSON or YAML) into data, with the line of any syntax error.

Validation against the format is :mod:`checker.application`'s job.
"""
from __future__ import annotations

import datetime as _dt
import json
import re

from checker.findings import make
from checker.words import both


def _syntax_error(source, line, syntax, error):
    from checker.application import InputError  # defined there; imported late to avoid a cycle

    return InputError([make("input.bad_syntax", source, path=source, line=line, syntax=syntax, error=error)])


def _yaml_loader():
    import yaml  # lazily: only the CLI reads YAML, and Pyodide has no PyYAML

    class Loader(yaml.SafeLoader):
        """YAML 1.2-ish scalars: yes/no/on/off stay text, dates stay text."""

    resolvers = {}
    for key, entries in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in entries
                if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
        if kept:
            resolvers[key] = kept
    Loader.yaml_implicit_resolvers = resolvers
    bool_rx = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool", bool_rx, list("tTfF"))
    return yaml, Loader


def _plain(value, memo=None):
    """Make YAML output JSON-like: explicit date objects become ISO text.

    Shared nodes (YAML aliases) stay shared, so an alias bomb costs no more
    than the text it came from.
    """
    memo = {} if memo is None else memo
    if isinstance(value, (dict, list)):
        key = id(value)
        if key in memo:
            return memo[key]
        if isinstance(value, dict):
            out = memo[key] = {}
            for k, v in value.items():
                out[_plain(k, memo) if isinstance(k, (_dt.date, _dt.datetime)) else k] = _plain(v, memo)
        else:
            out = memo[key] = []
            out.extend(_plain(v, memo) for v in value)
        return out
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def parse_text(text: str, source: str = "-", syntax: str = "json"):
    """The data in ``text`` ("json" or "yaml"); raises InputError with the line."""
    if syntax == "yaml":
        yaml, loader = _yaml_loader()
        try:
            documents = list(yaml.load_all(text, Loader=loader))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise _syntax_error(source, mark.line + 1 if mark is not None else 1, "YAML", problem) from None
        except RecursionError:
            raise _syntax_error(source, 1, "YAML", both("cli_too_deep")) from None
        if len(documents) != 1:
            found = {lang: text.format(n=len(documents)) for lang, text in both("input_one_document").items()}
            raise _syntax_error(source, 1, "YAML", found)
        return _plain(documents[0])
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _syntax_error(source, exc.lineno, "JSON", exc.msg) from None
    except RecursionError:
        raise _syntax_error(source, 1, "JSON", both("cli_too_deep")) from None
