"""The conformance set run in CPython and, from the built site's wheels, in Pyodide.

It covers every field kind of ``checker.api.field`` (valid, invalid and
odd values, with and without context), every outcome of the decision graph
(every complete path, both languages), and applications that reach every
validator module (permits, instance and the working-day calendar included),
plus unusable input. A fixed ``today`` keeps the two runs comparable.
"""
from __future__ import annotations

import copy

TODAY = "2026-11-22"
FORMAT = "icp-application/1"


def valid_uscc(body17: str = "91510100MA6CFX4Q2") -> str:
    from checker.validators.uscc import calc_check_char
    return body17 + calc_check_char(body17)


def valid_resident_id(first17: str) -> str:
    from checker.validators.resident_id import calc_check_char
    return first17 + calc_check_char(first17)


def field_values() -> dict:
    rid = valid_resident_id("51010419900101123")
    rid_gd = valid_resident_id("44030419851231002")
    uscc = valid_uscc()
    return {
        "uscc": [uscc, uscc.lower(), "91510100MA61234567", "91350100M000100Y43", "123", "", "   ",
                 "９１５１０１００ＭＡ６ＣＦＸ４Ｑ２" + uscc[-1], "IOSVZ1234567890123", "110108000000016",
                 "<script>alert(1)</script>", 9151010012345678, None, ["x"]],
        "resident-id": [rid, rid_gd, rid[:-1] + ("0" if rid[-1] != "0" else "1"), "51010419900101123",
                        "510104199013011234", "810000199001011234", "", "<img src=x onerror=alert(1)>", 12345],
        "mobile": ["13800138000", "+86 138 0013 8000", "1380013800", "010-12345678", "23800138000",
                   "１３８００１３８０００", "", 13800138000],
        "email": ["admin@example.com", "admin@example", "admin@@example.com", "ａｄｍｉｎ@example.com",
                  "a b@example.com", "", "x" * 500 + "@example.com"],
        "domain": ["example.com", "www.example.com", "example.cn", "例子.中国", "xn--fsqu00a.xn--fiqs8s",
                   "example.invalidtld", "https://example.com/path", "-bad-.com", "example.com.", "localhost",
                   "", "a" * 70 + ".com"],
        "website-name": ["示例科技", "示例科技官网", "Example", "中国示例网", "个人博客", "博客", "论坛",
                         "<script>alert(1)</script>", "张三的个人博客", "", "a" * 300],
        "icp-number": ["蜀ICP备12345678号-1", "蜀ICP备12345678号", "京ICP备12345678号-1", "粤ICP证123456号",
                       "ICP备12345678号", "蜀ICP备123号-1", "蜀ICP备12345678号-0", "", "京ICP备 12345678 号 - 2",
                       "陕ICP备2024026116号-1A", "粤B2-20090059-1626X", "京ICP备2022034770号-6B",
                       "京ICP备20220347a0号-6"],
        "psb-number": ["51010402000001", "川公网安备 51010402000001号", "京公网安备 11000002000001号",
                       "5101040200000", "abc", "", 51010402000001, "京公网安备 1101080202013A号"],
        "android-package": ["com.tencent.mm", "com.eg.android.AlipayGphone", "1com.example", "com", ""],
        "ios-bundle-id": ["com.tencent.xin", "com.example_app", "*", ""],
        "harmony-bundle": ["com.huawei.hmos.browser", "com", "1com.example.app", ""],
        "cert-fingerprint": ["18:C8:67:F0:71:7A:A6:7B:2A:B7:34:75:05:BA:07:ED",
                             "18C867F0717AA67B2AB7347505BA07ED18C867F0", "XYZ", ""],
    }


CONTEXTS = [None, {"province": "51"}, {"province": "51", "entity": "organisation"},
            {"service": "app"}, {"platform": "ios"},
            {"province": "44", "entity": "individual"}, {"province": "11", "entity": "individual", "domain": "example.com"},
            {"entity": "organisation", "domain": "example.cn"}, {"province": "99"}, {"bogus": 1}, "not a dict"]


def field_cases() -> list[dict]:
    cases = []
    for kind, values in field_values().items():
        for i, value in enumerate(values):
            for lang in ("en", "zh"):
                # every value once without context, and every context for a few values
                contexts = CONTEXTS if i < 2 else [None, CONTEXTS[(i % (len(CONTEXTS) - 1)) + 1]]
                for context in contexts:
                    cases.append({"op": "field", "kind": kind, "value": value, "context": context,
                                  "lang": lang, "today": TODAY})
    cases.append({"op": "field", "kind": "no-such-kind", "value": "x", "context": None, "lang": "en", "today": TODAY})
    return cases


def outcome_applications() -> list[dict]:
    """One minimal application per complete path of the decision graph."""
    from checker import flow, rules
    graph = rules.load()["flow"]
    apps = []
    for path in flow.paths(graph):
        *steps, outcome = path
        app = {"format": FORMAT, "province": "51", "answers": {}}
        for question, answer in steps:
            if graph["questions"][question].get("answered_by") == "entity.kind":
                app["entity"] = {"kind": answer}
            else:
                app["answers"][question] = answer
        apps.append((outcome, app))
    return apps


def full_applications() -> list[dict]:
    org = {
        "format": FORMAT, "province": "51",
        "answers": {"server_location": "mainland", "domain_filed": "no", "entity_filed": "no"},
        "entity": {"kind": "organisation", "name": "成都示例科技有限公司", "uscc": valid_uscc()},
        "entity_leader": {"name": "张三", "id_type": "resident_id", "id_number": valid_resident_id("51010419900101123"),
                          "mobile": "13800138000", "email": "admin@example.com", "is_legal_representative": True},
        "website": {"name": "示例科技", "domains": ["example.com", "example.cn"],
                    "leader": {"name": "李四", "id_type": "passport", "id_number": "E12345678",
                               "mobile": "13900139000", "is_legal_representative": False}},
        "dates": {"domain_registered": "2026-01-05", "real_name_verified": "2026-01-10",
                  "submit": "2026-12-01", "launch": "2027-01-15"},
        "numbers": {"icp_number": "蜀ICP备12345678号-1", "psb_number": "川公网安备 51010402000001号"},
        "instance": {"service_type": "ecs", "billing": "subscription", "used": 2},
        "commercial": True, "content_categories": ["news", "games"], "cloud_services": ["cdn", "waf"],
    }
    individual = {
        "format": FORMAT, "province": "44",
        "answers": {"server_location": "outside_mainland", "mainland_acceleration": "yes",
                    "domain_filed": "no", "entity_filed": "no"},
        "entity": {"kind": "individual", "name": "王五"},
        "entity_leader": {"name": "王五", "id_type": "resident_id", "id_number": valid_resident_id("51010420100101123"),
                          "mobile": "1380013800", "email": "wang@example"},
        "website": {"name": "王五的论坛<script>alert(1)</script>", "domains": ["wangwu.invalidtld", "例子.中国"]},
        "dates": {"domain_registered": "2026-11-01", "real_name_verified": "2026-11-20", "launch": "2026-11-23"},
        "numbers": {"icp_number": "京ICP备12345678号"},
        "instance": {"service_type": "ecs", "billing": "pay_as_you_go", "used": 7},
        "commercial": True, "content_categories": ["healthcare"],
    }
    permit = copy.deepcopy(org)
    permit["province"] = "44"
    permit["entity_leader"].update({"id_type": "hk_macau_permit", "id_number": "H12345678"})
    permit["website"]["leader"].update({"id_type": "taiwan_permit", "id_number": "12345678"})
    permit["dates"] = {"domain_registered": "2031-01-01", "real_name_verified": "2031-02-01", "submit": "2031-06-01"}
    permit["numbers"] = {"icp_number": "粤ICP备12345678号-3", "psb_number": "44030402000001"}
    unusable = [
        {"format": FORMAT, "answers": {}, "bogus": 1},
        {"format": "icp-application/0", "answers": {}},
        {"format": FORMAT, "answers": {"server_location": "moon"}},
        {"format": FORMAT, "province": "99", "answers": {}},
        ["not", "an", "object"],
        None,
    ]
    return [org, individual, permit, *unusable]


def check_cases() -> list[dict]:
    cases = []
    for lang in ("en", "zh"):
        for _, app in outcome_applications():
            cases.append({"op": "check", "application": app, "lang": lang, "today": TODAY})
        for app in full_applications():
            cases.append({"op": "check", "application": app, "lang": lang, "today": TODAY})
    return cases


def view_cases() -> list[dict]:
    """What the page itself asks for: the display view of a result, and its page data."""
    cases = [{"op": "page_data"}]
    for lang in ("en", "zh"):
        for app in full_applications():
            cases.append({"op": "view", "application": app, "lang": lang, "today": TODAY})
        for _, app in outcome_applications()[:3]:
            cases.append({"op": "view", "application": app, "lang": lang, "today": TODAY})
    return cases


def all_cases() -> list[dict]:
    return field_cases() + check_cases() + view_cases()


def run_cpython(cases) -> list[dict]:
    import datetime
    import json

    from checker import api
    out = []
    for case in cases:
        if case["op"] == "page_data":
            out.append(json.loads(json.dumps(api.page_data(), ensure_ascii=False)))
            continue
        today = datetime.date.fromisoformat(case["today"])
        if case["op"] == "check":
            r = api.check(copy.deepcopy(case["application"]), lang=case["lang"], today=today)
        elif case["op"] == "view":
            r = api.view(copy.deepcopy(case["application"]), lang=case["lang"], today=today)
        else:
            r = api.field(case["kind"], case["value"], copy.deepcopy(case.get("context")), lang=case["lang"], today=today)
        out.append(json.loads(json.dumps(r, ensure_ascii=False)))
    return out
