"""The application file format: the schema, the stdlib validator and file reading."""
import copy
import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import application, rules
from checker.application import InputError

SCHEMA = application.schema()
REFERENCE = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

FULL = {
    "format": "icp-application/1",
    "province": "51",
    "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
    "commercial": False,
    "content_categories": ["news"],
    "cloud_services": ["cdn"],
    "entity": {"kind": "organisation", "name": "成都星河科技有限公司", "uscc": "91510100MA61234567",
               "state_body": False},
    "entity_leader": {"name": "张三", "id_type": "resident_id", "id_number": "510104199001011234",
                      "mobile": "13800138000", "landline": "028-12345678", "email": "a@example.com",
                      "is_legal_representative": True},
    "website": {"name": "星河科技官网", "domains": ["example.com"],
                "leader": {"name": "李四", "id_type": "passport", "id_number": "E12345678", "mobile": 13900139000,
                           "email": "b@example.com", "is_legal_representative": False}},
    "instance": {"service_type": "ecs", "billing": "subscription", "used": 1},
    "dates": {"domain_registered": "2025-01-02", "real_name_verified": "2025-01-05", "submit": "2025-05-06",
              "launch": "2025-06-01"},
    "numbers": {"icp_number": "蜀ICP备2025012345号-1", "psb_number": 51010702000123},
}


def _with(path, value):
    app = copy.deepcopy(FULL)
    node = app
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return app


_DELETE = object()

VALID = [
    FULL,
    {"format": "icp-application/1", "answers": {}},
    {"format": "icp-application/1", "answers": {"server_location": "outside_mainland", "mainland_acceleration": "no"}},
    _with(("entity_leader", "id_number"), 510104199001011234),
    _with(("content_categories",), []),
    _with(("dates", "submit"), "2024-02-29"),
    _with(("instance", "used"), 3.0),  # JSON Schema: 3.0 is an integer
    _with(("website",), {}),
]

INVALID = [
    [],
    "text",
    None,
    {"answers": {}},
    {"format": "icp-application/2", "answers": {}},
    _with(("colour",), "blue"),
    _with(("answers", "server_location"), "moon"),
    _with(("answers", "entity_kind"), "individual"),
    _with(("province",), 51),
    _with(("province",), "71"),
    _with(("commercial",), "yes"),
    _with(("commercial",), 1),
    _with(("content_categories",), ["cooking"]),
    _with(("content_categories",), "news"),
    _with(("entity",), {"name": "x"}),
    _with(("entity", "kind"), "person"),
    _with(("entity", "uscc"), True),
    _with(("entity_leader", "id_type"), "driving_licence"),
    _with(("entity_leader", "nickname"), "x"),
    _with(("website", "domains"), "example.com"),
    _with(("website", "domains"), [1]),
    _with(("website", "domains"), ["x"] * 101),
    _with(("website", "name"), "名" * 201),
    _with(("instance", "used"), -1),
    _with(("instance", "used"), 1.5),
    _with(("instance", "used"), True),
    _with(("instance", "billing"), "monthly"),
    _with(("dates", "submit"), "2025-02-30"),
    _with(("dates", "submit"), "2025-2-3"),
    _with(("dates", "submit"), "２０２５-01-01"),
    _with(("dates", "launch"), 20250101),
    _with(("numbers", "icp_number"), 12345),
    _with(("answers",), _DELETE),
    _with(("format",), _DELETE),
    {"format": "icp-application/1", "answers": {}, 1: "x"},
]


def _ours(instance):
    return not application.schema_problems(instance)


@pytest.mark.parametrize("instance", VALID)
def test_valid_examples_agree_with_jsonschema(instance):
    assert REFERENCE.is_valid(instance)
    assert _ours(instance)
    assert application.is_valid(instance)


@pytest.mark.parametrize("instance", INVALID, ids=range(len(INVALID)))
def test_invalid_examples_agree_with_jsonschema(instance):
    if not any(not isinstance(k, str) for k in (instance if isinstance(instance, dict) else {})):
        assert not REFERENCE.is_valid(instance)
    problems = application.schema_problems(instance)
    assert problems and all(p.code.startswith("input.") and p.severity == "error" for p in problems)
    assert not application.is_valid(instance)
    # the slow path (messages) agrees with the compiled predicate
    slow = []
    application._validate(instance, SCHEMA, SCHEMA, (), slow)
    assert slow


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10 ** 20) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
_field_values = st.sampled_from([
    None, True, 0, 3.0, "", "mainland", "no", "yes", "news", "51", "2025-01-01", "2025-02-30",
    "icp-application/1", "organisation", "resident_id", [], ["news"], ["cdn", "cdn"], {}, {"kind": "individual"},
])


def _mutations():
    paths = [("format",), ("province",), ("answers",), ("answers", "server_location"), ("answers", "entity_filed"),
             ("commercial",), ("content_categories",), ("cloud_services",), ("entity",), ("entity", "kind"),
             ("entity", "uscc"), ("entity_leader",), ("entity_leader", "id_type"), ("website", "domains"),
             ("website", "leader"), ("instance", "used"), ("dates", "submit"), ("numbers", "psb_number"),
             ("extra",), ("entity", "extra")]
    return st.tuples(st.sampled_from(paths), st.one_of(_field_values, _json))


@settings(max_examples=300, deadline=None)
@given(st.lists(_mutations(), max_size=4))
def test_mutated_applications_agree_with_jsonschema(mutations):
    app = copy.deepcopy(FULL)
    for path, value in mutations:
        node = app
        for key in path[:-1]:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        node[path[-1]] = value
    expected = REFERENCE.is_valid(app)
    assert _ours(app) == expected
    assert application.is_valid(app) == expected


@settings(max_examples=200, deadline=None)
@given(_json)
def test_arbitrary_json_agrees_with_jsonschema(value):
    assert _ours(value) == REFERENCE.is_valid(value) == application.is_valid(value)


def test_schema_uses_only_the_supported_subset():
    application._check_subset(SCHEMA, "#")  # loads without error
    with pytest.raises(ValueError, match="not supported"):
        application._check_subset({"type": "object", "oneOf": []}, "#")


def test_schema_enumerations_match_the_data():
    data = rules.load()
    props = SCHEMA["properties"]
    assert props["province"]["enum"] == sorted(data["provinces"])
    assert props["content_categories"]["items"]["enum"] == [p["id"] for p in data["preapprovals"]]
    questions = data["flow"]["questions"]
    answers = props["answers"]["properties"]
    by_entity = {q for q, node in questions.items() if node.get("answered_by") == "entity.kind"}
    assert by_entity == {"entity_kind", "app_entity_kind"}
    assert set(answers) == set(questions) - by_entity
    for qid, node in answers.items():
        assert sorted(node["enum"]) == sorted(questions[qid]["answers"]), qid
    assert sorted(props["entity"]["properties"]["kind"]["enum"]) == sorted(questions["entity_kind"]["answers"])


def test_messages_say_where_and_how_to_fix():
    problems = application.schema_problems(_with(("answers", "colour"), "red"))
    assert [p.code for p in problems] == ["input.unknown_field"]
    assert problems[0].field == "answers"
    assert "colour" in problems[0].message_en and "server_location" in problems[0].message_en
    (p,) = application.schema_problems(_with(("province",), 51))
    assert p.code == "input.wrong_type" and p.field == "province" and "quotes" in p.message_en
    (p,) = application.schema_problems(_with(("dates", "submit"), "2025-02-30"))
    assert p.code == "input.bad_date" and "YYYY-MM-DD" in p.message_en
    (p,) = application.schema_problems({"format": "icp-application/1"})
    assert p.code == "input.missing_field" and "answers" in p.message_en
    (p,) = application.schema_problems(["not", "an", "object"])
    assert p.code == "input.not_object"
    (p,) = application.schema_problems(_with(("website", "domains"), [1]))
    assert p.field == "website.domains[0]"


def test_validate_raises_input_error():
    with pytest.raises(InputError) as info:
        application.validate({"format": "x"})
    assert info.value.findings
    assert application.validate(FULL) is FULL


# --- reading text -------------------------------------------------------------------------

YAML_APP = """
format: icp-application/1
province: "44"
answers:
  server_location: outside_mainland
  mainland_acceleration: no
entity: {kind: organisation}
dates:
  submit: 2025-03-01
commercial: false
"""


def test_yaml_keeps_yes_no_and_dates_as_text():
    data = application.parse_text(YAML_APP, "app.yaml", "yaml")
    assert data["answers"]["mainland_acceleration"] == "no"
    assert data["dates"]["submit"] == "2025-03-01"
    assert data["commercial"] is False
    assert not application.schema_problems(data)


def test_yaml_impossible_date_is_reported_not_crashed():
    data = application.parse_text(YAML_APP.replace("2025-03-01", "2025-02-30"), "app.yaml", "yaml")
    (p,) = application.schema_problems(data)
    assert p.code == "input.bad_date" and p.field == "dates.submit"


def test_yaml_syntax_error_names_the_line():
    with pytest.raises(InputError) as info:
        application.parse_text("format: icp-application/1\nanswers: [\n", "bad.yaml", "yaml")
    (finding,) = info.value.findings
    assert finding.code == "input.bad_syntax" and "bad.yaml" in finding.message_en and "line 3" in finding.message_en


def test_yaml_with_two_documents_is_refused():
    with pytest.raises(InputError):
        application.parse_text("a: 1\n---\nb: 2\n", "two.yaml", "yaml")


def test_json_syntax_error_names_the_line():
    with pytest.raises(InputError) as info:
        application.parse_text('{\n"format": \n}', "bad.json", "json")
    assert "line 3" in info.value.findings[0].message_en


def test_schema_file_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert json.loads(json.dumps(SCHEMA)) == SCHEMA


def test_yaml_alias_bomb_is_not_expanded():
    rows = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        rows.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    rows += ["format: *a8", "answers: {}", "website: {domains: *a8, name: *a8}"]
    data = application.parse_text("\n".join(rows) + "\n", "bomb.yaml", "yaml")
    assert data["format"] is data["website"]["domains"]  # still shared, not copied
    problems = application.schema_problems(data)
    assert {p.code for p in problems} >= {"input.unknown_field", "input.not_allowed", "input.wrong_type"}
    assert all(len(p.message_en) < 400 for p in problems)
