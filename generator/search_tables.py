"""Table rows that read as separate pieces in search results.

Material's search plugin keeps only a few tags (p, li, code…) of a page's HTML
and joins the text of everything else, so a table's header and rows became one
run of words in a result ("Province Rule Status Newest source Beijing Unknown
Unknown Tianjin…"). This Markdown extension marks each table's header
`data-search-exclude` (Material's own switch) and puts each body cell's content
in a <p>, which the plugin keeps as a paragraph of its own. extra.css removes the
paragraphs' margins inside cells, so the tables look as before.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

BLOCKS = {"p", "ul", "ol", "div", "table", "pre", "blockquote"}


class _Tables(Treeprocessor):
    def run(self, root):
        for table in root.iter("table"):
            for head in table.iter("thead"):
                head.set("data-search-exclude", "")
            for cell in table.iter("td"):
                _paragraph(cell)


def _paragraph(cell) -> None:
    """Move the cell's text and inline children into one <p> (a cell with blocks is left alone)."""
    if any(child.tag in BLOCKS for child in cell) or not ((cell.text or "").strip() or len(cell)):
        return
    paragraph = etree.Element("p")
    paragraph.text, cell.text = cell.text, None
    for child in list(cell):
        cell.remove(child)
        paragraph.append(child)
    cell.append(paragraph)


class SearchableTables(Extension):
    def extendMarkdown(self, md):
        # Priority 5: after the inline patterns (20) have filled the cells.
        md.treeprocessors.register(_Tables(md), "icp_searchable_tables", 5)
