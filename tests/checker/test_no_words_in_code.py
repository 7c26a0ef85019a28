"""Words a user reads live in province_data/ (labels.yaml, messages.yaml), never in code.

Scans every string literal (docstrings aside) in checker/ and generator/, and
every string in the site's JavaScript, for Chinese text. Number-format tokens
(the parts of 京ICP备12345678号-1 and 京公网安备 …号 that parsers and the footer
snippet need) and input aliases the validators accept are listed, with why.
"""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Ideographs: the words. Full-width punctuation in code is input normalisation
# (＠ and 。 in pasted addresses), which readers never see as such.
CHINESE = re.compile(r"[\u3400-\u9fff]")

# file -> literals allowed there, each with its reason.
ALLOWED = {
    # ICP and PSB number formats: tokens of the identifier itself, the same in every language.
    "checker/footer.py": {"%s公网安备 %s号"},
    "checker/validators/icp_number.py": {"备", "证", "ICP证", "ICP备", "%sICP%s%s号",
                                         r"(?P<prefix>.)(?:ICP(?P<kind>[备证])(?P<digits>[0-9]{1,20})(?P<hao>号?)"
                                         r"|(?P<b2>B2)-(?P<licence>[0-9]{1,20}))"
                                         r"(?:-(?P<seq>[0-9]{1,5})(?P<suffix>[A-Z]?))?",
                                         r"[0-9备证号\-]"},
    "checker/validators/psb_number.py": {r"^\s*(\w)\s*公网安备", "公网安备", "号", r"\s*[\u4e00-\u9fff]\s*备"},
    # What applicants type: billing modes as the provider consoles name them, phone extensions.
    "checker/validators/instance.py": {"按量付费", "按需付费", "包年包月"},
    "checker/validators/phone.py": {r"(?:转|分机|ext\.?|x|#)\s*([0-9]{1,6})\s*$"},
}


def _docstrings(tree) -> set:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _python_literals(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


def test_no_chinese_words_in_python_code():
    found = []
    for folder in ("checker", "generator"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            for line, text in _python_literals(path):
                if CHINESE.search(text) and text not in ALLOWED.get(rel, set()):
                    found.append(f"{rel}:{line}: {text[:60]!r}")
    assert not found, "move these words to province_data/labels.yaml or messages.yaml:\n" + "\n".join(found)


def test_no_chinese_words_in_javascript():
    found = []
    for path in sorted((ROOT / "site_templates" / "assets").rglob("*.*js")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("//", 1)[0]
            for literal in re.findall(r"""(["'`])((?:\\.|(?!\1).)*)\1""", code):
                if CHINESE.search(literal[1]):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {literal[1][:60]!r}")
    assert not found, "\n".join(found)


def test_allowed_literals_are_still_used():
    # An allowance that no longer matches anything hides nothing; drop it.
    for rel, allowed in ALLOWED.items():
        literals = {text for _, text in _python_literals(ROOT / rel)}
        assert allowed <= literals, (rel, sorted(allowed - literals))
