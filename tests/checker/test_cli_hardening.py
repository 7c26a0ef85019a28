"""icp-check against bad input: issue 11, failures 3 to 10, one regression test (or group) each.

Most run ``checker.cli.main`` in-process with patched standard streams; the cases
that depend on the real standard input (its encoding, a closed one) or on the
installed package (missing data) run the CLI as a subprocess.
"""
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from checker import application_text, cli
from tests.checker.helpers import app

ROOT = Path(__file__).resolve().parents[2]
CLEAN = app("44", commercial=False)
CLEAN["dates"] = {}  # rules as of today: no timing findings, exit 0
CLEAN_LINE = json.dumps(CLEAN, ensure_ascii=False).encode("utf-8")
LONG = "1" * 5000  # beyond Python's 4,300-digit conversion limit


def run_main(*args, stdin=b""):
    """(exit code, stdout, stderr lines) of cli.main in this process."""
    out, err = io.StringIO(), io.StringIO()
    stream = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    with mock.patch.object(sys, "stdin", stream), mock.patch.object(sys, "stdout", out), \
            mock.patch.object(sys, "stderr", err):
        code = cli.main(list(args))
    return code, out.getvalue(), err.getvalue().splitlines()


def run_process(*args, stdin=None, env=None, cwd=ROOT, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(cwd), **(env or {})}
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, cwd=cwd,
                          env=env, timeout=60, **kwargs)


def reports(stdout):
    return [json.loads(line) for line in stdout.splitlines()]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


def assert_one_reason(code, err, *fragments):
    assert code == 2
    assert len(err) == 1 and err[0].startswith("icp-check: "), err
    for fragment in fragments:
        assert fragment in err[0], err


# --- 3: integers longer than 4,300 digits ---------------------------------------------

@pytest.mark.parametrize("name,content,line", [
    ("long.json", '{"format": "icp-application/1",\n "answers": {},\n "commercial": %s}' % LONG, 3),
    ("long.yaml", "format: icp-application/1\nanswers: {}\ncommercial: %s\n" % LONG, 3),
])
def test_3_a_long_integer_is_unusable_input_with_its_line(tmp_path, name, content, line):
    code, out, err = run_main("check", write(tmp_path, name, content), "--json")
    assert_one_reason(code, err, name, f"line {line}", "1000 digits")
    assert reports(out)[0]["findings"][0]["code"] == "input.long_number"


def test_3_a_long_integer_in_json_lines_spoils_only_its_line():
    lines = [CLEAN_LINE, b'{"format": "icp-application/1", "answers": {}, "commercial": %s}' % LONG.encode(),
             CLEAN_LINE, CLEAN_LINE]
    code, out, err = run_main("check", "-", "--json", stdin=b"\n".join(lines) + b"\n")
    assert [r["usable"] for r in reports(out)] == [True, False, True, True]
    assert_one_reason(code, err, "stdin: line 2", "1000 digits")


# --- 4: invalid UTF-8 on standard input ----------------------------------------------

BAD_UTF8 = b"\n".join([CLEAN_LINE, b'{"format": "icp-application/1", "answers": {}, "x": "\xff\xfe"}', CLEAN_LINE]) + b"\n"


@pytest.mark.parametrize("encoding", ["utf-8", None], ids=["strict", "default"])
def test_4_invalid_utf8_on_stdin_is_one_unusable_line_and_the_batch_goes_on(encoding):
    env = {"PYTHONIOENCODING": encoding} if encoding else {"PYTHONIOENCODING": "", "LC_ALL": "C"}
    result = run_process("check", "-", "--json", stdin=BAD_UTF8, env=env)
    assert [r["usable"] for r in reports(result.stdout.decode())] == [True, False, True]
    assert [r["ok"] for r in reports(result.stdout.decode())] == [True, False, True]
    err = result.stderr.decode().splitlines()
    assert_one_reason(result.returncode, err, "stdin: line 2", "not valid UTF-8")
    assert reports(result.stdout.decode())[1]["findings"][0]["code"] == "input.not_utf8"


def test_4_invalid_utf8_in_a_file_names_the_line(tmp_path):
    path = write(tmp_path, "latin1.yaml", "format: icp-application/1\nanswers: {}\n".encode() + b"name: caf\xe9\n")
    code, _, err = run_main("check", path)
    assert_one_reason(code, err, "latin1.yaml: line 3", "UTF-8")


# --- 5: empty, blank and closed standard input ------------------------------------------

@pytest.mark.parametrize("stdin", [b"", b"\n", b"  \n\t\n\r\n"], ids=["empty", "newline", "blank"])
def test_5_empty_or_blank_stdin_is_unusable(stdin):
    code, out, err = run_main("check", "-", "--json", stdin=stdin)
    assert_one_reason(code, err, "stdin", "nothing to check")
    assert [r["findings"][0]["code"] for r in reports(out)] == ["input.empty"]


def test_5_closed_stdin_exits_2_without_a_traceback():
    result = subprocess.run(["sh", "-c", 'exec "$0" -m checker check - <&-', sys.executable], capture_output=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    err = result.stderr.decode().splitlines()
    assert "Traceback" not in result.stderr.decode()
    assert_one_reason(result.returncode, err, "Standard input is closed")


# --- 6: size and depth limits, the C YAML parser -----------------------------------------

def test_6_a_file_beyond_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    path = write(tmp_path, "huge.json", b" " * cli.MAX_BYTES + b"{}")
    code, _, err = run_main("check", path)
    assert_one_reason(code, err, "huge.json", f"more than {cli.MAX_MEGABYTES} MB")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_6_dev_zero_is_refused():
    result = run_process("check", "/dev/zero")
    assert_one_reason(result.returncode, result.stderr.decode().splitlines(), "/dev/zero", "MB")


def test_6_an_overlong_stdin_line_is_one_error_and_the_next_line_is_read():
    stdin = b"[" + b" " * (cli.MAX_BYTES + 10) + b"]\n" + CLEAN_LINE + b"\n"
    code, out, err = run_main("check", "-", "--json", stdin=stdin)
    assert [r["usable"] for r in reports(out)] == [False, True]
    assert_one_reason(code, err, "stdin: line 1", "MB")


@pytest.mark.parametrize("name,content,line", [
    ("deep.json", '{"format": "icp-application/1",\n"answers": {},\n"website": {"domains": %s}}'
     % ("[" * 100_000 + "]" * 100_000), 3),
    ("deep.yaml", "format: icp-application/1\nanswers: {}\nwebsite:\n  domains: %s\n"
     % ("[" * 100_000 + "]" * 100_000), 4),  # libyaml's own composer would crash the interpreter here
    ("deep-block.yaml", "format: icp-application/1\nanswers: {}\nwebsite:\n  domains:\n    " + "- " * 500 + "x\n", 5),
    ("loop.yaml", "format: icp-application/1\nanswers: &a\n  x: *a\n", 3),
])
def test_6_nesting_depth_is_bounded_where_input_enters(tmp_path, name, content, line):
    code, _, err = run_main("check", write(tmp_path, name, content))
    assert_one_reason(code, err, name, f"line {line}", f"more than {application_text.MAX_DEPTH} levels")


def test_6_yaml_is_read_with_the_c_parser_and_keeps_its_scalar_rules():
    yaml = pytest.importorskip("yaml")
    _, loader = application_text._yaml_loader()
    if yaml.__with_libyaml__:
        assert issubclass(loader, yaml.CSafeLoader)
    data = application_text.parse_text("a: no\nb: on\nc: 2025-01-05\nd: true\ne: 12\n", "x.yaml", "yaml")
    assert data == {"a": "no", "b": "on", "c": "2025-01-05", "d": True, "e": 12}


# --- 7: duplicate keys -----------------------------------------------------------------------

@pytest.mark.parametrize("name,content,key,line", [
    ("dup.yaml", 'format: icp-application/1\nprovince: "11"\nanswers: {}\nprovince: "44"\n', "province", 4),
    ("dup.json", '{"format": "icp-application/1",\n "province": "11",\n "answers": {},\n "province": "44"}',
     "province", 4),
    ("nested.yaml", "format: icp-application/1\nanswers:\n  server_location: mainland\n"
                    "  server_location: outside_mainland\n", "server_location", 4),
    ("nested.json", '{"format": "icp-application/1", "answers": {"a": 1,\n"a": 2}}', "a", 2),
])
def test_7_a_key_given_twice_is_unusable_input_naming_key_and_line(tmp_path, name, content, key, line):
    code, _, err = run_main("check", write(tmp_path, name, content))
    assert_one_reason(code, err, name, f"line {line}", f"“{key}”", "twice")


def test_7_the_same_key_in_different_mappings_and_yaml_merges_are_fine():
    text = '{"a": {"name": 1}, "b": {"name": 2}, "c": "\\"name\\":", "\\"name\\":": 3}'
    assert application_text.parse_text(text, "x.json")["b"] == {"name": 2}
    merged = application_text.parse_text("base: &b {x: 1, y: 2}\nmine: {<<: *b, x: 3}\n", "x.yaml", "yaml")
    assert merged["mine"] == {"x": 3, "y": 2}


def test_7_duplicate_key_on_stdin_names_the_stdin_line():
    stdin = CLEAN_LINE + b'\n{"format": "icp-application/1", "answers": {}, "answers": {}}\n'
    code, out, err = run_main("check", "-", "--json", stdin=stdin)
    assert [r["usable"] for r in reports(out)] == [True, False]
    assert_one_reason(code, err, "stdin: line 2", "“answers”")


# --- 8: a byte-order mark --------------------------------------------------------------------

@pytest.mark.parametrize("name,text", [
    ("bom.json", json.dumps(CLEAN, ensure_ascii=False)),
    ("bom.yaml", json.dumps(CLEAN, ensure_ascii=False)),  # JSON is YAML
])
def test_8_a_bom_is_accepted_in_files(tmp_path, name, text):
    code, out, err = run_main("check", write(tmp_path, name, b"\xef\xbb\xbf" + text.encode("utf-8")), "--json")
    assert (code, err) == (0, []) and reports(out)[0]["ok"] is True


def test_8_a_bom_is_accepted_on_stdin():
    code, out, err = run_main("check", "-", "--json", stdin=b"\xef\xbb\xbf" + CLEAN_LINE + b"\n" + CLEAN_LINE)
    assert (code, err) == (0, []) and [r["ok"] for r in reports(out)] == [True, True]


# --- 9: the compiled rules are missing ------------------------------------------------------------

def _package_copy(tmp_path, remove, with_source=False):
    shutil.copytree(ROOT / "checker", tmp_path / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    for name in remove:
        (tmp_path / "checker" / "data" / name).unlink()
    if with_source:  # a source checkout: the catalogue's source is next to the package
        (tmp_path / "province_data").mkdir()
        shutil.copy(ROOT / "province_data" / "messages.yaml", tmp_path / "province_data")
    return tmp_path


@pytest.mark.parametrize("remove,with_source", [
    (["rules.json"], False),
    (["rules.json", "messages.json"], True),
], ids=["rules", "rules-and-messages"])
def test_9_missing_rules_exit_2_with_what_to_run(tmp_path, remove, with_source):
    root = _package_copy(tmp_path, remove, with_source)
    path = write(tmp_path, "ok.json", json.dumps(CLEAN))
    for args in (["check", path], ["check", path, "--json"], ["field", "uscc", "91110000600037341L"]):
        result = run_process(*args, cwd=root)
        assert result.stdout == b""
        err = result.stderr.decode().splitlines()
        assert_one_reason(result.returncode, err, "make generate", "python -m generator generate",
                          "checker/data/rules.json")


def test_9_missing_rules_in_chinese(tmp_path):
    root = _package_copy(tmp_path, ["rules.json"])
    result = run_process("check", "x.json", "--lang", "zh", cwd=root)
    assert_one_reason(result.returncode, result.stderr.decode().splitlines(), "编译数据缺失", "make generate")


# --- 10: IDNA2008 domains through the CLI -----------------------------------------------------------

@pytest.mark.parametrize("value,shown", [
    ("xn--fa-hia.de", "faß.de"),  # rejected under IDNA2003
    ("faß.de", "faß.de"),  # IDNA2003 made it fass.de, another domain
    ("例子.xn--fiqs8s", "例子.中国"),
])
def test_10_idna2008_domains_are_accepted_and_never_changed(value, shown):
    code, out, err = run_main("field", "domain", value, "--json")
    report = json.loads(out)
    assert code == 0 and err == [] and report["ok"] is True
    assert report["value"] == shown
    assert "domain.idn_invalid" not in [f["code"] for f in report["findings"]]


def test_10_a_domain_the_mapping_changes_is_reported():
    code, out, _ = run_main("field", "domain", "ｅｘａｍｐｌｅ.com", "--json")
    report = json.loads(out)
    assert report["value"] == "example.com"
    assert "domain.mapped" in [f["code"] for f in report["findings"]]
