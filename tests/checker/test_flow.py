"""The decision graph (province_data/flow.yaml) and checker.flow.

Organised by node, GOV.UK smart-answers style: each question has one test
per answer asserting where it leads, starting from answers that really reach
that question; every outcome is reached at least once.
"""
import copy

import pytest

from checker import flow, rules

GRAPH = rules.load()["flow"]


def walk_to(**answers):
    return flow.walk(GRAPH, answers)


# Answers that lead to each question (the walk proves they reach it).
REACH = {
    "service": {},  # asked first; files that do not answer it file a website (its default)
    "app_online": {"service": "app"},
    "app_operator_abroad": {"service": "app", "app_online": "yes"},
    "app_entity_kind": {"service": "app", "app_online": "yes", "app_operator_abroad": "no"},
    "app_entity_filed": {"service": "app", "app_online": "yes", "app_operator_abroad": "no",
                         "app_entity_kind": "organisation"},
    "server_location": {},
    "mainland_acceleration": {"server_location": "outside_mainland"},
    "entity_kind": {"server_location": "mainland"},
    "domain_filed": {"server_location": "mainland", "entity_kind": "organisation"},
    "entity_filed": {"server_location": "mainland", "entity_kind": "organisation", "domain_filed": "no"},
}

# question -> answer -> next node
EXPECTED = {
    "service": {"website": "server_location", "app": "app_online", "mini_program": "app_online",
                "quick_app": "app_online"},
    "app_online": {"yes": "app_operator_abroad", "no": "app_offline"},
    "app_operator_abroad": {"yes": "app_abroad", "no": "app_entity_kind"},
    "app_entity_kind": {"organisation": "app_entity_filed", "individual": "app_entity_filed"},
    "app_entity_filed": {"no": "app_initial", "yes": "app_new_service"},
    "server_location": {"mainland": "entity_kind", "outside_mainland": "mainland_acceleration"},
    "mainland_acceleration": {"yes": "entity_kind", "no": "no_filing"},
    "entity_kind": {"organisation": "domain_filed", "individual": "domain_filed"},
    "domain_filed": {"no": "entity_filed", "yes_this_provider": "already_filed",
                     "yes_other_provider": "add_access", "yes_other_entity": "domain_other_entity"},
    "entity_filed": {"no": "initial", "yes_this_provider": "new_website_entity_here",
                     "yes_other_provider": "new_website_entity_elsewhere",
                     "yes_empty_this_provider": "new_website_entity_here",
                     "yes_empty_other_provider": "new_website_entity_elsewhere"},
}


def test_the_real_graph_has_no_problems():
    assert flow.problems(GRAPH) == []


def test_every_question_is_covered_by_these_tests():
    assert set(EXPECTED) == set(GRAPH["questions"]) == set(REACH)
    for qid, answers in EXPECTED.items():
        assert set(answers) == set(GRAPH["questions"][qid]["answers"]), qid


@pytest.mark.parametrize("question", sorted(REACH))
def test_setup_answers_reach_the_question(question):
    result = walk_to(**REACH[question])
    default = GRAPH["questions"][question].get("default")
    if default is not None:  # never missing: the walk passes it with its default answer
        assert (question, default) in result.path
        return
    assert result.outcome is None
    assert result.stopped_at == question and result.reason == "missing"


def test_a_file_that_does_not_say_what_it_files_files_a_website():
    result = walk_to(server_location="mainland", entity_kind="organisation", domain_filed="no", entity_filed="no")
    assert result.path[0] == ("service", "website") and result.outcome == "initial"


@pytest.mark.parametrize("entity_filed", ["no", "yes"])
def test_a_mini_program_is_filed_through_its_platform_whatever_the_entity_has(entity_filed):
    result = walk_to(service="mini_program", app_online="yes", app_operator_abroad="no", app_entity_kind="individual",
                     app_entity_filed=entity_filed)
    assert result.outcome == "mini_program_in_platform"
    app = walk_to(service="app", app_online="yes", app_operator_abroad="no", app_entity_kind="organisation",
                  app_entity_filed=entity_filed)
    assert app.outcome == {"no": "app_initial", "yes": "app_new_service"}[entity_filed]


def _branches():
    for qid, answers in sorted(EXPECTED.items()):
        for aid, target in sorted(answers.items()):
            yield pytest.param(qid, aid, target, id=f"{qid}={aid}")


@pytest.mark.parametrize("question,answer,target", list(_branches()))
def test_each_answer_leads_to_its_next_node(question, answer, target):
    result = walk_to(**REACH[question], **{question: answer})
    assert result.path[-1] == (question, answer)
    if target in GRAPH["outcomes"]:
        assert result.outcome == target
    else:
        assert result.outcome is None and result.stopped_at == target


def test_every_outcome_is_reached():
    reached = {path[-1] for path in flow.paths(GRAPH)}
    assert reached == set(GRAPH["outcomes"])
    expected = {t for answers in EXPECTED.values() for t in answers.values() if t in GRAPH["outcomes"]}
    expected |= {r["to"] for o in GRAPH["outcomes"].values() for r in o.get("redirect", [])}  # reached by redirect
    assert expected == set(GRAPH["outcomes"])


def test_an_outcome_redirects_on_earlier_answers():
    cdn = walk_to(server_location="outside_mainland", mainland_acceleration="yes", entity_kind="organisation",
                  domain_filed="yes_other_provider")
    assert cdn.outcome == "acceleration_covered"
    mainland = walk_to(server_location="mainland", entity_kind="organisation", domain_filed="yes_other_provider")
    assert mainland.outcome == "add_access"


def test_bad_redirects_are_problems():
    import copy

    graph = copy.deepcopy(GRAPH)
    graph["outcomes"]["add_access"]["redirect"] = [{"when": {"server_location": "moon"}, "to": "nowhere"}]
    found = " ".join(flow.problems(graph))
    assert "'nowhere', which is not an outcome" in found and "'moon', which is not an answer" in found


def test_every_path_ends_in_an_outcome_and_asks_each_question_once():
    for path in flow.paths(GRAPH):
        questions = [q for q, _ in path[:-1]]
        assert len(questions) == len(set(questions))
        answers = dict(path[:-1])
        assert flow.walk(GRAPH, answers).outcome == path[-1]


def test_outcomes_name_filing_types_and_rules_that_exist():
    data = rules.load()
    operations = {o["id"]: o for o in data["operations"]}
    filing_types = {o["id"] for o in data["operations"] if o["filing_type"]}
    used = {o["operation"] for o in GRAPH["outcomes"].values() if o["operation"]}
    assert used <= set(operations)
    # all four filing types can be the answer
    assert filing_types <= used
    for oid, outcome in GRAPH["outcomes"].items():
        if "rule" in outcome:
            assert outcome["rule"] in data["national"], oid
        for sid in outcome.get("sources", []):
            assert sid in data["sources"], (oid, sid)
    assert GRAPH["outcomes"]["no_filing"]["rule"] == "overseas_hosting"
    for qid, question in GRAPH["questions"].items():
        for sid in question.get("sources", []):
            assert sid in data["sources"], (qid, sid)


def test_every_text_has_both_languages():
    for node in list(GRAPH["questions"].values()) + list(GRAPH["outcomes"].values()):
        assert node["text"]["en"] and node["text"]["zh"]
    for question in GRAPH["questions"].values():
        for answer in question["answers"].values():
            assert answer["label"]["en"] and answer["label"]["zh"]


# --- walk: incomplete and odd answers -------------------------------------------

def test_invalid_answer_stops_the_walk():
    result = walk_to(server_location="moon")
    assert result.outcome is None and result.stopped_at == "server_location" and result.reason == "invalid"


def test_non_text_answer_is_invalid():
    result = flow.walk(GRAPH, {"server_location": ["mainland"]})
    assert result.reason == "invalid"


def test_answers_off_the_path_are_reported_unused():
    result = walk_to(server_location="mainland", mainland_acceleration="yes", entity_kind="individual",
                     domain_filed="yes_other_provider", entity_filed="no")
    assert result.outcome == "add_access"
    assert result.unused == ("entity_filed", "mainland_acceleration")


def test_walk_accepts_garbage_answers_without_raising():
    assert flow.walk(GRAPH, None).stopped_at == "server_location"
    assert flow.walk(GRAPH, {1: 2, None: []}).reason == "missing"


# --- problems(): each kind of defect is found --------------------------------------

def _graph():
    return copy.deepcopy(GRAPH)


def test_problems_finds_a_dangling_answer():
    g = _graph()
    g["questions"]["entity_filed"]["answers"]["no"]["next"] = "nowhere"
    found = flow.problems(g)
    assert any("points to 'nowhere'" in p for p in found)
    assert any("outcome 'initial' cannot be reached" in p for p in found)


def test_problems_finds_an_unreachable_question():
    g = _graph()
    g["questions"]["orphan"] = {"text": {"en": "?", "zh": "？"}, "answers": {
        "a": {"label": {"en": "a", "zh": "a"}, "next": "initial"},
        "b": {"label": {"en": "b", "zh": "b"}, "next": "initial"}}}
    assert flow.problems(g) == ["question 'orphan' cannot be reached from the start"]


def test_problems_finds_a_dead_end():
    g = _graph()
    g["questions"]["entity_kind"]["answers"] = {}
    found = flow.problems(g)
    assert any("question 'entity_kind' has 0 answer(s)" in p for p in found)


def test_problems_finds_a_cycle():
    g = _graph()
    g["questions"]["entity_filed"]["answers"]["no"]["next"] = "server_location"
    found = flow.problems(g)
    assert any(p.startswith("cycle: ") and "server_location" in p for p in found)
    assert flow.walk(g, {"server_location": "mainland", "entity_kind": "individual", "domain_filed": "no",
                         "entity_filed": "no"}).reason == "cycle"


def test_problems_finds_a_bad_start_and_a_clash():
    g = _graph()
    g["start"] = "initial"
    g["outcomes"]["entity_kind"] = {"text": {"en": "x", "zh": "x"}, "operation": None}
    found = flow.problems(g)
    assert "start 'initial' is not a question" in found
    assert "'entity_kind' is both a question and an outcome; rename one" in found


def test_edges_lists_targets_per_question():
    assert flow.edges(GRAPH)["server_location"] == ["entity_kind", "mainland_acceleration"]


def test_a_default_that_is_not_an_answer_is_a_problem():
    graph = copy.deepcopy(GRAPH)
    graph["questions"]["service"]["default"] = "spaceship"
    assert "question 'service' has the default 'spaceship', which is not one of its answers" in flow.problems(graph)


def test_verdict_reasons_and_next_steps_name_catalogue_entries():
    from checker.findings import catalog
    for oid, outcome in GRAPH["outcomes"].items():
        if "verdict_reason" in outcome:
            assert outcome["verdict_reason"] in catalog()["messages"], oid
        if "verdict_next" in outcome:
            assert outcome["verdict_next"] in catalog()["phrases"], oid
