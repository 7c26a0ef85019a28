"""Package the in-browser checker: Pyodide runtime and byte-compiled wheels
(and the other browser libraries the pages load from npm packages, NPM_ASSETS).

The wheels are built with the host Python (pure Python, py3-none-any) and then
byte-compiled inside Pyodide under Node, because `pyodide build` needs a
download this machine cannot make and `pyodide py-compile` would use the host
interpreter's bytecode. Everything lands in build/checker-dist/, which the
generator adds to the docs tree (Pyodide and the wheels under versioned paths).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
# Pure-Python packages the checker imports, pinned like the rest of the build.
DEPENDENCIES = ("chinese-calendar==1.11.0", "idna==3.20")
# Other browser libraries, copied like Pyodide from their npm packages (pinned in
# package-lock.json) into assets/<package>/, so the site serves them itself (no CDN):
# tablesort sorts the comparison tables (mkdocs.yml extra_javascript).
NPM_ASSETS = {"tablesort": ("dist/tablesort.min.js", "LICENCE")}


class PackagingError(Exception):
    pass


def pyodide_version(root: Path) -> str:
    folder = root / "node_modules" / "pyodide"
    missing = [name for name in ("package.json",) + RUNTIME_FILES if not (folder / name).is_file()]
    if missing:
        raise PackagingError(f"node_modules/pyodide is missing or incomplete (no {missing[0]}); run `make setup` (or `npm ci`)")
    return json.loads((folder / "package.json").read_text())["version"]


def _run(cmd, cwd, env=None):
    try:
        result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    except OSError as exc:  # e.g. node is not installed
        raise PackagingError(f"cannot run {cmd[0]} ({exc.strerror}); install it and run `make setup`") from None
    if result.returncode != 0:
        raise PackagingError(f"{' '.join(map(str, cmd))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def _wheels(root: Path, work: Path) -> list[Path]:
    raw = work / "raw"
    shutil.rmtree(raw, ignore_errors=True)
    raw.mkdir(parents=True)
    env = dict(os.environ, SOURCE_DATE_EPOCH="315532800")
    # setuptools stages the package in build/lib and never removes a file from it: a module
    # deleted or renamed in checker/ would still be shipped in the wheel.
    for stale in [root / "build" / "lib", *root.glob("build/bdist.*")]:
        shutil.rmtree(stale, ignore_errors=True)
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(raw), str(root)], root, env)
    cache = work / "deps"
    cache.mkdir(exist_ok=True)
    for req in DEPENDENCIES:
        name = req.split("==")[0].replace("-", "_")
        if not list(cache.glob(f"{name}-*.whl")):
            _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                  "--dest", str(cache), req], root)
    for whl in cache.glob("*.whl"):
        shutil.copy(whl, raw / whl.name)
    return sorted(raw.glob("*.whl"))


def _inputs_key(root: Path, version: str) -> str:
    """A digest of everything that goes into the compiled wheels."""
    digest = hashlib.sha256(version.encode())
    # README.md is the wheel's long description (pyproject's `readme`); this file is the recipe.
    files = [root / "pyproject.toml", root / "README.md", root / "generator" / "pyc_compile.mjs",
             root / "generator" / "package.py"]
    files += [p for p in (root / "checker").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(repr(DEPENDENCIES).encode())
    return digest.hexdigest()[:16]


def _compiled_wheels(root: Path, work: Path, version: str) -> Path:
    """Build and byte-compile the wheels, or reuse them when no input changed
    (compiling starts Pyodide under Node, which takes seconds)."""
    cached = work / "compiled" / _inputs_key(root, version)
    if cached.is_dir() and any(cached.glob("*.whl")):
        return cached
    shutil.rmtree(work / "compiled", ignore_errors=True)
    tmp = cached.with_name(cached.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for whl in _wheels(root, work):
        _run(["node", str(root / "generator" / "pyc_compile.mjs"), str(whl), str(tmp)], root)
    tmp.rename(cached)
    return cached


def stage(root: Path) -> Path:
    """Fill build/checker-dist/ with assets/pyodide/<version>/, assets/wheels/<digest>/ and NPM_ASSETS; return it."""
    root = Path(root)
    version = pyodide_version(root)
    work = root / "build" / "checker-work"
    dist = root / "build" / "checker-dist"
    shutil.rmtree(dist, ignore_errors=True)
    runtime = dist / "assets" / "pyodide" / version
    runtime.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy(root / "node_modules" / "pyodide" / name, runtime / name)
    for package, names in NPM_ASSETS.items():
        folder = dist / "assets" / package
        folder.mkdir(parents=True)
        for name in names:
            source = root / "node_modules" / package / name
            if not source.is_file():
                raise PackagingError(f"node_modules/{package} is missing or incomplete (no {name}); "
                                     "run `make setup` (or `npm ci`)")
            shutil.copy(source, folder / Path(name).name)
    wheel_dir = dist / "assets" / "wheels"
    wheel_dir.mkdir(parents=True)
    compiled = []
    for whl in sorted(_compiled_wheels(root, work, version).glob("*.whl")):
        # A wheel's name does not change with its content (icp_checker-0.1.0
        # carries each build's rules): a folder named by its digest does, so
        # servers and the service worker may keep it for good.
        name = f"{hashlib.sha256(whl.read_bytes()).hexdigest()[:16]}/{whl.name}"
        (wheel_dir / name).parent.mkdir()
        shutil.copy(whl, wheel_dir / name)
        compiled.append(name)
    manifest = {"pyodide": version, "indexURL": f"assets/pyodide/{version}/", "wheels": sorted(compiled)}
    (dist / "assets" / "checker-manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return dist


def staged_files(root: Path) -> dict[str, bytes]:
    """What stage() produced, keyed by docs-relative path ({} when not staged)."""
    dist = Path(root) / "build" / "checker-dist"
    if not dist.exists():
        return {}
    return {p.relative_to(dist).as_posix(): p.read_bytes() for p in sorted(dist.rglob("*")) if p.is_file()}
