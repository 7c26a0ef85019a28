"""YAML loading that remembers the line of every node.

The data is built straight from the parser's events (libyaml's when the wheel
has it), so a data file can neither use anchors and aliases (an alias bomb
would expand without limit) nor nest deeper than MAX_DEPTH: each is reported
as `path:line: message` before anything is built.

Timestamps stay strings: PyYAML would raise on an impossible date such as
2023-02-30 before we could say which field holds it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The data nests at most 15 levels (the province schema); this leaves room and
# keeps every recursive walk of the data (schema validation, checks) far from
# Python's recursion limit.
MAX_DEPTH = 64


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


def _error(event, message: str) -> YamlSyntaxError:
    return YamlSyntaxError("", event.start_mark.line + 1, message)


_STR = "tag:yaml.org,2002:str"
_COLLECTIONS = {yaml.MappingStartEvent: dict, yaml.SequenceStartEvent: list}
_ENDS = {yaml.MappingEndEvent, yaml.SequenceEndEvent}
_SKIP = {yaml.StreamStartEvent, yaml.DocumentEndEvent}


class _Open:
    """A mapping or sequence being filled; a mapping alternates key and value."""
    __slots__ = ("value", "path", "key", "is_map")

    def __init__(self, value, path):
        self.value, self.path, self.key, self.is_map = value, path, None, isinstance(value, dict)


def _scalar(loader, event):
    tag = event.tag
    if tag is None or tag == "!":
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == _STR:  # most values: what the constructor would return, without building a node
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise _error(event, f"cannot read this value ({str(exc).split(';')[0]}); write a shorter one") from None


def _key(loader, event, mapping: dict):
    if type(event) is not yaml.ScalarEvent:
        raise _error(event, "mapping keys must be text")
    key = _scalar(loader, event)
    if not isinstance(key, (str, int)):
        raise _error(event, "mapping keys must be text")
    key = str(key)
    if key in mapping:
        raise _error(event, f"duplicate key '{key}'")
    return key


def _refuse(event):
    """Anchors and aliases: an alias bomb expands without limit, and the data needs neither."""
    if type(event) is yaml.AliasEvent:
        raise _error(event, f"YAML alias *{event.anchor} is not allowed in data files; write the value out in full")
    raise _error(event, f"YAML anchor &{event.anchor} is not allowed in data files; "
                        "remove it and write each value out in full")


def _compose(loader) -> tuple[object, dict]:
    """(data, lines) of the stream's single document, built without recursion."""
    lines: dict = {}
    root = None
    stack: list[_Open] = []
    parent = None
    documents = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        cls = type(event)
        if cls is yaml.StreamEndEvent:
            return root, lines
        if cls in _ENDS:
            stack.pop()
            parent = stack[-1] if stack else None
            continue
        if cls in _SKIP:
            continue
        if cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _error(event, "a data file holds one YAML document; remove the second '---' and what follows")
            continue
        if cls is yaml.AliasEvent or event.anchor is not None:
            _refuse(event)
        if parent is not None and parent.is_map and parent.key is None:
            parent.key = _key(loader, event, parent.value)
            continue
        kind = _COLLECTIONS.get(cls)
        value = kind() if kind else _scalar(loader, event)
        if parent is None:
            path, root = (), value
        elif parent.is_map:
            path = parent.path + (parent.key,)
            parent.value[parent.key], parent.key = value, None
        else:
            path = parent.path + (len(parent.value),)
            parent.value.append(value)
        lines[path] = event.start_mark.line + 1
        if kind:
            if len(stack) >= MAX_DEPTH:
                raise _error(event, f"nested more than {MAX_DEPTH} levels deep; data files are never this deep, "
                                    "so look for unclosed brackets or a runaway indentation")
            parent = _Open(value, path)
            stack.append(parent)


def _where(raw: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of a byte offset, both 1-based; the column counts characters."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def load(path: Path, display: str | None = None) -> Document:
    display = display or str(path)
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _where(raw, exc.start)
        raise YamlSyntaxError(display, line, f"byte 0x{raw[exc.start]:02x} at column {column} is not UTF-8; "
                                             "save the file as UTF-8 (retype the character if it looks wrong)") from None
    loader = None
    try:
        loader = _Loader(text)
        data, lines = _compose(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(display, line, f"YAML syntax: {exc.problem or exc}") from None
    except yaml.reader.ReaderError as exc:
        # libyaml counts the offset in bytes of the UTF-8 text.
        line, column = _where(text.encode("utf-8"), exc.position)
        raise YamlSyntaxError(display, line, f"character U+{exc.character:04X} at column {column} is not allowed "
                                             f"in YAML ({exc.reason}); delete it") from None
    except YamlSyntaxError as exc:
        raise YamlSyntaxError(display, exc.line, exc.message) from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(display, data, lines)
