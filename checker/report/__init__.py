"""The checker's answer for one application, as data (the API's report).

This module only orchestrates: it builds the :class:`checker.case.Case`,
runs every check (:mod:`checker.checks`), and gathers the sections of the
report from the modules that own them. :mod:`checker.report.present` turns
the report into the display sections that the CLI text, the Markdown
download and the page render.
"""
from __future__ import annotations

import datetime as dt

from checker import case as _case
from checker import rules as _rules
from checker import checks, documents, ruleset, steps, words
from checker.checks import apps, content, dates, numbers
from checker.report import verdict
from checker.findings import lang_code

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def sorted_findings(findings) -> list:
    """Findings without repeats, errors first, then by field."""
    seen, out = set(), []
    for f in findings:
        key = (f.code, f.field, f.params, f.limit)   # equal params give equal messages
        if key not in seen:
            seen.add(key)
            out.append(f)
    # Ties keep the order in which the checks found them (the sort is stable), so both languages list
    # findings in the same order and no message needs rendering to sort.
    out.sort(key=lambda f: (SEVERITY_RANK.get(f.severity, 3), f.field, f.code))
    return out


def build(app: dict, lang: str = "en", today: dt.date | None = None, shared: bool = False) -> tuple[dict, list]:
    """(report without findings, sorted findings) for a schema-valid application.

    ``shared``: the province's rules and the steps are the cached objects
    themselves, shared with other reports, for a caller that only reads and
    encodes the report (:mod:`checker.report.as_json`); otherwise they are copies.
    """
    lang = lang_code(lang)
    case = _case.from_application(app, today or dt.date.today())
    findings = sorted_findings(checks.run_all(case))
    report = {
        "verdict": None,
        "classification": _classification(case, lang),
        "province": _province(case, lang),
        "rules_date": case.day.isoformat(),
        "province_rules": (province_rules(case.view, lang, shared, case.entity_kind)
                           if case.view and case.filing_needed is not False else []),
        "steps": [],
        "ask_provider": [],
        "documents": documents.for_case(case, lang),
        "timeline": dates.computed(case, case.rules(dates.READS))[0],
        "footer_html": numbers.snippet(case, case.rules(numbers.READS))[0],
        "app_display": apps.display(case, case.rules(apps.READS)),
    }
    every = _steps(case, lang, shared)
    # Steps resting on a rule nobody has documented are questions, not tick items.
    report["steps"] = [s if "ask" not in s else _step(s) for s in every if "ask" not in s or s["keep"]]
    report["ask_provider"] = [{"step": s["id"], "question": s["ask"]} for s in every if "ask" in s]
    report["verdict"] = verdict.compute(case, report, findings, lang)
    return report, findings


def _classification(case, lang) -> dict:
    node = case.outcome_node
    reading = case.rules(content.READS)
    operation = node["operation"] if node else None
    sources = []
    if node:
        sources = list(node.get("sources", []))
        if node.get("rule"):
            sources += [s for s in case.all_rules.rule(node["rule"])["sources"] if s not in sources]
    operations = ruleset.operations()
    return {
        "needs_filing": case.filing_needed,
        "outcome": case.outcome,
        "outcome_text": node["text"][lang] if node else None,
        "operation": operation,
        "operation_name": operations[operation]["name"][lang] if operation in operations else None,
        "sources": sources,
        "path": [{"question": q, "answer": a} for q, a in (case.walk.path if case.walk else ())],
        "commercial_licence": content.commercial(case, reading),
        "preapprovals": content.preapprovals(case, lang),
        "psb": content.psb(case, reading),
    }


def _province(case, lang):
    view = case.view
    if view is None or view.province is None:
        return None
    return {"code": case.province, "name": view.name()[lang]}


def _steps(case, lang, shared=False) -> list:
    if case.view is None or case.entity_kind not in ("organisation", "individual") or not case.filing_needed:
        return []
    phases = None if case.submitting else ("after",)
    # The steps of the outcome, narrowed by the answers on the path walked
    # (e.g. a server abroad behind a mainland CDN drops the mainland-server steps).
    answers = dict(case.walk.path) if case.walk else dict(case.answers)
    return steps.for_view(case.view, case.entity_kind, case.conditions, lang, phases,
                          outcome=case.outcome, answers=answers, copies=not shared)


def _step(step) -> dict:
    return {k: v for k, v in step.items() if k not in ("ask", "keep")}


def province_rules(view, lang, shared=False, entity=None) -> list:
    """The province's rules in force, by rule id, as they concern the applicant (``entity``:
    'organisation', 'individual' or None for both; see checker.rules.for_entity), cached on
    the view; copies unless ``shared``."""
    key = ("province_rules", lang, entity)
    cached = view.cache.get(key)
    if cached is None:
        # Shared by the views of every epoch that see the same rules in force (and so is its JSON).
        entries = tuple(view.rule(rule_id) for rule_id in _province_rule_ids(view))
        cached = view.cache[key] = ruleset.shared(("province_rules", view.code, lang, entity), entries,
                                                  lambda: _province_rules(view, lang, entity))
    return cached if shared else [dict(rule, sources=list(rule["sources"])) for rule in cached]


def _province_rule_ids(view) -> list:
    return sorted(set(ruleset.province_rule_ids()) | set((view.province or {}).get("rules", {})))


def _province_rules(view, lang, entity) -> list:
    out = []
    for rule_id in _province_rule_ids(view):
        entry = view.rule(rule_id)
        if entry["rule"] is None or not ruleset.concerns(rule_id, entity):
            continue
        values, sources = entry["values"], entry["sources"]
        own = _rules.for_entity_on(entry["rule"], entity, view.day) if entity else entry["rule"]
        if own is None:
            continue   # every text in force concerns the other kind of applicant
        if own is not entry["rule"]:
            values, sources = _rules.values_in_force(own, view.day), _rules.sources_on(own, view.day)
        out.append({
            "rule": rule_id,
            "name": words.rule_name(rule_id)[lang],
            "origin": entry["origin"],
            "status": entry["status"],
            "values": values,
            "text": words.values_text(rule_id, values, lang),
            "sources": list(sources),
            "newest_source": _rules.newest_source(sources, _rules.load()["sources"]),
        })
    return out
