"""Write the generated tree, then build site/ so that a failure leaves the old one intact."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.compile_rules import compile_messages, compile_rules
from generator.render import render_all

ASSETS = Path("site_templates") / "assets"


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
    files: dict[str, bytes | str] = dict(render_all(ds))
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


def build_site(ds, root: Path) -> None:
    """generate, then `mkdocs build --strict` into a fresh folder and swap it in."""
    from generator import package
    write_rules(ds, root)       # the wheel carries the freshly compiled rules and messages
    package.stage(root)
    generate(ds, root)          # and the docs tree carries the wheel
    staging = root / "build" / "site.new"
    old = root / "build" / "site.old"
    for path in (staging, old):
        shutil.rmtree(path, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ICP_SKIP_GENERATE="1",
               SOURCE_DATE_EPOCH=source_date_epoch(ds))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=root, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        raise SystemExit(f"mkdocs build failed (exit {result.returncode}); site/ was left as it was")
    site = root / "site"
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)
