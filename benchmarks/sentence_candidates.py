"""Draw candidate sentence pairs for the sentence-pair gold (tests/gold/sentence_pairs.csv).

For two consecutive documents of a series, every sentence of the first is paired with its
best and second-best partners in the second under each of three scorers (fuzz.ratio,
token_set_ratio, TfidfCosine); pairs of different texts scoring in a middle band (from a
low bound per scorer to 0.97), both sentences occurring once in their documents, are
candidates. A fixed-seed sample of them
is printed for a person to label by reading (reworded: the same statement, changed;
lookalike: close words, another statement). The labels are not taken from any scorer.

    python benchmarks/sentence_candidates.py CORPUS FILE_FROM FILE_TO [N]
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
from _common import ROOT
from rapidfuzz import fuzz

import trendkz
from trendkz.align.scores import scorer_matrix
from trendkz.segment.sentences import sentence_texts

CORPORA = ROOT.parent / "shared" / "corpora"


def load_pair(corpus: str, file_from: str, file_to: str) -> trendkz.Corpus:
    """The two documents of one consecutive pair, loaded as the library loads them."""
    folder = CORPORA / corpus
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    return trendkz.load_corpus(
        folder, manifest=manifest[manifest["file"].isin([file_from, file_to])]
    )


def doc_sentences(doc: trendkz.Document) -> list[str]:
    """The sentences of a document's body, as align_sentences cuts them (per section)."""
    sections = trendkz.split_sections(trendkz.Corpus([doc]))
    return [s for t in sections["text"] for s in sentence_texts(t)]


def candidates(a: list[str], b: list[str], body_a: str, body_b: str) -> list[tuple[str, str]]:
    once_a = [s for s in dict.fromkeys(a) if len(s.split()) >= 6 and body_a.count(s) == 1]
    once_b = [s for s in dict.fromkeys(b) if len(s.split()) >= 6 and body_b.count(s) == 1]
    found: dict[tuple[str, str], float] = {}
    tf = trendkz.TfidfCosine().documents(a, b)
    for scorer, low in ((fuzz.ratio, 0.55), (fuzz.token_set_ratio, 0.65), (tf, 0.4)):
        m = scorer_matrix(once_a, once_b, scorer)
        # the best partner of each sentence, and the second best (look-alikes, mostly)
        for rank in (1, 2):
            if m.shape[1] < rank:
                continue
            for i, j in enumerate(np.argsort(-m, axis=1, kind="stable")[:, rank - 1].tolist()):
                x, y = once_a[i], once_b[j]
                if x != y and low <= m[i, j] <= 0.97:
                    found[(x, y)] = max(found.get((x, y), 0.0), float(m[i, j]))
    return sorted(found)


def main() -> None:
    corpus, file_from, file_to = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 24
    docs = list(load_pair(corpus, file_from, file_to))
    da, db = (docs if docs[0].source.endswith(file_from) else docs[::-1])[:2]
    pairs = candidates(doc_sentences(da), doc_sentences(db), da.body, db.body)
    rng = np.random.default_rng(len(pairs))
    for k in sorted(rng.choice(len(pairs), min(n, len(pairs)), replace=False).tolist()):
        x, y = pairs[k]
        print(f"## {k}\nA {da.body.index(x)} {x}\nB {db.body.index(y)} {y}\n")


if __name__ == "__main__":
    main()
