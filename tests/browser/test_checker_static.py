"""Checks on the checker's page sources that need no browser: UI strings,
no HTML injection sinks, no storage, no other origin, and the CSP module."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "site_templates" / "assets" / "checker"
APP = (ASSETS / "app.js").read_text(encoding="utf-8")
WORKER = (ASSETS / "worker.mjs").read_text(encoding="utf-8")
# Keys built at run time: `checker_step_${step}` and the like.
DYNAMIC = {
    "checker_step_": ["runtime", "packages", "checker"],
    "checker_severity_": ["error", "warning", "info"],
    "checker_id_": ["resident_id", "hk_macau_permit", "taiwan_permit", "passport"],
}


def ui_labels():
    return yaml.safe_load((ROOT / "province_data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]


def keys_used_by_app():
    used = set(re.findall(r'"(checker_[a-z_]*[a-z])"', APP)) | set(re.findall(r"`(checker_[a-z_]*[a-z])`", APP))
    for prefix, names in DYNAMIC.items():
        assert f"`{prefix}${{" in APP, f"DYNAMIC is stale: {prefix} not built in app.js"
        used |= {prefix + n for n in names}
    return used


def test_every_ui_string_of_the_app_exists_in_both_languages():
    labels = ui_labels()
    used = keys_used_by_app()
    missing = sorted(k for k in used if k not in labels)
    assert not missing, f"add these to province_data/labels.yaml (ui:): {missing}"
    for key in used:
        assert set(labels[key]) == {"en", "zh"} and all(isinstance(v, str) and v.strip() for v in labels[key].values()), key


def test_no_dead_checker_strings():
    template = (ROOT / "site_templates" / "pages" / "checker.md.j2").read_text(encoding="utf-8")
    used = keys_used_by_app() | set(re.findall(r"ui\('(checker_[a-z_]+)'\)", template))
    dead = sorted(k for k in ui_labels() if k.startswith("checker_") and k not in used)
    assert not dead, f"unused ui strings: {dead}"


def test_checker_page_carries_every_string_and_the_template(pages):
    import json
    labels = ui_labels()
    for rel, lang in (("checker/index.md", "en"), ("checker/index.zh.md", "zh")):
        text = pages[rel]
        assert text.startswith("---\n") and "\ntemplate: checker.html\n" in text.split("---")[1]
        assert f'data-lang="{lang}"' in text
        blob = re.search(r'<script type="application/json" id="icp-checker-strings">(.*?)</script>', text, re.S)
        strings = json.loads(blob.group(1))
        assert strings == {k: v[lang] for k, v in labels.items() if k.startswith("checker_")}
        assert "<" not in blob.group(1) and ">" not in blob.group(1)     # cannot close its <script>


def test_a_missing_translation_breaks_the_build(dataset):
    from generator.model import MissingTranslation
    from generator.render import Renderer
    ds = copy.copy(dataset)
    ds.docs = dict(dataset.docs)
    labels_doc = copy.copy(dataset.docs["labels.yaml"])
    labels_doc.data = copy.deepcopy(labels_doc.data)
    del labels_doc.data["ui"]["checker_retry"]["zh"]
    ds.docs["labels.yaml"] = labels_doc
    with pytest.raises(MissingTranslation, match="checker_retry"):
        Renderer(ds).simple_pages("zh")


@pytest.mark.parametrize("name,source", [("app.js", APP), ("worker.mjs", WORKER)])
def test_no_html_sinks_storage_logging_or_other_origins(name, source):
    code = re.sub(r"^\s*//.*$", "", source, flags=re.M)      # comments may mention what is avoided
    for pattern in (r"\.innerHTML", r"\.outerHTML", r"insertAdjacentHTML", r"document\.write", r"\beval\(",
                    r"new Function", r"localStorage", r"sessionStorage", r"document\.cookie", r"indexedDB",
                    r"\bconsole\.", r"https?://", r"micropip", r"importScripts", r"setAttribute\(\s*[\"']on"):
        assert not re.search(pattern, code), f"{name}: {pattern}"


def test_worker_is_a_module_loading_pyodide_from_the_manifest():
    assert 'type: "module"' in APP
    assert "checker-manifest.json" in WORKER and "loadPackage(" in WORKER and "pyodide.mjs" in WORKER


# --- generator/csp.py -------------------------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">
<script>var a = 1;</script><script id="__config" type="application/json">{"x": 1}</script>
<script src="x.js"></script></head><body><script type="module">import "./y.js";</script></body></html>"""


def test_csp_hashes_exactly_the_executable_inline_scripts():
    from generator import csp
    html = csp.apply_to_html(PAGE)
    policy = re.search(r'content="([^"]*)"', html.split('http-equiv="Content-Security-Policy"')[1]).group(1)
    assert csp.inline_scripts(PAGE) == ["var a = 1;", 'import "./y.js";']
    # printf 'var a = 1;' | openssl dgst -sha256 -binary | base64
    assert csp.script_hash("var a = 1;") == "'sha256-+dZ6udsWxNVoGfScAq7t5IIF5UJb4F6RhjbN6oe1p4w='"
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"].split() == ["'self'", "'wasm-unsafe-eval'", csp.script_hash("var a = 1;"),
                                               csp.script_hash('import "./y.js";')]
    assert directives["default-src"] == "'self'" and directives["form-action"] == "'none'"
    assert directives["connect-src"] == "'self'" and directives["worker-src"] == "'self'"


@pytest.mark.parametrize("bad,reason", [
    (PAGE.replace('<meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">', ""), "placeholder"),
    (PAGE.replace("<body>", '<body><a onclick="x()">x</a>'), "event handlers"),
    (PAGE.replace("<body>", '<body><a href="javascript:void(0)">x</a>'), "javascript:"),
    (PAGE.replace('<meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">\n<script>var a = 1;</script>',
                  '<script>var a = 1;</script><meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">'),
     "before the first script"),
])
def test_csp_refuses_pages_it_cannot_protect(bad, reason):
    from generator import csp
    with pytest.raises(csp.CSPError, match=reason):
        csp.apply_to_html(bad)


def test_csp_apply_fills_only_pages_with_the_placeholder(tmp_path):
    from generator import csp
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "index.html").write_text("<html><head></head><body><script>1</script></body></html>", encoding="utf-8")
    done = csp.apply(tmp_path)
    assert done == [tmp_path / "a" / "index.html"]
    assert csp.PLACEHOLDER not in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert csp.apply(tmp_path) == []          # idempotent: nothing left to fill
