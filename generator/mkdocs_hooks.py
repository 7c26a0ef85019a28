"""MkDocs hooks, kept thin: the work lives in the generator."""
from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

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
    # Table rows that read as separate pieces in search results (generator/search_tables.py).
    from generator.search_tables import SearchableTables
    if not any(isinstance(e, SearchableTables) for e in config.markdown_extensions):
        config.markdown_extensions.append(SearchableTables())
    return config


def on_env(env, config, files, **kwargs):
    # The theme overrides (main.html) show a few words too; like every word
    # they come from labels.yaml, in the language of the edition being built.
    # A missing key fails the build (KeyError) rather than showing nothing.
    import yaml
    ui = yaml.safe_load((ROOT / "province_data" / "labels.yaml").read_text(encoding="utf-8"))["ui"]
    env.globals["icp_ui"] = lambda key, lang: ui[key][lang]
    # The Chinese 404 page searches its own index but loads the one copy of the assets.
    from generator import theme
    for name in ("url", "script_tag"):
        env.filters[name] = theme.with_asset_base(env.filters[name])
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


def _alternates(config):
    # i18n sets extra.alternate as an attribute on pages (which templates read
    # before the mapping's key), and as the key at the start of each build.
    return getattr(config.extra, "alternate", None) or config.extra["alternate"]


def _set_alternates(config, value):
    config.extra.alternate = config.extra["alternate"] = value


def on_page_context(context, page, config, nav, **kwargs):
    # After mkdocs-static-i18n's on_page_context (priority 50), which points
    # config.extra.alternate at this page in each language: the switcher keeps
    # those, <link rel="alternate"> gets the language roots (theme.split_alternates).
    from generator import theme
    lang = config.theme["language"]
    context["language_links"], head = theme.split_alternates(_alternates(config))
    _set_alternates(config, head)
    context["base_url"] = theme.search_base(context["base_url"], lang)
    context["icp_words"] = theme.words(lang)
    context["feedback_url"] = theme.feedback_url(config.extra["feedback"], lang, "/" + page.url)
    return context


def on_template_context(context, template_name, config, **kwargs):
    # 404.html: its links, the switcher's included, lead to the language roots.
    from generator import theme
    _, roots = theme.split_alternates(_alternates(config))
    _set_alternates(config, roots)
    context["language_links"] = roots
    context["language_homes"] = theme.language_homes(roots)
    lang = config.theme["language"]
    context["icp_words"] = theme.words(lang)
    if template_name == "404.html":
        # Its links stay at the site root; Material's search base moves to the language's index.
        context[theme.ASSET_BASE] = context["base_url"]
        context["base_url"] = theme.search_base(context["base_url"], lang)
    return context


def on_post_template(output, template_name, config, **kwargs):
    # MkDocs writes 404.html at the site root in every language's build, and
    # i18n builds Chinese last: each language other than the default goes to
    # <lang>/404.html instead, and the root keeps the default language's.
    from generator import theme
    lang = config.theme["language"]
    if template_name != "404.html" or lang == theme.DEFAULT_LANG:
        return output
    target = Path(config["site_dir"]) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""   # an empty page is not written


@event_priority(-200)   # after mkdocs-static-i18n's (-100), which builds the other languages and the search index
def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    from generator.csp import apply as apply_csp
    # Every page's CSP meta, with the hashes of its inline scripts.
    apply_csp(site, serving=os.environ.get(SERVING) == "1")
    # One search index per language, with the readers' words for our terms.
    from generator import search
    search.split_index(site, search.load_synonyms(), config.plugins["i18n"].build_languages)
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
