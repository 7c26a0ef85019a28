"""The documents to prepare for one case (checker/documents.py, province_data/documents.yaml)."""
import pytest

from checker import case as _case
from checker import documents, rules, ruleset
from tests.checker.helpers import TODAY, app

MAINLAND_INITIAL = {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"}


def docs(application, lang="en"):
    return documents.for_case(_case.from_application(application, TODAY), lang)


def ids(application):
    return [d["id"] for d in docs(application)]


def texts(application, lang="en"):
    return [d["text"] for d in docs(application, lang)]


def _province_value_texts(code, rule_id):
    rule = rules.load()["provinces"][code]["rules"][rule_id]
    return [v["en"] for claim in rule.get("claims", []) for v in claim["value"]]


def _marked_for(code, entity):
    """The province's extra-document texts the data marks for one kind of applicant only."""
    rule = rules.load()["provinces"][code]["rules"]["extra_documents"]
    return {v["en"] for claim in rule["claims"] for v in claim["value"] if v.get("entity") == [entity]}


def _individual_only(code):
    return _marked_for(code, "individual")


# --- Guangdong: organisation and individual -------------------------------------------------------

def test_guangdong_organisation_and_individual_lists_differ():
    org, ind = ids(app("44", "organisation")), ids(app("44", "individual"))
    assert {"org_certificate", "entity_leader_id", "website_leader_id", "verification_form"} <= set(org)
    assert {"applicant_id", "verification_form_individual"} <= set(ind)
    assert not {"applicant_id", "verification_form_individual"} & set(org)
    assert not {"org_certificate", "entity_leader_id", "website_leader_id", "verification_form"} & set(ind)


def test_guangdong_organisation_sees_no_individual_only_document():
    individual_only = _individual_only("44")
    assert individual_only  # the data marks some of Guangdong's extra documents as individual-only
    assert not individual_only & set(texts(app("44", "organisation")))
    assert individual_only <= set(texts(app("44", "individual")))


def test_guangdong_texts_for_both_kinds_appear_for_both():
    both = set(_province_value_texts("44", "extra_documents")) - _individual_only("44")
    organisation_only = _marked_for("44", "organisation")
    assert organisation_only
    assert both <= set(texts(app("44", "organisation")))
    assert not organisation_only & set(texts(app("44", "individual")))
    assert both - organisation_only <= set(texts(app("44", "individual")))


def test_documents_come_in_both_languages():
    en, zh = docs(app("44")), docs(app("44"), "zh")
    assert [d["id"] for d in en] == [d["id"] for d in zh]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in d["text"]) for d in zh)


# --- authorisation letters follow the province rules --------------------------------------------

def _provinces_with(rule_id, value):
    out = {True: [], False: []}
    for code in rules.load()["provinces"]:
        values = ruleset.rule_view(code, TODAY).rule(rule_id)["values"]
        out[value in values].append(code)
    return out


def _not_legal_rep(code, who):
    application = app(code)
    application[who]["is_legal_representative"] = False
    return application


@pytest.mark.parametrize("code", sorted(rules.load()["provinces"]))
def test_website_leader_authorisation_only_where_the_rule_requires_it(code):
    required = "required" in ruleset.rule_view(code, TODAY).rule("website_leader_authorisation")["values"]
    application = app(code)
    application["website"]["leader"]["is_legal_representative"] = False
    assert ("website_leader_authorisation" in ids(application)) is required
    # Never when the website leader is the legal representative.
    assert "website_leader_authorisation" not in ids(app(code))


@pytest.mark.parametrize("code", sorted(rules.load()["provinces"]))
def test_entity_leader_authorisation_only_where_the_rule_allows_it_with_a_letter(code):
    letter = "authorisation_letter" in ruleset.rule_view(code, TODAY).rule("leader_legal_rep")["values"]
    application = app(code)
    application["entity_leader"]["is_legal_representative"] = False
    assert ("entity_leader_authorisation" in ids(application)) is letter
    assert "entity_leader_authorisation" not in ids(app(code))


def test_both_kinds_of_province_exist_for_the_authorisation_tests():
    for rule_id, value in (("website_leader_authorisation", "required"), ("leader_legal_rep", "authorisation_letter")):
        split = _provinces_with(rule_id, value)
        assert split[True] and split[False], rule_id


def test_an_undecided_leader_keeps_the_letter_and_says_when_it_applies():
    code = _provinces_with("website_leader_authorisation", "required")[True][0]
    application = app(code)
    del application["website"]["leader"]["is_legal_representative"]
    found = [d for d in docs(application) if d["id"] == "website_leader_authorisation"]
    condition = rules.load()["steps"]["conditions"]["leader_not_legal_rep"]["en"]
    assert found and found[0]["text"].startswith(condition)


def test_individuals_get_no_authorisation_letters():
    for code in rules.load()["provinces"]:
        assert not {"entity_leader_authorisation", "website_leader_authorisation"} & set(ids(app(code, "individual")))


# --- pre-approvals --------------------------------------------------------------------------------

def test_declared_categories_bring_their_pre_approval_documents():
    categories = ["news", "culture", "games"]
    found = {d["id"]: d for d in docs(app("44", content_categories=categories))}
    pre = ruleset.preapprovals(TODAY)
    for pid in categories:
        item = found[f"preapproval_{pid}"]
        assert item["sources"] == pre[pid]["sources"]
        if "document" in pre[pid]:
            assert pre[pid]["document"]["en"] in item["text"]
        assert pre[pid]["authority"]["en"] in item["text"]
    assert "no_preapproval_commitment" not in found


def test_no_pre_approval_documents_without_declared_categories_or_for_cancelled_ones():
    assert not [i for i in ids(app("44")) if i.startswith("preapproval_")]
    cancelled = [p for p, entry in ruleset.preapprovals(TODAY).items() if entry["status"] == "cancelled"]
    assert cancelled
    assert not [i for i in ids(app("44", content_categories=cancelled)) if i.startswith("preapproval_")]


# --- domain certificate and residence proof -------------------------------------------------------

def test_domain_certificate_follows_the_number_of_domains(monkeypatch):
    data = rules.load()
    thresholds = {code: ruleset.rule_view(code, TODAY).numbers("domain_certificate") for code in data["provinces"]}
    always = [c for c, n in thresholds.items() if n and min(n) == 1]
    several = [c for c, n in thresholds.items() if n and max(n) > 2]   # Guangdong: 31/32 against JD Cloud's 1
    unknown = [c for c, n in thresholds.items() if not n]
    assert always and several and unknown
    assert "domain_certificate" in ids(app(always[0]))
    assert "domain_certificate" not in ids(app(unknown[0]))
    # Where sources conflict, the smallest number is the safe reading: one domain already needs it.
    code = several[0]
    assert min(thresholds[code]) == 1 and "domain_certificate" in ids(app(code))
    # A province whose only threshold is several domains asks only from that many on.
    rule = data["provinces"][code]["rules"]["domain_certificate"]
    monkeypatch.setitem(data["provinces"][code]["rules"], "domain_certificate", rule | {
        "status": "single_source", "claims": [c for c in rule["claims"] if c["value"] > 2][:1]})
    ruleset.clear_caches()
    try:
        threshold = ruleset.rule_view(code, TODAY).numbers("domain_certificate")[0]
        assert "domain_certificate" not in ids(app(code))
        many = app(code)
        many["website"]["domains"] = [f"example{i}.com" for i in range(threshold)]
        assert "domain_certificate" in ids(many)
    finally:
        ruleset.clear_caches()


@pytest.mark.parametrize("lang, every, at_least", [("en", "with every application", "or more domains"),
                                                    ("zh", "每次申请都", "个及以上")])
def test_domain_certificate_warning_says_every_application_for_a_threshold_of_one(monkeypatch, lang, every,
                                                                                 at_least):
    """Not "when an application has 1 or more domains" (issue 14's unreadable sentences)."""
    from checker import api
    from tests.checker.helpers import finding
    message = finding(api.check(app("44"), lang=lang, today=TODAY), "province.domain_certificate_every")["message"]
    assert every in message and at_least not in message
    data = rules.load()
    rule = data["provinces"]["44"]["rules"]["domain_certificate"]
    monkeypatch.setitem(data["provinces"]["44"]["rules"], "domain_certificate", rule | {
        "status": "single_source", "claims": [c for c in rule["claims"] if c["value"] > 2][:1]})
    ruleset.clear_caches()
    try:
        threshold = ruleset.rule_view("44", TODAY).numbers("domain_certificate")[0]
        many = app("44")
        many["website"]["domains"] = [f"example{i}.com" for i in range(threshold)]
        message = finding(api.check(many, lang=lang, today=TODAY), "province.domain_certificate")["message"]
        assert at_least in message and str(threshold) in message
    finally:
        ruleset.clear_caches()


def test_residence_proof_only_for_non_local_individuals_where_the_rule_asks_for_it():
    from tests.checker.helpers import resident_id
    for code in rules.load()["provinces"]:
        values = ruleset.rule_view(code, TODAY).rule("non_local_individual")["values"]
        application = app(code, "individual")
        assert "residence_proof" not in ids(application)  # local ID card
        application["entity_leader"]["id_number"] = resident_id("110105" if code != "11" else "310104", "19900101")
        assert ("residence_proof" in ids(application)) is ("residence_proof" in values), code


# --- outcomes -------------------------------------------------------------------------------------

@pytest.mark.parametrize("answers,expect_some", [
    (MAINLAND_INITIAL, True),
    ({"server_location": "mainland", "domain_filed": "no", "entity_filed": "yes_this_provider"}, True),
    ({"server_location": "mainland", "domain_filed": "yes_other_provider"}, True),
    ({"server_location": "mainland", "domain_filed": "yes_this_provider"}, False),
    ({"server_location": "mainland", "domain_filed": "yes_other_entity"}, False),
    ({"server_location": "outside_mainland", "mainland_acceleration": "no"}, False),
])
def test_documents_only_for_outcomes_that_submit_a_filing(answers, expect_some):
    assert bool(ids(app("44", answers=answers))) is expect_some


def test_entity_documents_are_not_asked_again_for_a_new_website_under_an_entity_filed_here():
    here = ids(app("44", answers={"server_location": "mainland", "domain_filed": "no",
                                  "entity_filed": "yes_this_provider"}))
    assert "org_certificate" not in here and "website_leader_id" in here


# --- sources and declared reads -------------------------------------------------------------------

@pytest.mark.parametrize("code", sorted(rules.load()["provinces"]))
@pytest.mark.parametrize("kind", ["organisation", "individual"])
def test_every_item_cites_sources_that_exist(code, kind):
    application = app(code, kind, content_categories=["news", "games"] if kind == "organisation" else [])
    application["website"]["domains"] = ["example.com", "example.net", "example.org", "example.cn", "example.top"]
    if kind == "organisation":
        application["entity_leader"]["is_legal_representative"] = False
        application["website"]["leader"]["is_legal_representative"] = False
    known = set(rules.load()["sources"])
    found = docs(application)
    assert found
    assert len({d["id"] for d in found}) == len(found)
    for item in found:
        assert set(item) == {"id", "text", "sources"}
        assert item["sources"] and set(item["sources"]) <= known, item


def test_reads_are_declared_and_exist():
    assert documents.READS <= ruleset.known_rule_ids()
    named = {d["rule"] for d in rules.load()["documents"]["documents"] if "rule" in d}
    assert named <= documents.READS


def test_reading_an_undeclared_rule_is_refused():
    case = _case.from_application(app("44"), TODAY)
    with pytest.raises(ruleset.UndeclaredRule):
        case.rules(documents.READS).rule("local_mobile")
