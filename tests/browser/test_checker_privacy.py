"""Same origin only, the CSP holds, and nothing typed is kept or leaked."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import answer_initial_filing, open_checker, stored

pytestmark = pytest.mark.browser

SECRET_NAME = "测试隐私张三丰"
SECRET_ID = "510104199001011238"
SECRET_MOBILE = "13912345678"
SECRET_EMAIL = "secret.person@example.org"
SECRET_SITE = "隐私测试站点名称"

CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI));
"""


def origin_of(url: str) -> str:
    if url.startswith("blob:"):
        url = url[len("blob:"):]
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def fill_everything(page):
    answer_initial_filing(page)
    page.fill("#icp-entity-name", SECRET_NAME)
    page.fill("#icp-entity-leader-name", SECRET_NAME)
    page.fill("#icp-entity-leader-id-number", SECRET_ID)
    page.fill("#icp-entity-leader-mobile", SECRET_MOBILE)
    page.fill("#icp-entity-leader-email", SECRET_EMAIL)
    page.fill("#icp-website-name", SECRET_SITE)
    page.fill("#icp-website-domains", "example.com")
    page.fill("#icp-numbers-icp-number", "蜀ICP备12345678号-1")
    page.wait_for_selector("#icp-checker .icp-result__footer code")
    page.wait_for_selector("#icp-entity-leader-id-number-msg li")
    page.wait_for_timeout(500)


@pytest.fixture
def watched(context, page, site_url):
    """A checker page with every request of the context (worker included) recorded from the start."""
    seen = []
    context.on("request", lambda r: seen.append(r.url))
    page.add_init_script(CSP_LISTENER)
    log = open_checker(page, site_url + "/checker/")
    return page, log, seen


def test_every_request_goes_to_the_sites_own_origin(watched, site_url):
    page, log, context_requests = watched
    fill_everything(page)
    with page.expect_download():
        page.get_by_role("button", name="Download the checklist").click()
    page.get_by_role("button", name="Share this result").click()
    page.wait_for_timeout(300)
    own = origin_of(site_url)
    everything = context_requests + log.requests
    assert any(u.endswith(".wasm") for u in everything)        # the worker's fetches are seen too
    assert any(u.endswith(".whl") for u in everything)
    strangers = sorted({u for u in everything if not u.startswith("data:") and origin_of(u) != own})
    assert strangers == []
    assert all("pyodide" not in u or "/assets/pyodide/" in u for u in everything)


def test_csp_is_in_force_and_nothing_violates_it(watched):
    page, log, _ = watched
    fill_everything(page)
    csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "script-src 'self' 'sha256-" in csp and "unsafe" not in csp    # wasm runs in the worker, not here
    assert "form-action 'none'" in csp and "object-src 'none'" in csp and "worker-src 'self'" in csp
    assert page.evaluate("window.__cspViolations") == []
    assert not [t for kind, t in log.console if "Content Security Policy" in t or "Refused to" in t]
    # The policy is enforced: an injected inline script does not run.
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.__injected = 1'; document.body.append(s); }""")
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__injected") is None
    assert log.errors == []


def test_nothing_typed_is_stored_logged_or_put_in_the_url(watched, context):
    page, log, _ = watched
    fill_everything(page)
    page.get_by_role("button", name="Share this result").click()
    page.wait_for_timeout(300)
    kept = stored(page)
    assert kept["cookie"] == "" and context.cookies() == []
    # Only the service worker's caches (the site's own files and pages) and no database.
    assert all(name.startswith("icp-") for name in kept["caches"]) and kept["indexeddb"] == ""
    url = page.evaluate("location.href")
    logged = "\n".join(t for _, t in log.console)
    for secret in (SECRET_NAME, SECRET_ID, SECRET_MOBILE, SECRET_EMAIL, SECRET_SITE, "12345678"):
        for where in ("local", "session", "indexeddb"):
            assert secret not in kept[where], where
        # The cached runtime may well hold the digits 12345678; the rest is distinctive.
        assert secret == "12345678" or secret not in kept["cached"]
        assert secret not in url
        assert secret not in logged
    assert not [t for kind, t in log.console if kind == "log"]


def test_csp_meta_comes_first_and_hashes_match_the_inline_scripts(site_dir):
    from generator import csp
    for rel in ("checker/index.html", "zh/checker/index.html"):
        html = (site_dir / rel).read_text(encoding="utf-8")
        head = html.split("</head>")[0]
        assert head.index('http-equiv="Content-Security-Policy"') < head.index("<script")
        assert csp.PLACEHOLDER not in html
        for body in csp.inline_scripts(html):
            assert csp.script_hash(body) in html
