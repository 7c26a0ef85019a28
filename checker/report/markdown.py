"""The Markdown download of a result: the display sections as a checklist to print or keep."""
from __future__ import annotations

from checker import words


def _escape(text: str) -> str:
    # Text from the engine or the user must not turn into Markdown markup.
    out = str(text)
    for char in "\\`*_[]<>|#":
        out = out.replace(char, "\\" + char)
    return out


def _sources(sources, lang) -> str:
    if not sources:
        return ""
    labels = words.punct("list_sep", lang).join(_escape(s["label"]) for s in sources)
    return words.paren(words.ui("checker_sources", lang) + words.punct("colon", lang) + labels, lang)


def _block(block, lang) -> list:
    colon = words.punct("colon", lang)
    kind = block["kind"]
    if kind == "facts":
        return [f"- **{_escape(i['label'])}**{colon}{_escape(i['value'])}{_sources(i['sources'], lang)}"
                for i in block["items"]]
    if kind == "findings":
        if not block["items"]:
            return [_escape(block["empty"])]
        return [f"- **{_escape(f['severity_label'])}** {_escape(f.get('field_label') or f['field'])}{colon}"
                f"{_escape(f['message'])}" for f in block["items"]]
    if kind == "steps":
        lines = [f"### {_escape(block['title'])}", ""] if block.get("title") else []
        for item in block["items"]:
            note = f"*{_escape(item['note'])}*{item['note_join']}" if item.get("note") else ""
            lines.append(f"- [ ] {note}{_escape(item['text'])}{_sources(item['sources'], lang)}")
        return lines + [""]
    if kind == "table":
        lines = ["| " + " | ".join(_escape(c) for c in block["columns"]) + " |",
                 "|" + "---|" * len(block["columns"])]
        for row in block["rows"]:
            cells = [_escape(c["text"]) + (f" *{_escape(c['note'])}*" if c.get("note") else "")
                     + (_sources(c.get("sources"), lang) if c.get("sources") else "") for c in row]
            lines.append("| " + " | ".join(cells) + " |")
        return lines
    if kind == "code":
        return ["```html", block["text"], "```"]
    return [_escape(block["text"])]


def render(sections: list, lang: str, title: str | None = None) -> str:
    lines = [f"# {_escape(title or words.ui('checker_checklist_title', lang))}", ""]
    for section in sections:
        lines += [f"## {_escape(section['title'])}", ""]
        for block in section["blocks"]:
            lines += _block(block, lang) + [""]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
