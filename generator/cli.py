"""The command line: parse arguments, call the package, turn errors into messages and exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import ContentError, ExplainerError, Problem
from .models import Entity
from .paths import MKDOCS_YML, TEMPLATES

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUILD, EXIT_VERIFY, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


def build_parser() -> argparse.ArgumentParser:
    """Describe every command and option."""
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn a folder of news articles into a cited explainer site (MkDocs Material).",
        epilog="Exit codes: 0 ok, 1 bad content, 2 bad usage, 3 MkDocs build failed, "
               "4 verification failed, 130 interrupted.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def content_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"),
                       help="folder holding articles/ (or the article files) and the optional "
                            "site.yml, sources.yml, editorial.yml (default: content)")

    gen = commands.add_parser("generate", help="write the Markdown pages and knowledge.json",
                              description="Compile the corpus into Markdown pages and "
                                          "data/knowledge.json, writing only changed files.")
    content_option(gen)
    gen.add_argument("--docs", type=Path, default=Path("docs"), help="output folder (default: docs)")

    build = commands.add_parser("build", help="generate, build the static site and verify it",
                                description="Generate, run mkdocs build --strict, verify every "
                                            "citation and that the HTML is inert and offline. On "
                                            "failure docs/ and site/ stay as they were.")
    content_option(build)
    build.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown folder (default: docs)")
    build.add_argument("--site", type=Path, default=Path("site"), help="site folder (default: site)")
    build.add_argument("--config", type=Path, default=MKDOCS_YML, help="mkdocs.yml to use")

    serve = commands.add_parser("serve", help="preview with live reload",
                                description="Generate and serve a live preview; edits to the "
                                            "content or the templates regenerate the pages.")
    content_option(serve)
    serve.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown folder (default: docs)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address (default: 127.0.0.1:8000)")
    serve.add_argument("--config", type=Path, default=MKDOCS_YML, help="mkdocs.yml to use")

    check = commands.add_parser("check", help="validate the content folder and report every problem",
                                description="Read the content folder and report every problem "
                                            "(file and line) without writing anything.")
    content_option(check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ContentError as err:
        _report(err.problems)
        return err.exit_code
    except ExplainerError as err:
        print(f"explainer: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("explainer: interrupted; docs/ and site/ were left as they were", file=sys.stderr)
        return EXIT_INTERRUPTED


def _run(args: argparse.Namespace) -> int:
    """Import the stages only now, so Ctrl-C during start-up is handled like any other."""
    from .build import build_site
    from .load import inputs_fingerprint
    from .mkdocs_hooks import CONTENT, GENERATED_FROM
    from .pipeline import assemble, generate
    from .write import write_pages

    if args.command == "check":
        site, problems = assemble(args.content)
        _report(problems)
        errors = sum(p.severity == "error" for p in problems)
        print(f"{errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
        if site is not None:
            _report_suspicions(site.entities, args.content)
        return EXIT_CONTENT if errors else EXIT_OK
    fingerprint = inputs_fingerprint(args.content.resolve(), TEMPLATES)
    generated = generate(args.content, TEMPLATES)
    _report(list(generated.warnings))
    if args.command == "generate":
        changed = write_pages(generated.pages, args.docs)
        print(f"explainer: {len(generated.pages)} pages, {len(changed)} changed, in {args.docs}")
    elif args.command == "build":
        build_site(generated, args.docs, args.site, args.config)
        print(f"explainer: built {args.site} from {len(generated.site.articles)} sources; verified")
    elif args.command == "serve":
        from mkdocs.commands.serve import serve

        write_pages(generated.pages, args.docs)
        os.environ[CONTENT] = str(args.content.resolve())
        os.environ[GENERATED_FROM] = fingerprint
        serve(str(args.config), dev_addr=args.dev_addr, livereload=True,
              docs_dir=str(args.docs.resolve()), site_name=generated.site.config.title)
    return EXIT_OK


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _report_suspicions(entities: Sequence[Entity], content: Path) -> None:
    """Print the merges the rules suspect but did not make: information, not problems."""
    from .editorial import load_editorial
    from .suspects import format_suspicions, suspect_merges

    path = content / "editorial.yml"
    editorial, _ = load_editorial(path)
    for line in format_suspicions(suspect_merges(entities, editorial), str(path)):
        print(line)


if __name__ == "__main__":
    sys.exit(main())
