"""Property tests: every validator's check() survives any input.

check() must never raise and must be deterministic; validate()/compact()/
format() may raise only ValidationError; is_valid() returns a bool. The
safety net in checker.validators.safe_check would hide a crash as
"checker.internal_error", so that code must never appear here.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.findings import SEVERITIES, Finding
from checker.validators import (
    ValidationError,
    domain,
    email,
    icp_number,
    instance,
    permits,
    phone,
    psb_number,
    resident_id,
    uscc,
    website_name,
)

MODULES = [uscc, resident_id, permits, phone, email, domain, website_name, icp_number, psb_number, instance]

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
# Characters that matter to the parsers, so short strings hit the branches.
relevant = st.text(alphabet="0123456789XxHMEG京川蜀ICP备证号公网安备-—－ .:/@＠。例子中国wxn-+()#转", max_size=40)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**17, max_value=10**18),
    st.floats(allow_nan=True), text, relevant, st.binary(max_size=20),
)
anything = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(text, inner, max_size=4)), max_leaves=8)
dates = st.one_of(st.none(), st.dates(), st.datetimes(), text, st.integers())

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_good(findings):
    assert isinstance(findings, list)
    for f in findings:
        assert isinstance(f, Finding)
        assert f.severity in SEVERITIES
        assert f.code != "checker.internal_error", f
        assert f.message_en and f.message_zh


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@SETTINGS
@given(value=anything)
def test_check_never_raises_and_is_deterministic(module, value):
    first = module.check(value)
    assert_good(first)
    assert module.check(value) == first


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@SETTINGS
@given(value=anything)
def test_public_functions_raise_only_validation_error(module, value):
    assert isinstance(module.is_valid(value), bool)
    for func in (module.compact, module.validate, module.format):
        try:
            func(value)
        except ValidationError:
            pass


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
@pytest.mark.parametrize("size", [100_000, 1_000_000])
def test_huge_strings(module, size):
    for value in ("1" * size, "中" * size, "a." * (size // 2), " " * size):
        assert_good(module.check(value))
        assert module.is_valid(value) is False


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_odd_python_values(module):
    class Hostile:
        def __str__(self):
            raise RuntimeError("no")

    for value in (None, 0, -1, 10**5000, 1.5, float("nan"), [], {}, set(), b"abc", Hostile(), object()):
        assert_good(module.check(value))
        assert_good(module.check(value, field=Hostile()))


@SETTINGS
@given(value=anything, context=anything)
def test_context_arguments_never_break_checks(value, context):
    assert_good(resident_id.check(value, filing_province=context, today=context))
    assert_good(permits.check(value, kind=context))
    assert_good(phone.check(value, kind=context))
    assert_good(website_name.check(value, domain=context, entity_kind=context, rules=context,
                                   state_entity=context, suffixes=context))
    assert_good(icp_number.check(value, province_prefixes=context, all_prefixes=context, expected=context))
    assert_good(psb_number.check(value, province_code=context))
    assert_good(instance.check(value, context, quotas=context, requested=context, used=context,
                               billing_not_allowed=context))
    assert_good(domain.check(value, tlds=context, suffixes=context, registered_on=context, real_name_on=context,
                             submit_on=context, min_registration_days=context, real_name_wait_working_days=context,
                             today=context))


@SETTINGS
@given(
    host=st.one_of(relevant, st.from_regex(r"[a-z0-9-]{1,10}(\.[a-z0-9-]{1,10}){1,3}", fullmatch=True)),
    registered=dates, real_name=dates, submit=dates,
    min_days=st.one_of(st.none(), st.integers(min_value=-5, max_value=5000)),
    wait=st.one_of(st.none(), st.integers(min_value=-5, max_value=500)),
    tlds=st.dictionaries(st.sampled_from(["com", "cn", "com.cn", "中国", "io", ".net", "", "xn--fiqs8s"]),
                         st.one_of(anything, st.fixed_dictionaries({"status": st.sampled_from(
                             ["allowed", "not_allowed", "disputed", "other"]), "sources": anything})), max_size=6),
)
def test_domain_with_realistic_context(host, registered, real_name, submit, min_days, wait, tlds):
    findings = domain.check(host, tlds=tlds, registered_on=registered, real_name_on=real_name, submit_on=submit,
                            min_registration_days=min_days, real_name_wait_working_days=wait,
                            today=dt.date(2025, 6, 1))
    assert_good(findings)


@SETTINGS
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_uscc_with_computed_check_char_validates(body):
    number = body + uscc.calc_check_char(body)
    if body[0] in uscc.DEPARTMENTS and body[2:8].isdigit():
        assert uscc.is_valid(number)
        assert all(f.severity != "error" for f in uscc.check(number))


@SETTINGS
@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17), st.integers(0, 16), st.integers(1, 30))
def test_uscc_single_substitution_is_detected(body, position, shift):
    alphabet = uscc.ALPHABET
    number = body + uscc.calc_check_char(body)
    changed = number[:position] + alphabet[(alphabet.index(number[position]) + shift) % 31] + number[position + 1:]
    if not uscc.is_pilot_code(changed):
        assert uscc.calc_check_char(changed[:17]) != changed[17]


@SETTINGS
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 6, 1)), st.sampled_from(["11", "44", "65", "81"]),
       st.integers(0, 9999), st.integers(0, 999))
def test_resident_id_with_computed_check_char_validates(born, province, area, seq):
    body = "%s%04d%s%03d" % (province, area, born.strftime("%Y%m%d"), seq)
    number = body + resident_id.calc_check_char(body)
    assert resident_id.is_valid(number, today=dt.date(2025, 6, 1))
    assert resident_id.is_valid(number.lower(), today=dt.date(2025, 6, 1))
