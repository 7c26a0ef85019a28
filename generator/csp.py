"""Content-Security-Policy of every page.

Every page extends site_templates/overrides/main.html, which puts a
placeholder `<meta http-equiv="Content-Security-Policy">` first in <head>.
After MkDocs has written the HTML, :func:`apply` replaces the placeholder
with the policy below plus the sha256 hashes of the inline scripts on the
page (Material's and the checker's boot script), so those keep running and
nothing else inline does. Run from the `on_post_build` hook: the hashes must
be computed on the final HTML.

A `<meta>` policy does not reach Web Workers: a worker takes its policy from
the header of its own script's response. WORKER_POLICY is the header the
server must send with every JavaScript file (content/maintainers.md says so):
the checker's worker compiles Pyodide's WebAssembly, which needs
'wasm-unsafe-eval' there, and only there.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

PLACEHOLDER = "__ICP_CSP__"
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'
_FILLED = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?!__ICP_CSP__")')

# Pages run only our own scripts and the hashed inline ones, and start only
# our own workers. Material sets styles through the CSSOM (element.style),
# which a CSP does not govern; the build refuses inline style attributes and
# <style> elements, which it would.
POLICY = (
    ("default-src", ["'self'"]),
    ("script-src", ["'self'"]),   # + hashes of inline scripts
    ("worker-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("style-src", ["'self'"]),
    ("font-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'none'"]),
)
# `mkdocs serve` adds an inline live-reload script that differs on every
# request, so while serving, inline scripts are allowed instead of hashed.
SERVE_SCRIPTS = ["'self'", "'unsafe-inline'"]

# The header for the workers' scripts (assets/checker/worker.mjs, Material's
# assets/javascripts/workers/search.*.js): their own modules and imported
# scripts, fetches from this origin, and WebAssembly.
WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'"

# Script types a browser executes; anything else (application/json…) is a data block.
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
             "text/ecmascript", "text/jscript", "text/livescript", "application/x-javascript"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
# Hashes do not cover event-handler attributes or javascript: URLs; a page
# that has any would break under the policy, so the build refuses it.
_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)
_JS_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
# Nor do they cover inline styles, which style-src 'self' blocks.
_STYLE = re.compile(r"<style\b|<[a-zA-Z][^>]*\sstyle\s*=", re.S | re.I)


class CSPError(Exception):
    pass


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts the browser would execute, in page order."""
    out = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        if _SRC.search(attrs):
            continue
        t = _TYPE.search(attrs)
        kind = next((g for g in t.groups() if g is not None), "") if t else ""
        if kind.strip().lower() in _JS_TYPES:
            out.append(body)
    return out


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def policy(html: str, serving: bool = False) -> str:
    """The policy for one page: POLICY plus the hashes of its inline scripts."""
    hashes = []
    for body in inline_scripts(html):
        h = script_hash(body)
        if h not in hashes:
            hashes.append(h)
    parts = []
    for name, sources in POLICY:
        if name == "script-src":
            sources = SERVE_SCRIPTS if serving else sources + hashes
        parts.append(name + " " + " ".join(sources))
    return "; ".join(parts)


def apply_to_html(html: str, where: str = "page", serving: bool = False) -> str:
    if html.count(META) != 1:
        raise CSPError(f"{where}: expected exactly one CSP placeholder, found {html.count(META)}; "
                       "every page template extends main.html")
    head = html.split("</head>", 1)[0]
    first_script = head.lower().find("<script")
    if first_script != -1 and first_script < head.find(META):
        raise CSPError(f"{where}: the CSP meta must come before the first script in <head>")
    if _HANDLER.search(html) or _JS_URL.search(html):
        raise CSPError(f"{where}: inline event handlers or javascript: URLs cannot run under the CSP")
    if _STYLE.search(html):
        raise CSPError(f"{where}: inline styles (a style attribute or a <style> element) do not apply under "
                       "the CSP; use a class and assets/extra.css")
    return html.replace(PLACEHOLDER, policy(html, serving), 1)


def apply(site_dir, serving: bool = False) -> list[Path]:
    """Fill the CSP placeholder of every built page; return the pages filled.
    A page already filled (an unchanged page of a dirty build) is left alone."""
    done = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if PLACEHOLDER not in html and _FILLED.search(html):
            continue
        path.write_text(apply_to_html(html, str(path.relative_to(site_dir)), serving), encoding="utf-8")
        done.append(path)
    return done


_META_CONTENT = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def nginx_map(site_dir) -> str:
    """nginx's `map $uri $icp_csp {…}` (deploy/nginx.conf includes it): every
    page's policy, read from the meta the build filled in, so the header and
    the meta always agree; WORKER_POLICY for every script, since workers take
    theirs from the header; and the pages' policy without hashes for the rest."""
    site = Path(site_dir)
    default = "; ".join(name + " " + " ".join(sources) for name, sources in POLICY)
    lines = ["# Made by `python -m generator build` from the built pages (generator/csp.py); do not edit.",
             "map $uri $icp_csp {",
             f'    default "{default}";',
             f'    "~\\.m?js$" "{WORKER_POLICY}";']
    for path in sorted(site.rglob("*.html")):
        found = _META_CONTENT.search(path.read_text(encoding="utf-8"))
        if found is None or found.group(1) == PLACEHOLDER:
            raise CSPError(f"{path.relative_to(site)}: no filled Content-Security-Policy meta")
        lines.append(f'    "/{path.relative_to(site).as_posix()}" "{found.group(1)}";')
    return "\n".join(lines + ["}", ""])


def single_header(site_dir) -> str:
    """One policy for hosts that can send only one header for the whole site
    (a CDN's custom response header; content/deploy.md). A browser enforces
    it together with each page's own <meta>, so a page still runs only its
    own inline scripts; the header must therefore allow all of them, and
    'wasm-unsafe-eval' for the checker's worker, which has no <meta>."""
    hashes = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        for body in inline_scripts(path.read_text(encoding="utf-8")):
            if script_hash(body) not in hashes:
                hashes.append(script_hash(body))
    return "; ".join(name + " " + " ".join(sources + (["'wasm-unsafe-eval'", *hashes] if name == "script-src" else []))
                     for name, sources in POLICY)
