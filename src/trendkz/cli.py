"""The ``trendkz`` command line."""

from __future__ import annotations

import argparse
import sys

from .errors import TrendkzError

__all__ = ["main"]


def _load(source: str | None, manifest: str | None):
    from .corpus import load_corpus
    from .datasets import kazakhstan_path

    return load_corpus(source or kazakhstan_path(), manifest=manifest, progress=True)


def _cmd_sections(args: argparse.Namespace) -> int:
    from .sections import section_tree, split_sections

    corpus = _load(args.source, args.manifest)
    print(corpus)
    print()
    print(section_tree(split_sections(corpus)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trendkz",
        description="Compare a series of reports across years: sections, diffs, facts, framing.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sections", help="print the documents and their section trees")
    p.add_argument("source", nargs="?", help="folder or file (default: bundled Kazakhstan)")
    p.add_argument("--manifest", help="CSV with file,year,... overriding what is inferred")
    p.set_defaults(func=_cmd_sections)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except TrendkzError as exc:
        print(f"trendkz: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
