"""MkDocs hooks, kept thin: the work lives in the generator."""
from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# MkDocs loads this file by path and restores sys.path afterwards, so the
# generator is imported here, while the project root is on the path.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
import generator.build  # noqa: E402,F401
import generator.csp  # noqa: E402,F401
import generator.dataset  # noqa: E402,F401


def on_pre_build(config, **kwargs):
    # Under `mkdocs serve` an edit to the data or a template must show up live;
    # `python -m generator build` has just generated and says so.
    if os.environ.get("ICP_SKIP_GENERATE") == "1":
        return
    from generator.build import generate
    from generator.dataset import load_dataset
    from generator.problems import DataError
    try:
        generate(load_dataset(ROOT / "province_data"), ROOT)
    except DataError as exc:
        # Keep serving the last good pages and say exactly what to fix.
        log = logging.getLogger("mkdocs.hooks.icp")
        for problem in exc.problems:
            log.error(str(problem))


def on_post_build(config, **kwargs):
    # Material's language switcher fetches <lang>/sitemap.xml; i18n writes one at the root only.
    site = Path(config["site_dir"])
    from generator.csp import apply as apply_csp
    apply_csp(site)  # the checker page's CSP meta, with the hashes of Material's inline scripts
    if (site / "sitemap.xml").exists() and (site / "zh").is_dir():
        shutil.copyfile(site / "sitemap.xml", site / "zh" / "sitemap.xml")
