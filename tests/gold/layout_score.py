"""Score headings, page furniture and prose set aside against layout_gold.json.

``python tests/gold/layout_score.py [SPLIT ...]`` prints the figures per split (dev,
blind, blind2, blind3, blind4 by default). A document with ``pages`` is scored on a PDF made of
those pages.
Lines are compared with their runs of whitespace as one space (a reader may put tabs
between a table's cells).
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections import Counter
from pathlib import Path

import pandas as pd

import trendkz
from trendkz.segment.tables import find_tables, split_tables

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora"
FURNITURE = {
    "page-number",
    "running-header",
    "running-footer",
    "table-of-contents",
    "form-feed",
    "separator",
}


def _start(heading: str) -> str:
    """A heading's first 40 characters, spaces and marks aside: a wrapped heading
    matches its first line."""
    return " ".join(heading.lstrip("#").split()).rstrip(":")[:40]


def _flat(line: str) -> str:
    """A line with its runs of whitespace (tabs between cells) as one space."""
    return " ".join(line.split())


def _rows_matched(want: Counter, found: Counter) -> int:
    """Gold rows found: the same line, or (the text layer broke the row elsewhere) a found
    row that begins or ends with the gold row's whole cells; each found row counts once."""
    hit = want & found
    left = list((found - hit).elements())
    n = sum(hit.values())
    for row in (want - hit).elements():
        for k, f in enumerate(left):
            if f.endswith(" " + row) or f.startswith(row + " "):
                n += 1
                del left[k]
                break
    return n


def _excerpt(src: Path, pages: list[int], out: Path) -> None:
    """Write pages ``first..last`` (1-based, inclusive) of a PDF to ``out``."""
    import pypdfium2 as pdfium

    doc, new = pdfium.PdfDocument(str(src)), pdfium.PdfDocument.new()
    try:
        new.import_pages(doc, list(range(pages[0] - 1, pages[1])))
        new.save(str(out))
    finally:
        new.close()
        doc.close()


def _load(corpus: str, name: str, pages: list[int] | None = None):
    """One document as a corpus; with ``pages``, a PDF made of those pages only (a part
    labelled by page excerpt)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        man = pd.DataFrame({"file": [name], "year": [2000]})
        if not pages:
            return trendkz.load_corpus(SHARED / corpus, manifest=man)
        with tempfile.TemporaryDirectory() as tmp:
            _excerpt(SHARED / corpus / name, pages, Path(tmp) / name)
            return trendkz.load_corpus(Path(tmp), manifest=man)


def score(split: str | None = None) -> dict[str, float]:
    gold = json.loads((ROOT / "tests" / "gold" / "layout_gold.json").read_text("utf-8"))
    tp = fp = fn = 0
    furn_found = furn_total = 0
    rows_found = rows_total = 0
    aside = body = 0
    for doc in gold:
        if split and doc["split"] != split:
            continue
        corpus = _load(doc["corpus"], doc["file"], doc.get("pages"))
        sections = trendkz.split_sections(corpus)
        if "headings" in doc:
            text = (SHARED / doc["corpus"] / doc["file"]).read_text(encoding="utf-8")
            want = Counter(text[a:e].strip().rstrip(":") for a, e in doc["headings"])
            got = Counter(h for h in sections["heading"] if h)
            hit = sum((want & got).values())
            tp, fp, fn = tp + hit, fp + sum(got.values()) - hit, fn + sum(want.values()) - hit
            chrome = corpus.chrome
            aside += int(
                (
                    chrome[chrome.rule.isin(FURNITURE)].end
                    - chrome[chrome.rule.isin(FURNITURE)].start
                ).sum()
            )
            tables = split_tables(corpus)
            aside += int((tables.end - tables.start).sum())
            body += sum(len(d.body) for d in corpus)
        if "heading_lines" in doc:  # PDFs: a heading as printed, wrapped or not
            want = [_start(h) for h in doc["heading_lines"]]
            got = [_start(h) for h in sections["heading"] if h]
            hit = sum((Counter(want) & Counter(got)).values())
            tp, fp, fn = tp + hit, fp + len(got) - hit, fn + len(want) - hit
        if "table_rows" in doc:
            d = next(iter(corpus))
            found = Counter(
                _flat(d.body[r.start : r.end]) for t in find_tables(d.body) for r in t.rows
            )
            want = Counter(_flat(x) for x in doc["table_rows"])
            rows_found += _rows_matched(want, found)
            rows_total += sum(want.values())
        if "furniture" in doc:
            chrome = corpus.chrome
            lines = Counter(
                _flat(s.strip().lstrip("#"))
                for t in chrome[chrome.rule.isin(FURNITURE)].text
                for s in t.split("\n")
                if s.strip()
            )
            want = Counter(_flat(x) for x in doc["furniture"])
            furn_found += sum((want & lines).values())
            furn_total += sum(want.values())
    return {
        "heading_precision": tp / (tp + fp) if tp + fp else 1.0,
        "heading_recall": tp / (tp + fn) if tp + fn else 1.0,
        "furniture_recall": furn_found / furn_total if furn_total else 1.0,
        "table_rows_recall": rows_found / rows_total if rows_total else 1.0,
        "prose_set_aside": aside / body if body else 0.0,
    }


if __name__ == "__main__":
    import sys

    for part in sys.argv[1:] or ("dev", "blind", "blind2", "blind3", "blind4"):
        print(part, {k: round(v, 3) for k, v in score(part).items()})
