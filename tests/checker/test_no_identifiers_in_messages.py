"""No source id, field path or snake_case identifier in anything a reader sees.

Runs a varied corpus of applications (the benchmark's) in both languages and
scans every finding message and the CLI text. JSON keeps codes and field
paths in their own keys; input.* messages describe the file itself and may
name its keys.
"""
import re

import pytest

from checker import api, cli, rules
from tests.bench.bench_checker import applications

CORPUS = applications(300, seed=11)
SNAKE = re.compile(r"(?<![\w./@-])[a-z]+(?:_[a-z0-9]+)+(?![\w.@-])")
PATH = re.compile(r"\b(?:entity|entity_leader|website|numbers|dates|answers)\.[a-z_]+")


def _bad(text):
    source_ids = set(rules.load()["sources"])
    found = [m for m in SNAKE.findall(text) if m in source_ids or "_" in m]
    return found + PATH.findall(text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_messages_and_cli_text_hold_no_internal_identifiers(lang):
    problems = []
    for application in CORPUS:
        report = api.check(application, lang=lang)
        if not report["usable"]:
            continue
        for f in report["findings"]:
            bad = _bad(f["message"])
            if bad:
                problems.append((f["code"], bad, f["message"][:100]))
        text = cli.format_report("application", report, lang)
        bad = _bad(text)
        if bad:
            problems.append(("cli text", bad, ""))
    assert not problems, sorted(set((c, tuple(b)) for c, b, _ in problems))[:20]
