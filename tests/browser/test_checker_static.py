"""Checks on the checker's page sources that need no browser: UI strings (no
words in the scripts), the form's schema annotations, no HTML injection sinks,
no storage, no other origin, and the CSP module."""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "site_templates" / "assets" / "checker"
MODULES = {p.name: p.read_text(encoding="utf-8") for p in sorted(ASSETS.glob("*.js")) + sorted(ASSETS.glob("*.mjs"))}
SCRIPTS = {**MODULES, "search-dialog.js": (ROOT / "site_templates" / "assets" / "search-dialog.js").read_text("utf-8")}
CODE = "\n".join(MODULES.values())
SCHEMA = json.loads((ROOT / "checker" / "schema" / "application.schema.json").read_text(encoding="utf-8"))
# Keys built at run time from a prefix: `checker_load_${step}` and the like.
DYNAMIC = {
    "checker_load_": ["runtime", "packages", "checker", "done", "active", "waiting"],
    "checker_severity_": ["error", "warning", "info"],
}


def ui_labels():
    return yaml.safe_load((ROOT / "province_data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]


def _resolve(node):
    while "$ref" in node:
        target = SCHEMA
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def form_fields():
    """(path, property schema, x-form) of every form field, as fields.js walks the schema."""
    out = []

    def visit(node, parent):
        for name, raw in node.get("properties", {}).items():
            prop = _resolve(raw)
            form = prop.get("x-form")
            if not form:
                continue
            path = f"{parent}.{name}" if parent else name
            if form.get("nested") and "index" in form:   # the fields of one item of a list
                visit(_resolve(prop["items"]), f"{path}.{form['index']}")
            elif form.get("nested"):
                visit(prop, path)
            else:
                out.append((path, prop, form))
    visit(SCHEMA, "")
    return out


def form_keys():
    """The form's words, named by the schema's x-form annotations (the scheme of fields.js)."""
    keys = set()
    for group in SCHEMA["x-form"]["groups"]:
        keys.add(f"checker_group_{group['id']}")
        if group.get("hint"):
            keys.add(f"checker_group_{group['id']}_hint")
    for path, prop, form in form_fields():
        if form.get("from_answer"):
            continue  # not shown: it holds an answer, and has no words of its own
        words = re.sub(r"\.\d+(?=\.|$)", "", path).replace(".", "_")   # apps.0.name -> apps_name
        key = "checker_field_" + words
        keys.add(key)
        keys |= {f"{key}_{suffix}" for suffix in ("hint", "prompt") if form.get(suffix)}
        keys |= {f"{key}_{kind}" for kind in form.get("entity_labels", [])}
        values = prop.get("enum") or _resolve(prop.get("items", {})).get("enum") or []
        if not form.get("choices"):
            keys |= {f"checker_choice_{words}_{v}" for v in values}
    return keys


def keys_used_by_app():
    used = set(re.findall(r'"(checker_[a-z_]*[a-z])"', CODE)) | set(re.findall(r"`(checker_[a-z_]*[a-z])`", CODE))
    for prefix, names in DYNAMIC.items():
        assert f"`{prefix}${{" in CODE, f"DYNAMIC is stale: {prefix} not built in the checker's modules"
        used |= {prefix + n for n in names}
    return used | form_keys()


def keys_used_by_python():
    """checker_* words the checker's own renderers use (the result's sections, the download)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "checker").rglob("*.py"))
    used = set(re.findall(r"""["'](checker_[a-z_]*[a-z])["']""", code))
    return used | {"checker_severity_" + n for n in DYNAMIC["checker_severity_"]}


def test_every_ui_string_of_the_app_exists_in_both_languages():
    labels = ui_labels()
    used = keys_used_by_app()
    missing = sorted(k for k in used if k not in labels)
    assert not missing, f"add these to province_data/labels.yaml (ui:): {missing}"
    for key in used:
        assert set(labels[key]) == {"en", "zh"} and all(isinstance(v, str) and v.strip() for v in labels[key].values()), key


def test_no_dead_checker_strings():
    template = (ROOT / "site_templates" / "pages" / "checker.md.j2").read_text(encoding="utf-8")
    used = keys_used_by_app() | keys_used_by_python() | set(re.findall(r"ui\('(checker_[a-z_]+)'\)", template))
    dead = sorted(k for k in ui_labels() if k.startswith("checker_") and k not in used)
    assert not dead, f"unused ui strings: {dead}"


def test_form_annotations_name_what_exists():
    from checker import api
    data = api.page_data()
    groups = [g["id"] for g in SCHEMA["x-form"]["groups"]]
    assert len(groups) == len(set(groups)) and groups[0] == "case"
    services = set(data["flow"]["questions"]["service"]["answers"])
    for group in SCHEMA["x-form"]["groups"]:   # a group for some services only names real answers
        assert set(group.get("services", [])) <= services, group
    fields = form_fields()
    assert {form["group"] for _, _, form in fields} == set(groups)      # every group has fields
    for path, prop, form in fields:
        assert form["group"] in groups and isinstance(form["order"], int), path
        assert set(form) <= {"group", "order", "check", "hint", "prompt", "entity", "entity_labels", "choices",
                             "input", "case", "check_if", "send_with", "context", "context_values",
                             "from_answer"}, path
        assert form.get("from_answer") in (None, *data["flow"]["questions"]), path
        assert set(form.get("context_values", {})) <= set(api.CONTEXT_KEYS), path
        assert form.get("check") in (None, *api.FIELD_KINDS), path
        assert form.get("entity") in (None, *api.ENTITY_KINDS), path
        assert set(form.get("entity_labels", [])) <= set(api.ENTITY_KINDS), path
        assert form.get("input") in (None, "tel", "email", "text"), path
        assert form.get("case") in (None, "upper"), path
        parent = path.rpartition(".")[0]
        siblings = {f"{parent}.{n}" if parent else n for n in
                    _resolve(_at(parent)).get("properties", {})} if parent else set(SCHEMA["properties"])
        for name in [*form.get("check_if", {}), form.get("send_with"), *form.get("context", {}).values()]:
            if name:
                assert (f"{parent}.{name}" if parent else name) in siblings, (path, name)
        choices = form.get("choices")
        if choices:
            values = prop.get("enum") or _resolve(prop["items"])["enum"]
            named = set(data[choices]) if isinstance(data[choices], dict) else {p["id"] for p in data[choices]}
            assert set(values) <= named, (path, choices)
    # the form puts the entity's kind into entity.kind itself (from the entity_kind question)
    assert set(SCHEMA["properties"]["entity"]["properties"]["kind"]["enum"]) == set(api.ENTITY_KINDS)


def _at(path):
    node = SCHEMA
    for part in path.split("."):
        node = _resolve(node)
        node = node["items"] if part.isdigit() else node["properties"][part]
    return node


def _strip_comments(source):
    return re.sub(r"(^|\s)//.*$", r"\1", source, flags=re.M)


_LITERAL = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|`(?:[^`\\]|\\.)*`')


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_no_words_for_the_reader_in_scripts(name):
    """Every word the reader sees comes from labels.yaml or the data: no prose and no
    Chinese in the scripts (keys, CSS classes and technical error names only)."""
    code = _strip_comments(SCRIPTS[name])
    assert not re.search(r"[\u4e00-\u9fff]", code), f"{name}: Chinese text in the code"
    for match in _LITERAL.finditer(code):
        text = match.group(0)[1:-1]
        if text.startswith("\nimport json"):
            continue                                  # the worker's Python shim
        plain = re.sub(r"\$\{[^}]*\}", " ", text)
        words = [w for w in plain.split() if re.fullmatch(r"[A-Za-z]+[.,:!?]?", w)]
        assert len(words) < 2, f"{name}: {text!r} reads like words for the reader; put them in labels.yaml"


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


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_no_html_sinks_storage_logging_or_other_origins(name):
    code = re.sub(r"^\s*//.*$", "", SCRIPTS[name], flags=re.M)      # comments may mention what is avoided
    for pattern in (r"\.innerHTML", r"\.outerHTML", r"insertAdjacentHTML", r"document\.write", r"\beval\(",
                    r"new Function", r"localStorage", r"sessionStorage", r"document\.cookie", r"indexedDB",
                    r"\bconsole\.", r"https?://", r"micropip", r"importScripts", r"setAttribute\(\s*[\"']on"):
        assert not re.search(pattern, code), f"{name}: {pattern}"


def test_worker_is_a_module_loading_pyodide_from_the_manifest():
    assert 'type: "module"' in MODULES["client.js"]
    worker = MODULES["worker.mjs"]
    # The wheels the manifest names are unpacked (unpackArchive: loadPackage keeps JS references
    # that a memory snapshot cannot hold).
    assert "checker-manifest.json" in worker and 'unpackArchive(' in worker and "pyodide.mjs" in worker


def test_worker_uses_only_the_public_api():
    shim = re.search(r"const SHIM = `(.*?)`;", MODULES["worker.mjs"], re.S).group(1)
    imports = re.findall(r"^\s*(?:from\s+(\S+)\s+)?import\s+(.+)$", shim, re.M)
    assert imports == [("", "json"), ("checker", "api")]
    assert not re.search(r"\b_\w|\bapi\._", shim.replace("__", ""))
    assert set(re.findall(r"\bapi\.(\w+)", shim)) == {"check", "view", "field", "page_data"}


def test_modules_stay_small():
    for name, source in MODULES.items():
        assert source.count("\n") <= 400, name


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
    assert directives["script-src"].split() == ["'self'", csp.script_hash("var a = 1;"),
                                               csp.script_hash('import "./y.js";')]
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'" and directives["form-action"] == "'none'"
    assert directives["connect-src"] == "'self'" and directives["worker-src"] == "'self'"


@pytest.mark.parametrize("bad,reason", [
    (PAGE.replace('<meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">', ""), "placeholder"),
    (PAGE.replace("<body>", '<body><a onclick="x()">x</a>'), "event handlers"),
    (PAGE.replace("<body>", '<body><a href="javascript:void(0)">x</a>'), "javascript:"),
    (PAGE.replace("<body>", '<body><p style="color: red">x</p>'), "inline styles"),
    (PAGE.replace("</head>", "<style>p {}</style></head>"), "inline styles"),
    (PAGE.replace('<meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">\n<script>var a = 1;</script>',
                  '<script>var a = 1;</script><meta http-equiv="Content-Security-Policy" content="__ICP_CSP__">'),
     "before the first script"),
])
def test_csp_refuses_pages_it_cannot_protect(bad, reason):
    from generator import csp
    with pytest.raises(csp.CSPError, match=reason):
        csp.apply_to_html(bad)


def test_csp_apply_fills_every_page_and_refuses_one_without_a_policy(tmp_path):
    from generator import csp
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    done = csp.apply(tmp_path)
    assert done == [tmp_path / "a" / "index.html"]
    assert csp.PLACEHOLDER not in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert csp.apply(tmp_path) == []          # idempotent: a filled page is left alone (dirty builds)
    (tmp_path / "index.html").write_text("<html><head></head><body><script>1</script></body></html>", encoding="utf-8")
    with pytest.raises(csp.CSPError, match="index.html: expected exactly one CSP placeholder"):
        csp.apply(tmp_path)
    assert "'unsafe-inline'" in csp.policy(PAGE, serving=True)       # mkdocs serve's live-reload script
    assert csp.script_hash("var a = 1;") not in csp.policy(PAGE, serving=True)
