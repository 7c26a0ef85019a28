"""The comparison tables sort by a click on a column header (issue 13): by the
date of each rule's newest source, undated first, in both editions; tablesort
comes from this site, and the page asks no other origin for anything."""
from urllib.parse import urlsplit

import pytest

from generator.render import COMPARE_RULES, UNDATED
from tests.browser.conftest import PageLog
from tests.browser.test_checker_a11y import blocking_violations

pytestmark = pytest.mark.browser

TABLES = ".icp-sortable table"
# Each table's rows as (sort key of the newest-source cell, text of the province cell).
ROWS = """table => [...table.tBodies[0].rows].map(r => [r.cells[3].dataset.sort, r.cells[0].textContent.trim()])"""


def open_compare(page, url):
    log = PageLog(page)
    page.goto(url)
    page.wait_for_selector(f"{TABLES} th[role=columnheader]")    # tablesort has started
    return log


@pytest.mark.parametrize("lang, path", [("en", "/compare/"), ("zh", "/zh/compare/")])
def test_a_click_on_the_newest_source_header_orders_the_rows_by_date(page, site_url, dataset, lang, path):
    from generator.model import View
    label = View(dataset, lang).ui("newest_source")
    log = open_compare(page, site_url + path)
    tables = page.locator(TABLES)
    assert tables.count() == len(COMPARE_RULES)
    for i in range(tables.count()):
        table = tables.nth(i)
        before = table.evaluate(ROWS)
        header = table.locator("thead th", has_text=label)
        header.click()
        assert header.get_attribute("aria-sort") == "ascending"
        rows = table.evaluate(ROWS)
        keys = [key for key, _ in rows]
        assert keys == sorted(keys) and sorted(rows) == sorted(before), (path, i)
        header.click()
        assert header.get_attribute("aria-sort") == "descending"
        # The exact reverse, rows of the same date included (tablesort's way).
        assert table.evaluate(ROWS) == rows[::-1], (path, i)
    # Undated rules sort as the oldest; the first table has some.
    first = tables.nth(0)
    first.locator("thead th", has_text=label).click()       # back to ascending
    assert first.evaluate(ROWS)[0][0] == UNDATED
    # Only this site was asked for anything, tablesort included, and nothing failed.
    origin = urlsplit(site_url).netloc
    assert [u for u in log.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != origin] == []
    assert any(u.endswith("/assets/tablesort/tablesort.min.js") for u in log.requests)
    # (Material's language switcher asks for <page>/sitemap.xml, which is not there: a 404 in the console.)
    assert [t for t in log.problems() if not t.startswith("Failed to load resource")] == []


def test_other_columns_sort_in_the_pages_language_and_the_keyboard_sorts_too(page, site_url):
    open_compare(page, site_url + "/zh/compare/")
    table = page.locator(TABLES).first
    province = table.locator("thead th").first
    province.focus()
    province.press("Enter")
    names = [name for _, name in table.evaluate(ROWS)]
    # Pinyin order, as a Chinese reader expects: 安徽 (An) first, 重庆 (Chongqing) before 福建 (Fujian).
    assert names[0] == "安徽省" and names.index("重庆市") < names.index("福建省"), names
    assert names == page.evaluate("names => [...names].sort(new Intl.Collator('zh').compare)", names)
    # The sortable headers (focusable, with aria-sort) raise no serious accessibility violation.
    assert blocking_violations(page) == []


def test_without_javascript_the_tables_read_in_the_datas_order(browser, site_url, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + "/compare/")
        table = page.locator(TABLES).first
        assert table.locator("th[role=columnheader]").count() == 0
        # The same rows, in the order of the generated page (province by province, by code).
        shown = [row.locator("td").first.inner_text().strip() for row in table.locator("tbody tr").all()]
        section = pages["compare.md"].split("\n## ")[1]
        assert shown == [line.split("](")[0].removeprefix("| [") for line in section.splitlines()
                         if line.startswith("| [")]
    finally:
        context.close()
