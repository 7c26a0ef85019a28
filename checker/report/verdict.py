"""The verdict at the top of every result: can this case be filed, and what next.

``{"kind", "headline", "reasons", "next"}``, computed once from the outcome
and the findings, so the headline can never contradict a finding:

* the outcome's ``verdict`` in flow.yaml is the starting point
  (no_filing_needed, already_covered, can_file, cannot_file);
* when the applicant submits something, any error makes it ``cannot_file``,
  with every error as a reason (each message says what to do instead);
* otherwise a finding marked ``verdict: do_first`` in messages.yaml (a
  pre-approval, the real-name wait, the domain's minimum age) makes it
  ``do_first``, with those findings as reasons.

The words come from messages.yaml phrases ``verdict.*``.
"""
from __future__ import annotations

from checker.findings import catalog, phrase_in

# The headline phrase of each kind (messages.yaml phrases).
HEADLINES = {
    "no_filing_needed": "verdict.no_filing_needed",
    "already_covered": "verdict.already_covered",
    "can_file": "verdict.can_file",
    "cannot_file": "verdict.cannot_file",
    "do_first": "verdict.do_first",
}
KINDS = tuple(HEADLINES)


def _reason(finding, lang) -> dict:
    return finding.to_dict(lang)


def _text(code, lang, **params) -> str:
    return phrase_in(code, lang, **params)


def compute(case, report: dict, findings: list, lang: str) -> dict:
    """The verdict for a usable report (``report`` holds classification and timeline)."""
    c = report["classification"]
    node = case.outcome_node
    operation = c.get("operation_name") or ""
    kind = node["verdict"] if node else "can_file"
    messages = catalog()["messages"]
    errors = [f for f in findings if f.severity == "error"]
    first = [f for f in findings if messages[f.code].get("verdict") == "do_first"]
    reasons = []
    if kind == "cannot_file":
        reasons = [f for f in findings if f.code == node.get("verdict_reason")] + errors
    elif case.submitting and errors:
        kind, reasons = "cannot_file", errors
    elif case.submitting and first and kind == "can_file":
        kind, reasons = "do_first", first
    if kind == "cannot_file":
        headline = _text("verdict.cannot_file", lang)
        follow = [_text("verdict.next_fix", lang)]
    elif kind == "can_file" and node is None:
        headline, follow = _text("verdict.can_file_unknown", lang), []
    elif kind in ("can_file", "do_first"):
        headline = _text(HEADLINES[kind], lang, operation=operation)
        follow = [_text(node["verdict_next"], lang) if node and node.get("verdict_next")
                  else _submit(report, operation, lang)]
    else:
        headline = _text(HEADLINES[kind], lang)
        days = (c.get("psb") or {}).get("days")
        follow = [_text("verdict.next_psb", lang, days=days)] if kind == "already_covered" and days else []
    return {"kind": kind, "headline": headline, "reasons": [_reason(f, lang) for f in reasons], "next": follow}


def _submit(report, operation, lang) -> str:
    timeline = report.get("timeline") or {}
    day = timeline.get("earliest_submission")
    if day:
        return _text("verdict.next_submit_on", lang, operation=operation, date=day)
    return _text("verdict.next_submit", lang, operation=operation)
