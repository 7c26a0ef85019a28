"""Classify an ICP filing case and check an application (the checker's core).

Input: an application that already passed the schema
(:mod:`checker.application`). Output: the report that :mod:`checker.api`
returns. The pieces:

* routing: :func:`checker.flow.walk` over the decision graph in rules.json;
* policy: small pure functions below (``needs_filing``, ``commercial_licence``,
  ``non_local``, ...) that say what an outcome or an answer implies;
* rules: province rules override national ones (:mod:`checker.rules`),
  read as in force on the submission date (today when absent);
* field checks: the validators in :mod:`checker.validators`, fed with
  policy data from rules.json;
* steps (:mod:`checker.steps`), timeline (:mod:`checker.timeline`) and
  footer (:mod:`checker.footer`).

Rule data is read once and cached per province and "epoch" (a stretch of
days in which no claim starts or ends), so checking many applications is
cheap.
"""
from __future__ import annotations

import bisect
import datetime as dt
from functools import lru_cache

from checker import flow as _flow
from checker import footer as _footer
from checker import rules as _rules
from checker import steps as _steps
from checker import timeline as _timeline
from checker.engine_messages import make
from checker.findings import has_errors, lang_code
from checker.validators import (
    PROVINCE_CODES,
    ValidationError,
    domain,
    email,
    icp_number,
    instance,
    permits,
    phone,
    psb_number,
    resident_id,
    uscc,
    website_name,
)

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
FILING_OUTCOMES_WITHOUT_SUBMISSION = ("no_filing", "already_filed")

@lru_cache(maxsize=1)
def _services() -> tuple[dict, dict, dict, dict]:
    """Instance quotas, billing modes that cannot be used, their sources, and the
    cloud services' requirements: providers' policies, read from the data set."""
    data = _rules.load()["services"]
    quotas, not_allowed, sources = {}, {}, {}
    for item in data["instance_types"]:
        for key in [item["id"], *item.get("aliases", [])]:
            quotas[key] = item["max_service_numbers"]
            sources[key] = item["sources"]
            if item.get("billing_not_allowed"):
                not_allowed[key] = item["billing_not_allowed"]
    services = {s["id"]: s for s in data["cloud_services"]}
    return quotas, not_allowed, sources, services


WHO = {
    "entity_leader": {"en": "The entity leader", "zh": "主体负责人"},
    "website.leader": {"en": "The website leader", "zh": "网站负责人"},
    "applicant": {"en": "The applicant", "zh": "申请人"},
}

LIMIT_LABELS = {
    "domains_per_website": "limit_domains_per_website",
    "websites_per_submission": "limit_websites_per_submission",
    "domains_per_submission": "limit_domains_per_submission",
    "websites_per_entity": "limit_websites_per_entity",
}


# --- rule data, cached ---------------------------------------------------------

def _iso_day(text):
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def _boundaries() -> tuple:
    """Every day on which some claim starts or stops being in force."""
    data = _rules.load()
    days = set()

    def visit(rule):
        for claim in (rule or {}).get("claims", []):
            start, end = _iso_day(claim.get("from")), _iso_day(claim.get("until"))
            if start:
                days.add(start)
            if end and end < dt.date.max:
                days.add(end + dt.timedelta(days=1))

    for rule in data["national"].values():
        visit(rule)
    for province in data["provinces"].values():
        for rule in province["rules"].values():
            visit(rule)
    for entry in data["tlds"].values():
        visit(entry["rule"])
    return tuple(sorted(days))


def epoch(day: dt.date) -> int:
    """Days in the same epoch see exactly the same claims in force."""
    return bisect.bisect_right(_boundaries(), day)


class RuleView:
    """The rules of one province (or none) as in force in one epoch."""

    def __init__(self, code, day):
        data = _rules.load()
        self.data = data
        self.code = code
        self.day = day
        self.province = data["provinces"].get(code) if code else None
        self.national = data["national"]
        self.labels = data["labels"]
        self._cache = {}

    def rule(self, rule_id: str) -> dict:
        """{"id", "rule", "origin", "status", "values", "sources", "has_claims", "merge"}."""
        found = self._cache.get(rule_id)
        if found is None:
            rule, origin = _rules.effective_rule(self.province, self.national, rule_id)
            values = _rules.values_on(rule, self.day)
            if (rule or {}).get("merge") == "union":
                merged = []
                for value in values:
                    for item in value if isinstance(value, list) else [value]:
                        if item not in merged:
                            merged.append(item)
                values = [merged] if merged else []
            found = {
                "id": rule_id,
                "rule": rule,
                "origin": origin if rule is not None else None,
                "status": (rule or {}).get("status", "unknown"),
                "values": values,
                "sources": _rules.sources_on(rule, self.day),
                "has_claims": bool((rule or {}).get("claims")),
                "checked": list((rule or {}).get("checked", [])),
                "claims_in_force": [c for c in (rule or {}).get("claims", []) if _rules.in_force(c, self.day)],
            }
            self._cache[rule_id] = found
        return found

    def value(self, rule_id: str):
        """The single value in force, or None when unknown or conflicting."""
        values = self.rule(rule_id)["values"]
        return values[0] if len(values) == 1 else None

    def name(self) -> dict:
        if self.province is None:
            return {"en": "the province", "zh": "该省"}
        return self.province["name"]


# Caches keyed by epoch: any day of the epoch gives the same result, so the
# first day seen computes it. Bounded: a few hundred epochs at most.
_VIEWS: dict = {}
_TLD_TABLES: dict = {}
_STEPS: dict = {}
_CACHE_LIMIT = 4096


def _remember(cache: dict, key, make_value):
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = make_value()
    return found


def rule_view(code, day: dt.date) -> RuleView:
    """The rules of province ``code`` (None: national only) in force on ``day``."""
    return _remember(_VIEWS, (code, epoch(day)), lambda: RuleView(code, day))


def _tld_table(day: dt.date) -> dict:
    out = {}
    for suffix, entry in _rules.load()["tlds"].items():
        values = set(_rules.values_on(entry["rule"], day))
        if not values:
            continue
        status = "disputed" if len(values) > 1 else next(iter(values))
        out[suffix] = {"status": status, "sources": _rules.sources_on(entry["rule"], day)}
    return out


def tld_table(day: dt.date) -> dict:
    """Suffix -> {"status": allowed|not_allowed|disputed, "sources"} in force on ``day``."""
    return _remember(_TLD_TABLES, epoch(day), lambda: _tld_table(day))


@lru_cache(maxsize=1)
def _suffixes() -> frozenset:
    return frozenset(_rules.load()["tlds"])


def host_suffixes(host: str) -> list:
    """The public suffixes in the data that end ``host`` (for the validators)."""
    try:
        text = domain.compact(host)
        if "xn--" in text:
            text = domain.to_unicode(text)
    except ValidationError:
        return []
    labels = text.split(".")
    known = _suffixes()
    return [s for s in (".".join(labels[i:]) for i in range(len(labels))) if s in known]


@lru_cache(maxsize=64)
def _all_icp_prefixes() -> dict:
    """ICP abbreviation -> province code, from every province's claims."""
    out = {}
    for code, province in _rules.load()["provinces"].items():
        for claim in province["rules"].get("icp_prefixes", {}).get("claims", []):
            for prefix in claim["value"]:
                out.setdefault(prefix, code)
    return out


@lru_cache(maxsize=1)
def _psb_prefixes() -> dict:
    """Province code -> abbreviation for PSB numbers given without one.

    Inferred, not sourced: a province with exactly one ICP abbreviation uses
    the same one on PSB numbers. Provinces with two (蜀/川, 陇/甘, 黔/贵) are
    left out because the PSB number may use the other one.
    """
    out = {}
    for code, province in _rules.load()["provinces"].items():
        prefixes = {p for claim in province["rules"].get("icp_prefixes", {}).get("claims", [])
                    for p in claim["value"]}
        if len(prefixes) == 1:
            out[code] = next(iter(prefixes))
    return out


@lru_cache(maxsize=1)
def _preapprovals() -> dict:
    return {p["id"]: p for p in _rules.load()["preapprovals"]}


@lru_cache(maxsize=1)
def _operations() -> dict:
    return {o["id"]: o for o in _rules.load()["operations"]}


@lru_cache(maxsize=1)
def _overridable_rules() -> tuple:
    """Rule ids a province file can hold (shown as the province's rules)."""
    ids = set()
    for province in _rules.load()["provinces"].values():
        ids |= set(province["rules"])
    return tuple(sorted(ids))


# --- citations and value descriptions -------------------------------------------

def cite(source_ids) -> str:
    """Short citations for messages: "Tencent Cloud 2017; JD Cloud 2018"."""
    return _cite(tuple(source_ids or ()))


@lru_cache(maxsize=1024)
def _cite(source_ids: tuple) -> str:
    sources = _rules.load()["sources"]
    out = []
    for sid in source_ids:
        src = sources.get(sid)
        if src is None:
            label = str(sid)
        else:
            year = src.get("published", "unknown")[:4]
            label = src["publisher"] + (" " + year if year.isdigit() else "")
        if label not in out:
            out.append(label)
    return "; ".join(out)


def _ui(labels, key, lang):
    entry = labels.get("ui", {}).get(key)
    return entry[lang] if entry else key


def describe_value(rule_id, value, lang, labels) -> str:
    """One rule value in words."""
    if isinstance(value, bool):
        return _ui(labels, "yes" if value else "no", lang)
    if isinstance(value, str):
        label = labels.get("enums", {}).get(rule_id, {}).get(value)
        return label[lang] if label else value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        parts = [describe_value(rule_id, v, lang, labels) for v in value]
        if all(isinstance(v, dict) for v in value):
            return " ".join(parts)
        return ("、" if lang == "zh" else ", ").join(parts)
    if isinstance(value, dict):
        if "en" in value and "zh" in value:
            return value[lang]
        if "text" in value:
            return describe_value(rule_id, value["text"], lang, labels)
        if "name" in value:
            return describe_value(rule_id, value["name"], lang, labels)
        sep, colon = ("；", "：") if lang == "zh" else ("; ", ": ")
        return sep.join(f"{_ui(labels, LIMIT_LABELS.get(k, k), lang)}{colon}{v}" for k, v in sorted(value.items()))
    return str(value)


def describe(rule_id, values, lang, labels) -> str:
    """The values in force in words; several values are alternatives (sources conflict)."""
    if not values:
        return _ui(labels, "unknown_value", lang).rstrip(".。")
    if len(values) > 1 and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        low, high = min(values), max(values)
        return f"{low}–{high}"
    joiner = " 或 " if lang == "zh" else " or "
    return joiner.join(describe_value(rule_id, v, lang, labels) for v in values)


def sides(entry: dict, labels) -> dict:
    """What each source says, in both languages, for "verify" findings."""
    out = {}
    for lang in ("en", "zh"):
        claims = entry["claims_in_force"]
        if not claims:
            checked = cite(entry["checked"])
            if lang == "en":
                out[lang] = "no source states it" + (f" (read: {checked})" if checked else "")
            else:
                out[lang] = "现有来源均未说明" + (f"（已查阅：{checked}）" if checked else "")
            continue
        sep = "；" if lang == "zh" else "; "
        parts = [f"{describe_value(entry['id'], c['value'], lang, labels)} ({cite(c['sources'])})" for c in claims]
        out[lang] = sep.join(parts)
    return out


def _rule_name(rule_id, labels) -> dict:
    return labels.get("rules", {}).get(rule_id, {"en": rule_id, "zh": rule_id})


# --- policy: pure functions -------------------------------------------------------

def needs_filing(outcome):
    """Must the site hold an ICP filing? None while the outcome is unknown."""
    if outcome is None:
        return None
    return outcome != "no_filing"


def submits_filing(outcome) -> bool:
    """Does the applicant submit something now (a filing type or a fix first)?"""
    return outcome is not None and outcome not in FILING_OUTCOMES_WITHOUT_SUBMISSION


def commercial_licence(commercial, filing_needed):
    """Is a commercial ICP licence needed as well? (Decree 292: paid information services.)"""
    if filing_needed is False:
        return False
    if commercial is None:
        return None
    return bool(commercial) and filing_needed is not False


def psb_needed(filing_needed):
    """A filed site also files with the Public Security Bureau after launch."""
    return filing_needed


def _resident(number, today):
    """(province code, birth date) of a valid resident ID number, else None (memoised per value)."""
    key = (number, today)
    found = _RESIDENT.get(key, False)
    if found is False:
        try:
            valid = resident_id.validate(number, today=today)
            found = (valid[:2], resident_id.birth_date(valid, today=today))
        except (ValidationError, TypeError, ValueError):
            found = None
        if len(_RESIDENT) >= 1024:
            _RESIDENT.clear()
        _RESIDENT[key] = found
    return found


_RESIDENT: dict = {}


def _age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def non_local(person: dict | None, province_code, today):
    """True when the person's resident ID was issued outside the filing province.

    None when it cannot be told (no resident ID, invalid number, other documents).
    """
    if not person or not province_code:
        return None
    if person.get("id_type", "resident_id") != "resident_id" or person.get("id_number") is None:
        return None
    found = _resident(person["id_number"], today) if isinstance(person["id_number"], (str, int)) else None
    return None if found is None else found[0] != province_code


def leader_not_legal_rep(website_leader: dict | None):
    if not website_leader or "is_legal_representative" not in website_leader:
        return None
    return not website_leader["is_legal_representative"]


def multiple_domains(domains):
    if domains is None:
        return None
    return len(domains) > 1


def preapproval_condition(categories):
    if categories is None:
        return None
    return bool(categories)


# --- field checks ----------------------------------------------------------------------

def _check_person(person, prefix, ctx, findings):
    if not isinstance(person, dict):
        return
    id_type = person.get("id_type", "resident_id")
    if "id_number" in person:
        field = prefix + ".id_number"
        if id_type == "resident_id":
            filing = ctx["code"] if ctx["entity_kind"] == "individual" else None
            findings.extend(resident_id.check(person["id_number"], field=field, filing_province=filing,
                                              today=ctx["today"]))
        else:
            findings.extend(permits.check(person["id_number"], field=field, kind=id_type))
    if "mobile" in person:
        field = prefix + ".mobile"
        found = phone.check(person["mobile"], field=field, kind="mobile")
        findings.extend(found)
        if ctx["submitting"] and ctx["view"] is not None and not has_errors(found):
            entry = ctx["view"].rule("local_mobile")
            if entry["values"] == ["required"]:
                findings.append(make("province.local_mobile", field, province=ctx["view"].name(),
                                     where=field, sources=cite(entry["sources"])))
    if "landline" in person:
        findings.extend(phone.check(person["landline"], field=prefix + ".landline", kind="landline"))
    if "email" in person:
        findings.extend(email.check(person["email"], field=prefix + ".email"))


def website_name_rules(v: RuleView) -> dict:
    """The website-name validator's ``rules`` for this province and day (cached on the view)."""
    cached = v._cache.get(("website_name_rules",))
    if cached is not None:
        return cached
    min_values = [x for x in v.rule("website_name_min_length")["values"] if isinstance(x, int)]
    rules = {}
    if min_values:
        rules["min_length"] = min(min_values)

    def words(rule_id):
        out = []
        for value in v.rule(rule_id)["values"]:
            for word in value if isinstance(value, list) else []:
                if isinstance(word, str) and word not in out:
                    out.append(word)
        return out

    rules["forbidden_prefixes"] = words("website_name_forbidden_prefixes")
    rules["sensitive_words"] = words("website_name_sensitive_words")
    banned = words("personal_site_banned_words")
    suffixes = []
    for value in v.rule("personal_site_naming")["values"]:
        if isinstance(value, dict):
            banned += [w for w in value.get("banned_words", []) if w not in banned]
            suffixes += [s for s in value.get("required_suffixes", []) if s not in suffixes]
    rules["banned_personal_words"] = banned
    if suffixes:
        rules["required_suffixes_personal"] = suffixes
    keywords = {}
    for pid, pre in _preapprovals().items():
        for word in pre.get("keywords", []):
            keywords.setdefault(word, f"{pre['name']['en']} / {pre['name']['zh']}")
    rules["preapproval_keywords"] = keywords
    v._cache[("website_name_rules",)] = rules
    return rules


def _check_fields(app, ctx, findings):
    entity = app.get("entity") or {}
    if "uscc" in entity:
        found = uscc.check(entity["uscc"], field="entity.uscc")
        findings.extend(found)
        if not has_errors(found) and ctx["submitting"] and ctx["view"] is not None \
                and entity.get("kind") == "organisation":
            _org_province(entity["uscc"], ctx, findings)
    _check_person(app.get("entity_leader"), "entity_leader", ctx, findings)
    website = app.get("website") or {}
    _check_person(website.get("leader"), "website.leader", ctx, findings)
    day = ctx["day"]
    domains = website.get("domains") or []
    tlds = tld_table(day)
    for i, host in enumerate(domains):
        # Only the suffixes that end this host matter to the validator; passing
        # just those keeps the check fast. A suffix in the data with no claim in
        # force on the day stays out of the table and is reported as unknown.
        suffixes = host_suffixes(host)
        table = {s: tlds[s] for s in suffixes if s in tlds}
        findings.extend(domain.check(host, field=f"website.domains[{i}]", tlds=table, suffixes=suffixes or None,
                                     today=ctx["today"], submit_on=day))
    if "name" in website:
        v = ctx["view"] or rule_view(None, day)
        first = domains[0] if domains else None
        if first is not None and not _may_equal_domain(website["name"], first):
            first = None  # the validator's "equals the domain" test cannot match; skip its IDN work
        findings.extend(website_name.check(
            website["name"], field="website.name", domain=first,
            entity_kind=entity.get("kind", "organisation"), rules=website_name_rules(v),
            state_entity=entity.get("state_body") is True,
            suffixes=host_suffixes(first) if first else None,
        ))
    numbers = app.get("numbers") or {}
    ctx["icp_findings"], ctx["psb_findings"] = [], []
    if "icp_number" in numbers:
        v = ctx["view"]
        prefixes = None
        expected = "website"
        if v is not None and v.province is not None:
            prefixes = [p for value in v.rule("icp_prefixes")["values"] for p in value]
            if v.value("footer_number") == "entity_number":
                expected = None
        found = icp_number.check(numbers["icp_number"], field="numbers.icp_number", province_prefixes=prefixes,
                                 all_prefixes=_all_icp_prefixes(), expected=expected)
        ctx["icp_findings"] = found
        findings.extend(found)
    if "psb_number" in numbers:
        found = psb_number.check(numbers["psb_number"], field="numbers.psb_number", province_code=ctx["code"])
        ctx["psb_findings"] = found
        findings.extend(found)
    inst = app.get("instance")
    if isinstance(inst, dict) and "service_type" in inst:
        findings.extend(instance.check(inst["service_type"], inst.get("billing"), field="instance",
                                       quotas=_services()[0], requested=1, used=inst.get("used"),
                                       billing_not_allowed=_services()[1]))


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


def _org_province(code, ctx, findings):
    v = ctx["view"]
    try:
        area = uscc.province_code(code)
    except ValidationError:
        return
    if area == "10" or area == ctx["code"] or area not in PROVINCE_CODES:
        return
    entry = v.rule("org_cross_province")
    if entry["values"] == ["refused"]:
        other = PROVINCE_CODES[area]
        findings.append(make("province.org_other_province", "entity.uscc", other=other, other_code=area,
                             province=v.name(), sources=cite(entry["sources"])))


# --- province rules that depend on the applicant -------------------------------------

def _verify(findings, v, rule_id, field):
    entry = v.rule(rule_id)
    findings.append(make("province.rule_verify", field, rule=_rule_name(rule_id, v.labels), province=v.name(),
                         sides=sides(entry, v.labels)))


def _province_findings(app, ctx, findings):
    v = ctx["view"]
    kind = ctx["entity_kind"]
    entity_leader = app.get("entity_leader") or {}
    website_leader = (app.get("website") or {}).get("leader") or {}
    if kind == "individual" and ctx["conditions"].get("non_local"):
        entry = v.rule("non_local_individual")
        field = "entity_leader.id_number"
        values = entry["values"]
        if values == ["refused"]:
            findings.append(make("province.non_local_refused", field, province=v.name(),
                                 sources=cite(entry["sources"])))
        elif values == ["residence_proof"]:
            notes = [c.get("note") for c in entry["claims_in_force"] if c.get("note")]
            proof = notes[0] if notes else v.labels["enums"]["non_local_individual"]["residence_proof"]
            proof = {lang: proof[lang].rstrip(".。") for lang in ("en", "zh")}
            findings.append(make("province.non_local_residence_proof", field, province=v.name(), proof=proof,
                                 sources=cite(entry["sources"])))
        elif values == ["allowed"]:
            findings.append(make("province.non_local_allowed", field, province=v.name(),
                                 sources=cite(entry["sources"])))
        else:
            findings.append(make("province.non_local_verify", field, province=v.name(),
                                 sides=sides(entry, v.labels)))
    if kind == "organisation":
        if entity_leader.get("is_legal_representative") is False:
            entry = v.rule("leader_legal_rep")
            value = v.value("leader_legal_rep")
            if value == "required":
                findings.append(make("province.leader_must_be_legal_rep", "entity_leader.is_legal_representative",
                                     province=v.name(), sources=cite(entry["sources"])))
            elif value == "authorisation_letter":
                findings.append(make("province.leader_authorisation_letter",
                                     "entity_leader.is_legal_representative", province=v.name(),
                                     sources=cite(entry["sources"])))
            elif value is None:
                _verify(findings, v, "leader_legal_rep", "entity_leader.is_legal_representative")
        if website_leader.get("is_legal_representative") is False:
            entry = v.rule("website_leader_authorisation")
            value = v.value("website_leader_authorisation")
            if value == "required":
                findings.append(make("province.website_leader_authorisation",
                                     "website.leader.is_legal_representative", province=v.name(),
                                     sources=cite(entry["sources"])))
            elif value is None:
                _verify(findings, v, "website_leader_authorisation", "website.leader.is_legal_representative")
    _age_findings(app, ctx, findings)
    domains = (app.get("website") or {}).get("domains")
    if domains:
        _domain_count_findings(len(domains), v, findings)


def _age_findings(app, ctx, findings):
    v = ctx["view"]
    kind = ctx["entity_kind"]
    rule_id = "min_age_individual" if kind == "individual" else "min_age_org_leader"
    entry = v.rule(rule_id)
    minimums = [x for x in entry["values"] if isinstance(x, int) and not isinstance(x, bool)]
    if not minimums:
        return
    people = [("entity_leader", app.get("entity_leader")), ("website.leader", (app.get("website") or {}).get("leader"))]
    for prefix, person in people:
        if not isinstance(person, dict) or person.get("id_type", "resident_id") != "resident_id" \
                or "id_number" not in person:
            continue
        number = person["id_number"]
        found = _resident(number, ctx["today"]) if isinstance(number, (str, int)) else None
        if found is None:
            continue
        age = _age_on(found[1], ctx["day"])
        who = WHO["applicant"] if kind == "individual" and prefix == "entity_leader" else WHO[prefix]
        field = prefix + ".id_number"
        if age < min(minimums):
            findings.append(make("province.too_young", field, who=who, age=age, day=ctx["day"],
                                 province=v.name(), min=min(minimums), sources=cite(entry["sources"])))
        elif age < max(minimums):
            findings.append(make("province.age_verify", field, who=who, age=age, day=ctx["day"],
                                 province=v.name(), sides=sides(entry, v.labels)))


def _domain_count_findings(count, v, findings):
    entry = v.rule("domain_certificate")
    thresholds = [x for x in entry["values"] if isinstance(x, int) and not isinstance(x, bool)]
    if thresholds and count >= min(thresholds):
        findings.append(make("province.domain_certificate", "website.domains", count=count, min=min(thresholds),
                             province=v.name(), sources=cite(entry["sources"])))
    entry = v.rule("domain_limits")
    for value in entry["values"]:
        if not isinstance(value, dict):
            continue
        for key in ("domains_per_website", "domains_per_submission"):
            limit = value.get(key)
            if isinstance(limit, int) and count > limit:
                what = {lang: _ui(v.labels, LIMIT_LABELS[key], lang) for lang in ("en", "zh")}
                findings.append(make("province.domain_limit", "website.domains", limit=limit, what=what,
                                     count=count, province=v.name(), sources=cite(entry["sources"])))
                break


# --- classification ------------------------------------------------------------------------

def _answers(app) -> dict:
    answers = dict(app.get("answers") or {})
    entity = app.get("entity")
    if isinstance(entity, dict) and "kind" in entity:
        answers["entity_kind"] = entity["kind"]
    return answers


def _answer_field(question_id) -> str:
    return "entity.kind" if question_id == "entity_kind" else f"answers.{question_id}"


def _classification_findings(app, walk, graph, findings):
    if walk.outcome is None:
        if walk.reason in ("missing", "invalid"):
            question = graph["questions"][walk.stopped_at]["text"]
            findings.append(make("flow.answer_missing", _answer_field(walk.stopped_at), question=question,
                                 path=_answer_field(walk.stopped_at)))
        else:
            findings.append(make("flow.broken", "answers", node=str(walk.stopped_at)))
    for q in walk.unused:
        if q in graph["questions"] and q != "entity_kind":
            findings.append(make("flow.answer_unused", _answer_field(q), path=_answer_field(q)))
    answers = dict(walk.path)
    services = app.get("cloud_services") or []
    if answers.get("server_location") == "outside_mainland":
        if answers.get("mainland_acceleration") == "yes":
            findings.append(make("engine.acceleration_needs_filing", "answers.mainland_acceleration",
                                 sources=cite(graph["questions"]["mainland_acceleration"].get("sources"))))
        elif answers.get("mainland_acceleration") == "no" and services:
            names = [_services()[3][s]["name"] for s in sorted(set(services))]
            findings.append(make("engine.acceleration_mismatch", "answers.mainland_acceleration",
                                 services={"en": ", ".join(n["en"] for n in names),
                                           "zh": "、".join(n["zh"] for n in names)}))
    if needs_filing(walk.outcome):
        for service in sorted(set(services)):
            entry = _services()[3][service]
            findings.append(make("engine.cloud_service", "cloud_services", service=entry["name"],
                                 requirement=entry["requirement"], sources=cite(entry["sources"])))
    if walk.outcome == "domain_other_entity":
        findings.append(make("engine.domain_other_entity", "answers.domain_filed",
                             sources=cite(graph["outcomes"]["domain_other_entity"].get("sources"))))


def _preapproval_list(app, ctx, website_findings, lang, findings):
    declared = sorted(set(app.get("content_categories") or []))
    suggested = {}
    for f in website_findings:
        if f.code == "website_name.preapproval_keyword":
            word = f.param("word")
            for pid, pre in _preapprovals().items():
                if word in pre.get("keywords", []):
                    suggested.setdefault(pid, []).append(word)
    out = []
    kind = ctx["entity_kind"]
    individual_rule = ctx["view"].rule("individual_preapproval") if ctx["view"] is not None else None
    for pid in sorted(set(declared) | set(suggested)):
        pre = _preapprovals()[pid]
        out.append({
            "id": pid,
            "name": pre["name"][lang],
            "status": pre["status"],
            "authority": pre["authority"][lang],
            "document": pre["document"][lang] if "document" in pre else None,
            "declared": pid in declared,
            "keywords_found": sorted(set(suggested.get(pid, []))),
            "sources": list(pre["sources"]),
        })
        if pid not in declared or ctx["filing_needed"] is False:
            continue
        category = pre["name"]
        if kind == "individual" and pre["status"] == "required" and individual_rule is not None \
                and "not_possible" in individual_rule["values"]:
            findings.append(make("engine.preapproval_individual", "content_categories", category=category,
                                 sources=cite(individual_rule["sources"])))
        elif pre["status"] == "required":
            findings.append(make("engine.preapproval_required", "content_categories", category=category,
                                 document=pre.get("document", {"en": "the approval", "zh": "审批文件"}),
                                 authority=pre["authority"], sources=cite(pre["sources"])))
        else:
            findings.append(make("engine.preapproval_cancelled", "content_categories", category=category,
                                 sources=cite(pre["sources"])))
    return out


# --- steps and province rules -----------------------------------------------------------

def _all_steps(v: RuleView, entity_kind):
    """``steps.select`` with every condition unknown, once per province, epoch and entity.

    Deciding conditions afterwards (:func:`apply_conditions`) gives exactly
    what ``steps.select`` returns when given the conditions (see
    tests/checker/test_engine.py); selecting once per epoch keeps batches fast.
    """
    def compute():
        data = _rules.load()
        return _steps.select(data["steps"], v.province, data["national"], entity_kind, v.day, None)
    return _remember(_STEPS, (v.code, epoch(v.day), entity_kind), compute)


def apply_conditions(selected: list, conditions: dict) -> list:
    """The selection ``steps.select(..., conditions)`` would make, from the one made with None."""
    out = []
    for sel in selected:
        condition = sel["step"].get("only_if")
        if condition:
            decided = conditions.get(condition)
            if decided is False:
                continue
            sel = dict(sel, conditional=decided is None)
        out.append(sel)
    return out


def steps_for(v: RuleView, entity_kind, conditions: dict, lang, phases=None) -> list:
    """The ordered steps as output dicts for the decided ``conditions``.

    Rendering is cached on the view per entity and language; callers get copies.
    """
    cache_key = ("steps", entity_kind, lang)
    rendered = v._cache.get(cache_key)
    if rendered is None:
        rendered = v._cache[cache_key] = [(sel["step"], _render_step(v, sel, lang)) for sel in
                                          _all_steps(v, entity_kind)]
    out = []
    for step, item in rendered:
        if item is None or (phases is not None and item["phase"] not in phases):
            continue
        condition = step.get("only_if")
        if condition:
            decided = conditions.get(condition)
            if decided is False:
                continue
            if decided is not None:
                item = dict(item, conditional=False, condition=None)
        out.append(dict(item, sources=list(item["sources"])))
    return out


def _render_step(v: RuleView, sel, lang):
    """The output dict of one selected step (conditions unknown), or None if not in force."""
    step = sel["step"]
    rule = step.get("rule")
    values = []
    if rule is not None:
        entry = v.rule(rule)
        if entry["has_claims"] and not entry["values"]:
            return None  # the rule exists but is not in force on this day
        values = entry["values"]
    text = step["text"][lang]
    if rule is not None and not values:
        # Nobody has documented this rule here: say so rather than guess
        # (the same wording as the printable checklists).
        colon = "：" if lang == "zh" else ": "
        text = _rule_name(rule, v.labels)[lang] + colon + _ui(v.labels, "unknown_value", lang)
    elif "{value}" in text:
        text = text.replace("{value}", describe(rule, values, lang, v.labels))
    condition = step.get("only_if") if sel["conditional"] else None
    return {
        "id": step["id"],
        "phase": sel["phase"]["id"],
        "text": text,
        "sources": list(sel["sources"]),
        "conditional": sel["conditional"],
        "condition": _condition_text(condition, lang) if condition else None,
    }


def _condition_text(condition, lang):
    entry = _rules.load()["steps"].get("conditions", {}).get(condition)
    return entry[lang] if entry else condition


def province_rules(v: RuleView, lang) -> list:
    """The province's rules in force, by rule id (cached on the view; callers get copies)."""
    cached = v._cache.get(("province_rules", lang))
    if cached is None:
        cached = v._cache[("province_rules", lang)] = _province_rules(v, lang)
    return [dict(rule, sources=list(rule["sources"])) for rule in cached]


def _province_rules(v: RuleView, lang) -> list:
    out = []
    ids = set(_overridable_rules()) | set((v.province or {}).get("rules", {}))
    for rule_id in sorted(ids):
        entry = v.rule(rule_id)
        if entry["rule"] is None:
            continue
        out.append({
            "rule": rule_id,
            "name": _rule_name(rule_id, v.labels)[lang],
            "origin": entry["origin"],
            "status": entry["status"],
            "values": entry["values"],
            "text": describe(rule_id, entry["values"], lang, v.labels),
            "sources": list(entry["sources"]),
        })
    return out


# --- the whole check --------------------------------------------------------------------------

def _date(app, key):
    text = (app.get("dates") or {}).get(key)
    try:
        return dt.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _sorted_findings(findings) -> list:
    seen, out = set(), []
    for f in findings:
        key = (f.code, f.field, f.message_en)
        if key not in seen:
            seen.add(key)
            out.append(f)
    out.sort(key=lambda f: (SEVERITY_RANK.get(f.severity, 3), f.field, f.code, f.message_en))
    return out


def run(app: dict, lang: str = "en", today: dt.date | None = None) -> tuple[dict, list]:
    """(report without findings, findings) for a schema-valid application."""
    lang = lang_code(lang)
    today = today or dt.date.today()
    data = _rules.load()
    graph = data["flow"]
    findings = []

    submit = _date(app, "submit")
    launch = _date(app, "launch")
    day = submit or today
    code = app.get("province")
    walk = _flow.walk(graph, _answers(app))
    outcome = walk.outcome
    filing_needed = needs_filing(outcome)
    submitting = submits_filing(outcome) or outcome is None
    entity_kind = (app.get("entity") or {}).get("kind")
    v = rule_view(code, day) if code else None
    website = app.get("website") or {}
    conditions = {
        "non_local": (non_local(app.get("entity_leader"), code, today) if entity_kind == "individual" else False),
        "multiple_domains": multiple_domains(website.get("domains")),
        "preapproval": preapproval_condition(app.get("content_categories")),
        "leader_not_legal_rep": leader_not_legal_rep(website.get("leader")),
        "commercial": app.get("commercial"),
    }
    ctx = {
        "code": code, "view": v, "day": day, "today": today, "entity_kind": entity_kind,
        "submitting": submitting and filing_needed is not False, "filing_needed": filing_needed,
        "conditions": conditions,
    }

    _classification_findings(app, walk, graph, findings)
    if filing_needed and code is None:
        findings.append(make("engine.province_missing", "province"))
    if submit is not None and submit < today:
        findings.append(make("timeline.submit_past", "dates.submit", submit=submit))

    field_findings = []
    _check_fields(app, ctx, field_findings)
    findings.extend(field_findings)
    if v is not None and ctx["submitting"] and entity_kind in ("organisation", "individual"):
        _province_findings(app, ctx, findings)

    rules_view = v or rule_view(None, day)
    commercial = commercial_licence(app.get("commercial"), filing_needed)
    if commercial and filing_needed:
        decree = ["decree_292", "tencent_faq_commercial"]
        if entity_kind == "individual":
            findings.append(make("engine.commercial_individual", "commercial", sources=cite(decree)))
        else:
            findings.append(make("engine.commercial_licence", "commercial", sources=cite(decree)))
    preapprovals = _preapproval_list(app, ctx, field_findings, lang, findings)

    psb_entry = rules_view.rule("psb_deadline_days")
    psb_days = rules_view.value("psb_deadline_days")
    deadline = _timeline.psb_deadline(launch, psb_days) if filing_needed else None
    if filing_needed:
        if deadline is not None:
            findings.append(make("engine.psb_deadline", "dates.launch", days=psb_days, deadline=deadline,
                                 sources=cite(psb_entry["sources"])))
        elif isinstance(psb_days, int):
            findings.append(make("engine.psb_needed", "dates.launch", days=psb_days,
                                 sources=cite(psb_entry["sources"])))

    timeline = None
    if ctx["submitting"] and outcome is not None:
        tv = rules_view
        min_age = tv.value("domain_min_age_days")
        ages = [x for x in tv.rule("domain_min_age_days")["values"] if isinstance(x, int)]
        if min_age is None and ages:
            min_age = max(ages)
        wait = tv.value("real_name_wait_working_days")
        timeline, tfindings = _timeline.compute(
            registered=_date(app, "domain_registered"), real_name=_date(app, "real_name_verified"),
            submit=submit, launch=launch, today=today,
            real_name_wait=wait if isinstance(wait, int) else None,
            domain_min_age=min_age,
            provider_review=tv.rule("provider_review_working_days")["values"],
            bureau_review=tv.rule("bureau_review_working_days")["values"],
            psb_days=psb_days,
            rule_sources={"unreachable_before_approval": cite(tv.rule("unreachable_before_approval")["sources"])},
        )
        findings.extend(tfindings)

    steps = []
    if v is not None and entity_kind in ("organisation", "individual") and filing_needed:
        phases = None if ctx["submitting"] else ("after",)
        steps = steps_for(v, entity_kind, conditions, lang, phases)

    footer_html = None
    numbers = app.get("numbers") or {}
    if "icp_number" in numbers:
        footer_view = v or rules_view
        footer_entry = footer_view.rule("footer_number")
        footer_html, ffindings = _footer.snippet(
            numbers["icp_number"], numbers.get("psb_number"),
            footer_number=footer_view.value("footer_number"),
            link=footer_view.value("footer_link"),
            psb_prefixes=_psb_prefixes(),
            icp_findings=ctx["icp_findings"], psb_findings=ctx["psb_findings"],
            province_name=footer_view.name(), footer_sources=[cite(footer_entry["sources"])],
        )
        findings.extend(ffindings)

    operation = graph["outcomes"][outcome]["operation"] if outcome else None
    outcome_node = graph["outcomes"].get(outcome) if outcome else None
    outcome_sources = []
    if outcome_node:
        outcome_sources = list(outcome_node.get("sources", []))
        if outcome_node.get("rule"):
            outcome_sources += [s for s in rules_view.rule(outcome_node["rule"])["sources"]
                                if s not in outcome_sources]
    report = {
        "classification": {
            "needs_filing": filing_needed,
            "outcome": outcome,
            "outcome_text": outcome_node["text"][lang] if outcome_node else None,
            "operation": operation,
            "operation_name": _operations()[operation]["name"][lang] if operation in _operations() else None,
            "sources": outcome_sources,
            "path": [{"question": q, "answer": a} for q, a in walk.path],
            "commercial_licence": commercial,
            "preapprovals": preapprovals,
            "psb": {"needed": psb_needed(filing_needed), "days": psb_days if filing_needed else None,
                    "deadline": deadline.isoformat() if deadline else None},
        },
        "province": ({"code": code, "name": v.name()[lang]} if v is not None and v.province else None),
        "rules_date": day.isoformat(),
        "province_rules": province_rules(v, lang) if v is not None and filing_needed is not False else [],
        "steps": steps,
        "timeline": timeline,
        "footer_html": footer_html,
    }
    return report, _sorted_findings(findings)
