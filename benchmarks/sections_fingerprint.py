"""Fingerprints of split_sections per document, to show a change keeps sections as they were.

Usage: python benchmarks/sections_fingerprint.py OUT.json   (seeds + a sample of state-hrr)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

import trendkz

HRR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "state-hrr"


def fingerprints(corpus) -> dict[str, str]:
    sections = trendkz.split_sections(corpus)
    out = {}
    for doc_id, part in sections.groupby("doc_id", sort=True):
        cols = part[["heading", "style", "level", "start", "end", "parent_id"]]
        parent = cols["parent_id"].astype(object).str.split("/").str[-1]  # not the doc_id
        rows = cols.assign(parent_id=parent).astype(object).fillna("").astype(str)
        blob = "\n".join("\t".join(r) for r in rows.itertuples(index=False))
        out[doc_id] = hashlib.sha256(blob.encode()).hexdigest()[:16]
    return out


def main() -> None:
    result = fingerprints(trendkz.datasets.kazakhstan())
    man = pd.read_csv(HRR / "manifest.csv")
    sample = man.iloc[::25]
    corpus = trendkz.load_corpus(HRR, manifest=sample)
    result.update(fingerprints(corpus))
    Path(sys.argv[1]).write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    print(len(result), "documents")


if __name__ == "__main__":
    main()
