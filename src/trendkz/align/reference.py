"""Plain reference implementations of the alignment stage's fast paths.

Each function here is the slow, obvious definition of something :mod:`trendkz.align`
computes quickly; property tests hold the fast code equal to them. Change a fast path
freely as long as those tests pass; change a definition here only with the fast path.

- :func:`words` / :func:`word_codes` for :func:`trendkz.align.words.word_codes`;
- :func:`subtree_counts` for :func:`trendkz.align.words.subtree_entries`;
- :func:`tfidf_cosines` for :func:`trendkz.align.words.cosines`;
- :func:`best_total` for :func:`trendkz.align.sentences.monotone_matching`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

import numpy as np

__all__ = ["best_total", "subtree_counts", "tfidf_cosines", "word_codes", "words"]

_TOKEN = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> list[str]:
    """The content words of a text: runs of two or more letters, lower-cased."""
    return _TOKEN.findall(text.lower())


def word_codes(texts: list[str]) -> tuple[list[int], list[int]]:
    """Every word of every text as a number, words numbered from 0 in order of first
    appearance (flat), and how many words each text has."""
    number: dict[str, int] = {}
    per_text = [words(t) for t in texts]
    codes = [number.setdefault(w, len(number)) for ws in per_text for w in ws]
    return codes, [len(ws) for ws in per_text]


def subtree_counts(tokens: list[list[int]], parent: list[int]) -> list[Counter]:
    """Word counts of each row's subtree: ``Counter`` of its own tokens updated with the
    subtrees of its children, last row first (``parent[i]``: a row number or -1)."""
    counts = [Counter(t) for t in tokens]
    for i in range(len(parent) - 1, -1, -1):
        if parent[i] >= 0:
            counts[parent[i]].update(counts[i])
    return counts


def tfidf_cosines(counts: list[Counter]) -> np.ndarray:
    """Cosines of TF-IDF vectors of the rows' word counts: weights ``(1 + ln tf) * ln((n +
    1) / df)``, float32 normalized weights of words in two or more rows, float64 products,
    float32 result rounded to 6 decimals (0 for a row without words)."""
    n, vocab = len(counts), sorted({w for c in counts for w in c})
    tf = np.zeros((n, len(vocab)))
    column = {w: k for k, w in enumerate(vocab)}
    for i, c in enumerate(counts):
        for w, k in c.items():
            tf[i, column[w]] = k
    df = (tf > 0).sum(0)
    wt = np.where(tf > 0, 1 + np.log(np.where(tf > 0, tf, 1)), 0) * np.log((1 + n) / df)
    norms = np.sqrt((wt * wt).sum(1))
    m = (wt[:, df >= 2] / np.where(norms > 0, norms, 1)[:, None]).astype(np.float32)
    return np.round((m.astype(np.float64) @ m.T.astype(np.float64)).astype(np.float32), 6)


def best_total(sim: np.ndarray, threshold: float) -> float:
    """The largest total similarity of non-crossing pairs scoring at least ``threshold``,
    by trying every set of pairs (tiny matrices only)."""
    n, m = sim.shape
    cells = [(i, j) for i in range(n) for j in range(m) if sim[i, j] >= threshold]
    best = 0.0
    for k in range(len(cells) + 1):
        for combo in itertools.combinations(cells, k):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(combo)):
                best = max(best, float(sum(sim[c] for c in combo)))
    return best
