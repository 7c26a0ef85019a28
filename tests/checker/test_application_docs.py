"""content/application-format(.zh).md stays in step with the schema and the questions."""
import re
from pathlib import Path

import pytest

from checker import application, rules

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "content" / "application-format.md", ROOT / "content" / "application-format.zh.md"]
BLOCK = re.compile(r"```(yaml|json)\n(.*?)```", re.S)


@pytest.fixture(params=PAGES, ids=lambda p: p.name)
def page(request):
    return request.param.read_text(encoding="utf-8")


def test_examples_follow_the_schema(page):
    blocks = [(syntax, body) for syntax, body in BLOCK.findall(page) if "icp-application/1" in body]
    assert len(blocks) >= 3
    for syntax, body in blocks:
        data = application.parse_text(body, "example", syntax)
        assert application.schema_problems(data) == [], body


def test_every_field_is_documented(page):
    schema = application.schema()
    props = schema["properties"]
    groups = ("entity", "website", "instance", "dates", "numbers")  # documented field by field
    names = set(props) - set(groups)
    for key in groups:
        names |= {f"{key}.{sub}" for sub in props[key]["properties"]}
    names |= set(schema["$defs"]["person"]["properties"])
    for name in sorted(names):
        assert f"`{name}`" in page, name
    for category in props["content_categories"]["items"]["enum"] + props["cloud_services"]["items"]["enum"]:
        assert f"`{category}`" in page, category


def test_every_question_and_answer_is_documented(page):
    for qid, question in rules.load()["flow"]["questions"].items():
        assert f"`{qid}`" in page, qid
        for aid in question["answers"]:
            assert f"`{aid}`" in page or f'`"{aid}"`' in page, (qid, aid)


def test_no_template_syntax_outside_raw(page):
    outside = re.sub(r"\{% raw %\}.*?\{% endraw %\}", "", page, flags=re.S)
    assert "{{" not in outside and "{%" not in outside and "{#" not in outside
