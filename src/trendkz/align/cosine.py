"""A sentence scorer that reads words, not characters: :class:`TfidfCosine`.

The similarity of two sentences is the cosine of their TF-IDF vectors. Words are runs of
letters or digits, lower-cased (numbers count: "11 journalists" and "12 journalists" share
less than two sentences that state the same count). Weights are ``(1 + ln tf) * idf`` with
``idf = ln((1 + n) / (1 + df)) + 1`` over the ``n`` sentences of the two documents being
compared (scikit-learn's smoothed, sublinear weighting): a word found in many sentences of
the two years ("the", "government", the country's name) counts for little, a rare one for
much. Used by :func:`trendkz.align_sentences` (it binds the scorer to each pair of
documents with :meth:`TfidfCosine.documents`); on its own, the idf comes from the
sentences it is given.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

__all__ = ["TfidfCosine"]

_WORD = re.compile(r"[^\W_]+")
#: columns multiplied at once (bounds the memory of one product)
_CHUNK = 4096


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


class TfidfCosine:
    """Cosine of TF-IDF vectors of two sentences' words, in [0, 1].

    ``TfidfCosine()`` is a scorer for :func:`trendkz.align_sentences`
    (``scorer=trendkz.TfidfCosine()``); it also works as a plain callable ``(a, b) ->
    similarity`` (idf over ``a`` and ``b`` alone, so a word they share weighs little).
    It carries the thresholds measured for it, ``min_similarity`` and ``min_moved``,
    which ``align_sentences`` uses unless given others.
    """

    #: in order, a pair needs this to be the same sentence, changed (measured: RESULTS.md)
    min_similarity = 0.5
    #: out of order or across groups, a pair needs this to be moved
    min_moved = 0.8

    def __init__(self, _idf: dict[str, float] | None = None, _default: float = 1.0):
        self._idf = _idf
        self._default = _default  # the idf of a word none of the documents' sentences has
        self._cache: dict[str, tuple[dict[str, float], float]] = {}

    def __repr__(self) -> str:
        return "TfidfCosine()"

    def documents(self, a: list[str], b: list[str]) -> TfidfCosine:
        """This scorer with its idf taken over the sentences ``a`` and ``b`` (the two
        documents' sentences, every occurrence counted)."""
        df: Counter[str] = Counter()
        for text in (*a, *b):
            df.update(set(_tokens(text)))
        n = len(a) + len(b)
        idf = {w: float(np.log((1.0 + n) / (1.0 + k)) + 1.0) for w, k in df.items()}
        return TfidfCosine(idf, float(np.log(1.0 + n) + 1.0))

    def _vector(self, text: str) -> tuple[dict[str, float], float]:
        """Weights of a text's words (first appearance first) and their norm."""
        got = self._cache.get(text)
        if got is None:
            idf, default = self._idf or {}, self._default
            counts = Counter(_tokens(text))
            w = {t: (1.0 + np.log(k)) * idf.get(t, default) for t, k in counts.items()}
            got = self._cache[text] = (w, float(np.sqrt(sum(v * v for v in w.values()))))
        return got

    def matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """``len(a) x len(b)`` cosines, rounded to 6 decimals (0 where a side has no word)."""
        if not a or not b:
            return np.zeros((len(a), len(b)))
        scorer = self if self._idf is not None else self.documents(a, b)
        va, vb = [scorer._vector(t) for t in a], [scorer._vector(t) for t in b]
        # only words on both sides add to a product; they are the columns
        words_a = set().union(*(w for w, _ in va))
        shared = sorted({t for w, _ in vb for t in w if t in words_a})
        column = {t: k for k, t in enumerate(shared)}
        out = np.zeros((len(a), len(b)))
        for lo in range(0, len(shared), _CHUNK):
            hi = min(lo + _CHUNK, len(shared))
            ma, mb = _dense(va, column, lo, hi), _dense(vb, column, lo, hi)
            out += ma @ mb.T
        na = np.array([n for _, n in va])
        nb = np.array([n for _, n in vb])
        den = na[:, None] * nb[None, :]
        cos = np.divide(out, den, out=np.zeros_like(out), where=den > 0)
        return np.round(np.clip(cos, 0.0, 1.0), 6)

    def __call__(self, a: str, b: str) -> float:
        return float(self.matrix([a], [b])[0, 0])


def _dense(vectors: list, column: dict[str, int], lo: int, hi: int) -> np.ndarray:
    """Rows of the vectors' weights in columns ``lo..hi`` of ``column``."""
    m = np.zeros((len(vectors), hi - lo))
    for i, (w, _) in enumerate(vectors):
        for t, v in w.items():
            k = column.get(t)
            if k is not None and lo <= k < hi:
                m[i, k - lo] = v
    return m
