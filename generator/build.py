"""Write the generated tree, then build site/ so that a failure leaves the old one intact.

site/ is a symbolic link to a complete build in build/sites/; a new build is
made beside it and the link is swapped in one rename (os.replace), so at every
moment site/ is either the old site or the new one. A build that fails, or is
killed, leaves the last good one where it was."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
import traceback
from pathlib import Path

import jinja2

from generator.compile_rules import compile_messages, compile_rules
from generator.model import MissingTranslation
from generator.problems import DataError
from generator.render import RenderError, render_all

ASSETS = Path("site_templates") / "assets"
# Errors in the content, a page template or a translation: each names its file.
SOURCE_ERRORS = (RenderError, MissingTranslation, jinja2.TemplateError)


def sync_tree(target: Path, files: dict[str, bytes | str]) -> list[str]:
    """Make `target` hold exactly `files`; rewrite only what changed (so a
    watching `mkdocs serve` rebuilds only for real edits). Returns changed paths."""
    changed = []
    target.mkdir(parents=True, exist_ok=True)
    for rel, content in sorted(files.items()):
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = target / rel
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        changed.append(rel)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def docs_files(ds, root: Path) -> dict[str, bytes | str]:
    """Everything MkDocs reads: rendered pages plus static assets. Rendering
    happens in memory first, so a template error writes nothing."""
    try:
        files: dict[str, bytes | str] = dict(render_all(ds))
    except Exception as exc:
        where = located(exc, root)
        if where is None:
            raise                               # not in a template: a bug of the generator
        message = str(exc) if isinstance(exc, SOURCE_ERRORS) else f"{type(exc).__name__}: {exc}"
        raise RenderError(f"{where}: {message.removeprefix(where.partition(':')[0] + ': ')}") from exc
    from generator.package import staged_files
    files.update(staged_files(root))
    assets = root / ASSETS
    for path in sorted(assets.rglob("*")):
        if path.is_file():
            files["assets/" + path.relative_to(assets).as_posix()] = path.read_bytes()
    return files


def _write_if_changed(root: Path, rel: str, text: str) -> list[str]:
    """Write `text` to root/rel unless it already holds it; returns [rel] when written."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return []
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
    return [rel]


def write_rules(ds, root: Path) -> list[str]:
    """checker/data/rules.json and messages.json, each rewritten only when it changed."""
    return (_write_if_changed(root, "checker/data/rules.json", compile_rules(ds))
            + _write_if_changed(root, "checker/data/messages.json", compile_messages(ds)))


def generate(ds, root: Path) -> list[str]:
    files = docs_files(ds, root)
    changed = write_rules(ds, root)
    return sync_tree(root / "build" / "docs", files) + changed


def source_date_epoch(ds) -> str:
    """The build's notion of "now": the newest verification date in the data,
    so that sitemaps and wheels do not change with the day of the build."""
    from generator.render import as_of
    day = as_of(ds)
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


def located(exc: BaseException, root: Path) -> str | None:
    """`path:line` of an error raised while rendering: the innermost template
    (content/ or site_templates/) in its traceback, where Jinja puts template
    lines; None when no template was involved."""
    for error in (exc.__cause__, exc):          # a wrapped Jinja error carries the template's frames
        found = None
        if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
            found = (error.filename, error.lineno)
        tb = error.__traceback__ if error is not None and found is None else None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith((".md", ".j2", ".html")):
                found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
            tb = tb.tb_next
        if found:
            path = Path(found[0])
            if path.is_absolute() and path.is_relative_to(root.resolve()):
                path = path.relative_to(root.resolve())
            return f"{path.as_posix()}:{found[1]}"
    return None


def regenerate(root: Path) -> list[str]:
    """Load, validate and generate, for MkDocs' on_pre_build (`mkdocs serve`, a
    plain `mkdocs build`). Returns the problems, each `path:line: …`; when
    there are any, nothing was written, so the docs tree is the last good one."""
    from generator.dataset import load_dataset
    try:
        generate(load_dataset(root / "province_data"), root)
    except DataError as exc:
        return [str(problem) for problem in exc.problems]
    except SOURCE_ERRORS as exc:
        return [str(exc)]
    return []


def keep_serving(builder):
    """`mkdocs serve` holds every request while a rebuild has failed (the
    server "will appear stuck"). The rebuild wrapped here reports its failure
    and lets the server go on serving what it has: after a problem in the data
    or the content, the last good pages (on_pre_build wrote nothing)."""
    from mkdocs.exceptions import Abort

    def rebuild(*args, **kwargs):
        try:
            builder(*args, **kwargs)
        except Exception as exc:
            if isinstance(exc, Abort):            # MkDocs has printed what went wrong
                print(exc, file=sys.stderr)
            else:
                traceback.print_exc()
            print("The rebuild failed; the server goes on serving the last pages built.", file=sys.stderr)
    return rebuild


def _builds(root: Path) -> Path:
    return root / "build" / "sites"


def _point_site_at(root: Path, target: Path) -> None:
    """Swap site/ to `target` in one rename (a symbolic link replaces a symbolic link)."""
    link = root / "site.swap"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(os.path.relpath(target, root), target_is_directory=True)
    os.replace(link, root / "site")


def _keep(root: Path, folder: Path) -> Path:
    """Move a complete site into build/sites/ under a name newer than any before."""
    _builds(root).mkdir(parents=True, exist_ok=True)
    target = _builds(root) / f"{time.time_ns():020d}"
    folder.rename(target)
    return target


def restore_site(root: Path) -> None:
    """Make site/ the symbolic link to the last good build. A site/ that is a
    folder (an older layout) is moved into build/sites/ first; a missing
    site/ (a build killed while the older layout swapped it, or removed by
    hand) points again at the newest complete build, or at the copy the older
    layout left in build/site.old."""
    site = root / "site"
    if site.is_dir() and not site.is_symlink():
        _point_site_at(root, _keep(root, site))
    elif not site.exists():
        builds = sorted(p for p in _builds(root).glob("*") if p.is_dir() and p.name.isdigit())
        legacy = root / "build" / "site.old"
        if builds:
            _point_site_at(root, builds[-1])
        elif legacy.is_dir():
            _point_site_at(root, _keep(root, legacy))


def publish(root: Path, build_into) -> None:
    """Build a new site with `build_into(folder) -> exit code` and swap it in.
    A failure removes only the new, unfinished build; the old one stays."""
    restore_site(root)
    builds = _builds(root)
    builds.mkdir(parents=True, exist_ok=True)
    for stale in builds.glob("*.partial"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = builds / f"{time.time_ns():020d}.partial"
    code = build_into(staging)
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SystemExit(f"mkdocs build failed (exit {code}); site/ was left as it was")
    done = staging.with_suffix("")
    staging.rename(done)
    _point_site_at(root, done)
    for old in [*builds.iterdir(), root / "build" / "site.old", root / "build" / "site.new"]:
        if old != done:
            shutil.rmtree(old, ignore_errors=True)


def finish_site(site: Path, root: Path) -> None:
    """What a served site needs after MkDocs has written it and the CSP is
    filled in: the service worker (Workbox, generator/service_worker.mjs),
    then the .br and .gz copies a server sends as they are."""
    from generator.package import _run
    from generator.precompress import compress_site
    _run(["node", str(root / "generator" / "service_worker.mjs"), str(site)], root)
    compress_site(site, root / "build" / "compress-cache")


def build_site(ds, root: Path) -> None:
    """generate, then `mkdocs build --strict` into a fresh folder and swap it in."""
    from generator import package
    restore_site(root)
    write_rules(ds, root)       # the wheel carries the freshly compiled rules and messages
    package.stage(root)
    generate(ds, root)          # and the docs tree carries the wheel
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ICP_SKIP_GENERATE="1",
               SOURCE_DATE_EPOCH=source_date_epoch(ds))
    publish(root, lambda folder: subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=root, env=env).returncode)
    # The pages' policies for nginx's header (deploy/nginx.conf includes this
    # map), and the one header for hosts that send the same to every file.
    from generator.csp import nginx_map, single_header
    _write_if_changed(root, "build/nginx-csp.conf", nginx_map(root / "site"))
    _write_if_changed(root, "build/csp-header.txt", single_header(root / "site") + "\n")
