"""A failed build must leave the previous site/ exactly as it was."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.test_built_site import digest

ROOT = Path(__file__).resolve().parents[2]
COPY = ["province_data", "content", "site_templates", "generator", "checker", "mkdocs.yml", "pyproject.toml"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project with one good build in site/."""
    root = tmp_path_factory.mktemp("project")
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    if (ROOT / "node_modules").exists():
        os.symlink(ROOT / "node_modules", root / "node_modules")
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
    before = digest(project / "site")
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
    assert not (project / "build/site.new").exists()
