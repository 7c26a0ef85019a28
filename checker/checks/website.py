"""The entity's code and the website: the USCC and the province it belongs
to, each domain and its suffix, the website name, and the province's limits
on domains per website and per submission."""
from __future__ import annotations

from checker import policy, ruleset, words
from checker.findings import has_errors, make
from checker.validators import ValidationError, domain, region_name, uscc, website_name

READS = frozenset({
    "org_cross_province", "domain_certificate", "domain_limits",
    "website_name_min_length", "website_name_forbidden_prefixes", "website_name_sensitive_words",
    "personal_site_banned_words", "personal_site_naming",
})
# Suffix rules (tlds.yaml) are read through ruleset.tld_table, and counted
# as read by this module in the build's accounting.
READS_TLDS = True

LIMIT_KEYS = ("domains_per_website", "domains_per_submission")


def check(case, rules) -> list:
    findings = _entity_code(case, rules)
    for i, host in enumerate(case.domains):
        findings += domain_findings(host, f"website.domains[{i}]", case.day, case.today)
    if "name" in case.website:
        findings += name_findings(case, rules)
    if case.province and case.submitting and case.entity_kind in ("organisation", "individual") and case.domains:
        findings += domain_count(rules, len(case.domains))
    return findings


def _entity_code(case, rules) -> list:
    if "uscc" not in case.entity:
        return []
    found = uscc.check(case.entity["uscc"], field="entity.uscc")
    if not has_errors(found) and case.submitting and case.province and case.entity_kind == "organisation":
        found = found + org_province(rules, case.entity["uscc"], "entity.uscc")
    return found


def org_province(rules, code, field) -> list:
    """An organisation registered in another province, where the province refuses that."""
    try:
        area = uscc.registration_province(code)
    except ValidationError:
        return []
    if area is None or area == rules.code:
        return []
    entry = rules.rule("org_cross_province")
    if entry["values"] != ["refused"]:
        return []
    return [make("province.org_other_province", field, other=region_name(area), other_code=area,
                 province=rules.name(), sources=words.cite(entry["sources"]))]


def host_suffixes(host) -> list:
    """The public suffixes in the data that end ``host``."""
    try:
        text = domain.compact(host)
        if "xn--" in text:
            text = domain.to_unicode(text)
    except ValidationError:
        return []
    labels = text.split(".")
    known = ruleset.tld_table_suffixes()
    return [s for s in (".".join(labels[i:]) for i in range(len(labels))) if s in known]


def domain_findings(host, field, day, today, submit_on=True) -> list:
    # Only the suffixes that end this host matter to the validator; passing
    # just those keeps the check fast. A suffix in the data with no claim in
    # force on the day stays out of the table and is reported as unknown.
    tlds = ruleset.tld_table(day)
    suffixes = host_suffixes(host) if isinstance(host, str) else []
    table = {s: tlds[s] for s in suffixes if s in tlds}
    return domain.check(host, field=field, tlds=table, suffixes=suffixes or None, today=today,
                        submit_on=day if submit_on else None)


def name_rules(rules) -> dict:
    """The website-name validator's ``rules`` for this province and day (cached on the view)."""
    cached = rules.cache.get("website_name_rules")
    if cached is None:
        cached = rules.cache["website_name_rules"] = _name_rules(rules)
    return cached


def _words(rules, rule_id) -> list:
    out = []
    for value in rules.rule(rule_id)["values"]:
        for word in value if isinstance(value, list) else []:
            if isinstance(word, str) and word not in out:
                out.append(word)
    return out


def _name_rules(rules) -> dict:
    out = {}
    minimums = rules.numbers("website_name_min_length")
    if minimums:
        out["min_length"] = min(minimums)
    out["forbidden_prefixes"] = _words(rules, "website_name_forbidden_prefixes")
    out["sensitive_words"] = _words(rules, "website_name_sensitive_words")
    banned, suffixes = _words(rules, "personal_site_banned_words"), []
    for value in rules.rule("personal_site_naming")["values"]:
        if isinstance(value, dict):
            banned += [w for w in value.get("banned_words", []) if w not in banned]
            suffixes += [s for s in value.get("required_suffixes", []) if s not in suffixes]
    # A province's prescribed name wins over the national list of banned words
    # where the national rule yields to it (national.yaml: yields_to).
    yields = "personal_site_naming" in (rules.rule("personal_site_banned_words")["rule"] or {}).get("yields_to", [])
    prescribed = [w for w in banned if yields and any(w in s for s in suffixes)]
    out["banned_personal_words"] = [w for w in banned if w not in prescribed]
    out["prescribed_words"] = prescribed
    if suffixes:
        out["required_suffixes_personal"] = suffixes
    keywords = {}
    for pre in ruleset.preapprovals().values():
        for word in pre.get("keywords", []):
            keywords.setdefault(word, f"{pre['name']['en']} / {pre['name']['zh']}")
    out["preapproval_keywords"] = keywords
    return out


def _prescribed(case, rules) -> list:
    """An info finding where a prescribed personal name uses a word the national list bans (both sides cited)."""
    name = case.website.get("name")
    if case.entity_kind != "individual" or not isinstance(name, str):
        return []
    table = name_rules(rules)
    out = []
    for word in table.get("prescribed_words", []):
        suffix = next((s for s in table.get("required_suffixes_personal", []) if word in s and name.endswith(s)), None)
        if suffix is None:
            continue
        national = [c for c in rules.rule("personal_site_banned_words")["claims_in_force"] if word in c["value"]]
        out.append(make("province.naming_prescribed", "website.name", province=rules.name(), word=word, suffix=suffix,
                        province_sources=words.cite(rules.rule("personal_site_naming")["sources"]),
                        national_sources=words.cite([sid for c in national for sid in c["sources"]])))
    return out


def name_findings(case, rules) -> list:
    """The website-name validator's findings (shared with the pre-approval check through the case memo)."""
    found = case.memo.get("website_name")
    if found is None:
        first = case.domains[0] if case.domains else None
        if first is not None and not _may_equal_domain(case.website["name"], first):
            first = None  # the validator's "equals the domain" test cannot match; skip its IDN work
        found = case.memo["website_name"] = website_name.check(
            case.website["name"], field="website.name", domain=first,
            entity_kind=case.entity.get("kind", "organisation"), rules=name_rules(rules),
            state_entity=case.entity.get("state_body") is True,
            suffixes=host_suffixes(first) if first else None,
        ) + (_prescribed(case, rules) if case.province else [])
    return found


def _may_equal_domain(name, host) -> bool:
    """False when the website name cannot equal the domain, its registrable part or first label.

    For an ASCII host without xn-- labels, all of those are substrings of the
    host, so a name that is not a substring of it cannot match. Other hosts
    (internationalised names) always go to the validator.
    """
    try:
        folded = "".join(website_name.compact(name).casefold().split())
        text = domain.compact(host)
    except ValidationError:
        return True
    return not text.isascii() or "xn--" in text or not folded or folded in text


def domain_count(rules, count) -> list:
    findings = []
    thresholds = rules.numbers("domain_certificate")
    if thresholds and count >= min(thresholds):
        low, cited = min(thresholds), words.cite(rules.rule("domain_certificate")["sources"])
        if low <= 1:   # every application: said so, not "1 or more domains" (as words.fill does)
            findings.append(make("province.domain_certificate_every", "website.domains", count=count,
                                 province=rules.name(), sources=cited))
        else:
            findings.append(make("province.domain_certificate", "website.domains", count=count, min=low,
                                 province=rules.name(), sources=cited))
    entry = rules.rule("domain_limits")
    # Exceeding a limit several sources confirm will be refused: an error.
    code = "province.domain_limit_refused" if policy.limit_exceeded_is_error(entry["status"]) \
        else "province.domain_limit"
    for value in entry["values"]:
        for key in LIMIT_KEYS:
            limit = value.get(key) if isinstance(value, dict) else None
            if isinstance(limit, int) and count > limit:
                findings.append(make(code, "website.domains", limit=limit, what=words.both("limit_" + key),
                                     count=count, province=rules.name(), sources=words.cite(entry["sources"])))
                return findings
    return findings
