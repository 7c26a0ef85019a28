"""The built HTML: links resolve, nothing loads from another origin, builds repeat exactly."""
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import mkdocs_build

LOAD_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("audio", "src"),
              ("video", "src"), ("embed", "src"), ("object", "data"), ("input", "src")}
LOAD_LINK_RELS = {"stylesheet", "icon", "shortcut", "preload", "modulepreload", "manifest", "prefetch",
                  "apple-touch-icon", "dns-prefetch", "preconnect"}


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.loads, self.ids, self.styles = [], [], set(), []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "link" and a.get("href"):
            rels = set((a.get("rel") or "").lower().split())
            (self.loads if rels & LOAD_LINK_RELS else self.links).append(a["href"])
        for t, attr in LOAD_ATTRS:
            if tag == t and a.get(attr):
                self.loads.append(a[attr])
        if a.get("style"):
            self.styles.append(a["style"])
        self._in_style = tag == "style"

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in_style = False


def parse(path: Path) -> Collector:
    c = Collector()
    c.feed(path.read_text(encoding="utf-8"))
    return c


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme and parts.scheme not in ("data", "blob")) or url.startswith("//")


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    path = unquote(parts.path)
    if path.startswith("/"):
        target = (site / path.lstrip("/")).resolve()
    else:
        target = (page.parent / path).resolve() if path else page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_every_internal_link_resolves(built_site):
    cache, broken = {}, []
    for page in html_files(built_site):
        for href in parse(page).links:
            if is_external(href) or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = resolve(built_site, page, href)
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {href} (no file)")
                continue
            if fragment and target.suffix == ".html" and not fragment.startswith(("province=", ":~:")):
                ids = cache.setdefault(target, parse(target).ids)
                if fragment not in ids:
                    broken.append(f"{page.relative_to(built_site)} -> {href} (no id {fragment})")
    assert not broken, "\n".join(broken[:50])


def test_no_page_loads_from_another_origin(built_site):
    offenders = []
    url_re = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.I)
    for page in html_files(built_site):
        c = parse(page)
        offenders += [f"{page.relative_to(built_site)}: {u}" for u in c.loads if is_external(u)]
        for style in c.styles:
            offenders += [f"{page.relative_to(built_site)} style: {u}" for u in url_re.findall(style)]
    for css in built_site.rglob("*.css"):
        offenders += [f"{css.relative_to(built_site)}: {u}" for u in url_re.findall(css.read_text(errors="replace"))]
    js_load = re.compile(r"""(?:\bsrc\s*=\s*|import\s*\(\s*|importScripts\s*\(\s*|\bfrom\s*)["'`]((?:https?:)?//[^"'`]+)""")
    for js in list(built_site.rglob("*.js")) + list(built_site.rglob("*.mjs")):
        offenders += [f"{js.relative_to(built_site)}: {u}" for u in js_load.findall(js.read_text(errors="replace"))]
    assert not offenders, "\n".join(offenders[:50])


def test_pages_set_their_language(built_site):
    en = (built_site / "provinces/sichuan/index.html").read_text(encoding="utf-8")
    zh = (built_site / "zh/provinces/sichuan/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in en and '<html lang="zh"' in zh


def digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(built_site, tmp_path):
    second = tmp_path / "again"
    mkdocs_build(second)
    first, again = digest(built_site), digest(second)
    assert first.keys() == again.keys()
    differing = [name for name in first if first[name] != again[name]]
    assert not differing, differing[:20]


def test_checker_wheels_are_reproducible(built_site):
    from generator.package import stage
    from tests.conftest import ROOT
    import shutil
    first = digest(stage(ROOT))
    shutil.rmtree(ROOT / "build" / "checker-work" / "compiled")  # force a real rebuild
    second = digest(stage(ROOT))
    assert first == second
    wheels = [name for name in first if name.startswith("assets/wheels/")]
    assert any("/icp_checker-" in name for name in wheels)
    # each in a folder named by its content digest, so that it can be cached for good
    assert all(name.split("/")[2] == first[name][:16] for name in wheels)


def test_the_checker_wheel_holds_exactly_the_checker_package(built_site):
    import zipfile
    from tests.conftest import ROOT
    wheel, = built_site.glob("assets/wheels/*/icp_checker-*.whl")
    shipped = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("checker/")}
    source = {str(p.relative_to(ROOT)).replace("\\", "/") for p in (ROOT / "checker").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    # Sources are shipped byte-compiled; a module no longer in checker/ must not be shipped.
    assert shipped == {name[:-3] + ".pyc" if name.endswith(".py") else name for name in source}


def test_sitemap_date_comes_from_the_data(built_site, dataset):
    from generator.render import as_of
    assert f"<lastmod>{as_of(dataset).isoformat()}</lastmod>" in (built_site / "sitemap.xml").read_text()


def test_precompressed_copies_decompress_to_their_originals(built_site):
    import gzip
    import brotli
    from generator.precompress import ARCHIVES, COMPRESSIBLE
    copies = sorted(built_site.rglob("*.br")) + sorted(built_site.rglob("*.gz"))
    for copy in copies:
        original = copy.with_suffix("")
        unpack = brotli.decompress if copy.suffix == ".br" else gzip.decompress
        if original.suffix in ARCHIVES:
            assert same_members(unpack(copy.read_bytes()), original.read_bytes()), copy.relative_to(built_site)
        else:
            assert unpack(copy.read_bytes()) == original.read_bytes(), copy.relative_to(built_site)
        assert len(copy.read_bytes()) < len(original.read_bytes()), copy.relative_to(built_site)
    # Every text asset and the .wasm of some size has both; nothing already compressed gets one.
    compressible = [p for p in built_site.rglob("*") if p.suffix in COMPRESSIBLE and p.stat().st_size > 1024]
    missing = [p.relative_to(built_site).as_posix() for p in compressible
               for suffix in (".br", ".gz") if not p.with_name(p.name + suffix).is_file()]
    assert not missing, missing[:20]
    assert any(p.suffix == ".wasm" for p in compressible)
    assert (built_site / "search" / "search_index.json.br").is_file()
    assert not [c for c in copies if c.with_suffix("").suffix in {".png"}]
    # The runtime's standard library and every wheel are sent compressed as their stored twins.
    archives = [p for p in built_site.rglob("*") if p.suffix in ARCHIVES]
    assert any(p.name == "python_stdlib.zip" for p in archives) and any(p.suffix == ".whl" for p in archives)
    assert all(p.with_name(p.name + ".br").is_file() and p.with_name(p.name + ".gz").is_file() for p in archives)


def same_members(twin: bytes, archive: bytes) -> bool:
    """`twin` is `archive` with its members stored: the same names, dates, modes and contents, in order."""
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(twin)) as a, zipfile.ZipFile(io.BytesIO(archive)) as b:
        if [(i.filename, i.date_time, i.external_attr) for i in a.infolist()] != \
                [(i.filename, i.date_time, i.external_attr) for i in b.infolist()]:
            return False
        stored = all(i.compress_type == zipfile.ZIP_STORED for i in a.infolist())
        return stored and all(a.read(name) == b.read(name) for name in b.namelist())
