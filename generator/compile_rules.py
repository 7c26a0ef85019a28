"""The checker's rules file: the validated data, as one deterministic JSON document."""
from __future__ import annotations

import json

FORMAT_VERSION = 1


def compile_rules(ds) -> str:
    data = {
        "format": FORMAT_VERSION,
        "sources": {s["id"]: {k: s[k] for k in ("publisher", "title", "url", "published", "kind")}
                    for s in ds.data("sources.yaml")["sources"]},
        "national": ds.data("national.yaml")["rules"],
        "provinces": {d.data["code"]: {k: d.data[k] for k in ("slug", "kind", "name", "rules")}
                      for d in ds.provinces},
        "tlds": {t["suffix"]: {"kind": t["kind"], "rule": t["rule"]} for t in ds.data("tlds.yaml")["tlds"]},
        "preapprovals": ds.data("preapprovals.yaml")["preapprovals"],
        "operations": ds.data("operations.yaml")["operations"],
        "steps": ds.data("steps.yaml"),
        "flow": ds.data("flow.yaml"),
        "services": ds.data("services.yaml"),
        "labels": ds.data("labels.yaml"),
    }
    # Key order is the data files' order (questions and answers keep the order
    # their authors chose); it is as deterministic as the files themselves.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
