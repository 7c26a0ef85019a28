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

from mkdocs.plugins import event_priority  # noqa: E402

SERVING = "ICP_SERVING"   # set under `mkdocs serve`, for every rebuild of the process


_depth = 0   # builds under way: the i18n plugin runs one inside another


def on_startup(command, dirty, **kwargs):
    if command == "serve":
        os.environ[SERVING] = "1"


def on_serve(server, config, builder, **kwargs):
    # A failed rebuild must not hold every request: keep serving the last pages.
    from generator.build import keep_serving
    server.builder = keep_serving(server.builder)
    return server


def on_config(config, **kwargs):
    # The footer (Material's `copyright`) is words like any other, so it lives in
    # labels.yaml (ui.site_footer); each language build of the i18n plugin takes its own.
    import yaml
    footer = yaml.safe_load((ROOT / "province_data/labels.yaml").read_text(encoding="utf-8"))["ui"]["site_footer"]
    config.copyright = footer["en"]
    for language in config.plugins["i18n"].config.languages:
        language.copyright = footer[language.locale]
    return config


def on_env(env, config, files, **kwargs):
    # The theme overrides (main.html) show a few words too; like every word
    # they come from labels.yaml, in the language of the edition being built.
    # A missing key fails the build (KeyError) rather than showing nothing.
    import yaml
    ui = yaml.safe_load((ROOT / "province_data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
    env.globals["icp_ui"] = lambda key, lang: ui[key][lang]
    return env


def on_pre_build(config, **kwargs):
    global _depth
    _depth += 1
    # Under `mkdocs serve` an edit to the data or a template must show up live;
    # `python -m generator build` has just generated and says so.
    if os.environ.get("ICP_SKIP_GENERATE") == "1":
        return
    from generator.build import regenerate
    # Each problem says path:line; nothing was written, so the pages stay the
    # last good ones. As errors, they fail a plain `mkdocs build`.
    log = logging.getLogger("mkdocs.hooks.icp")
    for problem in regenerate(ROOT):
        log.error(problem)


@event_priority(-200)
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    from generator.csp import apply as apply_csp
    # Every page's CSP meta, with the hashes of its inline scripts.
    apply_csp(site, serving=os.environ.get(SERVING) == "1")
    # Material's language switcher fetches <lang>/sitemap.xml; i18n writes one at the root only.
    if (site / "sitemap.xml").exists() and (site / "zh").is_dir():
        shutil.copyfile(site / "sitemap.xml", site / "zh" / "sitemap.xml")
    # The i18n plugin builds the Chinese edition inside the English build's
    # post_build (priority -100, so before this one): only the outermost
    # build sees the whole site, and there the service worker and the
    # .br/.gz copies are made.
    global _depth
    _depth -= 1
    if _depth == 0 and os.environ.get(SERVING) != "1":   # `mkdocs serve` needs neither
        from generator.build import finish_site
        finish_site(site, ROOT)
