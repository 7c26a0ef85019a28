"""Tests for checker.validators.instance.

The quota and billing data are fixtures mirroring seed 004 (Alibaba Cloud,
"Check the instance and access information"): ECS / Simple Application
Server up to five numbers per instance, LinkedMall two, IoT Studio one;
pay-as-you-go ECS cannot be used.
"""

import pytest

from checker.validators import InvalidComponent, instance

QUOTAS = {"ecs": 5, "cloud_web_hosting": 5, "simple_application_server": 5, "ens": 5, "linkedmall": 2, "iot_studio": 1}
NOT_ALLOWED = {"ecs": ["pay_as_you_go"]}


def codes(findings):
    return [f.code for f in findings]


def test_compact_normalises_service_type():
    assert instance.compact("Simple Application Server") == "simple_application_server"
    assert instance.compact(" IoT-Studio ") == "iot_studio"


@pytest.mark.parametrize("billing", ["pay_as_you_go", "Pay-as-you-go", "按量付费", "postpaid"])
def test_pay_as_you_go_ecs_is_error(billing):
    findings = instance.check("ECS", billing, quotas=QUOTAS, billing_not_allowed=NOT_ALLOWED)
    assert codes(findings) == ["instance.billing_not_allowed"]
    assert findings[0].severity == "error"
    with pytest.raises(InvalidComponent):
        instance.validate("ECS", billing, quotas=QUOTAS, billing_not_allowed=NOT_ALLOWED)


def test_subscription_ecs_is_fine():
    assert instance.check("ecs", "包年包月", quotas=QUOTAS, billing_not_allowed=NOT_ALLOWED, requested=5) == []


def test_pay_as_you_go_other_service_not_flagged():
    assert instance.check("simple_application_server", "pay_as_you_go", quotas=QUOTAS, billing_not_allowed=NOT_ALLOWED) == []


def test_billing_rule_only_from_data():
    assert instance.check("ecs", "pay_as_you_go", quotas=QUOTAS) == []


def test_quota_exceeded():
    findings = instance.check("linkedmall", quotas=QUOTAS, requested=3)
    assert codes(findings) == ["instance.quota_exceeded"]
    assert findings[0].param("quota") == 2


def test_quota_counts_used_numbers():
    assert codes(instance.check("iot_studio", quotas=QUOTAS, requested=1, used=1)) == ["instance.quota_exceeded"]
    assert instance.check("ecs", quotas=QUOTAS, requested=2, used=3) == []


def test_unknown_service_type_is_warning():
    findings = instance.check("lightsail", quotas=QUOTAS)
    assert codes(findings) == ["instance.service_type_unknown"]
    assert findings[0].severity == "warning"


def test_no_quota_data_no_findings():
    assert instance.check("anything", requested=100) == []


def test_invalid_requested_is_warning():
    assert codes(instance.check("ecs", quotas=QUOTAS, requested="two")) == ["instance.requested_invalid"]
    assert codes(instance.check("ecs", quotas=QUOTAS, requested=-1)) == ["instance.requested_invalid"]


def test_empty_service_type():
    assert codes(instance.check("")) == ["instance.empty"]
    assert codes(instance.check(None)) == ["instance.empty"]


def test_messages_do_not_name_a_provider():
    findings = instance.check("ECS", "pay_as_you_go", billing_not_allowed=NOT_ALLOWED)
    assert "Alibaba" not in findings[0].message_en and "阿里" not in findings[0].message_zh
