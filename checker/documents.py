"""The documents an applicant prepares, for one case (``province_data/documents.yaml``).

:func:`for_case` is pure: it reads the case, the compiled data and the
province's rules through ``case.rules(READS)`` (a rule it does not declare
raises :class:`checker.ruleset.UndeclaredRule`). The build counts ``READS``
as read by the checker (:mod:`generator.rule_use`) and checks that every rule
documents.yaml names is declared here (:mod:`generator.checks`).
"""
from __future__ import annotations

from checker import policy, ruleset, steps, words
from checker.checks import content
from checker import rules as _rules
from checker.validators import per_object

READS = frozenset({
    "leader_legal_rep",
    "website_leader_authorisation",
    "non_local_individual",
    "domain_certificate",
    "extra_documents",
})


def for_case(case, lang: str) -> list:
    """[{"id", "text", "sources"}] for the case, in the order of documents.yaml.

    Empty when the case submits nothing that needs documents (no filing, already
    filed, a domain still filed under another entity, an unknown outcome) or the
    entity kind is not known.
    """
    data = _rules.load()["documents"]
    kind = case.entity_kind
    if kind not in ("organisation", "individual") or case.outcome not in _outcomes(data):
        return []
    reading = case.rules(READS)
    conditions = _conditions(case)
    out = []
    for item in data["documents"]:
        if kind not in item["entity"] or case.outcome not in item.get("outcomes", data["outcomes"]):
            continue
        if "unless" in item and conditions.get(item["unless"]) is True:
            continue
        prefix = ""
        if "only_if" in item:
            decided = conditions.get(item["only_if"])
            if decided is False:
                continue
            if decided is None:
                prefix = _condition_text(item["only_if"], data, lang) + words.punct("colon", lang)
        each = item.get("each")
        if each == "value":
            out.extend(_each_value(case, reading, item, kind, lang))
        elif each == "preapproval":
            out.extend(_each_preapproval(case, item, lang))
        else:
            found = _ruled(case, reading, item, lang)
            if found is not None:
                text, sources = found
                out.append({"id": item["id"], "text": prefix + text, "sources": sources})
    return out


def _outcomes(data) -> set:
    """Every outcome some document applies to (the list's, and the items' own); found once per data."""
    return per_object(_OUTCOMES, data, _all_outcomes)


_OUTCOMES: dict = {}


def _all_outcomes(data) -> set:
    found = set(data["outcomes"])
    for item in data["documents"]:
        found.update(item.get("outcomes", ()))
    return found


def _conditions(case) -> dict:
    """The steps' conditions as the case decided them, plus the documents' own."""
    found = dict(case.conditions)
    found["entity_leader_not_legal_rep"] = policy.leader_not_legal_rep(case.entity_leader)
    return found


def _condition_text(condition, data, lang) -> str:
    """The documents' own condition wording, else the steps' (one wording per condition)."""
    entry = data.get("conditions", {}).get(condition)
    return entry[lang] if entry else steps.condition_text(condition, lang)


def _ruled(case, reading, item, lang):
    """(text, sources) of a single item, or None when its rule says it does not apply."""
    own = list(item.get("sources", []))
    text = item["text"][lang]
    rule_id = item.get("rule")
    if rule_id is None:
        return text, own
    entry = reading.rule(rule_id)
    values = entry["values"]
    if not values:
        return None  # unknown here (or not in force): nothing to prepare that a source names
    if "values" in item and not any(v in item["values"] for v in values):
        return None
    if item.get("min_count") == "domains":
        numbers = reading.numbers(rule_id)
        if not numbers:
            return None
        count = len(case.domains)
        if count and count < min(numbers):
            return None
    if "{value}" in text:
        text = words.fill(item, rule_id, values, lang, alternatives=entry["status"] == "conflicting")
    return text, own + [s for s in entry["sources"] if s not in own]


def _each_value(case, reading, item, kind, lang) -> list:
    """One item per text of the rule's values in force, with the sources of its claims."""
    entry = reading.rule(item["rule"])
    texts: dict = {}  # English text -> (the text, its sources), in claim order
    # the claims as they concern this kind of applicant (a text marked for the other kind is left out)
    for claim in _rules.for_entity({"claims": entry["claims_in_force"]}, kind)["claims"]:
        value = claim["value"]
        for text in value if isinstance(value, list) else [value]:
            if not isinstance(text, dict):
                continue
            _, sources = texts.setdefault(text["en"], (text, []))
            sources.extend(s for s in claim["sources"] if s not in sources)
    return [{"id": f"{item['id']}_{n}", "text": text[lang], "sources": list(sources)}
            for n, (text, sources) in enumerate(texts.values(), start=1)]


def _each_preapproval(case, item, lang) -> list:
    """One item per declared pre-approval category that is required on the submission date."""
    known = ruleset.preapprovals(case.day)
    out = []
    for pid in content.declared(case):
        pre = known.get(pid)
        if pre is None or pre["status"] != "required":
            continue
        if "document" in pre:
            text = item["text"][lang].replace("{document}", pre["document"][lang])
        else:
            text = item["text_no_document"][lang]
        text = text.replace("{category}", pre["name"][lang]).replace("{authority}", pre["authority"][lang])
        out.append({"id": f"{item['id']}_{pid}", "text": text, "sources": list(pre["sources"])})
    return out
