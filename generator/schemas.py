"""JSON Schema validation of the data files, with line-accurate problems."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jsonschema
import yaml
from referencing import Registry, Resource

from generator.problems import Problem, field_name
from generator.yamlload import Document


@lru_cache(maxsize=None)
def _registry(schema_dir: Path) -> tuple[Registry, dict]:
    schemas = {}
    for file in sorted(schema_dir.glob("*.schema.yaml")):
        schema = yaml.load(file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        schemas[schema["$id"]] = schema
    schemas = {sid: _inline(schema, schemas, sid) for sid, schema in schemas.items()}
    registry = Registry().with_resources(
        (sid, Resource.from_contents(s)) for sid, s in schemas.items()
    )
    return registry, schemas


def _inline(node, schemas: dict, current: str):
    """Replace each $ref by the schema it names. Our schemas have no cycles, and
    resolving references once here makes validation several times faster."""
    if isinstance(node, list):
        return [_inline(item, schemas, current) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target, _, pointer = node["$ref"].partition("#")
        target = target or current
        resolved = schemas[target]
        for part in filter(None, pointer.split("/")):
            resolved = resolved[part]
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        return {**_inline(resolved, schemas, target), **siblings}
    return {key: _inline(value, schemas, current) for key, value in node.items()}


def _describe(error: jsonschema.ValidationError) -> tuple[tuple, str]:
    """Turn a jsonschema error into (path, message-with-a-fix)."""
    path = tuple(error.absolute_path)
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return path + (missing,), "required field is missing; add it (see the schema's description)"
    if v == "additionalProperties":
        extras = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return path + (extras[0],) if extras else path, f"unknown field; allowed here: {allowed}"
    if v in ("enum", "const"):
        options = error.validator_value if v == "enum" else [error.validator_value]
        return path, f"{error.instance!r} is not allowed; use one of: {', '.join(map(str, options))}"
    if v == "type":
        return path, f"expected {error.validator_value}, got {type(error.instance).__name__} {error.instance!r}"
    if v == "pattern":
        return path, f"{error.instance!r} has the wrong form (expected pattern {error.validator_value})"
    if v in ("minItems", "minLength", "minProperties"):
        return path, f"must not be empty ({v} {error.validator_value})"
    if v == "uniqueItems":
        return path, "contains the same item twice"
    return path, error.message


def validate(doc: Document, schema_id: str, schema_dir: Path) -> list[Problem]:
    registry, schemas = _registry(schema_dir)
    validator_cls = jsonschema.validators.validator_for(schemas[schema_id])
    validator = validator_cls(schemas[schema_id], registry=registry)
    problems = []
    for error in validator.iter_errors(doc.data):
        path, message = _describe(error)
        problems.append(Problem(doc.path, doc.line(path), field_name(path), message))
    return sorted(set(problems))
