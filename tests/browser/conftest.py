"""Browser tests: the built site served by nginx on 127.0.0.1, driven in Debian's Chromium.

Chromium comes from apt (/usr/bin/chromium); `playwright install` is never run.
"""
from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
READY_TIMEOUT_MS = 120_000   # Pyodide on a loaded 2-core CI machine: keep this generous


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives the built site in headless Chromium (slow)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm",
                      ".whl": "application/octet-stream", ".json": "application/json"}

    def log_message(self, *args):
        pass


def serve(directory) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on 127.0.0.1 and a free port with Python's plain
    server (no compression, no headers), for tests that need nothing more;
    returns (server, base URL)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_dir(request):
    """The built site; ICP_TEST_SITE=<folder> reuses an existing build (for quick local runs)."""
    existing = os.environ.get("ICP_TEST_SITE")
    return Path(existing) if existing else request.getfixturevalue("built_site")


@pytest.fixture(scope="session")
def site_url(site_dir, tmp_path_factory):
    """The site as readers get it: Debian's nginx with deploy/nginx.conf
    (compression, MIME types, the CSP header, caching)."""
    from tests.nginx import Nginx
    server = Nginx(site_dir, tmp_path_factory.mktemp("nginx"))
    yield server.url
    server.stop()


class PageLog:
    """Requests, console messages, page errors and dialogs seen by one page."""

    def __init__(self, page):
        self.requests, self.console, self.errors, self.dialogs = [], [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def problems(self):
        """Console errors and warnings, and uncaught page errors."""
        return [t for kind, t in self.console if kind in ("error", "warning")] + self.errors


def wait_ready(page, timeout=READY_TIMEOUT_MS):
    page.wait_for_selector("#icp-checker[data-state=ready]", timeout=timeout)
    page.evaluate("() => window.icpChecker.ready")


# Resolves once the checker's result has had no pending check and no DOM change for
# quiet_ms, and no CSS transition is running: a typed change is debounced, so a result
# seen right after typing may still be replaced by the one for the new value.
_SETTLED = """async (quietMs) => {
  const node = document.querySelector("#icp-checker .icp-checker__result");
  let last = performance.now();
  const seen = new MutationObserver(() => { last = performance.now(); });
  seen.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    while (node.hasAttribute("aria-busy") || performance.now() - last < quietMs) {
      await new Promise((done) => setTimeout(done, 50));
    }
  } finally { seen.disconnect(); }
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
}"""


def wait_settled(page, quiet_ms=800):
    """Wait until the result on screen is the one for the form as it is now."""
    page.evaluate(_SETTLED, quiet_ms)


def wait_transitions(page):
    """Wait for running CSS transitions (Material animates the header on a resize)."""
    page.evaluate("() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))")


def answer_initial_filing(page, province="51", kind="organisation"):
    """Answer the questions for an initial filing in `province`; returns once the result
    says so and the details form is shown."""
    page.select_option("#icp-province", province)
    for question, value in (("server_location", "mainland"), ("entity_kind", kind),
                            ("domain_filed", "no"), ("entity_filed", "no")):
        page.check(f'#icp-checker input[name="q-{question}"][value="{value}"]')
    page.wait_for_selector('#icp-checker .icp-checker__result[data-result="initial"]')
    page.wait_for_selector("#icp-checker .icp-checker__details:not([hidden])")


def open_checker(page, url):
    """Go to a checker URL and wait until the engine is ready; returns a PageLog."""
    log = PageLog(page)
    page.set_default_timeout(30_000)
    page.goto(url)
    wait_ready(page)
    return log


@pytest.fixture(scope="module")
def ready_page(browser, site_url):
    """One checker page per test module, engine loaded (for API calls)."""
    context = browser.new_context()
    page = context.new_page()
    log = open_checker(page, site_url + "/checker/")
    page.log = log
    yield page
    context.close()


# Everything the page's origin keeps: local and session storage, cookies, the
# IndexedDB databases with all their records, and every Cache Storage cache
# (the service worker's included) with the address and body of each entry.
STORED = """async () => {
  const dump = (s) => Object.keys(s).map((k) => k + '=' + s.getItem(k)).join('\\n');
  const records = [];
  for (const info of (indexedDB.databases ? await indexedDB.databases() : [])) {
    const db = await new Promise((ok, ko) => { const r = indexedDB.open(info.name); r.onsuccess = () => ok(r.result); r.onerror = ko; });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((ok) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => ok(r.result); });
      records.push(info.name + '/' + store + ': ' + JSON.stringify(all));
    }
    db.close();
  }
  const cached = [];
  const names = self.caches ? await caches.keys() : [];
  for (const name of names) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = new TextDecoder().decode(await (await cache.match(request)).arrayBuffer());
      cached.push(name + ' ' + request.url + '\\n' + body);
    }
  }
  return {local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie,
          indexeddb: records.join('\\n'), caches: names, cached: cached.join('\\n')};
}"""


def stored(page) -> dict:
    """What the page's origin has stored (see STORED), for looking for what the user typed."""
    return page.evaluate(STORED)
