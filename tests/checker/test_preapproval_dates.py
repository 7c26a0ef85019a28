"""The checker applies the pre-approval list in force on the submission date.

Decree 292 was revised on 2024-12-06 (moj_decree_292_2024): Article 5 no longer
names drugs and medical devices, so that category is `required` before the change
and `cancelled` from it on; news did not change.
"""
import datetime as dt
import shutil
from pathlib import Path

import pytest

from checker import api, documents, ruleset
from checker import case as _case
from generator.dataset import load_dataset
from generator.problems import DataError
from generator.render import Renderer
from tests.checker.helpers import TODAY, app, codes

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "province_data"

BEFORE, CHANGE, AFTER = dt.date(2024, 6, 3), dt.date(2024, 12, 6), dt.date(2025, 3, 3)


def submitted(day: dt.date, categories):
    application = app("44", content_categories=categories)
    application["dates"] = {"domain_registered": "2024-01-05", "real_name_verified": "2024-01-06",
                            "submit": day.isoformat(), "launch": (day + dt.timedelta(days=60)).isoformat()}
    return application


def preapproval_findings(day, categories):
    report = api.check(submitted(day, categories), lang="en", today=TODAY)
    return [(f["code"], f["message"]) for f in report["findings"] if f["code"].startswith("engine.preapproval")], report


def test_the_status_in_force_is_the_one_of_the_day():
    assert ruleset.preapprovals(BEFORE)["drugs_devices"]["status"] == "required"
    assert ruleset.preapprovals(CHANGE - dt.timedelta(days=1))["drugs_devices"]["status"] == "required"
    assert ruleset.preapprovals(CHANGE)["drugs_devices"]["status"] == "cancelled"
    assert ruleset.preapprovals(AFTER)["drugs_devices"]["status"] == "cancelled"
    for day in (BEFORE, AFTER):
        assert ruleset.preapprovals(day)["news"]["status"] == "required"
    # The status's own sources come first: the official text after the change, not before it.
    assert ruleset.preapprovals(AFTER)["drugs_devices"]["sources"][0] == "moj_decree_292_2024"
    assert "moj_decree_292_2024" not in ruleset.preapprovals(BEFORE)["drugs_devices"]["sources"]


def test_a_changed_category_is_required_before_the_change_and_cancelled_after():
    before, report = preapproval_findings(BEFORE, ["drugs_devices"])
    assert [code for code, _ in before] == ["engine.preapproval_required"]
    assert "Qualification Certificate for Internet Drug Information Services" in before[0][1]
    (pre,) = report["classification"]["preapprovals"]
    assert pre["status"] == "required"

    after, report = preapproval_findings(AFTER, ["drugs_devices"])
    assert [code for code, _ in after] == ["engine.preapproval_cancelled"]
    (pre,) = report["classification"]["preapprovals"]
    assert pre["status"] == "cancelled" and "moj_decree_292_2024" in pre["sources"]


def test_an_unchanged_category_is_required_on_both_sides():
    for day in (BEFORE, AFTER):
        found, _ = preapproval_findings(day, ["news"])
        assert [code for code, _ in found] == ["engine.preapproval_required"]


def test_an_individual_is_refused_only_while_the_category_is_required():
    application = submitted(BEFORE, ["drugs_devices"])
    individual = app("44", "individual", content_categories=["drugs_devices"], dates=application["dates"])
    assert "engine.preapproval_individual" in codes(api.check(individual, lang="en", today=TODAY))
    individual["dates"] = submitted(AFTER, [])["dates"]
    assert "engine.preapproval_individual" not in codes(api.check(individual, lang="en", today=TODAY))


def test_documents_list_the_pre_approval_only_while_it_is_required():
    def ids(day):
        case = _case.from_application(submitted(day, ["drugs_devices", "news"]), TODAY)
        return [d["id"] for d in documents.for_case(case, "en") if d["id"].startswith("preapproval_")]

    assert ids(BEFORE) == ["preapproval_drugs_devices", "preapproval_news"]  # declared() sorts the ids
    assert ids(AFTER) == ["preapproval_news"]


# --- the data and the page ----------------------------------------------------------------------

@pytest.fixture
def data(tmp_path):
    target = tmp_path / "province_data"
    shutil.copytree(DATA, target)
    return target


def _edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,message", [
    ("        from: 2024-12-06\n", "        from: 2024-12-01\n", "may neither overlap nor leave a gap"),
    ("        from: 2024-12-06\n", "        from: 2025-01-20\n", "may neither overlap nor leave a gap"),
    ("        until: 2024-12-05\n", "", "may neither overlap nor leave a gap"),
    ("        until: 2024-12-05\n", "        from: 2000-01-01\n        until: 2024-12-05\n", "every day has a status"),
    ("      - value: cancelled\n", "      - value: abolished\n", "is not valid"),
])
def test_a_dated_status_must_give_one_status_on_every_day(data, old, new, message):
    _edit(data / "preapprovals.yaml", old, new)
    with pytest.raises(DataError) as info:
        load_dataset(data)
    found = [p for p in info.value.problems if p.path.endswith("preapprovals.yaml") and "status" in p.field]
    assert any(message.lower() in p.message.lower() for p in found), "\n".join(map(str, info.value.problems))


def test_the_page_shows_the_status_in_force_and_the_change_with_its_date():
    renderer = Renderer(load_dataset(DATA))
    pages = {lang: renderer.simple_pages(lang)["preapprovals" + ("" if lang == "en" else ".zh") + ".md"]
             for lang in ("en", "zh")}
    (row,) = [line for line in pages["en"].splitlines() if line.startswith("| Drugs and medical devices")]
    status = row.split(" | ")[3]
    assert status.startswith("cancelled") or status.startswith("Cancelled")
    assert "until 2024-12-05" in status and "since 2024-12-06" in status
    assert "src-moj-decree-292-2024" in row and "src-lawrefbook-decree-292-2011" in row
    (row,) = [line for line in pages["zh"].splitlines() if line.startswith("| 药品和医疗器械类")]
    assert "2024-12-06" in row
    (news,) = [line for line in pages["en"].splitlines() if line.startswith("| News")]
    assert "2024-12" not in news
