"""Provider tables live in the data; the application schema must offer the same ids."""
import json
from pathlib import Path

from checker import api, rules

ROOT = Path(__file__).resolve().parents[2]


def test_cloud_service_ids_match_the_application_schema():
    schema = json.loads((ROOT / "checker/schema/application.schema.json").read_text(encoding="utf-8"))
    offered = set(schema["properties"]["cloud_services"]["items"]["enum"])
    assert offered == {s["id"] for s in rules.load()["services"]["cloud_services"]}


def test_pay_as_you_go_ecs_cannot_get_a_service_number():
    report = api.field("uscc", "91350100M0001TGQXM")  # any field call loads the rules
    assert report["findings"]
    app = {"format": "icp-application/1", "province": "11",
           "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
           "entity": {"kind": "organisation"},
           "instance": {"service_type": "ecs", "billing": "pay_as_you_go"}}
    codes = {f["code"] for f in api.check(app)["findings"]}
    assert "instance.billing_not_allowed" in codes
    app["instance"]["billing"] = "subscription"
    assert "instance.billing_not_allowed" not in {f["code"] for f in api.check(app)["findings"]}
