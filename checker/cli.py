"""``icp-check``: check ICP filing applications and single values from the command line.

    icp-check check APPLICATION.yaml|.json [MORE ...] [--json] [--lang en|zh]
    icp-check check - [--json]          # JSON Lines on stdin, one application per line
    icp-check field KIND VALUE [--province CODE] [--entity organisation|individual]
                               [--domain DOMAIN] [--service app|mini_program|quick_app|website]
                               [--platform android|ios|harmonyos] [--json] [--lang en|zh]

KIND is one of uscc, resident-id, mobile, email, domain, website-name,
icp-number, psb-number.

Exit codes: 0 no errors; 1 errors found; 2 input unusable (unreadable, empty
or not UTF-8, bad YAML/JSON, a key given twice, beyond the limits, unknown
field, unknown KIND...), with a one-line reason per unusable input on stderr.
It is 2 as well, before anything is read, when the compiled data
(checker/data/*.json) is missing: a checker that cannot run never reports
success. ``--json`` prints the API's report (:mod:`checker.api`), one JSON
object per line and per application.

Standard input is read as bytes, line by line: a bad line (not UTF-8, bad
JSON, longer than MAX_BYTES) gives one unusable report and the next line is
still read. A file, or a line, may take at most MAX_BYTES; content/application-format.md
documents the limits.
"""
from __future__ import annotations

import argparse
import codecs
import sys
from importlib import resources
from pathlib import Path

from checker import api, words
from checker.application import InputError, parse_text
from checker.application_text import input_error
from checker.findings import lang_code, make
from checker.report import as_json, present, text

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2

# The most one application (a file, or one line of JSON Lines) may take. A real one takes
# a few kilobytes; the limit keeps /dev/zero or a wrong file from filling the memory.
MAX_MEGABYTES = 2
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024
_BOM = b"\xef\xbb\xbf"

# --- the compiled data -----------------------------------------------------------------------

DATA_FILES = ("rules.json", "messages.json")
_DATA_MISSING = "cli.data_missing"


def missing_data() -> list:
    """The compiled data files (``python -m generator generate``) that are not there."""
    folder = resources.files("checker").joinpath("data")
    return [name for name in DATA_FILES if not folder.joinpath(name).is_file()]


def _missing_data_line(missing, lang) -> str:
    """The line that says what to run, from the catalogue even when that is not compiled."""
    files = ", ".join("checker/data/" + name for name in missing)
    try:
        return make(_DATA_MISSING, "(checker)", files=files).message(lang)
    except (OSError, KeyError, ValueError):  # messages.json is missing too: read its source
        pass
    try:
        import yaml

        source = Path(__file__).resolve().parents[1] / "province_data" / "messages.yaml"
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        entry = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)["messages"][_DATA_MISSING]
        return entry[lang].format(files=files)
    except Exception:  # noqa: BLE001 - no catalogue at all (a package installed without its data)
        return f"{_DATA_MISSING}: {files}"


# --- reading input -------------------------------------------------------------------------

def _unusable(code, source, lang, line=None, **params):
    return api.unusable(input_error(code, source, line, **params).findings, lang)


def _decoded(data: bytes, source, lang, line=None):
    """(text, None) or (None, unusable report): UTF-8, a leading byte-order mark dropped."""
    try:
        return data.removeprefix(_BOM).decode("utf-8"), None
    except UnicodeDecodeError as exc:
        at = (line or 1) + data.count(b"\n", 0, exc.start)
        return None, _unusable("input.not_utf8", source, lang, at)


def read_application(path: str, lang: str):
    """(data, None) or (None, unusable report) for one file."""
    syntax = "yaml" if path.lower().endswith((".yaml", ".yml")) else "json"
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, api.unusable([make("input.unreadable", path, path=path, error=reason)], lang)
    if len(data) > MAX_BYTES:
        return None, _unusable("input.too_large", path, lang, megabytes=MAX_MEGABYTES)
    text, report = _decoded(data, path, lang)
    if report is not None:
        return None, report
    try:
        return parse_text(text, source=path, syntax=syntax), None
    except InputError as exc:
        return None, api.unusable(exc.findings, lang)
    except ImportError:
        finding = make("input.unreadable", path, path=path, error=words.both("cli_no_yaml"))
        return None, api.unusable([finding], lang)


class _Unreadable(Exception):
    """Standard input cannot be read (any more); ``finding`` says why."""

    def __init__(self, finding):
        super().__init__(finding.code)
        self.finding = finding


def _stdin_readline():
    """``readline(size)`` of standard input, in bytes; None when standard input is closed.

    Bytes, so that each line is decoded on its own and a bad one spoils only itself. A text
    stream with no bytes underneath (an embedding program's) is encoded back; its lone
    surrogates then give bytes that are not UTF-8, reported as such.
    """
    stream = sys.stdin
    if stream is None:
        return None
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.readline
    return lambda size: stream.readline(size).encode("utf-8", "surrogatepass")


def _lines(readline):
    """(n, the bytes of line n, or None when it is longer than MAX_BYTES) for each line."""
    n = 0
    while True:
        try:
            line = readline(MAX_BYTES + 1)
            too_long = len(line) > MAX_BYTES and not line.endswith(b"\n")
            while line and not line.endswith(b"\n") and too_long:  # skip the rest, in bounded pieces
                line = readline(MAX_BYTES)
        except ValueError:  # closed while reading
            raise _Unreadable(make("input.stdin_closed", "stdin")) from None
        except OSError as exc:
            error = exc.strerror or type(exc).__name__
            raise _Unreadable(make("input.unreadable", "stdin", path="stdin", error=error)) from None
        if not line and not too_long:
            return
        n += 1
        yield n, None if too_long else line


def _stdin_items(lang):
    """(where, data or None, unusable report or None) for each non-blank line of standard
    input; one unusable report when there is no such line, or when it cannot be read."""
    readline = _stdin_readline()
    if readline is None:
        yield "stdin", None, api.unusable([make("input.stdin_closed", "stdin")], lang)
        return
    found = False
    try:
        for n, line in _lines(readline):
            where = words.ui("cli_stdin_line", lang).format(n=n)
            if line is None:
                report = _unusable("input.too_large", "stdin", lang, n, megabytes=MAX_MEGABYTES)
            else:
                text, report = _decoded(line, "stdin", lang, n)
                if report is None and not text.strip():
                    continue  # blank lines separate nothing in JSON Lines
            found = True
            if report is not None:
                yield where, None, report
                continue
            try:
                yield where, parse_text(text, source="stdin", syntax="json", first_line=n), None
            except InputError as exc:
                yield where, None, api.unusable(exc.findings, lang)
    except _Unreadable as exc:
        yield "stdin", None, api.unusable([exc.finding], lang)
        return
    if not found:
        yield "stdin", None, _unusable("input.empty", "stdin", lang)


# --- writing output -------------------------------------------------------------------------

def _exit_code(report) -> int:
    if not report.get("usable", True):
        return EXIT_UNUSABLE
    return EXIT_OK if report.get("ok") else EXIT_ERRORS


# These messages already say which file (and line) is meant.
_LOCATED = ("input.unreadable", "input.bad_syntax", "input.empty", "input.too_large", "input.not_utf8",
            "input.duplicate_key", "input.too_deep", "input.long_number", "input.stdin_closed")


# What str.splitlines() breaks a line at, written as escapes: a message may quote the input
# (a key, a value), and the reason must stay one line.
_LINE_BREAKS = str.maketrans({c: c.encode("unicode_escape").decode("ascii")
                              for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _reason_line(where, report, lang) -> str:
    findings = report.get("findings") or []
    first = findings[0]["message"] if findings else "unusable input"
    more = words.ui("cli_more", lang).format(n=len(findings) - 1) if len(findings) > 1 else ""
    if findings and findings[0]["code"] in _LOCATED:
        return f"icp-check: {first}{more}".translate(_LINE_BREAKS)
    return f"icp-check: {where}: {first}{more}".translate(_LINE_BREAKS)


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


def _json_writer(out):
    """A function that writes a shared report as one JSON line to ``out``.

    When ``out`` is a UTF-8 text stream over a byte stream (standard output),
    the lines go to the bytes below it: the report's cached sections are then
    encoded to UTF-8 once per batch instead of once per line.
    """
    buffer = getattr(out, "buffer", None)
    try:
        utf8 = buffer is not None and codecs.lookup(out.encoding).name == "utf-8"
    except (LookupError, TypeError):
        utf8 = False
    if not utf8:
        return lambda report: out.write(_dump(report, shared=True) + "\n")
    out.flush()   # nothing written as text may come after the bytes

    def write(report):
        buffer.write(as_json.dumps_utf8(report, shared=True) + b"\n")
    return write


def _dump(report, shared=False) -> str:
    # Key order is the API's own (fixed by construction), so output is stable without sort_keys.
    return as_json.dumps(report, shared)


# --- commands -----------------------------------------------------------------------------------

def cmd_check(args, out, err) -> int:
    lang = lang_code(args.lang)
    code = EXIT_OK
    write_json = _json_writer(out) if args.json else None
    first = True
    items = []
    for path in args.files:
        if path != "-":
            items.append(_file_item(path, lang))
        elif args.files.index(path) == len(items):  # standard input is read once, at the first "-"
            items.append(_stdin_items(lang))
    for group in items:
        for where, data, report in group:
            if report is None:
                report = api.check(data, lang=lang, shared=args.json)
            code = max(code, _exit_code(report))
            if not report.get("usable", True):
                err.write(_reason_line(where, report, lang) + "\n")
            if args.json:
                write_json(report)
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
    for key in ("domain", "service", "platform"):
        if getattr(args, key) is not None:
            context[key] = getattr(args, key)
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
    fld.add_argument("--service", metavar="KIND", help=say("service"))
    fld.add_argument("--platform", metavar="PLATFORM", help=say("platform"))
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
    missing = missing_data()
    if missing:  # a checker that cannot run must never report success
        if sys.stderr is not None:
            sys.stderr.write(f"icp-check: {_missing_data_line(missing, _help_lang(argv))}\n")
        return EXIT_UNUSABLE
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
