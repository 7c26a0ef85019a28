"""Shared fixtures. The site is generated and built once per test session."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def mkdocs_build(site_dir: Path) -> None:
    """Build the already generated docs tree into `site_dir`, as `generator build` does."""
    from generator.build import source_date_epoch
    from generator.dataset import load_dataset
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ICP_SKIP_GENERATE="1",
               SOURCE_DATE_EPOCH=source_date_epoch(load_dataset(ROOT / "province_data")))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                   cwd=ROOT, env=env, check=True)


@pytest.fixture(scope="session")
def dataset():
    from generator.dataset import load_dataset
    return load_dataset(ROOT / "province_data")


@pytest.fixture(scope="session")
def pages(dataset):
    from generator.render import render_all
    return render_all(dataset)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, dataset):
    """The full site, checker wheels and Pyodide included, in a temporary folder."""
    from generator.build import generate, write_rules
    from generator.package import stage
    write_rules(dataset, ROOT)
    stage(ROOT)
    generate(dataset, ROOT)
    site = tmp_path_factory.mktemp("site")
    mkdocs_build(site)
    return site
