"""The report as the reader sees it: titled sections of a few block kinds,
every word already in the reader's language.

This is the one result model the CLI text (:mod:`checker.report.text`), the
Markdown download (:mod:`checker.report.markdown`) and the page's HTML
(``site_templates/assets/checker/result.js``) render. Renderers only lay the
blocks out; they add no facts and no words of their own.

Section: ``{"id", "title", "blocks": [block, ...]}``. Blocks:

* ``{"kind": "facts", "items": [{"label", "value", "sources"}]}``;
* ``{"kind": "findings", "items": [{"severity", "severity_label", "field", "field_label", "message"}], "empty"}``;
* ``{"kind": "steps", "title", "items": [{"id", "text", "note", "note_join"?, "sources"}]}`` (``note_join``
  goes between a note and the text: a space, or nothing in Chinese);
* ``{"kind": "table", "columns": [...], "rows": [[{"text", "sources"?, "status"?, "note"?}]]}`` (a note is
  a warning about the cell, such as a rule's old sources);
* ``{"kind": "text", "text"}`` and ``{"kind": "code", "text"}``.

A source is ``{"id", "label"}``; the page links it to the sources page.
"""
from __future__ import annotations

import datetime as dt

from checker import rules as _rules
from checker import words
from checker.findings import lang_code


def _ui(key, lang):
    return words.ui(key, lang)


def _sources(ids, lang) -> list:
    """Sources under their display names; two sources with the same name show once."""
    out, seen = [], set()
    for sid in ids or ():
        label = words.cite_text([sid], lang)
        if label not in seen:
            seen.add(label)
            out.append({"id": sid, "label": label})
    return out


def _yes_no(value, lang) -> str:
    if value is None:
        return _ui("report_not_known", lang)
    return _ui("yes" if value else "no", lang)


def _fact(label_key, value, lang, sources=()) -> dict:
    return {"label": _ui(label_key, lang), "value": value, "sources": _sources(sources, lang)}


def _range(low, high, lang) -> str:
    return low if low == high else words.punct("range", lang).format(a=low, b=high)


def _blocked(report) -> bool:
    """The case cannot be filed this way: no dates to expect, no filing type to name."""
    return (report.get("verdict") or {}).get("kind") == "cannot_file"


def _blocked_by_findings(report) -> bool:
    """Blocked by problems the user can solve, not by the outcome itself (whose steps are the way out)."""
    if not _blocked(report):
        return False
    outcome = (report.get("classification") or {}).get("outcome")
    node = _rules.load()["flow"]["outcomes"].get(outcome) or {}
    return node.get("verdict") != "cannot_file"


def _once_fixed(report, lang) -> list:
    return [{"kind": "text", "text": _ui("checker_once_fixed", lang)}] if _blocked_by_findings(report) else []


def verdict_line(report, lang) -> str:
    if not report.get("usable", True):
        return _ui("report_unusable", lang)
    return _ui("report_ok" if report.get("ok") else "report_errors", lang)


def _summary(report, lang) -> dict:
    c = report.get("classification") or {}
    verdict = report.get("verdict") or {}
    items = [_fact("report_verdict", verdict["headline"], lang)] if verdict.get("headline") else []
    items += [_fact("report_result", verdict_line(report, lang), lang),
              _fact("report_needs_filing", _yes_no(c.get("needs_filing"), lang), lang)]
    if c.get("outcome_text"):
        items.append(_fact("report_outcome", c["outcome_text"], lang, c.get("sources")))
    if c.get("operation_name") and not _blocked(report):
        items.append(_fact("checker_filing_type", c["operation_name"], lang))
    if c.get("needs_filing"):
        items.append(_fact("report_commercial", _yes_no(c.get("commercial_licence"), lang), lang))
    for pre in c.get("preapprovals") or []:
        how = _ui("report_declared", lang) if pre["declared"] else \
            _ui("report_suggested", lang) + words.paren(words.punct("list_sep", lang).join(pre["keywords_found"]), lang)
        items.append({"label": _ui("report_preapproval", lang), "value": pre["name"] + words.paren(how, lang),
                      "sources": _sources(pre["sources"], lang)})
    psb = c.get("psb") or {}
    if psb.get("needed") and psb.get("days"):
        key = "report_psb_by" if psb.get("deadline") else "report_psb_days"
        items.append(_fact("report_psb", _ui(key, lang).format(days=psb["days"], deadline=psb.get("deadline")), lang))
    if report.get("rules_date"):
        province = (report.get("province") or {}).get("name")
        value = report["rules_date"] + (words.paren(province, lang) if province else "")
        items.append(_fact("report_rules_date", value, lang))
    blocks = [{"kind": "facts", "items": items}]
    if verdict.get("reasons"):
        # The blocking problems again, next to the verdict they decide (each links to its field).
        blocks.append({"kind": "findings", "empty": "", "items": [_finding_item(r, lang) for r in verdict["reasons"]]})
    blocks += [{"kind": "text", "text": text} for text in verdict.get("next") or []]
    return {"id": "summary", "title": _ui("checker_result_title", lang), "blocks": blocks}


def _finding_item(f, lang) -> dict:
    return {"severity": f["severity"], "severity_label": _ui("checker_severity_" + f["severity"], lang),
            "field": f["field"], "field_label": words.field_label(f["field"])[lang], "message": f["message"],
            "sources": _sources(f.get("sources"), lang)}


# Findings about the timeline's dates alone: not shown when the timeline is not (a blocked case).
_ABOUT_THE_TIMELINE = ("timeline.calendar_fallback",)


def findings_section(report, lang) -> dict:
    hidden = _ABOUT_THE_TIMELINE if _blocked(report) else ()
    items = [_finding_item(f, lang) for f in report.get("findings") or [] if f["code"] not in hidden]
    return {"id": "findings", "title": _ui("checker_findings", lang),
            "blocks": [{"kind": "findings", "items": items, "empty": _ui("checker_no_findings", lang)}]}


def _working_days(span, lang):
    if not span:
        return None
    return _ui("checker_working_days", lang).format(n=_range(span["min"], span["max"], lang))


def _timeline(report, lang) -> dict | None:
    tl = report.get("timeline")
    if not tl or _blocked(report):
        return None  # no approval date to expect for a case that cannot be filed this way
    approval = tl.get("approval")
    rows = [
        ("checker_tl_earliest_submission", tl.get("earliest_submission")),
        ("checker_tl_submission", tl.get("submission")),
        ("report_review_start", tl.get("review_start")),
        ("checker_tl_provider_review", _working_days(tl.get("provider_review_working_days"), lang)),
        ("checker_tl_bureau_review", _working_days(tl.get("bureau_review_working_days"), lang)),
        ("checker_tl_approval", _range(approval["earliest"], approval["latest"], lang) if approval else None),
        ("checker_tl_launch", tl.get("launch")),
        ("checker_tl_psb_deadline", tl.get("psb_deadline")),
    ]
    blocks = [{"kind": "facts", "items": [_fact(key, value, lang) for key, value in rows if value]}]
    if not (tl.get("calendar") or {}).get("covered", True):
        blocks.append({"kind": "text", "text": _ui("checker_tl_calendar", lang)})
    return {"id": "timeline", "title": _ui("checker_timeline", lang), "blocks": blocks}


def _steps(report, lang) -> dict | None:
    if not report.get("steps"):
        return None
    titles = {p["id"]: p["title"][lang] for p in _rules.load()["steps"]["phases"]}
    blocks = _once_fixed(report, lang)
    for step in report["steps"]:
        if not blocks or blocks[-1].get("phase") != step["phase"]:
            blocks.append({"kind": "steps", "phase": step["phase"], "title": titles.get(step["phase"], step["phase"]),
                           "items": []})
        note = None
        if step["conditional"]:
            # "If your ID card was issued in another province:" before the step, as on the printable checklists
            condition = step.get("condition")
            note = condition + words.punct("colon", lang).rstrip() if condition else _ui("checker_step_conditional", lang)
        # note_join: what goes between the note and the text ("" after Chinese full-width punctuation)
        blocks[-1]["items"].append({"id": step["id"], "text": step["text"], "note": note,
                                    "note_join": words.punct("sentence_join", lang),
                                    "sources": _sources(step["sources"], lang)})
    return {"id": "steps", "title": _ui("checker_steps", lang), "blocks": blocks}


def _ask_provider(report, lang) -> dict | None:
    if not report.get("ask_provider"):
        return None
    blocks = [{"kind": "text", "text": _ui("ask_provider_intro", lang)}]
    blocks += [{"kind": "text", "text": item["question"]} for item in report["ask_provider"]]
    return {"id": "ask_provider", "title": _ui("ask_provider_title", lang), "blocks": blocks}


def _documents(report, lang) -> dict | None:
    if not report.get("documents"):
        return None
    items = [{"id": d["id"], "text": d["text"], "note": None, "sources": _sources(d["sources"], lang)}
             for d in report["documents"]]
    return {"id": "documents", "title": _ui("documents_title", lang),
            "blocks": _once_fixed(report, lang) + [{"kind": "steps", "phase": "documents", "title": None,
                                                    "items": items}]}


def _age_cell(rule, day, lang) -> dict:
    """The newest date the rule's sources carry, with the "may be out of date" mark when it is
    old on ``day`` (the day the rules were read for)."""
    newest = rule.get("newest_source")
    if not newest:
        return {"text": _ui("newest_source_none", lang)}
    if day and _rules.stale(newest, day):
        return {"text": newest, "note": _ui("age_mark", lang).format(years=_rules.age_years(newest, day))}
    return {"text": newest}


def _date(text):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _province_rules(report, lang) -> dict | None:
    if not report.get("province_rules"):
        return None
    columns = [_ui(k, lang) for k in ("checker_rule", "checker_rule_value", "checker_rule_status", "checker_sources",
                                      "newest_source")]
    rows = []
    day = _date(report.get("rules_date"))
    for rule in report["province_rules"]:
        name = rule["name"]
        if rule["origin"] == "national":
            name += words.paren(_ui("checker_national_rule", lang), lang)
        rows.append([{"text": name}, {"text": rule["text"]},
                     {"text": words.enum_label("status", rule["status"], lang), "status": rule["status"]},
                     {"text": "", "sources": _sources(rule["sources"], lang)}, _age_cell(rule, day, lang)])
    province = (report.get("province") or {}).get("name")
    title = _ui("checker_rules_of", lang).format(province=province) if province else _ui("checker_rules", lang)
    return {"id": "province_rules", "title": title, "blocks": [{"kind": "table", "columns": columns, "rows": rows}]}


def _footer(report, lang) -> dict | None:
    if not report.get("footer_html"):
        return None
    return {"id": "footer", "title": _ui("checker_footer", lang),
            "blocks": [{"kind": "text", "text": _ui("checker_footer_hint", lang)},
                       {"kind": "code", "text": report["footer_html"]}]}


def _app_display(report, lang) -> dict | None:
    shown = report.get("app_display") or []
    if not shown:
        return None
    blocks = [{"kind": "text", "text": _ui("checker_app_display_hint", lang)}]
    for item in shown:
        if item.get("name"):
            blocks.append({"kind": "text", "text": item["name"]})
        blocks.append({"kind": "code", "text": item["html"]})
    return {"id": "app_display", "title": _ui("checker_app_display", lang), "blocks": blocks}


def sections(report: dict, lang: str = "en") -> list:
    """The display sections of a report from :func:`checker.api.check` (usable or not)."""
    lang = lang_code(lang)
    if not report.get("usable", True):
        return [_summary_unusable(report, lang), findings_section(report, lang)]
    built = [_summary(report, lang), findings_section(report, lang), _timeline(report, lang), _steps(report, lang),
             _ask_provider(report, lang), _documents(report, lang), _province_rules(report, lang),
             _footer(report, lang), _app_display(report, lang)]
    return [s for s in built if s is not None]


def _summary_unusable(report, lang) -> dict:
    items = [_fact("report_result", verdict_line(report, lang), lang)]
    return {"id": "summary", "title": _ui("checker_result_title", lang), "blocks": [{"kind": "facts", "items": items}]}
