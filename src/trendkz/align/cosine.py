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
import pandas as pd

__all__ = ["TfidfCosine"]

_WORD = re.compile(r"[^\W_]+")
#: columns multiplied at once (bounds the memory of one product)
_CHUNK = 4096
#: a column with more pairs of entries than this is multiplied by BLAS, the others pair by pair
_DENSE_PAIRS = 16


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _token_codes(texts: list[str], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """The words of all texts as their numbers in ``vocab`` (new words join it), flat, and
    how many words each text has: one regex pass over the texts joined by a marker word
    found in none of them."""
    if not texts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    lower = "\n".join(texts).lower()
    mark = "zq0"
    while mark in lower:
        mark += "0"
    words = _WORD.findall(f" {mark} ".join(texts).lower())
    # (lower-casing never moves the marker: it is lower-case ASCII between spaces)
    if not vocab:  # numbered by first appearance, at C speed
        codes, uniques = pd.factorize(np.array(words, dtype=object), sort=False)
        vocab.update(zip(uniques.tolist(), range(len(uniques)), strict=True))
        codes = codes.astype(np.int64)
    else:
        codes = np.fromiter(
            (vocab.setdefault(w, len(vocab)) for w in words), dtype=np.int64, count=len(words)
        )
    is_mark = codes == vocab.get(mark, -1)
    ends = np.r_[np.flatnonzero(is_mark), len(codes)]
    sizes = np.diff(np.r_[-1, ends]) - 1
    return codes[~is_mark], sizes


class TfidfCosine:
    """Cosine of TF-IDF vectors of two sentences' words, in [0, 1].

    ``TfidfCosine()`` is a scorer for :func:`trendkz.align_sentences`
    (``scorer=trendkz.TfidfCosine()``); it also works as a plain callable ``(a, b) ->
    similarity`` (idf over ``a`` and ``b`` alone, so a word they share weighs little).
    It carries the thresholds measured for it, ``min_similarity`` and ``min_moved``,
    which ``align_sentences`` uses unless given others. The plain definition is
    ``tfidf_sentence_cosines`` in the tests' ``reference.py``.
    """

    #: in order, a pair needs this to be the same sentence, changed (measured: RESULTS.md)
    min_similarity = 0.4
    #: out of order or across groups, a pair needs this to be moved
    min_moved = 0.65

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._idf = np.zeros(0)
        self._default = 1.0  # the idf of a word none of the documents' sentences has
        self._index: dict[str, int] = {}  # text: its row
        # the rows' entries: columns and normalized weights, row k in start[k]:start[k+1]
        self._cols = np.zeros(0, dtype=np.int64)
        self._vals = np.zeros(0)
        self._start = np.zeros(1, dtype=np.int64)
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
        prow, pcol, tf = bound._counts(distinct)
        mult = np.fromiter(times.values(), dtype=np.float64, count=len(distinct))
        df = np.bincount(pcol, weights=mult[prow], minlength=len(bound._vocab))
        n = len(texts)
        bound._idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        bound._default = float(np.log(1.0 + n) + 1.0)
        bound._append(distinct, prow, pcol, tf)
        return bound

    def _counts(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Entries ``row, column, count`` of the texts' words (rows numbered from 0, sorted
        by row then column); new words join the vocabulary."""
        flat, sizes = _token_codes(texts, self._vocab)
        vocab = self._vocab
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
        v = max(len(vocab), 1)
        pairs, tf = np.unique(rows * v + flat, return_counts=True)
        return pairs // v, pairs % v, tf

    def _append(self, texts: list[str], prow: np.ndarray, pcol: np.ndarray, tf) -> None:
        """Add the rows of new texts (their entries from :meth:`_counts`)."""
        if len(self._vocab) > len(self._idf):  # words no sentence had when bound
            grow = np.full(len(self._vocab) - len(self._idf), self._default)
            self._idf = np.concatenate([self._idf, grow])
        w = (1.0 + np.log(tf)) * self._idf[pcol]
        norm = np.sqrt(np.bincount(prow, weights=w * w, minlength=len(texts)))
        w = w / np.where(norm > 0, norm, 1.0)[prow]
        first = len(self._index)
        self._index.update(zip(texts, range(first, first + len(texts)), strict=True))
        counts = np.bincount(prow, minlength=len(texts))
        self._start = np.concatenate([self._start, self._start[-1] + np.cumsum(counts)])
        self._cols = np.concatenate([self._cols, pcol])
        self._vals = np.concatenate([self._vals, w])

    def _rows(self, texts: list[str]) -> np.ndarray:
        """The row of each text (texts not met yet are added: unknown words weigh as a
        word of no sentence)."""
        new = [t for t in dict.fromkeys(texts) if t not in self._index]
        if new:
            self._append(new, *self._counts(new))
        return np.fromiter((self._index[t] for t in texts), dtype=np.int64, count=len(texts))

    def _entries(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Local row numbers, columns and weights of the entries of ``rows``, joined."""
        lo, sizes = self._start[rows], self._start[rows + 1] - self._start[rows]
        total = int(sizes.sum())
        offsets = np.cumsum(sizes) - sizes
        at = np.repeat(lo - offsets, sizes) + np.arange(total)
        return np.repeat(np.arange(len(rows)), sizes), self._cols[at], self._vals[at]

    def self_similar(self, texts: list[str]) -> bool:
        """Whether each text scores 1 with itself (it has a word)."""
        rows = self._rows(texts)
        return bool((self._start[rows + 1] > self._start[rows]).all())

    def matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        """``len(a) x len(b)`` cosines, rounded to 6 decimals (0 where a side has no word)."""
        if not a or not b:
            return np.zeros((len(a), len(b)))
        scorer = self if self._bound else self.documents(a, b)
        ra, ca, va = scorer._entries(scorer._rows(a))
        rb, cb, vb = scorer._entries(scorer._rows(b))
        # only words on both sides add to a product: they are the columns, numbered
        v = len(scorer._vocab)
        on_a, on_b = np.zeros(v, dtype=bool), np.zeros(v, dtype=bool)
        on_a[ca] = True
        on_b[cb] = True
        shared = np.flatnonzero(on_a & on_b)
        column = np.full(v, -1, dtype=np.int64)
        column[shared] = np.arange(len(shared))
        ka, kb = column[ca], column[cb]
        out = _product(len(a), ra, ka, va, len(b), rb, kb, vb, len(shared))
        return np.round(np.clip(out, 0.0, 1.0), 6)

    def __call__(self, a: str, b: str) -> float:
        return float(self.matrix([a], [b])[0, 0])


def _product(n_a, ra, ka, va, n_b, rb, kb, vb, k: int) -> np.ndarray:
    """``A @ B.T`` of the sparse ``n_a x k`` matrix ``A[ra, ka] = va`` (entries with
    ``ka == -1`` left out) and ``B`` alike, in float64.

    Columns with many pairs (words in many sentences on both sides) go through BLAS, in
    chunks; the others add their few pairs with ``bincount``."""
    ia, ib = np.flatnonzero(ka >= 0), np.flatnonzero(kb >= 0)
    na = np.bincount(ka[ia], minlength=k)
    nb = np.bincount(kb[ib], minlength=k)
    dense = na * nb > _DENSE_PAIRS
    out = np.zeros((n_a, n_b))
    cols = np.flatnonzero(dense)
    if len(cols):
        where = np.full(k, -1, dtype=np.int64)
        where[cols] = np.arange(len(cols))
        da, db = where[ka[ia]], where[kb[ib]]
        for lo in range(0, len(cols), _CHUNK):
            hi = min(lo + _CHUNK, len(cols))
            left = _dense(n_a, ra[ia], da, va[ia], lo, hi)
            out += left @ _dense(n_b, rb[ib], db, vb[ib], lo, hi).T
    ia, ib = ia[~dense[ka[ia]]], ib[~dense[kb[ib]]]
    if len(ia) and len(ib):
        ib = ib[np.argsort(kb[ib], kind="stable")]  # b's entries by column
        start = np.cumsum(nb * ~dense) - nb * ~dense  # where each column's run begins
        reps = nb[ka[ia]]  # each a entry meets every b entry of its column
        left = np.repeat(ia, reps)
        offset = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        right = ib[np.repeat(start[ka[ia]], reps) + offset]
        out += np.bincount(
            ra[left] * n_b + rb[right], weights=va[left] * vb[right], minlength=n_a * n_b
        ).reshape(n_a, n_b)
    return out


def _dense(n: int, r: np.ndarray, k: np.ndarray, v: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The ``n x (hi - lo)`` matrix of the entries in columns ``lo..hi`` (``k``: each
    entry's column, -1 for none)."""
    keep = (k >= lo) & (k < hi)
    m = np.zeros((n, hi - lo))
    m[r[keep], k[keep] - lo] = v[keep]
    return m
