"""The checker inside Pyodide (under Node) gives exactly what CPython gives.

The runtime and the wheels are those of the built site (built_site fixture):
the same files the browser loads, byte-compiled for Pyodide's Python.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pyodide import cases as conformance

HERE = Path(__file__).resolve().parent
VALIDATOR_CODES = ("uscc", "resident_id", "phone", "email", "domain", "website_name", "icp_number",
                   "psb_number", "permits", "instance", "android_package", "ios_bundle_id", "harmony_bundle",
                   "cert_fingerprint")


@pytest.fixture(scope="module")
def case_list():
    return conformance.all_cases()


@pytest.fixture(scope="module")
def cpython_results(case_list):
    return conformance.run_cpython(case_list)


@pytest.fixture(scope="module")
def pyodide_run(built_site, case_list, tmp_path_factory):
    if shutil.which("node") is None:
        pytest.fail("node is needed to run Pyodide (it comes with the machine; see the Makefile)")
    work = tmp_path_factory.mktemp("pyodide")
    (work / "cases.json").write_text(json.dumps(case_list, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(["node", str(HERE / "conformance.mjs"), str(built_site), str(work / "cases.json"),
                           str(work / "out.json")], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads((work / "out.json").read_text(encoding="utf-8"))


def test_runs_in_pyodide_from_the_site_wheels(pyodide_run, built_site):
    assert pyodide_run["platform"] == "emscripten"
    assert pyodide_run["python"].startswith("3.14.")
    # imported from the installed wheel, as byte code (the wheels ship .pyc only)
    assert pyodide_run["checker_file"].endswith("site-packages/checker/api.pyc")
    manifest = json.loads((built_site / "assets" / "checker-manifest.json").read_text())
    assert any(w.rpartition("/")[2].startswith("icp_checker-") for w in manifest["wheels"])


def test_same_results_as_cpython(pyodide_run, cpython_results, case_list):
    got = pyodide_run["results"]
    assert len(got) == len(cpython_results)
    diffs = [(case, want, have) for case, want, have in zip(case_list, cpython_results, got) if want != have]
    assert not diffs, "first difference:\n" + json.dumps(diffs[0], ensure_ascii=False, indent=1)[:4000]


def test_set_covers_every_field_kind_validator_and_outcome(case_list, cpython_results):
    from checker import api, rules
    kinds = {c["kind"] for c in case_list if c["op"] == "field"}
    assert set(api.FIELD_KINDS) <= kinds
    reports = [r for c, r in zip(case_list, cpython_results) if c["op"] in ("check", "field")]
    outcomes = {r["classification"]["outcome"] for r in reports
                if r.get("classification") and r["classification"].get("outcome")}
    assert outcomes == set(rules.load()["flow"]["outcomes"])
    prefixes = {f["code"].split(".")[0] for r in reports for f in r["findings"]}
    missing = [p for p in VALIDATOR_CODES if p not in prefixes]
    assert not missing, f"no case reaches the validators {missing}"
    # the working-day calendar (workdays): inside and outside the years it covers
    covered = {r["timeline"]["calendar"]["covered"] for r in reports if r.get("timeline")}
    assert covered == {True, False}
    # both languages, usable and unusable input
    assert {c["lang"] for c in case_list if "lang" in c} == {"en", "zh"}
    assert {r["usable"] for r in reports} == {True, False}


def test_set_covers_what_the_page_asks_for(case_list, cpython_results):
    """The page's own calls: its data (with the application schema) and the display view."""
    ops = [c["op"] for c in case_list]
    assert ops.count("page_data") == 1
    views = [r for c, r in zip(case_list, cpython_results) if c["op"] == "view"]
    assert views and all(set(v) == {"report", "sections", "markdown"} and v["sections"] for v in views)
    assert {v["report"]["usable"] for v in views} == {True, False}
    data = cpython_results[ops.index("page_data")]
    assert "x-form" in data["application_schema"]
