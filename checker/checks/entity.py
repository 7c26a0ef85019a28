"""An entity already filed but left without any website or app (an empty entity,
空壳主体): may it add a website directly, or must its filing be cancelled first?
The province's rule ``empty_shell_add_service`` decides; the answer to
``entity_filed`` (flow.yaml) says whether the entity is empty."""
from __future__ import annotations

from checker import policy, words
from checker.findings import make

READS = frozenset({"empty_shell_add_service"})

EMPTY_ANSWERS = ("yes_empty_this_provider", "yes_empty_other_provider")


def check(case, rules) -> list:
    if case.answers.get("entity_filed") not in EMPTY_ANSWERS or not case.submitting or not case.province:
        return []
    entry = rules.rule("empty_shell_add_service")
    field, province, sources = "answers.entity_filed", rules.name(), words.cite(entry["sources"])
    if entry["values"] == ["cancel_first"]:
        # "Will be refused" only when sources confirm it; one source is a warning to verify.
        code = "province.empty_entity_cancel_first" if policy.limit_exceeded_is_error(entry["status"]) \
            else "province.empty_entity_cancel_first_unconfirmed"
        return [make(code, field, province=province, sources=sources)]
    if entry["values"] == ["allowed"]:
        return [make("province.empty_entity_allowed", field, province=province, sources=sources)]
    if entry["values"]:
        return [make("province.rule_verify", field, rule=words.rule_name("empty_shell_add_service"),
                     province=province, sides=words.sides(entry))]
    return [make("province.empty_entity_unknown", field, province=province)]
