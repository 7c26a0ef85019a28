"""window.icpChecker gives the same JSON as `icp-check … --json` and checker.api."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import open_checker
from tests.pyodide import cases as conformance

pytestmark = pytest.mark.browser

ICP_CHECK = Path(sys.executable).with_name("icp-check")


def cli(*args, stdin=None):
    proc = subprocess.run([str(ICP_CHECK), *args], input=stdin, capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1, 2), proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]


def applications():
    apps = [app for _, app in conformance.outcome_applications()]
    return apps + [a for a in conformance.full_applications() if isinstance(a, dict)]


FIELD_CALLS = [
    # kind, value, CLI options, context
    ("uscc", conformance.valid_uscc(), [], None),
    ("uscc", "91510100MA61234567", ["--province", "51"], {"province": "51"}),
    ("resident-id", conformance.valid_resident_id("51010419900101123"), ["--province", "44", "--entity", "individual"],
     {"province": "44", "entity": "individual"}),
    ("resident-id", "51010419901301123X", [], None),
    ("mobile", "1380013800", [], None),
    ("mobile", "13800138000", ["--province", "11"], {"province": "11"}),
    ("email", "admin@@example.com", [], None),
    ("domain", "example.invalidtld", [], None),
    ("domain", "例子.中国", [], None),
    ("website-name", "Example", ["--domain", "example.com", "--entity", "individual"],
     {"domain": "example.com", "entity": "individual"}),
    ("website-name", "<script>alert(1)</script>", [], None),
    ("icp-number", "京ICP备12345678号-1", ["--province", "51"], {"province": "51"}),
    ("psb-number", "川公网安备 51010402000001号", ["--province", "51"], {"province": "51"}),
    ("no-such-kind", "x", [], None),
]


def page_checks(page, apps):
    return page.evaluate("apps => Promise.all(apps.map((a) => window.icpChecker.check(a)))", apps)


def page_fields(page, calls):
    return page.evaluate(
        "calls => Promise.all(calls.map(([k, v, c]) => window.icpChecker.field(k, v, c)))", calls)


def test_check_matches_the_cli(ready_page):
    apps = applications()
    want = cli("check", "-", "--json", stdin="".join(json.dumps(a, ensure_ascii=False) + "\n" for a in apps))
    assert len(want) == len(apps)
    got = page_checks(ready_page, apps)
    for app, w, g in zip(apps, want, got):
        assert g == w, json.dumps(app, ensure_ascii=False)


def test_field_matches_the_cli(ready_page):
    want = [cli("field", kind, value, *opts, "--json")[0] for kind, value, opts, _ in FIELD_CALLS]
    got = page_fields(ready_page, [[kind, value, ctx] for kind, value, _, ctx in FIELD_CALLS])
    for call, w, g in zip(FIELD_CALLS, want, got):
        assert g == w, call


def test_odd_values_match_checker_api_in_process(ready_page):
    from checker import api
    apps = [None, ["not", "an", "object"], {"format": "icp-application/1", "answers": {}, "bogus": 1}, 42]
    got = page_checks(ready_page, apps)
    assert got == [json.loads(json.dumps(api.check(a), ensure_ascii=False)) for a in apps]
    calls = [["uscc", 9151010012345678, None], ["mobile", None, None], ["email", ["x"], None],
             ["domain", "example.com", {"bogus": 1}], ["uscc", "x", "not a dict"]]
    got = page_fields(ready_page, calls)
    assert got == [json.loads(json.dumps(api.field(k, v, c), ensure_ascii=False)) for k, v, c in calls]


def test_zh_page_answers_in_chinese_like_the_cli(page, site_url):
    open_checker(page, site_url + "/zh/checker/")
    apps = applications()[:6]
    want = cli("check", "-", "--json", "--lang", "zh",
               stdin="".join(json.dumps(a, ensure_ascii=False) + "\n" for a in apps))
    assert page_checks(page, apps) == want
    kind, value, opts, ctx = FIELD_CALLS[1]
    assert page_fields(page, [[kind, value, ctx]]) == cli("field", kind, value, *opts, "--json", "--lang", "zh")


def test_api_shape_and_ready_promise(ready_page):
    page = ready_page
    assert page.evaluate("Object.keys(window.icpChecker).sort()") == ["check", "field", "ready"]
    assert page.evaluate("window.icpChecker.ready.then(() => 'ok')") == "ok"
    r = page.evaluate("window.icpChecker.field('uscc', '123')")
    assert set(r) == {"ok", "usable", "kind", "value", "findings"}
