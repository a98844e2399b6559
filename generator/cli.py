"""The command line: parse arguments, call the package, turn errors into messages and exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .core.errors import ContentError, ExplainerError, OutputError, Problem, VerifyError, report, shorten
from .core.models import Entity, Page
from .core.parallel import default_jobs
from .core.paths import CACHE_ENV, CACHE_FOLDER, PROJECT_ROOT, config_file, template_folders

if TYPE_CHECKING:
    from .core.cache import Cache

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUILD, EXIT_VERIFY, EXIT_OUTPUT = 0, 1, 2, 3, 4, 5
EXIT_INTERNAL, EXIT_INTERRUPTED = 70, 130
EXIT_CODES = ("Exit codes: 0 ok, 1 bad content, 2 bad usage, 3 MkDocs build failed, 4 verification "
              "failed, 5 output folder refused or not writable, 70 internal error (a bug: please "
              "report it), 130 interrupted.")
MAX_MESSAGE = 2000
"""Longest error message printed (MkDocs' own messages can echo whole pages)."""


def positive(text: str) -> int:
    """A whole number of at least 1, for --jobs."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """Describe every command and option."""
    parser = argparse.ArgumentParser(
        prog="explainer",
        description="Turn a folder of news articles into a cited explainer site (MkDocs Material).",
        epilog=EXIT_CODES,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def content_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--content", type=Path, default=Path("content"),
                       help="folder holding articles/ (or the article files) and the optional "
                            "site.yml, sources.yml, editorial.yml (default: content)")
        p.add_argument("--jobs", type=positive, default=default_jobs(), metavar="N",
                       help="processes for the per-article stages (default: all cores, here "
                            f"{default_jobs()}); the output is the same for any N")

    def cache_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--cache", type=Path, default=CACHE_FOLDER, metavar="DIR",
                       help="folder keeping each article's extraction, so only changed articles are "
                            f"read again (default: {CACHE_FOLDER}); the output is the same")
        p.add_argument("--no-cache", dest="cache", action="store_const", const=None,
                       help="extract every article afresh and keep nothing")

    gen = commands.add_parser("generate", help="write the Markdown pages and knowledge.json",
                              description="Compile the corpus into Markdown pages and "
                                          "data/knowledge.json, writing only changed files.")
    content_option(gen)
    cache_option(gen)
    gen.add_argument("--docs", type=Path, default=Path("docs"), help="output folder (default: docs)")

    build = commands.add_parser("build", help="generate, build the static site and verify it",
                                description="Generate, run mkdocs build --strict, verify every "
                                            "citation and that the HTML is inert and offline. On "
                                            "failure docs/ and site/ stay as they were.")
    content_option(build)
    cache_option(build)
    build.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown folder (default: docs)")
    build.add_argument("--site", type=Path, default=Path("site"), help="site folder (default: site)")
    build.add_argument("--config", type=Path, default=None,
                       help="mkdocs.yml to use (default: ./mkdocs.yml, else the packaged one)")

    serve = commands.add_parser("serve", help="preview with live reload",
                                description="Generate and serve a live preview; edits to the "
                                            "content or the templates regenerate the pages.")
    content_option(serve)
    cache_option(serve)
    serve.add_argument("--docs", type=Path, default=Path("docs"), help="Markdown folder (default: docs)")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address (default: 127.0.0.1:8000)")
    serve.add_argument("--config", type=Path, default=None,
                       help="mkdocs.yml to use (default: ./mkdocs.yml, else the packaged one)")

    new = commands.add_parser("new", help="create an event folder ready for articles",
                              description="Create DIR with content/articles/, a commented site.yml "
                                          "and editorial.yml, a mkdocs.yml extending the packaged "
                                          "one, site_templates/ for overrides, a .gitignore and a "
                                          "CI workflow. Nothing that exists is overwritten.")
    new.add_argument("folder", type=Path, metavar="DIR", help="the event folder to create")

    check = commands.add_parser("check", help="validate the content folder and report every problem",
                                description="Read the content folder and report every problem "
                                            "(file and line) without writing anything.")
    content_option(check)
    check.add_argument("--explain", action="store_true",
                       help="also print, for every statement, who was taken as its speaker and why")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command and return its exit code; every failure is a message, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except ContentError as err:
        report(err.problems)
        return err.exit_code
    except ExplainerError as err:
        print(f"explainer: {shorten(str(err), MAX_MESSAGE)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("explainer: interrupted; docs/ and site/ were left as they were", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as err:
        names = [str(n) for n in (err.filename, err.filename2) if n]
        where = f"{' -> '.join(names)}: " if names else ""
        print(f"explainer: could not read or write {where}{err.strerror or err}; docs/ and site/ "
              "were left as they were", file=sys.stderr)
        return EXIT_OUTPUT
    except Exception as err:  # the one catch-all: a traceback is a bug, said as one
        return _internal_error(err)


def _internal_error(err: BaseException) -> int:
    """Say that this is the tool's fault, where it happened, and how to report it."""
    frames = traceback.extract_tb(err.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    print(f"explainer: internal error{where}: {type(err).__name__}: {shorten(str(err), 300)}\n"
          "This is a bug in the explainer, not in your files; docs/ and site/ were left as they "
          "were. Please report it with the command you ran (set EXPLAINER_DEBUG=1 for the "
          "details).", file=sys.stderr)
    if os.environ.get("EXPLAINER_DEBUG"):
        traceback.print_exception(err, file=sys.stderr)
    return EXIT_INTERNAL


def _absolute(args: argparse.Namespace) -> argparse.Namespace:
    """Resolve every path option against the current folder, never the package or a config file."""
    here = Path.cwd()
    for name in ("content", "docs", "site", "config", "folder", "cache"):
        value = getattr(args, name, None)
        if isinstance(value, Path):
            setattr(args, name, here / value)
    if hasattr(args, "config") and args.config is None:
        args.config = config_file(here)
    args.templates = template_folders(here)
    return args


def _run(args: argparse.Namespace) -> int:
    """Import the stages only now, so Ctrl-C during start-up is handled like any other."""
    from .core.timing import write_timings
    from .pipeline import generate
    from .site.build import build_site
    from .site.outputs import check_output_folders, output_lock
    from .site.write import publish_pages

    args = _absolute(args)
    if args.command == "new":
        from .site.scaffold import create_event_folder

        created = create_event_folder(args.folder)
        print(f"explainer: created {args.folder} ({len(created)} files); put articles in "
              f"{args.folder / 'content' / 'articles'} and run `explainer build` there")
        return EXIT_OK
    if args.command == "check":
        return _check(args.content, args.templates, getattr(args, "explain", False))
    outputs = {"--docs": args.docs} | ({"--site": args.site} if args.command == "build" else {})
    check_output_folders(outputs, _protected(args))
    cache = _cache(args.cache, args.content)
    generated = generate(args.content, args.templates, args.jobs, cache)
    report(list(generated.warnings))
    if args.command == "generate":
        with output_lock([args.docs]):
            changed = publish_pages(generated.pages, args.docs)
        afresh = "" if cache is None else (
            "; articles read afresh: " + ", ".join(f"{stage} {n}" for stage, n in cache.misses.items())
            + f" (of {len(generated.site.articles)})")
        print(f"explainer: {len(generated.pages)} pages, {len(changed)} changed, in {args.docs}{afresh}")
    elif args.command == "build":
        build_site(generated, args.docs, args.site, args.config, args.jobs)
        print(f"explainer: built {args.site} from {len(generated.site.articles)} sources; verified")
    elif args.command == "serve":
        _serve(args, generated.site.config.title, generated.pages, cache)
    write_timings()
    return EXIT_OK


def _cache(folder: Path | None, content: Path) -> Cache | None:
    """The cache of this run, or None for --no-cache; refused inside the content folder."""
    from .core.cache import Cache

    if folder is None:
        return None
    where = folder.resolve()
    if where.is_relative_to(content.resolve()):
        if where == CACHE_FOLDER.resolve():  # the default: run without one, and say so
            print(f"explainer: no cache this run: the default {CACHE_FOLDER} would be inside the content "
                  f"folder ({content}); pass --cache DIR outside it to keep one", file=sys.stderr)
            return None
        raise OutputError(f"--cache {folder} is inside the content folder ({content}); choose a "
                          f"folder outside it")
    return Cache(folder)


def _protected(args: argparse.Namespace) -> dict[str, Path]:
    """Folders no output may replace: the content, the project, the current folder, the templates."""
    protected = {"the content folder": args.content, "the current folder": Path.cwd(),
                 "the explainer's own folder": PROJECT_ROOT}
    config = getattr(args, "config", None)
    if config is not None:
        protected["the project folder"] = config.resolve().parent
    return protected


def _serve(args: argparse.Namespace, title: str, pages: tuple[Page, ...], cache: Cache | None) -> None:
    """Write docs/ and hand over to MkDocs' live-reloading server."""
    from mkdocs.commands.serve import serve

    from .core.paths import BASE_CONFIG, HOOKS, MKDOCS_YML
    from .ingest.load import inputs_fingerprint
    from .mkdocs_hooks import CONTENT, GENERATED_FROM, TEMPLATE_PATH
    from .site.markdown import html_text
    from .site.outputs import stamp
    from .site.write import write_pages

    fingerprint = inputs_fingerprint(args.content.resolve(), *args.templates)
    write_pages(pages, args.docs)
    stamp(args.docs, "docs")
    os.environ[CONTENT] = str(args.content.resolve())
    os.environ[TEMPLATE_PATH] = os.pathsep.join(str(t) for t in args.templates)
    os.environ[GENERATED_FROM] = fingerprint
    os.environ[CACHE_ENV] = str(cache.folder.resolve()) if cache is not None else ""  # as this run had it
    os.environ[BASE_CONFIG] = str(MKDOCS_YML)
    logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
    print(f"explainer: serving at http://{args.dev_addr}/ (Ctrl-C to stop); after an edit only the "
          "pages it changed are built again (`explainer build` makes the whole site)", file=sys.stderr)
    serve(str(args.config), dev_addr=args.dev_addr, livereload=True, build_type="dirty", hooks=[str(HOOKS)],
          docs_dir=str(args.docs.resolve()), site_name=html_text(title))


class _DirtyNotice(logging.Filter):
    """Drop MkDocs' warning before each rebuild of changed pages only: the preview says it once."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


def _check(content: Path, templates: Sequence[Path], explain: bool = False) -> int:
    """Run every validation `build` runs before MkDocs; write nothing (with `explain`, print why each
    statement has the speaker it has)."""
    from .pipeline import assemble, validate

    site, problems = assemble(content)
    errors = [p for p in problems if p.severity == "error"]
    if site is not None and not errors:
        try:
            validate(site, templates)
        except VerifyError as err:
            problems += [Problem(str(content), 0, f"verification: {f}") for f in err.failures]
        except ContentError as err:
            problems += err.problems
    report(problems)
    errors = [p for p in problems if p.severity == "error"]
    print(f"{len(errors)} error(s), {len(problems) - len(errors)} warning(s)", file=sys.stderr)
    if site is not None:
        _report_suspicions(site.entities, content)
        if explain:
            for s in site.statements:
                who = site.entity(s.speaker).name if s.speaker else "no speaker"
                where = f"{s.citation.source} {s.citation.paragraph}"
                print(f"{where}: {who} <- \"{s.speaker_text}\": {s.reason}")
    return EXIT_CONTENT if errors else EXIT_OK


def _report_suspicions(entities: Sequence[Entity], content: Path) -> None:
    """Print the merges the rules suspect but did not make: information, not problems."""
    from .ingest.editorial import load_editorial
    from .resolve.suspects import format_suspicions, suspect_merges

    path = content / "editorial.yml"
    editorial, _ = load_editorial(path)
    for line in format_suspicions(suspect_merges(entities, editorial), str(path)):
        print(line)


if __name__ == "__main__":
    sys.exit(main())
