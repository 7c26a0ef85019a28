"""Load every file of province_data/ and validate it: schema first, then the
rules that span files. Either the whole data set is clean or nothing is built."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import checks, schemas
from generator.problems import DataError, Problem, relative
from generator.yamlload import Document, YamlSyntaxError, load

# Files at the top of province_data/ and the schema each must satisfy.
SINGLE_FILES = {
    "sources.yaml": "sources",
    "national.yaml": "national",
    "operations.yaml": "operations",
    "preapprovals.yaml": "preapprovals",
    "tlds.yaml": "tlds",
    "labels.yaml": "labels",
    "steps.yaml": "steps",
    "documents.yaml": "documents",
    "flow.yaml": "flow",
    "services.yaml": "services",
    "messages.yaml": "messages",
    "display_only.yaml": "display_only",
    "rule_audience.yaml": "rule_audience",
    "search_synonyms.yaml": "search_synonyms",
}


@dataclass
class Dataset:
    root: Path
    docs: dict = field(default_factory=dict)          # file name -> Document
    provinces: list = field(default_factory=list)     # Documents, sorted by code

    def data(self, name: str):
        return self.docs[name].data

    @property
    def sources(self) -> dict:
        return {s["id"]: s for s in self.data("sources.yaml")["sources"]}


def load_dataset(root: Path) -> Dataset:
    """Load and validate; raise DataError listing every problem found."""
    root = Path(root)
    schema_dir = root / "schema"
    # The schemas first: without them no data file can be checked.
    loaded = schemas.load_schemas(schema_dir)
    problems: list[Problem] = list(loaded.problems) or loaded.missing({*SINGLE_FILES.values(), "province"}, schema_dir)
    if problems:
        raise DataError(problems)
    ds = Dataset(root)

    def read(path: Path, schema_id: str) -> Document | None:
        display = relative(path, root.parent)
        try:
            doc = load(path, display)
        except YamlSyntaxError as exc:
            problems.append(Problem(exc.path, exc.line, "(file)", exc.message))
            return None
        except OSError as exc:
            problems.append(Problem(display, 1, "(file)", f"cannot read the file: {exc}"))
            return None
        found = schemas.validate(doc, schema_id, loaded) + checks.check_text(doc)
        problems.extend(found)
        return None if found else doc

    for name, schema_id in SINGLE_FILES.items():
        path = root / name
        if not path.exists():
            problems.append(Problem(relative(path, root.parent), 1, "(file)", "file is missing; every data set needs it"))
            continue
        doc = read(path, schema_id)
        if doc is not None:
            ds.docs[name] = doc

    known = set(SINGLE_FILES) | {"schema", "provinces", "README.md"}
    for extra in sorted(p for p in root.iterdir() if p.name not in known and not p.name.startswith(".")):
        problems.append(Problem(relative(extra, root.parent), 1, "(file)",
                                "unexpected file in province_data/; province files belong in provinces/"))

    for path in sorted((root / "provinces").glob("*")):
        if path.suffix != ".yaml":
            problems.append(Problem(relative(path, root.parent), 1, "(file)", "province files must end in .yaml"))
            continue
        doc = read(path, "province")
        if doc is not None:
            ds.provinces.append(doc)

    # Cross-file rules need every file to have passed its schema.
    if not problems:
        problems.extend(checks.run(ds))
    if problems:
        raise DataError(problems)
    ds.provinces.sort(key=lambda d: d.data["code"])
    return ds
