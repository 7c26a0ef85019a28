"""The checker's public API, shared by the CLI (``icp-check``) and the browser page.

Both functions return exactly the object ``icp-check ... --json`` prints and
never raise:

``check(application, lang="en") -> dict``
    {"ok", "usable", "findings", "classification", "province",
    "rules_date", "province_rules", "steps", "timeline", "footer_html"}

``field(kind, value, context=None, lang="en") -> dict``
    {"ok", "usable", "kind", "value", "findings"}

``ok`` is false when any finding is an error. ``usable`` is false when the
input itself cannot be used (unknown field, wrong type, unknown kind...);
then the findings have ``input.*`` codes and the CLI exits with 2.
Each finding is {"code", "severity", "field", "message"}.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from checker import application as _application
from checker import engine as _engine
from checker.engine_messages import make
from checker.findings import has_errors, lang_code
from checker.validators import ValidationError

FIELD_KINDS = ("uscc", "resident-id", "mobile", "email", "domain", "website-name", "icp-number", "psb-number")
CONTEXT_KEYS = ("province", "entity", "domain")
ENTITY_KINDS = ("organisation", "individual")

_EMPTY_REPORT = {
    "classification": None,
    "province": None,
    "rules_date": None,
    "province_rules": [],
    "steps": [],
    "timeline": None,
    "footer_html": None,
}


def _finding_dicts(findings, lang) -> list:
    return [f.to_dict(lang) for f in findings]


def unusable(findings, lang: str = "en") -> dict:
    """The report for input that cannot be used (also used by the CLI for unreadable files)."""
    return {"ok": False, "usable": False, "findings": _finding_dicts(findings, lang_code(lang)), **_EMPTY_REPORT}


def _internal(exc, lang) -> dict:
    finding = make("engine.internal_error", "(checker)", error=type(exc).__name__)
    return {"ok": False, "usable": True, "findings": _finding_dicts([finding], lang), **_EMPTY_REPORT}


def check(application: dict, lang: str = "en", today: dt.date | None = None) -> dict:
    """Classify and check one application (format icp-application/1). Never raises.

    ``today`` is for tests; by default the current date.
    """
    lang = lang_code(lang)
    try:
        problems = _application.schema_problems(application)
        if problems:
            return unusable(problems, lang)
        report, findings = _engine.run(application, lang, today=today)
    except RecursionError as exc:
        return _internal(exc, lang)
    except Exception as exc:  # noqa: BLE001 - the API promises not to raise
        return _internal(exc, lang)
    return {"ok": not has_errors(findings), "usable": True, "findings": _finding_dicts(findings, lang), **report}


# --- single fields ---------------------------------------------------------------------

def _context(context):
    """(province code, entity kind, domain, input findings)."""
    if context is None:
        return None, None, None, []
    if not isinstance(context, dict):
        return None, None, None, [make("input.bad_context", "context", name="context", value=type(context).__name__,
                                       allowed=list(CONTEXT_KEYS))]
    problems = []
    for key in sorted(context, key=str):
        if key not in CONTEXT_KEYS:
            problems.append(make("input.bad_context", "context", name=str(key), value="",
                                 allowed=list(CONTEXT_KEYS)))
    province = context.get("province")
    if province is not None and (not isinstance(province, str) or province not in _engine._rules.load()["provinces"]):
        problems.append(make("input.unknown_province", "province", code=_short(province)))
    entity = context.get("entity")
    if entity is not None and entity not in ENTITY_KINDS:
        problems.append(make("input.bad_context", "entity", name="entity", value=_short(entity),
                             allowed=list(ENTITY_KINDS)))
    domain_value = context.get("domain")
    if domain_value is not None and not isinstance(domain_value, str):
        problems.append(make("input.bad_context", "domain", name="domain", value=_short(domain_value),
                             allowed=["text"]))
    return province, entity, domain_value, problems


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


def _field_findings(kind, value, province, entity, domain_value, today):
    from checker.validators import domain, email, icp_number, phone, psb_number, resident_id, uscc, website_name

    day = today
    v = _engine.rule_view(province, day) if province else None
    findings = []
    formatted = None
    if kind == "uscc":
        findings = uscc.check(value, field="uscc")
        if v is not None and entity != "individual" and not has_errors(findings):
            ctx = {"view": v, "code": province}
            _engine._org_province(value, ctx, findings)
        formatted = _formatted(uscc, value)
    elif kind == "resident-id":
        filing = province if entity == "individual" else None
        findings = resident_id.check(value, field="resident_id", filing_province=filing, today=today)
        if v is not None and entity in ENTITY_KINDS and not has_errors(findings):
            app = {"entity_leader": {"id_type": "resident_id", "id_number": value}}
            ctx = {"view": v, "code": province, "entity_kind": entity, "day": day, "today": today,
                   "conditions": {"non_local": _engine.non_local(app["entity_leader"], province, today)
                                  if entity == "individual" else False}}
            extra = []
            _engine._province_findings(app, ctx, extra)
            findings = findings + [dataclasses.replace(f, field="resident_id") for f in extra]
        formatted = _formatted(resident_id, value)
    elif kind == "mobile":
        findings = phone.check(value, field="mobile", kind="mobile")
        if v is not None and not has_errors(findings) and v.rule("local_mobile")["values"] == ["required"]:
            findings = findings + [make("province.local_mobile", "mobile", province=v.name(), where="mobile",
                                        sources=_engine.cite(v.rule("local_mobile")["sources"]))]
        formatted = _formatted(phone, value)
    elif kind == "email":
        findings = email.check(value, field="email")
        formatted = _formatted(email, value)
    elif kind == "domain":
        tlds = _engine.tld_table(day)
        try:
            suffixes = _engine.host_suffixes(value) if isinstance(value, str) else []
        except Exception:  # noqa: BLE001 - the validator reports bad input
            suffixes = []
        table = {s: tlds[s] for s in suffixes if s in tlds}
        findings = domain.check(value, field="domain", tlds=table, suffixes=suffixes or None, today=today)
        formatted = _formatted(domain, value)
    elif kind == "website-name":
        view = v or _engine.rule_view(None, day)
        suffixes = _engine.host_suffixes(domain_value) if domain_value else None
        findings = website_name.check(value, field="website_name", domain=domain_value,
                                      entity_kind=entity or "organisation",
                                      rules=_engine.website_name_rules(view), suffixes=suffixes)
        formatted = _formatted(website_name, value)
    elif kind == "icp-number":
        prefixes, expected = None, "website"
        if v is not None:
            prefixes = [p for value_ in v.rule("icp_prefixes")["values"] for p in value_]
            if v.value("footer_number") == "entity_number":
                expected = None
        findings = icp_number.check(value, field="icp_number", province_prefixes=prefixes,
                                    all_prefixes=_engine._all_icp_prefixes(), expected=expected)
        formatted = _formatted(icp_number, value)
    elif kind == "psb-number":
        findings = psb_number.check(value, field="psb_number", province_code=province)
        formatted = _formatted(psb_number, value)
    own = [f for f in findings if not f.code.startswith("province.")]
    return list(findings), (None if has_errors(own) else formatted)


def field(kind: str, value, context: dict | None = None, lang: str = "en", today: dt.date | None = None) -> dict:
    """Check one value of ``kind`` (one of FIELD_KINDS). Never raises.

    ``context``: {"province": "44", "entity": "organisation"|"individual",
    "domain": "example.com" (for website-name)}; every key optional.
    """
    lang = lang_code(lang)
    today = today or dt.date.today()
    try:
        if kind not in FIELD_KINDS:
            finding = make("input.unknown_kind", "kind", kind=_short(kind), allowed=list(FIELD_KINDS))
            return {"ok": False, "usable": False, "kind": _short(kind), "value": None,
                    "findings": _finding_dicts([finding], lang)}
        province, entity, domain_value, problems = _context(context)
        if problems:
            return {"ok": False, "usable": False, "kind": kind, "value": None,
                    "findings": _finding_dicts(problems, lang)}
        findings, formatted = _field_findings(kind, value, province, entity, domain_value, today)
        findings = _engine._sorted_findings(findings)
    except Exception as exc:  # noqa: BLE001 - the API promises not to raise
        finding = make("engine.internal_error", "(checker)", error=type(exc).__name__)
        return {"ok": False, "usable": True, "kind": _short(kind), "value": None,
                "findings": _finding_dicts([finding], lang)}
    return {"ok": not has_errors(findings), "usable": True, "kind": kind, "value": formatted,
            "findings": _finding_dicts(findings, lang)}
