"""What changed: every rule whose value changed on a known day (a claim's
``from`` or ``until`` in the data), newest first, for the Recent changes pages
and their Atom feeds (the whole country, and each province).

Everything comes from the data, dates included, so two builds of the same
data give the same feed. Entries link to the rule on its page; feed links are
relative to the feed (Atom allows relative references, resolved against the
feed's own address), so the feed works wherever the site is served.
"""
from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from checker import words
from checker.rules import published_day


def entries(ds, view) -> list[dict]:
    """[{"date", "kind" ("from"|"until"), "province", "rule", "name", "value", "sources", "anchor"}], newest first."""
    found = []
    scopes = [(None, ds.data("national.yaml")["rules"])] + [(doc.data, doc.data["rules"]) for doc in ds.provinces]
    for province, rules in scopes:
        for rule_id, rule in rules.items():
            for claim in rule.get("claims", []):
                for kind in ("from", "until"):
                    if claim.get(kind):
                        found.append({
                            "date": str(claim[kind]), "kind": kind, "province": province, "rule": rule_id,
                            "name": view.rule_name(rule_id), "value": view.value(rule_id, claim["value"]),
                            "sources": claim.get("sources", []),
                            # national rules have no page of their own: their first source stands in
                            "page": f"provinces/{province['slug']}.md" if province else "sources.md",
                            "anchor": ("rule-" + rule_id.replace("_", "-")) if province
                            else "src-" + (claim.get("sources") or [""])[0].replace("_", "-"),
                        })
    found.sort(key=lambda e: (e["date"], e["province"]["code"] if e["province"] else "", e["rule"], e["kind"]),
               reverse=True)
    return found


def _stamp(day: str) -> str:
    found = published_day(day)
    return f"{found.isoformat() if found else day}T00:00:00Z"


def source_name(view, sid: str) -> str:
    return view.source_label(sid)


def atom(items: list[dict], *, title: str, feed_id: str, page: str, view, to_root: str) -> str:
    """An Atom 1.0 feed of ``items`` (from :func:`entries`). ``page`` is the HTML page the
    feed belongs to and ``to_root`` the path from the feed to the pages of its language, both relative."""
    updated = _stamp(items[0]["date"]) if items else "1970-01-01T00:00:00Z"
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{escape(title)}</title>",
           f"  <id>{escape(feed_id)}</id>",
           f"  <updated>{updated}</updated>",
           f'  <link rel="alternate" href="{escape(page)}"/>']
    for item in items:
        where = view.text(item["province"]["name"]) if item["province"] else view.ui("national_rule")
        verb = view.ui("since") if item["kind"] == "from" else view.ui("until")
        href = to_root + item["page"].removesuffix(".md") + "/#" + item["anchor"]
        sources = words.punct("sentence_sep", view.lang, view.labels).join(
            dict.fromkeys(source_name(view, sid) for sid in item["sources"]))
        colon = words.punct("colon", view.lang, view.labels)
        heading = (where + colon + item["name"] + colon + item["value"] + words.punct("paren_open", view.lang, view.labels)
                   + f"{verb} {item['date']}" + words.punct("paren_close", view.lang, view.labels))
        scope = item["province"]["slug"] if item["province"] else "national"
        entry_id = ":".join([feed_id, scope, item["rule"], item["kind"], item["date"]])
        out += ["  <entry>",
                f"    <title>{escape(heading)}</title>",
                f"    <id>{escape(entry_id)}</id>",
                f"    <updated>{_stamp(item['date'])}</updated>",
                f'    <link rel="alternate" href="{escape(href)}"/>',
                f"    <summary>{escape(view.ui('sources') + view.ui('colon') + sources)}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
