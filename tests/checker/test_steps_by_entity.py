"""A text of a province rule that concerns one kind of applicant ("Individuals put their
fingerprint on the verification form.", marked ``entity:`` in the province file) reaches
that kind only: in the checker's steps and documents and in the printable checklists."""
import pytest

from checker import api, rules
from checker import steps as steps_module
from tests.checker.helpers import TODAY, app

INITIAL = {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"}


def marked(code, entity, lang="en"):
    """The province's extra-document texts the data marks for `entity` only."""
    rule = rules.load()["provinces"][code]["rules"]["extra_documents"]
    return {v[lang] for claim in rule["claims"] for v in claim["value"] if v.get("entity") == [entity]}


def extra_documents_step(code, kind, lang="en"):
    report = api.check(app(code, kind, answers=INITIAL), lang=lang, today=TODAY)
    found = [s for s in report["steps"] if s["id"] == "extra_documents"]
    return found[0] if found else None


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind, other", [("organisation", "individual"), ("individual", "organisation")])
def test_guangdong_step_lists_only_the_texts_for_the_applicant(kind, other, lang):
    step = extra_documents_step("44", kind, lang)
    assert marked("44", kind, lang) and marked("44", other, lang)
    assert all(text in step["text"] for text in marked("44", kind, lang))
    assert not [text for text in marked("44", other, lang) if text in step["text"]]


def test_a_source_cited_only_for_the_other_kind_leaves_the_step():
    """Xinjiang's fingerprint on the verification form is for individuals; the source that
    says it alone is not cited to an organisation."""
    rule = rules.load()["provinces"]["65"]["rules"]["extra_documents"]
    individual_only = {s for c in rule["claims"] if all(v.get("entity") == ["individual"] for v in c["value"])
                       for s in c["sources"]}
    shared = {s for c in rule["claims"] if not all(v.get("entity") == ["individual"] for v in c["value"])
              for s in c["sources"]}
    only_there = individual_only - shared
    assert only_there
    assert only_there <= set(extra_documents_step("65", "individual")["sources"])
    assert not only_there & set(extra_documents_step("65", "organisation")["sources"])


def _province_with(texts):
    claims = [{"value": [{"en": en, "zh": en, **({"entity": kinds} if kinds else {})}], "sources": ["s"]}
              for en, kinds in texts]
    return {"rules": {"extra_documents": {"status": "confirmed", "merge": "union", "claims": claims}}}


def _selected_values(province, entity):
    data = rules.load()
    chosen = [sel for sel in steps_module.select(data["steps"], province, data["national"], entity, TODAY)
              if sel["step"]["id"] == "extra_documents"]
    return [t["en"] for sel in chosen for value in sel["values"] for t in value]


def test_a_step_whose_texts_all_concern_the_other_kind_is_left_out():
    province = _province_with([("Individuals sign here.", ["individual"])])
    assert _selected_values(province, "individual") == ["Individuals sign here."]
    assert _selected_values(province, "organisation") == []


def test_unmarked_texts_go_to_both_kinds():
    province = _province_with([("Everyone signs.", None), ("Companies stamp.", ["organisation"])])
    assert _selected_values(province, "organisation") == ["Everyone signs.", "Companies stamp."]
    assert _selected_values(province, "individual") == ["Everyone signs."]


@pytest.mark.parametrize("kind, other", [("organisation", "individual"), ("individual", "organisation")])
def test_printable_checklist_lists_only_the_texts_for_its_kind(pages, kind, other):
    for lang, suffix in (("en", ""), ("zh", ".zh")):
        page = pages[f"checklists/guangdong-{kind}{suffix}.md"]
        step = next(line for line in page.splitlines() if 'data-step="extra_documents"' in line)
        assert all(text in step for text in marked("44", kind, lang))
        assert not [text for text in marked("44", other, lang) if text in step]


@pytest.mark.parametrize("kind, other", [("organisation", "individual"), ("individual", "organisation")])
def test_the_rules_that_apply_list_only_the_texts_for_the_applicant(kind, other):
    report = api.check(app("44", kind, answers=INITIAL), lang="en", today=TODAY)
    row = next(r for r in report["province_rules"] if r["rule"] == "extra_documents")
    assert all(text in row["text"] for text in marked("44", kind))
    assert not [text for text in marked("44", other) if text in row["text"]]
    # with the kind of applicant unknown, every text
    from checker import report as report_module
    from checker import ruleset
    rows = report_module.province_rules(ruleset.rule_view("44", TODAY), "en", entity=None)
    row = next(r for r in rows if r["rule"] == "extra_documents")
    assert all(text in row["text"] for text in marked("44", kind) | marked("44", other))


@pytest.mark.parametrize("kind, other", [("organisation", "individual"), ("individual", "organisation")])
def test_rules_about_the_other_kind_of_applicant_are_not_in_the_table(kind, other):
    """province_data/rule_audience.yaml: an organisation's table has no 'Individuals from other
    provinces', an individual's no 'Entity leader must be the legal representative'."""
    audience = rules.load()["rule_audience"]
    assert audience[kind] and audience[other]
    for code in ("44", "31", "11"):
        shown = {r["rule"] for r in api.check(app(code, kind, answers=INITIAL), lang="en", today=TODAY)
                 ["province_rules"]}
        assert shown and not shown & set(audience[other]), (code, shown & set(audience[other]))
        # the rules about this kind that the province holds are all shown
        held = set(rules.load()["provinces"][code]["rules"])
        assert held & set(audience[kind]) <= shown


def test_every_rule_is_in_the_table_when_the_kind_of_applicant_is_not_known():
    from checker import report as report_module
    from checker import ruleset
    rows = report_module.province_rules(ruleset.rule_view("31", TODAY), "en", entity=None)
    audience = rules.load()["rule_audience"]
    shown = {r["rule"] for r in rows}
    held = set(rules.load()["provinces"]["31"]["rules"])
    assert held & (set(audience["organisation"]) | set(audience["individual"])) <= shown
