"""Unknown rules are questions for the access provider, not tick items."""
from checker import api, rules
from tests.checker.helpers import TODAY, app


def test_steps_on_undocumented_rules_become_questions():
    report = api.check(app("11"), today=TODAY)
    unknown = [s["id"] for s in rules.load()["steps"]["steps"]
               if s.get("rule") and not rules.load()["provinces"]["11"]["rules"].get(s["rule"], {}).get("claims")
               and s["rule"] not in rules.load()["national"]]
    asked = [q["step"] for q in report["ask_provider"]]
    assert asked and set(asked) <= set(unknown) | {s["id"] for s in report["steps"]}
    ticks = " ".join(s["text"] for s in report["steps"])
    assert "Unknown" not in ticks
    for question in report["ask_provider"]:
        assert question["question"].startswith("What does Beijing require for")


def test_an_action_step_stays_and_asks_about_its_value():
    report = api.check(app("11"), today=TODAY)
    kept = {s["id"]: s for s in report["steps"]}
    keep_ids = {s["id"] for s in rules.load()["steps"]["steps"] if s.get("when_unknown") == "keep"}
    for question in report["ask_provider"]:
        assert (question["step"] in kept) == (question["step"] in keep_ids)


def test_questions_are_in_the_readers_language():
    report = api.check(app("11"), lang="zh", today=TODAY)
    assert all(q["question"].startswith("北京") for q in report["ask_provider"])
