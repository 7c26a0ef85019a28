"""Reading an application file's text (JSON or YAML) into data, with the line of any problem.

Validation against the format is :mod:`checker.application`'s job. Besides
syntax errors, reading refuses what no application needs and what could
hurt the reader (documented on content/application-format.md):

- a key given twice in one mapping (it would otherwise be last-wins, silently);
- nesting deeper than :data:`MAX_DEPTH` containers (an application needs about four);
- an integer literal of more than :data:`MAX_DIGITS` digits (Python refuses to
  convert 4,300 digits or more).
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from functools import lru_cache

from checker.findings import make, phrase
from checker.words import both

MAX_DEPTH = 100
MAX_DIGITS = 1000


class _Problem(Exception):
    """Something found while reading: a catalogue code, the 1-based line, its params."""

    def __init__(self, code, line, **params):
        super().__init__(code)
        self.code, self.line, self.params = code, line, params


def where(source, line=None) -> dict | str:
    """``app.json`` or ``app.json: line 3`` (``stdin: line 3``), as a finding param."""
    return source if line is None else phrase("input.at_line", path=source, line=line)


def input_error(code, source, line=None, **params):
    """An InputError with one ``input.*`` finding located at ``source`` (and ``line``)."""
    from checker.application import InputError  # defined there; imported late to avoid a cycle

    return InputError([make(code, source, where=where(source, line), **params)])


def _syntax_error(source, line, syntax, error):
    from checker.application import InputError

    return InputError([make("input.bad_syntax", source, path=source, line=line, syntax=syntax, error=error)])


def _problem_error(problem: _Problem, source, first_line):
    return input_error(problem.code, source, first_line + problem.line - 1, **problem.params)


# --- YAML ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _yaml_loader():
    import yaml  # lazily: only the CLI reads YAML, and Pyodide has no PyYAML
    from yaml.composer import Composer
    from yaml.events import AliasEvent, CollectionStartEvent

    # libyaml's parser when PyYAML was built with it (much faster); the composer is PyYAML's
    # own in both cases, because libyaml's composes recursively in C and a deeply nested
    # file would crash the interpreter before any limit could be applied.
    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

    class Loader(Composer, base):
        """YAML 1.2-ish scalars (yes/no/on/off and dates stay text), and the limits above."""

        def __init__(self, stream):
            base.__init__(self, stream)
            Composer.__init__(self)
            self.open_anchors = []

        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, AliasEvent):
                if event.anchor in self.open_anchors:  # an alias inside its own anchor nests forever
                    raise _Problem("input.too_deep", event.start_mark.line + 1, limit=MAX_DEPTH)
                return Composer.compose_node(self, parent, index)
            if not isinstance(event, CollectionStartEvent):
                return Composer.compose_node(self, parent, index)
            if len(self.open_anchors) >= MAX_DEPTH:
                raise _Problem("input.too_deep", event.start_mark.line + 1, limit=MAX_DEPTH)
            self.open_anchors.append(event.anchor)
            try:
                return Composer.compose_node(self, parent, index)
            finally:
                self.open_anchors.pop()

        def construct_mapping(self, node, deep=False):
            own = [key for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge"]
            mapping = super().construct_mapping(node, deep=deep)
            if len(own) > 1:
                seen = set()
                for key_node in own:  # constructed above, so this only looks them up
                    key = self.construct_object(key_node, deep=True)
                    if key in seen:
                        raise _Problem("input.duplicate_key", key_node.start_mark.line + 1, name=str(key))
                    seen.add(key)
            return mapping

        def construct_yaml_int(self, node):
            if len(node.value) > MAX_DIGITS:
                raise _Problem("input.long_number", node.start_mark.line + 1, limit=MAX_DIGITS)
            return super().construct_yaml_int(node)

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
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


def _parse_yaml(text, source, first_line):
    yaml, loader = _yaml_loader()
    try:
        documents = list(yaml.load_all(text, Loader=loader))
    except _Problem as problem:
        raise _problem_error(problem, source, first_line) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = first_line + mark.line if mark is not None else first_line
        raise _syntax_error(source, line, "YAML", problem) from None
    if len(documents) != 1:
        found = {lang: text.format(n=len(documents)) for lang, text in both("input_one_document").items()}
        raise _syntax_error(source, first_line, "YAML", found)
    return _plain(documents[0])


# --- JSON ------------------------------------------------------------------------

def _unique_pairs(pairs):
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _Problem("input.duplicate_key", 1)  # located by _json_problem
    return data


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Problem("input.long_number", 1)  # located by _json_problem
    return int(digits)


# Strings (a key when a colon follows), brackets and integers. In JSON text every
# quote outside a string opens one, so scanning from the start finds each string whole.
_JSON_TOKEN = re.compile(r'("(?:[^"\\]|\\.)*")(\s*:)?|[{}\[\]]|-?[0-9]+', re.S)


def _json_problem(text) -> _Problem | None:
    """The first duplicate key, over-long integer or too deep nesting in ``text``, with its line.

    Only called when parsing met one of them (rare), so its cost does not matter.
    """
    open_keys = []  # a set of keys for each open object, None for each open array
    line, counted = 1, 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        line, counted = line + text.count("\n", counted, match.start()), match.start()
        if token in ("{", "["):
            if len(open_keys) >= MAX_DEPTH:
                return _Problem("input.too_deep", line, limit=MAX_DEPTH)
            open_keys.append(set() if token == "{" else None)
        elif token in ("}", "]"):
            if open_keys:
                open_keys.pop()
        elif match.group(1) is not None:
            if match.group(2) and open_keys and open_keys[-1] is not None:
                try:
                    key = json.loads(match.group(1))
                except ValueError:
                    continue
                if key in open_keys[-1]:
                    return _Problem("input.duplicate_key", line, name=key)
                open_keys[-1].add(key)
        elif len(token.lstrip("-")) > MAX_DIGITS:
            return _Problem("input.long_number", line, limit=MAX_DIGITS)
    return None


def _depth(data) -> int:
    """How deeply containers nest in parsed JSON (which has no shared nodes); 0 for a scalar."""
    deepest, stack = 0, [(data, 1)] if isinstance(data, (dict, list)) else []
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        children = value.values() if isinstance(value, dict) else value
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def _parse_json(text, source, first_line):
    try:
        data = json.loads(text, object_pairs_hook=_unique_pairs, parse_int=_bounded_int)
    except json.JSONDecodeError as exc:
        raise _syntax_error(source, first_line + exc.lineno - 1, "JSON", exc.msg) from None
    except (_Problem, RecursionError):
        data = None
    # Nesting can only be as deep as the text has brackets: most files need no walk at all.
    if data is None or (text.count("[") + text.count("{") > MAX_DEPTH and _depth(data) > MAX_DEPTH):
        problem = _json_problem(text) or _Problem("input.too_deep", 1, limit=MAX_DEPTH)
        raise _problem_error(problem, source, first_line)
    return data


def parse_text(text: str, source: str = "-", syntax: str = "json", first_line: int = 1):
    """The data in ``text`` ("json" or "yaml"); raises InputError with the line.

    A leading byte-order mark is ignored. ``first_line`` is the line number of
    the text's first line in its source (a line of JSON Lines).
    """
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise input_error("input.empty", source)
    if syntax == "yaml":
        return _parse_yaml(text, source, first_line)
    return _parse_json(text, source, first_line)
