"""Which rules the checker acts on, and which only the pages show.

Every rule id in the data (national.yaml, the province files) must be
either read by the checker or listed in ``province_data/display_only.yaml``,
never both; every rule id a check declares in its ``READS`` must exist.
Readers: the checks (:mod:`checker.checks`, their ``READS``), the steps
(``rule:`` in steps.yaml), the documents (:mod:`checker.documents`, its
``READS``) and the decision graph (``rule:`` of an outcome in flow.yaml).
Suffix rules (tlds.yaml) are read by the website check.
"""
from __future__ import annotations

from checker import documents
from checker.checks import declared_reads


def readers(ds) -> dict:
    """Reader name -> the rule ids it reads."""
    out = declared_reads()
    out["province_data/steps.yaml"] = {s["rule"] for s in ds.data("steps.yaml")["steps"] if "rule" in s}
    out[documents.__name__] = set(documents.READS)
    out["province_data/flow.yaml"] = {o["rule"] for o in ds.data("flow.yaml")["outcomes"].values() if o.get("rule")}
    return out


def rule_ids(ds) -> set:
    ids = set(ds.data("national.yaml")["rules"])
    for doc in ds.provinces:
        ids |= set(doc.data["rules"])
    return ids


def province_kinds(ds) -> set:
    """Rule ids the province schema defines: kinds a province may hold before any does."""
    from generator.schemas import load_schemas   # already loaded (and cached) by the data set

    schema = load_schemas(ds.root / "schema").docs["province"].data
    return set(schema["properties"]["rules"]["properties"])


def check(rep, ds) -> None:
    doc = ds.docs["display_only.yaml"]
    display = doc.data["rules"]
    known = rule_ids(ds)
    read = set()
    for reader, ids in sorted(readers(ds).items()):
        read |= ids
        for rule_id in sorted(ids - known):
            rep.add(doc, ("rules",), f"{reader} reads the rule '{rule_id}', which no data file holds; add the rule "
                                     "to national.yaml or the province files, or correct the id in the reader")
    kinds = province_kinds(ds)
    for rule_id in sorted(display):
        if rule_id not in known and rule_id not in kinds:
            rep.add(doc, ("rules", rule_id), f"no data file holds a rule '{rule_id}'; remove it from this list")
        elif rule_id in read:
            rep.add(doc, ("rules", rule_id), f"'{rule_id}' is read by the checker, so it is not display-only; "
                                             "remove it from this list")
    national = ds.docs["national.yaml"]
    for rid, rule in national.data["rules"].items():
        for i, other in enumerate(rule.get("yields_to", [])):
            if other not in known:
                rep.add(national, ("rules", rid, "yields_to", i), f"no rule '{other}' to yield to; correct the id")
    for rule_id in sorted(known - read - set(display)):
        rep.add(doc, ("rules",), f"the rule '{rule_id}' is neither read by a check nor listed here; declare it in "
                                 "the READS of the check that acts on it (checker/checks/), or list it here as "
                                 "display-only with the reason")


def check_audience(rep, ds) -> None:
    """rule_audience.yaml: each rule exists and has one audience, and the steps and
    documents that read it are for that kind of applicant only."""
    doc = ds.docs["rule_audience.yaml"]
    known = rule_ids(ds)
    audience = {}
    for kind in ("organisation", "individual"):
        for i, rule_id in enumerate(doc.data[kind]):
            if rule_id not in known:
                rep.add(doc, (kind, i), f"no data file holds a rule '{rule_id}'; correct the id or remove it")
            elif rule_id in audience:
                rep.add(doc, (kind, i), f"'{rule_id}' is also listed under {audience[rule_id]}; a rule that "
                                        "concerns both kinds of applicant is not listed at all")
            else:
                audience[rule_id] = kind
    for name, key in (("steps.yaml", "steps"), ("documents.yaml", "documents")):
        for i, item in enumerate(ds.data(name)[key]):
            kind = audience.get(item.get("rule"))
            if kind is not None and set(item.get("entity", [])) - {kind}:
                rep.add(ds.docs[name], (key, i, "entity"),
                        f"reads '{item['rule']}', which rule_audience.yaml says concerns only the {kind}; "
                        f"make this entity: [{kind}], or move the rule out of rule_audience.yaml")


def summary(ds) -> str:
    """"N rules read by the checker, M display-only" (ids, not per-province copies), plus TLD rules."""
    known = rule_ids(ds)
    read = set().union(*readers(ds).values()) & known
    display = set(ds.data("display_only.yaml")["rules"]) & known
    tlds = len(ds.data("tlds.yaml")["tlds"])
    return f"rules: {len(read)} read by the checker, {len(display)} display-only (and {tlds} suffix rules read)"
