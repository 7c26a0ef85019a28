"""The CLI's plain-text rendering of the display sections (checker.report.present)."""
from __future__ import annotations

from checker import words


def _sources(sources, lang) -> str:
    if not sources:
        return ""
    labels = words.punct("list_sep", lang).join(s["label"] for s in sources)
    return " [" + words.ui("checker_sources", lang) + words.punct("colon", lang) + labels + "]"


def _severity(label, lang) -> str:
    # Upper case stands out in a terminal; it leaves Chinese as it is.
    return label.upper()


def findings_lines(items, empty, lang) -> list:
    if not items:
        return ["  " + empty]
    width = max(len(_severity(f["severity_label"], lang)) for f in items)
    lines = []
    for f in items:
        # input.* messages start with the place already
        label = f.get("field_label") or f["field"]
        where = "" if f["message"].startswith(f["field"]) else label + words.punct("colon", lang)
        lines.append("  %-*s  %s%s" % (width, _severity(f["severity_label"], lang), where, f["message"]))
    return lines


def _block(block, lang, counter) -> list:
    colon = words.punct("colon", lang)
    kind = block["kind"]
    if kind == "facts":
        return [f"  {i['label']}{colon}{i['value']}{_sources(i['sources'], lang)}" for i in block["items"]]
    if kind == "findings":
        return findings_lines(block["items"], block["empty"], lang)
    if kind == "steps":
        lines = ["  " + block["title"]] if block.get("title") else []
        for item in block["items"]:
            counter[0] += 1
            note = item["note"] + item["note_join"] if item.get("note") else ""
            lines.append(f"    {counter[0]}. {note}{item['text']}{_sources(item['sources'], lang)}")
        return lines
    if kind == "table":
        lines = []
        for row in block["rows"]:
            cells = [c["text"] + (words.paren(c["note"], lang) if c.get("note") else "") for c in row if c.get("text")]
            sources = [s for c in row for s in c.get("sources", [])]
            lines.append("  " + colon.join(cells[:1]) + colon + " · ".join(cells[1:]) + _sources(sources, lang))
        return lines
    if kind == "code":
        return ["  " + block["text"]]
    return ["  " + block["text"]]


def render(title: str, sections: list, lang: str) -> str:
    """The human-readable report for one application."""
    lines = [title, "=" * max(len(title), 8)]
    counter = [0]
    for i, section in enumerate(sections):
        counter[0] = 0  # numbered lists restart in each section
        if i:
            lines += ["", section["title"]]
        for block in section["blocks"]:
            if i == 0 and block["kind"] == "facts":
                # The verdict line first, as the answer; then the rest of the summary.
                items = block["items"]
                lines.append(items[0]["value"])
                if len(items) > 1:
                    lines += ["", section["title"]] + _block(dict(block, items=items[1:]), lang, counter)
                continue
            lines += _block(block, lang, counter)
    return "\n".join(lines)
