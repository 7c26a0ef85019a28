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
//                   {type: "ready", data: "<json>", boot: "fresh"|"snapshot"}
//                                               data: checker.api.page_data(); boot: how
//                                               the interpreter started (see restore())
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

// A returning reader's engine starts from a memory snapshot: Pyodide's
// makeMemorySnapshot / _loadSnapshot (private in Pyodide 314.0.7, which
// package.json pins). Booting the interpreter takes about 4 s on a slow
// machine; restoring its memory with the checker already imported takes
// about 0.4 s. The snapshot is taken once per build of the runtime and the
// wheels, on a first visit, *before the worker answers any call*: it holds
// the interpreter, the checker and its data, and nothing the reader typed.
// It is kept gzip-compressed (31 MB -> 6.5 MB) in Cache Storage under a key
// naming the Pyodide version and the wheels' digests, so a new build never
// restores an old one. Restoring that fails in any way deletes it and boots
// normally. Memory holds no files: the wheels are unpacked again after a
// restore (their modules imported later, like idna, need them).
const SNAPSHOTS = "icp-checker-snapshot";
const quiet = () => {};

async function boot() {
  progress("runtime");
  const manifest = await (await fetch(MANIFEST, { credentials: "same-origin" })).json();
  const indexURL = new URL(manifest.indexURL, SITE).href;
  const wheels = manifest.wheels.map((name) => new URL(`assets/wheels/${name}`, SITE).href);
  for (const url of [indexURL, ...wheels]) {
    if (new URL(url).origin !== SITE.origin) throw new Error("cross-origin");
  }
  const key = new URL(`assets/checker-snapshot/${manifest.pyodide}/${manifest.wheels.map(digestOf).join("-")}`,
                      SITE).href;
  // The wheels download while the interpreter boots or is restored.
  const downloads = wheels.map((url) => fetch(url).then((response) => response.arrayBuffer()));
  downloads.forEach((download) => download.catch(quiet));   // reported by the fetch check, and awaited below
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  let started = await restore(loadPyodide, indexURL, key, downloads);
  let snapshot = null;
  if (!started) {
    const py = await loadPyodide({ indexURL, stdout: quiet, stderr: quiet, _makeSnapshot: true });
    const data = await prepare(py, downloads);
    snapshot = takeSnapshot(py);
    started = { py, data, boot: "fresh" };
  }
  const { py, data, boot: how } = started;
  calls = { check: py.globals.get("icp_check"), view: py.globals.get("icp_view"), field: py.globals.get("icp_field") };
  postMessage({ type: "ready", data, boot: how });
  if (snapshot) keep(snapshot, key);   // compressing takes a second: the reader need not wait for it
}

// The wheels unpacked into site-packages, the shim defined, the checker imported and its
// data loaded (page_data reads it all); page_data's JSON is returned.
async function prepare(py, downloads) {
  progress("packages");
  for (const download of downloads) py.unpackArchive(await download, "wheel");
  progress("checker");
  py.runPython(SHIM);
  return py.runPython("icp_data()");
}

function digestOf(wheel) {
  return wheel.split("/")[0];   // <sha256[:16]>/<name>.whl (generator/package.py)
}

function takeSnapshot(py) {
  try {
    return py.makeMemorySnapshot();
  } catch (error) {
    return null;   // this worker goes on; the next visit boots normally again
  }
}

async function restore(loadPyodide, indexURL, key, downloads) {
  let stored;
  try {
    stored = await (await caches.open(SNAPSHOTS)).match(key);
  } catch (error) {
    return null;   // no Cache Storage here
  }
  if (!stored) return null;
  try {
    const memory = new Uint8Array(
      await new Response(stored.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    const py = await loadPyodide({ indexURL, stdout: quiet, stderr: quiet, _loadSnapshot: memory });
    return { py, data: await prepare(py, downloads), boot: "snapshot" };
  } catch (error) {
    if (!failed) await forget(key);   // a download that failed says nothing about the snapshot
    return null;
  }
}

async function keep(snapshot, key) {
  try {
    const cache = await caches.open(SNAPSHOTS);
    const packed = new Blob([snapshot]).stream().pipeThrough(new CompressionStream("gzip"));
    await cache.put(key, new Response(packed, { headers: { "Content-Type": "application/octet-stream" } }));
    for (const old of await cache.keys()) {
      if (old.url !== key) await cache.delete(old);   // an older build's
    }
  } catch (error) {
    // No room or no Cache Storage: the next visit boots normally.
  }
}

async function forget(key) {
  try {
    await (await caches.open(SNAPSHOTS)).delete(key);
  } catch (error) {
    // nothing stored, nothing to delete
  }
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
