"""Content-Security-Policy for pages that opt in (the checker page).

A page opts in through its template (site_templates/overrides/checker.html),
which puts a placeholder `<meta http-equiv="Content-Security-Policy">` first
in <head>. After MkDocs has written the HTML, :func:`apply` replaces the
placeholder with the policy below plus the sha256 hashes of the inline
scripts Material puts on the page, so those keep running and nothing else
inline does. Run from the `on_post_build` hook: the hashes must be computed
on the final HTML.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

PLACEHOLDER = "__ICP_CSP__"
META = f'<meta http-equiv="Content-Security-Policy" content="{PLACEHOLDER}">'

# Pyodide runs in a module worker loaded from our own origin; wasm needs
# 'wasm-unsafe-eval' (not 'unsafe-eval'). Inline styles stay allowed because
# Material sets style attributes from its bundle.
POLICY = (
    ("default-src", ["'self'"]),
    ("script-src", ["'self'", "'wasm-unsafe-eval'"]),   # + hashes of inline scripts
    ("worker-src", ["'self'"]),
    ("connect-src", ["'self'"]),
    ("img-src", ["'self'", "data:"]),
    ("style-src", ["'self'", "'unsafe-inline'"]),
    ("font-src", ["'self'"]),
    ("object-src", ["'none'"]),
    ("base-uri", ["'self'"]),
    ("form-action", ["'none'"]),
)

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


def policy(html: str) -> str:
    """The policy for one page: POLICY plus the hashes of its inline scripts."""
    hashes = []
    for body in inline_scripts(html):
        h = script_hash(body)
        if h not in hashes:
            hashes.append(h)
    parts = []
    for name, sources in POLICY:
        if name == "script-src":
            sources = sources + hashes
        parts.append(name + " " + " ".join(sources))
    return "; ".join(parts)


def apply_to_html(html: str, where: str = "page") -> str:
    if html.count(META) != 1:
        raise CSPError(f"{where}: expected exactly one CSP placeholder, found {html.count(META)}")
    head = html.split("</head>", 1)[0]
    first_script = head.lower().find("<script")
    if first_script != -1 and first_script < head.find(META):
        raise CSPError(f"{where}: the CSP meta must come before the first script in <head>")
    if _HANDLER.search(html) or _JS_URL.search(html):
        raise CSPError(f"{where}: inline event handlers or javascript: URLs cannot run under the CSP")
    return html.replace(PLACEHOLDER, policy(html), 1)


def apply(site_dir) -> list[Path]:
    """Fill the CSP placeholder of every built page that has one; return those pages."""
    done = []
    for path in sorted(Path(site_dir).rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if PLACEHOLDER not in html:
            continue
        path.write_text(apply_to_html(html, str(path.relative_to(site_dir))), encoding="utf-8")
        done.append(path)
    return done
