"""Regeneration touches only what changed, so `mkdocs serve` shows an edit live
without rebuilding the world (and without a rebuild loop)."""
import copy

from generator.build import docs_files, sync_tree
from tests.conftest import ROOT


def test_unchanged_data_rewrites_nothing(dataset, tmp_path):
    files = docs_files(dataset, ROOT)
    assert sync_tree(tmp_path, files)  # first write
    assert sync_tree(tmp_path, files) == []


def test_editing_one_province_rewrites_only_its_pages(dataset, tmp_path):
    sync_tree(tmp_path, docs_files(dataset, ROOT))
    edited = copy.deepcopy(dataset)
    sichuan = next(d for d in edited.provinces if d.data["code"] == "51")
    rule = sichuan.data["rules"]["local_mobile"]
    rule["claims"] = [{"value": "required", "sources": ["tencent_2017_provinces"]}]
    rule["status"] = "single_source"
    changed = set(sync_tree(tmp_path, docs_files(edited, ROOT)))
    assert "provinces/sichuan.md" in changed and "provinces/sichuan.zh.md" in changed
    assert "provinces/beijing.md" not in changed
    assert all("sichuan" in path or path.startswith(("compare", "sources")) for path in changed), changed


def test_stale_pages_are_removed(dataset, tmp_path):
    (tmp_path / "provinces").mkdir()
    (tmp_path / "provinces" / "atlantis.md").write_text("old")
    changed = sync_tree(tmp_path, docs_files(dataset, ROOT))
    assert "provinces/atlantis.md" in changed
    assert not (tmp_path / "provinces" / "atlantis.md").exists()
