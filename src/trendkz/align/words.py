"""Content evidence of :func:`trendkz.align_sections`: TF-IDF cosines of section words.

Words are runs of two or more letters, lower-cased. For the n sections of a series the
counts come in two readings, each section's own text and its whole subtree, held as
sparse entries: parallel arrays ``rows, codes, tf`` (a row's entries together, in order of
first appearance in its text). :func:`cosines` weighs them (``1 + ln tf``, ``idf = ln((n +
1) / df)``) and returns the cosine of every pair of rows.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W\d_]{2,}")
_ASCII_TOKEN = re.compile(r"[a-z]{2,}")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
#: words in more sections than this are multiplied by BLAS, the rest pair by pair
_DENSE_DF = 24


def _words(text: str) -> list[str]:
    """The content words of ``text``: runs of two or more letters, lower-cased."""
    low = text.lower()
    if low.isascii() or not _NON_ASCII_LETTER.search(low):
        return _ASCII_TOKEN.findall(low)  # the same words, read faster
    return _TOKEN.findall(low)


def word_codes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The words of all texts as integers numbered in order of first appearance (flat),
    and how many words each text has. A text seen before is read once.

    The plain definition is ``word_codes`` in the tests' ``reference.py`` (a property test
    holds the two equal). The steps:

    1. :func:`distinct_texts`: each distinct text once, in order of first appearance;
    2. :func:`word_keys`: every word of those texts as an exact key of three int64 (its
       lower-case ASCII letters as bytes, read with numpy; any other word, with a
       non-ASCII letter or over 24 letters, a negative number of its own);
    3. :func:`number_keys`: one integer per distinct key, in order of first appearance;
    4. the codes of the distinct texts repeated for every text (:func:`_gather`).
    """
    distinct, which = distinct_texts(texts)
    keys, sizes = word_keys(distinct)
    codes = number_keys(keys)
    # distinct texts come in order of first appearance: so do their words' codes
    return _gather(codes, _starts(sizes)[which], sizes[which]), sizes[which]


def distinct_texts(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in order of first appearance, and where each text is in them."""
    first: dict[str, int] = {}
    which = np.fromiter(
        (first.setdefault(t, len(first)) for t in texts), dtype=np.int64, count=len(texts)
    )
    return list(first), which


def word_keys(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The key of every word of the texts (``n_words x 3`` int64, texts in order, words in
    order) and how many words each text has. Texts of ASCII words up to 24 letters are
    read with numpy (:func:`_ascii_words`), the others word by word (:func:`_word_key`)."""
    keys, sizes, done = _ascii_words(texts)
    if done.all():
        return keys, sizes
    other: dict[str, int] = {}  # words that are not ASCII keys: numbered as met
    seen: dict[str, tuple] = {}
    lists = [
        [seen.get(w) or seen.setdefault(w, _word_key(w, other)) for w in _words(t)]
        for t, ok in zip(texts, done.tolist(), strict=True)
        if not ok
    ]
    sizes[~done] = [len(w) for w in lists]
    # the slow texts' words go where their texts are; the numpy keys fill the rest
    where = _gather(np.arange(int(sizes.sum())), _starts(sizes)[~done], sizes[~done])
    every = np.empty((int(sizes.sum()), 3), dtype=np.int64)
    every[np.setdiff1d(np.arange(len(every)), where, assume_unique=True)] = keys
    every[where] = np.array(list(chain.from_iterable(lists)), dtype=np.int64).reshape(-1, 3)
    return every, sizes


def number_keys(keys: np.ndarray) -> np.ndarray:
    """One integer per distinct row of ``keys`` (``n x 3`` int64), numbered from 0 in
    order of first appearance: by the first 8 letters, then the rest (rows whose second
    part is 0 have a third part of 0 too)."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    key = pd.factorize(keys[:, 0], sort=False)[0].astype(np.int64)
    longer = keys[:, 1] != 0
    if longer.any():
        k2 = pd.factorize(keys[longer, 1], sort=False)[0].astype(np.int64)
        k3 = pd.factorize(keys[longer, 2], sort=False)[0].astype(np.int64)
        rest = pd.factorize(k2 * (int(k3.max()) + 1) + k3, sort=False)[0]
        key[longer] = (int(key.max()) + 1) + key[longer] * (int(rest.max()) + 1) + rest
    return pd.factorize(key, sort=False)[0].astype(np.int64)


_WIDTH = 24  # letters a word key holds (three 8-byte numbers)


def _word_key(word: str, other: dict[str, int]) -> tuple[int, int, int]:
    """The key of a word as :func:`_ascii_words` makes it (other words: negative)."""
    if word.isascii() and word.isalpha() and len(word) <= _WIDTH:
        raw = word.encode().ljust(_WIDTH, b"\0")
        a, b, c = (
            int.from_bytes(raw[k : k + 8], "little", signed=True) for k in range(0, _WIDTH, 8)
        )
        return a, b, c
    return (-1 - other.setdefault(word, len(other)), 0, 0)


def _ascii_words(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Words of the texts without non-ASCII letters, read with numpy: runs of two or more
    ASCII letters, lower-cased (as ``_words`` reads them), each as the three 8-byte
    numbers of its letters (zero-padded); the words per text; which texts were read
    (not: a non-ASCII letter, a word over 24 letters)."""
    done = np.array([t.isascii() or not _NON_ASCII_LETTER.search(t) for t in texts], dtype=bool)
    sizes = np.zeros(len(texts), dtype=np.int64)
    if not done.any():
        return np.zeros((0, 3), dtype=np.int64), sizes, done
    picked = np.flatnonzero(done)
    # one byte per character ("?" for any non-ASCII one, no letter); "\n" between texts
    c = np.frombuffer(
        "\n".join([texts[i] for i in picked.tolist()]).encode("ascii", "replace"), dtype=np.uint8
    )
    letter = ((c >= 65) & (c <= 90)) | ((c >= 97) & (c <= 122))
    edge = np.diff(np.concatenate([[0], letter.view(np.int8), [0]]))
    start, end = np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)
    keep = end - start >= 2
    start, length = start[keep], (end - start)[keep]
    bounds = np.cumsum([0] + [len(texts[i]) + 1 for i in picked.tolist()])
    owner = np.searchsorted(bounds, start, "right") - 1
    too_long = np.unique(owner[length > _WIDTH])
    if len(too_long):  # such texts are read word by word
        done[picked[too_long]] = False
        keep = ~np.isin(owner, too_long)
        start, length, owner = start[keep], length[keep], owner[keep]
    window = np.lib.stride_tricks.sliding_window_view(
        np.concatenate([c, np.zeros(_WIDTH, dtype=np.uint8)]), _WIDTH
    )
    letters = (window[start] | 0x20) & _MASKS[length]  # lower case, zero-padded
    sizes[picked] = np.bincount(owner, minlength=len(picked))
    return letters.view(np.int64), sizes, done


#: row n: 0xff for the first n bytes of a word key, 0 after
_MASKS = np.where(np.arange(_WIDTH) < np.arange(_WIDTH + 1)[:, None], 0xFF, 0).astype(np.uint8)


def _starts(sizes: np.ndarray) -> np.ndarray:
    return np.cumsum(sizes) - sizes


def _gather(values: np.ndarray, starts: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """``values[starts[0]:starts[0] + sizes[0]]``, then the next range, ... joined."""
    total = int(sizes.sum())
    return values[np.repeat(starts - _starts(sizes), sizes) + np.arange(total)]


def count_entries(
    codes: np.ndarray, sizes: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of the codes of each row (``sizes[i]`` codes each, in row order) as entries
    ``rows, codes, tf``: each row's distinct codes in order of first appearance, as
    ``Counter`` would list them."""
    rows = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    return _summed(rows, codes, np.ones(len(codes)))


def _summed(
    rows: np.ndarray, codes: np.ndarray, tf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries with the same row and code summed, in order of first appearance."""
    if not len(codes):
        return rows, codes, tf
    v = int(codes.max()) + 1
    label, uniq = pd.factorize(rows * v + codes, sort=False)
    return uniq // v, uniq % v, np.bincount(label, weights=tf, minlength=len(uniq))


def subtree_entries(
    own: tuple[np.ndarray, np.ndarray, np.ndarray], parent: list[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Word counts of each row's subtree (its own words and every descendant's) from the
    rows' own entries; a row's codes in the order of ``Counter(own)`` updated with the
    children's subtrees, last child first (the order fixes the columns, hence the exact
    floats)."""
    rows, codes, tf = own
    n = len(parent)
    if any(p >= i for i, p in enumerate(parent)):  # a child before its parent
        sub: list[Counter] = [Counter() for _ in range(n)]
        for r, c, k in zip(rows.tolist(), codes.tolist(), tf.tolist(), strict=True):
            sub[r][c] = k
        for i in range(n - 1, -1, -1):
            if parent[i] >= 0:
                sub[parent[i]].update(sub[i])
        return _from_counters(sub)
    children: list[list[int]] = [[] for _ in range(n)]  # last child first
    size = [1] * n
    for i in range(n - 1, -1, -1):
        if parent[i] >= 0:
            children[parent[i]].append(i)
            size[parent[i]] += size[i]
    # pre-order, last child first: every subtree is a run of rows, its entries one slice
    # (first appearances in the joined entries are those in the joined words)
    order: list[int] = []
    stack = [i for i in range(n - 1, -1, -1) if parent[i] < 0]
    while stack:
        i = stack.pop()
        order.append(i)
        stack.extend(reversed(children[i]))
    order_a = np.array(order, dtype=np.int64)
    sizes = np.bincount(rows, minlength=n)
    take = _gather(np.arange(len(rows)), _starts(sizes)[order_a], sizes[order_a])
    bounds = np.concatenate([[0], np.cumsum(sizes[order_a])])
    at = np.empty(n, dtype=np.int64)
    at[order_a] = np.arange(n)
    size_a = np.array(size, dtype=np.int64)
    inner = np.flatnonzero(size_a > 1)  # a leaf's subtree is its own text
    lo, hi = bounds[at[inner]], bounds[at[inner] + size_a[inner]]
    pick = take[_gather(np.arange(len(take)), lo, hi - lo)]
    merged = _summed(np.repeat(inner, hi - lo), codes[pick], tf[pick])
    leaf = np.ones(n, dtype=bool)
    leaf[inner] = False
    keep = leaf[rows]
    out = [np.concatenate([x[keep], y]) for x, y in zip(own, merged, strict=True)]
    by_row = np.argsort(out[0], kind="stable")
    return out[0][by_row], out[1][by_row], out[2][by_row]


def _from_counters(counts: list[Counter]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Entries ``rows, codes, tf`` of a list of Counters of integers."""
    sizes = [len(c) for c in counts]
    total = sum(sizes)
    rows = np.repeat(np.arange(len(counts), dtype=np.int64), sizes)
    codes = np.fromiter(chain.from_iterable(counts), dtype=np.int64, count=total)
    tf = np.fromiter(chain.from_iterable(c.values() for c in counts), dtype=np.float64, count=total)
    return rows, codes, tf


def cosines(
    n: int, rows: np.ndarray, codes: np.ndarray, tf: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cosines of the TF-IDF vectors of the n rows' entries (float32 weights, float64
    sums, float32 result rounded to 6 decimals): ``cos, rep, has``, the cosine of rows
    ``i, j`` being ``cos[rep[i], rep[j]]``; ``has``: which rows have words.

    Rows with the same entries (a text repeated from year to year) have the same vector,
    numbered ``rep``: the products are computed for the distinct vectors only."""
    cols, uniques = pd.factorize(codes, sort=False)
    cols = cols.astype(np.int64)
    df = np.bincount(cols, minlength=len(uniques))
    idf = np.log((1.0 + n) / df)  # a term in every section weighs (almost) nothing
    w = (1.0 + np.log(tf)) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=w * w, minlength=n))
    keep = df[cols] >= 2  # a term of one section only never adds to a dot product
    rep = _distinct_rows(n, rows, cols, tf)
    first = np.zeros(n, dtype=bool)
    first[np.unique(rep, return_index=True)[1]] = True
    keep &= first[rows]
    rows_k, cols_k = rep[rows[keep]], cols[keep]
    vals = (w[keep] / norms[rows[keep]]).astype(np.float32).astype(np.float64)
    u = int(rep.max()) + 1 if n else 0
    cos = _gram(u, rows_k, cols_k, vals, df[cols_k] > _DENSE_DF)
    return cos, rep, norms > 0


def _distinct_rows(n: int, rows: np.ndarray, cols: np.ndarray, tf: np.ndarray) -> np.ndarray:
    """For each row, the number of the first row with the same entries (in order of
    first appearance, 0-based)."""
    bounds = (np.searchsorted(rows, np.arange(n + 1)) * 8).tolist()  # in bytes
    c, t = cols.astype(np.int64).tobytes(), tf.astype(np.float64).tobytes()
    seen: dict[bytes, int] = {}
    return np.fromiter(
        (
            seen.setdefault(c[a:b] + t[a:b], len(seen))
            for a, b in zip(bounds, bounds[1:], strict=False)
        ),
        dtype=np.int64,
        count=n,
    )


#: rows of the gram matrix computed by one BLAS call
_BLOCK = 2048


def _gram(
    n: int, rows: np.ndarray, cols: np.ndarray, vals: np.ndarray, dense: np.ndarray
) -> np.ndarray:
    """``M @ M.T`` for the sparse ``n x k`` matrix ``M[rows, cols] = vals``: summed in
    float64, returned as float32 rounded to 6 decimals.

    Columns flagged ``dense`` (words in many sections) go through one BLAS product; the
    others add their few pairs with ``bincount``. The products of float32 weights are
    exact in float64 and the sums carry errors near 1e-16, so once rounded to float32 the
    result no longer depends on how BLAS splits the work (threads, CPU): a float32 product
    did, in about 1 of 4,000 cosines after rounding to 6 decimals. The upper triangle is
    computed one block of rows at a time, in float64, then rounded and mirrored: only the
    float32 result is held whole (a 20,000-section series: 1.6 GB, not 3.2 + 1.6).
    """
    used = np.zeros(int(cols.max()) + 1 if len(cols) else 0, dtype=bool)
    used[cols[dense]] = True
    dense_col = (np.cumsum(used) - 1)[cols[dense]]  # the dense words, in column order
    m = np.zeros((n, int(used.sum())))
    m[rows[dense], dense_col] = vals[dense]
    pairs, sums, diag = _sparse_pairs(n, rows[~dense], cols[~dense], vals[~dense])
    out = np.empty((n, n), dtype=np.float32)
    for lo in range(0, n, _BLOCK):  # row blocks: bounded BLAS calls (one huge m @ m.T
        hi = min(lo + _BLOCK, n)  # crashed OpenBLAS' syrk); the upper triangle, mirrored
        block, w = m[lo:hi] @ m[lo:].T, hi - lo
        block[:, :w] = block[:, :w].T.copy()  # the block's own square, as its mirror
        a, b = np.searchsorted(pairs, [lo * n, hi * n])
        i, j = np.divmod(pairs[a:b], n)  # i < j
        block[i - lo, j - lo] += sums[a:b]
        inside = j < hi  # both in the square: added to both sides there
        block[j[inside] - lo, i[inside] - lo] += sums[a:b][inside]
        block[np.arange(w), np.arange(w)] += diag[lo:hi]
        out[lo:hi, lo:] = np.round(block.astype(np.float32), 6)
        out[hi:, lo:hi] = out[lo:hi, hi:].T
    return out


def _sparse_pairs(
    n: int, r: np.ndarray, c: np.ndarray, v: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The products of the sparse entries that share a column, summed per pair of rows
    ``i < j``, and each row's squares: ``(pairs, sums, diag)``, pairs as ``i * n + j``,
    ascending."""
    # rows ascending within each column (small numbers sort by radix: the same order)
    order = np.argsort(c.astype(np.uint16) if len(c) and c.max() < 1 << 16 else c, kind="stable")
    r, c, v = r[order], c[order], v[order]
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]]) if len(c) else np.zeros(0, int)
    sizes = np.diff(np.r_[starts, len(c)])
    # each entry pairs with the later entries of its column (one triangle)
    reps = np.repeat(starts + sizes, sizes) - np.arange(len(c)) - 1
    left = np.repeat(np.arange(len(c)), reps)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(reps) - reps, reps)
    # summed per pair in input order (as bincount would)
    lo, hi = np.minimum(r[left], r[right]), np.maximum(r[left], r[right])
    key = lo * n + hi  # rows come ascending (cosines): lo is r[left]
    by = np.argsort(key, kind="stable")
    key, w = key[by], (v[left] * v[right])[by]
    first = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, int)
    diag = np.bincount(r, weights=v * v, minlength=n)  # in column order, as before
    return key[first], (np.add.reduceat(w, first) if len(key) else w), diag
