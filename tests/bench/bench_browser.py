"""The checker page in headless Chromium, next to a bare page that only loads Pyodide.

* cold load: navigation to `#icp-checker[data-state=ready]` (a fresh browser
  context each time, so nothing is cached), median of RUNS, against the same
  measure for a bare page (generated into a temp dir, served by the same
  server) whose module worker only runs loadPyodide() from the site's own
  copy; the ratio is the checker's overhead (target <= 1.15);
* transfer size of the checker page (every response body, as served);
* median latency of one icpChecker.field() call after ready (target <= 5 ms);
* the weight of a province page, which must not load Pyodide.

Run: `.venv/bin/python tests/bench/bench_browser.py [SITE_DIR]` (builds the
site into a temp dir when no SITE_DIR is given), or through tests/bench/run.py.
"""
from __future__ import annotations

import functools
import http.server
import json
import statistics
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
RUNS = 7
FIELD_CALLS = 50
BARE = "__bare__"

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare Pyodide</title><link rel="icon" href="data:,"></head>
<body><main><h1>Bare Pyodide</h1><p id="state" data-state="loading">loading</p></main>
<script type="module">
const worker = new Worker("./worker.mjs", {type: "module"});
worker.onmessage = (e) => { const p = document.getElementById("state"); p.textContent = e.data; p.dataset.state = e.data; };
</script></body></html>
"""
BARE_WORKER = """
const manifest = await (await fetch("/assets/checker-manifest.json")).json();
const indexURL = new URL("/" + manifest.indexURL, location.origin).href;
const { loadPyodide } = await import(indexURL + "pyodide.mjs");
const py = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
py.runPython("1 + 1");
postMessage("ready");
"""


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".wasm": "application/wasm", ".whl": "application/octet-stream"}
    bare_dir = None

    def translate_path(self, path):
        if path.startswith(f"/{BARE}/"):
            name = path.split("?", 1)[0][len(BARE) + 2:] or "index.html"
            return str(Path(self.bare_dir) / name)
        return super().translate_path(path)

    def log_message(self, *args):
        pass


def _serve(site: Path, bare: Path):
    handler = functools.partial(type("H", (_Handler,), {"bare_dir": str(bare)}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# Stamps the moment any element gets data-state="ready" (navigation start = 0).
READY_STAMP = """
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-state="ready"]')) {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["data-state"], childList: true});
"""


def _cold_load(browser, url: str, selector: str) -> tuple[float, int, list]:
    """(ms from navigation start to ready, bytes transferred, URLs) in a fresh context.

    Service workers are blocked: the checker registers one once it is ready, and its
    offline precache (the runtime again, from this server that sends no cache headers)
    is not the page's load; bench_network.py measures the service worker, as served."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(READY_STAMP)
    urls, sizes = [], []
    context.on("request", lambda r: urls.append(r.url))
    context.on("response", lambda r: sizes.append(int(r.headers.get("content-length") or 0)))
    page.goto(url)
    page.wait_for_selector(selector, timeout=180_000)
    elapsed = page.evaluate("() => window.__readyAt ?? performance.now()")
    page.wait_for_load_state("networkidle")
    context.close()
    return elapsed, sum(sizes), urls


def measure(site: Path, runs: int = RUNS) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp)
        (bare / "index.html").write_text(BARE_HTML)
        (bare / "worker.mjs").write_text(BARE_WORKER)
        server, base = _serve(site, bare)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                checker_ms, bare_ms = [], []
                checker_size = bare_size = 0
                # Interleave the two pages so machine load affects both alike.
                _cold_load(browser, f"{base}/{BARE}/", "#state[data-state=ready]")   # warm the OS file cache
                for _ in range(runs):
                    ms, bare_size, _ = _cold_load(browser, f"{base}/{BARE}/", "#state[data-state=ready]")
                    bare_ms.append(ms)
                    ms, checker_size, _ = _cold_load(browser, f"{base}/checker/", "#icp-checker[data-state=ready]")
                    checker_ms.append(ms)

                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{base}/checker/")
                page.wait_for_selector("#icp-checker[data-state=ready]", timeout=180_000)
                field_ms = page.evaluate(f"""async () => {{
                    const out = [];
                    for (let i = 0; i < {FIELD_CALLS}; i++) {{
                        const t0 = performance.now();
                        await window.icpChecker.field("uscc", "91350100M000100Y43", {{province: "35"}});
                        out.push(performance.now() - t0);
                    }}
                    out.sort((a, b) => a - b);
                    return out[Math.floor(out.length / 2)];
                }}""")
                context.close()

                _, province_size, province_urls = _cold_load(browser, f"{base}/provinces/sichuan/", "article h1")
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    checker = statistics.median(checker_ms)
    bare_median = statistics.median(bare_ms)
    return {
        "checker_ready_ms": checker, "bare_ready_ms": bare_median, "ratio": checker / bare_median,
        # each checker load against the bare load just before it (same machine load)
        "paired_ratio": statistics.median(c / b for c, b in zip(checker_ms, bare_ms)),
        "checker_runs_ms": checker_ms, "bare_runs_ms": bare_ms,
        "checker_transfer_bytes": checker_size, "bare_transfer_bytes": bare_size,
        "field_median_ms": field_ms,
        "province_transfer_bytes": province_size,
        "province_loads_pyodide": any("/pyodide/" in u or u.endswith(".whl") for u in province_urls),
    }


def lines(r: dict) -> list[str]:
    ok = lambda cond: "ok" if cond else "OVER TARGET"  # noqa: E731
    return [
        f"checker page cold load to ready: median {r['checker_ready_ms']:.0f} ms "
        f"(runs {', '.join(f'{x:.0f}' for x in r['checker_runs_ms'])})",
        f"bare Pyodide page cold load:     median {r['bare_ready_ms']:.0f} ms "
        f"(runs {', '.join(f'{x:.0f}' for x in r['bare_runs_ms'])})",
        f"ratio checker/bare: {r['ratio']:.3f} (target <= 1.15: {ok(r['ratio'] <= 1.15)}); "
        f"median of paired ratios {r['paired_ratio']:.3f}",
        f"checker page transfer: {r['checker_transfer_bytes'] / 1e6:.2f} MB "
        f"(bare page {r['bare_transfer_bytes'] / 1e6:.2f} MB)",
        f"field validation after ready: median {r['field_median_ms']:.2f} ms "
        f"(target <= 5 ms: {ok(r['field_median_ms'] <= 5)})",
        f"province page weight: {r['province_transfer_bytes'] / 1e3:.0f} kB, "
        f"loads Pyodide: {'YES (wrong)' if r['province_loads_pyodide'] else 'no'}",
    ]


def _build_site(target: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from generator.build import generate
    from generator.dataset import load_dataset
    from generator.package import stage
    from tests.conftest import mkdocs_build
    ds = load_dataset(ROOT / "province_data")
    generate(ds, ROOT)
    stage(ROOT)
    generate(ds, ROOT)
    mkdocs_build(target)
    return target


def run(argv, measure_site, as_lines, printing: bool) -> list[str]:
    """A browser bench's main: measure the site in argv[0], or one built for the run; the lines."""
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        out = as_lines(measure_site(Path(argv[0])))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            out = as_lines(measure_site(_build_site(Path(tmp) / "site")))
    if printing:
        print("\n".join(out))
    return out


def main(argv=None) -> list[str]:
    return run(argv, measure, lines, __name__ == "__main__")


if __name__ == "__main__":
    main()
