"""icp-check / python -m checker: exit codes, --json, JSON Lines, languages."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import cli
from tests.checker.helpers import app

ROOT = Path(__file__).resolve().parents[2]

CLEAN = app("44", commercial=False)
CLEAN["dates"] = {}  # rules as of today; no timing warnings
ERRORS = app("62", "individual", content_categories=["news"])  # individual + pre-approval: error


def run(*args, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, encoding="utf-8")


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_exit_0_for_a_clean_application(tmp_path):
    result = run("check", write(tmp_path, "ok.json", CLEAN))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors found." in result.stdout and result.stderr == ""


def test_exit_1_when_errors_are_found(tmp_path):
    result = run("check", write(tmp_path, "bad.json", ERRORS))
    assert result.returncode == 1
    assert "Errors found." in result.stdout and "ERROR" in result.stdout


@pytest.mark.parametrize("name,content,fragment", [
    ("unknown.json", {"format": "icp-application/1", "answers": {}, "colour": "red"}, "unknown field “colour”"),
    ("syntax.json", "{\"format\": ", "not valid JSON"),
    ("syntax.yaml", "format: [\n", "not valid YAML"),
    ("type.yaml", "format: icp-application/1\nanswers: {}\nprovince: 51\n", "in YAML put it in quotes"),
    ("list.json", [1, 2], "must be a mapping of fields"),
])
def test_exit_2_when_the_input_is_unusable(tmp_path, name, content, fragment):
    path = write(tmp_path, name, content)
    result = run("check", path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("icp-check: ") and fragment in lines[0]
    assert name in lines[0]


def test_exit_2_for_a_missing_file():
    result = run("check", "/nonexistent/app.yaml")
    assert result.returncode == 2
    assert "cannot read the file" in result.stderr and "/nonexistent/app.yaml" in result.stderr


def test_worst_result_wins_over_several_files(tmp_path):
    good, bad = write(tmp_path, "a.json", CLEAN), write(tmp_path, "b.json", ERRORS)
    assert run("check", good, bad).returncode == 1
    assert run("check", good, bad, "/nonexistent.json").returncode == 2


def test_json_output_is_the_api_object(tmp_path):
    result = run("check", write(tmp_path, "ok.json", CLEAN), "--json")
    (line,) = result.stdout.splitlines()
    report = json.loads(line)
    assert set(report) == {"ok", "usable", "findings", "verdict", "classification", "province", "rules_date",
                           "province_rules", "steps", "ask_provider", "documents", "timeline", "footer_html",
                           "app_display"}
    assert report["ok"] is True and report["classification"]["outcome"] == "initial"
    assert all(set(f) == {"code", "severity", "field", "message", "sources"} for f in report["findings"])


def test_yaml_file(tmp_path):
    text = """
format: icp-application/1
province: "51"
answers:
  server_location: outside_mainland
  mainland_acceleration: no
"""
    result = run("check", write(tmp_path, "app.yaml", text), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["classification"]["outcome"] == "no_filing"


def test_json_lines_on_stdin():
    lines = [json.dumps(CLEAN, ensure_ascii=False), "", json.dumps(ERRORS, ensure_ascii=False), "{broken",
             json.dumps({"format": "icp-application/1", "answers": {"server_location": "mainland"}})]
    result = run("check", "-", "--json", stdin="\n".join(lines) + "\n")
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == 4  # blank line skipped
    assert [r["ok"] for r in reports] == [True, False, False, False]
    assert [r["usable"] for r in reports] == [True, True, False, True]
    assert result.returncode == 2
    assert result.stderr.strip() == "icp-check: stdin: line 4: this is not valid JSON (Expecting property name " \
                                    "enclosed in double quotes); fix the syntax there."


def test_json_lines_human_output_has_one_report_per_line():
    stdin = json.dumps(CLEAN) + "\n" + json.dumps(CLEAN) + "\n"
    result = run("check", "-", stdin=stdin)
    assert result.returncode == 0
    assert result.stdout.count("stdin line 1") == 1 and result.stdout.count("stdin line 2") == 1


def test_chinese_output(tmp_path):
    result = run("check", write(tmp_path, "bad.json", ERRORS), "--lang", "zh")
    assert result.returncode == 1
    assert "发现错误" in result.stdout and "办理步骤" in result.stdout and "错误" in result.stdout
    result = run("check", write(tmp_path, "bad.json", ERRORS), "--lang", "zh", "--json")
    messages = " ".join(f["message"] for f in json.loads(result.stdout)["findings"])
    assert any("\u4e00" <= ch <= "\u9fff" for ch in messages)


def test_unusable_reason_in_chinese(tmp_path):
    result = run("check", write(tmp_path, "x.json", {"format": "icp-application/1", "answers": {}, "a": 1}),
                 "--lang", "zh")
    assert result.returncode == 2 and "未知字段" in result.stderr


@pytest.mark.parametrize("args,code,fragment", [
    (["uscc", "91110000600037341L"], 0, "No errors found."),
    (["uscc", "91110000600037341X"], 1, "ERROR"),
    (["icp-number", "京ICP备12345678号-1", "--province", "51"], 1, "start with"),
    (["resident-id", "11010519491231002X", "--province", "62", "--entity", "individual"], 1, "Gansu"),
    (["mobile", "13800138000", "--province", "37"], 0, "Shandong"),
    (["email", "a@qq.con"], 0, "qq.com"),
    (["domain", "example.io"], 1, ".io"),
    (["website-name", "12345"], 1, "digits"),
    (["psb-number", "11000002000001"], 0, "11000002000001"),
])
def test_field_command(args, code, fragment):
    result = run("field", *args)
    assert result.returncode == code, result.stdout + result.stderr
    assert fragment in result.stdout


def test_field_command_json_and_unusable_kind():
    result = run("field", "uscc", "91110000600037341L", "--json")
    assert json.loads(result.stdout)["ok"] is True
    result = run("field", "passport", "E12345678")
    assert result.returncode == 2
    assert result.stderr.startswith("icp-check: field passport: ") and "uscc" in result.stderr
    result = run("field", "uscc", "x", "--province", "99")
    assert result.returncode == 2 and "province code" in result.stderr


def test_bad_usage_exits_2():
    assert run().returncode == 2
    assert run("check").returncode == 2
    assert run("check", "x.json", "--lang", "fr").returncode == 2


def test_main_in_process(tmp_path, capsys):
    assert cli.main(["check", write(tmp_path, "ok.json", CLEAN), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_console_script_entry_point_is_main():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'icp-check = "checker.cli:main"' in text
