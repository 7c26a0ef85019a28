"""The answers to the questions: what the walk through the decision graph
(province_data/flow.yaml) could not decide, answers it did not use, and what
every filing needs (a province; a submission date that is not past)."""
from __future__ import annotations

from checker import flow
from checker import rules as _rules
from checker.findings import make

READS = frozenset()


def answer_field(question_id) -> str:
    """Where the answer to a question sits in the application."""
    by_entity = question_id in flow.answered_by_entity(_rules.load()["flow"])
    return "entity.kind" if by_entity else f"answers.{question_id}"


def check(case, rules) -> list:
    graph = _rules.load()["flow"]
    walk = case.walk
    findings = []
    if walk is None:
        return findings
    if walk.outcome is None:
        if walk.reason in ("missing", "invalid"):
            findings.append(make("flow.answer_missing", answer_field(walk.stopped_at),
                                 question=graph["questions"][walk.stopped_at]["text"]))
        else:
            findings.append(make("flow.broken", "answers", node=str(walk.stopped_at)))
    for q in walk.unused:
        if q in graph["questions"] and q not in flow.answered_by_entity(graph):
            findings.append(make("flow.answer_unused", answer_field(q), question=graph["questions"][q]["text"]))
    if case.filing_needed and case.province is None:
        findings.append(make("engine.province_missing", "province"))
    submit = case.date("submit")
    if submit is not None and submit < case.today:
        findings.append(make("timeline.submit_past", "dates.submit", submit=submit))
    return findings
