"""The people of a filing: identity documents, phones and e-mail, and the
province's rules on who may be the applicant, the entity leader and the
website leader (residency, nationality, legal representative, age, whether
the two leaders may or must be the same person)."""
from __future__ import annotations

from checker import policy, words
from checker.case import non_local, resident
from checker.findings import has_errors, make
from checker.validators import email, permits, phone, resident_id

READS = frozenset({
    "local_mobile", "non_local_individual", "foreign_individual", "leader_legal_rep",
    "website_leader_authorisation", "leaders_relation",
    "min_age_individual", "min_age_org_leader", "min_age_website_leader",
    "landline_required", "distinct_phones",
})

# The finding for a rule "will be refused" when several sources confirm it,
# and "check first" when one does (checker.policy.limit_exceeded_is_error).
_BY_STATUS = {
    "leaders_differ": ("province.leaders_must_differ", "province.leaders_must_differ_unconfirmed"),
    "leaders_same": ("province.leader_must_lead_website", "province.leader_must_lead_website_unconfirmed"),
    "foreign_refused": ("province.foreign_individual_refused", "province.foreign_individual_refused_unconfirmed"),
    "landline": ("province.landline_missing", "province.landline_missing_unconfirmed"),
    "same_mobile": ("province.leaders_same_mobile", "province.leaders_same_mobile_unconfirmed"),
}


def _by_status(kind, status) -> str:
    confirmed, unconfirmed = _BY_STATUS[kind]
    return confirmed if policy.limit_exceeded_is_error(status) else unconfirmed


def check(case, rules) -> list:
    findings = []
    for prefix, person in (("entity_leader", case.entity_leader), ("website.leader", case.website_leader)):
        findings += _person_fields(case, rules, person, prefix)
    if case.province and case.submitting and case.entity_kind in ("organisation", "individual"):
        findings += province_findings(case, rules)
    return findings


def province_findings(case, rules) -> list:
    """The province's rules on the applicant and the leaders (the case has a province and an entity kind)."""
    return _residency(case, rules) + _nationality(case, rules) + _legal_rep(case, rules) \
        + _ages(case, rules) + _relation(case, rules) + _landline(case, rules) + _mobiles(case, rules)


def _person_fields(case, rules, person, prefix) -> list:
    if not isinstance(person, dict):
        return []
    findings = []
    kind = policy.id_type(person)
    if "id_number" in person:
        field = prefix + ".id_number"
        if kind == "resident_id":
            filing = case.province if case.entity_kind == "individual" else None
            findings += resident_id.check(person["id_number"], field=field, filing_province=filing, today=case.today)
        else:
            findings += permits.check(person["id_number"], field=field, kind=kind)
    if "mobile" in person:
        field = prefix + ".mobile"
        found = phone.check(person["mobile"], field=field, kind="mobile")
        findings += found
        if case.submitting and case.province and not has_errors(found):
            findings += local_mobile(rules, field)
    if "landline" in person:
        findings += phone.check(person["landline"], field=prefix + ".landline", kind="landline")
    if "email" in person:
        findings += email.check(person["email"], field=prefix + ".email")
    return findings


def local_mobile(rules, field) -> list:
    entry = rules.rule("local_mobile")
    if entry["values"] != ["required"]:
        return []
    return [make("province.local_mobile", field, province=rules.name(), where=words.field_label(field),
                 sources=words.cite(entry["sources"]))]


def _verify(rules, rule_id, field) -> list:
    return [make("province.rule_verify", field, rule=words.rule_name(rule_id), province=rules.name(),
                 sides=words.sides(rules.rule(rule_id)))]


def _residency(case, rules) -> list:
    """Individuals whose resident ID was issued in another province."""
    if case.entity_kind != "individual" or not case.conditions.get("non_local"):
        return []
    entry = rules.rule("non_local_individual")
    field, province, sources = "entity_leader.id_number", rules.name(), words.cite(entry["sources"])
    values = entry["values"]
    if values == ["refused"]:
        return [make("province.non_local_refused", field, province=province, sources=sources)]
    if values == ["residence_proof"]:
        notes = [c["note"] for c in entry["claims_in_force"] if c.get("note")]
        proof = notes[0] if notes else words.both("residence_proof", group="enums")
        proof = {lang: proof[lang].rstrip(".。") for lang in ("en", "zh")}
        return [make("province.non_local_residence_proof", field, province=province, proof=proof, sources=sources)]
    if values == ["allowed"]:
        return [make("province.non_local_allowed", field, province=province, sources=sources)]
    return [make("province.non_local_verify", field, province=province, sides=words.sides(entry))]


def _nationality(case, rules) -> list:
    """Foreign nationals (passport holders) filing as individuals."""
    if case.entity_kind != "individual" or policy.id_type(case.entity_leader) != "passport":
        return []
    entry = rules.rule("foreign_individual")
    field, sources = "entity_leader.id_type", words.cite(entry["sources"])
    if entry["values"] == ["refused"]:
        return [make(_by_status("foreign_refused", entry["status"]), field, province=rules.name(), sources=sources)]
    if entry["values"] in (["residence_permit"], ["local_proof"]):
        return [make("province.foreign_individual_residence_permit", field, province=rules.name(), sources=sources)]
    if len(entry["values"]) > 1:
        return _verify(rules, "foreign_individual", field)
    return []


def _legal_rep(case, rules) -> list:
    """Organisations whose leaders are not the legal representative."""
    if case.entity_kind != "organisation":
        return []
    findings = []
    if (case.entity_leader or {}).get("is_legal_representative") is False:
        field = "entity_leader.is_legal_representative"
        entry, value = rules.rule("leader_legal_rep"), rules.value("leader_legal_rep")
        codes = {"required": "province.leader_must_be_legal_rep",
                 "authorisation_letter": "province.leader_authorisation_letter"}
        if value in codes:
            findings.append(make(codes[value], field, province=rules.name(), sources=words.cite(entry["sources"])))
        elif value is None:
            findings += _verify(rules, "leader_legal_rep", field)
    if (case.website_leader or {}).get("is_legal_representative") is False:
        field = "website.leader.is_legal_representative"
        entry, value = rules.rule("website_leader_authorisation"), rules.value("website_leader_authorisation")
        if value == "required":
            findings.append(make("province.website_leader_authorisation", field, province=rules.name(),
                                 sources=words.cite(entry["sources"])))
        elif value is None:
            findings += _verify(rules, "website_leader_authorisation", field)
    return findings


def _relation(case, rules) -> list:
    """Whether the entity leader and the website leader must differ, or must be one person."""
    if case.entity_kind != "organisation" or len(rules.rule("leaders_relation")["values"]) != 1:
        return []
    entry = rules.rule("leaders_relation")
    value = entry["values"][0]
    same = policy.same_person(case.entity_leader, case.website_leader)
    not_legal_rep = (case.entity_leader or {}).get("is_legal_representative") is False
    field, sources = "website.leader.id_number", words.cite(entry["sources"])
    if same is True and (value == "must_differ" or (value == "differ_if_leader_not_legal_rep" and not_legal_rep)):
        # Nothing to add when the rule is unconditional: an empty text in both languages.
        condition = words.both("condition_not_legal_rep") if value != "must_differ" else {"en": "", "zh": ""}
        return [make(_by_status("leaders_differ", entry["status"]), field, province=rules.name(),
                     condition=condition, sources=sources)]
    if value == "same_if_leader_not_legal_rep" and same is False and not_legal_rep:
        return [make(_by_status("leaders_same", entry["status"]), field, province=rules.name(), sources=sources)]
    return []


def _landline(case, rules) -> list:
    """A province that asks the entity leader for a landline (some only in an individual's filing)."""
    entry = rules.rule("landline_required")
    scope = entry["values"][0] if len(entry["values"]) == 1 else None
    applies = scope == "required" or (scope == "individuals" and case.entity_kind == "individual")
    leader = case.entity_leader or {}
    if not applies or leader.get("landline"):
        return []
    return [make(_by_status("landline", entry["status"]), "entity_leader.landline", province=rules.name(),
                 sources=words.cite(entry["sources"]))]


def _mobiles(case, rules) -> list:
    """A province where two different leaders may not give the same mobile number."""
    entry = rules.rule("distinct_phones")
    if case.entity_kind != "organisation" or entry["values"] != ["leaders_differ"]:
        return []
    if policy.same_person(case.entity_leader, case.website_leader) is not False:
        return []   # one person leading both, or not known: the rule says nothing
    numbers = [phone.digits((person or {}).get("mobile")) for person in (case.entity_leader, case.website_leader)]
    if not numbers[0] or numbers[0] != numbers[1]:
        return []
    return [make(_by_status("same_mobile", entry["status"]), "website.leader.mobile", province=rules.name(),
                 sources=words.cite(entry["sources"]))]


def _ages(case, rules) -> list:
    entity_rule = "min_age_individual" if case.entity_kind == "individual" else "min_age_org_leader"
    # Where no source gives the website leader an age of their own, the
    # entity's rule is the best evidence for the website leader too.
    website_rule = "min_age_website_leader" if rules.numbers("min_age_website_leader") else entity_rule
    people = [("entity_leader", case.entity_leader, entity_rule),
              ("website.leader", case.website_leader, website_rule)]
    findings = []
    for prefix, person, rule_id in people:
        findings += _age(case, rules, prefix, person, rule_id)
    return findings


def _age(case, rules, prefix, person, rule_id) -> list:
    minimums = rules.numbers(rule_id)
    if not minimums or not isinstance(person, dict) or policy.id_type(person) != "resident_id":
        return []
    found = resident(person.get("id_number"), case.today)
    if found is None:
        return []
    age = policy.age_on(found[1], case.day)
    applicant = case.entity_kind == "individual" and prefix == "entity_leader"
    who = words.both("who_applicant" if applicant else "who_" + prefix.replace(".", "_"))
    field, entry = prefix + ".id_number", rules.rule(rule_id)
    if age < min(minimums):
        return [make("province.too_young", field, who=who, age=age, day=case.day, province=rules.name(),
                     min=min(minimums), sources=words.cite(entry["sources"]))]
    if age < max(minimums):
        return [make("province.age_verify", field, who=who, age=age, day=case.day, province=rules.name(),
                     sides=words.sides(entry))]
    return []


__all__ = ["READS", "check", "local_mobile", "non_local", "province_findings"]
