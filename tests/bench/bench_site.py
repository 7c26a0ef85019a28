"""Site build cost for the real data and for 10x synthetic provinces.

Each measurement runs in a fresh Python process so its peak memory is its own.
Generation = validate + render + write the docs tree; build = `mkdocs build`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STEP = textwrap.dedent("""
    import json, resource, sys, time, copy, os
    sys.path.insert(0, {root!r})
    from pathlib import Path
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ["ICP_SKIP_GENERATE"] = "1"
    kind, factor, docs, site = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
    start = time.perf_counter()
    if kind == "generate":
        from generator.dataset import load_dataset
        from generator.build import docs_files, sync_tree
        ds = load_dataset(Path({root!r}) / "province_data")
        originals = list(ds.provinces)
        for i in range(1, factor):
            for doc in originals:
                clone = copy.copy(doc)
                clone.data = dict(doc.data, slug=f"{{doc.data['slug']}}-x{{i}}")
                ds.provinces.append(clone)
        sync_tree(docs, docs_files(ds, Path({root!r})))
    else:
        from mkdocs.config import load_config
        from mkdocs.commands.build import build
        import logging
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        cfg = load_config(str(Path({root!r}) / "mkdocs.yml"), docs_dir=str(docs), site_dir=site, strict=False)
        build(cfg)
    elapsed = time.perf_counter() - start
    print(json.dumps({{"seconds": elapsed, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
""")


def measure(kind: str, factor: int, docs: Path, site: Path) -> dict:
    code = STEP.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, kind, str(factor), str(docs), str(site)],
                         cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> list[str]:
    lines = []
    results = {}
    for factor in (1, 10):
        with tempfile.TemporaryDirectory() as tmp:
            docs, site = Path(tmp) / "docs", Path(tmp) / "site"
            gen = measure("generate", factor, docs, site)
            pages = sum(1 for _ in docs.rglob("*.md"))
            bld = measure("build", factor, docs, site)
            total = gen["seconds"] + bld["seconds"]
            results[factor] = total
            lines.append(
                f"site x{factor:<2} ({pages} pages): generation {gen['seconds']:.2f} s "
                f"(peak {gen['peak_mb']:.0f} MB), mkdocs build {bld['seconds']:.2f} s (peak {bld['peak_mb']:.0f} MB), "
                f"total {total:.2f} s, generation share {100 * gen['seconds'] / total:.1f}%")
    lines.append(f"site growth: x10 provinces cost {results[10] / results[1]:.1f}x the time "
                 "(targets: full build < 20 s, generation < 10%, peak < 300 MB, growth no worse than linear)")
    return lines


if __name__ == "__main__":
    print("\n".join(main()))
