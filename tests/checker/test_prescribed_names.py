"""A province that prescribes personal-site names wins over the national list of banned words."""
import pytest

from checker import api, rules
from tests.checker.helpers import TODAY, app, codes


def _personal(province, name):
    application = app(province, kind="individual")
    application["website"]["name"] = name
    return api.check(application, today=TODAY)


@pytest.mark.parametrize("name", ["张伟的个人博客", "张伟的个人主页"])
def test_jiangsu_prescribed_personal_names_are_accepted(name):
    report = _personal("32", name)
    name_codes = [f["code"] for f in report["findings"] if f["field"] == "website.name"]
    assert "website_name.banned_personal_word" not in name_codes
    assert "website_name.personal_suffix" not in name_codes
    assert "province.naming_prescribed" in name_codes  # says the province wins, naming both sources
    message = [f for f in report["findings"] if f["code"] == "province.naming_prescribed"][0]["message"]
    publishers = {rules.load()["sources"][s]["publisher"] for s in ("qingcloud_site_name", "xinnet_naming")}
    assert "Jiangsu" in message and any(p in message for p in publishers)


def test_the_same_name_elsewhere_still_meets_the_national_list():
    assert "website_name.banned_personal_word" in codes(_personal("51", "张伟的个人博客"))


def test_jiangsu_still_requires_the_prescribed_ending():
    assert "website_name.personal_suffix" in codes(_personal("32", "张伟的读书笔记"))


def test_the_field_check_agrees():
    found = api.field("website-name", "张伟的个人博客", {"province": "32", "entity": "individual"})
    assert not [f for f in found["findings"] if f["severity"] == "error"]
