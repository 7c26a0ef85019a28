// The result, rendered from the checker's display model: the "sections" of
// checker.api.view (checker/report/present.py), the same sections the CLI
// text and the Markdown download are made of. Each section has a title and
// blocks of a few kinds (facts, findings, steps, table, text, code); this
// module lays them out and adds no facts and no words of its own: sources
// link to the site's sources page, steps get a tick box, findings whose
// field is on the form get a link to it.

import { el, idFor } from "./dom.js";

const SITE = new URL("../../", import.meta.url);
const SEVERITIES = ["error", "warning", "info"];

// opts: {words, lang, ticked: Set of step ids (updated as boxes are ticked),
//        controlFor(fieldPath) -> element to focus or null,
//        titled: false when the page already heads the first section}
export function renderSections(sections, opts) {
  return sections.map((section, i) => {
    let heading = el(i === 0 ? "h2" : "h3", { text: section.title });
    if (i === 0) heading.id = "icp-result-title";
    if (i === 0 && opts.titled === false) heading = null;
    return el("div", { class: `icp-result__section icp-result__${section.id}`, "data-section": section.id },
      heading, section.blocks.map((block) => renderBlock(block, opts)));
  });
}

export function renderBlock(block, opts) {
  switch (block.kind) {
    case "facts":
      return el("dl", { class: "icp-facts" }, block.items.map((item) => [
        el("dt", { text: item.label }),
        el("dd", {}, String(item.value), sourceLinks(item.sources, opts)),
      ]));
    case "findings":
      if (!block.items.length) return el("p", { class: "icp-result__none", text: block.empty });
      return el("ul", { class: "icp-result__messages" }, block.items.map((f) => findingItem(f, opts)));
    case "steps":
      return el("div", { class: "icp-steps", "data-phase": block.phase || null },
        block.title ? el("h4", { text: block.title }) : null,
        el("ul", { class: "icp-checklist" }, block.items.map((step) => stepItem(step, opts))));
    case "table":
      return tableBlock(block, opts);
    case "code":
      return el("pre", { class: "icp-code" }, el("code", { text: block.text }));
    default:
      return el("p", { text: block.text });
  }
}

function findingItem(f, opts) {
  const severity = SEVERITIES.includes(f.severity) ? f.severity : "info";
  const item = el("li", { class: `icp-msg icp-msg--${severity}`, "data-field": f.field || null },
    el("strong", { class: "icp-msg__severity", text: `${f.severity_label}${opts.words.colon()}` }), f.message,
    sourceLinks(f.sources, opts));
  const target = opts.controlFor ? opts.controlFor(f.field) : null;
  if (target) {
    item.append(" ", el("a", {
      href: `#${target.id}`, class: "icp-msg__goto", text: opts.words.t("checker_go_to_field"),
      onclick: (event) => {
        event.preventDefault();
        target.focus();
      },
    }));
  }
  return item;
}

function stepItem(step, opts) {
  const id = idFor(`step.${step.id}`);
  const box = el("input", { type: "checkbox", id });
  box.checked = opts.ticked.has(step.id);
  box.addEventListener("change", () => (box.checked ? opts.ticked.add(step.id) : opts.ticked.delete(step.id)));
  return el("li", { "data-step": step.id }, box, " ",
    el("label", { for: id },
      step.note ? el("em", { class: "icp-step__note", text: step.note }) : null,
      step.note ? step.note_join : null,
      el("span", { class: "icp-step__text", text: step.text })),
    sourceLinks(step.sources, opts));
}

function tableBlock(block, opts) {
  const rows = block.rows.map((row) => el("tr", {}, row.map((cell, i) => {
    const content = [
      cell.status ? el("span", { class: `icp-status icp-status--${cell.status}`, text: cell.text }) : cell.text || null,
      cell.sources && cell.sources.length ? sourceLinks(cell.sources, opts, !cell.text) : null,
      cell.note ? [" ", el("span", { class: "icp-age", text: cell.note })] : null,
    ];
    // data-label: the column's name, shown above the cell when a phone lays the rows out as cards
    return i === 0 ? el("th", { scope: "row" }, content) : el("td", { "data-label": block.columns[i] }, content);
  })));
  const table = el("table", {},
    el("thead", {}, el("tr", {}, block.columns.map((c) => el("th", { scope: "col", text: c })))),
    el("tbody", {}, rows));
  return el("div", { class: "md-typeset__scrollwrap" }, el("div", { class: "md-typeset__table icp-result__table" }, table));
}

// Sources as links to the sources page: "(Sources: a, b)", or only the links.
function sourceLinks(sources, opts, bare = false) {
  if (!sources || !sources.length) return null;
  const words = opts.words;
  const page = new URL(opts.lang === "zh" ? "zh/sources/" : "sources/", SITE).pathname;
  const links = [];
  sources.forEach((source, i) => {
    if (i) links.push(words.t("checker_list_sep"));
    links.push(el("a", { href: `${page}#src-${String(source.id).replace(/_/g, "-")}`, text: source.label }));
  });
  if (bare) return el("span", { class: "icp-sources" }, links);
  return el("span", { class: "icp-sources" },
    `${words.t("checker_paren_open")}${words.t("checker_sources")}${words.colon()}`, links, words.t("checker_paren_close"));
}

// The Markdown download (view.markdown) with the steps the reader ticked
// marked done: the n-th "- [ ] " line is the n-th step of the sections.
export function withTicks(markdown, sections, ticked) {
  const steps = sections.flatMap((s) => s.blocks.filter((b) => b.kind === "steps").flatMap((b) => b.items));
  const lines = markdown.split("\n");
  const boxes = lines.map((line, i) => (line.startsWith("- [ ] ") ? i : -1)).filter((i) => i >= 0);
  if (boxes.length !== steps.length) return markdown;
  boxes.forEach((line, n) => {
    if (ticked.has(steps[n].id)) lines[line] = "- [x] " + lines[line].slice("- [ ] ".length);
  });
  return lines.join("\n");
}

// The short form of a result, right under the questions: from the same
// sections, the summary's first fact (the verdict's headline) and its filing
// type, the blocking problems (with their links to the fields), and the
// timeline's earliest submission day; then a link to the full result. Facts
// are picked by their label, which is the page's own word for them.
export function briefBlocks(sections, words) {
  const summary = sections.find((s) => s.id === "summary");
  const timeline = sections.find((s) => s.id === "timeline");
  if (!summary) return [];
  const facts = summary.blocks.filter((b) => b.kind === "facts").flatMap((b) => b.items);
  const pick = (items, key) => items.filter((item) => words.has(key) && item.label === words.t(key));
  const items = [
    ...facts.slice(0, 1),
    ...pick(facts.slice(1), "checker_filing_type"),
    ...pick(timeline ? timeline.blocks.filter((b) => b.kind === "facts").flatMap((b) => b.items) : [],
            "checker_tl_earliest_submission"),
  ].map((item) => ({ ...item, sources: [] }));
  const reasons = summary.blocks.filter((b) => b.kind === "findings" && b.items.length);
  return [{ kind: "facts", items }, ...reasons];
}

export class ResultBrief {
  constructor(words, lang, controlFor, target) {
    this.opts = { words, lang, ticked: new Set(), controlFor };
    this.body = el("div", { class: "icp-brief__body" });
    this.more = el("p", { class: "icp-brief__more" },
      el("a", { href: `#${target}`, text: words.t("checker_see_full_result") }));
    this.node = el("div", { class: "icp-checker__brief", hidden: true }, this.body, this.more);
  }

  clear() {
    this.node.hidden = true;
    delete this.node.dataset.verdict;
    this.body.replaceChildren();
  }

  show(view) {
    const verdict = (view.report || {}).verdict;
    const blocks = briefBlocks(view.sections || [], this.opts.words);
    if (!verdict || !blocks.length) {
      this.clear();
      return;
    }
    this.node.dataset.verdict = verdict.kind;
    this.body.replaceChildren(...blocks.map((block) => renderBlock(block, this.opts)));
    this.node.hidden = false;
  }

  // After an answer: bring the short result into view if it is below the fold
  // (its top stays in view), without moving the focus.
  reveal() {
    if (this.node.hidden) return;
    const box = this.node.getBoundingClientRect();
    const room = window.innerHeight;
    const below = box.bottom - room + 8;
    if (below > 0) window.scrollBy({ top: Math.min(below, Math.max(box.top - 8, 0)), behavior: "instant" });
  }
}

// The result area under the form: the page's own heading (in its table of
// contents) and a note until there is a result, then the sections and the
// actions (print, download, share).
export class ResultPanel {
  constructor(words, lang, controlFor, heading) {
    this.words = words;
    this.lang = lang;
    this.controlFor = controlFor;
    this.heading = heading;     // the page's "Result" heading, or null (then the panel heads itself)
    this.ticked = new Set();    // step ids ticked by the reader, kept across results
    this.view = null;
    this.node = el("section", { class: "icp-checker__result",
                                "aria-labelledby": heading ? heading.id : "icp-result-title" });
    this.status = el("p", { class: "icp-visually-hidden", role: "status", "aria-live": "polite" });
  }

  busy(on) {
    if (on) this.node.setAttribute("aria-busy", "true");
    else this.node.removeAttribute("aria-busy");
  }

  pending(messageKey = "checker_result_pending") {
    this.view = null;
    this.node.dataset.result = "none";
    delete this.node.dataset.ok;
    const note = el("p", { class: "icp-checker__pending", text: this.words.t(messageKey) });
    if (this.heading) this.node.replaceChildren(note);
    else this.node.replaceChildren(el("h2", { id: "icp-result-title", text: this.words.t("checker_result_title") }), note);
  }

  show(view, actions) {
    const report = view.report || {};
    const classification = report.classification || {};
    this.view = view;
    this.node.dataset.result = classification.outcome || "none";
    this.node.dataset.ok = String(Boolean(report.ok));
    // Keep the focus where it was (a tick box, a button) across the new rendering.
    const active = document.activeElement;
    const focused = active && this.node.contains(active) && active.id ? active.id : null;
    const opts = { words: this.words, lang: this.lang, ticked: this.ticked, controlFor: this.controlFor,
                   titled: !this.heading };
    this.node.replaceChildren(...renderSections(view.sections || [], opts), actions);
    if (focused) {
      const again = document.getElementById(focused);
      if (again) again.focus({ preventScroll: true });
    }
  }

  announce(key) {
    this.status.textContent = this.words.t(key);
  }

  markdown() {
    return this.view ? withTicks(this.view.markdown || "", this.view.sections || [], this.ticked) : "";
  }
}
