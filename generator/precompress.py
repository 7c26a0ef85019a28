"""Brotli (.br) and gzip (.gz) copies next to every text asset and the .wasm.

A web server sends them as they are (nginx's brotli_static and gzip_static,
deploy/nginx.conf), so nothing is compressed per request and the best,
slowest settings cost nothing at serving time. Both encodings are
deterministic (gzip with mtime 0 and no file name), so two builds stay
byte-identical. Brotli at quality 11 takes tens of seconds on Pyodide's
9.6 MB .wasm; results are kept in build/compress-cache/ by content digest,
so a rebuild compresses only what changed.

Zip archives (Pyodide's python_stdlib.zip, the checker's wheels) are deflated
member by member, which leaves Brotli or gzip of the archive almost nothing to
gain. The same archive with its members *stored* compresses far better as a
whole (python_stdlib.zip: 2.55 MB as shipped, 1.61 MB as Brotli of its stored
twin; the wheels: 484 KB, 331 KB). So an archive's .br and .gz hold its stored
twin: the same members with the same names, dates and order, which every reader
of the archive (zipimport, Pyodide's wheel install) sees as the same files. The
archive itself stays as shipped, for servers that do not negotiate an encoding.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import io
import os
import zipfile
from pathlib import Path

import brotli

# Already compressed formats (.png, .gz) gain nothing and are left alone.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".map", ".wasm"}
ARCHIVES = {".zip", ".whl"}   # compressed as their stored twins
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


def stored_twin(archive: bytes) -> bytes:
    """The zip `archive` with every member stored (uncompressed), all else kept as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as twin:
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr, copy.create_system, copy.comment = info.external_attr, info.create_system, info.comment
            twin.writestr(copy, source.read(info), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def encodings(data: bytes, cache: Path, archive: bool = False) -> dict[str, bytes]:
    """{'.br': …, '.gz': …} for `data` (for a zip `archive`: of its stored twin); an encoding
    that does not make it smaller than `data` is left out."""
    digest = hashlib.sha256(data).hexdigest() + ("-stored" if archive else "")
    content = functools.cache(lambda: stored_twin(data)) if archive else (lambda: data)   # made once for both
    out = {
        ".br": _cached(cache, digest, ".br", lambda: brotli.compress(content(), quality=11)),
        ".gz": _cached(cache, digest, ".gz", lambda: gzip.compress(content(), compresslevel=9, mtime=0)),
    }
    return {suffix: packed for suffix, packed in out.items() if len(packed) < len(data)}


def compress_site(site: Path, cache: Path) -> list[Path]:
    """Write the .br and .gz of every compressible file in `site`; returns the files written."""
    written = []
    for path in sorted(Path(site).rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESSIBLE | ARCHIVES:
            continue
        for suffix, packed in encodings(path.read_bytes(), cache, archive=path.suffix in ARCHIVES).items():
            target = path.with_name(path.name + suffix)
            target.write_bytes(packed)
            written.append(target)
    return written
