// The checker page: a form over the Python checker running in a Web Worker.
//
// - The engine (Pyodide + the checker wheels) loads in worker.mjs, from this
//   site only. The page shows progress while it loads, an error with a Retry
//   button if it fails, and stays readable throughout (the decision table
//   below the checker needs no JavaScript).
// - Page API: window.icpChecker = {ready, check(application), field(kind, value, context)}
//   returning what `icp-check check|field --json` prints.
// - Every UI string comes from province_data/labels.yaml (ui.checker_*),
//   rendered into the page as JSON by checker.md.j2; questions, provinces and
//   results come from the engine's data. Text from the user or the engine is
//   inserted with textContent only, never as HTML.
// - Privacy: no storage, no cookies, no logging, nothing in the URL, except
//   the classification answers and the province when "Share" is clicked.

const SITE = new URL("../../", import.meta.url);
const STEPS = ["runtime", "packages", "checker"];
const FORMAT = "icp-application/1";
const FIELD_DELAY_MS = 200;
const CHECK_DELAY_MS = 300;

// The page's inline boot script (site_templates/overrides/checker.html) has
// already started the engine's worker and holds back Material's search
// worker, whose indexing of the whole site would compete with Pyodide's start
// for the CPU; this module releases it once the checker is ready or has
// failed. Without the boot script (it failed, or another page) all still works.
const BOOT = window.__icpCheckerBoot || { NativeWorker: window.Worker, worker: null, queue: [], release() {} };
const NativeWorker = BOOT.NativeWorker;

// ---------------------------------------------------------------------------
// Engine: the worker and the request/response protocol (JSON strings only)

class Engine {
  constructor(listener) {
    this.listener = listener;   // (event, detail) for "progress", "ready", "failed"
    this.pending = new Map();
    this.nextId = 1;
    this.start();
  }

  start() {
    this.data = null;
    this.last = null;
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => {});   // failures are shown on the page; no unhandled rejection
    // Take over the worker the boot script started, with the messages it has
    // sent so far; a retry starts a new one.
    const early = BOOT.worker;
    BOOT.worker = null;
    this.worker = early || new NativeWorker(new URL("./worker.mjs", import.meta.url), { type: "module", name: "icp-checker" });
    this.worker.onmessage = (event) => this.receive(event.data || {});
    if (early) for (const message of BOOT.queue.splice(0)) this.receive(message || {});
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail("worker", "script error");
    };
    this.worker.onmessageerror = () => this.fail("worker", "message error");
  }

  restart() {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new Error("restarted"));
    this.pending.clear();
    this.start();
  }

  receive(msg) {
    if (msg.type) this.last = msg.type === "ready" ? null : msg;   // replayed to a UI that attaches late
    if (msg.type === "progress") {
      this.listener("progress", msg.step);
    } else if (msg.type === "ready") {
      this.data = JSON.parse(msg.data);
      this.resolveReady(this.data);
      this.listener("ready", this.data);
    } else if (msg.type === "failed") {
      this.fail(msg.step, msg.detail);
    } else if (this.pending.has(msg.id)) {
      const { resolve, reject } = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) resolve(JSON.parse(msg.result));
      else reject(new Error(`checker error: ${msg.detail}`));
    }
  }

  fail(step, detail) {
    if (this.data) return;   // already running: a late error is reported per call
    this.last = { type: "failed", step, detail };
    const error = new Error(`checker failed to load (${step}): ${detail}`);
    this.rejectReady(error);
    this.listener("failed", { step, detail });
  }

  async call(message) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }
}

function pageLang(root) {
  return root && root.dataset.lang === "zh" ? "zh" : "en";
}

let engine = null;
let ui = null;

function engineEvent(event, detail) {
  if (event === "ready" || event === "failed") BOOT.release();
  if (ui) ui.engineEvent(event, detail);
}

function startEngine() {
  if (!engine) engine = new Engine(engineEvent);
  return engine;
}

// The engine (its worker already started by the page's inline boot script)
// is taken over at once; the UI attaches when the DOM is there.
startEngine();

window.icpChecker = Object.freeze({
  get ready() {
    return startEngine().ready.then(() => undefined);
  },
  check(application) {
    const text = JSON.stringify(application === undefined ? null : application);
    return startEngine().call({ op: "check", application: text, lang: currentLang() });
  },
  field(kind, value, context) {
    const message = {
      op: "field",
      kind: String(kind),
      value: JSON.stringify(value === undefined ? null : value),
      context: context === undefined || context === null ? "" : JSON.stringify(context),
      lang: currentLang(),
    };
    return startEngine().call(message);
  },
});

function currentLang() {
  return pageLang(document.getElementById("icp-checker"));
}

// ---------------------------------------------------------------------------
// DOM helpers (textContent only)

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function idFor(path) {
  return "icp-" + path.replace(/[^a-z0-9]+/gi, "-");
}

// ---------------------------------------------------------------------------
// The page

class CheckerUI {
  constructor(root, strings) {
    this.root = root;
    this.strings = strings;
    this.lang = pageLang(root);
    this.answers = {};          // question id -> answer id (kept when the path changes)
    this.fieldSeq = new Map();  // field path -> sequence number of the latest request
    this.checkSeq = 0;
    this.ticked = new Set();    // checklist step ids ticked by the user
    this.result = null;
    this.buildShell();
  }

  t(key) {
    const text = this.strings[key];
    if (typeof text !== "string") throw new Error(`missing UI string ${key}`);
    return text;
  }

  paren(text) {
    return `${this.t("checker_paren_open")}${text}${this.t("checker_paren_close")}`;
  }

  fill(key, values) {
    return this.t(key).replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
  }

  // --- loading, error, ready ------------------------------------------------
  buildShell() {
    this.root.replaceChildren();
    this.status = el("p", { class: "icp-checker__status", role: "status", "aria-live": "polite" });
    this.progress = el("progress", { max: STEPS.length, value: 0, "aria-label": this.t("checker_progress") });
    this.stepItems = {};
    const list = el("ol", { class: "icp-checker__steps" });
    for (const step of STEPS) {
      const state = el("span", { class: "icp-checker__step-state" });
      const item = el("li", { "data-step": step }, el("span", { text: this.t(`checker_step_${step}`) }), state);
      this.stepItems[step] = { item, state };
      list.append(item);
    }
    this.loading = el("div", { class: "icp-checker__loading" }, this.status, this.progress, list);
    this.errorBox = el("div", { class: "icp-checker__error", role: "alert" });
    this.app = el("div", { class: "icp-checker__app", hidden: true });
    this.root.append(this.loading, this.errorBox, this.app);
    this.setLoading(null);
  }

  setState(state) {
    this.root.dataset.state = state;
  }

  setLoading(current) {
    this.setState("loading");
    this.loading.hidden = false;
    this.errorBox.replaceChildren();
    this.status.textContent = this.t("checker_loading");
    const index = current ? STEPS.indexOf(current) : -1;
    this.progress.value = Math.max(index, 0);
    STEPS.forEach((step, i) => {
      const { item, state } = this.stepItems[step];
      const key = i < index ? "checker_step_done" : i === index ? "checker_step_active" : "checker_step_waiting";
      item.dataset.status = key.slice("checker_step_".length);
      if (i === index) item.setAttribute("aria-current", "step");
      else item.removeAttribute("aria-current");
      state.textContent = this.paren(this.t(key));
    });
  }

  engineEvent(event, detail) {
    if (event === "progress") this.setLoading(detail);
    else if (event === "failed") this.showError(detail);
    else if (event === "ready") this.showReady(detail);
  }

  showError(detail) {
    this.setState("error");
    this.loading.hidden = true;
    this.app.hidden = true;
    const retry = el("button", { type: "button", class: "md-button md-button--primary icp-checker__retry",
                                 text: this.t("checker_retry") });
    retry.addEventListener("click", () => {
      this.setLoading(null);
      engine.restart();
    });
    this.errorBox.replaceChildren(
      el("p", { class: "icp-checker__error-text", text: this.t("checker_error") }),
      el("p", { class: "icp-checker__error-detail" },
        `${this.t("checker_error_detail")} ${detail.step}${this.t("checker_colon")}${detail.detail}`),
      retry,
    );
  }

  showReady(data) {
    this.data = data;
    this.loading.hidden = true;
    this.errorBox.replaceChildren();
    if (!this.form) this.buildApp();
    this.app.hidden = false;
    this.setState("ready");
    this.refresh();
  }

  // --- the form ---------------------------------------------------------------
  buildApp() {
    const data = this.data;
    this.questionNodes = new Map();
    this.form = el("form", { class: "icp-checker__form", novalidate: true, "aria-labelledby": "icp-case-title" });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.runCheck();
    });

    // Province and the classification questions.
    const provinceSelect = el("select", { id: "icp-province", name: "province",
                                          "aria-describedby": "icp-province-hint" },
      el("option", { value: "", text: this.t("checker_province_choose") }),
      Object.keys(data.provinces).sort().map((code) =>
        el("option", { value: code, text: this.text(data.provinces[code].name) })));
    provinceSelect.addEventListener("change", () => this.changed({ revalidate: true }));
    this.provinceSelect = provinceSelect;
    this.questionsBox = el("div", { class: "icp-checker__questions" });
    this.form.append(
      el("h2", { id: "icp-case-title", text: this.t("checker_case_title") }),
      el("div", { class: "icp-field" },
        el("label", { for: "icp-province", text: this.t("checker_province") }),
        el("p", { class: "icp-field__hint", id: "icp-province-hint", text: this.t("checker_province_hint") }),
        provinceSelect),
      this.questionsBox,
    );

    // Details: shown once the answers lead to a filing.
    this.fields = [];
    this.details = el("div", { class: "icp-checker__details", hidden: true });
    this.details.append(
      el("h2", { text: this.t("checker_details_title") }),
      el("p", { text: this.t("checker_details_intro") }),
      this.group("checker_group_entity", [
        this.textField("entity.name", "checker_entity_name", null, { labelFor: { individual: "checker_entity_name_individual" } }),
        this.textField("entity.uscc", "checker_uscc", "uscc", { only: "organisation", hint: "checker_uscc_hint", upper: true }),
        this.textField("entity_leader.name", "checker_leader_name", null, { only: "organisation" }),
        this.selectField("entity_leader.id_type", "checker_id_type",
          ["resident_id", "hk_macau_permit", "taiwan_permit", "passport"].map((v) => [v, `checker_id_${v}`])),
        this.textField("entity_leader.id_number", "checker_id_number", "resident-id",
          { validateIf: () => this.value("entity_leader.id_type") === "resident_id" }),
        this.textField("entity_leader.mobile", "checker_mobile", "mobile", { type: "tel", autocomplete: "off" }),
        this.textField("entity_leader.email", "checker_email", "email", { type: "email" }),
      ]),
      this.group("checker_group_website", [
        this.textField("website.name", "checker_website_name", "website-name", { hint: "checker_website_name_hint" }),
        this.textField("website.domains", "checker_domains", "domain", { multiline: true, hint: "checker_domains_hint" }),
        this.checkboxField("commercial", "checker_commercial", "checker_commercial_hint"),
        this.categoriesField(),
      ]),
      this.group("checker_group_dates", [
        this.textField("dates.domain_registered", "checker_date_registered", null, { type: "date" }),
        this.textField("dates.real_name_verified", "checker_date_real_name", null, { type: "date" }),
        this.textField("dates.submit", "checker_date_submit", null, { type: "date", hint: "checker_date_submit_hint" }),
        this.textField("dates.launch", "checker_date_launch", null, { type: "date" }),
      ]),
      this.group("checker_group_numbers", [
        this.textField("numbers.icp_number", "checker_icp_number", "icp-number", { hint: "checker_icp_number_hint" }),
        this.textField("numbers.psb_number", "checker_psb_number", "psb-number"),
      ], "checker_group_numbers_hint"),
    );
    this.form.append(this.details);

    this.resultBox = el("section", { class: "icp-checker__result", "aria-labelledby": "icp-result-title" });
    this.resultStatus = el("p", { class: "icp-visually-hidden", role: "status", "aria-live": "polite" });
    this.app.append(this.form, this.resultStatus, this.resultBox);

    this.applyFragment(location.hash);
    window.addEventListener("hashchange", () => {
      if (this.applyFragment(location.hash)) this.changed({ revalidate: true });
    });
    window.addEventListener("afterprint", () => document.documentElement.classList.remove("icp-print-result"));
  }

  text(value) {
    if (value && typeof value === "object") {
      const text = value[this.lang];
      if (typeof text !== "string") throw new Error("missing translation in the checker data");
      return text;
    }
    return value === null || value === undefined ? "" : String(value);
  }

  group(titleKey, children, hintKey) {
    return el("fieldset", { class: "icp-checker__group" },
      el("legend", { text: this.t(titleKey) }),
      hintKey ? el("p", { class: "icp-field__hint", text: this.t(hintKey) }) : null,
      children);
  }

  // A text input (or textarea) validated as the user types with icpChecker.field(kind, …).
  textField(path, labelKey, kind, opts = {}) {
    const id = idFor(path);
    const describedBy = [opts.hint ? `${id}-hint` : null, `${id}-msg`].filter(Boolean).join(" ");
    const attrs = { id, name: path, "aria-describedby": describedBy, autocomplete: opts.autocomplete || "off",
                    spellcheck: "false" };
    const input = opts.multiline
      ? el("textarea", { ...attrs, rows: 3 })
      : el("input", { ...attrs, type: opts.type || "text" });
    const label = el("label", { for: id, text: this.t(labelKey) });
    const messages = el("ul", { class: "icp-field__messages", id: `${id}-msg` });
    const box = el("div", { class: "icp-field", "data-path": path },
      label, opts.hint ? el("p", { class: "icp-field__hint", id: `${id}-hint`, text: this.t(opts.hint) }) : null,
      input, messages);
    const field = { path, kind, input, messages, box, label, labelKey, opts };
    this.fields.push(field);
    if (kind) {
      const validate = debounce(() => this.validate(field), FIELD_DELAY_MS);
      input.addEventListener("input", () => {
        validate();
        this.changedSoon();
      });
    } else {
      input.addEventListener("input", () => this.changedSoon());
      input.addEventListener("change", () => this.changedSoon());
    }
    return box;
  }

  selectField(path, labelKey, options) {
    const id = idFor(path);
    const select = el("select", { id, name: path },
      options.map(([value, key]) => el("option", { value, text: this.t(key) })));
    const box = el("div", { class: "icp-field", "data-path": path }, el("label", { for: id, text: this.t(labelKey) }), select);
    this.fields.push({ path, kind: null, input: select, box, opts: {} });
    select.addEventListener("change", () => this.changed({ revalidate: true }));
    return box;
  }

  checkboxField(path, labelKey, hintKey) {
    const id = idFor(path);
    const input = el("input", { type: "checkbox", id, name: path, "aria-describedby": `${id}-hint` });
    input.addEventListener("change", () => this.changedSoon());
    this.fields.push({ path, kind: null, input, opts: { checkbox: true } });
    return el("div", { class: "icp-field icp-field--checkbox", "data-path": path },
      input, " ", el("label", { for: id, text: this.t(labelKey) }),
      el("p", { class: "icp-field__hint", id: `${id}-hint`, text: this.t(hintKey) }));
  }

  categoriesField() {
    this.categoryInputs = [];
    const items = this.data.preapprovals.map((p) => {
      const id = idFor(`content_categories.${p.id}`);
      const input = el("input", { type: "checkbox", id, name: "content_categories", value: p.id });
      input.addEventListener("change", () => this.changedSoon());
      this.categoryInputs.push(input);
      return el("li", {}, input, " ", el("label", { for: id, text: this.text(p.name) }));
    });
    return el("fieldset", { class: "icp-field icp-field--choices", "data-path": "content_categories",
                            "aria-describedby": "icp-content-categories-hint" },
      el("legend", { text: this.t("checker_categories") }),
      el("p", { class: "icp-field__hint", id: "icp-content-categories-hint", text: this.t("checker_categories_hint") }),
      el("ul", { class: "icp-checker__choices" }, items));
  }

  // --- questions from the flow graph ------------------------------------------------
  walk() {
    const flow = this.data.flow;
    const path = [];
    const seen = new Set();
    let node = flow.start;
    while (node in flow.questions && !seen.has(node)) {
      seen.add(node);
      path.push(node);
      const answer = this.answers[node];
      const option = answer && flow.questions[node].answers[answer];
      if (!option) return { path, outcome: null };
      node = option.next;
    }
    return { path, outcome: node in flow.outcomes ? node : null };
  }

  questionNode(qid) {
    if (this.questionNodes.has(qid)) return this.questionNodes.get(qid);
    const q = this.data.flow.questions[qid];
    const id = idFor(`q.${qid}`);
    const hint = q.hint ? el("p", { class: "icp-field__hint", id: `${id}-hint`, text: this.text(q.hint) }) : null;
    const options = Object.entries(q.answers).map(([aid, answer]) => {
      const inputId = `${id}-${aid.replace(/[^a-z0-9]+/gi, "-")}`;
      const input = el("input", { type: "radio", id: inputId, name: `q-${qid}`, value: aid });
      input.checked = this.answers[qid] === aid;
      input.addEventListener("change", () => {
        if (!input.checked) return;
        this.answers[qid] = aid;
        this.changed({ revalidate: qid === "entity_kind" });
      });
      return el("li", {}, input, " ", el("label", { for: inputId, text: this.text(answer.label) }));
    });
    const node = el("fieldset", { class: "icp-question", "data-question": qid, "aria-describedby": hint ? `${id}-hint` : null },
      el("legend", { text: this.text(q.text) }), hint, el("ul", { class: "icp-checker__choices" }, options));
    this.questionNodes.set(qid, node);
    return node;
  }

  renderQuestions() {
    const { path, outcome } = this.walk();
    const nodes = path.map((qid) => this.questionNode(qid));
    // Keep nodes that stay (focus and scroll position survive), drop the rest.
    for (const child of [...this.questionsBox.children]) if (!nodes.includes(child)) child.remove();
    nodes.forEach((node, i) => {
      if (this.questionsBox.children[i] !== node) this.questionsBox.insertBefore(node, this.questionsBox.children[i] || null);
    });
    return { path, outcome };
  }

  entityKind() {
    const kind = this.answers.entity_kind;
    const { path } = this.walk();
    return path.includes("entity_kind") && (kind === "organisation" || kind === "individual") ? kind : null;
  }

  // --- values and the application ----------------------------------------------------
  value(path) {
    const field = this.fields.find((f) => f.path === path);
    if (!field) return "";
    if (field.opts.checkbox) return field.input.checked;
    return field.input.value.trim();
  }

  fieldActive(field) {
    const kind = this.entityKind();
    return !field.opts.only || field.opts.only === kind;
  }

  domains() {
    return this.value("website.domains").split(/[\s,，、;；]+/).map((d) => d.trim()).filter(Boolean);
  }

  context() {
    const ctx = {};
    const province = this.provinceSelect.value;
    if (province) ctx.province = province;
    const kind = this.entityKind();
    if (kind) ctx.entity = kind;
    return ctx;
  }

  application() {
    const { path } = this.walk();
    const app = { format: FORMAT, answers: {} };
    for (const qid of path) {
      if (qid !== "entity_kind" && this.answers[qid]) app.answers[qid] = this.answers[qid];
    }
    const province = this.provinceSelect.value;
    if (province) app.province = province;
    const kind = this.entityKind();
    if (kind) app.entity = { kind };
    if (!this.details.hidden) {
      const put = (path, value) => {
        const [top, key] = path.split(".");
        if (key === undefined) app[top] = value;
        else (app[top] = app[top] || {})[key] = value;
      };
      for (const field of this.fields) {
        if (!this.fieldActive(field) || field.path === "website.domains") continue;
        if (field.path === "entity_leader.id_type") {
          if (this.value("entity_leader.id_number")) put(field.path, field.input.value);
          continue;
        }
        const value = this.value(field.path);
        if (field.opts.checkbox) {
          if (value) put(field.path, true);
        } else if (value) {
          put(field.path, field.opts.upper ? value.toUpperCase() : value);
        }
      }
      const domains = this.domains();
      if (domains.length) (app.website = app.website || {}).domains = domains;
      const categories = this.categoryInputs.filter((i) => i.checked).map((i) => i.value);
      if (categories.length) app.content_categories = categories;
    }
    return app;
  }

  // --- reacting to changes ----------------------------------------------------------
  changed({ revalidate = false } = {}) {
    const { outcome } = this.renderQuestions();
    const operation = outcome ? this.data.flow.outcomes[outcome].operation : null;
    this.details.hidden = !operation;
    const kind = this.entityKind();
    for (const field of this.fields) {
      if (field.box) field.box.hidden = !this.fieldActive(field);
      if (field.opts.labelFor && field.label) {
        field.label.textContent = this.t((kind && field.opts.labelFor[kind]) || field.labelKey);
      }
    }
    if (revalidate) for (const field of this.fields) if (field.kind && this.value(field.path)) this.validate(field);
    this.runCheck();
  }

  changedSoon = debounce(() => this.changed(), CHECK_DELAY_MS);

  refresh() {
    this.changed({ revalidate: true });
  }

  async validate(field) {
    const seq = (this.fieldSeq.get(field.path) || 0) + 1;
    this.fieldSeq.set(field.path, seq);
    const raw = field.input.value;
    const active = this.fieldActive(field) && (!field.opts.validateIf || field.opts.validateIf());
    let results = [];
    if (active && raw.trim()) {
      const context = this.context();
      if (field.kind === "website-name") {
        const domain = this.domains()[0];
        if (domain) context.domain = domain;
      }
      try {
        if (field.kind === "domain") {
          const domains = this.domains().slice(0, 20);
          const answers = await Promise.all(domains.map((d) => window.icpChecker.field("domain", d, context)));
          results = answers.flatMap((r, i) => r.findings.map((f) => ({ ...f, prefix: domains[i] })));
        } else {
          const value = field.opts.upper ? raw.trim().toUpperCase() : raw;
          results = (await window.icpChecker.field(field.kind, value, context)).findings;
        }
      } catch (error) {
        results = [{ severity: "warning", message: this.t("checker_field_failed") }];
      }
    }
    if (this.fieldSeq.get(field.path) !== seq) return;   // a newer request is on its way
    this.showMessages(field, results);
  }

  showMessages(field, findings) {
    const items = findings.map((f) => this.findingItem(f, f.prefix));
    field.messages.replaceChildren(...items);
    const bad = findings.some((f) => f.severity === "error");
    if (bad) field.input.setAttribute("aria-invalid", "true");
    else field.input.removeAttribute("aria-invalid");
    field.box.dataset.status = bad ? "error" : findings.length ? "notes" : "ok";
  }

  findingItem(f, prefix) {
    const severity = ["error", "warning", "info"].includes(f.severity) ? f.severity : "info";
    return el("li", { class: `icp-msg icp-msg--${severity}`, "data-code": f.code || null },
      el("strong", { class: "icp-msg__severity", text: `${this.t(`checker_severity_${severity}`)}${this.t("checker_colon")}` }),
      prefix ? `${prefix}${this.t("checker_colon")}` : null,
      f.message);
  }

  // --- the result ---------------------------------------------------------------------
  async runCheck() {
    const seq = ++this.checkSeq;
    const { outcome } = this.walk();
    if (!outcome) {
      this.result = null;
      this.renderPending();
      return;
    }
    const application = this.application();
    this.resultBox.setAttribute("aria-busy", "true");
    let result;
    try {
      result = await window.icpChecker.check(application);
    } catch (error) {
      result = null;
    }
    if (seq !== this.checkSeq) return;
    this.resultBox.removeAttribute("aria-busy");
    this.result = result;
    if (result) this.renderResult(result);
    else this.renderPending(this.t("checker_check_failed"));
    this.resultStatus.textContent = this.t("checker_result_updated");
  }

  renderPending(message) {
    this.resultBox.dataset.result = "none";
    this.resultBox.replaceChildren(
      el("h2", { id: "icp-result-title", text: this.t("checker_result_title") }),
      el("p", { class: "icp-checker__pending", text: message || this.t("checker_result_pending") }));
  }

  sourceLinks(ids, bare = false) {
    if (!ids || !ids.length) return null;
    const base = new URL(this.lang === "zh" ? "zh/sources/" : "sources/", SITE);
    const links = [];
    ids.forEach((id, i) => {
      const source = this.data.sources[id];
      if (i) links.push("; ");
      const label = source ? source.label : id;
      links.push(el("a", { href: `${base.pathname}#src-${String(id).replace(/_/g, "-")}`, text: label }));
    });
    if (bare) return el("span", { class: "icp-sources" }, links);
    return el("span", { class: "icp-sources" },
      `${this.t("checker_paren_open")}${this.t("checker_sources")}${this.t("checker_colon")}`, links, this.t("checker_paren_close"));
  }

  renderResult(r) {
    const box = this.resultBox;
    box.dataset.result = r.classification && r.classification.outcome ? r.classification.outcome : "none";
    box.dataset.ok = String(Boolean(r.ok));
    const parts = [el("h2", { id: "icp-result-title", text: this.t("checker_result_title") })];
    const c = r.classification || {};

    // Filing type.
    const type = el("div", { class: "icp-result__type" });
    type.append(el("h3", { text: this.t("checker_filing_type") }));
    if (c.operation_name) type.append(el("p", { class: "icp-result__operation" }, el("strong", { text: c.operation_name })));
    if (c.outcome_text) type.append(el("p", {}, c.outcome_text, this.sourceLinks(c.sources)));
    if (r.province && r.province.name) {
      type.append(el("p", {}, `${this.t("checker_province")}${this.t("checker_colon")}`, r.province.name));
    }
    parts.push(type);

    // Errors and warnings.
    const findings = r.findings || [];
    const findingsBox = el("div", { class: "icp-result__findings" }, el("h3", { text: this.t("checker_findings") }));
    if (findings.length) {
      findingsBox.append(el("ul", { class: "icp-result__messages" }, findings.map((f) => {
        const item = this.findingItem(f);
        const target = this.fieldFor(f.field);
        if (target) {
          item.append(" ", el("a", { href: `#${target.id}`, class: "icp-msg__goto", text: this.t("checker_go_to_field"),
                                     onclick: (e) => { e.preventDefault(); target.focus(); } }));
        }
        return item;
      })));
    } else {
      findingsBox.append(el("p", { text: this.t("checker_no_findings") }));
    }
    parts.push(findingsBox);

    // Steps as a checklist.
    if (r.steps && r.steps.length) {
      const stepsBox = el("div", { class: "icp-result__steps" }, el("h3", { text: this.t("checker_steps") }));
      for (const phase of this.data.phases) {
        const steps = r.steps.filter((s) => s.phase === phase.id);
        if (!steps.length) continue;
        stepsBox.append(el("h4", { text: this.text(phase.title) }));
        stepsBox.append(el("ul", { class: "icp-checklist" }, steps.map((s) => {
          const id = idFor(`step.${s.id}`);
          const box = el("input", { type: "checkbox", id });
          box.checked = this.ticked.has(s.id);
          box.addEventListener("change", () => (box.checked ? this.ticked.add(s.id) : this.ticked.delete(s.id)));
          return el("li", { "data-step": s.id }, box, " ",
            el("label", { for: id }, s.conditional ? `${this.t("checker_step_conditional")} ` : null, s.text),
            this.sourceLinks(s.sources));
        })));
      }
      parts.push(stepsBox);
    }

    // Province rules.
    if (r.province_rules && r.province_rules.length) {
      const table = el("table", {},
        el("thead", {}, el("tr", {},
          ["checker_rule", "checker_rule_value", "checker_rule_status", "checker_sources"].map((k) =>
            el("th", { scope: "col", text: this.t(k) })))),
        el("tbody", {}, r.province_rules.map((rule) => el("tr", { "data-rule": rule.rule },
          el("th", { scope: "row", text: rule.name }),
          el("td", {}, rule.text, rule.origin === "national" ? this.paren(this.t("checker_national_rule")) : null),
          el("td", {}, el("span", { class: `icp-status icp-status--${rule.status}`, text: this.statusLabel(rule.status) })),
          el("td", {}, this.sourceLinks(rule.sources, true) || "—")))));
      const title = r.province && r.province.name ? this.fill("checker_rules_of", { province: r.province.name })
                                                  : this.t("checker_rules");
      const rulesBox = el("div", { class: "icp-result__rules" }, el("h3", { text: title }),
        el("div", { class: "md-typeset__scrollwrap" }, el("div", { class: "md-typeset__table" }, table)));
      const slug = r.province && this.data.provinces[r.province.code] && this.data.provinces[r.province.code].slug;
      if (slug) {
        const page = new URL(`${this.lang === "zh" ? "zh/" : ""}provinces/${slug}/`, SITE);
        rulesBox.append(el("p", {}, el("a", { href: page.pathname, text: this.t("checker_province_page") })));
      }
      parts.push(rulesBox);
    }

    // Timeline.
    const tl = r.timeline;
    if (tl) {
      const rows = [];
      const add = (key, value) => {
        if (value !== null && value !== undefined && value !== "") rows.push(el("dt", { text: this.t(key) }), el("dd", { text: value }));
      };
      const range = (x) => (x ? (x.min === x.max ? String(x.min) : `${x.min}–${x.max}`) : null);
      add("checker_tl_earliest_submission", tl.earliest_submission);
      add("checker_tl_submission", tl.submission);
      if (tl.provider_review_working_days) add("checker_tl_provider_review", this.fill("checker_working_days", { n: range(tl.provider_review_working_days) }));
      if (tl.bureau_review_working_days) add("checker_tl_bureau_review", this.fill("checker_working_days", { n: range(tl.bureau_review_working_days) }));
      if (tl.approval) add("checker_tl_approval", tl.approval.earliest === tl.approval.latest ? tl.approval.earliest : `${tl.approval.earliest} – ${tl.approval.latest}`);
      add("checker_tl_launch", tl.launch);
      add("checker_tl_psb_deadline", tl.psb_deadline);
      if (rows.length) {
        const box = el("div", { class: "icp-result__timeline" }, el("h3", { text: this.t("checker_timeline") }), el("dl", {}, rows));
        if (tl.calendar && tl.calendar.covered === false) box.append(el("p", { class: "icp-field__hint", text: this.t("checker_tl_calendar") }));
        parts.push(box);
      }
    }

    // Footer snippet, as text.
    if (r.footer_html) {
      parts.push(el("div", { class: "icp-result__footer" },
        el("h3", { text: this.t("checker_footer") }),
        el("p", { text: this.t("checker_footer_hint") }),
        el("pre", {}, el("code", { class: "icp-footer-snippet", text: r.footer_html }))));
    }

    // Actions.
    const shareOut = el("div", { class: "icp-result__share", hidden: true });
    parts.push(el("div", { class: "icp-result__actions" },
      el("button", { type: "button", class: "md-button", text: this.t("checker_print"), onclick: () => this.print() }),
      " ",
      el("button", { type: "button", class: "md-button", text: this.t("checker_download"), onclick: () => this.download() }),
      " ",
      el("button", { type: "button", class: "md-button", text: this.t("checker_share"), onclick: () => this.share(shareOut) }),
      el("p", { class: "icp-field__hint", text: this.t("checker_share_hint") }),
      shareOut));
    box.replaceChildren(...parts);
  }

  statusLabel(status) {
    const labels = this.data.status_labels || {};
    return labels[status] ? this.text(labels[status]) : status;
  }

  fieldFor(path) {
    if (!path) return null;
    if (path === "province") return this.provinceSelect;
    const base = path.replace(/\[\d+\]$/, "");
    const field = this.fields.find((f) => f.path === base || (base.startsWith("website.domains") && f.path === "website.domains"));
    if (field && field.box && !field.box.hidden && !this.details.hidden) return field.input;
    const question = path.startsWith("answers.") ? this.questionNodes.get(path.slice("answers.".length)) : null;
    return question && question.isConnected ? question.querySelector("input") : null;
  }

  // --- print, download, share ---------------------------------------------------------
  print() {
    document.documentElement.classList.add("icp-print-result");
    window.print();
  }

  checklistText() {
    const r = this.result;
    const c = (r && r.classification) || {};
    const lines = [`# ${this.t("checker_checklist_title")}`, ""];
    if (c.operation_name || c.outcome_text) {
      lines.push(`## ${this.t("checker_filing_type")}`, "");
      if (c.operation_name) lines.push(`**${c.operation_name}**`, "");
      if (c.outcome_text) lines.push(c.outcome_text, "");
    }
    const colon = this.t("checker_colon");
    if (r.province && r.province.name) lines.push(`${this.t("checker_province")}${colon}${r.province.name}`, "");
    if (r.findings && r.findings.length) {
      lines.push(`## ${this.t("checker_findings")}`, "");
      for (const f of r.findings) lines.push(`- ${this.t(`checker_severity_${f.severity}`)}${colon}${f.message}`);
      lines.push("");
    }
    if (r.steps && r.steps.length) {
      lines.push(`## ${this.t("checker_steps")}`, "");
      for (const phase of this.data.phases) {
        const steps = r.steps.filter((s) => s.phase === phase.id);
        if (!steps.length) continue;
        lines.push(`### ${this.text(phase.title)}`, "");
        for (const s of steps) {
          const mark = this.ticked.has(s.id) ? "x" : " ";
          lines.push(`- [${mark}] ${s.conditional ? this.t("checker_step_conditional") + " " : ""}${s.text}`);
        }
        lines.push("");
      }
    }
    if (r.province_rules && r.province_rules.length) {
      lines.push(`## ${r.province && r.province.name ? this.fill("checker_rules_of", { province: r.province.name }) : this.t("checker_rules")}`, "");
      for (const rule of r.province_rules) {
        const national = rule.origin === "national" ? ` · ${this.t("checker_national_rule")}` : "";
        lines.push(`- ${rule.name}${colon}${rule.text}${this.paren(this.statusLabel(rule.status) + national)}`);
      }
      lines.push("");
    }
    const tl = r.timeline;
    if (tl) {
      lines.push(`## ${this.t("checker_timeline")}`, "");
      const add = (key, v) => v && lines.push(`- ${this.t(key)}${colon}${v}`);
      add("checker_tl_earliest_submission", tl.earliest_submission);
      add("checker_tl_submission", tl.submission);
      if (tl.approval) add("checker_tl_approval", `${tl.approval.earliest} – ${tl.approval.latest}`);
      add("checker_tl_launch", tl.launch);
      add("checker_tl_psb_deadline", tl.psb_deadline);
      lines.push("");
    }
    if (r.footer_html) lines.push(`## ${this.t("checker_footer")}`, "", "```html", r.footer_html, "```", "");
    lines.push(`${this.t("checker_checklist_note")} ${new URL(location.pathname, location.origin).href}`, "");
    return lines.join("\n");
  }

  download() {
    if (!this.result) return;
    const blob = new Blob([this.checklistText()], { type: "text/markdown;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: "icp-checklist.md", hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  // Only the province and the answers to the classification questions go in the link.
  shareFragment() {
    const params = new URLSearchParams();
    const province = this.provinceSelect.value;
    if (province) params.set("province", province);
    for (const qid of this.walk().path) if (this.answers[qid]) params.set(qid, this.answers[qid]);
    return params.toString();
  }

  share(out) {
    const url = new URL(location.href);
    url.hash = this.shareFragment();
    history.replaceState(history.state, "", url.href);
    const input = el("input", { type: "text", readonly: true, value: url.href, id: "icp-share-url",
                                "aria-label": this.t("checker_share_link"), class: "icp-share-url" });
    out.replaceChildren(el("label", { for: "icp-share-url", text: this.t("checker_share_link") }), input);
    out.hidden = false;
    input.select();
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url.href).catch(() => {});
  }

  // Province and answers from a link (#province=51 from the province pages,
  // or a shared link). Returns true if anything was taken from it.
  applyFragment(hash) {
    const params = new URLSearchParams((hash || "").replace(/^#/, ""));
    let used = false;
    const province = params.get("province");
    if (province && province in this.data.provinces) {
      this.provinceSelect.value = province;
      used = true;
    }
    for (const [qid, q] of Object.entries(this.data.flow.questions)) {
      const answer = params.get(qid);
      if (answer && answer in q.answers) {
        this.answers[qid] = answer;
        const input = this.questionNode(qid).querySelector(`input[value="${CSS.escape(answer)}"]`);
        if (input) input.checked = true;
        used = true;
      }
    }
    return used;
  }
}

// ---------------------------------------------------------------------------
// Start

function attach() {
  const root = document.getElementById("icp-checker");
  const stringsNode = document.getElementById("icp-checker-strings");
  if (!root || !stringsNode) return;
  const strings = JSON.parse(stringsNode.textContent);
  ui = new CheckerUI(root, strings);
  const current = startEngine();
  if (current.data) ui.engineEvent("ready", current.data);
  else if (current.last && current.last.type === "failed") ui.engineEvent("failed", current.last);
  else if (current.last) ui.engineEvent("progress", current.last.step);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attach, { once: true });
else attach();
