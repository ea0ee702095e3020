"""Score the digest against the hand-written lists in ``gold.csv`` (see README.md).

``python -m tests.gold.digest.score [--unseen]`` prints, per pair, which gold changes the
digest ranks in its top 10 and what it ranks above them. A digest item matches a gold
change when it names one of the gold terms, or when its citation on the gold's side
overlaps the gold anchor's place in that document's body (strict). A second figure also
counts the places an item names as "also in" (the same change told again elsewhere,
folded into the item).
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

import trendkz
from trendkz.report.digest import digest
from trendkz.report.digest_cite import Bodies

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
TOP = 10


def _rows(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def corpora_dir(corpora: Path | None = None) -> Path:
    import os

    return Path(os.environ.get("TRENDKZ_CORPORA", corpora or CORPORA))


def comparison_for(pair: dict, corpora: Path | None = None):
    """The comparison a pair's digest is taken from (the entity's whole series)."""
    base = corpora_dir(corpora)
    if pair["corpus"] == "seeds":
        return trendkz.compare(trendkz.datasets.kazakhstan())
    folder = base / pair["corpus"]
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    y0, y1 = int(pair["year_from"]), int(pair["year_to"])
    keep = [r for r in rows if r["entity"] == pair["entity"]]
    if pair["corpus"] == "sotu":  # a long series: the pair and a year either side
        keep = [r for r in keep if y0 - 1 <= int(r["year"]) <= y1 + 1]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(keep)
    corpus = trendkz.load_corpus(folder, manifest=f.name)
    return trendkz.compare(corpus)


def series_for(pair: dict, corpora: Path | None = None):
    """What the series' entities changed alike in the pair's years (the digest's series
    table), from every document of those two years; empty for a one-entity series."""
    from trendkz.report.digest_series import SeriesTable, of_corpus

    if pair["corpus"] == "seeds":
        return SeriesTable()
    folder = corpora_dir(corpora) / pair["corpus"]
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if len({r["entity"] for r in rows}) < 2:
        return SeriesTable()
    keep = [r for r in rows if r["year"] in (pair["year_from"], pair["year_to"])]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(keep)
    return of_corpus(trendkz.load_corpus(folder, manifest=f.name))


_ALSO = re.compile(r"\((\S+) (\d+)–(\d+)\)")


def _also_places(detail: str, doc_from: str, doc_to: str) -> list[tuple[str, int, int]]:
    """The places an item names as "also in" (folded into it), as ``(side, start, end)``."""
    tail = detail.split("; also in ", 1)[1] if "; also in " in detail else ""
    out = []
    for doc, s, e in _ALSO.findall(tail):
        if doc in (doc_from, doc_to):
            out.append(("from" if doc == doc_from else "to", int(s), int(e)))
    return out


def score_pair(
    pair: dict, gold: list[dict], comparison, *, also: bool = False, series=None
) -> dict:
    """Gold ranks and what the digest ranks above the missed ones, for one pair.

    ``also``: an item matches, too, when a place it names as "also in" (a restatement
    of the same change folded into it) overlaps the anchor; strict matching is the
    default. ``series``: the digest's series table (by default :func:`series_for`)."""
    y0, y1 = int(pair["year_from"]), int(pair["year_to"])
    if series is None:
        series = series_for(pair)
    d = digest(comparison, top=None, entity=pair["entity"], pairs=[(y0, y1)], series=series)
    d = d.frame
    d = d[d["series"] == d["series"].iloc[0]] if len(d) else d
    bodies = Bodies(comparison.sections)
    doc_from, doc_to = d["doc_from"].iloc[0], d["doc_to"].iloc[0]
    found = []
    for g in gold:
        terms = {t.strip().lower() for t in g["terms"].split("|") if t.strip()}
        places = []
        for side, doc in (("from", doc_from), ("to", doc_to)):
            if g["anchor"] and g["side"] in (side, "both"):
                at = bodies.body(doc).find(g["anchor"])
                if at >= 0:
                    places.append((side, at, at + len(g["anchor"])))
        best = None
        for r in d.itertuples(index=False):
            hit = bool(terms) and str(r.term).lower() in terms
            for side, a, b in places:
                s, e = getattr(r, f"start_{side}"), getattr(r, f"end_{side}")
                if pd.isna(s):
                    continue
                if str(r.kind).startswith("section "):  # the item speaks of the whole section
                    s, e = bodies.section_span(doc_from if side == "from" else doc_to, int(s))
                hit = hit or (int(s) < b and a < int(e))
            if also and not hit:
                named = _also_places(str(r.score_detail), doc_from, doc_to)
                hit = any(s0 == side and s < b and a < e for side, a, b in places
                          for s0, s, e in named)  # fmt: skip
            if hit:
                best = int(r.rank)
                break
        found.append({**g, "digest_rank": best})
    hits = sum(1 for f in found if f["digest_rank"] is not None and f["digest_rank"] <= TOP)
    matched = {f["digest_rank"] for f in found if f["digest_rank"] is not None}
    above = [
        f"{int(r.rank)}. [{r.kind}] {r.headline}"
        for r in d.itertuples(index=False)
        if int(r.rank) <= TOP and int(r.rank) not in matched
    ]
    return {
        "pair": pair["pair"],
        "hits": hits,
        "found": found,
        "unmatched_top": above,
        "digest": d,
    }


def main(argv: list[str]) -> int:
    unseen = "--unseen" in argv
    gold = _rows("gold.csv")
    for pair in _rows("pairs.csv"):
        if (pair["seen"] == "no") != unseen:
            continue
        comparison = comparison_for(pair)
        mine = [g for g in gold if g["pair"] == pair["pair"]]
        series = series_for(pair)
        res = score_pair(pair, mine, comparison, series=series)
        lenient = score_pair(pair, mine, comparison, also=True, series=series)["hits"]
        print(
            f"== {res['pair']}: {res['hits']} of 10 in the top {TOP}"
            f" ({lenient} counting the places items name as 'also in')"
        )
        for f in res["found"]:
            print(f"   gold {f['rank']:>2} -> digest rank {f['digest_rank']}: {f['note']}")
        for line in res["unmatched_top"]:
            print(f"   above/among them, not on the list: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
