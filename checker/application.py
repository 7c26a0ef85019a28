"""The application file (format ``icp-application/1``): reading and validating it.

The contract is the JSON Schema in ``checker/schema/application.schema.json``
(draft 2020-12), documented on content/application-format.md. The checker
runs in Pyodide with the standard library only, so :func:`schema_problems`
implements the subset of JSON Schema that file uses:

``type``, ``properties``, ``required``, ``additionalProperties`` (false or a
schema), ``enum``, ``const``, ``items``, ``pattern``, ``format: date``,
``minItems``/``maxItems``, ``minLength``/``maxLength``,
``minimum``/``maximum`` and local ``$ref`` (``#/$defs/...``).

tests/checker/test_application.py checks that it agrees with the
``jsonschema`` package. Any other keyword in the schema raises at load time,
so the subset cannot silently grow.

Each problem is a :class:`checker.findings.Finding` with an ``input.*`` code
(the input is unusable: the CLI exits 2).
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from functools import lru_cache
from importlib import resources

from checker.findings import label, make, phrase

FORMAT = "icp-application/1"

SUPPORTED_KEYWORDS = frozenset({
    "type", "properties", "required", "additionalProperties", "enum", "const", "items", "pattern",
    "format", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "$ref",
    # annotations, no effect on validation
    "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default",
    "x-form",  # the checker page's form layout (site_templates/assets/checker/fields.js), not checked inside
})

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_LANGS = ("en", "zh")


class InputError(Exception):
    """The input cannot be used at all; ``findings`` say why (``input.*`` codes)."""

    def __init__(self, findings):
        self.findings = list(findings)
        super().__init__(self.findings[0].message_en if self.findings else "unusable input")


@lru_cache(maxsize=1)
def schema() -> dict:
    """The application JSON Schema shipped with the package."""
    text = resources.files("checker").joinpath("schema/application.schema.json").read_text(encoding="utf-8")
    data = json.loads(text)
    _check_subset(data, "#")
    return data


def _check_subset(node, where):
    if isinstance(node, dict):
        unknown = set(node) - SUPPORTED_KEYWORDS
        if unknown and not where.endswith(("/properties", "/$defs")):
            raise ValueError(f"schema keyword(s) {sorted(unknown)} at {where} are not supported by "
                             "checker.application; extend the validator and its agreement test first")
        for key, value in node.items():
            if key in ("enum", "const", "examples", "default", "required", "x-form"):
                continue
            _check_subset(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            _check_subset(value, f"{where}/{i}")


# --- the validator ----------------------------------------------------------

def _is_type(value, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "integer":
        if isinstance(value, bool):
            return False
        return isinstance(value, int) or (isinstance(value, float) and value.is_integer())
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "null":
        return value is None
    return False


def _json_equal(a, b) -> bool:
    """JSON equality: booleans are not numbers, 1 == 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _type_name(name: str) -> dict:
    """The ``{en, zh}`` name of a JSON type (labels.yaml value_types)."""
    return label("value_types", name)


def _type_of(value) -> dict:
    for name in ("boolean", "integer", "number", "string", "object", "array", "null"):
        if _is_type(value, name):
            if name in ("integer", "number", "string"):
                # The type's name, then the value itself (language-neutral JSON).
                return {lang: f"{_type_name(name)[lang]} {_short(value)}" for lang in _LANGS}
            return _type_name(name)
    return {"en": type(value).__name__, "zh": type(value).__name__}


def _one_of_types(types) -> dict:
    """"text or a list" / "文本或列表": the names joined with labels.yaml punctuation.or."""
    joiner = label("punctuation", "or")
    return {lang: joiner[lang].join(_type_name(t)[lang] for t in types) for lang in _LANGS}


def _short(value) -> str:
    """A short JSON-ish rendering for messages; containers are summarised, never dumped
    (a YAML alias bomb must not be expanded into a message)."""
    if isinstance(value, list):
        return f"[…] ({len(value)})"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, str) and len(value) > 60:
        value = value[:59] + "…"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        text = "?"
    return text if len(text) <= 62 else text[:61] + "…"


def path_text(path) -> str:
    """("website", "domains", 0) -> "website.domains[0]"; () -> "(top level)"."""
    out = ""
    for part in path:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _resolve(root, ref):
    if not isinstance(ref, str) or not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported, not {ref!r}")
    node = root
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def _problem(code, where, **params):
    return make(code, where, path=where, **params)


def schema_problems(instance, schema_node=None, root=None) -> list:
    """``input.*`` findings for every way ``instance`` breaks the schema, in document order."""
    root = schema() if root is None else root
    node = root if schema_node is None else schema_node
    if node is root and root is schema() and _application_predicate()(instance):
        return []  # fast path: most inputs are valid; messages are only built for invalid ones
    out = []
    _validate(instance, node, root, (), out)
    return out


def is_valid(instance, schema_node=None, root=None) -> bool:
    """True if ``instance`` follows the schema (compiled predicate, no messages)."""
    root = schema() if root is None else root
    node = root if schema_node is None else schema_node
    return compile_predicate(node, root)(instance)


@lru_cache(maxsize=1)
def _application_predicate():
    return compile_predicate(schema(), schema())


def compile_predicate(node, root, _memo=None):
    """A function value -> bool equivalent to validating against ``node``."""
    memo = {} if _memo is None else _memo
    key = id(node)
    if key in memo:
        return memo[key] or (lambda value: memo[key](value))  # None while being compiled (a $ref cycle)
    memo[key] = None
    checks = []
    if "$ref" in node:
        checks.append(compile_predicate(_resolve(root, node["$ref"]), root, memo))
    simple_type = None
    if "type" in node:
        types = node["type"]
        simple = {"string": str, "object": dict, "array": list, "boolean": bool}
        if isinstance(types, str) and types in simple:
            simple_type = simple[types]   # checked first, fused with the rest below
        else:
            checks.append(lambda v, t=types: _type_ok(v, t))
    if "const" in node:
        checks.append(lambda v, c=node["const"]: _json_equal(v, c))
    if "enum" in node:
        options = node["enum"]
        texts = frozenset(o for o in options if isinstance(o, str))
        checks.append(lambda v, o=options, t=texts: (v in t) if isinstance(v, str) else _in_enum(v, o))
    max_len, min_len = node.get("maxLength"), node.get("minLength")
    is_date_format = node.get("format") == "date"
    pattern = re.compile(node["pattern"]) if "pattern" in node else None
    if max_len is not None or min_len is not None or is_date_format or pattern is not None:
        def string_ok(v):
            if not isinstance(v, str):
                return True
            if max_len is not None and len(v) > max_len:
                return False
            if min_len is not None and len(v) < min_len:
                return False
            if is_date_format and not _is_date(v):
                return False
            return pattern is None or pattern.search(v) is not None
        checks.append(string_ok)
    if "minimum" in node or "maximum" in node:
        low, high = node.get("minimum"), node.get("maximum")
        checks.append(lambda v: not _is_type(v, "number")
                      or ((low is None or v >= low) and (high is None or v <= high)))
    if "minItems" in node or "maxItems" in node or isinstance(node.get("items"), dict):
        low, high = node.get("minItems"), node.get("maxItems")
        item = compile_predicate(node["items"], root, memo) if isinstance(node.get("items"), dict) else None

        def array_ok(v):
            if not isinstance(v, list):
                return True
            if (low is not None and len(v) < low) or (high is not None and len(v) > high):
                return False
            return item is None or all(item(x) for x in v)
        checks.append(array_ok)
    if "properties" in node or "required" in node or "additionalProperties" in node:
        props = {k: compile_predicate(sub, root, memo) for k, sub in node.get("properties", {}).items()}
        required = tuple(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        extra_check = compile_predicate(extra, root, memo) if isinstance(extra, dict) else None

        def object_ok(v):
            if not isinstance(v, dict):
                return True
            for name in required:
                if name not in v:
                    return False
            for k, x in v.items():
                check = props.get(k) if isinstance(k, str) else None
                if check is not None:
                    if not check(x):
                        return False
                elif extra is False:
                    return False
                elif extra_check is not None and not extra_check(x):
                    return False
            return True
        checks.append(object_ok)
    # The common shapes (a type alone, a type and one other check) get a function of their
    # own: validating every application is a fair part of a batch's time (make bench).
    if simple_type is not None and not checks:
        def predicate(value, cls=simple_type):
            return isinstance(value, cls)
    elif simple_type is not None and len(checks) == 1:
        def predicate(value, cls=simple_type, check=checks[0]):
            return isinstance(value, cls) and check(value)
    elif simple_type is not None:
        def predicate(value, cls=simple_type):
            if not isinstance(value, cls):
                return False
            for check in checks:
                if not check(value):
                    return False
            return True
    elif not checks:
        def predicate(value):
            return True
    elif len(checks) == 1:
        predicate = checks[0]
    else:
        def predicate(value):
            for check in checks:
                if not check(value):
                    return False
            return True
    memo[key] = predicate  # references made while compiling look it up at call time
    return predicate


def _hint_for(types, value):
    if "string" in types and isinstance(value, (int, float)) and not isinstance(value, bool):
        return phrase("input_hint.text")
    if "boolean" in types and isinstance(value, str):
        return phrase("input_hint.boolean")
    return ""


def _type_ok(value, types) -> bool:
    if isinstance(types, str):
        return _is_type(value, types)
    return any(_is_type(value, t) for t in types)


def _in_enum(value, options) -> bool:
    if isinstance(value, str):  # fast path: text equals only the same text
        return value in options
    return any(_json_equal(value, option) for option in options)


def _validate(value, node, root, path, out):
    if "$ref" in node:
        _validate(value, _resolve(root, node["$ref"]), root, path, out)
    types = node.get("type")
    if types is not None and not _type_ok(value, types):
        types = [types] if isinstance(types, str) else list(types)
        expected = _one_of_types(types)
        if path == () and "object" in types:
            out.append(_problem("input.not_object", path_text(path), got=_type_of(value)))
        else:
            out.append(_problem("input.wrong_type", path_text(path), expected=expected, got=_type_of(value),
                                hint=_hint_for(types, value)))
        return
    if "const" in node and not _json_equal(value, node["const"]):
        out.append(_problem("input.not_allowed", path_text(path), value=_short(value),
                            allowed=_short(node["const"])))
        return
    if "enum" in node and not _in_enum(value, node["enum"]):
        out.append(_problem("input.not_allowed", path_text(path), value=_short(value),
                            allowed=[str(o) for o in node["enum"]]))
        return
    if isinstance(value, str):
        _validate_string(value, node, path, out)
    elif isinstance(value, dict):
        _validate_object(value, node, root, path, out)
    elif isinstance(value, list):
        _validate_array(value, node, root, path, out)
    elif _is_type(value, "number"):
        if "minimum" in node and value < node["minimum"]:
            out.append(_bad_size(path, "input_size.minimum", node["minimum"]))
        if "maximum" in node and value > node["maximum"]:
            out.append(_bad_size(path, "input_size.maximum", node["maximum"]))


def _bad_size(path, phrase_code, limit):
    """input.bad_size, its detail the catalogue phrase that names the limit."""
    return _problem("input.bad_size", path_text(path), detail=phrase(phrase_code, n=limit))


def _validate_string(value, node, path, out):
    if "maxLength" in node and len(value) > node["maxLength"]:
        out.append(_bad_size(path, "input_size.max_length", node["maxLength"]))
        return
    if "minLength" in node and len(value) < node["minLength"]:
        out.append(_bad_size(path, "input_size.min_length", node["minLength"]))
        return
    if node.get("format") == "date" and not _is_date(value):
        out.append(_problem("input.bad_date", path_text(path), value=_short(value)))
        return
    if "pattern" in node and not re.search(node["pattern"], value):
        out.append(_problem("input.wrong_form", path_text(path), value=_short(value),
                            expected=node.get("description", node["pattern"])))


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _validate_array(value, node, root, path, out):
    if "minItems" in node and len(value) < node["minItems"]:
        out.append(_bad_size(path, "input_size.min_items", node["minItems"]))
    if "maxItems" in node and len(value) > node["maxItems"]:
        out.append(_bad_size(path, "input_size.max_items", node["maxItems"]))
        return
    items = node.get("items")
    if isinstance(items, dict):
        for i, item in enumerate(value):
            _validate(item, items, root, path + (i,), out)


def _key_order(key):
    return (not isinstance(key, str), str(key))


def _validate_object(value, node, root, path, out):
    props = node.get("properties", {})
    for name in node.get("required", ()):
        if name not in value:
            out.append(_problem("input.missing_field", path_text(path), name=name))
    extra = node.get("additionalProperties", True)
    keys = value if all(type(k) is str for k in value) else sorted(value, key=_key_order)
    for key in sorted(keys) if keys is value else keys:
        if isinstance(key, str) and key in props:
            _validate(value[key], props[key], root, path + (key,), out)
        elif extra is False:
            out.append(_problem("input.unknown_field", path_text(path), name=str(key),
                                allowed=sorted(props) or ["-"]))
        elif isinstance(extra, dict):
            _validate(value[key], extra, root, path + (key,), out)


def validate(data) -> dict:
    """Return ``data`` if it follows the schema, else raise :class:`InputError`."""
    found = schema_problems(data)
    if found:
        raise InputError(found)
    return data


# Reading JSON and YAML text lives in checker.application_text; re-exported
# here because an application is read and validated together.
from checker.application_text import parse_text  # noqa: E402,F401
