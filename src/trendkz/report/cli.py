"""The ``trendkz`` command line: ``report``, ``verify`` and ``sections``.

Exit codes: 0 success (``verify``: identical), 1 ``verify`` found differences, 2 a usage or
input error (one line on stderr), 3 an unexpected error (one line; ``--traceback`` shows it).
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from .._core.errors import TrendkzError
from .frames import FRAME_NAMES

__all__ = ["main"]


def _load(args: argparse.Namespace, progress: bool = True, workers: int | None = 1):
    from ..datasets import kazakhstan_path
    from ..load.corpus import load_corpus

    return load_corpus(
        args.source or kazakhstan_path(),
        manifest=args.manifest,
        progress=progress,
        workers=workers,
        allow_outside=args.allow_outside,
    )


_OUTSIDE_HELP = (
    "let the manifest name files outside the corpus folder (../x.txt or an absolute path); "
    "refused by default"
)


def _cmd_sections(args: argparse.Namespace) -> int:
    from ..segment.sections import section_tree, split_sections

    corpus = _load(args)
    print(corpus)
    print()
    print(section_tree(split_sections(corpus)))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from ..terms.lexicon import Lexicon
    from .comparison import _check_options
    from .save import report_corpus, report_settings

    out = Path(args.out)
    progress = not args.quiet
    options = {"terms_by": args.terms_by}
    if args.lexicon:
        options["lexicon"] = Lexicon.coerce(args.lexicon, option="--lexicon")
    if args.min_similarity is not None:
        options["min_similarity"] = args.min_similarity
    _check_options(options)  # every option checked before a document is read
    tables = None if args.tables in (None, "all") else args.tables.split(",")
    settings = report_settings(tables=tables, compress=args.compress, pngs=not args.no_png)
    corpus = _load(args, progress, args.workers)
    if args.entity:  # the chosen entities' documents (a subset, so verify can re-run it)
        from .figures import chosen_entities

        chosen = set(chosen_entities(corpus.documents, args.entity))  # unknown: closest names
        corpus = corpus.subset([d.doc_id for d in corpus if d.entity in chosen])
    folder, summary = report_corpus(
        corpus, out, settings=settings, workers=args.workers, progress=progress,
        force=args.force, **options,
    )  # fmt: skip
    if not args.quiet:
        print(summary)
        print(
            f"wrote {folder}/index.html and {sum(1 for p in folder.rglob('*') if p.is_file())}"
            " files; check them with: trendkz verify " + str(folder)
        )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from .verify import verify_report

    diffs = verify_report(args.dir, rerun=not args.hashes_only, progress=not args.quiet)
    if not diffs:
        if args.hashes_only:
            print(
                f"{args.dir}: every file matches the hash manifest.json lists (nothing was "
                "re-run; without --hashes-only verify compares with a fresh run)"
            )
        else:
            print(f"{args.dir}: every output is identical to a fresh run")
        return 0
    print(f"{args.dir}: {len(diffs)} difference(s):")
    for d in diffs:
        print(f"  {d}")
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trendkz",
        description="Compare a series of reports across years: sections, diffs, facts, framing.",
    )
    parser.add_argument("--version", action="version", version=f"trendkz {_version()}")
    parser.add_argument(
        "--traceback", action="store_true", help="show the full traceback of an unexpected error"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("report", help="run the whole comparison and save every output")
    p.add_argument("source", nargs="?", help="folder or file (default: bundled Kazakhstan)")
    p.add_argument(
        "--out",
        default="trendkz-report",
        help="output folder: new, empty, or an earlier trendkz report (replaced)",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write into an existing folder that is not a trendkz report, keeping its other files",
    )
    p.add_argument("--manifest", help="CSV with file,date,... overriding what is inferred")
    p.add_argument("--allow-outside", action="store_true", help=_OUTSIDE_HELP)
    p.add_argument("--lexicon", help="a lexicon file for framing terms (default: built-in)")
    p.add_argument("--terms-by", default="doc", choices=["doc", "section", "group"])
    p.add_argument("--min-similarity", type=float, help="alignment threshold in [0, 1]")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes to use (default: all cores); results do not depend on it",
    )
    p.add_argument(
        "--entity",
        action="append",
        help="compare only this entity (repeat for several; default: every entity)",
    )
    p.add_argument(
        "--tables",
        help="comma-separated tables to write (default all: " + ",".join(FRAME_NAMES) + ")",
    )
    p.add_argument(
        "--compress", action="store_true", help="write tables as .csv.gz (same bytes every run)"
    )
    p.add_argument("--no-png", action="store_true", help="SVG figures only, no PNG copies")
    p.add_argument("--quiet", action="store_true", help="no progress bars or summary")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("verify", help="re-run a saved report and compare every byte")
    p.add_argument("dir", help="a folder written by `trendkz report`")
    p.add_argument(
        "--hashes-only",
        action="store_true",
        help="only check files against manifest.json, do not re-run",
    )
    p.add_argument("--quiet", action="store_true", help="no progress messages")
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("sections", help="print the documents and their section trees")
    p.add_argument("source", nargs="?", help="folder or file (default: bundled Kazakhstan)")
    p.add_argument("--manifest", help="CSV with file,date,... overriding what is inferred")
    p.add_argument("--allow-outside", action="store_true", help=_OUTSIDE_HELP)
    p.set_defaults(func=_cmd_sections)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("trendkz")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"trendkz: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning  # one "trendkz: warning:" block, no source line
            return args.func(args)
    except TrendkzError as exc:
        print(f"trendkz: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("trendkz: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's last resort: one line, code 3
        if args.traceback:
            raise
        print(
            f"trendkz: unexpected error: {type(exc).__name__}: {exc} (run again with "
            "--traceback for details, and please report it)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
