// The checker's form: the case (province and the classification questions)
// and, once the answers lead to a filing, the details. Fields, groups and
// choices come from the application schema (fields.js), questions from the
// decision graph (questions.js), words from labels.yaml.
//
// Values are checked as they are typed with icpChecker.field(kind, …); any
// change asks for a new result through onChange (debounced while typing).
// The form builds the application (format icp-application/1) from what is
// shown, reads the province and answers from a link (#province=51&…), and
// writes only those into a shared link.

import { field as checkField } from "./client.js";
import { debounce, el, idFor } from "./dom.js";
import { choiceKey, formatOf, formLayout } from "./fields.js";
import { Questions } from "./questions.js";

const FIELD_DELAY_MS = 200;
const CHANGE_DELAY_MS = 300;
const MAX_LINES_CHECKED = 20;
const SERVICE_QUESTION = "service";      // what is filed: decides which detail groups apply
const LINE_SEPARATORS = /[\s,，、;；]+/;

export class CheckerForm {
  constructor(words, data, onChange) {
    this.words = words;
    this.data = data;
    this.onChange = onChange;
    this.schema = data.application_schema;
    this.format = formatOf(this.schema);
    this.fields = [];
    this.groups = [];            // {node, services} of the detail groups
    this.fieldSeq = new Map();   // field path -> number of its latest check
    // Who files is asked on each path (website, app) and answered in the application by entity.kind.
    this.entityQuestions = Object.keys(data.flow.questions)
      .filter((qid) => data.flow.questions[qid].answered_by === "entity.kind");
    this.questions = new Questions(data.flow, words,
      (qid) => this.changed({ revalidate: this.entityQuestions.includes(qid), answered: true }));
    this.changedSoon = debounce(() => this.changed(), CHANGE_DELAY_MS);
    this.node = this.build();
  }

  t(key) {
    return this.words.t(key);
  }

  // --- building ---------------------------------------------------------------------
  build() {
    const form = el("form", { class: "icp-checker__form", novalidate: true, "aria-labelledby": "icp-group-case" });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.onChange();
    });
    this.details = el("div", { class: "icp-checker__details", hidden: true },
      el("h2", { text: this.t("checker_details_title") }),
      el("p", { text: this.t("checker_details_intro") }));
    for (const group of formLayout(this.schema)) {
      const nodes = group.fields.map((spec) => this.buildField(spec, group));
      const title = `checker_group_${group.id}`;
      const hint = group.hint ? el("p", { class: "icp-field__hint", text: this.t(`${title}_hint`) }) : null;
      if (group.details) {
        const fieldset = el("fieldset", { class: "icp-checker__group", "data-group": group.id },
          el("legend", { text: this.t(title) }), hint, nodes);
        this.groups.push({ node: fieldset, services: group.services });
        this.details.append(fieldset);
      } else {
        // The case: its fields, then the questions.
        const heading = el("h2", { id: idFor(`group.${group.id}`), text: this.t(title) });
        form.append(...[heading, hint, ...nodes, this.questions.box].filter(Boolean));
      }
    }
    form.append(this.details);
    return form;
  }

  // The short result goes between the questions and the details.
  placeBrief(node) {
    this.node.insertBefore(node, this.details);
  }

  buildField(spec, group) {
    const id = idFor(spec.path);
    const field = { ...spec, id, details: group.details, services: group.services, inputs: [], messages: null,
                    label: null, found: [], reported: [] };
    if (spec.fromAnswer) {   // not shown: its value is the answer to a question
      this.fields.push(field);
      return null;
    }
    const hintId = spec.hint ? `${id}-hint` : null;
    const hint = spec.hint ? el("p", { class: "icp-field__hint", id: hintId, text: this.t(`${spec.key}_hint`) }) : null;
    this.fields.push(field);
    if (spec.widget === "checkbox") {
      const input = el("input", { type: "checkbox", id, name: spec.path, "aria-describedby": hintId });
      input.addEventListener("change", () => this.changedSoon());
      field.inputs = [input];
      field.label = el("label", { for: id, text: this.t(spec.key) });
      field.box = el("div", { class: "icp-field icp-field--checkbox", "data-path": spec.path }, input, " ", field.label, hint);
      return field.box;
    }
    if (spec.widget === "choices") {
      const items = spec.values.map((value) => {
        const input = el("input", { type: "checkbox", id: idFor(`${spec.path}.${value}`), name: spec.path, value });
        input.addEventListener("change", () => this.changedSoon());
        field.inputs.push(input);
        return el("li", {}, input, " ", el("label", { for: input.id, text: this.choiceLabel(spec, value) }));
      });
      field.label = el("legend", { text: this.t(spec.key) });
      field.box = el("fieldset", { class: "icp-field icp-field--choices", "data-path": spec.path, "aria-describedby": hintId },
        field.label, hint, el("ul", { class: "icp-checker__choices" }, items));
      return field.box;
    }
    const described = [hintId, `${id}-msg`].filter(Boolean).join(" ");
    let input;
    if (spec.widget === "select") {
      input = el("select", { id, name: spec.path, "aria-describedby": described },
        spec.prompt ? el("option", { value: "", text: this.t(`${spec.key}_prompt`) }) : null,
        spec.values.map((value) => el("option", { value, text: this.choiceLabel(spec, value) })));
      input.addEventListener("change", () => this.changed({ revalidate: true }));
    } else {
      const attrs = { id, name: spec.path, "aria-describedby": described, autocomplete: "off", spellcheck: "false" };
      input = spec.widget === "lines" ? el("textarea", { ...attrs, rows: 3 })
        : el("input", { ...attrs, type: spec.widget });
      if (spec.check) {
        const validate = debounce(() => this.validate(field), FIELD_DELAY_MS);
        input.addEventListener("input", () => {
          validate();
          this.changedSoon();
        });
      } else {
        input.addEventListener("input", () => this.changedSoon());
        input.addEventListener("change", () => this.changedSoon());
      }
    }
    field.inputs = [input];
    field.label = el("label", { for: id, text: this.t(spec.key) });
    field.messages = el("ul", { class: "icp-field__messages", id: `${id}-msg` });
    field.box = el("div", { class: "icp-field", "data-path": spec.path }, field.label, hint, input, field.messages);
    return field.box;
  }

  choiceLabel(spec, value) {
    if (spec.choices === "provinces") return this.words.text(this.data.provinces[value].name);
    if (spec.choices === "preapprovals") {
      const entry = this.data.preapprovals.find((p) => p.id === value);
      return this.words.text(entry ? entry.name : value);
    }
    return this.t(choiceKey(spec.path, value));
  }

  // --- values -------------------------------------------------------------------------
  fieldAt(path) {
    return this.fields.find((f) => f.path === path) || null;
  }

  entityKind() {
    for (const qid of this.entityQuestions) {
      const answer = this.questions.answer(qid);
      if (answer) return answer;
    }
    return null;
  }

  // What the case files: the answer to the "service" question (its default until answered).
  service() {
    return this.questions.answer(SERVICE_QUESTION);
  }

  // Shown now: its entity kind (if any) is the one answered, its group is visible
  // and is for the service being filed.
  shown(field) {
    return (!field.entity || field.entity === this.entityKind()) && !(field.details && this.details.hidden)
      && (!field.services || field.services.includes(this.service()));
  }

  // The value as the application holds it ("" / false / [] when empty).
  value(field) {
    if (field.fromAnswer) return this.questions.answer(field.fromAnswer) || "";
    const input = field.inputs[0];
    if (field.widget === "checkbox") return input.checked;
    if (field.widget === "choices") return field.inputs.filter((i) => i.checked).map((i) => i.value);
    const text = input.value.trim();
    if (field.widget === "lines") return text.split(LINE_SEPARATORS).filter(Boolean);
    return field.upper ? text.toUpperCase() : text;
  }

  valueAt(path) {
    const field = this.fieldAt(path);
    return field ? this.value(field) : "";
  }

  firstValue(path) {
    const value = this.valueAt(path);
    return Array.isArray(value) ? value[0] : value;
  }

  application() {
    const app = { format: this.format, answers: {} };
    for (const qid of this.questions.walk().path) {
      const answer = this.questions.answers[qid];
      if (!this.entityQuestions.includes(qid) && answer) app.answers[qid] = answer;
    }
    const kind = this.entityKind();
    if (kind) app.entity = { kind };
    for (const field of this.fields) {
      if (!this.shown(field)) continue;
      if (field.sendWith && isEmpty(this.valueAt(field.sendWith))) continue;
      const value = this.value(field);
      if (isEmpty(value)) continue;
      const keys = field.path.split(".");
      const last = keys.pop();
      let node = app;
      keys.forEach((key, i) => {   // a numeric key is an item of a list (apps.0.name)
        node = node[key] = node[key] || (/^\d+$/.test(keys[i + 1] || last) ? [] : {});
      });
      node[last] = value;
    }
    return app;
  }

  // What icpChecker.field is told besides the value.
  context(field) {
    const context = {};
    const province = this.valueAt("province");
    if (province) context.province = province;
    const kind = this.entityKind();
    if (kind) context.entity = kind;
    for (const [key, path] of field.context) {
      const value = this.firstValue(path);
      if (value) context[key] = value;
    }
    for (const [key, value] of field.contextValues) context[key] = value;
    return context;
  }

  // --- reacting to changes ----------------------------------------------------------
  changed({ revalidate = false, answered = false } = {}) {
    const { outcome } = this.questions.render();
    const entry = this.questions.outcome(outcome);
    this.details.hidden = !(entry && entry.operation);
    const kind = this.entityKind();
    for (const group of this.groups) group.node.hidden = Boolean(group.services) && !group.services.includes(this.service());
    for (const field of this.fields) {
      if (!field.box) continue;
      field.box.hidden = Boolean(field.entity) && field.entity !== kind;
      if (field.entityLabels.length) {
        field.label.textContent = this.t(field.entityLabels.includes(kind) ? `${field.key}_${kind}` : field.key);
      }
    }
    if (revalidate) {
      for (const field of this.fields) if (field.check && field.inputs[0] && field.inputs[0].value.trim()) this.validate(field);
    }
    this.onChange({ answered });
  }

  async validate(field) {
    const seq = (this.fieldSeq.get(field.path) || 0) + 1;
    this.fieldSeq.set(field.path, seq);
    const active = this.shown(field) && field.checkIf.every(([path, want]) => this.valueAt(path) === want);
    const value = this.value(field);
    let findings = [];
    if (active && !isEmpty(value)) {
      const context = this.context(field);
      try {
        if (Array.isArray(value)) {
          const items = value.slice(0, MAX_LINES_CHECKED);
          const answers = await Promise.all(items.map((item) => checkField(field.check, item, context)));
          findings = answers.flatMap((r, i) => r.findings.map((f) => ({ ...f, prefix: items[i] })));
        } else {
          findings = (await checkField(field.check, value, context)).findings;
        }
      } catch (error) {
        findings = [{ severity: "warning", message: this.t("checker_field_failed") }];
      }
    }
    if (this.fieldSeq.get(field.path) !== seq) return;   // a newer check is on its way
    field.found = findings;
    this.showMessages(field);
  }

  // The errors of the whole check (report.findings) on the fields they name (a
  // province's rule on an ID number, a domain's suffix): the field is marked
  // invalid and says why, unless its own check has found an error already.
  showReportErrors(findings) {
    const reported = new Map();
    for (const f of findings || []) {
      const field = f.severity === "error" ? this.fieldFor(f.field) : null;
      if (field && field.messages) reported.set(field, [...(reported.get(field) || []), f]);
    }
    for (const field of this.fields) {
      if (!field.messages) continue;
      const now = reported.get(field) || [];
      if (!now.length && !field.reported.length) continue;
      field.reported = now;
      this.showMessages(field);
    }
  }

  showMessages(field) {
    const own = new Set(field.found.map((f) => f.code).filter(Boolean));
    const findings = field.found.some((f) => f.severity === "error") ? field.found
      : [...field.found, ...field.reported.filter((f) => !own.has(f.code))];
    field.messages.replaceChildren(...findings.map((f) => this.message(f)));
    const input = field.inputs[0];
    const bad = findings.some((f) => f.severity === "error");
    if (bad) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    field.box.dataset.status = bad ? "error" : findings.length ? "notes" : "ok";
  }

  message(f) {
    const severity = ["error", "warning", "info"].includes(f.severity) ? f.severity : "info";
    const colon = this.words.colon();
    return el("li", { class: `icp-msg icp-msg--${severity}`, "data-code": f.code || null },
      el("strong", { class: "icp-msg__severity", text: `${this.t(`checker_severity_${severity}`)}${colon}` }),
      f.prefix ? `${f.prefix}${colon}` : null,
      f.message);
  }

  // The control to focus for a finding's field ("entity.uscc", "website.domains[1]",
  // "answers.domain_filed"), if it is on the form and shown.
  controlFor(path) {
    if (!path) return null;
    const base = itemPath(path);
    if (base.startsWith("answers.")) return this.questions.inputFor(base.slice("answers.".length));
    if (base === "entity.kind") {
      const asked = this.questions.walk().path.find((qid) => this.entityQuestions.includes(qid));
      return asked ? this.questions.inputFor(asked) : null;
    }
    const field = this.fieldFor(base);
    return field ? field.inputs[0] : null;
  }

  // The shown form field a finding's field path falls in, or null.
  fieldFor(path) {
    if (!path) return null;
    const base = itemPath(path);
    let best = null;
    for (const field of this.fields) {
      if (!field.box) continue;   // a field that holds an answer is not on the form
      const match = base === field.path || base.startsWith(`${field.path}.`);
      if (match && (!best || field.path.length > best.path.length)) best = field;
    }
    return best && !best.box.hidden && this.shown(best) ? best : null;
  }

  // --- links ---------------------------------------------------------------------------
  // Only the province and the answers to the questions go into a shared link.
  shareFragment() {
    const params = new URLSearchParams();
    const province = this.valueAt("province");
    if (province) params.set("province", province);
    for (const qid of this.questions.walk().path) {
      if (this.questions.answers[qid]) params.set(qid, this.questions.answers[qid]);
    }
    return params.toString();
  }

  // Province and answers from a link (#province=51 from the province pages,
  // or a shared link). Returns true if anything was taken from it.
  applyFragment(hash) {
    const params = new URLSearchParams((hash || "").replace(/^#/, ""));
    let used = false;
    const province = this.fieldAt("province");
    const code = params.get("province");
    if (province && code && province.values.includes(code)) {
      province.inputs[0].value = code;
      used = true;
    }
    for (const [qid, aid] of params) if (this.questions.set(qid, aid)) used = true;
    return used;
  }
}

// A finding's field path in the form's terms: website.domains[1] -> website.domains.1
// (within the domains field), apps[0].ios.bundle_id -> apps.0.ios.bundle_id.
function itemPath(path) {
  return path.replace(/\[(\d+)\]/g, ".$1");
}

function isEmpty(value) {
  return value === "" || value === false || value === null || value === undefined
    || (Array.isArray(value) && value.length === 0);
}
