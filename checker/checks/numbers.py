"""Numbers a filed site already has: the ICP number and the PSB number, and
the footer snippet built from them under the province's footer rule."""
from __future__ import annotations

from checker import footer, ruleset, words
from checker.validators import icp_number, psb_number

READS = frozenset({"icp_prefixes", "footer_number", "footer_link", "service_number_suffixes"})
SERVICE_KINDS = ("app", "mini_program", "quick_app")  # the keys of service_number_suffixes' value


def service_suffixes(rules) -> dict:
    """Letter after the sequence number -> kind of service ("" is a website's, which has none)."""
    found = {"": "website"}
    for value in rules.rule("service_number_suffixes")["values"]:
        found.update({value[kind]: kind for kind in SERVICE_KINDS if kind in value})
    return found


def icp_findings(rules, value, field, service=None) -> list:
    """Findings for an ICP number given for ``service`` (None: the website's own field)."""
    prefixes, expected = None, "website" if service in (None, "website") else None
    if rules.province is not None:
        prefixes = [p for found in rules.rule("icp_prefixes")["values"] for p in found]
        if expected and rules.value("footer_number") == "entity_number":
            expected = None  # the entity number (without -n) is what this province shows
    return icp_number.check(value, field=field, province_prefixes=prefixes,
                            all_prefixes=ruleset.all_icp_prefixes(), expected=expected,
                            suffixes=service_suffixes(rules), service_expected=service)


def _validated(case, rules) -> tuple[list, list]:
    found = case.memo.get("numbers")
    if found is None:
        icp = icp_findings(rules, case.numbers["icp_number"], "numbers.icp_number", service="website") \
            if "icp_number" in case.numbers else []
        psb = psb_number.check(case.numbers["psb_number"], field="numbers.psb_number", province_code=case.province) \
            if "psb_number" in case.numbers else []
        found = case.memo["numbers"] = (icp, psb)
    return found


def snippet(case, rules) -> tuple:
    """(footer HTML or None, findings) for the numbers given (memoised on the case)."""
    found = case.memo.get("footer")
    if found is None:
        found = (None, [])
        if "icp_number" in case.numbers:
            icp, psb = _validated(case, rules)
            found = footer.snippet(
                case.numbers["icp_number"], case.numbers.get("psb_number"),
                footer_number=rules.value("footer_number"), link=_first(rules.rule("footer_link")["values"]),
                psb_prefixes=ruleset.psb_prefixes(), icp_findings=icp, psb_findings=psb,
                province_name=rules.name(), footer_sources=[words.cite(rules.rule("footer_number")["sources"])],
            )
        case.memo["footer"] = found
    return found


def _first(values):
    return values[0] if values else None


def check(case, rules) -> list:
    icp, psb = _validated(case, rules)
    return icp + psb + snippet(case, rules)[1]
