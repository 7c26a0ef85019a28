"""deploy/nginx.conf's routing on a small made-up site: the 404 page per
language, folders redirected to their slash, gzip for a client without br."""
from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from tests.nginx import Nginx

META = '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'


def page(text):
    return f"<!doctype html><html><head>{META}</head><body>{text}</body></html>"


def get(url, encoding="identity"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def made_site(tmp_path):
    site = tmp_path / "site"
    for rel, text in {"index.html": "HOME", "404.html": "EN-404", "zh/404.html": "ZH-404",
                      "guide/index.html": "GUIDE"}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(page(text))
    return site


@pytest.fixture
def nginx_for(tmp_path):
    servers = []

    def start(site):
        servers.append(Nginx(site, tmp_path / f"nginx{len(servers)}"))
        return servers[-1].url
    yield start
    for server in servers:
        server.stop()


def test_missing_pages_get_the_404_page_of_their_language(made_site, nginx_for):
    url = nginx_for(made_site)
    status, headers, body = get(url + "/no/such/page/")
    assert status == 404 and b"EN-404" in body and headers["Cache-Control"] == "no-cache"
    assert headers["Content-Security-Policy"] == "default-src 'self'"       # the 404 page's own policy
    status, _, body = get(url + "/zh/no/such/page/")
    assert status == 404 and b"ZH-404" in body


def test_without_a_chinese_404_page_the_english_one_is_sent(made_site, nginx_for):
    (made_site / "zh" / "404.html").unlink()
    status, _, body = get(nginx_for(made_site) + "/zh/nothing")
    assert status == 404 and b"EN-404" in body


def test_a_folder_is_redirected_to_its_slash_and_gzip_is_sent_when_br_is_not_accepted(made_site, nginx_for):
    from generator.precompress import compress_site
    html = made_site / "guide" / "index.html"
    html.write_text(page("GUIDE " * 200))
    compress_site(made_site, made_site.parent / "cache")
    url = nginx_for(made_site)
    request = urllib.request.Request(url + "/guide", method="HEAD")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request)
    assert redirect.value.code == 301 and redirect.value.headers["Location"] == "/guide/"
    status, headers, body = get(url + "/guide/", "gzip")
    assert status == 200 and headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == html.read_bytes()
    status, headers, body = get(url + "/guide/")
    assert "Content-Encoding" not in headers and body == html.read_bytes()


def test_the_csp_map_and_the_single_header_come_from_the_pages(built_site):
    import re
    from generator import csp
    meta = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
    entries = dict(re.findall(r'^    "(/[^"]+\.html)" "([^"]*)";$', csp.nginx_map(built_site), re.M))
    header = csp.single_header(built_site)
    pages = sorted(built_site.rglob("*.html"))
    assert len(entries) == len(pages) > 200
    assert "'wasm-unsafe-eval'" in header and "unsafe-inline" not in header
    for path in pages:
        policy = meta.search(path.read_text(encoding="utf-8")).group(1)
        assert entries["/" + path.relative_to(built_site).as_posix()] == policy
        # the one header, enforced with the page's meta, still lets the page's own scripts run
        assert set(re.findall(r"'sha256-[^']+'", policy)) <= set(re.findall(r"'sha256-[^']+'", header))
