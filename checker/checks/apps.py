"""Apps, mini-programs and quick apps in the application (``apps``): every
identifier checked by its validator, each number checked for the kind of
service it was given for, and a website filing that would leave its app unfiled.

Which platform needs which fingerprint, and which letter marks which kind of
service, is the validators' and the data's (national rule
``service_number_suffixes``, read through :mod:`checker.checks.numbers`).
"""
from __future__ import annotations

from checker import footer, policy, words
from checker.checks import numbers, website
from checker.findings import make
from checker.validators import android_package, cert_fingerprint, harmony_bundle, icp_number, ios_bundle_id

READS = numbers.READS | {"app_filing"}
WEBSITE_ONLY = frozenset({"domain.subdomain", "domain.www_prefix"})

# platform -> (the field of its identifier, the validator of that identifier)
PLATFORMS = {
    "android": ("package", android_package),
    "ios": ("bundle_id", ios_bundle_id),
    "harmonyos": ("bundle_name", harmony_bundle),
}


def _platform(entry, where, platform) -> list:
    key, validator = PLATFORMS[platform]
    findings = []
    if key in entry:
        findings += validator.check(entry[key], field=f"{where}.{key}")
    if "fingerprint" in entry:
        findings += cert_fingerprint.check(entry["fingerprint"], field=f"{where}.fingerprint", platform=platform)
    return findings


def _one(case, rules, app, where) -> list:
    findings = []
    for platform in PLATFORMS:
        if isinstance(app.get(platform), dict):
            findings += _platform(app[platform], f"{where}.{platform}", platform)
    for n, host in enumerate(app.get("domains") or []):
        # An app files its domains down to the level it uses, so "sub-domains are covered by
        # the registered domain" (true of websites) is left out.
        findings += [f for f in website.domain_findings(host, f"{where}.domains[{n}]", case.day, case.today,
                                                        submit_on=case.submitting)
                     if f.code not in WEBSITE_ONLY]
    if "icp_number" in app:
        findings += _number_findings(case, rules, app, where)
    return findings


def _number_findings(case, rules, app, where) -> list:
    """The app's own number checked for its kind of service (memoised: the check and the snippet use it)."""
    key = ("app_number", where)
    found = case.memo.get(key)
    if found is None:
        found = case.memo[key] = numbers.icp_findings(rules, app["icp_number"], f"{where}.icp_number",
                                                      service=app.get("kind", "app"))
    return found


def display(case, rules) -> list:
    """[{"name", "number", "html"}]: how each app with a valid number of its own shows it."""
    link = next(iter(rules.rule("footer_link")["values"]), None)
    out = []
    for n, app in enumerate(case.app.get("apps") or []):
        number = app.get("icp_number")
        if number is None:
            continue
        found = _number_findings(case, rules, app, f"apps[{n}]")
        if any(f.severity == "error" or f.code == "icp_number.service_mismatch" for f in found):
            continue  # no snippet for a number that is not this app's
        out.append({"name": app.get("name"), "number": icp_number.format(number),
                    "html": footer.app_snippet(number, link)})
    return out


def check(case, rules) -> list:
    apps = case.app.get("apps") or []
    findings = []
    for n, app in enumerate(apps):
        findings += _one(case, rules, app, f"apps[{n}]")
    unfiled = [app for app in apps if "icp_number" not in app]
    if unfiled and policy.service(case) == "website" and case.filing_needed:
        # The case files a website; the app listed with it needs a filing of its own.
        findings.append(make("apps.website_filing_not_app", "answers.service",
                             sources=words.cite(rules.rule("app_filing")["sources"])))
    return findings
