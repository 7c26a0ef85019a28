"""The checker's public API, shared by the CLI (``icp-check``) and the browser page.

Both functions return exactly the object ``icp-check ... --json`` prints and
never raise:

``check(application, lang="en") -> dict``
    {"ok", "usable", "findings", "verdict", "classification", "province",
    "rules_date", "province_rules", "steps", "ask_provider", "documents", "timeline", "footer_html",
    "app_display"}

    ``verdict`` is {"kind", "headline", "reasons", "next"} (None for unusable
    input); kind is no_filing_needed, already_covered, can_file, cannot_file
    or do_first (:mod:`checker.report.verdict`).

``field(kind, value, context=None, lang="en") -> dict``
    {"ok", "usable", "kind", "value", "findings"}

``ok`` is false when any finding is an error. ``usable`` is false when the
input itself cannot be used (unknown field, wrong type, unknown kind...);
then the findings have ``input.*`` codes and the CLI exits with 2.
Each finding is {"code", "severity", "field", "message", "sources"}; "sources" lists the ids
(on the sources page) of the sources the message cites.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

# Imported under plain names that no parameter shadows (application, report).
from checker import application as app_format
from checker import case as cases
from checker import report as reports
from checker import rules as rule_data
from checker.checks import numbers, people, website
from checker.findings import has_errors, lang_code, make
from checker.validators import (
    ValidationError, domain, email, icp_number, phone, psb_number, resident_id, uscc, website_name,
)
from checker.validators import android_package, cert_fingerprint, harmony_bundle, ios_bundle_id

CONTEXT_KEYS = ("province", "entity", "domain", "service", "platform")
ENTITY_KINDS = ("organisation", "individual")

_EMPTY_REPORT = {
    "verdict": None,
    "classification": None,
    "province": None,
    "rules_date": None,
    "province_rules": [],
    "steps": [],
    "ask_provider": [],
    "documents": [],
    "timeline": None,
    "footer_html": None,
    "app_display": [],
}


def _finding_dicts(findings, lang, shared=False) -> list:
    # Shared reports take each finding's cached dict: equal findings are one object
    # (checker.findings.build), so its dict and its JSON are made once per batch.
    if shared:
        return [f.shared_dict(lang) for f in findings]
    return [f.to_dict(lang) for f in findings]


def unusable(findings, lang: str = "en") -> dict:
    """The report for input that cannot be used (also used by the CLI for unreadable files)."""
    return {"ok": False, "usable": False, "findings": _finding_dicts(findings, lang_code(lang)), **_EMPTY_REPORT}


def _internal(exc, lang) -> dict:
    finding = make("engine.internal_error", "(checker)", error=type(exc).__name__)
    return {"ok": False, "usable": True, "findings": _finding_dicts([finding], lang), **_EMPTY_REPORT}


def check(application: dict, lang: str = "en", today: dt.date | None = None, shared: bool = False) -> dict:
    """Classify and check one application (format icp-application/1). Never raises.

    ``today`` is for tests; by default the current date. ``shared``: the
    report's ``province_rules``, ``steps`` and ``findings`` are the checker's cached objects,
    shared with other reports, for a caller that only reads them (the CLI's
    batches, encoded by :mod:`checker.report.as_json`); by default they are copies.
    """
    return _check(application, lang, today, shared)


def _check(application, lang, today, shared) -> dict:
    lang = lang_code(lang)
    try:
        problems = app_format.schema_problems(application)
        if problems:
            return unusable(problems, lang)
        report, findings = reports.build(application, lang, today=today, shared=shared)
    except RecursionError as exc:
        return _internal(exc, lang)
    except Exception as exc:  # noqa: BLE001 - the API promises not to raise
        return _internal(exc, lang)
    return {"ok": not has_errors(findings), "usable": True, "findings": _finding_dicts(findings, lang, shared),
            **report}


# --- single fields ---------------------------------------------------------------------

# What each context key may hold (None: any text); the CLI's --province, --entity... fill them.
CONTEXT_VALUES = {"province": None, "entity": ENTITY_KINDS, "domain": None,
                  "service": ("website", "app", "mini_program", "quick_app"),
                  "platform": ("android", "ios", "harmonyos")}


def _context(context) -> tuple[dict, list]:
    """(context with every key, None when not given; input findings)."""
    found = dict.fromkeys(CONTEXT_KEYS)
    if context is None:
        return found, []
    if not isinstance(context, dict):
        return found, [make("input.bad_context", "context", name="context", value=type(context).__name__,
                            allowed=list(CONTEXT_KEYS))]
    problems = []
    for key in sorted(context, key=str):
        if key not in CONTEXT_KEYS:
            problems.append(make("input.bad_context", "context", name=str(key), value="",
                                 allowed=list(CONTEXT_KEYS)))
            continue
        value = found[key] = context[key]
        allowed = CONTEXT_VALUES[key]
        if value is None:
            continue
        if key == "province":
            if not isinstance(value, str) or value not in rule_data.load()["provinces"]:
                problems.append(make("input.unknown_province", "province", code=_short(value)))
        elif allowed is None and not isinstance(value, str):
            problems.append(make("input.bad_context", key, name=key, value=_short(value), allowed=["text"]))
        elif allowed is not None and value not in allowed:
            problems.append(make("input.bad_context", key, name=key, value=_short(value), allowed=list(allowed)))
    return found, problems


def _short(value) -> str:
    try:
        text = str(value)
    except Exception:  # noqa: BLE001
        text = "?"
    return text if len(text) <= 60 else text[:59] + "…"


def _formatted(module, value, **kwargs):
    try:
        return module.format(value, **kwargs) if kwargs else module.format(value)
    except (ValidationError, TypeError, ValueError, UnicodeError):
        return None


def _uscc(value, case, rules, ctx):
    found = uscc.check(value, field="uscc")
    if case.province and case.entity_kind != "individual" and not has_errors(found):
        found = found + website.org_province(rules(website.READS), value, "uscc")
    return found, uscc


def _resident_id(value, case, rules, ctx):
    filing = case.province if case.entity_kind == "individual" else None
    found = resident_id.check(value, field="resident_id", filing_province=filing, today=case.today)
    if case.province and case.entity_kind in ENTITY_KINDS and not has_errors(found):
        extra = people.province_findings(case, rules(people.READS))
        found = found + [dataclasses.replace(f, field="resident_id") for f in extra]
    return found, resident_id


def _mobile(value, case, rules, ctx):
    found = phone.check(value, field="mobile", kind="mobile")
    if case.province and not has_errors(found):
        found = found + people.local_mobile(rules(people.READS), "mobile")
    return found, phone


def _email(value, case, rules, ctx):
    return email.check(value, field="email"), email


def _domain(value, case, rules, ctx):
    return website.domain_findings(value, "domain", case.day, case.today, submit_on=False), domain


def _website_name(value, case, rules, ctx):
    host = case.website.get("domain")
    found = website_name.check(value, field="website_name", domain=host, entity_kind=case.entity_kind or "organisation",
                               rules=website.name_rules(rules(website.READS)),
                               suffixes=website.host_suffixes(host) if host else None)
    return found, website_name


def _icp_number(value, case, rules, ctx):
    return numbers.icp_findings(rules(numbers.READS), value, "icp_number", service=ctx["service"]), icp_number


def _psb_number(value, case, rules, ctx):
    return psb_number.check(value, field="psb_number", province_code=case.province), psb_number


def _syntax_only(module, field):
    """A field its validator checks alone: app identifiers need no province or entity rules."""
    return lambda value, case, rules, ctx: (module.check(value, field=field), module)


def _fingerprint(value, case, rules, ctx):
    return cert_fingerprint.check(value, field="cert_fingerprint", platform=ctx["platform"]), cert_fingerprint


_FIELDS = {
    "uscc": _uscc, "resident-id": _resident_id, "mobile": _mobile, "email": _email, "domain": _domain,
    "website-name": _website_name, "icp-number": _icp_number, "psb-number": _psb_number,
    "android-package": _syntax_only(android_package, "android_package"),
    "ios-bundle-id": _syntax_only(ios_bundle_id, "ios_bundle_id"),
    "harmony-bundle": _syntax_only(harmony_bundle, "harmony_bundle"),
    "cert-fingerprint": _fingerprint,
}
FIELD_KINDS = tuple(_FIELDS)


def _field_findings(kind, value, ctx, today):
    """(findings, the value in its conventional form or None), from the same checks as a whole application."""
    leader = {"id_type": "resident_id", "id_number": value} if kind == "resident-id" else None
    website_part = {"domain": ctx["domain"]} if ctx["domain"] else {}
    case = cases.for_field(ctx["province"], ctx["entity"], today, entity_leader=leader, website=website_part)
    findings, module = _FIELDS[kind](value, case, case.rules, ctx)
    own = [f for f in findings if not f.code.startswith("province.")]
    return list(findings), (None if has_errors(own) else _formatted(module, value))


def field(kind: str, value, context: dict | None = None, lang: str = "en", today: dt.date | None = None) -> dict:
    """Check one value of ``kind`` (one of FIELD_KINDS). Never raises.

    ``context``: {"province": "44", "entity": "organisation"|"individual",
    "domain": "example.com" (for website-name), "service": "app"|"mini_program"|"quick_app"|"website"
    (what an icp-number was given for), "platform": "android"|"ios"|"harmonyos" (for
    cert-fingerprint)}; every key optional.
    """
    lang = lang_code(lang)
    today = today or dt.date.today()
    try:
        if kind not in FIELD_KINDS:
            finding = make("input.unknown_kind", "kind", kind=_short(kind), allowed=list(FIELD_KINDS))
            return {"ok": False, "usable": False, "kind": _short(kind), "value": None,
                    "findings": _finding_dicts([finding], lang)}
        ctx, problems = _context(context)
        if problems:
            return {"ok": False, "usable": False, "kind": kind, "value": None,
                    "findings": _finding_dicts(problems, lang)}
        findings, formatted = _field_findings(kind, value, ctx, today)
        findings = reports.sorted_findings(findings)
    except Exception as exc:  # noqa: BLE001 - the API promises not to raise
        finding = make("engine.internal_error", "(checker)", error=type(exc).__name__)
        return {"ok": False, "usable": True, "kind": _short(kind), "value": None,
                "findings": _finding_dicts([finding], lang)}
    return {"ok": not has_errors(findings), "usable": True, "kind": kind, "value": formatted,
            "findings": _finding_dicts(findings, lang)}


# --- the page ---------------------------------------------------------------------------

def view(application, lang: str = "en", today: dt.date | None = None) -> dict:
    """What the checker page shows: {"report", "sections", "markdown"}. Never raises.

    ``report`` is :func:`check`'s; ``sections`` the display model
    (:mod:`checker.report.present`) the page renders; ``markdown`` the
    download, rendered from the same sections.
    """
    from checker.report import markdown, present

    lang = lang_code(lang)
    report = check(application, lang=lang, today=today)
    try:
        sections = present.sections(report, lang)
        return {"report": report, "sections": sections, "markdown": markdown.render(sections, lang)}
    except Exception as exc:  # noqa: BLE001 - the API promises not to raise
        return {"report": _internal(exc, lang), "sections": [], "markdown": ""}


def page_data() -> dict:
    """What the page's form needs besides its labels: the questions, the provinces, the
    pre-approval categories and the application schema, whose ``x-form`` annotations lay the
    form out (the result comes with its own words, from :func:`view`)."""
    import json
    from importlib import resources

    data = rule_data.load()
    schema = resources.files("checker").joinpath("schema/application.schema.json").read_text(encoding="utf-8")
    return {
        "flow": data["flow"],
        "provinces": {code: {"name": p["name"], "slug": p["slug"]} for code, p in data["provinces"].items()},
        "preapprovals": [{"id": p["id"], "name": p["name"]} for p in data["preapprovals"]],
        "application_schema": json.loads(schema),
    }
