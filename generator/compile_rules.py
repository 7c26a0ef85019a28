"""The checker's data files, each the validated data as one deterministic JSON document:
rules.json (the rules and what the engine needs) and messages.json (the
finding catalogue and the words checker.findings puts between params)."""
from __future__ import annotations

import json

FORMAT_VERSION = 1
MESSAGES_FORMAT_VERSION = 1

# The labels.yaml sections checker.findings needs; the validators read only
# messages.json, so they need not load the much larger rules.json for them.
MESSAGE_LABELS = ("punctuation", "value_types", "regions", "permit_regions", "billing_modes", "service_kinds")


def _dump(data) -> str:
    # Key order is the data files' order; it is as deterministic as the files themselves.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def compile_rules(ds) -> str:
    data = {
        "format": FORMAT_VERSION,
        "sources": {s["id"]: {k: s[k] for k in ("publisher", "publisher_zh", "title", "title_zh", "url", "published", "kind")}
                    for s in ds.data("sources.yaml")["sources"]},
        "national": ds.data("national.yaml")["rules"],
        "provinces": {d.data["code"]: {k: d.data[k] for k in ("slug", "kind", "name", "rules")}
                      for d in ds.provinces},
        "tlds": {t["suffix"]: {"kind": t["kind"], "rule": t["rule"]} for t in ds.data("tlds.yaml")["tlds"]},
        "preapprovals": ds.data("preapprovals.yaml")["preapprovals"],
        "operations": ds.data("operations.yaml")["operations"],
        "steps": ds.data("steps.yaml"),
        "documents": ds.data("documents.yaml"),
        "flow": ds.data("flow.yaml"),
        "services": ds.data("services.yaml"),
        "labels": ds.data("labels.yaml"),
        "rule_audience": {kind: ds.data("rule_audience.yaml")[kind] for kind in ("organisation", "individual")},
    }
    # Questions and answers keep the order their authors chose.
    return _dump(data)


def compile_messages(ds) -> str:
    catalogue = ds.data("messages.yaml")
    labels = ds.data("labels.yaml")
    data = {
        "format": MESSAGES_FORMAT_VERSION,
        "param_chars": {"default": catalogue["param_chars"]["default"],
                        "modules": catalogue["param_chars"].get("modules", {})},
        "labels": {section: labels[section] for section in MESSAGE_LABELS},
        "messages": catalogue["messages"],
        "phrases": catalogue["phrases"],
    }
    return _dump(data)
