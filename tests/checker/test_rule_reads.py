"""Checks read only the rule ids they declare, and the build accounts for every rule."""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker import checks, ruleset
from checker.checks import people
from generator import rule_use
from generator.cli import main as generator_main
from generator.dataset import load_dataset
from generator.problems import DataError

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)


def test_reading_an_unknown_rule_id_raises():
    with pytest.raises(ruleset.UnknownRule):
        ruleset.rule_view("11", DAY).rule("psb_deadline_dayz")


def test_reading_an_undeclared_rule_id_raises():
    reading = ruleset.rule_view("11", DAY).reading(people.READS)
    assert reading.rule("local_mobile")["id"] == "local_mobile"
    with pytest.raises(ruleset.UndeclaredRule):
        reading.rule("psb_deadline_days")  # a real rule, but people does not declare it


def test_every_check_declares_only_rules_the_data_holds():
    for module, ids in checks.declared_reads().items():
        assert ids <= ruleset.known_rule_ids(), module


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "province_data"
    shutil.copytree(ROOT / "province_data", target)
    return target


def _problems(data):
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return [str(p) for p in info.value.problems]


def test_build_fails_when_a_check_declares_a_rule_the_data_lacks(data, monkeypatch):
    monkeypatch.setattr(people, "READS", people.READS | {"min_age_astronaut"})
    found = _problems(data)
    assert any("checker.checks.people reads the rule 'min_age_astronaut'" in p for p in found), found


def test_build_fails_when_a_rule_is_neither_read_nor_display_only(data):
    path = data / "display_only.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("  authority:")) + "\n",
                    encoding="utf-8")
    found = _problems(data)
    assert any("'authority' is neither read by a check nor listed here" in p for p in found), found


def test_build_fails_when_a_rule_read_by_the_checker_is_listed_as_display_only(data):
    path = data / "display_only.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  local_mobile: Listed here by mistake for the test.\n",
                    encoding="utf-8")
    found = _problems(data)
    assert any("'local_mobile' is read by the checker" in p for p in found), found


def test_a_display_only_kind_may_wait_for_data_but_an_unknown_id_may_not(data):
    # annual_review is a kind the province schema defines; until a province holds it, listing it is fine.
    assert "annual_review" in rule_use.province_kinds(load_dataset(ROOT / "province_data"))
    path = data / "display_only.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  rule_of_the_moon: Not a rule anywhere.\n",
                    encoding="utf-8")
    found = _problems(data)
    assert any("no data file holds a rule 'rule_of_the_moon'" in p for p in found), found
    assert not any("'annual_review'" in p for p in found), found


def test_build_prints_how_many_rules_are_read_and_display_only(capsys):
    assert generator_main(["validate"]) == 0
    out = capsys.readouterr().out
    ds = load_dataset(ROOT / "province_data")
    known = rule_use.rule_ids(ds)
    read = set().union(*rule_use.readers(ds).values())
    display = set(ds.data("display_only.yaml")["rules"]) & known   # kinds no province holds yet are not counted
    assert read | display == known and not read & display
    assert f"rules: {len(read)} read by the checker, {len(display)} display-only" in out


def test_every_province_rule_is_shown_on_the_province_pages():
    from generator import render

    ds = load_dataset(ROOT / "province_data")
    held = set().union(*(set(doc.data["rules"]) for doc in ds.provinces))
    assert held <= set(render.PROVINCE_RULES), sorted(held - set(render.PROVINCE_RULES))
