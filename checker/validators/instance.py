"""Hosting instance and service identification numbers (服务标识号 / 备案服务号).

A filing through a cloud provider needs an eligible instance in mainland
China with an unused service identification number. Which service types
and billing modes qualify, and how many numbers each instance provides, is
provider policy, so it is passed in. Example of such data, from Alibaba
Cloud's "Check the instance and access information" page (seed 004):
ECS, Cloud Web Hosting, Simple Application Server and ENS instances provide
up to five numbers each, LinkedMall two per mall, IoT Studio one; a
pay-as-you-go ECS instance cannot be used to apply for them; a number
once used stays used even after the service is cancelled.

The engine passes that as::

    quotas={"ecs": 5, "simple_application_server": 5, ...}
    billing_not_allowed={"ecs": ["pay_as_you_go"]}
"""

from __future__ import annotations

import re

from checker.findings import label, make
from checker.validators import (
    InvalidComponent,
    ValidationError,
    as_text,
    normalise,
    per_object,
    safe_check,
)

# Spellings users and providers use for the two billing modes; vocabulary,
# not policy.
_BILLING_SYNONYMS = {
    "pay_as_you_go": "pay_as_you_go", "payg": "pay_as_you_go", "postpaid": "pay_as_you_go",
    "postpay": "pay_as_you_go", "按量付费": "pay_as_you_go", "按需付费": "pay_as_you_go",
    "subscription": "subscription", "prepaid": "subscription", "prepay": "subscription",
    "包年包月": "subscription",
}


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", normalise(text).strip().lower())


def compact(value) -> str:
    """Normalised service-type key: "Simple Application Server" -> "simple_application_server"."""
    return _key(as_text(value, "instance", max_chars=200))


def normalise_billing(billing):
    """"pay_as_you_go", "subscription", another normalised key, or None."""
    if not isinstance(billing, str) or not billing.strip() or len(billing) > 200:
        return None
    key = _key(billing)
    return _BILLING_SYNONYMS.get(key, key)


_KEYED: dict = {}


def _keyed(mapping) -> dict:
    """``mapping`` with normalised keys, once per provider table (see :func:`per_object`)."""
    if not isinstance(mapping, dict):
        return {}
    return per_object(_KEYED, mapping, lambda m: {_key(k): v for k, v in m.items()
                                                  if isinstance(k, str) and len(k) <= 200}, limit=64)


def _count(value):
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return None


def _findings(service_type, billing, field, quotas, requested, used, billing_not_allowed, names=None):
    service = compact(service_type)
    mode = normalise_billing(billing)
    findings = []
    # Readers see the product's name (from the engine's data) and the billing mode's word, not ids.
    shown = _keyed(names).get(service, service)
    banned = _keyed(billing_not_allowed).get(service)
    if mode is not None and isinstance(banned, (list, tuple, set, frozenset)):
        if mode in {normalise_billing(b) for b in banned}:
            findings.append(make("instance.billing_not_allowed", field, service_type=shown,
                                 billing=label("billing_modes", mode)))
    table = _keyed(quotas)
    if quotas is not None and service not in table:
        findings.append(make("instance.service_type_unknown", field, service_type=service))
    quota = _count(table.get(service))
    if requested is not None and _count(requested) is None:
        findings.append(make("instance.requested_invalid", field))
    elif quota is not None and _count(requested) is not None:
        total = _count(requested) + (_count(used) or 0)
        if total > quota:
            findings.append(make("instance.quota_exceeded", field, service_type=shown,
                                 requested=total, quota=quota))
    return findings


def validate(service_type, billing=None, quotas=None, requested=None, used=None, billing_not_allowed=None) -> str:
    """Return the normalised service type or raise for the first error."""
    for finding in _findings(service_type, billing, "instance", quotas, requested, used, billing_not_allowed):
        if finding.severity == "error":
            raise InvalidComponent(finding.code, **dict(finding.params))
    return compact(service_type)


def is_valid(service_type, billing=None, quotas=None, requested=None, used=None, billing_not_allowed=None) -> bool:
    try:
        return bool(validate(service_type, billing, quotas, requested, used, billing_not_allowed))
    except ValidationError:
        return False


def format(value) -> str:  # noqa: A001 - stdnum naming
    return compact(value)


@safe_check
def check(
    service_type,
    billing=None,
    field="instance",
    quotas=None,
    requested=None,
    used=None,
    billing_not_allowed=None,
    names=None,
    **context,
) -> list:
    """Findings for the hosting instance; never raises.

    ``quotas``: service type -> maximum identification numbers per instance;
    ``requested``: numbers this filing needs (websites/apps);
    ``used``: numbers of this instance already used;
    ``billing_not_allowed``: service type -> billing modes that cannot get
    identification numbers; ``names``: service type -> its {en, zh} name.
    Provider names and sources stay with the engine's data; messages only
    say "your provider".
    """
    try:
        compact(service_type)
    except ValidationError as exc:
        return [exc.finding(field)]
    return _findings(service_type, billing, field, quotas, requested, used, billing_not_allowed, names)

