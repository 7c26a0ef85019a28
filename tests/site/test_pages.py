"""Generated pages, checked without MkDocs."""
import os
import re
from pathlib import Path

import pytest

from generator.render import PROVINCE_RULES

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
GOLDEN_PAGES = [
    "provinces/beijing.md", "provinces/sichuan.zh.md", "provinces/guangdong.md",
    "checklists/sichuan-individual.md", "checklists/guangdong-organisation.zh.md",
]


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_golden(pages, page):
    """A change to these pages must be deliberate: UPDATE_GOLDEN=1 rewrites them."""
    golden = GOLDEN / page.replace("/", "__")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(pages[page], encoding="utf-8")
    assert golden.exists(), f"no golden file for {page}; run with UPDATE_GOLDEN=1 once and review it"
    assert pages[page] == golden.read_text(encoding="utf-8")


def test_every_province_has_pages_in_both_languages(dataset, pages):
    for doc in dataset.provinces:
        slug = doc.data["slug"]
        for lang in ("", ".zh"):
            assert f"provinces/{slug}{lang}.md" in pages
            for entity in ("organisation", "individual"):
                assert f"checklists/{slug}-{entity}{lang}.md" in pages


def test_every_rule_appears_with_its_sources(dataset, pages):
    national = dataset.data("national.yaml")["rules"]
    for doc in dataset.provinces:
        page = pages[f"provinces/{doc.data['slug']}.md"]
        for rule_id in PROVINCE_RULES:
            assert f"{{#rule-{rule_id.replace('_', '-')}}}" in page, (doc.path, rule_id)
            rule = doc.data["rules"].get(rule_id)
            if rule is None or rule["status"] == "unknown" and rule_id in national:
                rule = national.get(rule_id)
            for claim in (rule or {}).get("claims", []):
                for sid in claim["sources"]:
                    assert f"sources.md#src-{sid.replace('_', '-')}" in page, (doc.path, rule_id, sid)


def test_conflicts_are_shown_side_by_side(pages):
    page = pages["provinces/beijing.md"]
    section = page.split("{#rule-leader-legal-rep}")[1].split("\n### ")[0]
    assert "icp-status--conflicting" in section
    assert section.count("\n| ") >= 3, "a conflicting rule lists each claim in its own table row"


def test_unknown_is_marked_unknown(pages):
    page = pages["provinces/beijing.md"]
    section = page.split("{#rule-non-local-individual}")[1].split("\n### ")[0]
    assert "icp-status--unknown" in section and "Unknown." in section


def test_national_rule_shown_where_province_has_none(pages):
    section = pages["provinces/beijing.md"].split("{#rule-footer-number}")[1].split("\n### ")[0]
    assert "national rule applies" in section
    guangdong = pages["provinces/guangdong.md"].split("{#rule-footer-number}")[1].split("\n### ")[0]
    assert "Entity number" in guangdong and "national rule applies" not in guangdong


def test_checklist_follows_procedure_order(dataset, pages):
    steps = dataset.data("steps.yaml")
    order = [p["id"] for p in steps["phases"]]
    titles = [p["title"]["en"] for p in steps["phases"]]
    page = pages["checklists/sichuan-organisation.md"]
    positions = [page.index(f"## {t}") for t in titles]
    assert positions == sorted(positions) and len(order) == len(titles)
    assert page.count("<input type=\"checkbox\"") >= 15          # one tick box per step


def test_zh_pages_have_no_english_ui_words(pages):
    english_ui = ["Last verified", "Sources:", "Unknown.", "Checklist for", "national rule"]
    for name, text in pages.items():
        if name.endswith(".zh.md") and (name.startswith("provinces/") or name.startswith("checklists/")):
            for word in english_ui:
                assert word not in text, (name, word)


def test_comparison_tables_cover_all_provinces(pages):
    page = pages["compare.md"]
    for rule in ("non-local-individual", "leader-legal-rep", "local-mobile", "min-age-individual",
                 "sms-verification", "verification-method", "extra-documents"):
        section = page.split(f"{{#compare-{rule}}}")[1].split("\n## ")[0]
        assert len(re.findall(r"^\| \[", section, re.M)) == 31, rule


def test_content_macros_render_values_from_data(pages):
    for name, text in pages.items():
        prose = re.sub(r"```.*?```", "", text, flags=re.S)  # code examples may show placeholders
        assert "{{" not in prose and "{%" not in prose, f"unrendered template syntax in {name}"
    assert "30" in pages["after-approval.md"]  # psb_deadline_days, rendered from national.yaml


def test_missing_twin_is_an_error(tmp_path):
    from generator.render import missing_translations
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "b.zh.md").write_text("x")
    assert missing_translations(tmp_path) == ["content/a.zh.md"]
