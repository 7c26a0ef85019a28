"""YAML loading that remembers the line of every node.

Timestamps stay strings: PyYAML would raise on an impossible date such as
2023-02-30 before we could say which field holds it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


# libyaml's parser when the wheel has it (it is several times faster); same results.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Drop the implicit timestamp resolver so dates load as plain strings.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    path: str
    data: object
    lines: dict = field(default_factory=dict)

    def line(self, path: tuple) -> int:
        """The line of the deepest existing node on `path` (1-based)."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


class YamlSyntaxError(Exception):
    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


def _build(node, loader, path, lines):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                raise YamlSyntaxError("", key_node.start_mark.line + 1, "mapping keys must be text")
            key = str(key)
            if key in out:
                raise YamlSyntaxError("", key_node.start_mark.line + 1, f"duplicate key '{key}'")
            out[key] = _build(value_node, loader, path + (key,), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loader, path + (i,), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load(path: Path, display: str | None = None) -> Document:
    display = display or str(path)
    text = Path(path).read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict = {}
        data = _build(node, loader, (), lines) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(display, line, f"YAML syntax: {exc.problem or exc}") from None
    except YamlSyntaxError as exc:
        raise YamlSyntaxError(display, exc.line, exc.message) from None
    finally:
        loader.dispose()
    return Document(display, data, lines)
