"""What the Material templates need from the project, for the MkDocs hooks:
the theme's words (labels.yaml), the language links and the feedback links.

Kept apart from mkdocs_hooks.py so that the hooks stay thin and this can be
tested without MkDocs.
"""
from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import quote

import yaml

from generator.model import LANGS

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "province_data" / "labels.yaml"
DEFAULT_LANG = LANGS[0]


@functools.lru_cache(maxsize=None)
def _labels(mtime_ns: int) -> dict:
    with LABELS.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["ui"]


def words(lang: str) -> dict:
    """The ui words of labels.yaml in `lang` (re-read when the file changes, for `mkdocs serve`)."""
    return {key: entry[lang] for key, entry in _labels(LABELS.stat().st_mtime_ns).items()}


def language_root(lang: str) -> str:
    """A language's home page, as MkDocs' `url` filter takes it: relative to the
    page on pages, so that the site works under any path."""
    return "./" if lang == DEFAULT_LANG else f"{lang}/"


def search_base(base_url: str, lang: str) -> str:
    """The base Material loads search/search_index.json from: the page's language
    root (generator/search.py writes one index per language). MkDocs' `url` filter
    does not use base_url on pages, so only Material's search (and its storage
    scope, pinned to / by mkdocs.yml extra.scope) sees the change."""
    return base_url if lang == DEFAULT_LANG else f"{base_url.rstrip('/')}/{lang}/"


ASSET_BASE = "icp_asset_base"   # the template context's key for error pages' asset base


def with_asset_base(link_filter):
    """One of MkDocs' link filters (`url`, `script_tag`), for error pages whose
    search base is not their asset base.

    On an error page (no page object) MkDocs joins every link to `base_url`, and
    Material's search reads its index from the same `base_url`. The Chinese 404
    page needs its own language's index (/zh/) but the site's one copy of the
    assets (/): when the context holds ASSET_BASE, the filter sees that as
    `base_url`, and the real one is left to Material's search.
    """
    from jinja2 import pass_context

    @pass_context
    def link(context, value):
        base = context.get(ASSET_BASE)
        return link_filter(context if base is None else context.derived({"base_url": base}), value)
    return link


def split_alternates(alternates: list[dict]) -> tuple[list[dict], list[dict]]:
    """(switcher links, head links) from the page's alternates as mkdocs-static-i18n sets them.

    The switcher keeps the page (i18n points each link at this page in the other
    language). The <link rel="alternate"> elements point at the language roots:
    Material fetches `sitemap.xml` next to each of them, and sitemaps exist only
    at the roots, so per-page alternates made every page request two missing files.
    """
    switcher = [dict(alt) for alt in alternates]
    head = [{**alt, "link": language_root(alt["lang"])} for alt in alternates]
    return switcher, head


def language_homes(alternates: list[dict]) -> list[dict]:
    """Each language's home page, named in its own language (the 404 pages link to them)."""
    return [{"lang": alt["lang"], "link": language_root(alt["lang"]), "name": words(alt["lang"])["language_home"]}
            for alt in alternates]


def feedback_template(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> str:
    """mkdocs.yml extra.feedback, for the links the generator writes into pages."""
    with mkdocs_yml.open(encoding="utf-8") as f:
        return yaml.safe_load(f)["extra"]["feedback"]


def page_address(lang: str, path: str) -> str:
    """The site address of a page, e.g. ("zh", "provinces/beijing/") -> "/zh/provinces/beijing/"."""
    return "/" + ("" if lang == DEFAULT_LANG else f"{lang}/") + path


def feedback_url(template: str, lang: str, page_url: str, rule_id: str | None = None) -> str:
    """The "Report a problem" link: `template` (mkdocs.yml extra.feedback) with {title}
    and {body} filled in. Only the page's address and the rule id are sent."""
    w = words(lang)
    if rule_id:
        title = w["feedback_title_rule"].format(rule=rule_id, page=page_url)
    else:
        title = w["feedback_title_page"].format(page=page_url)
    body = w["feedback_body"].format(page=page_url, rule=rule_id or "—")
    return template.replace("{title}", quote(title, safe="")).replace("{body}", quote(body, safe=""))
