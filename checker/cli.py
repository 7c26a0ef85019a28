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

from checker import api, words
from checker.findings import lang_code
from checker.report import present, text
from checker.application import InputError, parse_text
from checker.findings import make

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2

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
        finding = make("input.unreadable", path, path=path, error=words.both("cli_no_yaml"))
        return None, api.unusable([finding], lang)


def _stdin_items(stream, lang):
    """(where, data or None, unusable report or None) for each non-blank line."""
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = words.ui("cli_stdin_line", lang).format(n=n)
        try:
            yield where, json.loads(line), None
        except json.JSONDecodeError as exc:
            finding = make("input.bad_syntax", "-", path="stdin", line=n, syntax="JSON", error=exc.msg)
            yield where, None, api.unusable([finding], lang)
        except RecursionError:
            finding = make("input.bad_syntax", "-", path="stdin", line=n, syntax="JSON", error=words.both("cli_too_deep"))
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
    more = words.ui("cli_more", lang).format(n=len(findings) - 1) if len(findings) > 1 else ""
    if findings and findings[0]["code"] in _LOCATED:
        return f"icp-check: {first}{more}"
    return f"icp-check: {where}: {first}{more}"


def format_report(title, report, lang) -> str:
    """The human-readable report for one application (the same sections as the page and the download)."""
    return text.render(title, present.sections(report, lang), lang)


def format_field(report, value, lang) -> str:
    lines = [f"{report['kind']}{words.punct('colon', lang)}{value}", present.verdict_line(report, lang)]
    if report.get("usable", True) and report.get("value"):
        lines.append(f"{words.ui('cli_value', lang)}{words.punct('colon', lang)}{report['value']}")
    items = present.findings_section(report, lang)["blocks"][0]
    lines += text.findings_lines(items["items"], items["empty"], lang)
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


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    def say(key):
        return words.ui("cli_help_" + key, lang)

    parser = argparse.ArgumentParser(prog="icp-check", description=say("description"), epilog=say("epilog"))
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help=say("check"))
    check.add_argument("files", nargs="+", metavar="APPLICATION", help=say("files"))
    check.add_argument("--json", action="store_true", help=say("json_check"))
    check.add_argument("--lang", default="en", choices=("en", "zh"), help=say("lang"))
    check.set_defaults(func=cmd_check)
    fld = sub.add_parser("field", help=say("field"))
    fld.add_argument("kind", metavar="KIND", help=say("kind") + words.punct("list_sep", lang).join(api.FIELD_KINDS))
    fld.add_argument("value", metavar="VALUE")
    fld.add_argument("--province", metavar="CODE", help=say("province"))
    fld.add_argument("--entity", metavar="KIND", help=say("entity"))
    fld.add_argument("--domain", metavar="DOMAIN", help=say("domain"))
    fld.add_argument("--json", action="store_true", help=say("json_field"))
    fld.add_argument("--lang", default="en", choices=("en", "zh"), help=say("lang"))
    fld.set_defaults(func=cmd_field)
    return parser


def _help_lang(argv) -> str:
    """The --lang given, for the help texts (argparse has not parsed it yet)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return lang_code(argv[i + 1])
        if arg.startswith("--lang="):
            return lang_code(arg.split("=", 1)[1])
    return "en"


def main(argv=None) -> int:
    parser = build_parser(_help_lang(argv))
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
