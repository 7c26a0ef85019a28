// The checker's engine: Pyodide and the checker wheels, in a module Web Worker.
//
// Everything is loaded from this site's own origin: the manifest written by
// generator/package.py names the Pyodide folder and the wheels; there is no
// CDN, no micropip and no request to any other host. The page talks to this
// worker with JSON strings only (see client.js):
//   page -> worker  {id, op: "check", application: "<json>", lang}      checker.api.check
//                   {id, op: "view", application: "<json>", lang}       checker.api.view
//                   {id, op: "field", kind, value: "<json>", context: "<json>", lang}
//   worker -> page  {type: "progress", step: "runtime"|"packages"|"checker"}
//                   {type: "ready", data: "<json>"}     checker.api.page_data()
//                   {type: "failed", step, detail}      loading failed
//                   {id, ok: true, result: "<json>"} | {id, ok: false, detail}
//                   {type: "crashed", detail}   Pyodide's fatal error: it cannot go
//                                               on, and client.js starts a new worker
// The Python side is checker.api's public functions only. Nothing here logs:
// user input must never reach the console.

const SITE = new URL("../../", import.meta.url);
const MANIFEST = new URL("assets/checker-manifest.json", SITE);

const SHIM = `
import json
from checker import api

def icp_check(application_json, lang):
    return json.dumps(api.check(json.loads(application_json), lang=lang), ensure_ascii=False)

def icp_view(application_json, lang):
    return json.dumps(api.view(json.loads(application_json), lang=lang), ensure_ascii=False)

def icp_field(kind, value_json, context_json, lang):
    context = json.loads(context_json) if context_json else None
    return json.dumps(api.field(kind, json.loads(value_json), context, lang=lang), ensure_ascii=False)

def icp_data():
    return json.dumps(api.page_data(), ensure_ascii=False)
`;

let step = "runtime";
let calls = null;  // {check, view, field} Python callables once ready
let failed = false;
let crashed = false;

// Pyodide swallows a failed wasm download (it warns and then waits for
// ever), so every fetch of ours and Pyodide's goes through this check: a
// network error or an HTTP error ends the loading at once with a message.
const originalFetch = self.fetch.bind(self);
self.fetch = async (resource, init) => {
  const name = String(resource instanceof Request ? resource.url : resource).split("/").pop();
  let response;
  try {
    response = await originalFetch(resource, init);
  } catch (error) {
    fail(`${name}: ${error && error.name ? error.name : "NetworkError"}`);
    throw error;
  }
  if (!response.ok) {
    fail(`${name}: HTTP ${response.status}`);
    throw new Error(`HTTP ${response.status}`);
  }
  return response;
};

function fail(detail) {
  if (failed || calls) return;
  failed = true;
  postMessage({ type: "failed", step, detail });
}

function progress(name) {
  step = name;
  postMessage({ type: "progress", step: name });
}

async function boot() {
  progress("runtime");
  const manifest = await (await fetch(MANIFEST, { credentials: "same-origin" })).json();
  const indexURL = new URL(manifest.indexURL, SITE).href;
  const wheels = manifest.wheels.map((name) => new URL(`assets/wheels/${name}`, SITE).href);
  for (const url of [indexURL, ...wheels]) {
    if (new URL(url).origin !== SITE.origin) throw new Error("cross-origin");
  }
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  const quiet = () => {};
  // `packages` downloads the wheels while the interpreter boots; the
  // loadPackage call below then only confirms (and reports any failure).
  const py = await loadPyodide({ indexURL, packages: wheels, stdout: quiet, stderr: quiet });
  progress("packages");
  await py.loadPackage(wheels, { messageCallback: quiet, errorCallback: quiet });
  progress("checker");
  const ns = py.globals.get("dict")();
  py.runPython(SHIM, { globals: ns });
  calls = { check: ns.get("icp_check"), view: ns.get("icp_view"), field: ns.get("icp_field") };
  const data = ns.get("icp_data")();
  postMessage({ type: "ready", data });
}

function describe(error, withMessage = false) {
  // A short technical description. Python exceptions carry a traceback that
  // may quote the input, so after loading only the exception type goes out.
  const text = String((error && error.message) || error || "");
  const py = text.match(/^(\w+(?:Error|Exception))\b/m) || text.match(/\n(\w+(?:Error|Exception))(?::|$)/);
  if (py && !withMessage) return py[1];
  const name = (error && error.name) || "Error";
  return withMessage ? `${name}: ${text.split("\n")[0].slice(0, 200)}` : name;
}

const booted = boot().then(
  () => true,
  (error) => {
    fail(describe(error, true));   // nothing typed by the user is involved while loading
    return false;
  },
);
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  fail(describe(event.reason, true));
});

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (crashed) return;   // this worker is being replaced; the call rejects in the page
  if (!(await booted) || failed) {
    postMessage({ id: msg.id, ok: false, detail: "not-loaded" });
    return;
  }
  try {
    let result;
    if (msg.op === "check") {
      result = calls.check(msg.application, msg.lang);
    } else if (msg.op === "view") {
      result = calls.view(msg.application, msg.lang);
    } else if (msg.op === "field") {
      result = calls.field(msg.kind, msg.value, msg.context, msg.lang);
    } else {
      throw new Error("unknown-operation");
    }
    postMessage({ id: msg.id, ok: true, result });
  } catch (error) {
    if (error && error.pyodide_fatal_error) {
      crashed = true;
      postMessage({ type: "crashed", detail: describe(error) });
    } else {
      postMessage({ id: msg.id, ok: false, detail: describe(error) });
    }
  }
};
