"""What the pages show: rules resolved for a province and formatted for a language.

Which rule governs (province or national) is decided by checker.rules, so the
pages and the checker cannot disagree.
"""
from __future__ import annotations


from checker.rules import effective_rule as _effective, in_force  # noqa: F401  (one definition, shared with the checker)

LANGS = ("en", "zh")


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
        """Format a claim value as Markdown."""
        sep = "、" if self.lang == "zh" else ", "
        if isinstance(value, bool):
            return self.ui("yes" if value else "no")
        if isinstance(value, int):
            return str(value)
        if isinstance(value, str):
            if value.startswith("http"):
                return f"<{value}>"
            return self.enum(rule_id, value)
        if isinstance(value, list):
            if all(isinstance(v, str) for v in value):
                return sep.join(value)
            items = [self.text(v) for v in value]
            if not inline:
                return "\n".join(f"- {i}" for i in items)
            return "".join(items) if self.lang == "zh" else "; ".join(items)
        if isinstance(value, dict):
            if "name" in value and "website" in value:
                site = value["website"]
                name = self.text(value["name"])
                return name if site == "unknown" else f"{name} (<{site}>)"
            if "text" in value:
                out = self.text(value["text"])
                if value.get("required_suffixes"):
                    out += f" ({self.ui('required_suffixes')}{self.ui('colon')}{sep.join(value['required_suffixes'])})"
                if value.get("banned_words"):
                    out += f" ({self.ui('banned_words')}{self.ui('colon')}{sep.join(value['banned_words'])})"
                return out
            return sep.join(f"{self.ui('limit_' + k)}{self.ui('colon')}{v}" for k, v in sorted(value.items()))
        raise TypeError(f"cannot format {value!r} for rule {rule_id}")

    def period(self, claim: dict) -> str:
        start, end = claim.get("from"), claim.get("until")
        if start and end:
            return f"{start} – {end}"
        if start:
            return f"{self.ui('since')} {start}"
        if end:
            return f"{self.ui('until')} {end}"
        return ""

    def source_link(self, sid: str, base: str) -> str:
        src = self.sources[sid]
        date = src["published"] if src["published"] != "unknown" else self.ui("undated")
        return f"[{src['publisher']}, {date}]({base}sources.md#src-{sid.replace('_', '-')})"

    def source_links(self, ids, base: str) -> str:
        return "; ".join(self.source_link(s, base) for s in ids)

    def badge(self, status: str) -> str:
        return f'<span class="icp-status icp-status--{status}">{self.enum("status", status)}</span>'
