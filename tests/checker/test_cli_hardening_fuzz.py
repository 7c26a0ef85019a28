"""Fuzzing icp-check (issue 11): random bytes and random JSON/YAML structures, through files
and standard input.

Whatever comes in, the CLI exits with 0, 1 or 2 and never raises (in-process, an
exception is what would be a traceback); exit code 2 comes with exactly one line on
standard error per unusable input; JSON Lines give one report per non-blank input
line (one report in all when there is none).
"""
import copy
import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.checker.helpers import app
from tests.checker.test_cli_hardening import run_main

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

BASE = app("44")

# JSON values, with what breaks readers: long numbers, odd text, nesting.
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**990, max_value=10**1010),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["44", "example.com", "faß.de", "xn--fa-hia.de", "2025-02-30", "yes", "mainland", "\ufeff"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
FIELDS = sorted(BASE) + ["answers", "website", "entity_leader", "unknown"]


@st.composite
def applications(draw):
    """A random structure, or a real application with a few fields replaced by random values."""
    if draw(st.booleans()):
        return draw(values)
    data = copy.deepcopy(BASE)
    for name in draw(st.lists(st.sampled_from(FIELDS), max_size=3)):
        data[name] = draw(values)
    return data


def deep(depth):
    return "[" * depth + "]" * depth


# Text that no structure gives: duplicate keys, deep nesting, a long integer, a BOM, bad bytes.
hostile_json = st.sampled_from([
    b'{"format": "icp-application/1", "answers": {}, "answers": {}}',
    b'{"a": ' + deep(5000).encode() + b"}",
    b'{"n": ' + b"9" * 5000 + b"}",
    b"\xef\xbb\xbf" + json.dumps(BASE).encode(),
    b'{"format": "\xff"}', b"\x00", b"", b"   ", b"[1, 2", b"\xef\xbb\xbf",
])

# And what only YAML has: anchors, aliases and their loops, tags, complex keys, merges.
hostile_yaml = st.sampled_from([
    b"a: &a [*a]\n", b"a: &a\n  b: *a\n", b"!!set {a, b}\n", b"? [a]\n: 1\n", b"a: !!binary AAAA\n",
    b"a: !!python/object:os.system {}\n", b"base: &b {x: 1}\nmine: {<<: *b, x: 2}\n", b"a: 1\na: 2\n",
    b"x: &x [1, 2, 3]\ny: &y [*x, *x, *x]\nz: [*y, *y, *y]\n", b"- " * 300 + b"x\n", b"---\n---\n",
    b"format: icp-application/1\nanswers: {}\ninstance: {used: .inf}\nwebsite: {name: .nan}\n",
])


def check_contract(code, stdout, reasons, as_json, expected_reports):
    """``run_main``'s result keeps the CLI's promises; an exception in it would have been a traceback."""
    assert code in (0, 1, 2)
    assert all(line.startswith("icp-check: ") for line in reasons), reasons
    if not as_json:
        assert (code == 2) == bool(reasons)
        return
    reports = [json.loads(line) for line in stdout.splitlines()]
    assert len(reports) == expected_reports
    unusable = [r for r in reports if not r["usable"]]
    assert len(reasons) == len(unusable)
    worst = 2 if unusable else max((0 if r["ok"] else 1 for r in reports), default=0)
    assert code == worst


def non_blank_lines(data: bytes) -> int:
    """The lines a JSON Lines reader must answer: all but the blank ones (after a BOM)."""
    count = 0
    for line in data.split(b"\n"):
        try:
            blank = not line.removeprefix(b"\xef\xbb\xbf").decode("utf-8").strip()
        except UnicodeDecodeError:
            blank = False
        count += not blank
    return count


def file_contents(data, syntax):
    if syntax == "yaml":
        return yaml.safe_dump(data, allow_unicode=True).encode("utf-8")
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


@SETTINGS
@given(content=st.one_of(st.binary(max_size=300), hostile_json, hostile_yaml), suffix=st.sampled_from([".json", ".yaml"]),
       as_json=st.booleans())
def test_random_bytes_in_a_file(tmp_path_factory, content, suffix, as_json):
    path = tmp_path_factory.mktemp("fuzz") / ("input" + suffix)
    path.write_bytes(content)
    args = ["check", str(path)] + (["--json"] if as_json else [])
    check_contract(*run_main(*args), as_json, 1)


@SETTINGS
@given(data=applications(), syntax=st.sampled_from(["json", "yaml"]), as_json=st.booleans(),
       lang=st.sampled_from(["en", "zh"]))
def test_random_structures_in_a_file(tmp_path_factory, data, syntax, as_json, lang):
    path = tmp_path_factory.mktemp("fuzz") / f"application.{syntax}"
    path.write_bytes(file_contents(data, syntax))
    args = ["check", str(path), "--lang", lang] + (["--json"] if as_json else [])
    check_contract(*run_main(*args), as_json, 1)


@SETTINGS
@given(stdin=st.one_of(st.binary(max_size=300),
                       st.lists(st.one_of(st.binary(max_size=40), hostile_json), max_size=5).map(b"\n".join)),
       as_json=st.booleans())
def test_random_bytes_on_stdin(stdin, as_json):
    check_contract(*run_main("check", "-", *(["--json"] if as_json else []), stdin=stdin), as_json,
                   max(1, non_blank_lines(stdin)))


@SETTINGS
@given(items=st.lists(applications(), min_size=0, max_size=5), as_json=st.booleans())
def test_random_structures_as_json_lines(items, as_json):
    stdin = b"".join(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n" for item in items)
    check_contract(*run_main("check", "-", *(["--json"] if as_json else []), stdin=stdin), as_json,
                   max(1, len(items)))
