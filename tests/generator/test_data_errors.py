"""Each kind of data error, made in a copy of the real data, must be reported
with the file and the field it is in, and must stop the build."""
import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.dataset import load_dataset
from generator.problems import DataError

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "province_data"


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "province_data"
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(data):
    with pytest.raises(DataError) as info:
        load_dataset(data)
    return info.value.problems


def assert_reported(data, file_suffix, field_part, message_part):
    found = problems(data)
    matching = [p for p in found if file_suffix in p.path and field_part in p.field
                and message_part.lower() in p.message.lower()]
    assert matching, "expected a problem in {} at {} mentioning {!r}; got:\n{}".format(
        file_suffix, field_part, message_part, "\n".join(map(str, found)))
    assert all(p.line >= 1 for p in matching)
    return matching[0]


BEIJING = "provinces/11-beijing.yaml"


def test_clean_data_validates():
    ds = load_dataset(DATA)
    assert len(ds.provinces) == 31


def test_yaml_syntax_error(data):
    edit(data / BEIJING, "slug: beijing", "slug: [beijing")
    p = assert_reported(data, BEIJING, "(file)", "YAML syntax")
    assert p.line > 1


def test_missing_field(data):
    edit(data / BEIJING, "kind: municipality\n", "")
    assert_reported(data, BEIJING, "kind", "required field is missing")


def test_wrong_type(data):
    edit(data / "national.yaml", "      - value: 30\n", "      - value: thirty\n")
    assert_reported(data, "national.yaml", "rules.psb_deadline_days.claims[0].value", "expected integer")


def test_unknown_source_id(data):
    edit(data / BEIJING, "sources: [jd_bureau_sites]", "sources: [no_such_source]")
    assert_reported(data, BEIJING, "rules.authority.claims[0].sources[0]", "unknown source id 'no_such_source'")


def test_duplicate_province(data):
    shutil.copy(data / BEIJING, data / "provinces/11-peking.yaml")
    edit(data / "provinces/11-peking.yaml", "slug: beijing", "slug: peking")
    assert_reported(data, "11-peking.yaml", "code", "defined twice")


def test_missing_province(data):
    (data / BEIJING).unlink()
    assert_reported(data, "provinces", "code", "province 11 has no file")


def test_impossible_date(data):
    edit(data / "national.yaml", "from: 2020-08-17", "from: 2020-02-30")
    assert_reported(data, "national.yaml", "rules.sms_verification.claims[0].from", "not a real calendar date")


def test_unknown_enum_value(data):
    edit(data / BEIJING, "kind: municipality", "kind: city")
    assert_reported(data, BEIJING, "kind", "use one of")


def test_effective_date_overlap(data):
    edit(data / "national.yaml",
         "      - value: required\n        from: 2020-08-17\n",
         "      - value: not_required\n        until: 2020-12-31\n        sources: [jd_2018_sms]\n"
         "      - value: required\n        from: 2020-08-17\n")
    assert_reported(data, "national.yaml", "rules.sms_verification.claims[1]", "overlapping periods")


def test_period_ends_before_it_starts(data):
    edit(data / "national.yaml", "from: 2020-08-17", "from: 2020-08-17\n        until: 2019-01-01")
    assert_reported(data, "national.yaml", "rules.sms_verification.claims[0].until", "before it starts")


def test_unknown_field(data):
    edit(data / BEIJING, "slug: beijing", "slug: beijing\ncapital: yes")
    assert_reported(data, BEIJING, "capital", "unknown field")


def test_missing_translation(data):
    edit(data / BEIJING, "name: {en: Beijing, zh: 北京市}", "name: {en: Beijing}")
    assert_reported(data, BEIJING, "name.zh", "required field is missing")


def test_enum_value_without_label(data):
    edit(data / "labels.yaml", "    refused: {en: Refused, zh: 不允许}\n", "")
    assert_reported(data, "provinces/", "non_local_individual", "has no translation")


def test_unknown_status_with_claims(data):
    edit(data / BEIJING, "  local_mobile:\n    status: single_source", "  local_mobile:\n    status: unknown")
    assert_reported(data, BEIJING, "rules.local_mobile.status", "unknown but the rule has claims")


def test_confirmed_with_one_source(data):
    edit(data / "national.yaml", "  website_name_sensitive_words:\n    status: single_source",
         "  website_name_sensitive_words:\n    status: confirmed")
    assert_reported(data, "national.yaml", "rules.website_name_sensitive_words.status", "only one source")


def test_conflicting_without_disagreement(data):
    edit(data / "national.yaml", "  block_lift_hours:\n    status: confirmed", "  block_lift_hours:\n    status: conflicting")
    assert_reported(data, "national.yaml", "rules.block_lift_hours.status", "no two claims disagree")


def test_claims_missing_for_known_status(data):
    edit(data / "national.yaml",
         "  unreachable_before_approval:\n    status: confirmed\n    verified: 2026-11-22\n    claims:\n",
         "  unreachable_before_approval:\n    status: confirmed\n    verified: 2026-11-22\n    old_claims:\n")
    found = problems(data)
    assert any("national.yaml" in p.path and "old_claims" in p.field for p in found)


def test_prefix_used_by_two_provinces(data):
    edit(data / BEIJING, "value: [京]", "value: [沪]")
    assert_reported(data, "provinces/", "rules.icp_prefixes", "also used by")


def test_file_name_must_match(data):
    (data / BEIJING).rename(data / "provinces/11-peking.yaml")
    assert_reported(data, "11-peking.yaml", "code", "file name must be 11-beijing.yaml")


def test_verified_in_future(data):
    first = re.search(r"verified: \d{4}-\d{2}-\d{2}", (data / BEIJING).read_text(encoding="utf-8")).group()
    edit(data / BEIJING, first, "verified: 2999-01-01")
    assert_reported(data, BEIJING, "verified", "in the future")


def test_duplicate_source_id(data):
    edit(data / "sources.yaml", "  - id: decree_33\n", "  - id: decree_292\n")
    assert_reported(data, "sources.yaml", "sources[1].id", "already used")


def test_duplicate_yaml_key(data):
    edit(data / BEIJING, "slug: beijing", "slug: beijing\nslug: peking")
    assert_reported(data, BEIJING, "(file)", "duplicate key 'slug'")


def test_missing_data_file(data):
    (data / "tlds.yaml").unlink()
    assert_reported(data, "tlds.yaml", "(file)", "file is missing")


def test_bad_partial_date(data):
    edit(data / "sources.yaml", 'published: "2016"', 'published: "2016-13"')
    assert_reported(data, "sources.yaml", "sources[2].published", "not a real date")


def test_rule_name_without_label(data):
    edit(data / "labels.yaml", "  icp_prefixes: {en: ICP number prefix, zh: 备案号省份简称}\n", "")
    assert_reported(data, "labels.yaml", "rules", "rule 'icp_prefixes' has no name")


def test_cli_exit_codes_and_format(data, capsys):
    assert main(["--data", str(data), "validate"]) == 0
    assert capsys.readouterr().out.startswith("ok: 31 provinces")
    edit(data / BEIJING, "kind: municipality", "kind: city")
    assert main(["--data", str(data), "validate"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^province_data/provinces/11-beijing\.yaml:\d+: kind: ", err, re.M), err


def test_flow_answer_pointing_nowhere(data):
    edit(data / "flow.yaml", "        next: initial\n", "        next: nowhere\n")
    assert_reported(data, "flow.yaml", "questions", "points to 'nowhere'")


def test_flow_outcome_with_unknown_operation(data):
    edit(data / "flow.yaml", "    operation: add_access\n", "    operation: teleport\n")
    assert_reported(data, "flow.yaml", "outcomes.add_access.operation", "no operation 'teleport'")


def test_step_with_unknown_rule(data):
    edit(data / "steps.yaml", "    rule: local_mobile\n", "    rule: local_pigeon\n")
    assert_reported(data, "steps.yaml", "steps", "no national or province rule is called 'local_pigeon'")


def test_source_without_chinese_title(data):
    # The Chinese edition names every source in Chinese: a missing title_zh stops the build.
    edit(data / "sources.yaml", '    title_zh: "《非经营性互联网信息服务备案管理办法》（信息产业部令第33号）"\n', "")
    assert_reported(data, "sources.yaml", "sources[1].title_zh", "required")


def test_source_note_without_chinese_note(data):
    edit(data / "sources.yaml", '    note_zh: "链接为腾讯云引用第三条、第四条的页面；未记录官方网址。"\n', "")
    assert_reported(data, "sources.yaml", "sources[0]", "note_zh")


def test_unknown_kind_of_applicant_on_a_text(data):
    """A text marked for one kind of applicant names organisation or individual, nothing else."""
    edit(data / "provinces/65-xinjiang.yaml", "entity: [individual]", "entity: [person]")
    problem = assert_reported(data, "65-xinjiang.yaml", "extra_documents", "person")
    assert "organisation" in problem.message or "individual" in problem.message


def test_a_step_for_both_kinds_reading_a_rule_about_one_kind(data):
    """Listing sms_verification as a rule about individuals contradicts the SMS step, which is for both kinds."""
    edit(data / "rule_audience.yaml", "individual:\n", "individual:\n  - sms_verification\n")
    assert_reported(data, "steps.yaml", "entity", "concerns only the individual")


def test_an_unknown_rule_in_the_audience_list(data):
    edit(data / "rule_audience.yaml", "  - foreign_individual\n", "  - foreign_individuals\n")
    assert_reported(data, "rule_audience.yaml", "individual", "no data file holds a rule 'foreign_individuals'")


def test_a_rule_listed_for_both_kinds(data):
    edit(data / "rule_audience.yaml", "individual:\n", "individual:\n  - leader_legal_rep\n")
    assert_reported(data, "rule_audience.yaml", "individual", "also listed under organisation")
