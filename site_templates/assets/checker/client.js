// The engine's client: the Web Worker running Pyodide and the checker
// (worker.mjs), its request/response protocol (JSON strings only), and the
// page API
//
//   window.icpChecker = {ready, check(application), field(kind, value, context)}
//
// returning exactly what `icp-check check|field --json` prints. The page
// itself also asks for view(application): the report with its display
// sections and Markdown download (checker.api.view).
//
// The page's inline boot script (site_templates/overrides/checker.html) has
// already started the worker and queued its first messages; it also holds
// back every other worker (Material's search index) until the checker is
// ready or has failed, which release() tells it. Without the boot script
// (it failed) everything still works.

import { pageLang } from "./dom.js";

const BOOT = window.__icpCheckerBoot || { NativeWorker: window.Worker, worker: null, queue: [], release() {} };
const WORKER_URL = new URL("./worker.mjs", import.meta.url);

class Engine {
  constructor() {
    this.listeners = new Set();   // (event, detail) for "progress", "ready", "failed"
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
    // had so far; a retry starts a new one.
    const early = BOOT.worker;
    BOOT.worker = null;
    this.worker = early || new BOOT.NativeWorker(WORKER_URL, { type: "module", name: "icp-checker" });
    this.worker.onmessage = (event) => this.receive(event.data || {});
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail("worker", "script-error");
    };
    this.worker.onmessageerror = () => this.fail("worker", "message-error");
    if (early) for (const message of BOOT.queue.splice(0)) this.receive(message || {});
  }

  restart() {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(new Error("restarted"));
    this.pending.clear();
    this.start();
  }

  // Listeners get the current state at once, then every change.
  subscribe(listener) {
    this.listeners.add(listener);
    if (this.data) listener("ready", this.data);
    else if (this.last && this.last.type === "failed") listener("failed", this.last);
    else if (this.last) listener("progress", this.last.step);
  }

  emit(event, detail) {
    if (event === "ready" || event === "failed") BOOT.release();
    for (const listener of this.listeners) listener(event, detail);
  }

  receive(msg) {
    if (msg.type) this.last = msg.type === "ready" ? null : msg;
    if (msg.type === "progress") {
      this.emit("progress", msg.step);
    } else if (msg.type === "ready") {
      this.data = JSON.parse(msg.data);
      this.resolveReady(this.data);
      this.emit("ready", this.data);
    } else if (msg.type === "failed") {
      this.fail(msg.step, msg.detail);
    } else if (this.pending.has(msg.id)) {
      const { resolve, reject } = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) resolve(JSON.parse(msg.result));
      else reject(new Error(`checker-error ${msg.detail}`));
    }
  }

  fail(step, detail) {
    if (this.data) return;   // already running: a late error is reported per call
    this.last = { type: "failed", step, detail };
    this.rejectReady(new Error(`load-failed ${step}: ${detail}`));
    this.emit("failed", { step, detail });
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

// Started at once, as this module loads: the page's UI attaches when the DOM is there.
export const engine = new Engine();

function currentLang() {
  return pageLang(document.getElementById("icp-checker"));
}

function json(value) {
  return JSON.stringify(value === undefined ? null : value);
}

export function check(application) {
  return engine.call({ op: "check", application: json(application), lang: currentLang() });
}

export function field(kind, value, context) {
  return engine.call({
    op: "field",
    kind: String(kind),
    value: json(value),
    context: context === undefined || context === null ? "" : JSON.stringify(context),
    lang: currentLang(),
  });
}

// {report, sections, markdown}: what the result panel shows and the download holds.
export function view(application) {
  return engine.call({ op: "view", application: json(application), lang: currentLang() });
}

window.icpChecker = Object.freeze({
  get ready() {
    return engine.ready.then(() => undefined);
  },
  check,
  field,
});
