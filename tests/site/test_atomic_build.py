"""A failed build must leave the previous site/ exactly as it was, and a build
killed at any moment must leave a site/ (the old one or the new one)."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import build as site_build
from tests.site.test_built_site import digest

ROOT = Path(__file__).resolve().parents[2]
COPY = ["province_data", "content", "site_templates", "generator", "checker", "deploy", "mkdocs.yml", "pyproject.toml", "README.md"]


def copy_project(root: Path) -> Path:
    """A copy of the project's sources in `root` (node_modules linked)."""
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    if (ROOT / "node_modules").exists():
        os.symlink(ROOT / "node_modules", root / "node_modules")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with one good build in site/."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = build(root)
    assert result.returncode == 0, result.stderr
    return root


def build(root: Path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(root))
    return subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                          capture_output=True, text=True)


def test_bad_data_leaves_site_untouched(project):
    before = digest(project / "site")
    path = project / "province_data/provinces/11-beijing.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("kind: municipality", "kind: city"), encoding="utf-8")
    try:
        result = build(project)
    finally:
        path.write_text(good, encoding="utf-8")
    assert result.returncode == 1
    assert "11-beijing.yaml" in result.stderr and "kind" in result.stderr
    assert digest(project / "site") == before


def test_failed_mkdocs_build_leaves_site_untouched(project):
    """Even with site/ missing at the start (the older two-rename swap, killed
    between its renames, left none): the build restores it from the last good
    copy first, and its failure deletes nothing but its own unfinished folder."""
    before = digest(project / "site")
    (project / "site").unlink()
    page = project / "content/glossary.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    try:
        result = build(project)
    finally:
        page.write_text(good, encoding="utf-8")
    assert result.returncode != 0
    assert "site/ was left as it was" in result.stderr
    assert digest(project / "site") == before
    assert (project / "site").is_symlink()
    assert [p.name for p in (project / "build/sites").iterdir()] == [os.readlink(project / "site").split("/")[-1]]


# --- the swap itself, with a stand-in for mkdocs and a kill at the worst moment --------

KILLED_AT_SWAP = """
import os, signal, sys
from pathlib import Path
from generator import build
real = os.replace
def replace(src, dst, **kwargs):
    if Path(dst).name == "site":
        os.kill(os.getpid(), signal.SIGKILL)       # the kill between making the new site and showing it
    real(src, dst, **kwargs)
os.replace = replace
def build_into(folder):
    folder.mkdir(parents=True)
    (folder / "index.html").write_text("new")
    return 0
build.publish(Path(sys.argv[1]), build_into)
"""


def publish_killed(root: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", KILLED_AT_SWAP, str(root)], env=env, capture_output=True, text=True)
    assert result.returncode == -signal.SIGKILL, result.stderr


def fake_build(text):
    def build_into(folder: Path) -> int:
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(text)
        return 0
    return build_into


def shown(root: Path) -> str:
    return (root / "site" / "index.html").read_text()


def test_a_kill_during_the_swap_leaves_the_old_site(tmp_path):
    site_build.publish(tmp_path, fake_build("old"))
    publish_killed(tmp_path)
    assert shown(tmp_path) == "old"
    site_build.publish(tmp_path, fake_build("new"))       # the next build cleans up after the killed one
    assert shown(tmp_path) == "new"
    assert len(list((tmp_path / "build/sites").iterdir())) == 1


def test_a_kill_while_adopting_a_site_folder_loses_nothing(tmp_path):
    """site/ as a folder (the older layout) is moved aside, then linked: a kill
    between the two renames leaves no site/, and the next start restores it."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("old")
    publish_killed(tmp_path)
    assert not (tmp_path / "site").exists()
    site_build.restore_site(tmp_path)
    assert shown(tmp_path) == "old" and (tmp_path / "site").is_symlink()


def test_the_older_layouts_leftover_is_restored(tmp_path):
    (tmp_path / "build/site.old").mkdir(parents=True)
    (tmp_path / "build/site.old/index.html").write_text("old")
    with pytest.raises(SystemExit, match="site/ was left as it was"):
        site_build.publish(tmp_path, lambda folder: 1)
    assert shown(tmp_path) == "old"
    assert not list((tmp_path / "build/sites").glob("*.partial"))
