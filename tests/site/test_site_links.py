"""Links every built page carries: language alternates that Material can resolve,
a "Report a problem" link, one per rule on province pages, and a 404 page per language."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import yaml

from tests.conftest import ROOT

UI = yaml.safe_load((ROOT / "province_data/labels.yaml").read_text(encoding="utf-8"))["ui"]


def pages(site):
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if not rel.startswith(("assets/", "search/")):
            yield "/" + rel.removesuffix("index.html"), page.read_text(encoding="utf-8")


def test_alternate_links_point_at_language_roots_that_have_a_sitemap(built_site):
    """Material fetches sitemap.xml next to every <link rel="alternate">."""
    for address, html in pages(built_site):
        for href in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang=', html):
            target = urljoin("http://site" + address, href).removeprefix("http://site")
            assert target in ("/", "/zh/"), (address, href)
            assert (built_site / target.lstrip("/") / "sitemap.xml").exists(), target


def test_every_page_has_a_feedback_link_with_its_address(built_site):
    for address, html in pages(built_site):
        lang = "zh" if address.startswith("/zh/") else "en"
        links = re.findall(r'<p class="icp-feedback"><a href="([^"]*)"[^>]*>([^<]*)</a>', html)
        assert len(links) == 1, address
        href, text = links[0]
        assert text == UI["feedback_page"][lang]
        assert unescape(href).count(address.replace("/", "%2F")) >= 2, (address, href)   # title and body


def test_every_rule_on_a_province_page_has_a_feedback_link(built_site):
    for address, html in pages(built_site):
        if not re.fullmatch(r"(/zh)?/provinces/[a-z]+/", address):
            continue
        rules = re.findall(r'<h3 id="rule-([a-z0-9-]+)"', html)
        links = re.findall(r'<p class="icp-feedback icp-feedback--rule"><a href="([^"]*)"', html)
        assert rules and len(links) == len(rules), address
        for rule, href in zip(rules, links):
            assert rule.replace("-", "_") in href, (address, rule)


def test_a_404_page_in_each_language(built_site):
    for path, lang in (("404.html", "en"), ("zh/404.html", "zh")):
        html = (built_site / path).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        assert UI["not_found_title"][lang] in html
