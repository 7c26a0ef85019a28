"""The checks: one module per concern, each a function ``check(case, rules) -> findings``.

Every module declares the rule ids it reads in ``READS``; it gets a
:class:`checker.ruleset.Reading` that refuses any other id. The build
(:mod:`generator.rule_use`) compares the declarations with the data: every
declared id must exist, and every rule in the data must be read by a check
or listed in ``province_data/display_only.yaml``.

Order matters only for readability of the code; findings are sorted later.
"""
from __future__ import annotations

from checker.checks import apps, classification, content, dates, entity, hosting, numbers, people, website

CHECKS = (classification, hosting, entity, people, website, numbers, apps, content, dates)


def run_all(case) -> list:
    findings = []
    for module in CHECKS:
        findings.extend(module.check(case, case.rules(module.READS)))
    return findings


def declared_reads() -> dict:
    """Module name -> the rule ids it declares (for the build's accounting)."""
    return {module.__name__: set(module.READS) for module in CHECKS}
