"""What a browser receives from nginx with deploy/nginx.conf: compressed
runtime and search index, the right MIME types, the CSP header and caching."""
from __future__ import annotations

import pytest

from generator import csp
from tests.browser.conftest import wait_ready

pytestmark = pytest.mark.browser

IMMUTABLE = "public, max-age=31536000, immutable"


def responses_of(context):
    seen = {}
    context.on("response", lambda r: seen.setdefault(r.url.split("?")[0], r))
    return seen


def find(seen, suffix):
    found = [r for url, r in seen.items() if url.endswith(suffix)]
    assert found, f"no response for …{suffix}"
    return found[0].all_headers()


def test_the_checker_page_gets_compressed_typed_and_cached_files(browser, site_url):
    context = browser.new_context()
    seen = responses_of(context)
    page = context.new_page()
    page.goto(site_url + "/checker/")
    wait_ready(page)
    wasm = find(seen, "/pyodide.asm.wasm")
    assert wasm["content-encoding"] == "br"          # Chromium accepts br, so it gets the .br
    assert wasm["content-type"] == "application/wasm"
    assert wasm["cache-control"] == IMMUTABLE
    runtime = find(seen, "/pyodide.asm.mjs")
    assert runtime["content-type"].startswith("text/javascript") and runtime["content-encoding"] == "br"
    wheel = find(seen, ".whl")
    # Archives come as Brotli of their stored twins (generator/precompress.py), and the checker
    # became ready from them: the runtime's standard library and every wheel.
    assert wheel["cache-control"] == IMMUTABLE and wheel["content-encoding"] == "br"
    assert find(seen, "/python_stdlib.zip")["content-encoding"] == "br"
    # Pages: revalidated, and their header policy is the one in their <meta>.
    html = find(seen, "/checker/")
    assert html["cache-control"] == "no-cache" and html["content-type"] == "text/html; charset=utf-8"
    meta = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert html["content-security-policy"] == meta
    # Scripts carry the workers' policy (the checker's worker compiles WebAssembly under it);
    # unversioned ones are revalidated.
    worker = find(seen, "/assets/checker/worker.mjs")
    assert worker["content-security-policy"] == csp.WORKER_POLICY
    assert worker["content-type"].startswith("text/javascript") and worker["cache-control"] == "no-cache"
    manifest = find(seen, "/assets/checker-manifest.json")
    assert manifest["cache-control"] == "no-cache" and manifest["content-type"].startswith("application/json")
    context.close()


def test_the_search_index_comes_compressed(browser, site_url):
    context = browser.new_context()
    seen = responses_of(context)
    page = context.new_page()
    page.goto(site_url + "/glossary/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("ICP")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    index = find(seen, "/search_index.json")
    assert index["content-encoding"] == "br" and index["content-type"].startswith("application/json")
    assert index["cache-control"] == "no-cache"
    bundle = [h for url, r in seen.items() if "/assets/javascripts/bundle." in url for h in [r.all_headers()]]
    assert bundle and bundle[0]["cache-control"] == IMMUTABLE     # a hashed bundle is kept for good
    context.close()
