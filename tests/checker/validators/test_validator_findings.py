"""Tests for checker.findings, the message catalog and validator exceptions."""

import ast
import dataclasses
import pathlib
import re
import string

import pytest

from checker import findings as F
from checker.validators import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)

VALIDATORS_DIR = pathlib.Path(__file__).resolve().parents[3] / "checker" / "validators"
CJK = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"^(checker|uscc|resident_id|permits|phone|email|domain|website_name|icp_number|psb_number|instance"
                  r"|android_package|ios_bundle_id|harmony_bundle|cert_fingerprint)\.[a-z0-9_]+$")
# The validators' part of the data catalogue (province_data/messages.yaml).
CATALOG = {code: entry for code, entry in F.catalog()["messages"].items() if CODE.match(code)}


def _codes_in_source():
    """Every finding code a validator can emit, found by reading the source."""
    used = set()
    for path in sorted(VALIDATORS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
                used.add(node.value)
            # as_text(value, "<prefix>") raises "<prefix>.empty"
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "as_text" and len(node.args) >= 2:
                prefix = node.args[1]
                if isinstance(prefix, ast.Constant):
                    used.add(prefix.value + ".empty")
    return used


def test_source_scan_finds_codes():
    used = _codes_in_source()
    assert "uscc.pilot_checksum" in used and "domain.empty" in used and len(used) > 80


def test_every_used_code_is_in_catalog():
    missing = sorted(_codes_in_source() - set(CATALOG))
    assert missing == []


def test_every_catalog_code_is_used():
    unused = sorted(set(CATALOG) - _codes_in_source())
    assert unused == []


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_catalog_entry_well_formed(code):
    entry = CATALOG[code]
    assert entry["severity"] in F.SEVERITIES
    assert entry["en"].strip() and entry["zh"].strip()
    assert CJK.search(entry["zh"]), "zh text must contain Chinese"
    en_fields = {f for _, f, _, _ in string.Formatter().parse(entry["en"]) if f}
    zh_fields = {f for _, f, _, _ in string.Formatter().parse(entry["zh"]) if f}
    assert en_fields == zh_fields, "both languages use the same params"
    rendered = F.make(code, "f", **{name: "X" for name in en_fields})
    assert "{" not in rendered.message_en and "{" not in rendered.message_zh


def test_severities_exact():
    assert F.SEVERITIES == ("error", "warning", "info")


def test_make_unknown_code_raises_keyerror():
    with pytest.raises(KeyError):
        F.make("uscc.no_such_code", "field")


def test_finding_is_frozen_and_serialisable():
    finding = F.make("resident_id.other_province", "id", other="11", filing="44", other_name="北京市")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "x"
    assert finding.to_dict() == {
        "code": "resident_id.other_province",
        "severity": "info",
        "field": "id",
        "message": finding.message_en,
        "sources": [],
    }
    assert finding.to_dict("zh")["message"] == finding.message_zh
    assert finding.message("zh-CN") == finding.message_zh
    assert finding.message("fr") == finding.message_en
    assert finding.param("other") == "11" and finding.param("nope", 1) == 1
    assert hash(finding) == hash(F.make("resident_id.other_province", "id", other="11", filing="44", other_name="北京市"))


def test_list_params_are_joined_per_language():
    finding = F.make("icp_number.prefix_province", "icp", prefix="京", expected=["蜀", "川"], other_province=None)
    assert "蜀, 川" in finding.message_en
    assert "蜀、川" in finding.message_zh
    assert finding.param("expected") == ("蜀", "川")


def test_long_params_are_truncated():
    finding = F.make("domain.url_stripped", "d", host="a" * 500)
    assert len(finding.message_en) < 120 and "…" in finding.message_en


def test_missing_param_renders_placeholder_instead_of_raising():
    finding = F.make("domain.url_stripped", "d")
    assert "{host}" in finding.message_en


def test_has_errors():
    assert F.has_errors([F.make("uscc.checksum", "u")])
    assert not F.has_errors([F.make("uscc.pilot_checksum", "u")])


@pytest.mark.parametrize("cls", [InvalidFormat, InvalidChecksum, InvalidComponent, InvalidLength])
def test_exceptions_carry_code(cls):
    exc = cls("uscc.checksum")
    assert isinstance(exc, ValidationError) and isinstance(exc, ValueError)
    assert exc.code == "uscc.checksum"
    assert exc.finding("u").severity == "error"


def test_safe_check_turns_crashes_into_a_warning_on_the_right_field():
    from checker.validators import safe_check

    @safe_check
    def check(value, field="demo"):
        raise RuntimeError("boom")

    (finding,) = check("x", "positional")
    assert finding.code == "checker.internal_error" and finding.severity == "warning"
    assert finding.field == "positional"
    assert check("x")[0].field == "demo"
    assert check("x", field="kw")[0].field == "kw"
    assert check()[0].code == "checker.internal_error"


def test_field_may_be_passed_positionally():
    from checker.validators import instance, uscc

    assert uscc.check("123", "entity.uscc")[0].field == "entity.uscc"
    assert instance.check("", None, "site.instance")[0].field == "site.instance"
