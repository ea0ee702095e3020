"""The ``trendkz`` command line: ``report``, ``verify`` and ``sections``.

Exit codes: 0 success (``verify``: identical), 1 ``verify`` found differences, 2 a usage or
input error (one line on stderr), 3 an unexpected error (one line; ``--traceback`` shows it).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .._core.errors import TrendkzError

__all__ = ["main"]


def _load(source: str | None, manifest: str | None, progress: bool = True, workers: int | None = 1):
    from ..datasets import kazakhstan_path
    from ..load.corpus import load_corpus

    return load_corpus(
        source or kazakhstan_path(), manifest=manifest, progress=progress, workers=workers
    )


def _cmd_sections(args: argparse.Namespace) -> int:
    from ..segment.sections import section_tree, split_sections

    corpus = _load(args.source, args.manifest)
    print(corpus)
    print()
    print(section_tree(split_sections(corpus)))
    return 0


def _rel(path: str, out: Path) -> str:
    return Path(os.path.relpath(Path(path).resolve(), out.resolve())).as_posix()


def _cmd_report(args: argparse.Namespace) -> int:
    from .comparison import compare

    out = Path(args.out)
    progress = not args.quiet
    corpus = _load(args.source, args.manifest, progress, args.workers)
    options = {"terms_by": args.terms_by}
    if args.lexicon:
        options["lexicon"] = args.lexicon
    if args.min_similarity is not None:
        options["min_similarity"] = args.min_similarity
    comparison = compare(corpus, progress=progress, workers=args.workers, **options)
    if args.lexicon:  # recorded relative to the report, so `verify` finds it
        comparison.options["lexicon"] = _rel(args.lexicon, out)
    source = None
    if args.source:
        source = {
            "path": _rel(args.source, out),
            "manifest": _rel(args.manifest, out) if args.manifest else None,
        }
    folder = comparison.save(out, source=source, progress=progress, force=args.force)
    if not args.quiet:
        print(comparison)
        print(
            f"wrote {folder}/index.html and {sum(1 for p in folder.rglob('*') if p.is_file())}"
            " files; check them with: trendkz verify " + str(folder)
        )
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from .verify import verify_report

    diffs = verify_report(args.dir, rerun=not args.hashes_only)
    if not diffs:
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
    p.add_argument("--manifest", help="CSV with file,year,... overriding what is inferred")
    p.add_argument("--lexicon", help="a lexicon file for framing terms (default: built-in)")
    p.add_argument("--terms-by", default="doc", choices=["doc", "section", "group"])
    p.add_argument("--min-similarity", type=float, help="alignment threshold in [0, 1]")
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes to use (default: all cores); results do not depend on it",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bars or summary")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("verify", help="re-run a saved report and compare every byte")
    p.add_argument("dir", help="a folder written by `trendkz report`")
    p.add_argument(
        "--hashes-only",
        action="store_true",
        help="only check files against manifest.json, do not re-run",
    )
    p.set_defaults(func=_cmd_verify)

    p = sub.add_parser("sections", help="print the documents and their section trees")
    p.add_argument("source", nargs="?", help="folder or file (default: bundled Kazakhstan)")
    p.add_argument("--manifest", help="CSV with file,year,... overriding what is inferred")
    p.set_defaults(func=_cmd_sections)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("trendkz")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
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
