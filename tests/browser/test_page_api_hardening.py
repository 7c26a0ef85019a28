"""window.icpChecker settles every call: input JSON cannot carry, or beyond the
limits, is refused with a readable error before anything reaches the worker;
after a fatal Pyodide error the worker restarts and the calls waiting reject."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

LABELS = yaml.safe_load((Path(__file__).resolve().parents[2] / "province_data" / "labels.yaml")
                        .read_text(encoding="utf-8"))["ui"]
CLIENT = "/assets/checker/client.js"

# Each call as the page runs it: did it return a promise (and not throw), and how it settled.
SETTLE = """
async ([calls]) => {
  const cyclic = {}; cyclic.self = cyclic;
  const values = {
    cyclic, window, bigint: {n: 1n}, toJSON: {toJSON() { throw new Error("no"); }},
    fn: () => 1, undefined: undefined, symbol: Symbol("s"),
  };
  const out = [];
  for (const [op, args] of calls) {
    let promise;
    try {
      promise = window.icpChecker[op](...args.map((a) => (a in values ? values[a] : a)));
    } catch (error) {
      out.push({threw: String(error)});
      continue;
    }
    out.push(await promise.then(
      (result) => ({promise: promise instanceof Promise, ok: result.ok}),
      (error) => ({promise: promise instanceof Promise, name: error.name, code: error.code,
                   message: error.message, isError: error instanceof Error})));
  }
  return out;
}
"""

NESTED = """
async (depth) => {
  const { engine } = await import("%s");
  let count = 0;
  const post = engine.worker.postMessage.bind(engine.worker);
  engine.worker.postMessage = (m) => { count++; post(m); };
  let domains = ["example.com"];                      // the application and website objects: 2 levels
  for (let i = 3; i < depth; i++) domains = [domains];
  const application = {format: "icp-application/1", answers: {}, website: {domains}};
  try {
    const r = await window.icpChecker.check(application);
    return {ok: r.ok, posted: count};
  } catch (error) {
    return {code: error.code, message: error.message, posted: count};
  } finally {
    engine.worker.postMessage = post;
  }
}
""" % CLIENT


def settle(page, calls):
    return page.evaluate(SETTLE, [calls])


def message(key, lang="en"):
    return LABELS[key][lang]


@pytest.mark.parametrize("value", ["cyclic", "window", "bigint", "toJSON", "fn", "undefined"])
def test_values_json_cannot_carry_reject_with_a_readable_error(ready_page, value):
    calls = [["check", [value]], ["field", ["mobile", value]], ["field", ["mobile", "13800138000", value]]]
    if value == "undefined":
        calls.pop()                                   # no context is a context left out
    for got in settle(ready_page, calls):
        assert got.get("promise") is True, got        # a promise, never a throw
        assert got["isError"] and got["name"] == "CheckerError" and got["code"] == "unusable-input", got
        assert got["message"].startswith(message("checker_api_unusable_input")), got


def test_json_values_still_get_the_checkers_answer(ready_page):
    got = settle(ready_page, [["check", [None]], ["check", [42]], ["field", ["symbol", "x"]]])
    assert [g.get("ok") for g in got] == [False, False, False]     # input.not_object, unknown kind


def test_deep_nesting_is_refused_before_it_reaches_the_worker(ready_page):
    page = ready_page
    deep = page.evaluate(NESTED, 5000)
    assert deep["code"] == "too-large" and deep["posted"] == 0
    assert deep["message"] == message("checker_api_too_large").format(depth=100, chars=2000000)
    assert page.evaluate(NESTED, 101)["code"] == "too-large"
    assert page.evaluate(NESTED, 100) == {"ok": False, "posted": 1}   # the deepest allowed is checked
    huge = page.evaluate("() => window.icpChecker.field('email', 'x'.repeat(2000001)).catch((e) => e.code)")
    assert huge == "too-large"
    assert page.get_attribute("#icp-checker", "data-state") == "ready"
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    assert not [t for t in page.log.problems() if "fatal" in t or "not valid JSON" in t]


def test_a_fatal_error_restarts_the_worker_and_rejects_the_calls_waiting(ready_page):
    """A stack overflow in Pyodide (the page API's limits keep input from
    causing one; here it is posted past them) kills the interpreter."""
    page = ready_page
    got = page.evaluate("""async () => {
      const { engine } = await import("%s");
      let text = '"example.com"';
      for (let i = 0; i < 5000; i++) text = "[" + text + "]";
      const deep = `{"format": "icp-application/1", "answers": {}, "website": {"domains": ${text}}}`;
      const waiting = [engine.call({op: "check", application: deep, lang: "en"}),
                       window.icpChecker.field("mobile", "13800138000")];
      const settled = await Promise.allSettled(waiting);
      return {state: document.getElementById("icp-checker").dataset.state,
              reasons: settled.map((s) => s.status === "rejected" ? [s.reason.code, s.reason.message] : s.status)};
    }""" % CLIENT)
    assert got["state"] == "loading"                   # no longer claims to be ready
    restarted = message("checker_api_restarted")
    for reason in got["reasons"]:
        assert reason[0] == "restarted" and reason[1].startswith(restarted), got
    page.wait_for_selector("#icp-checker[data-state=ready]", timeout=120_000)
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    assert page.evaluate("window.icpChecker.check({format: 'icp-application/1', answers: {}})")["usable"] is True
    assert page.log.errors == []


def test_rejections_speak_the_pages_language(page, site_url):
    page.goto(site_url + "/zh/checker/")
    got = page.evaluate("() => window.icpChecker.check(window).catch((e) => [e.code, e.message])")
    assert got[0] == "unusable-input" and got[1].startswith(message("checker_api_unusable_input", "zh"))
