"""Which procedure steps apply, in order. Shared by the printable checklists
(conditions unknown: conditional steps are kept and marked) and the checker
(conditions decided from the user's answers)."""
from __future__ import annotations

import datetime as dt

from checker.rules import effective_rule, sources_on, values_on


def select(steps: dict, province: dict | None, national: dict, entity: str, day: dt.date,
           conditions: dict | None = None) -> list[dict]:
    """Steps for `entity` ('organisation' or 'individual') in phase order.

    Each result: {"step", "phase", "rule", "origin", "values", "sources", "conditional"}.
    `conditions` maps condition ids to booleans; None keeps every conditional
    step (a checklist cannot know), a missing id counts as unknown and keeps it.
    """
    out = []
    for phase in steps["phases"]:
        for step in steps["steps"]:
            if step["phase"] != phase["id"] or entity not in step["entity"]:
                continue
            condition = step.get("only_if")
            if condition and conditions is not None and conditions.get(condition) is False:
                continue
            rule, origin, values = None, None, []
            sources = list(step.get("sources", []))
            if "rule" in step:
                rule, origin = effective_rule(province, national, step["rule"])
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
                "conditional": bool(condition) and (conditions is None or conditions.get(condition) is None),
            })
    return out
