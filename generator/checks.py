"""Rules that span fields and files, run after every file passed its schema."""
from __future__ import annotations

import datetime as dt
import re
import string
from itertools import combinations

from checker.validators import MAINLAND_PROVINCE_CODES
from generator import rule_use
from generator.problems import Problem, field_name

# The 31 provincial-level divisions that have a communications administration
# (one definition, shared with the checker's validators).
PROVINCE_CODES = MAINLAND_PROVINCE_CODES

FAR_PAST = dt.date(1900, 1, 1)
FAR_FUTURE = dt.date(9999, 12, 31)


class Reporter:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, doc, path, message):
        path = tuple(path)
        self.problems.append(Problem(doc.path, doc.line(path), field_name(path), message))


def parse_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _check_partial_date(rep, doc, path, text):
    if text == "unknown":
        return
    parts = text.split("-")
    padded = "-".join(parts + ["01"] * (3 - len(parts)))
    if parse_date(padded) is None:
        rep.add(doc, path, f"{text!r} is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD, or unknown")


def _check_date(rep, doc, path, text, today, not_future=False):
    day = parse_date(text)
    if day is None:
        rep.add(doc, path, f"{text!r} is not a real calendar date; write YYYY-MM-DD")
    elif not_future and day > today:
        rep.add(doc, path, f"{text} is in the future; use the date it was actually checked")
    return day


def iter_rules(ds):
    """Yield (document, path, rule) for every rule in the data set."""
    national = ds.docs["national.yaml"]
    for rid, rule in national.data["rules"].items():
        yield national, ("rules", rid), rule
    for doc in ds.provinces:
        for rid, rule in doc.data["rules"].items():
            yield doc, ("rules", rid), rule
    tlds = ds.docs["tlds.yaml"]
    for i, entry in enumerate(tlds.data["tlds"]):
        yield tlds, ("tlds", i, "rule"), entry["rule"]


def _period(claim, rep, doc, path, today):
    start = _check_date(rep, doc, path + ("from",), claim["from"], today) if "from" in claim else FAR_PAST
    end = _check_date(rep, doc, path + ("until",), claim["until"], today) if "until" in claim else FAR_FUTURE
    if start and end and start > end:
        rep.add(doc, path + ("until",), f"ends ({claim['until']}) before it starts ({claim['from']}); swap or fix the dates")
    return start or FAR_PAST, end or FAR_FUTURE


def check_rule(rep, doc, path, rule, source_ids, today):
    _check_date(rep, doc, path + ("verified",), rule["verified"], today, not_future=True)
    claims = rule.get("claims", [])
    cited = set()
    periods = []
    for i, claim in enumerate(claims):
        cpath = path + ("claims", i)
        for j, sid in enumerate(claim["sources"]):
            cited.add(sid)
            if sid not in source_ids:
                rep.add(doc, cpath + ("sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
        periods.append(_period(claim, rep, doc, cpath, today))
    for j, sid in enumerate(rule.get("checked", [])):
        if sid not in source_ids:
            rep.add(doc, path + ("checked", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")

    status = rule["status"]
    competing = [
        (a, b) for a, b in combinations(range(len(claims)), 2)
        if claims[a]["value"] != claims[b]["value"]
        and periods[a][0] <= periods[b][1] and periods[b][0] <= periods[a][1]
    ]
    if rule.get("merge") == "union":
        competing = []
    if status == "unknown":
        if claims:
            rep.add(doc, path + ("status",), "status is unknown but the rule has claims; remove the claims or set the real status")
        return
    if not claims:
        rep.add(doc, path + ("claims",), f"status is {status} but there are no claims; add a claim with its sources, or set status: unknown")
        return
    if status == "single_source" and len(cited) != 1:
        rep.add(doc, path + ("status",), f"status is single_source but {len(cited)} sources are cited; use confirmed or conflicting")
    if status == "confirmed" and len(cited) < 2:
        rep.add(doc, path + ("status",), "status is confirmed but only one source is cited; use single_source or add a source")
    if status == "conflicting" and not competing:
        rep.add(doc, path + ("status",), "status is conflicting but no two claims disagree in the same period; record each side as its own claim")
    if status != "conflicting" and competing:
        a, b = competing[0]
        rep.add(doc, path + ("claims", b), f"claims {a} and {b} give different values for overlapping periods; "
                                            "set status: conflicting, or give them from/until dates that do not overlap")


def _check_sources(rep, ds, today):
    doc = ds.docs["sources.yaml"]
    seen = {}
    for i, src in enumerate(doc.data["sources"]):
        if src["id"] in seen:
            rep.add(doc, ("sources", i, "id"), f"source id '{src['id']}' is already used at entry {seen[src['id']]}")
        seen.setdefault(src["id"], i)
        _check_partial_date(rep, doc, ("sources", i, "published"), src["published"])
        _check_date(rep, doc, ("sources", i, "seen"), src["seen"], today, not_future=True)
        if src["url"] == "unknown" and not src.get("note"):
            rep.add(doc, ("sources", i, "url"), "url is unknown; add a note saying why and how to find the source")


def _check_provinces(rep, ds, source_ids):
    by_code, by_slug, by_prefix = {}, {}, {}
    for doc in ds.provinces:
        data = doc.data
        code, slug = data["code"], data["slug"]
        if code not in PROVINCE_CODES:
            rep.add(doc, ("code",), f"'{code}' is not one of the 31 GB/T 2260 province-level codes of mainland China")
        if code in by_code:
            rep.add(doc, ("code",), f"province {code} is defined twice (also in {by_code[code].path}); keep one file")
        by_code.setdefault(code, doc)
        if slug in by_slug:
            rep.add(doc, ("slug",), f"slug '{slug}' is already used by {by_slug[slug].path}")
        by_slug.setdefault(slug, doc)
        expected = f"{code}-{slug}.yaml"
        if not doc.path.endswith("/" + expected):
            rep.add(doc, ("code",), f"the file name must be {expected} to match code and slug")
        for j, sid in enumerate(data["identity_sources"]):
            if sid not in source_ids:
                rep.add(doc, ("identity_sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
        prefix_rule = data["rules"]["icp_prefixes"]
        prefixes = {p for claim in prefix_rule.get("claims", []) for p in claim["value"]}
        for prefix in sorted(prefixes):
            if prefix in by_prefix and by_prefix[prefix] is not doc:
                rep.add(doc, ("rules", "icp_prefixes"), f"prefix {prefix} is also used by {by_prefix[prefix].path}; a prefix belongs to one province")
            by_prefix.setdefault(prefix, doc)
        if len(prefixes) > 1 and "note" not in prefix_rule and not any("note" in c for c in prefix_rule.get("claims", [])):
            rep.add(doc, ("rules", "icp_prefixes"), "more than one prefix needs a note saying which is current and where the other was seen")
    for code in sorted(PROVINCE_CODES - set(by_code)):
        rep.problems.append(Problem("province_data/provinces", 1, "code",
                                    f"province {code} has no file; add provinces/{code}-<slug>.yaml"))


def _check_unique(rep, doc, list_key, id_key):
    seen = {}
    for i, entry in enumerate(doc.data[list_key]):
        value = entry[id_key]
        if value in seen:
            rep.add(doc, (list_key, i, id_key), f"'{value}' appears twice (first at entry {seen[value]}); merge the entries")
        seen.setdefault(value, i)


def _check_entry_sources(rep, doc, list_key, source_ids, today):
    for i, entry in enumerate(doc.data[list_key]):
        for j, sid in enumerate(entry["sources"]):
            if sid not in source_ids:
                rep.add(doc, (list_key, i, "sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
        _check_date(rep, doc, (list_key, i, "verified"), entry["verified"], today, not_future=True)


def _check_preapproval_status(rep, ds, source_ids, today):
    """A dated status gives exactly one value on every day: its claims, in order, do not
    overlap and leave no gap (the checker applies the one in force on the submission date)."""
    doc = ds.docs["preapprovals.yaml"]
    for i, entry in enumerate(doc.data["preapprovals"]):
        if isinstance(entry["status"], str):
            continue
        path = ("preapprovals", i, "status")
        periods = []
        for j, claim in enumerate(entry["status"]):
            for k, sid in enumerate(claim["sources"]):
                if sid not in source_ids:
                    rep.add(doc, path + (j, "sources", k), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
            periods.append(_period(claim, rep, doc, path + (j,), today))
        if periods[0][0] != FAR_PAST or periods[-1][1] != FAR_FUTURE:
            rep.add(doc, path, "the first claim needs no `from` and the last no `until`, so that every day has a status")
        for j in range(1, len(periods)):
            if periods[j][0] - dt.timedelta(days=1) != periods[j - 1][1]:
                rep.add(doc, path + (j, "from"), "must be the day after the previous claim's `until`: "
                                                 "a dated status may neither overlap nor leave a gap")


def _enum_values(ds):
    """(group, value, document, path) for every enumerated value the pages will show."""
    for doc, path, rule in iter_rules(ds):
        group = "tld_status" if path[0] == "tlds" else path[1]
        yield "status", rule["status"], doc, path + ("status",)
        for i, claim in enumerate(rule.get("claims", [])):
            if isinstance(claim["value"], str) and not claim["value"].startswith("http"):
                yield group, claim["value"], doc, path + ("claims", i, "value")
    for doc in ds.provinces:
        yield "province_kind", doc.data["kind"], doc, ("kind",)
    src = ds.docs["sources.yaml"]
    for i, s in enumerate(src.data["sources"]):
        yield "source_kind", s["kind"], src, ("sources", i, "kind")
    tlds = ds.docs["tlds.yaml"]
    for i, t in enumerate(tlds.data["tlds"]):
        yield "tld_kind", t["kind"], tlds, ("tlds", i, "kind")
    pre = ds.docs["preapprovals.yaml"]
    for i, p in enumerate(pre.data["preapprovals"]):
        if isinstance(p["status"], str):
            yield "preapproval_status", p["status"], pre, ("preapprovals", i, "status")
        else:
            for j, claim in enumerate(p["status"]):
                yield "preapproval_status", claim["value"], pre, ("preapprovals", i, "status", j, "value")


def _check_labels(rep, ds):
    labels = ds.data("labels.yaml")
    enums = labels["enums"]
    for group, value, doc, path in _enum_values(ds):
        if value not in enums.get(group, {}):
            rep.add(doc, path, f"'{value}' has no translation; add enums.{group}.{value} with en and zh to province_data/labels.yaml")
    rule_ids = {path[1] for _, path, _ in iter_rules(ds) if path[0] == "rules"}
    label_doc = ds.docs["labels.yaml"]
    for rid in sorted(rule_ids - set(labels["rules"])):
        rep.add(label_doc, ("rules",), f"rule '{rid}' has no name; add rules.{rid} with en and zh")


def _check_steps(rep, ds, source_ids):
    doc = ds.docs["steps.yaml"]
    data = doc.data
    phases = {p["id"] for p in data["phases"]}
    conditions = set(data.get("conditions", {}))
    rule_ids = set(ds.data("national.yaml")["rules"])
    for province in ds.provinces:
        rule_ids |= set(province.data["rules"])
    _check_unique(rep, doc, "steps", "id")
    for i, step in enumerate(data["steps"]):
        path = ("steps", i)
        if step["phase"] not in phases:
            rep.add(doc, path + ("phase",), f"unknown phase '{step['phase']}'; use one of: {', '.join(sorted(phases))}")
        if "only_if" in step and step["only_if"] not in conditions:
            rep.add(doc, path + ("only_if",), f"unknown condition '{step['only_if']}'; declare it under conditions")
        if "rule" in step and step["rule"] not in rule_ids:
            rep.add(doc, path + ("rule",), f"no national or province rule is called '{step['rule']}'")
        if "rule" not in step and "sources" not in step:
            rep.add(doc, path, "a step that follows no rule must cite sources")
        for j, sid in enumerate(step.get("sources", [])):
            if sid not in source_ids:
                rep.add(doc, path + ("sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
        for j, outcome in enumerate(step["outcomes"]):
            if outcome not in ds.data("flow.yaml")["outcomes"]:
                rep.add(doc, path + ("outcomes", j), f"no outcome '{outcome}' in flow.yaml")
        _check_answers(rep, doc, path + ("answers",), step.get("answers", {}), ds)
    for key in ("checklist", "app_checklist"):
        checklist = data.get(key)
        if checklist:
            if checklist["outcome"] not in ds.data("flow.yaml")["outcomes"]:
                rep.add(doc, (key, "outcome"), f"no outcome '{checklist['outcome']}' in flow.yaml")
            _check_answers(rep, doc, (key, "answers"), checklist.get("answers", {}), ds)


def _check_answers(rep, doc, path, answers, ds):
    """Question ids and answers of flow.yaml named by a step's (or the checklist's) ``answers``."""
    questions = ds.data("flow.yaml")["questions"]
    for question, values in answers.items():
        if question not in questions:
            rep.add(doc, path + (question,), f"no question '{question}' in flow.yaml")
            continue
        listed = values if isinstance(values, list) else [values]
        for j, value in enumerate(listed):
            if value not in questions[question]["answers"]:
                where = path + ((question, j) if isinstance(values, list) else (question,))
                rep.add(doc, where, f"'{value}' is not an answer of the question '{question}' "
                                    f"in flow.yaml; use one of: {', '.join(questions[question]['answers'])}")


def _check_documents(rep, ds, source_ids):
    """documents.yaml: ids, outcomes, conditions, rules (declared in checker.documents.READS) and sources."""
    from checker import documents as reader
    doc = ds.docs["documents.yaml"]
    data = doc.data
    outcomes = set(ds.data("flow.yaml")["outcomes"])
    conditions = set(ds.data("steps.yaml").get("conditions", {})) | set(data.get("conditions", {}))
    provinces = {p.data["code"]: p.data for p in ds.provinces}
    national = ds.data("national.yaml")["rules"]
    _check_unique(rep, doc, "documents", "id")
    for j, outcome in enumerate(data["outcomes"]):
        if outcome not in outcomes:
            rep.add(doc, ("outcomes", j), f"no outcome '{outcome}' in flow.yaml")
    for i, item in enumerate(data["documents"]):
        path = ("documents", i)
        for j, outcome in enumerate(item.get("outcomes", [])):
            if outcome not in outcomes:
                rep.add(doc, path + ("outcomes", j), f"no outcome '{outcome}' in flow.yaml")
        for key in ("only_if", "unless"):
            if key in item and item[key] not in conditions:
                rep.add(doc, path + (key,), f"unknown condition '{item[key]}'; declare it under conditions "
                                            "(here, or in steps.yaml)")
        rule_id = item.get("rule")
        if rule_id is not None:
            if rule_id not in national and not any(rule_id in p["rules"] for p in provinces.values()):
                rep.add(doc, path + ("rule",), f"no national or province rule is called '{rule_id}'")
            elif rule_id not in reader.READS:
                rep.add(doc, path + ("rule",), f"'{rule_id}' is not in the READS of checker/documents.py; add it there")
        if ("values" in item or "min_count" in item or item.get("each") == "value") and rule_id is None:
            rep.add(doc, path, "values, min_count and each: value need a rule")
        if rule_id is None and "sources" not in item and item.get("each") != "preapproval":
            rep.add(doc, path, "an item that follows no rule must cite sources")
        for j, sid in enumerate(item.get("sources", [])):
            if sid not in source_ids:
                rep.add(doc, path + ("sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")


def _check_flow(rep, ds, source_ids):
    """The decision graph: structure (checker.flow decides, so the checker and the
    validator cannot disagree) and every id it names."""
    from checker import flow as decision_graph
    doc = ds.docs["flow.yaml"]
    graph = doc.data
    for message in decision_graph.problems(graph):
        rep.add(doc, ("questions",), message)
    operations = {op["id"] for op in ds.data("operations.yaml")["operations"]}
    national = set(ds.data("national.yaml")["rules"])
    for kind in ("questions", "outcomes"):
        for nid, node in graph[kind].items():
            for j, sid in enumerate(node.get("sources", [])):
                if sid not in source_ids:
                    rep.add(doc, (kind, nid, "sources", j), f"unknown source id '{sid}'; add it to province_data/sources.yaml first")
    for oid, outcome in graph["outcomes"].items():
        if outcome["operation"] is not None and outcome["operation"] not in operations:
            rep.add(doc, ("outcomes", oid, "operation"), f"no operation '{outcome['operation']}' in operations.yaml")
        if "rule" in outcome and outcome["rule"] not in national:
            rep.add(doc, ("outcomes", oid, "rule"), f"no national rule '{outcome['rule']}' in national.yaml")


# A finding code: <module>.<what>, lowercase words joined by underscores.
MESSAGE_CODE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*\.[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# CJK ideographs, CJK punctuation (。、「」) and full-width forms (，：（）).
CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _placeholders(template: str) -> set[str]:
    """The {names} a str.format template uses; ValueError if it is not valid template syntax."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _check_template(rep, doc, path, lang, template, declared):
    if not template.strip():
        rep.add(doc, path + (lang,), f"the {lang} text is blank; write the message in {lang}")
        return
    try:
        used = _placeholders(template)
    except ValueError as exc:
        rep.add(doc, path + (lang,), f"not a valid template ({exc}); write a placeholder as {{name}} "
                                     "and a literal brace as {{ or }}")
        return
    for name in sorted(used - declared):
        rep.add(doc, path + (lang,), f"uses the placeholder {{{name}}}, which params does not declare; "
                                     f"add {name} to params or take it out of the text")
    for name in sorted(declared - used):
        rep.add(doc, path + ("params",), f"declares {name}, but the {lang} text has no {{{name}}}; "
                                         f"use it in the {lang} text or remove it from params")
    if lang == "zh" and not CHINESE.search(template):
        rep.add(doc, path + (lang,), "the zh text has no Chinese characters or Chinese punctuation; translate it")


def _check_messages(rep, ds):
    """Codes, placeholders and the Chinese of every message and phrase in messages.yaml."""
    doc = ds.docs["messages.yaml"]
    data = doc.data
    modules = set()
    for section in ("messages", "phrases"):
        for code, entry in data[section].items():
            path = (section, code)
            if not MESSAGE_CODE.match(code):
                rep.add(doc, path, f"code '{code}' must have the form <module>.<what> in lowercase letters, digits "
                                   "and underscores (e.g. uscc.checksum); rename it here and where it is used")
            if section == "phrases" and code in data["messages"]:
                rep.add(doc, path, f"'{code}' is also a message code; give the phrase its own code")
            modules.add(code.split(".")[0])
            for lang in ("en", "zh"):
                _check_template(rep, doc, path, lang, entry[lang], set(entry["params"]))
    for module in sorted(set(data["param_chars"].get("modules", {})) - modules):
        rep.add(doc, ("param_chars", "modules", module),
                f"no message or phrase code starts with '{module}.'; remove it or correct the module name")


# Every element name of HTML (WHATWG, with the obsolete ones browsers still
# honour) and the roots of SVG and MathML: `<b>` or `<script>` in data text opens
# a tag, while a placeholder such as `<name>` or `<province>` does not.
HTML_ELEMENTS = frozenset("""
    a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del details
    dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3
    h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend li
    link listing main map mark marquee math menu menuitem meta meter multicol nav nextid nobr noembed
    noframes noscript object ol optgroup option output p param picture plaintext portal pre progress q
    rb rp rt rtc ruby s samp script search section select slot small source spacer span strike strong
    style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u
    ul var video wbr xmp""".split())
# A tag (its name, and whatever follows up to `>`), a comment, declaration or
# processing instruction, an event-handler attribute (`onerror=`; prose such as
# "one = two" is not one), or a script address.
RAW_HTML = re.compile(r"<(/?)([a-z][a-z0-9-]*)(?=[\s/>]|$)([^<>]*)|<[!?]"
                      r"|\bon[a-z]+(?:=|\s+=\s*[\"'`])|\b(?:java|vb)script\s*:", re.I)


def raw_html(text: str) -> str | None:
    """The first piece of raw HTML or script in `text`, or None."""
    if "<" not in text and "=" not in text and "script" not in text.lower():
        return None  # nearly every text: far cheaper than the expression
    for match in RAW_HTML.finditer(text):
        closing, name, rest = match.groups()
        if name is None or closing or name.lower() in HTML_ELEMENTS or "=" in rest:
            return match.group(0)
    return None


def check_text(doc) -> list[Problem]:
    """Data text is shown on pages as Markdown, which passes HTML through: refuse raw HTML in any text."""
    rep = Reporter()

    def walk(node, path):
        if isinstance(node, str):
            found = raw_html(node)
            if found:
                rep.add(doc, path, f"{found!r} is raw HTML or script, which data text must not hold; "
                                   "write plain text or Markdown (a placeholder such as <name> is fine)")
        elif isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + (key,))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, path + (i,))

    walk(doc.data, ())
    return rep.problems


def run(ds, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    rep = Reporter()
    source_ids = {s["id"] for s in ds.data("sources.yaml")["sources"]}
    _check_sources(rep, ds, today)
    for doc, path, rule in iter_rules(ds):
        check_rule(rep, doc, path, rule, source_ids, today)
    _check_provinces(rep, ds, source_ids)
    _check_unique(rep, ds.docs["tlds.yaml"], "tlds", "suffix")
    for name, key in (("operations.yaml", "operations"), ("preapprovals.yaml", "preapprovals"),
                      ("services.yaml", "instance_types"), ("services.yaml", "cloud_services")):
        _check_unique(rep, ds.docs[name], key, "id")
        _check_entry_sources(rep, ds.docs[name], key, source_ids, today)
    _check_preapproval_status(rep, ds, source_ids, today)
    _check_steps(rep, ds, source_ids)
    _check_documents(rep, ds, source_ids)
    _check_flow(rep, ds, source_ids)
    _check_labels(rep, ds)
    _check_messages(rep, ds)
    rule_use.check(rep, ds)
    rule_use.check_audience(rep, ds)
    return rep.problems
