"""Which procedure steps apply, in order. Shared by the printable checklists
(the initial filing of ``checklist:`` in steps.yaml, conditions unknown:
conditional steps are kept and marked) and the checker (the steps of the
case's outcome and answers, conditions decided from the user's answers,
steps rendered in one language).

The rules a step reads are named by steps.yaml itself (``rule:``), so they
count as read by the checker in the build's accounting (:func:`rule_ids`)."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from checker import rules as _rules
from checker import ruleset, words
from checker.rules import effective_rule, for_entity_on, sources_on, values_on


def select(steps: dict, province: dict | None, national: dict, entity: str, day: dt.date,
           conditions: dict | None = None, outcome: str | None = None,
           answers: dict | None = None) -> list[dict]:
    """Steps for `entity` ('organisation' or 'individual') in phase order.

    Each result: {"step", "phase", "rule", "origin", "values", "sources", "conditional"}.
    `conditions` maps condition ids to booleans; None keeps every conditional
    step (a checklist cannot know), a missing id counts as unknown and keeps it.
    `outcome` (an outcome of flow.yaml) keeps the steps that list it; None keeps
    every step. `answers` (question id -> answer) drops the steps whose
    ``answers:`` exclude the answer given; None, or a question not answered,
    keeps them. The printable checklists pass :func:`checklist_case`.
    """
    out = []
    for phase in steps["phases"]:
        for step in steps["steps"]:
            if step["phase"] != phase["id"] or entity not in step["entity"]:
                continue
            if not applies_to(step, outcome, answers):
                continue
            rule, origin, values = None, None, []
            sources = list(step.get("sources", []))
            if "rule" in step:
                governing, origin = effective_rule(province, national, step["rule"])
                # Only the texts that concern this kind of applicant (checker.rules.for_entity).
                rule = for_entity_on(governing, entity, day)
                if rule is None and governing is not None:
                    continue  # every text in force concerns the other kind of applicant
                values = values_on(rule, day)
                if values and all(v in step.get("skip_values", []) for v in values):
                    continue
                sources = sources_on(rule, day)
            out.append({
                "step": step,
                "phase": phase,
                "rule": rule,
                "origin": origin,
                "values": values,
                "sources": sources,
                "conditional": bool(step.get("only_if")),
            })
    # Conditions are decided in one place, for checklists and checker alike.
    return out if conditions is None else apply_conditions(out, conditions)


def applies_to(step: dict, outcome: str | None, answers: dict | None) -> bool:
    """Does ``step`` belong to ``outcome`` and fit ``answers``? (None: not known, so it does.)"""
    if outcome is not None and outcome not in step["outcomes"]:
        return False
    if answers:
        for question, allowed in step.get("answers", {}).items():
            given = answers.get(question)
            if given is not None and given not in allowed:
                return False
    return True


def checklist_case(steps: dict, key: str = "checklist") -> dict:
    """The keyword arguments of :func:`select` for a printable checklist (``checklist:`` or
    ``app_checklist:`` in steps.yaml)."""
    case = steps.get(key) or {}
    return {"outcome": case.get("outcome"), "answers": dict(case.get("answers", {})) or None}


@lru_cache(maxsize=1)
def _case_questions() -> tuple:
    return answer_questions(_rules.load()["steps"])


def answer_questions(steps: dict) -> tuple:
    """The questions some step depends on (what a selection must be keyed by)."""
    return tuple(sorted({q for step in steps["steps"] for q in step.get("answers", {})}))


# --- the checker's side: steps rendered for one province, entity and language ------------------

def rule_ids(steps: dict) -> set:
    """The rule ids the steps read (declared by steps.yaml itself)."""
    return {step["rule"] for step in steps["steps"] if "rule" in step}


def apply_conditions(selected: list, conditions: dict) -> list:
    """The selection ``select(..., conditions)`` would make, from the one made with None."""
    out = []
    for sel in selected:
        condition = sel["step"].get("only_if")
        if condition:
            decided = conditions.get(condition)
            if decided is False:
                continue
            sel = dict(sel, conditional=decided is None)
        out.append(sel)
    return out


def _selected(view, entity_kind, outcome=None, answers=None) -> list:
    """``select`` with every condition unknown, for the case's outcome and answers.

    The selection for all outcomes is made once per view and entity, then
    filtered with :func:`applies_to` (what ``select`` itself applies), so a
    batch with many outcomes and answers does not select again. Deciding
    conditions afterwards (:func:`apply_conditions`) gives exactly what
    ``select`` returns when given the conditions (tests/checker/test_engine.py).
    """
    key = ("steps_selected", entity_kind)
    every = view.cache.get(key)
    if every is None:
        # The selection depends only on the rules the steps read, as in force: views of other
        # epochs with the same entries share it.
        data = _rules.load()
        every = view.cache[key] = ruleset.shared(
            ("steps_selected", view.code, entity_kind), _step_entries(view),
            lambda: select(data["steps"], view.province, data["national"], entity_kind, view.day))
    if outcome is None and not answers:
        return every
    relevant = tuple((q, (answers or {}).get(q)) for q in _case_questions())
    key = ("steps_for", entity_kind, outcome, relevant)
    found = view.cache.get(key)
    if found is None:
        found = view.cache[key] = [sel for sel in every if applies_to(sel["step"], outcome, dict(relevant))]
    return found


def _step_entries(view) -> tuple:
    """The resolved rules (of ``view``) that the steps read, in a fixed order."""
    return tuple(view.rule(rule_id) for rule_id in _step_rule_ids())


@lru_cache(maxsize=1)
def _step_rule_ids() -> tuple:
    return tuple(sorted(rule_ids(_rules.load()["steps"])))


def for_view(view, entity_kind, conditions: dict, lang, phases=None, outcome=None, answers=None,
             copies=True) -> list:
    """The ordered steps as output dicts for the decided ``conditions`` (copies, unless
    ``copies`` is false: then the cached dicts themselves, for a caller that only reads them).

    ``outcome`` and ``answers`` select the steps of the case (see :func:`select`);
    None keeps every step.
    """
    key = ("steps_rendered", entity_kind, lang)
    rendered = view.cache.get(key)
    if rendered is None:
        rendered = view.cache[key] = ruleset.shared(
            ("steps_rendered", view.code, entity_kind, lang), _step_entries(view),
            lambda: {sel["step"]["id"]: _render(view, sel, lang) for sel in _selected(view, entity_kind)})
    out = []
    for sel in apply_conditions(_selected(view, entity_kind, outcome, answers), conditions):
        item = rendered[sel["step"]["id"]]
        if item is None or (phases is not None and item["phase"] not in phases):
            continue
        if item["conditional"] and not sel["conditional"]:
            item = dict(item, conditional=False, condition=None)  # decided: it applies
        out.append(dict(item, sources=list(item["sources"])) if copies else item)
    return out


def _render(view, sel, lang):
    """The output dict of one selected step (conditions unknown), or None if not in force."""
    step = sel["step"]
    rule_id = step.get("rule")
    values = []
    if rule_id is not None:
        entry = view.rule(rule_id)
        if entry["has_claims"] and not entry["values"]:
            return None  # the rule exists but is not in force on this day
        values = _rules.values_in_force(sel["rule"], view.day)   # as it concerns the applicant
    text = step["text"][lang]
    ask = None
    if rule_id is not None and not values:
        # Nobody has documented this rule here: nobody can tick it, so it becomes
        # a question for the access provider (the same wording as the checklists).
        ask = ask_question(words.rule_name(rule_id)[lang], view.name()[lang], lang)
        text = text.replace("{value}", words.ui("ask_provider_value", lang))
    elif "{value}" in text:
        text = words.fill(step, rule_id, values, lang, alternatives=entry["status"] == "conflicting")
    condition = step.get("only_if") if sel["conditional"] else None
    return {
        "id": step["id"],
        "phase": sel["phase"]["id"],
        "text": text,
        "sources": list(sel["sources"]),
        "conditional": sel["conditional"],
        "condition": condition_text(condition, lang) if condition else None,
        **({"ask": ask, "keep": step.get("when_unknown") == "keep"} if ask else {}),
    }


def ask_question(rule_name: str, province_name: str, lang: str, table: dict | None = None) -> str:
    """The exact question to ask the access provider about a rule no source documents."""
    return words.ui("ask_provider_question", lang, table).format(rule=rule_name, province=province_name)


def condition_text(condition, lang):
    """A condition of steps.yaml in words (the condition id itself when unknown)."""
    entry = _rules.load()["steps"].get("conditions", {}).get(condition)
    return entry[lang] if entry else condition
