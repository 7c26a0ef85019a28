"""Render the Markdown pages of the site from the validated data set.

`render_all(ds)` returns {relative path: text}; it writes nothing, so tests
can look at every page without MkDocs or a file system.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import jinja2

from checker import words
from checker.rules import age_years, newest_source, published_day, stale
from checker.ruleset import preapproval_on
from checker.steps import ask_question, checklist_case
from generator import changes, theme
from checker.steps import select as select_steps
from generator.model import LANGS, View, effective_rule, in_force, page_text, plain_text

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "site_templates" / "pages"
CONTENT = ROOT / "content"

# The order rules appear on a province page; the last three fall back to the
# national rule when the province has no rule of its own.
PROVINCE_RULES = (
    "non_local_individual", "foreign_individual", "leader_legal_rep", "website_leader_authorisation",
    "leaders_relation", "local_mobile", "min_age_individual", "min_age_org_leader", "min_age_website_leader",
    "verification_method", "sms_verification",
    "domain_certificate", "domain_limits", "domain_min_age_days", "extra_documents",
    "personal_site_naming", "footer_number", "copyright_notice", "icp_prefixes", "authority",
    "personal_site_remarks", "landline_required", "address_same_city", "foreign_registrar_domains", "temporary_id",
    "individual_org_domains", "annual_review", "empty_shell_add_service", "distinct_phones", "domain_validity_days",
    "domain_holder_matches_entity", "foreign_company",
)
COMPARE_RULES = (
    "non_local_individual", "leader_legal_rep", "local_mobile", "min_age_individual",
    "min_age_org_leader", "sms_verification", "verification_method", "extra_documents",
)
ENTITIES = ("organisation", "individual")
# The sort key of a rule with no dated source: it sorts as the oldest.
UNDATED = dt.date.min.isoformat()


def newest_key(newest: str | None) -> str:
    """A machine-readable sort key for a newest-source date: the ISO date it
    stands for at its latest (a month alone is its last day, as for the age mark)."""
    day = published_day(newest)
    return day.isoformat() if day else UNDATED


def as_of(ds) -> dt.date:
    from generator.checks import iter_rules, parse_date
    dates = [parse_date(rule["verified"]) for _, _, rule in iter_rules(ds)]
    return max(d for d in dates if d)


def suffix(lang: str) -> str:
    return "" if lang == "en" else f".{lang}"


def _page_dataset(ds):
    """A copy of the data set whose texts are safe to put into Markdown (model.page_text)."""
    def copy(doc):
        return replace(doc, data=page_text(doc.data))
    return replace(ds, docs={name: copy(doc) for name, doc in ds.docs.items()},
                   provinces=[copy(doc) for doc in ds.provinces])


def _json_dumps(obj, **kwargs) -> str:
    """`tojson` in templates: the data's own text, for scripts that show it as text."""
    return json.dumps(plain_text(obj), **kwargs)


class Renderer:
    def __init__(self, ds, today: dt.date | None = None):
        self.ds = _page_dataset(ds)
        # Pages show the rules in force on the newest verification date, not on
        # the build date, so the same data always gives the same pages.
        self.today = today or as_of(ds)
        self.national = self.ds.data("national.yaml")
        self.provinces = [d.data for d in self.ds.provinces]
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            autoescape=False,  # Markdown output; the data's texts are escaped once (_page_dataset)
        )
        self.env.policies["json.dumps_function"] = _json_dumps

    # --- view models --------------------------------------------------------
    def rule_view(self, view: View, rule: dict | None, rule_id: str, origin: str, base: str) -> dict:
        if rule is None:
            return {"id": rule_id, "name": view.rule_name(rule_id), "status": "unknown",
                    "badge": view.badge("unknown"), "verified": "", "origin": origin,
                    "claims": [], "checked": "", "note": "", "summary": view.enum("status", "unknown"),
                    "newest": "", "newest_key": UNDATED, "age_mark": ""}
        claims = []
        for claim in rule.get("claims", []):
            claims.append({
                "value": view.value(rule_id, claim["value"]),
                "period": view.period(claim),
                "sources": view.source_links(claim["sources"], base),
                "note": view.text(claim["note"], f"{rule_id} note") if "note" in claim else "",
                "current": in_force(claim, self.today),
            })
        raw = [c["value"] for c in rule.get("claims", []) if in_force(c, self.today)] or \
            [c["value"] for c in rule.get("claims", [])]
        newest = newest_source([sid for claim in rule.get("claims", []) for sid in claim["sources"]], view.sources)
        if rule["status"] == "unknown":
            summary = view.enum("status", "unknown")
        else:
            summary = view.values(rule_id, raw, alternatives=rule["status"] == "conflicting")
        return {
            "id": rule_id,
            "values": raw,
            "name": view.rule_name(rule_id),
            "status": rule["status"],
            "badge": view.badge(rule["status"]),
            "verified": rule["verified"],
            "origin": origin,
            "claims": claims,
            "checked": view.source_links(rule.get("checked", []), base),
            "note": view.text(rule["note"], f"{rule_id} note") if "note" in rule else "",
            "summary": summary,
            # The newest date its sources carry, and a mark when that is old (checker.rules.stale).
            "newest": newest or (view.ui("newest_source_none") if claims else ""),
            "newest_key": newest_key(newest),
            "age_mark": view.age_mark(age_years(newest, self.today)) if stale(newest, self.today) else "",
        }

    def province_rule(self, view, province, rule_id, base):
        rule, origin = effective_rule(province, self.national, rule_id)
        return self.rule_view(view, rule, rule_id, origin, base)

    def checklist(self, view: View, province: dict | None, entity: str, base: str,
                  case: str = "checklist") -> tuple[list[dict], list[str], str]:
        """(phases with their tick items, questions for the access provider,
        the date of its data) of a printable checklist.

        A step resting on a rule nobody has documented is a question, not a
        tick item (the checker does the same: checker.steps). The date of the
        data is the newest `verified` of the rules its steps rest on (the
        pages' day when none does), so the same data prints the same date.
        """
        data = self.ds.data("steps.yaml")
        conditions = data.get("conditions", {})
        phases: dict[str, dict] = {}
        ask: list[str] = []
        where = view.text(province["name"]) if province else view.ui("app_checklist_province")
        verified: list[str] = []
        for sel in select_steps(data, province, self.national["rules"], entity, self.today,
                                **checklist_case(data, case)):
            step = sel["step"]
            text = view.text(step["text"], f"step {step['id']}")
            rv = None
            if "rule" in step:
                rv = self.rule_view(view, sel["rule"], step["rule"], sel["origin"], base)
                verified.append(rv["verified"])
                if rv["status"] == "unknown":
                    ask.append(ask_question(rv["name"], where, view.lang, view.labels))
                    if step.get("when_unknown") != "keep":
                        continue
                    text = text.replace("{value}", view.ui("ask_provider_value"))
                else:
                    text = view.fill(step, step["rule"], rv["values"], alternatives=rv["status"] == "conflicting")
            phase = phases.setdefault(sel["phase"]["id"], {"title": view.text(sel["phase"]["title"]), "items": []})
            phase["items"].append({
                "id": step["id"],
                "text": text,
                "condition": view.text(conditions[step["only_if"]]) if sel["conditional"] else "",
                "sources": view.source_links(sel["sources"], base),
                "rule": rv,
            })
        return list(phases.values()), ask, max(filter(None, verified), default=self.today.isoformat())

    # --- pages --------------------------------------------------------------
    def _page(self, template: str, lang: str, base: str, **ctx) -> str:
        view = View(self.ds, lang)
        return self.env.get_template(template).render(
            lang=lang, ui=view.ui, view=view, base=base, national=self.national,
            provinces=self.provinces, entities=ENTITIES, **ctx)

    def province_pages(self, lang: str) -> dict:
        view = View(self.ds, lang)
        pages = {}
        feedback = theme.feedback_template()
        for p in self.provinces:
            rules = [self.province_rule(view, p, rid, "../") for rid in PROVINCE_RULES]
            address = theme.page_address(lang, f"provinces/{p['slug']}/")
            pages[f"provinces/{p['slug']}{suffix(lang)}.md"] = self._page(
                "province.md.j2", lang, "../", p=p, rules=rules,
                feedback=lambda rule_id, address=address: theme.feedback_url(feedback, lang, address, rule_id))
            for entity in ENTITIES:
                phases, ask, data_date = self.checklist(view, p, entity, "../")
                pages[f"checklists/{p['slug']}-{entity}{suffix(lang)}.md"] = self._page(
                    "checklist.md.j2", lang, "../", p=p, entity=entity, phases=phases, ask=ask,
                    generated=self.today.isoformat(), data_date=data_date)
        return pages

    def compare_page(self, lang: str) -> str:
        view = View(self.ds, lang)
        tables = []
        for rid in COMPARE_RULES:
            rows = [(p, self.province_rule(view, p, rid, "")) for p in self.provinces]
            tables.append({"id": rid, "name": view.rule_name(rid), "rows": rows})
        return self._page("compare.md.j2", lang, "", tables=tables)

    def sources_page(self, lang: str) -> str:
        cited: dict[str, int] = {}
        for rule in self._all_rules():
            for claim in rule.get("claims", []):
                for sid in claim["sources"]:
                    cited[sid] = cited.get(sid, 0) + 1
        sources = sorted(self.ds.data("sources.yaml")["sources"], key=lambda s: (s["kind"], s["publisher"], s["id"]))
        return self._page("sources.md.j2", lang, "", sources=sources, cited=cited)

    def _all_rules(self):
        yield from self.national["rules"].values()
        for p in self.provinces:
            yield from p["rules"].values()
        for t in self.ds.data("tlds.yaml")["tlds"]:
            yield t["rule"]

    def tld_rows(self, view, base):
        rows = []
        for t in sorted(self.ds.data("tlds.yaml")["tlds"], key=lambda t: (t["kind"], t["suffix"])):
            rows.append({"suffix": t["suffix"], "kind": view.enum("tld_kind", t["kind"]),
                         "rule": self.rule_view(view, t["rule"], "tld_status", "national", base)})
        return rows

    def preapproval_items(self) -> list[dict]:
        """Pre-approvals with the status in force on the pages' day; a dated status's claims as ``changes``."""
        items = []
        for entry in self.ds.data("preapprovals.yaml")["preapprovals"]:
            changes = [] if isinstance(entry["status"], str) else entry["status"]
            sources = [sid for claim in changes for sid in claim["sources"]] + entry["sources"]
            items.append({**preapproval_on(entry, self.today), "changes": changes,
                          "sources": list(dict.fromkeys(sources))})
        return items

    def decision_table(self, view: View) -> list[dict]:
        """The classification graph as static tables: what the page shows without JavaScript."""
        flow = self.ds.docs["flow.yaml"].data if "flow.yaml" in self.ds.docs else {}
        questions, outcomes = flow.get("questions", {}), flow.get("outcomes", {})
        rows = []
        for qid, q in questions.items():
            answers = []
            for aid, a in q["answers"].items():
                target = questions.get(a["next"]) or outcomes.get(a["next"])
                answers.append({"label": a["label"], "next": a["next"], "next_is_question": a["next"] in questions,
                                "next_text": view.text(target["text"]) if target else a["next"]})
            rows.append({"id": qid, "text": q["text"], "answers": answers})
        return rows

    def simple_pages(self, lang: str) -> dict:
        view = View(self.ds, lang)
        s = suffix(lang)
        return {
            f"compare{s}.md": self.compare_page(lang),
            f"sources{s}.md": self.sources_page(lang),
            f"tlds{s}.md": self._page("tlds.md.j2", lang, "", rows=self.tld_rows(view, "")),
            f"preapprovals{s}.md": self._page("preapprovals.md.j2", lang, "", items=self.preapproval_items()),
            f"provinces/index{s}.md": self._page("provinces_index.md.j2", lang, "../"),
            f"checker/index{s}.md": self._page("checker.md.j2", lang, "../", questions=self.decision_table(view)),
            f"checklists/index{s}.md": self._page("checklists_index.md.j2", lang, "../"),
            **self.change_pages(view, lang),
            f"foreigners{s}.md": self.foreigners_page(view, lang),
            **{f"checklists/app-{entity}{s}.md": self._page("app_checklist.md.j2", lang, "../", entity=entity,
                                                            phases=phases, ask=ask, data_date=data_date,
                                                            generated=self.today.isoformat())
               for entity in ENTITIES
               for phases, ask, data_date in [self.checklist(view, None, entity, "../", "app_checklist")]},
        }

    def foreigners_page(self, view, lang: str) -> str:
        """Foreign individuals and companies, province by province, from the data."""
        individuals = [(p, self.province_rule(view, p, "foreign_individual", "")) for p in self.provinces]
        overrides = [(p, self.province_rule(view, p, "foreign_company", "")) for p in self.provinces
                     if "foreign_company" in p["rules"] and p["rules"]["foreign_company"]["status"] != "unknown"]
        national = self.national["rules"]
        return self._page("foreigners.md.j2", lang, "", individuals=individuals, company_overrides=overrides,
                          company=self.rule_view(view, national["foreign_company"], "foreign_company", "national", ""),
                          overseas=self.rule_view(view, national["overseas_hosting"], "overseas_hosting", "national", ""))

    def change_pages(self, view, lang: str) -> dict:
        """The Recent changes page and its Atom feeds (the country's and each province's)."""
        found = changes.entries(self.ds, view)
        title = view.ui("changes_title")
        # One flat folder, the language in the name: the i18n plugin drops a folder named
        # after another language from each language's build.
        page, to_pages = f"recent-changes{suffix(lang)}.md", "../" + ("zh/" if lang != "en" else "")
        # from the built page (/recent-changes/ or /zh/recent-changes/) to the feeds folder
        feed_base = "../feeds/" if lang == "en" else "../../feeds/"
        out = {page: self._page("changes.md.j2", lang, "", entries=found, feed_base=feed_base, feed_lang=lang)}
        out[f"feeds/all-{lang}.xml"] = changes.atom(found, title=title, feed_id=f"tag:icp-filing-guide,2026:{lang}:all",
                                                    page=to_pages + "recent-changes/", view=view, to_root=to_pages)
        for p in self.provinces:
            own = [e for e in found if e["province"] and e["province"]["code"] == p["code"]]
            out[f"feeds/{p['slug']}-{lang}.xml"] = changes.atom(
                own, title=f"{view.text(p['name'])}{view.ui('colon')}{title}",
                feed_id=f"tag:icp-filing-guide,2026:{lang}:{p['slug']}",
                page=to_pages + f"provinces/{p['slug']}/", view=view, to_root=to_pages)
        return out

    # --- hand-written content, rendered with macros ---------------------------
    def content_pages(self) -> dict:
        pages = {}
        missing_twins = missing_translations(CONTENT)
        if missing_twins:
            raise RenderError("every page needs both languages; missing: " + ", ".join(missing_twins))
        env = self.env.overlay(loader=jinja2.FileSystemLoader([str(CONTENT), str(TEMPLATES)]))
        for path in sorted(CONTENT.rglob("*.md")):
            rel = path.relative_to(CONTENT).as_posix()
            lang = "zh" if rel.endswith(".zh.md") else "en"
            base = "../" * rel.count("/")
            view = View(self.ds, lang)
            macros = {
                "national": lambda rid, unit="", view=view, base=base: self._national_inline(view, rid, base, unit),
                "cite": lambda sid, view=view, base=base: view.source_link(sid, base),
                "table": lambda name, lang=lang, base=base: self._table(name, lang, base),
            }
            try:
                pages[rel] = env.get_template(rel).render(lang=lang, ui=view.ui, **macros)
            except jinja2.TemplateError as exc:
                raise RenderError(f"content/{rel}: {exc}") from exc
        return pages

    def _national_inline(self, view, rule_id, base, unit=""):
        """A national rule's value with its sources, for content pages: ``national("psb_deadline_days", "日内")``
        gives "30 日内（…）", so that the citation follows the whole phrase, never "30（…）日内"."""
        if rule_id not in self.national["rules"]:
            raise RenderError(f"national('{rule_id}'): no such national rule")
        rv = self.rule_view(view, self.national["rules"][rule_id], rule_id, "national", base)
        unit = " " + unit if unit else ""
        if rv["status"] == "conflicting":
            parts = [view.cited(c["value"] + unit, c["sources"]) for c in rv["claims"]]
            return (words.punct("or", view.lang, view.labels).join(parts)
                    + words.punct("aside_dash", view.lang, view.labels) + view.ui("sources_conflict"))
        links = view.source_links([sid for c in self.national["rules"][rule_id].get("claims", [])
                                   for sid in c["sources"]], base)
        return view.cited(rv["summary"] + unit, links)

    def _table(self, name, lang, base):
        view = View(self.ds, lang)
        if name == "tlds":
            return self.env.get_template("_tld_table.md.j2").render(ui=view.ui, rows=self.tld_rows(view, base), lang=lang)
        key = {"operations": "operations", "preapprovals": "preapprovals"}.get(name)
        if key is None:
            raise RenderError(f"table('{name}'): unknown table; use operations, preapprovals or tlds")
        items = self.preapproval_items() if key == "preapprovals" else self.ds.data(f"{key}.yaml")[key]
        return self.env.get_template(f"_{name}_table.md.j2").render(
            ui=view.ui, view=view, items=items, lang=lang, base=base)

    def render_all(self) -> dict:
        pages = {}
        for lang in LANGS:
            pages.update(self.province_pages(lang))
            pages.update(self.simple_pages(lang))
        pages.update(self.content_pages())
        return pages


class RenderError(Exception):
    pass


def missing_translations(folder: Path) -> list[str]:
    """Pages in one language whose twin in the other is missing."""
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*.md")}
    missing = []
    for name in sorted(names):
        twin = name[:-6] + ".md" if name.endswith(".zh.md") else name[:-3] + ".zh.md"
        if twin not in names:
            missing.append(f"content/{twin}")
    return missing


def render_all(ds, today: dt.date | None = None) -> dict:
    return Renderer(ds, today).render_all()
