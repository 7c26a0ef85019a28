"""Builders for test applications: valid identifiers computed, not copied."""
import copy
import datetime as dt

TODAY = dt.date(2026, 11, 22)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def resident_id(region: str, born: str, seq: str = "123") -> str:
    """A well-formed resident ID: 6-digit area code, YYYYMMDD, 3-digit sequence, check character."""
    body = region + born + seq
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS)) % 11]


def uscc(area: str, subject: str = "MA61234X5") -> str:
    """A well-formed enterprise USCC (9, 1) registered in the 6-digit ``area``."""
    body = "91" + area + subject
    total = sum(_USCC.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + _USCC[(31 - total % 31) % 31]


def app(province="51", kind="organisation", **changes):
    """A complete, clean application for ``province``; keyword arguments replace top-level fields."""
    region = province + "0104"
    base = {
        "format": "icp-application/1",
        "province": province,
        "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
        "commercial": False,
        "content_categories": [],
        "entity": {"kind": kind, "name": "星河网络科技有限公司" if kind == "organisation" else "王小明"},
        "entity_leader": {"name": "王小明", "id_type": "resident_id", "id_number": resident_id(region, "19900101"),
                          "mobile": "13800138000", "email": "wang@example.com"},
        "website": {"name": "星河科技官网" if kind == "organisation" else "明月读书笔记", "domains": ["example.com"]},
        "dates": {"domain_registered": "2026-01-05", "real_name_verified": "2026-01-06", "submit": "2026-05-11",
                  "launch": "2026-07-01"},
    }
    if kind == "organisation":
        base["entity"]["uscc"] = uscc(region)
        base["entity_leader"]["is_legal_representative"] = True
        base["website"]["leader"] = {"name": "李华", "id_type": "resident_id",
                                     "id_number": resident_id(region, "19850505", "246"),
                                     "mobile": "13900139000", "email": "li@example.com",
                                     "is_legal_representative": True}
    base = copy.deepcopy(base)
    base.update(changes)
    return base


def codes(report):
    return [f["code"] for f in report["findings"]]


def finding(report, code):
    found = [f for f in report["findings"] if f["code"] == code]
    assert found, f"{code} not in {codes(report)}"
    return found[0]
