"""One result model, three renderings: the page's HTML (result.js), the Markdown
download and the CLI text all lay out checker.api.view's sections, so they
show the same finding messages, step texts, dates and verdict line.

The page side runs in the browser: the worker's view (through the page's own
client.js module) rendered by result.js into a detached element. The Python
side runs here: checker.api.view, checker.cli.format_report and
checker.report.markdown.render. The browser checks with today's date, so the
Python side is given today too.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from tests.browser.conftest import open_checker
from tests.pyodide.cases import FORMAT, valid_resident_id

pytestmark = pytest.mark.browser

DATES = {"domain_registered": "2026-01-05", "real_name_verified": "2026-01-10",
         "submit": "2026-12-01", "launch": "2027-01-15"}

APPLICATIONS = {
    # An organisation in Sichuan with errors (USCC check character, mobile, e-mail) and a checklist.
    "organisation-51": {
        "format": FORMAT, "province": "51",
        "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
        "entity": {"kind": "organisation", "name": "成都示例科技有限公司", "uscc": "91510100MA61234567"},
        "entity_leader": {"name": "张三", "id_type": "resident_id",
                          "id_number": valid_resident_id("51010419900101123"),
                          "mobile": "1380013800", "email": "admin@@example.com"},
        "website": {"name": "示例科技", "domains": ["example.com"]},
        "dates": DATES,
        "numbers": {"icp_number": "蜀ICP备12345678号-1"},
        "content_categories": ["news"],
    },
    # An individual in Gansu who can file (a personal-site name without banned words).
    "individual-62": {
        "format": FORMAT, "province": "62",
        "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
        "entity": {"kind": "individual", "name": "李四"},
        "entity_leader": {"name": "李四", "id_type": "resident_id",
                          "id_number": valid_resident_id("62010219900101123"), "mobile": "13800138000"},
        "website": {"name": "李四生活记录", "domains": ["lisi.cn"]},
        "dates": DATES,
    },
    # No filing needed.
    "no-filing": {
        "format": FORMAT, "province": "51",
        "answers": {"server_location": "outside_mainland", "mainland_acceleration": "no"},
    },
    # Input that cannot be used.
    "unusable": {"format": FORMAT, "answers": {}, "colour": "blue"},
}

CASES = [(name, "en") for name in APPLICATIONS] + [("organisation-51", "zh"), ("individual-62", "zh")]

RENDER_IN_PAGE = """async ([base, application]) => {
    const client = await import(base + "/assets/checker/client.js");
    const result = await import(base + "/assets/checker/result.js");
    const dom = await import(base + "/assets/checker/dom.js");
    const root = document.getElementById("icp-checker");
    const strings = JSON.parse(document.getElementById("icp-checker-strings").textContent);
    const words = new dom.Words(strings, dom.pageLang(root));
    const view = await client.view(application);
    const box = document.createElement("div");
    box.append(...result.renderSections(view.sections, {words, lang: words.lang, ticked: new Set(), controlFor: null}));
    const texts = (selector) => [...box.querySelectorAll(selector)].map((e) => e.textContent);
    return {
        view,
        text: box.textContent,
        findings: texts(".icp-result__messages li"),
        steps: texts(".icp-checklist li .icp-step__text"),
        facts: texts(".icp-result__timeline dd"),
        headings: texts("h2, h3"),
        tags: box.querySelectorAll("script, img, iframe, [onerror], [onload]").length,
    };
}"""


@pytest.fixture(scope="module")
def pages(browser, site_url):
    context = browser.new_context()
    out = {}
    for lang, path in (("en", "/checker/"), ("zh", "/zh/checker/")):
        page = context.new_page()
        open_checker(page, site_url + path)
        out[lang] = page
    yield out
    context.close()


def _unescape_markdown(text):
    return re.sub(r"\\([\\`*_\[\]<>|#])", r"\1", text)


def _items(sections, kind):
    return [item for s in sections for b in s["blocks"] if b["kind"] == kind for item in b["items"]]


def _timeline_values(sections):
    return [item["value"] for s in sections if s["id"] == "timeline"
            for b in s["blocks"] if b["kind"] == "facts" for item in b["items"]]


@pytest.mark.parametrize("name,lang", CASES, ids=[f"{n}-{lang}" for n, lang in CASES])
def test_page_download_and_cli_say_the_same(pages, site_url, name, lang):
    from checker import api, cli, words
    from checker.report import markdown, present

    application = APPLICATIONS[name]
    got = pages[lang].evaluate(RENDER_IN_PAGE, [site_url, application])
    want = json.loads(json.dumps(api.view(application, lang, today=dt.date.today()), ensure_ascii=False))
    # The worker's view (Pyodide) is checker.api.view (CPython).
    assert got["view"] == want
    sections = want["sections"]
    report = want["report"]
    html = got["text"]
    download = _unescape_markdown(markdown.render(sections, lang))
    assert download == _unescape_markdown(want["markdown"])
    text = cli.format_report(name, report, lang)

    verdict = present.verdict_line(report, lang)
    findings = _items(sections, "findings")
    steps = _items(sections, "steps")
    dates = _timeline_values(sections)
    if name == "organisation-51":
        # Errors: it cannot be filed this way, so no approval dates, and the steps say they come after the fix.
        assert any(f["severity"] == "error" for f in findings) and steps and not dates
        assert words.ui("checker_once_fixed", lang) in [b.get("text") for s in sections for b in s["blocks"]]
    if name == "individual-62":
        assert steps and dates
    if name == "unusable":
        assert not report["usable"] and findings

    for rendering, shown in (("page", html), ("download", download), ("cli", text)):
        assert verdict in shown, rendering
        for value in [f["message"] for f in findings] + [s["text"] for s in steps] + dates:
            assert str(value) in shown, (rendering, value)
        for section in sections[1:]:      # the CLI heads the summary with the file's name
            assert section["title"] in shown, (rendering, section["title"])

    # The page shows them in the model's order, each severity in words.
    colon = words.punct("colon", lang)
    # (each followed by links to the sources it cites, under their display names)
    assert len(got["findings"]) == len(findings)
    for shown_item, f in zip(got["findings"], findings):
        assert shown_item.startswith(f["severity_label"] + colon + f["message"]), shown_item
        assert all(source["label"] in shown_item[len(f["message"]):] for source in f["sources"]), shown_item
    assert got["steps"] == [s["text"] for s in steps]
    assert got["facts"] == dates
    assert got["headings"] == [s["title"] for s in sections]
    assert got["tags"] == 0
    # The download's checklist and the CLI's numbered steps follow the same order.
    boxes = [line for line in download.splitlines() if line.startswith("- [ ] ")]
    assert len(boxes) == len(steps) and all(s["text"] in line for s, line in zip(steps, boxes))
    numbered = [line for line in text.splitlines() if re.match(r"^    \d+\. ", line)]
    assert len(numbered) == len(steps) and all(s["text"] in line for s, line in zip(steps, numbered))


def test_the_page_renders_every_block_kind(pages, site_url):
    """Between them the cases above reach every kind of block the model has."""
    from checker import api
    kinds = set()
    for name in APPLICATIONS:
        for section in api.view(APPLICATIONS[name], "en")["sections"]:
            kinds |= {b["kind"] for b in section["blocks"]}
    assert kinds >= {"facts", "findings", "steps", "table", "code", "text"}
