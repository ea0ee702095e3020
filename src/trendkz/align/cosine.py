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
from itertools import chain

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
    min_similarity = 0.4
    #: out of order or across groups, a pair needs this to be moved
    min_moved = 0.65

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._idf = np.zeros(0)
        self._default = 1.0  # the idf of a word none of the documents' sentences has
        self._rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # text: columns, weights
        self._bound = False

    def __repr__(self) -> str:
        return "TfidfCosine()"

    def documents(self, a: list[str], b: list[str]) -> TfidfCosine:
        """A scorer with its idf taken over the sentences ``a`` and ``b`` (the two
        documents' sentences, every occurrence counted); their vectors made at once."""
        bound = TfidfCosine()
        bound._bound = True
        texts = [*a, *b]
        times = Counter(texts)  # a repeated sentence counts each time
        distinct = list(times)
        vocab = bound._vocab
        codes = [[vocab.setdefault(w, len(vocab)) for w in _tokens(t)] for t in distinct]
        sizes = np.fromiter(map(len, codes), dtype=np.int64, count=len(codes))
        flat = np.fromiter(chain.from_iterable(codes), dtype=np.int64, count=int(sizes.sum()))
        rows = np.repeat(np.arange(len(distinct), dtype=np.int64), sizes)
        # each (sentence, word) once, with its count: sorted by sentence, then word
        pairs, tf = np.unique(rows * max(len(vocab), 1) + flat, return_counts=True)
        prow, pcol = pairs // max(len(vocab), 1), pairs % max(len(vocab), 1)
        mult = np.fromiter(times.values(), dtype=np.float64, count=len(distinct))
        df = np.bincount(pcol, weights=mult[prow], minlength=len(vocab))
        n = len(texts)
        bound._idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        bound._default = float(np.log(1.0 + n) + 1.0)
        w = (1.0 + np.log(tf)) * bound._idf[pcol]
        norm = np.sqrt(np.bincount(prow, weights=w * w, minlength=len(distinct)))
        w = w / np.where(norm > 0, norm, 1.0)[prow]
        cuts = np.cumsum(np.bincount(prow, minlength=len(distinct)))[:-1]
        bound._rows = dict(
            zip(distinct, zip(np.split(pcol, cuts), np.split(w, cuts), strict=True), strict=True)
        )
        return bound

    def _weights(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Distinct columns of a text's word codes and their normalized weights."""
        cols, tf = np.unique(codes, return_counts=True)
        w = (1.0 + np.log(tf)) * self._idf[cols]
        norm = np.sqrt(np.sum(w * w))
        return cols, (w / norm if norm > 0 else w)

    def _row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        got = self._rows.get(text)
        if got is None:  # a text not met when bound: unknown words get the default idf
            words = _tokens(text)
            codes = np.array([self._vocab.setdefault(w, len(self._vocab)) for w in words])
            if len(self._vocab) > len(self._idf):
                grow = np.full(len(self._vocab) - len(self._idf), self._default)
                self._idf = np.concatenate([self._idf, grow])
            got = self._rows[text] = self._weights(codes.astype(np.int64))
        return got

    def self_similar(self, texts: list[str]) -> bool:
        """Whether each text scores 1 with itself (it has a word)."""
        return all(len(self._row(t)[0]) for t in texts)

    def matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """``len(a) x len(b)`` cosines, rounded to 6 decimals (0 where a side has no word)."""
        if not a or not b:
            return np.zeros((len(a), len(b)))
        scorer = self if self._bound else self.documents(a, b)
        ra, ca, va = _entries([scorer._row(t) for t in a])
        rb, cb, vb = _entries([scorer._row(t) for t in b])
        shared = np.intersect1d(ca, cb)  # only words on both sides add to a product
        out = np.zeros((len(a), len(b)))
        for lo in range(0, len(shared), _CHUNK):
            cols = shared[lo : lo + _CHUNK]
            out += _dense(len(a), ra, ca, va, cols) @ _dense(len(b), rb, cb, vb, cols).T
        return np.round(np.clip(out, 0.0, 1.0), 6)

    def __call__(self, a: str, b: str) -> float:
        return float(self.matrix([a], [b])[0, 0])


def _entries(rows: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, ...]:
    """Row numbers, columns and weights of the rows' entries, joined."""
    sizes = [len(c) for c, _ in rows]
    r = np.repeat(np.arange(len(rows)), sizes)
    if not r.size:
        return r, np.zeros(0, dtype=np.int64), np.zeros(0)
    return r, np.concatenate([c for c, _ in rows]), np.concatenate([v for _, v in rows])


def _dense(n: int, r: np.ndarray, c: np.ndarray, v: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The ``n x len(cols)`` matrix of the entries in the (sorted) columns ``cols``."""
    k = np.searchsorted(cols, c)
    keep = (k < len(cols)) & (cols[np.minimum(k, len(cols) - 1)] == c)
    m = np.zeros((n, len(cols)))
    m[r[keep], k[keep]] = v[keep]
    return m
