"""The message catalogue: province_data/messages.yaml, compiled into
checker/data/messages.json and read by checker.findings."""
import ast
import re
import string
from pathlib import Path

import pytest

from checker import findings as F
from checker import rules
from checker.findings import Finding

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "checker"
MESSAGES = F.catalog()["messages"]
PHRASES = F.catalog()["phrases"]
CODE_FORM = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # Chinese text or punctuation

# The functions that take a catalogue code, and the position of the code
# among their arguments (application._bad_size(path, phrase_code, limit)).
# A validator raises a ValidationError with the code; it becomes the finding.
RAISES_MESSAGE = {"make": 0, "build": 0, "_problem": 0, "ValidationError": 0, "InvalidFormat": 0,
                  "InvalidChecksum": 0, "InvalidComponent": 0, "InvalidLength": 0}
RAISES_PHRASE = {"phrase": 0, "_bad_size": 1}
# Codes kept in the catalogue although no code raises them yet; say why.
RESERVED: set = set()


def _trees():
    for path in sorted(CHECKER.rglob("*.py")):
        yield ast.parse(path.read_text(encoding="utf-8"))


def _called(name_to_position) -> set:
    """Every literal code passed to the given functions anywhere in checker/."""
    found = set()
    for tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            position = name_to_position.get(name)
            if position is None or len(node.args) <= position:
                continue
            arg = node.args[position]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def _mentioned() -> set:
    """Every string in checker/ that looks like a code, wherever it is (codes
    are also chosen in variables or named by a ValidationError), plus the
    "<prefix>.empty" codes that as_text(value, "<prefix>") raises."""
    found = set()
    for tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE_FORM.match(node.value):
                found.add(node.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "as_text" and len(node.args) >= 2:
                prefix = node.args[1]
                if isinstance(prefix, ast.Constant) and isinstance(prefix.value, str):
                    found.add(prefix.value + ".empty")
    # flow.yaml names the codes of its outcomes' verdict reasons and next steps.
    for outcome in rules.load()["flow"]["outcomes"].values():
        found.update(outcome[key] for key in ("verdict_reason", "verdict_next") if key in outcome)
    return found


def _fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


# --- the catalogue itself ----------------------------------------------------

@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_message_is_complete_and_both_languages_use_the_declared_params(code):
    entry = MESSAGES[code]
    assert CODE_FORM.match(code)
    assert entry["severity"] in F.SEVERITIES
    assert entry["en"].strip() and entry["zh"].strip()
    assert _fields(entry["en"]) == _fields(entry["zh"]) == set(entry["params"]), code
    assert CHINESE.search(entry["zh"]), code


@pytest.mark.parametrize("code", sorted(PHRASES))
def test_phrase_is_complete_and_both_languages_use_the_declared_params(code):
    entry = PHRASES[code]
    assert CODE_FORM.match(code) and code not in MESSAGES
    assert _fields(entry["en"]) == _fields(entry["zh"]) == set(entry["params"]), code
    assert CHINESE.search(entry["zh"]), code


def test_every_code_raised_in_the_checker_exists():
    raised = _called(RAISES_MESSAGE)
    assert "uscc.checksum" in raised and "input.bad_syntax" in raised  # the scan works
    assert sorted(raised - set(MESSAGES)) == []


def test_every_phrase_used_in_the_checker_exists():
    used = _called(RAISES_PHRASE)
    assert "input_hint.text" in used and "input_size.max_items" in used
    assert sorted(used - set(PHRASES)) == []


def test_every_catalogue_code_is_raised_or_reserved():
    unused = sorted((set(MESSAGES) | set(PHRASES)) - _mentioned() - RESERVED)
    assert unused == [], f"codes no module raises (remove them, or list them in RESERVED): {unused}"


def test_reserved_codes_are_in_the_catalogue():
    assert RESERVED <= set(MESSAGES) | set(PHRASES)


# --- findings built from it ---------------------------------------------------

def test_make_builds_the_shared_finding_type():
    finding = F.make("province.too_young", "f", who={"en": "You", "zh": "您"}, age=15, day="2025-01-01",
                     province={"en": "Gansu", "zh": "甘肃省"}, min=18, sources="X")
    assert isinstance(finding, Finding)
    assert finding.message("en").startswith("You will be 15") and finding.message("zh").startswith("您在")
    assert finding.to_dict("zh")["message"] == finding.message_zh
    # params named like make's own arguments
    assert F.make("input.unknown_province", "province", code="99").message_en.startswith("“99”")
    assert F.make("uscc.checksum", "x").severity == "error"


def test_unknown_codes_raise_key_error():
    with pytest.raises(KeyError):
        F.make("engine.no_such_code", "x")
    with pytest.raises(KeyError):
        F.make("input_hint.text", "x")  # a phrase is never a finding on its own
    with pytest.raises(KeyError):
        F.phrase("input.not_object")


def test_missing_params_render_as_placeholders_not_errors():
    finding = F.make("province.too_young", "f")
    assert "{age}" in finding.message_en


def test_param_length_limit_comes_from_the_catalogue():
    limits = F.catalog()["param_chars"]
    assert limits["default"] == 60 and limits["modules"]["input"] == 160
    long_input = F.make("input.not_allowed", "x", value="v" * 500, allowed=["a"])
    assert "v" * 159 + "…" in long_input.message_en and "v" * 160 not in long_input.message_en
    long_host = F.make("domain.url_stripped", "d", host="a" * 500)
    assert "a" * 59 + "…" in long_host.message_en and "a" * 60 not in long_host.message_en


def test_list_params_are_joined_with_the_labels_punctuation():
    sep = F.label("punctuation", "list_sep")
    finding = F.make("input.not_allowed", "x", value="v", allowed=["a", "b"])
    assert "a" + sep["en"] + "b" in finding.message_en
    assert "a" + sep["zh"] + "b" in finding.message_zh


def test_phrase_renders_both_languages():
    assert F.phrase("input_size.min_items", n=2) == {"en": "at least 2 item(s) are needed", "zh": "至少需要 2 项"}


# --- no words in code -----------------------------------------------------------

# Modules whose words now live in the catalogue; official number formats
# (京ICP备…号) and parsing tables elsewhere are not translatable wording.
WORDLESS = ["findings.py", "application.py", "timeline.py"]


def _docstrings(tree) -> set:
    ids = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            ids.add(id(body[0].value))
    return ids


@pytest.mark.parametrize("name", WORDLESS)
def test_no_chinese_in_code(name):
    tree = ast.parse((CHECKER / name).read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    strings = [n.value for n in ast.walk(tree)
               if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]
    assert [s for s in strings if CHINESE.search(s)] == []
