"""The engine's message catalog (checker.engine_messages)."""
import re
import string
from pathlib import Path

import pytest

from checker import engine_messages, messages
from checker.findings import Finding

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["engine", "application", "timeline", "footer", "api", "cli", "engine_messages"]


def _fields(template):
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(engine_messages.CATALOG))
def test_entry_is_complete_and_both_languages_use_the_same_params(code):
    entry = engine_messages.CATALOG[code]
    assert entry["severity"] in ("error", "warning", "info")
    assert entry["en"].strip() and entry["zh"].strip()
    assert _fields(entry["en"]) == _fields(entry["zh"]), code
    assert re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", entry["zh"]), code  # Chinese text or punctuation


def test_codes_do_not_clash_with_the_validators():
    assert not set(engine_messages.CATALOG) & set(messages.CATALOG)
    prefixes = {code.split(".")[0] for code in engine_messages.CATALOG}
    assert prefixes == {"input", "flow", "engine", "province", "timeline", "footer"}


def test_every_code_raised_in_the_engine_exists():
    pattern = re.compile(r"""(?:make|_problem)\(\s*["']([a-z_]+\.[a-z_]+)["']""")
    used = set()
    for name in MODULES:
        used |= set(pattern.findall((ROOT / "checker" / f"{name}.py").read_text(encoding="utf-8")))
    assert used
    known = set(engine_messages.CATALOG) | set(messages.CATALOG)
    assert used <= known, used - known
    unused = set(engine_messages.CATALOG) - used
    assert not unused, unused


def test_make_builds_the_shared_finding_type():
    finding = engine_messages.make("province.too_young", "f", who={"en": "You", "zh": "您"}, age=15, day="2025-01-01",
                                   province={"en": "Gansu", "zh": "甘肃省"}, min=18, sources="X")
    assert isinstance(finding, Finding)
    assert finding.message("en").startswith("You will be 15") and finding.message("zh").startswith("您在")
    assert finding.to_dict("zh")["message"] == finding.message_zh
    # params named like make's own arguments
    assert engine_messages.make("input.unknown_province", "province", code="99").message_en.startswith("“99”")
    # validator codes work too
    assert engine_messages.make("uscc.checksum", "x").severity == "error"


def test_missing_params_render_as_placeholders_not_errors():
    finding = engine_messages.make("province.too_young", "f")
    assert "{age}" in finding.message_en


def test_long_user_values_are_shortened():
    finding = engine_messages.make("input.not_allowed", "x", value="v" * 500, allowed=["a"])
    assert len(finding.message_en) < 300
