"""What the site offers: a commercial ICP licence for paid services, the
pre-approvals its content needs, and the PSB filing after launch."""
from __future__ import annotations

from checker import policy, ruleset, timeline, words
from checker.findings import make

READS = frozenset({"commercial_licence", "individual_preapproval", "psb_deadline_days"})


def commercial(case, rules):
    """Is a commercial ICP licence needed too? (True/False/None while unknown.)"""
    return policy.commercial_licence(case.app.get("commercial"), case.filing_needed,
                                     rules.rule("commercial_licence")["values"])


def psb(case, rules) -> dict:
    """{"needed", "days", "deadline"} of the PSB filing (memoised: the check and the report both use it)."""
    found = case.memo.get("psb")
    if found is None:
        # The sources speak of websites; for an app nothing says, so it stays unknown.
        website = policy.service(case) == "website"
        needed = policy.psb_needed(case.filing_needed) if website else None
        days = rules.value("psb_deadline_days") if needed else None
        deadline = timeline.psb_deadline(case.date("launch"), days) if needed else None
        found = case.memo["psb"] = {"needed": needed, "days": days,
                                    "deadline": deadline.isoformat() if deadline else None}
    return dict(found)


def check(case, rules) -> list:
    findings = []
    if commercial(case, rules) and case.filing_needed:
        code = "engine.commercial_individual" if case.entity_kind == "individual" else "engine.commercial_licence"
        findings.append(make(code, "commercial", sources=words.cite(rules.rule("commercial_licence")["sources"])))
    findings += _preapproval_findings(case, rules)
    found = psb(case, rules)
    if found["needed"]:   # only when a filing is needed (and, for now, only for websites)
        sources = words.cite(rules.rule("psb_deadline_days")["sources"])
        if found["deadline"] is not None:
            findings.append(make("engine.psb_deadline", "dates.launch", days=found["days"],
                                 deadline=found["deadline"], sources=sources))
        elif isinstance(found["days"], int):
            findings.append(make("engine.psb_needed", "dates.launch", days=found["days"], sources=sources))
    return findings


def declared(case) -> list:
    """The pre-approval categories the application declares, sorted once each."""
    categories = case.app.get("content_categories")
    return sorted(set(categories)) if isinstance(categories, list) else []


def _suggested(case) -> dict:
    """Pre-approval id -> the words of the website name that suggest it."""
    from checker.checks import website  # the name's findings, shared through the case memo

    if "name" not in case.website:
        return {}
    found = {}
    for f in website.name_findings(case, case.rules(website.READS)):
        if f.code == "website_name.preapproval_keyword":
            word = f.param("word")
            for pid, pre in ruleset.preapprovals().items():
                if word in pre.get("keywords", []):
                    found.setdefault(pid, []).append(word)
    return found


def preapprovals(case, lang) -> list:
    """The pre-approvals declared or suggested by the website name, as in force on the submission date."""
    chosen, suggested = declared(case), _suggested(case)
    out = []
    for pid in sorted(set(chosen) | set(suggested)):
        pre = ruleset.preapprovals(case.day)[pid]
        out.append({
            "id": pid,
            "name": pre["name"][lang],
            "status": pre["status"],
            "authority": pre["authority"][lang],
            "document": pre["document"][lang] if "document" in pre else None,
            "declared": pid in chosen,
            "keywords_found": sorted(set(suggested.get(pid, []))),
            "sources": list(pre["sources"]),
        })
    return out


def _preapproval_findings(case, rules) -> list:
    if case.filing_needed is False:
        return []
    individual_rule = rules.rule("individual_preapproval") if case.province else None
    findings = []
    for pid in declared(case):
        pre = ruleset.preapprovals(case.day)[pid]  # the status in force on the submission date
        category = pre["name"]
        if case.entity_kind == "individual" and pre["status"] == "required" and individual_rule is not None \
                and "not_possible" in individual_rule["values"]:
            findings.append(make("engine.preapproval_individual", "content_categories", category=category,
                                 sources=words.cite(individual_rule["sources"])))
        elif pre["status"] == "required":
            findings.append(make("engine.preapproval_required", "content_categories", category=category,
                                 document=pre.get("document") or words.both("the_approval"),
                                 authority=pre["authority"], sources=words.cite(pre["sources"])))
        else:
            findings.append(make("engine.preapproval_cancelled", "content_categories", category=category,
                                 sources=words.cite(pre["sources"])))
    return findings
