"""Brotli (.br) and gzip (.gz) copies next to every text asset and the .wasm.

A web server sends them as they are (nginx's brotli_static and gzip_static,
deploy/nginx.conf), so nothing is compressed per request and the best,
slowest settings cost nothing at serving time. Both encodings are
deterministic (gzip with mtime 0 and no file name), so two builds stay
byte-identical. Brotli at quality 11 takes tens of seconds on Pyodide's
9.6 MB .wasm; results are kept in build/compress-cache/ by content digest,
so a rebuild compresses only what changed.
"""
from __future__ import annotations

import gzip
import hashlib
import os
from pathlib import Path

import brotli

# Already compressed formats (.zip, .whl, .png, .gz) gain nothing and are left alone.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".wasm"}
CACHE = Path("build") / "compress-cache"


def _cached(cache: Path, digest: str, suffix: str, make) -> bytes:
    path = cache / digest[:2] / (digest + suffix)
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return data


def encodings(data: bytes, cache: Path) -> dict[str, bytes]:
    """{'.br': …, '.gz': …} for `data`; an encoding that does not make it smaller is left out."""
    digest = hashlib.sha256(data).hexdigest()
    out = {
        ".br": _cached(cache, digest, ".br", lambda: brotli.compress(data, quality=11)),
        ".gz": _cached(cache, digest, ".gz", lambda: gzip.compress(data, compresslevel=9, mtime=0)),
    }
    return {suffix: packed for suffix, packed in out.items() if len(packed) < len(data)}


def compress_site(site: Path, cache: Path) -> list[Path]:
    """Write the .br and .gz of every compressible file in `site`; returns the files written."""
    written = []
    for path in sorted(Path(site).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE:
            continue
        for suffix, packed in encodings(path.read_bytes(), cache).items():
            target = path.with_name(path.name + suffix)
            target.write_bytes(packed)
            written.append(target)
    return written
