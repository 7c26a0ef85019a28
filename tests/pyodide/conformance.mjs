// Run the checker's conformance cases inside Pyodide under Node, with the very
// runtime and wheels of a built site (no download of any kind).
//
//   node tests/pyodide/conformance.mjs SITE_DIR CASES.json OUT.json
//
// CASES.json: [{"op": "check", "application": {...}, "lang": "en", "today": "YYYY-MM-DD"},
//              {"op": "field", "kind": "uscc", "value": ..., "context": {...}|null, "lang", "today"},
//              {"op": "view", "application": {...}, "lang", "today"}, {"op": "page_data"}, ...]
// OUT.json: {"python": "3.14.x", "pyodide": "…", "results": [report, ...]} in the same order.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [siteDir, casesPath, outPath] = process.argv.slice(2);
const site = path.resolve(siteDir);
const manifest = JSON.parse(fs.readFileSync(path.join(site, "assets", "checker-manifest.json"), "utf8"));
const indexDir = path.join(site, manifest.indexURL);
const { loadPyodide } = await import(pathToFileURL(path.join(indexDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: indexDir + path.sep, stdout: () => {}, stderr: (m) => process.stderr.write(m + "\n") });
const wheels = manifest.wheels.map((name) => path.join(site, "assets", "wheels", name));
await py.loadPackage(wheels, { messageCallback: () => {}, errorCallback: (m) => process.stderr.write(m + "\n") });

py.FS.writeFile("/tmp/cases.json", fs.readFileSync(casesPath));
const out = py.runPython(`
import datetime, json, sys
import checker.api as api

def run(case):
    if case["op"] == "page_data":
        return api.page_data()
    today = datetime.date.fromisoformat(case["today"])
    if case["op"] == "check":
        return api.check(case["application"], lang=case["lang"], today=today)
    if case["op"] == "view":
        return api.view(case["application"], lang=case["lang"], today=today)
    return api.field(case["kind"], case["value"], case.get("context"), lang=case["lang"], today=today)

cases = json.load(open("/tmp/cases.json", encoding="utf-8"))
json.dumps({
    "python": sys.version.split()[0],
    "platform": sys.platform,
    "checker_file": api.__file__,
    "results": [run(case) for case in cases],
}, ensure_ascii=False)
`);
fs.writeFileSync(outPath, out);
