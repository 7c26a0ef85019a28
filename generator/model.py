"""What the pages show: rules resolved for a province and formatted for a language.

Which rule governs (province or national) is decided by checker.rules, so the
pages and the checker cannot disagree.
"""
from __future__ import annotations


from checker import words
from checker.rules import effective_rule as _effective, in_force  # noqa: F401  (one definition, shared with the checker)

LANGS = ("en", "zh")


def page_text(node):
    """Data as the pages' Markdown shows it: `<` and `>` in every string become
    entities, so no data text can open an HTML tag (validation refuses raw HTML;
    this is the second guard) and a placeholder such as `<name>` stays visible."""
    return _map_strings(node, lambda text: text.replace("<", "&lt;").replace(">", "&gt;"))


def plain_text(node):
    """The inverse of :func:`page_text`, for text that leaves the Markdown (JSON read by scripts)."""
    return _map_strings(node, lambda text: text.replace("&lt;", "<").replace("&gt;", ">"))


def _map_strings(node, change):
    if isinstance(node, str):
        return change(node)
    if isinstance(node, dict):
        return {key: _map_strings(value, change) for key, value in node.items()}
    if isinstance(node, list):
        return [_map_strings(item, change) for item in node]
    return node


class MissingTranslation(Exception):
    """A text needed for a page has no entry for the page's language."""


def effective_rule(province: dict | None, national: dict, rule_id: str):
    """Like checker.rules.effective_rule, given the national file's data."""
    return _effective(province, national["rules"], rule_id)


class View:
    """Formatting helpers bound to one language; every lookup fails loudly."""

    def __init__(self, ds, lang: str):
        self.lang = lang
        self.labels = ds.data("labels.yaml")
        self.sources = ds.sources

    def text(self, value: dict, what: str = "text") -> str:
        try:
            return value[self.lang]
        except (KeyError, TypeError):
            raise MissingTranslation(f"{what} has no '{self.lang}' text: {value!r}") from None

    def ui(self, key: str) -> str:
        entry = self.labels.get("ui", {}).get(key)
        if entry is None:
            raise MissingTranslation(f"UI string '{key}' is missing from province_data/labels.yaml (ui.{key})")
        return self.text(entry, f"ui.{key}")

    def enum(self, group: str, value: str) -> str:
        entry = self.labels["enums"].get(group, {}).get(value)
        if entry is None:
            raise MissingTranslation(f"no label for enums.{group}.{value}")
        return self.text(entry, f"enums.{group}.{value}")

    def rule_name(self, rule_id: str) -> str:
        entry = self.labels["rules"].get(rule_id)
        if entry is None:
            raise MissingTranslation(f"no name for rule '{rule_id}'")
        return self.text(entry, f"rules.{rule_id}")

    def value(self, rule_id: str, value, inline: bool = True) -> str:
        """A claim value as Markdown: the checker's words (checker.words), with addresses as links."""
        try:
            return words.value_text(rule_id, value, self.lang, self.labels, link=lambda url: f"<{url}>",
                                    block=not inline)
        except words.MissingLabel as exc:
            raise MissingTranslation(str(exc)) from None

    def period(self, claim: dict) -> str:
        start, end = claim.get("from"), claim.get("until")
        if start and end:
            return f"{start} – {end}"
        if start:
            return f"{self.ui('since')} {start}"
        if end:
            return f"{self.ui('until')} {end}"
        return ""

    def source(self, sid: str, field: str) -> str:
        """A source's publisher, title or note in this language (sources.yaml ``<field>_zh``)."""
        src = self.sources[sid]
        return src[field + "_zh"] if self.lang == "zh" else src[field]

    def source_label(self, sid: str) -> str:
        """"JD Cloud, 2018-09-12" / "京东云，2018-09-12"."""
        date = self.sources[sid]["published"]
        date = date if date != "unknown" else self.ui("undated")
        return self.source(sid, "publisher") + words.punct("source_date_sep", self.lang, self.labels) + date

    def source_link(self, sid: str, base: str) -> str:
        return f"[{self.source_label(sid)}]({self._source_url(sid, base)})"

    def source_links(self, ids, base: str) -> str:
        """Links to the sources. Sources with the same publisher and date are named once
        ("JD Cloud, 2018-09-12 2"): the others are numbered links titled with their titles."""
        groups: dict[str, list] = {}
        for sid in dict.fromkeys(ids):
            groups.setdefault(self.source_label(sid), []).append(sid)
        out = []
        for sids in groups.values():
            more = [f'[{n}]({self._source_url(sid, base)} "{self.source(sid, "title")}")'
                    for n, sid in enumerate(sids[1:], start=2)]
            out.append(" ".join([self.source_link(sids[0], base)] + more))
        return words.punct("sentence_sep", self.lang, self.labels).join(out)

    @staticmethod
    def _source_url(sid: str, base: str) -> str:
        return f"{base}sources.md#src-{sid.replace('_', '-')}"

    def values(self, rule_id: str, values: list, alternatives: bool = True) -> str:
        """The values in force, as the checker says them (conflicting numbers are a range)."""
        try:
            return words.values_text(rule_id, values, self.lang, self.labels, link=lambda url: f"<{url}>",
                                     alternatives=alternatives)
        except words.MissingLabel as exc:
            raise MissingTranslation(str(exc)) from None

    def fill(self, texts: dict, rule_id: str, values: list, alternatives: bool = True) -> str:
        """A step's sentence with the rule's values in it (checker.words.fill)."""
        return words.fill(texts, rule_id, values, self.lang, self.labels, link=lambda url: f"<{url}>",
                          alternatives=alternatives)

    def paren(self, text: str) -> str:
        """Text in brackets: " (…)" in English, "（…）" in Chinese."""
        return words.paren(text, self.lang, self.labels)

    def cited(self, text: str, citation: str) -> str:
        return words.cited(text, citation, self.lang, self.labels)

    def age_mark(self, years: int) -> str:
        """The visible "may be out of date" mark of a rule whose newest source is old."""
        return f'<span class="icp-age">{self.ui("age_mark").format(years=years)}</span>'

    def badge(self, status: str) -> str:
        return f'<span class="icp-status icp-status--{status}">{self.enum("status", status)}</span>'
