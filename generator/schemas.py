"""JSON Schema validation of the data files, with line-accurate problems.

The schemas are loaded like the data (generator.yamlload), so every mistake in
one is a problem naming its file and line: YAML syntax, a missing or repeated
`$id`, a `$ref` that points nowhere or in a circle, a schema the data needs
that no file declares. A schema that still breaks while validating (`type:
strng`, a bad regex) is then checked against the JSON Schema meta-schema, whose
errors name the keyword at fault. That check costs a quarter of a second, so it
runs only then; the tests run it on every schema.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from generator.problems import DataError, Problem, field_name, relative
from generator.yamlload import Document, YamlSyntaxError, load

PATTERN = "*.schema.yaml"
DIALECT = jsonschema.Draft202012Validator.META_SCHEMA["$id"]   # what a schema without $schema is


@dataclass(frozen=True)
class Schemas:
    docs: dict          # $id -> Document, as written
    resolved: dict      # $id -> schema with every $ref inlined
    registry: Registry
    problems: tuple     # what is wrong with the schema files themselves

    def missing(self, needed, schema_dir: Path) -> list[Problem]:
        """A problem for each schema the data needs that no file declares."""
        return [Problem(relative(schema_dir / f"{sid}.schema.yaml", schema_dir.parent.parent), 1, "(file)",
                        f"no schema file declares `$id: {sid}`, which the data files need; restore {sid}.schema.yaml")
                for sid in sorted(set(needed) - set(self.docs))]


def load_schemas(schema_dir: Path) -> Schemas:
    """The schemas of province_data/schema/, loaded again whenever a file there changes."""
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(schema_dir.glob(PATTERN)))
    return _load(schema_dir, stamp)


@lru_cache(maxsize=4)
def _load(schema_dir: Path, stamp: tuple) -> Schemas:
    problems: list[Problem] = []
    docs: dict[str, Document] = {}
    for file in sorted(schema_dir.glob(PATTERN)):
        display = relative(file, schema_dir.parent.parent)
        try:
            doc = load(file, display)
        except YamlSyntaxError as exc:
            problems.append(Problem(exc.path, exc.line, "(file)", exc.message))
            continue
        except OSError as exc:
            problems.append(Problem(display, 1, "(file)", f"cannot read the file: {exc}"))
            continue
        sid = doc.data.get("$id") if isinstance(doc.data, dict) else None
        if not isinstance(sid, str):
            problems.append(Problem(display, doc.line(("$id",)), "$id",
                                    "a schema file must be a mapping with `$id: <name>`, the name data files are checked against"))
        elif not _known_dialect(doc.data.get("$schema", DIALECT)):
            problems.append(Problem(display, doc.line(("$schema",)), "$schema",
                                    f"{doc.data['$schema']!r} is not a JSON Schema dialect; write {DIALECT}"))
        elif sid in docs:
            problems.append(Problem(display, doc.line(("$id",)), "$id",
                                    f"'{sid}' is already the $id of {docs[sid].path}; give each schema its own"))
        else:
            docs[sid] = doc
    resolved = _Inliner(docs, problems).schemas()
    registry = Registry().with_resources(
        (sid, Resource.from_contents(s, default_specification=DRAFT202012)) for sid, s in resolved.items())
    return Schemas(docs, resolved, registry, tuple(sorted(set(problems))))


def _known_dialect(uri) -> bool:
    return isinstance(uri, str) and jsonschema.validators.validator_for({"$schema": uri}, default=None) is not None


class _Inliner:
    """Replaces each $ref by the schema it names, with a problem for each that
    points nowhere. Resolving references once makes validation several times faster."""

    def __init__(self, docs: dict, problems: list):
        self.docs, self.problems = docs, problems
        self.unknown: set = set()   # (file, schema name) already reported

    def schemas(self) -> dict:
        return {sid: self.inline(doc.data, doc, (), ()) for sid, doc in self.docs.items()}

    def inline(self, node, doc: Document, path: tuple, chain: tuple):
        """`node` (at `path` of `doc`) with its $refs replaced; `chain`: the targets being expanded."""
        if isinstance(node, list):
            return [self.inline(item, doc, path + (i,), chain) for i, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        out = {key: self.inline(value, doc, path + (key,), chain) for key, value in node.items() if key != "$ref"}
        target = self.target(node["$ref"], doc, path + ("$ref",), chain) if "$ref" in node else None
        if target is None:
            return out
        tdoc, tpath, tnode = target
        return {**self.inline(tnode, tdoc, tpath, chain + ((tdoc.path, tpath),)), **out}

    def target(self, ref, doc: Document, path: tuple, chain: tuple):
        """(document, path, node) that `ref` names; None after reporting why it names nothing."""
        def problem(message):
            self.problems.append(Problem(doc.path, doc.line(path), field_name(path), message))

        if not isinstance(ref, str):
            return problem("$ref must be text such as \"common#/$defs/text\"")
        name, _, pointer = ref.partition("#")
        tdoc = self.docs.get(name) if name else doc
        if tdoc is None:
            if (doc.path, name) not in self.unknown:  # once per file: a deleted schema is named often
                self.unknown.add((doc.path, name))
                problem(f"'{ref}' names the schema '{name}', but no schema file has `$id: {name}`; "
                        f"correct the name or restore {name}.schema.yaml")
            return None
        node, tpath = tdoc.data, ()
        for part in filter(None, pointer.split("/")):
            if isinstance(node, list) and part.isdigit() and int(part) < len(node):
                part = int(part)
            elif not (isinstance(node, dict) and part in node):
                return problem(f"'{ref}' points to nothing: {tdoc.path} has no {field_name(tpath + (part,))}; "
                               "correct the path after '#'")
            node, tpath = node[part], tpath + (part,)
        if (tdoc.path, tpath) in chain:
            return problem(f"'{ref}' leads back to itself (a $ref cycle); point it at a definition that does not")
        return tdoc, tpath, node


def meta_problems(loaded: Schemas) -> list[Problem]:
    """Each schema checked against its JSON Schema meta-schema (keywords, types, regexes)."""
    problems = []
    for doc in loaded.docs.values():
        cls = jsonschema.validators.validator_for(doc.data)
        for error in cls(cls.META_SCHEMA, format_checker=cls.FORMAT_CHECKER).iter_errors(doc.data):
            path = tuple(error.absolute_path)
            detail = best_match(error.context).message if error.context else error.message
            problems.append(Problem(doc.path, doc.line(path), field_name(path),
                                    f"not valid JSON Schema: {detail}; correct this keyword"))
    return sorted(set(problems))


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


def validate(doc: Document, schema_id: str, loaded: Schemas) -> list[Problem]:
    schema = loaded.resolved[schema_id]
    validator = jsonschema.validators.validator_for(schema)(schema, registry=loaded.registry)
    try:
        errors = list(validator.iter_errors(doc.data))
    except Exception as exc:  # a mistake in the schema itself (UnknownType, re.error, TypeError...)
        schema_doc = loaded.docs[schema_id]
        raise DataError(meta_problems(loaded) or [Problem(
            schema_doc.path, 1, "(schema)", f"checking {doc.path} against this schema failed "
            f"({type(exc).__name__}: {exc}); correct the schema")]) from None
    problems = []
    for error in errors:
        path, message = _describe(error)
        problems.append(Problem(doc.path, doc.line(path), field_name(path), message))
    return sorted(set(problems))
