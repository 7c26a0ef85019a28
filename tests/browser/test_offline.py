"""The service worker (Workbox, generator/service_worker.mjs): after one
visit the checker works with the network gone, visited pages open offline,
and nothing the reader typed is kept anywhere."""
from __future__ import annotations

import pytest

from tests.browser.conftest import stored, wait_ready
from tests.browser.test_checker_states import to_initial_filing
from tests.nginx import Nginx

pytestmark = pytest.mark.browser

MARKER = "离线隐私标记Qz7Wk"          # typed into a field; must be found nowhere afterwards


@pytest.fixture
def own_server(site_dir, tmp_path):
    """An nginx of this test's own, so that the network can really go away."""
    server = Nginx(site_dir, tmp_path / "nginx")
    yield server
    server.stop()


def test_after_one_visit_the_checker_works_offline_and_keeps_nothing_typed(browser, own_server):
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(own_server.url + "/checker/")
    wait_ready(page)
    # Registered once the checker is ready; it takes over the page at once.
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.scriptURL)") == own_server.url + "/sw.js"
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    to_initial_filing(page)
    page.wait_for_selector("#icp-checker .icp-checker__details:not([hidden])")
    page.fill("#icp-website-name", MARKER)
    page.fill("#icp-entity-name", MARKER)
    page.wait_for_timeout(500)
    page.goto(own_server.url + "/glossary/")                  # a page read while online
    glossary = page.title()

    own_server.stop()                                         # the network is gone
    context.set_offline(True)
    page.goto(own_server.url + "/checker/")
    wait_ready(page)
    to_initial_filing(page)
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    assert page.evaluate("window.icpChecker.field('mobile', '1380013800')")["ok"] is False
    page.goto(own_server.url + "/glossary/")
    assert page.title() == glossary
    page.goto(own_server.url + "/zh/checker/")                # precached, though never opened
    wait_ready(page)

    kept = stored(page)
    assert any("precache" in name for name in kept["caches"]) and "icp-pages" in kept["caches"]
    assert "/assets/pyodide/" in kept["cached"] and "/glossary/" in kept["cached"]
    for where in ("local", "session", "cookie", "indexeddb", "caches", "cached"):
        assert MARKER not in str(kept[where]), where
    context.close()
