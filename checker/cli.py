"""``icp-check``: check ICP filing applications and single values from the command line.

    icp-check check APPLICATION.yaml|.json [MORE ...] [--json] [--lang en|zh]
    icp-check check - [--json]          # JSON Lines on stdin, one application per line
    icp-check field KIND VALUE [--province CODE] [--entity organisation|individual]
                               [--domain DOMAIN] [--json] [--lang en|zh]

KIND is one of uscc, resident-id, mobile, email, domain, website-name,
icp-number, psb-number.

Exit codes: 0 no errors; 1 errors found; 2 input unusable (unreadable file,
bad YAML/JSON, unknown field, unknown KIND...), with a one-line reason per
unusable input on stderr. ``--json`` prints the API's report
(:mod:`checker.api`), one JSON object per line and per application.
"""
from __future__ import annotations

import argparse
import json
import sys

from checker.findings import lang_code
from checker import api
from checker.application import InputError, parse_text
from checker.engine_messages import make

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2

_TEXT = {
    "en": {
        "result_ok": "No errors found.",
        "result_errors": "Errors found.",
        "result_unusable": "The input cannot be used.",
        "classification": "Classification",
        "needs_filing": "ICP filing needed",
        "outcome": "Outcome",
        "operation": "Filing type",
        "commercial": "Commercial ICP licence needed",
        "preapprovals": "Pre-approvals",
        "declared": "declared",
        "suggested": "suggested by the name",
        "psb": "PSB filing",
        "psb_by": "within {days} days of launch, by {deadline}",
        "psb_days": "within {days} days of launch",
        "findings": "Findings",
        "none": "none",
        "steps": "Steps",
        "conditional": "(if it applies)",
        "sources": "sources",
        "timeline": "Timeline",
        "earliest": "Earliest submission",
        "review_start": "Review starts",
        "approval": "Approval expected",
        "between": "{a} to {b}",
        "footer": "Footer HTML",
        "province_rules": "Province rules",
        "rules_date": "Rules as in force on",
        "yes": "yes", "no": "no", "unknown": "not known yet",
        "phase": {"prepare": "Before you submit", "submit": "Submitting", "review": "Review",
                  "after": "After approval"},
        "severity": {"error": "ERROR", "warning": "WARNING", "info": "INFO"},
        "more": " (and {n} more problems)",
        "stdin_line": "stdin line {n}",
        "value": "Value",
        "colon": ": ",
    },
    "zh": {
        "result_ok": "未发现错误。",
        "result_errors": "发现错误。",
        "result_unusable": "输入无法使用。",
        "classification": "备案判断",
        "needs_filing": "是否需要ICP备案",
        "outcome": "结论",
        "operation": "备案类型",
        "commercial": "是否需要ICP经营许可证",
        "preapprovals": "前置审批",
        "declared": "已申报",
        "suggested": "网站名称提示",
        "psb": "公安备案",
        "psb_by": "网站开通后 {days} 日内，即 {deadline} 前",
        "psb_days": "网站开通后 {days} 日内",
        "findings": "检查结果",
        "none": "无",
        "steps": "办理步骤",
        "conditional": "（如适用）",
        "sources": "来源",
        "timeline": "时间安排",
        "earliest": "最早提交日期",
        "review_start": "审核开始",
        "approval": "预计通过时间",
        "between": "{a} 至 {b}",
        "footer": "网站底部HTML",
        "province_rules": "本省规定",
        "rules_date": "规定适用日期",
        "yes": "是", "no": "否", "unknown": "尚不确定",
        "phase": {"prepare": "提交前准备", "submit": "提交备案", "review": "审核", "after": "备案通过后"},
        "severity": {"error": "错误", "warning": "警告", "info": "提示"},
        "more": "（另有 {n} 个问题）",
        "stdin_line": "标准输入第 {n} 行",
        "value": "规范写法",
        "colon": "：",
    },
}


# --- reading input -------------------------------------------------------------------------

def read_application(path: str, lang: str):
    """(data, None) or (None, unusable report) for one file."""
    syntax = "yaml" if path.lower().endswith((".yaml", ".yml")) else "json"
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        return None, api.unusable([make("input.unreadable", path, path=path, error=reason)], lang)
    try:
        return parse_text(text, source=path, syntax=syntax), None
    except InputError as exc:
        return None, api.unusable(exc.findings, lang)
    except ImportError:
        finding = make("input.unreadable", path, path=path,
                       error="PyYAML is not installed; install it (pip install pyyaml) or use JSON")
        return None, api.unusable([finding], lang)


def _stdin_items(stream, lang):
    """(where, data or None, unusable report or None) for each non-blank line."""
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = _TEXT[lang]["stdin_line"].format(n=n)
        try:
            yield where, json.loads(line), None
        except json.JSONDecodeError as exc:
            finding = make("input.bad_syntax", "-", path="stdin", line=n, syntax="JSON", error=exc.msg)
            yield where, None, api.unusable([finding], lang)
        except RecursionError:
            finding = make("input.bad_syntax", "-", path="stdin", line=n, syntax="JSON", error="nested too deeply")
            yield where, None, api.unusable([finding], lang)


# --- writing output -------------------------------------------------------------------------

def _exit_code(report) -> int:
    if not report.get("usable", True):
        return EXIT_UNUSABLE
    return EXIT_OK if report.get("ok") else EXIT_ERRORS


# These messages already say which file (and line) is meant.
_LOCATED = ("input.unreadable", "input.bad_syntax")


def _reason_line(where, report, lang) -> str:
    findings = report.get("findings") or []
    first = findings[0]["message"] if findings else "unusable input"
    more = _TEXT[lang]["more"].format(n=len(findings) - 1) if len(findings) > 1 else ""
    if findings and findings[0]["code"] in _LOCATED:
        return f"icp-check: {first}{more}"
    return f"icp-check: {where}: {first}{more}"


def _yes_no(value, t) -> str:
    if value is None:
        return t["unknown"]
    return t["yes"] if value else t["no"]


def format_findings(findings, t) -> list[str]:
    if not findings:
        return ["  " + t["none"]]
    width = max(len(t["severity"].get(f["severity"], f["severity"])) for f in findings)
    lines = []
    for f in findings:
        label = t["severity"].get(f["severity"], f["severity"])
        # input.* messages start with the place already
        where = "" if f["message"].startswith(f["field"]) else f["field"] + ": "
        lines.append("  %-*s  %s%s" % (width, label, where, f["message"]))
    return lines


def _status_label(status, lang) -> str:
    from checker import rules

    label = rules.load()["labels"]["enums"]["status"].get(status)
    return label[lang] if label else str(status)


def format_report(title, report, lang) -> str:
    """The human-readable report for one application."""
    t = _TEXT[lang]
    lines = [title, "=" * max(len(title), 8)]
    if not report.get("usable", True):
        lines.append(t["result_unusable"])
        lines += format_findings(report["findings"], t)
        return "\n".join(lines)
    lines.append(t["result_ok"] if report["ok"] else t["result_errors"])
    c = report.get("classification") or {}
    lines += ["", t["classification"]]
    lines.append(f"  {t['needs_filing']}{t['colon']}{_yes_no(c.get('needs_filing'), t)}")
    if c.get("outcome_text"):
        lines.append(f"  {t['outcome']}{t['colon']}{c['outcome_text']}")
    if c.get("operation_name"):
        lines.append(f"  {t['operation']}{t['colon']}{c['operation_name']}")
    if c.get("needs_filing"):
        lines.append(f"  {t['commercial']}{t['colon']}{_yes_no(c.get('commercial_licence'), t)}")
    if c.get("preapprovals"):
        parts = []
        for p in c["preapprovals"]:
            how = t["declared"] if p["declared"] else t["suggested"] + " (" + ", ".join(p["keywords_found"]) + ")"
            parts.append(f"{p['name']} [{how}]")
        lines.append(f"  {t['preapprovals']}{t['colon']}" + "; ".join(parts))
    psb = c.get("psb") or {}
    if psb.get("needed") and psb.get("days"):
        when = (t["psb_by"].format(days=psb["days"], deadline=psb["deadline"]) if psb.get("deadline")
                else t["psb_days"].format(days=psb["days"]))
        lines.append(f"  {t['psb']}{t['colon']}{when}")
    if report.get("rules_date"):
        province = (report.get("province") or {}).get("name")
        lines.append(f"  {t['rules_date']}{t['colon']}{report['rules_date']}" + (f" ({province})" if province else ""))
    lines += ["", t["findings"]] + format_findings(report["findings"], t)
    tl = report.get("timeline")
    if tl:
        lines += ["", t["timeline"]]
        if tl.get("earliest_submission"):
            lines.append(f"  {t['earliest']}{t['colon']}{tl['earliest_submission']}")
        lines.append(f"  {t['review_start']}{t['colon']}{tl['review_start']}")
        if tl.get("approval"):
            between = t["between"].format(a=tl["approval"]["earliest"], b=tl["approval"]["latest"])
            lines.append(f"  {t['approval']}{t['colon']}{between}")
    if report.get("steps"):
        lines += ["", t["steps"]]
        phase = None
        for i, step in enumerate(report["steps"], start=1):
            if step["phase"] != phase:
                phase = step["phase"]
                lines.append("  " + t["phase"].get(phase, phase))
            cond = " " + t["conditional"] if step["conditional"] else ""
            src = f" [{t['sources']}{t['colon']}{', '.join(step['sources'])}]" if step["sources"] else ""
            lines.append(f"    {i}. {step['text']}{cond}{src}")
    if report.get("province_rules"):
        lines += ["", t["province_rules"]]
        for rule in report["province_rules"]:
            status = _status_label(rule["status"], lang)
            badge = f"（{status}）" if lang == "zh" else f" ({status})"
            lines.append(f"  {rule['name']}{t['colon']}{rule['text']}{badge}")
    if report.get("footer_html"):
        lines += ["", t["footer"], "  " + report["footer_html"]]
    return "\n".join(lines)


def format_field(report, value, lang) -> str:
    t = _TEXT[lang]
    lines = [f"{report['kind']}: {value}"]
    if not report.get("usable", True):
        lines.append(t["result_unusable"])
    else:
        lines.append(t["result_ok"] if report["ok"] else t["result_errors"])
        if report.get("value"):
            lines.append(f"{t['value']}{t['colon']}{report['value']}")
    lines += format_findings(report["findings"], t)
    return "\n".join(lines)


def _dump(report) -> str:
    # Key order is the API's own (fixed by construction), so output is stable without sort_keys;
    # reports are trees, so the circular-reference check is skipped (it costs a fifth of the time).
    return json.dumps(report, ensure_ascii=False, separators=(",", ":"), check_circular=False)


# --- commands -----------------------------------------------------------------------------------

def cmd_check(args, out, err) -> int:
    lang = lang_code(args.lang)
    code = EXIT_OK
    first = True
    items = []
    for path in args.files:
        if path == "-":
            items.append(_stdin_items(sys.stdin, lang))
        else:
            items.append(_file_item(path, lang))
    for group in items:
        for where, data, report in group:
            if report is None:
                report = api.check(data, lang=lang)
            code = max(code, _exit_code(report))
            if not report.get("usable", True):
                err.write(_reason_line(where, report, lang) + "\n")
            if args.json:
                out.write(_dump(report) + "\n")
            else:
                if not first:
                    out.write("\n")
                out.write(format_report(where, report, lang) + "\n")
            first = False
    return code


def _file_item(path, lang):
    data, report = read_application(path, lang)
    yield path, data, report


def cmd_field(args, out, err) -> int:
    lang = lang_code(args.lang)
    context = {}
    if args.province is not None:
        context["province"] = args.province
    if args.entity is not None:
        context["entity"] = args.entity
    if args.domain is not None:
        context["domain"] = args.domain
    report = api.field(args.kind, args.value, context or None, lang=lang)
    if not report.get("usable", True):
        err.write(_reason_line(f"field {args.kind}", report, lang) + "\n")
    out.write((_dump(report) if args.json else format_field(report, args.value, lang)) + "\n")
    return _exit_code(report)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icp-check",
        description="Check mainland China ICP filing (ICP备案) applications and values before you submit.",
        epilog="Exit codes: 0 no errors, 1 errors found, 2 input unusable.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check application files (YAML or JSON); '-' reads JSON Lines from stdin")
    check.add_argument("files", nargs="+", metavar="APPLICATION", help="application file(s), or - for stdin")
    check.add_argument("--json", action="store_true", help="print one JSON report per line")
    check.add_argument("--lang", default="en", choices=("en", "zh"), help="language of the messages")
    check.set_defaults(func=cmd_check)
    fld = sub.add_parser("field", help="check one value")
    fld.add_argument("kind", metavar="KIND", help="one of: " + ", ".join(api.FIELD_KINDS))
    fld.add_argument("value", metavar="VALUE")
    fld.add_argument("--province", metavar="CODE", help="two-digit province code, e.g. 44")
    fld.add_argument("--entity", metavar="KIND", help="organisation or individual")
    fld.add_argument("--domain", metavar="DOMAIN", help="the site's domain (for website-name)")
    fld.add_argument("--json", action="store_true", help="print the JSON report")
    fld.add_argument("--lang", default="en", choices=("en", "zh"), help="language of the messages")
    fld.set_defaults(func=cmd_field)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out, err = sys.stdout, sys.stderr
    for stream in (out, err):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    try:
        return args.func(args, out, err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
