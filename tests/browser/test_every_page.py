"""Every built page, English and Chinese, loads without a failed request or a console error.

One browser page visits them all; after each load it waits until no request is
in flight (Material fetches the sitemaps and the search index after the load,
the checker its runtime), so a 404 of a late request is not missed. Material's
search worker, which indexes the whole site on every page, runs on the first
page of each language only: what it loads is the same on every page.
"""
from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

SETTLE_TIMEOUT_S = 120   # the checker pages load Pyodide
NAVIGATION_ABORT = "net::ERR_ABORTED"   # a request the next page load cancelled: not a failure


def search_worker(url: str) -> bool:
    return "/assets/javascripts/workers/search." in url


def built_pages(site_dir):
    """The site address of every HTML page, from the file tree (the 404 pages have their own tests)."""
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel.startswith("assets/") or rel.endswith("404.html"):
            continue
        yield "/" + rel.removesuffix("index.html")


def test_every_page_loads_without_a_failed_request(browser, site_url, site_dir):
    paths = list(built_pages(site_dir))
    assert any(p.startswith("/zh/") for p in paths) and any(not p.startswith("/zh/") for p in paths)
    context = browser.new_context()
    page = context.new_page()
    now = {"path": "", "pending": set()}
    problems = []

    def note(what):
        problems.append(f"{now['path']}: {what}")

    def finished(request):
        now["pending"].discard(request)

    def failed(request):
        now["pending"].discard(request)
        if request.failure != NAVIGATION_ABORT and not (held and search_worker(request.url)):
            note(f"request failed: {request.url} ({request.failure})")

    def response(resp):
        if resp.status >= 400:
            note(f"{resp.status} {resp.url}")

    context.on("request", lambda r: now["pending"].add(r))
    context.on("requestfinished", finished)
    context.on("requestfailed", failed)
    context.on("response", response)
    page.on("console", lambda m: m.type == "error" and note(f"console: {m.text}"))
    page.on("pageerror", lambda e: note(f"page error: {e}"))
    held = False
    # the home pages first, with the search worker; then the rest without it
    paths.sort(key=lambda p: p not in ("/", "/zh/"))
    try:
        for n, path in enumerate(paths):
            if n == 2:
                held = True
                context.route(search_worker, lambda route: route.abort())
            now["path"] = path
            page.goto(site_url + path, wait_until="load")
            deadline = time.monotonic() + SETTLE_TIMEOUT_S
            while now["pending"] and time.monotonic() < deadline:
                page.wait_for_timeout(25)
            if now["pending"]:
                note(f"still loading: {sorted(r.url for r in now['pending'])[:3]}")
                now["pending"].clear()
    finally:
        context.close()
    assert problems == [], "\n".join(problems[:40])
