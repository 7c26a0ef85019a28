"""The comparison tables can be sorted by the date of each rule's newest source
(issue 13): every such cell carries an ISO date in data-sort for tablesort,
which the site serves itself (tests/browser/test_sortable_tables.py clicks)."""
import json
import re

from checker.rules import published_day
from generator.render import UNDATED, newest_key
from tests.conftest import ROOT

TABLE = re.compile(r'<div class="icp-sortable">\s*<table>(.*?)</table>\s*</div>', re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[dh]([^>]*)>(.*?)</t[dh]>", re.S)
SORT = re.compile(r'\bdata-sort="([^"]*)"')
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&#32;", " ").strip()


def test_the_sort_key_is_the_iso_date_at_its_latest_and_undated_sorts_first():
    assert newest_key("2017-06-05") == "2017-06-05"
    assert newest_key("2018-01") == "2018-01-31"          # as the age mark counts a month alone
    assert newest_key("2023") == "2023-12-31"
    assert newest_key(None) == newest_key("") == newest_key("unknown") == UNDATED == "0001-01-01"
    assert UNDATED < newest_key("1900")


def test_every_newest_source_cell_of_the_comparison_pages_has_its_sort_key(built_site, dataset):
    from generator.model import View
    from generator.render import COMPARE_RULES
    for lang, page in (("en", "compare/index.html"), ("zh", "zh/compare/index.html")):
        html = (built_site / page).read_text(encoding="utf-8")
        tables = TABLE.findall(html)
        assert len(tables) == len(COMPARE_RULES), page
        header = View(dataset, lang).ui("newest_source")
        keys = set()
        for table in tables:
            head, *rows = ROW.findall(table)
            assert [visible(text) for _, text in CELL.findall(head)][-1] == header, page
            assert len(rows) == len(dataset.provinces), page
            for row in rows:
                attrs, text = CELL.findall(row)[-1]
                key = SORT.search(attrs).group(1)
                assert ISO.match(key), (page, row)
                shown = visible(text)
                assert "{" not in shown and "data-sort" not in shown, (page, row)   # attr_list took it
                date = re.match(r"\d{4}(?:-\d{2}){0,2}", shown)
                assert key == (published_day(date.group()).isoformat() if date else UNDATED), (page, row)
                keys.add(key)
            assert not SORT.search(head), page               # only the cells carry keys
        assert UNDATED in keys and len(keys) > 3, page       # dated and undated rules both appear
        # Tablesort, served by the site itself, then the script that starts it.
        scripts = [src.rsplit("assets/", 1)[-1] for src in re.findall(r'<script src="([^"]+)"', html)]
        assert scripts.index("tablesort/tablesort.min.js") < scripts.index("sortable-tables.js"), page
    # The pinned version (package-lock.json) is the one served, with its licence.
    lock = json.loads((ROOT / "package-lock.json").read_text())
    version = lock["packages"]["node_modules/tablesort"]["version"]
    assert (built_site / "assets/tablesort/tablesort.min.js").read_text().startswith(f"/*!\n * tablesort v{version} ")
    assert "Permission is hereby granted" in (built_site / "assets/tablesort/LICENCE").read_text()
