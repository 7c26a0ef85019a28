"""Walk the decision graph kept as data in province_data/flow.yaml.

The graph (``rules.json["flow"]``) has a ``start`` question, ``questions``
(id -> {text, answers: {answer_id: {label, next}}}) and ``outcomes``
(id -> {text, operation, rule?}). This module only routes: it knows nothing
of what an outcome means (that is :mod:`checker.engine`).

:func:`walk` follows the answers from the start and stops at an outcome, at
the first question without a (valid) answer, or when a node repeats.
:func:`problems` checks a graph statically: unknown start, answers pointing
nowhere, ids used for both a question and an outcome, questions with fewer
than two answers (dead ends), nodes that cannot be reached, and cycles.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from checker.validators import per_object


@dataclass(frozen=True)
class Walk:
    """The result of following answers through the graph.

    ``path`` lists the questions asked, in order, with the answers given.
    ``outcome`` is the outcome id reached, or None; then ``stopped_at`` is
    the question that had no usable answer and ``reason`` says why
    ("missing", "invalid", "cycle" or "broken").
    ``unused`` lists answers given for questions that were not on the path.
    """

    path: tuple = ()
    outcome: str | None = None
    stopped_at: str | None = None
    reason: str | None = None
    unused: tuple = field(default=())

    @property
    def questions(self) -> tuple:
        return tuple(q for q, _ in self.path)


_WALKS: dict = {}   # (id(graph), answers) -> (graph, Walk): a batch repeats the same few answer sets


def walk(graph: dict, answers: dict) -> Walk:
    """Follow ``answers`` (question id -> answer id) from the start node."""
    try:
        key = (id(graph), tuple(sorted(answers.items())) if isinstance(answers, dict) else None)
        found = _WALKS.get(key)
    except TypeError:   # unhashable or unorderable answers: walk them without remembering
        return _walk(graph, answers)
    if found is None or found[0] is not graph:
        if len(_WALKS) >= 4096:
            _WALKS.clear()
        found = _WALKS[key] = (graph, _walk(graph, answers))   # a Walk is immutable: safe to share
    return found[1]


def clear_cache() -> None:
    """Forget remembered walks (for a graph changed in place, as tests do)."""
    _WALKS.clear()


def _walk(graph: dict, answers: dict) -> Walk:
    questions = graph.get("questions", {})
    outcomes = graph.get("outcomes", {})
    answers = answers if isinstance(answers, dict) else {}
    node = graph.get("start")
    path, seen = [], set()
    result = None
    while result is None:
        if node in outcomes:
            result = {"outcome": redirected(outcomes, node, dict(path))}
        elif node not in questions:
            result = {"stopped_at": node, "reason": "broken"}
        elif node in seen:
            result = {"stopped_at": node, "reason": "cycle"}
        else:
            seen.add(node)
            # A question added after application files were written has a default answer.
            given = answers.get(node, questions[node].get("default"))
            options = questions[node].get("answers", {})
            if given is None:
                result = {"stopped_at": node, "reason": "missing"}
            elif not isinstance(given, str) or given not in options:
                result = {"stopped_at": node, "reason": "invalid"}
            else:
                path.append((node, given))
                node = options[given].get("next")
    asked = {q for q, _ in path}
    unused = tuple(sorted(q for q in answers if isinstance(q, str) and q not in asked
                          and q != result.get("stopped_at")))
    return Walk(path=tuple(path), unused=unused, **result)


def answered_by_entity(graph: dict) -> tuple:
    """The questions an application answers with entity.kind (``answered_by``), not in ``answers``.
    Asked several times for every application: found once per graph."""
    return per_object(_BY_ENTITY, graph, _answered_by_entity)


_BY_ENTITY: dict = {}


def _answered_by_entity(graph: dict) -> tuple:
    return tuple(q for q, node in graph.get("questions", {}).items() if node.get("answered_by") == "entity.kind")


def redirected(outcomes: dict, outcome: str, answers: dict) -> str:
    """The outcome after its ``redirect`` entries: the first whose answers were all given wins."""
    for entry in outcomes.get(outcome, {}).get("redirect", []):
        if all(answers.get(q) == a for q, a in entry.get("when", {}).items()):
            return entry.get("to")
    return outcome


def edges(graph: dict) -> dict:
    """Node id -> sorted list of the node ids it leads to (answers, and outcomes' redirects)."""
    out = {
        qid: sorted({a.get("next") for a in q.get("answers", {}).values()}, key=str)
        for qid, q in graph.get("questions", {}).items()
    }
    for oid, outcome in graph.get("outcomes", {}).items():
        if outcome.get("redirect"):
            out[oid] = sorted({r.get("to") for r in outcome["redirect"]}, key=str)
    return out


def _reachable(graph: dict) -> set:
    nexts = edges(graph)
    start = graph.get("start")
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(n for n in nexts.get(node, []) if n not in seen)
    return seen


def _cycles(graph: dict) -> list:
    """Each cycle once, as the list of question ids in it (depth-first search)."""
    nexts = edges(graph)
    questions = graph.get("questions", {})
    colour = {}
    found = []

    def visit(node, stack):
        colour[node] = "grey"
        stack.append(node)
        for nxt in nexts.get(node, []):
            if nxt not in questions:
                continue
            if colour.get(nxt) == "grey":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in colour:
                visit(nxt, stack)
        stack.pop()
        colour[node] = "black"

    for qid in sorted(questions):
        if qid not in colour:
            visit(qid, [])
    return found


def problems(graph: dict) -> list[str]:
    """Everything structurally wrong with ``graph``, as readable sentences."""
    out = []
    questions = graph.get("questions", {}) if isinstance(graph, dict) else {}
    outcomes = graph.get("outcomes", {}) if isinstance(graph, dict) else {}
    if not isinstance(questions, dict) or not isinstance(outcomes, dict):
        return ["questions and outcomes must be mappings"]
    start = graph.get("start")
    if start not in questions:
        out.append(f"start '{start}' is not a question")
    for nid in sorted(set(questions) & set(outcomes)):
        out.append(f"'{nid}' is both a question and an outcome; rename one")
    for qid in sorted(questions):
        answers = questions[qid].get("answers", {})
        if len(answers) < 2:
            out.append(f"question '{qid}' has {len(answers)} answer(s); a question needs at least two "
                       "(a dead end otherwise)")
        default = questions[qid].get("default")
        if default is not None and default not in answers:
            out.append(f"question '{qid}' has the default '{default}', which is not one of its answers")
        for aid in sorted(answers):
            nxt = answers[aid].get("next")
            if nxt not in questions and nxt not in outcomes:
                out.append(f"answer '{qid}' -> '{aid}' points to '{nxt}', which is neither a question "
                           "nor an outcome")
    for oid in sorted(outcomes):
        for entry in outcomes[oid].get("redirect", []):
            target = entry.get("to")
            if target not in outcomes or outcomes[target].get("redirect"):
                out.append(f"outcome '{oid}' redirects to '{target}', which is not an outcome without redirects")
            for qid, aid in entry.get("when", {}).items():
                if aid not in questions.get(qid, {}).get("answers", {}):
                    out.append(f"outcome '{oid}' redirects when '{qid}' is '{aid}', which is not an answer of "
                               "a question")
    reachable = _reachable(graph)
    for nid in sorted(set(questions) | set(outcomes)):
        if nid not in reachable:
            kind = "question" if nid in questions else "outcome"
            out.append(f"{kind} '{nid}' cannot be reached from the start")
    for cycle in _cycles(graph):
        out.append("cycle: " + " -> ".join(cycle))
    return out


def paths(graph: dict) -> list[tuple]:
    """Every complete path from the start, as ((question, answer), ..., outcome).

    Only for acyclic graphs (see :func:`problems`); used by tests and docs.
    """
    questions = graph.get("questions", {})
    outcomes = graph.get("outcomes", {})
    out = []

    def go(node, prefix, depth):
        if node in outcomes:
            out.append(tuple(prefix) + (redirected(outcomes, node, dict(prefix)),))
            return
        if node not in questions or depth > len(questions):
            return
        for aid in sorted(questions[node].get("answers", {})):
            go(questions[node]["answers"][aid].get("next"), prefix + [(node, aid)], depth + 1)

    go(graph.get("start"), [], 0)
    return out
