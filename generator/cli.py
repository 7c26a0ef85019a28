"""`python -m generator validate|generate|build|stats`: exit 0 when clean, 1 on data problems, 2 on usage errors."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import rule_use
from generator.problems import DataError

ROOT = Path(__file__).resolve().parent.parent


def _summary(ds) -> str:
    rules = sum(len(d.data["rules"]) for d in ds.provinces) + len(ds.data("national.yaml")["rules"])
    return (f"ok: {len(ds.provinces)} provinces, {rules} rules, {len(ds.sources)} sources, "
            f"{len(ds.data('tlds.yaml')['tlds'])} TLDs, {len(ds.data('preapprovals.yaml')['preapprovals'])} pre-approvals, "
            f"{len(ds.data('operations.yaml')['operations'])} operations\n{rule_use.summary(ds)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "province_data", help="data folder (default: province_data/)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check all data against the schemas and the cross-file rules")
    sub.add_parser("generate", help="validate, then write the Markdown tree and the checker's rules file")
    sub.add_parser("build", help="generate, package the checker and build site/ atomically")
    sub.add_parser("stats", help="validate, then print how current the province data is (unknowns, source ages)")
    args = parser.parse_args(argv)

    from generator.dataset import load_dataset
    try:
        ds = load_dataset(args.data)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    if args.command == "validate":
        print(_summary(ds))
        return 0
    if args.command == "stats":
        from generator import stats
        print(stats.report(ds))
        return 0
    import jinja2

    from generator import build
    from generator.model import MissingTranslation
    from generator.package import PackagingError
    from generator.render import RenderError
    try:
        if args.command == "generate":
            build.generate(ds, ROOT)
        else:
            build.build_site(ds, ROOT)
    except (RenderError, MissingTranslation, jinja2.TemplateError) as exc:
        print(f"error: {exc}; nothing was written.", file=sys.stderr)
        return 1
    except PackagingError as exc:
        print(f"error: {exc}; site/ was left as it was.", file=sys.stderr)
        return 1
    print(_summary(ds))
    if args.command == "build":
        _feedback_note()
    return 0


def _feedback_note() -> None:
    """The "Report a problem" links need the project's own address, which only its maintainers know."""
    from generator.theme import feedback_template
    if "OWNER/REPO" in feedback_template():
        print("note: mkdocs.yml extra.feedback still names the placeholder repository OWNER/REPO, so every "
              "'Report a problem' link leads nowhere; set it to your repository's new-issue URL or a mailto: "
              "link before you deploy.", file=sys.stderr)
