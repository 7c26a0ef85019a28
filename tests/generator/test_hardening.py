"""Issue 11, failures 11 to 15: hostile or broken input to the generator gets one
`path:line: field: message` per problem (or one line for the build), never a
traceback, a hang or silent acceptance. Each is made in a copy of the real data."""
import copy
import json
import re
import resource
import subprocess
import sys
from dataclasses import replace

import pytest

from generator import cli, package, schemas
from generator.render import Renderer
from tests.generator.test_data_errors import (  # noqa: F401  (data is a fixture)
    BEIJING, DATA, ROOT, assert_reported, data, edit)

def _note_line() -> str:
    """The English note of Beijing's non_local_individual rule, as its line in the file (the data changes)."""
    lines = (DATA / BEIJING).read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  non_local_individual:"))
    return next(line for line in lines[start:] if line.startswith("      en: "))


NOTE = _note_line()
LAUGHS = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
BOMB = 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + LAUGHS  # 9^10 strings


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def validate_cli(data):
    """`python -m generator validate` on `data`, with its memory and time bounded."""
    return subprocess.run([sys.executable, "-m", "generator", "--data", str(data), "validate"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory)


@pytest.mark.parametrize("text, message", [
    (BOMB, "anchor &l0 is not allowed"),
    ("loop: &loop [*loop]\n", "anchor &loop is not allowed"),
    ("copy: *nowhere\n", "alias *nowhere is not allowed"),
    ("deep: " + "[" * 900 + "]" * 900 + "\n", "nested more than"),
    ("deep: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n", "nested more than"),
    ("huge: " + "9" * 5000 + "\n", "cannot read this value"),
], ids=["alias-bomb", "alias-loop", "alias", "900-deep", "100000-deep", "5000-digits"])
def test_11_yaml_that_would_exhaust_the_validator_is_refused(data, text, message):
    path = data / BEIJING
    line = path.read_text(encoding="utf-8").count("\n") + 1
    with path.open("a", encoding="utf-8") as f:
        f.write(text)
    result = validate_cli(data)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert re.search(rf"^province_data/{BEIJING}:{line}: \(file\): .*{re.escape(message)}", result.stderr, re.M), \
        result.stderr


@pytest.mark.parametrize("schema, old, new, where, message", [
    ("province", "type: object\n", "type: [object\n", "province.schema.yaml:5", "YAML syntax"),
    ("common", "  id:\n    type: string\n", "  id:\n    type: strng\n", "common.schema.yaml:6",
     "'strng' is not one of"),
    ("province", "common#/$defs/text", "common#/$defs/txet", "province.schema.yaml:17",
     "'common#/$defs/txet' points to nothing"),
    ("province", "common#/$defs/text", "commons#/$defs/text", "province.schema.yaml:17",
     "no schema file has `$id: commons`"),
    ("common", None, None, "schema.yaml:", "no schema file has `$id: common`"),
], ids=["yaml-syntax", "unknown-type", "bad-pointer", "bad-schema-name", "common-deleted"])
def test_12_a_broken_schema_names_its_file_and_line(data, capsys, schema, old, new, where, message):
    path = data / "schema" / f"{schema}.schema.yaml"
    if old is None:
        path.unlink()
    else:
        edit(path, old, new)
    assert cli.main(["--data", str(data), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(rf"^province_data/schema/\S*{re.escape(where)}\S*: .*{re.escape(message)}", err, re.M), err


def test_12_the_schemas_are_valid_json_schema():
    # Validation checks a schema against the meta-schema only when it breaks; this checks every one.
    assert schemas.meta_problems(schemas.load_schemas(DATA / "schema")) == []


@pytest.mark.parametrize("bad, column, message", [
    (b"\xe9", 26, "byte 0xe9 at column 26 is not UTF-8"),
    (b"\x07", 26, "character U+0007 at column 26 is not allowed"),
])
def test_13_a_bad_byte_is_reported_at_its_line_and_column(data, bad, column, message):
    path = data / BEIJING
    raw = path.read_bytes()
    # A Chinese character before it on the line: the column counts characters, not bytes.
    raw = raw.replace("zh: 北京市}".encode(), "zh: 北".encode() + bad + "京市}".encode())
    path.write_bytes(raw)
    found = assert_reported(data, BEIJING, "(file)", message)
    assert found.line == 5


def province_pages(dataset, note: str) -> dict:
    """The English pages of Beijing, with `note` as a note, and of Jiangsu, rendered past validation."""
    by_code = {doc.data["code"]: doc for doc in dataset.provinces}
    beijing = copy.deepcopy(by_code["11"])
    beijing.data["rules"]["non_local_individual"]["note"]["en"] = note
    return Renderer(replace(dataset, provinces=[beijing, by_code["32"]])).province_pages("en")


@pytest.mark.parametrize("html", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onerror="alert(1)',
    "</p><p>",
    "[click](javascript:alert(1))",
], ids=["script", "img-onerror", "onerror", "closing-tag", "javascript-url"])
def test_14_raw_html_in_data_text_is_refused_and_pages_escape_it(data, dataset, html):
    edit(data / BEIJING, NOTE, NOTE.rstrip("\n") + " " + html + "\n")
    found = assert_reported(data, BEIJING, "rules.non_local_individual.note.en", "write plain text or Markdown")
    assert found.line == (DATA / BEIJING).read_text(encoding="utf-8").splitlines(keepends=True).index(NOTE) + 1
    pages = province_pages(dataset, html)
    # Should a tag reach a page past validation, it is shown as text, not opened.
    assert html.replace("<", "&lt;").replace(">", "&gt;") in pages["provinces/beijing.md"]
    assert "<" not in html or html not in pages["provinces/beijing.md"]
    # Placeholders such as <name> (Jiangsu's naming rule) validate (test_clean_data_validates) and show as written.
    assert '"&lt;name&gt;的个人博客"' in pages["provinces/jiangsu.md"]
    assert "<name>" not in pages["provinces/jiangsu.md"]


@pytest.mark.parametrize("broken", ["missing", "incomplete"])
def test_15_missing_pyodide_is_one_line_saying_run_make_setup(tmp_path, monkeypatch, capsys, broken):
    if broken == "incomplete":
        (tmp_path / "node_modules" / "pyodide").mkdir(parents=True)
        (tmp_path / "node_modules" / "pyodide" / "package.json").write_text(json.dumps({"version": "0.0.1"}))
    with pytest.raises(package.PackagingError, match="make setup"):
        package.stage(tmp_path)
    monkeypatch.setattr(cli, "ROOT", tmp_path)      # builds into the empty folder, never the real site/
    assert cli.main(["--data", str(DATA), "build"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert err.startswith("error: node_modules/pyodide is missing or incomplete") and "`make setup`" in err, err
