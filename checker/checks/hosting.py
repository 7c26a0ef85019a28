"""Where and how the site is hosted: a server abroad with a mainland CDN or
similar service, the cloud services' own needs, the hosting instance's
quota, and a domain already filed by another entity."""
from __future__ import annotations

from checker import rules as _rules
from checker import ruleset, words
from checker.findings import make
from checker.validators import instance

READS = frozenset()


def _services(case) -> list:
    services = case.app.get("cloud_services")
    return sorted(set(services)) if isinstance(services, list) else []


def check(case, rules) -> list:
    graph = _rules.load()["flow"]
    catalogue = ruleset.services()[2]
    answers = dict(case.walk.path) if case.walk else {}
    services = _services(case)
    findings = []
    if answers.get("server_location") == "outside_mainland":
        if answers.get("mainland_acceleration") == "yes":
            findings.append(make("engine.acceleration_needs_filing", "answers.mainland_acceleration",
                                 sources=words.cite(graph["questions"]["mainland_acceleration"].get("sources"))))
        elif answers.get("mainland_acceleration") == "no" and services:
            names = {lang: words.punct("list_sep", lang).join(catalogue[s]["name"][lang] for s in services)
                     for lang in ("en", "zh")}
            findings.append(make("engine.acceleration_mismatch", "answers.mainland_acceleration", services=names,
                                 question=graph["questions"]["mainland_acceleration"]["text"]))
    if case.filing_needed:
        for service in services:
            entry = catalogue[service]
            findings.append(make("engine.cloud_service", "cloud_services", service=entry["name"],
                                 requirement=entry["requirement"], sources=words.cite(entry["sources"])))
    if case.outcome == "domain_other_entity":
        findings.append(make("engine.domain_other_entity", "answers.domain_filed",
                             sources=words.cite(graph["outcomes"]["domain_other_entity"].get("sources"))))
    findings += _instance(case)
    return findings


def _instance(case) -> list:
    inst = case.app.get("instance")
    if not isinstance(inst, dict) or "service_type" not in inst:
        return []
    quotas, not_allowed, _ = ruleset.services()
    return instance.check(inst["service_type"], inst.get("billing"), field="instance", quotas=quotas, requested=1,
                          used=inst.get("used"), billing_not_allowed=not_allowed, names=ruleset.instance_names())
