"""checker.api: output shape, field checks, determinism, never raising."""
import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import api
from tests.checker.helpers import TODAY, app, codes, finding, resident_id

CHECK_KEYS = {"ok", "usable", "findings", "verdict", "classification", "province", "rules_date", "province_rules",
              "steps", "ask_provider", "documents", "timeline", "footer_html", "app_display"}
FIELD_KEYS = {"ok", "usable", "kind", "value", "findings"}
FINDING_KEYS = {"code", "severity", "field", "message", "sources"}


def _json_round_trip(report):
    return json.loads(json.dumps(report, ensure_ascii=False))


def test_check_shape():
    report = api.check(app(), today=TODAY)
    assert set(report) == CHECK_KEYS
    assert report["ok"] is True and report["usable"] is True
    assert set(report["classification"]) >= {"needs_filing", "outcome", "operation", "commercial_licence",
                                              "preapprovals", "psb"}
    assert set(report["classification"]["psb"]) == {"needed", "days", "deadline"}
    assert all(set(f) == FINDING_KEYS for f in report["findings"])
    assert _json_round_trip(report) == report


def test_ok_is_false_with_an_error_and_true_with_warnings_only():
    application = app(kind="individual")
    application["entity_leader"]["email"] = "x@qq.con"
    report = api.check(application, today=TODAY)
    assert report["ok"] and "email.domain_typo" in codes(report)
    application["entity_leader"]["mobile"] = "123"
    assert not api.check(application, today=TODAY)["ok"]


def test_unusable_input_is_reported_not_raised():
    report = api.check({"format": "icp-application/1", "answers": {}, "extra": 1})
    assert set(report) == CHECK_KEYS
    assert report["usable"] is False and report["ok"] is False
    assert report["findings"][0]["code"] == "input.unknown_field"
    assert report["classification"] is None


def test_languages():
    en = api.check(app(commercial=True), lang="en", today=TODAY)
    zh = api.check(app(commercial=True), lang="zh", today=TODAY)
    assert [f["code"] for f in en["findings"]] == [f["code"] for f in zh["findings"]]
    assert finding(zh, "engine.commercial_licence")["message"].startswith("提供有偿信息服务")
    assert zh["classification"]["operation_name"] == "首次备案"
    assert any("\u4e00" <= ch <= "\u9fff" for s in zh["steps"] for ch in s["text"])
    assert api.check(app(), lang="fr", today=TODAY) == api.check(app(), lang="en", today=TODAY)


def test_check_is_deterministic_and_leaves_the_input_alone():
    application = app(kind="individual", content_categories=["news", "bbs"])
    before = copy.deepcopy(application)
    first = json.dumps(api.check(application, today=TODAY), sort_keys=True, ensure_ascii=False)
    second = json.dumps(api.check(application, today=TODAY), sort_keys=True, ensure_ascii=False)
    assert first == second and application == before


# --- field() ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind,value,ok,formatted", [
    ("uscc", "91350100M000100Y43", True, "91350100M000100Y43"),
    ("uscc", "91110000600037341X", False, None),
    ("resident-id", "11010519491231002X", True, "11010519491231002X"),
    ("mobile", "+86 138 0013 8000", True, "138 0013 8000"),
    ("email", "a@example.com", True, "a@example.com"),
    ("domain", "https://www.example.com/path", True, "www.example.com"),
    ("domain", "example.io", False, None),
    ("website-name", "星河科技官网", True, "星河科技官网"),
    ("icp-number", "京ICP备12345678号-1", True, "京ICP备12345678号-1"),
    ("psb-number", "京公网安备 11000002000001号", True, "11000002000001"),
])
def test_field_kinds(kind, value, ok, formatted):
    report = api.field(kind, value, today=TODAY)
    assert set(report) == FIELD_KEYS
    assert report["usable"] and report["ok"] is ok and report["value"] == formatted


def test_field_with_province_context():
    report = api.field("icp-number", "京ICP备12345678号-1", {"province": "51"})
    assert "icp_number.prefix_province" in codes(report)
    report = api.field("resident-id", resident_id("110105", "19900101"), {"province": "62", "entity": "individual"},
                       today=TODAY)
    assert "province.non_local_refused" in codes(report) and report["value"]
    report = api.field("mobile", "13800138000", {"province": "37"})
    assert "province.local_mobile" in codes(report)
    report = api.field("website-name", "小明的个人空间", {"province": "32", "entity": "individual"})
    assert {"website_name.banned_personal_word", "website_name.personal_suffix"} <= set(codes(report))
    report = api.field("website-name", "example", {"domain": "example.com"})
    assert "website_name.equals_domain" in codes(report)
    report = api.field("uscc", "91110000600037341L", {"province": "51", "entity": "organisation"})
    assert "province.org_other_province" in codes(report)
    report = api.field("psb-number", "11000002000001", {"province": "51"})
    assert "psb_number.area_province" in codes(report)


@pytest.mark.parametrize("kind,context,code", [
    ("nonsense", None, "input.unknown_kind"),
    (None, None, "input.unknown_kind"),
    ("uscc", {"province": "99"}, "input.unknown_province"),
    ("uscc", {"entity": "person"}, "input.bad_context"),
    ("uscc", {"colour": "red"}, "input.bad_context"),
    ("uscc", "51", "input.bad_context"),
])
def test_field_unusable_input(kind, context, code):
    report = api.field(kind, "x", context)
    assert report["usable"] is False and report["ok"] is False
    assert report["findings"][0]["code"] == code


# --- never raises, deterministic (property-based) ------------------------------------------------

_scalars = st.none() | st.booleans() | st.integers(-(10 ** 30), 10 ** 30) | st.floats() | st.text(max_size=30)
_json = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=15), children, max_size=5),
    max_leaves=30,
)
_answer_values = st.sampled_from(["mainland", "outside_mainland", "yes", "no", "yes_this_provider",
                                  "yes_other_provider", "yes_other_entity"])


@st.composite
def applications(draw):
    """Applications close to valid, so that the engine (not only the schema) is exercised."""
    application = app(draw(st.sampled_from(["11", "12", "15", "32", "35", "37", "44", "51", "62"])),
                      draw(st.sampled_from(["organisation", "individual"])))
    application["answers"] = draw(st.dictionaries(
        st.sampled_from(["server_location", "mainland_acceleration", "domain_filed", "entity_filed"]),
        _answer_values, max_size=4))
    for path, strategy in [
        (("entity_leader", "id_number"), st.text(max_size=20) | st.integers(0, 10 ** 18)),
        (("entity_leader", "mobile"), st.text(max_size=15)),
        (("entity_leader", "email"), st.text(max_size=20)),
        (("entity_leader", "id_type"), st.sampled_from(["resident_id", "hk_macau_permit", "taiwan_permit",
                                                        "passport"])),
        (("website", "name"), st.text(max_size=20)),
        (("website", "domains"), st.lists(st.text(max_size=25), max_size=3)),
        (("dates", "submit"), st.dates().map(lambda d: d.isoformat())),
        (("dates", "launch"), st.dates().map(lambda d: d.isoformat())),
        (("dates", "domain_registered"), st.dates().map(lambda d: d.isoformat())),
        (("dates", "real_name_verified"), st.dates().map(lambda d: d.isoformat())),
        (("numbers", "icp_number"), st.text(max_size=25)),
        (("numbers", "psb_number"), st.text(max_size=25)),
        (("content_categories",), st.lists(st.sampled_from(["news", "games", "education", "bbs"]), max_size=3)),
        (("commercial",), st.booleans()),
        (("instance",), st.fixed_dictionaries({"service_type": st.text(max_size=20)},
                                              optional={"billing": st.sampled_from(["subscription",
                                                                                    "pay_as_you_go"]),
                                                        "used": st.integers(0, 1000)})),
    ]:
        if draw(st.booleans()):
            node = application
            for key in path[:-1]:
                node = node.setdefault(key, {})
            node[path[-1]] = draw(strategy)
    if draw(st.booleans()):
        del application["province"]
    return application


def _assert_report(report, keys):
    assert set(report) == keys
    assert isinstance(report["ok"], bool) and isinstance(report["usable"], bool)
    assert all(set(f) == FINDING_KEYS for f in report["findings"])
    assert not [f for f in report["findings"] if f["code"] in ("engine.internal_error", "checker.internal_error")]
    json.dumps(report)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(applications(), st.sampled_from(["en", "zh"]))
def test_check_never_raises_on_near_valid_applications(application, lang):
    report = api.check(application, lang=lang, today=TODAY)
    _assert_report(report, CHECK_KEYS)
    assert report == api.check(copy.deepcopy(application), lang=lang, today=TODAY)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_check_never_raises_on_arbitrary_json(value):
    report = api.check(value, today=TODAY)
    _assert_report(report, CHECK_KEYS)
    assert report == api.check(value, today=TODAY)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(list(api.FIELD_KINDS) + ["other", ""]), _json,
       st.none() | st.fixed_dictionaries({}, optional={"province": st.sampled_from(["11", "44", "51", "x"]),
                                                       "entity": st.sampled_from(["organisation", "individual",
                                                                                  "x"]),
                                                       "domain": _json}))
def test_field_never_raises(kind, value, context):
    report = api.field(kind, value, context, today=TODAY)
    _assert_report(report, FIELD_KEYS)
    assert report == api.field(kind, value, context, today=TODAY)


def test_hostile_objects_do_not_break_check():
    class Evil:
        def __str__(self):
            raise RuntimeError("no")

        def __eq__(self, other):
            raise RuntimeError("no")

        __hash__ = object.__hash__

    report = api.check({"format": "icp-application/1", "answers": {}, "province": Evil()})
    assert report["usable"] is False
    report = api.field("uscc", Evil(), today=TODAY)
    assert report["ok"] is False


def test_deeply_nested_input_does_not_raise():
    value = []
    for _ in range(100000):
        value = [value]
    report = api.check({"format": "icp-application/1", "answers": {}, "website": {"domains": value}})
    assert report["usable"] is False


def test_runtime_needs_only_the_standard_library_and_chinese_calendar():
    """The checker runs in Pyodide: no PyYAML or jsonschema unless a YAML file is read."""
    import subprocess
    import sys

    code = ("import sys, checker.api, checker.cli, checker.report\n"
            "from checker import api\n"
            "api.check({'format': 'icp-application/1', 'answers': {}})\n"
            "api.field('domain', 'example.com')\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('yaml', 'jsonschema', 'referencing'))\n"
            "print(bad)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
