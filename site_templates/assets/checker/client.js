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
// Every call returns a promise and never throws. It rejects with a
// CheckerError for input the checker cannot take (no JSON form, or beyond
// LIMITS: checked here, before anything is posted), when loading failed,
// or when the worker had to be restarted: Pyodide cannot go on after a fatal
// error (a stack overflow, say), so every call waiting for it rejects and a
// new worker starts. `code` is stable, `message` is in the page's language
// (ui.checker_api_* of labels.yaml), `detail` is technical and never holds
// the input.
//
// The page's inline boot script (site_templates/overrides/checker.html) has
// already started the worker and queued its first messages; it also holds
// back every other worker (Material's search index) until the checker is
// ready or has failed, which release() tells it. Without the boot script
// (it failed) everything still works.

import { pageLang, Words } from "./dom.js";

// A real application is a few kilobytes and a few levels deep. Some thousands
// of levels overflow the stack of Python's json.loads in the worker.
export const LIMITS = Object.freeze({ depth: 100, chars: 2000000 });

// CheckerError codes and their words.
const MESSAGES = {
  "unusable-input": "checker_api_unusable_input",
  "too-large": "checker_api_too_large",
  "not-loaded": "checker_api_not_loaded",
  "failed": "checker_api_failed",
  "restarted": "checker_api_restarted",
};

function words() {
  const blob = document.getElementById("icp-checker-strings");
  try {
    return new Words(JSON.parse(blob.textContent), currentLang());
  } catch (error) {
    return null;   // no strings on this page: the code stands in for the words
  }
}

export class CheckerError extends Error {
  constructor(code, detail = "") {
    const w = words();
    let text = w && w.has(MESSAGES[code]) ? w.t(MESSAGES[code]) : code;
    text = text.replace("{depth}", String(LIMITS.depth)).replace("{chars}", String(LIMITS.chars));
    super(detail ? (w ? `${text}${w.paren(detail)}` : `${text} (${detail})`) : text);
    this.name = "CheckerError";
    this.code = code;
    this.detail = detail;
  }
}

// The name of what a JSON.stringify or toJSON threw, if it is an error's name.
function errorName(error) {
  try {
    const name = String(error.name);
    return /^[A-Z][A-Za-z]{0,30}Error$/.test(name) ? name : "Error";
  } catch (_) {
    return "Error";
  }
}

// The deepest nesting of arrays and objects in a JSON text.
function depth(text) {
  let level = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;                      // a backslash: skip what it escapes
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      deepest = Math.max(deepest, ++level);
    } else if (c === 93 || c === 125) {
      level--;
    }
  }
  return deepest;
}

// The JSON text posted to the worker, or a CheckerError: undefined, a
// function, a symbol, a cycle (window), a BigInt or a throwing toJSON have
// no JSON form; nesting beyond LIMITS.depth or a text beyond LIMITS.chars
// is refused.
function encode(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new CheckerError(error instanceof RangeError ? "too-large" : "unusable-input", errorName(error));
  }
  if (typeof text !== "string") throw new CheckerError("unusable-input", typeof value);
  if (text.length > LIMITS.chars || depth(text) > LIMITS.depth) throw new CheckerError("too-large");
  return text;
}

function encodeKind(kind) {
  let text;
  try {
    text = String(kind);
  } catch (error) {
    throw new CheckerError("unusable-input", errorName(error));
  }
  if (text.length > LIMITS.chars) throw new CheckerError("too-large");
  return text;
}

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
      this.broken("script-error");
    };
    this.worker.onmessageerror = () => this.broken("message-error");
    if (early) for (const message of BOOT.queue.splice(0)) this.receive(message || {});
  }

  // A new worker; every call waiting for the old one rejects with `reason`,
  // and the page shows the checker loading again.
  restart(reason = new CheckerError("restarted")) {
    this.worker.terminate();
    for (const { reject } of this.pending.values()) reject(reason);
    this.pending.clear();
    this.start();
    this.emit("progress", null);
  }

  // The worker failed: while loading, the page shows it (with Retry); once
  // running (Pyodide's fatal error, say), it is replaced at once.
  broken(detail) {
    if (this.data) this.restart(new CheckerError("restarted", detail));
    else this.fail("worker", detail);
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
      this.boot = msg.boot === "snapshot" ? "snapshot" : "fresh";
      this.data = JSON.parse(msg.data);
      this.resolveReady(this.data);
      this.emit("ready", this.data);
    } else if (msg.type === "failed") {
      this.fail(msg.step, msg.detail);
    } else if (msg.type === "crashed") {
      this.broken(msg.detail);
    } else if (this.pending.has(msg.id)) {
      const { resolve, reject } = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      let detail = String(msg.detail || "");
      if (msg.ok) {
        try {
          return resolve(JSON.parse(msg.result));
        } catch (error) {
          detail = "bad-result";
        }
      }
      reject(new CheckerError(detail === "not-loaded" ? "not-loaded" : "failed", detail));
    }
  }

  fail(step, detail) {
    if (this.data) return;   // already running: a late error is reported per call
    this.last = { type: "failed", step, detail };
    this.rejectReady(new CheckerError("not-loaded", `${step}: ${detail}`));
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

// Async, so that whatever the input, the caller gets a promise.
export async function check(application) {
  return engine.call({ op: "check", application: encode(application), lang: currentLang() });
}

export async function field(kind, value, context) {
  return engine.call({
    op: "field",
    kind: encodeKind(kind),
    value: encode(value),
    context: context === undefined || context === null ? "" : encode(context),
    lang: currentLang(),
  });
}

// {report, sections, markdown}: what the result panel shows and the download holds.
export async function view(application) {
  return engine.call({ op: "view", application: encode(application), lang: currentLang() });
}

window.icpChecker = Object.freeze({
  get ready() {
    return engine.ready.then(() => undefined);
  },
  check,
  field,
});
