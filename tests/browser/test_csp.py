"""Every page carries a Content-Security-Policy with only what it needs, and the
site works under it: the checker, its worker under the header the server must
send for the workers' scripts (generator.csp.WORKER_POLICY; nginx sends it,
deploy/nginx.conf), and the search."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import csp
from tests.browser.conftest import PageLog, wait_ready
from tests.browser.test_checker_privacy import CSP_LISTENER
from tests.browser.test_checker_states import to_initial_filing

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
PAGES = ["/", "/glossary/", "/provinces/sichuan/", "/compare/", "/checklists/", "/application-format/",
         "/maintainers/", "/zh/", "/zh/provinces/beijing/", "/zh/checklists/", "/404.html"]


@pytest.fixture(scope="module")
def deployed_url(site_url):
    """nginx with deploy/nginx.conf: the pages' policy and the workers' header, as deployed."""
    return site_url


def csp_console(log):
    return [t for _, t in log.console if "Content Security Policy" in t or "Refused to" in t]


def test_every_page_carries_the_policy_and_only_the_hashes_it_needs(site_dir):
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = META.findall(html)
        assert len(found) == 1, path
        head = html.split("</head>", 1)[0]
        assert head.find("Content-Security-Policy") < head.lower().find("<script"), path
        assert found[0] == csp.policy(html), path            # its inline scripts' hashes, no more
        assert not re.search(r"unsafe-inline|unsafe-eval", found[0]), path


def test_pages_run_under_the_policy_without_a_violation(page, deployed_url):
    page.add_init_script(CSP_LISTENER)
    log = PageLog(page)
    for path in PAGES:
        page.goto(deployed_url + path)
        page.wait_for_load_state("load")
        policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert policy and "'self'" in policy, path
        page.wait_for_timeout(200)
        assert page.evaluate("window.__cspViolations") == [], path
    # Tooltips, navigation and the search (its worker runs under the workers' header).
    page.goto(deployed_url + "/glossary/")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("ICP")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert page.evaluate("window.__cspViolations") == []
    assert csp_console(log) == [] and log.errors == []
    # Enforced: an injected inline script does not run.
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__injected = 1'; document.body.append(s); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__injected") is None


def test_the_checker_works_under_the_pages_policy_and_the_workers_header(page, deployed_url):
    page.add_init_script(CSP_LISTENER)
    log = PageLog(page)
    page.set_default_timeout(30_000)
    page.goto(deployed_url + "/checker/")
    wait_ready(page)
    to_initial_filing(page)
    assert page.evaluate("window.icpChecker.field('mobile', '13800138000')")["ok"] is True
    assert page.evaluate("window.__cspViolations") == []
    assert csp_console(log) == [] and log.errors == []
    # The worker runs under its own policy (a <meta> one does not reach it):
    # Pyodide's WebAssembly compiles, a script from a data: URL does not load.
    worker = next(w for w in page.workers if w.url.endswith("/assets/checker/worker.mjs"))
    assert worker.evaluate("() => import('data:text/javascript,export default 1').then(() => 'ran', () => 'refused')") \
        == "refused"


def test_the_deploy_guide_gives_the_workers_header():
    for name in ("maintainers.md", "maintainers.zh.md"):
        text = (ROOT / "content" / name).read_text(encoding="utf-8")
        assert f"Content-Security-Policy: {csp.WORKER_POLICY}" in text, name
