"""Sentence by sentence across consecutive years: ``align_sentences``.

Within each group (see :func:`trendkz.align_sections`), the group's text in a document is
the text :func:`trendkz.group_texts` gives (its sections joined in reading order) and its
sentences are :func:`trendkz.segment.sentences.sentence_spans` of that text: the rule-based
splitter of trendkz, which keeps exact offsets, needs no model, and does not break after
abbreviations ("U.S.", "Dec.", "No."), initials or inside decimals ("2.5"). Sentence
numbers (``sentence_from``, ``sentence_to``) are 0-based positions in that list.

For every pair of consecutive documents of a series (year and date order), and every group:

1. a similarity matrix of the two years' sentences; the default scorer is
   :class:`trendkz.TfidfCosine` (cosine of the words' TF-IDF vectors, idf over the two
   documents' sentences), measured against ``fuzz.ratio``, ``token_set_ratio`` and word
   embeddings on hand-labelled rewordings and look-alikes (benchmarks/RESULTS.md); a
   sentence is ``same`` only when its text is equal, so a changed quotation mark counts;
2. an order-keeping assignment: the monotone matching (no two pairs cross) of pairs
   scoring at least ``min_similarity`` that maximizes the total similarity (a weighted
   longest common subsequence, one numpy pass per row): ``same`` when the texts are
   equal, else ``changed``;
3. ``moved``: pairs left over that score at least ``min_moved``, best first, first within
   the group (they cross the order kept in step 2), then across all groups of the two
   documents (``group_to`` then names the other group);
4. what is left is ``removed`` (only in ``year_from``) or ``added`` (only in ``year_to``).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain
from operator import lt

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from .._core import schema
from .._core.errors import check_unit
from .._core.vocab import ADDED, CHANGED, MOVED, REMOVED, SAME
from ..segment.sentences import sentence_texts
from .cosine import TfidfCosine
from .scores import _scale, check_scorer, scorer_matrix
from .sections import joined_texts

__all__ = ["MIN_MOVED", "MIN_SIMILARITY", "STATUSES", "THRESHOLDS", "align_sentences", "thresholds"]

#: ``min_similarity`` of a scorer that states none: under it a pair is not "the same
#: sentence, changed" (the default scorer, TfidfCosine, states its own)
MIN_SIMILARITY = 0.6
#: ``min_moved`` of a scorer that states none: out of order (or across groups) a pair needs
#: this to be "moved"
MIN_MOVED = 0.8
#: ``(min_similarity, min_moved)`` measured for each scorer on the sentence-pair gold
#: (benchmarks/RESULTS.md); other scorers get ``(MIN_SIMILARITY, MIN_MOVED)`` unless they
#: carry their own as attributes ``min_similarity`` and ``min_moved`` (as TfidfCosine does)
THRESHOLDS: dict[object, tuple[float, float]] = {
    fuzz.ratio: (MIN_SIMILARITY, MIN_MOVED),
    Indel.normalized_similarity: (MIN_SIMILARITY, MIN_MOVED),
    fuzz.token_set_ratio: (0.65, 0.9),
}
#: the values of ``status``
STATUSES = (SAME, CHANGED, MOVED, ADDED, REMOVED)
#: Indel similarities (normalized by the summed length), which allow a length filter
_INDEL = {fuzz.ratio: 100.0, Indel.normalized_similarity: 1.0}  # and their best score
#: rows compared at once by :func:`_moved_matrix`
_BAND = 64


def thresholds(scorer: object) -> tuple[float, float]:
    """``(min_similarity, min_moved)`` by default for ``scorer`` (see :data:`THRESHOLDS`)."""
    try:
        known = THRESHOLDS.get(scorer)
    except TypeError:  # an unhashable callable
        known = None
    if known is not None:
        return known
    return (
        float(getattr(scorer, "min_similarity", MIN_SIMILARITY)),
        float(getattr(scorer, "min_moved", MIN_MOVED)),
    )


def monotone_matching(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """Non-crossing pairs ``(i, j)`` with ``sim >= threshold`` of the largest total.

    A weighted longest common subsequence: ``best[i, j] = max(best[i-1, j],
    best[i, j-1], best[i-1, j-1] + w[i, j])``, computed a row at a time (the left-to-right
    dependency is a running maximum). Ties prefer the earlier pairs (deterministic).
    """
    n, m = sim.shape
    if not n or not m:
        return []
    if threshold >= 1e-6:  # every candidate pair compatible: they are the matching
        rows, cols = (x.tolist() for x in np.nonzero(sim >= threshold))
        if all(map(lt, rows, rows[1:])) and all(map(lt, cols, cols[1:])):
            return list(zip(rows, cols, strict=True))
    return weighted_lcs(sim, threshold)


def weighted_lcs(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """:func:`monotone_matching` by the dynamic programme alone (no fast path)."""
    n, m = sim.shape
    w = np.where(sim >= threshold, sim, 0.0)
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        take = np.maximum(best[i - 1, 1:], best[i - 1, :-1] + w[i - 1])
        best[i, 1:] = np.maximum.accumulate(take)
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _greedy(sim: np.ndarray, threshold: float, used_a: set, used_b: set) -> list[tuple[int, int]]:
    """Best-first one-to-one pairs over ``threshold`` among unused rows and columns."""
    if not sim.size:
        return []
    rows, cols = np.nonzero(sim >= threshold)
    if not len(rows):
        return []
    order = np.lexsort((cols, rows, -sim[rows, cols]))
    out = []
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def _moved_matrix(a: list[str], b: list[str], scorer, cutoff: float) -> np.ndarray:
    """``scorer_matrix(a, b, scorer, cutoff=cutoff)``, scoring only pairs that may reach it.

    With an Indel similarity (``fuzz.ratio``, the default), two texts score at most
    ``2 s / (m + n)`` where ``m, n`` are their lengths and ``s`` the characters they share
    (counted per character, an upper bound of their longest common subsequence). Rows are
    taken by length in blocks of ``_BAND``; a pair is scored only when its lengths and
    shared characters allow the cutoff; every other pair is 0, as the cutoff would make it.
    """
    if scorer not in _INDEL or cutoff <= 0 or len(a) * len(b) <= 256:
        return scorer_matrix(a, b, scorer, cutoff=cutoff)
    scale = _INDEL[scorer]
    score_cutoff = cutoff * scale * (1 - 1e-6)  # as scorer_matrix
    reach = (2.0 - cutoff) / cutoff  # lengths further apart than this factor never reach
    ca, la = _char_counts(a)
    cb, lb = _char_counts(b)
    oa, ob = np.argsort(la, kind="stable"), np.argsort(lb, kind="stable")
    # texts by length (blocks are slices), characters found on both sides, one per row
    used = ca.any(0) & cb.any(0)
    ca, cb = np.ascontiguousarray(ca[oa][:, used].T), np.ascontiguousarray(cb[ob][:, used].T)
    la, lb = la[oa], lb[ob]
    pick_a, pick_b = [], []
    for k in range(0, len(a), _BAND):
        k1 = min(k + _BAND, len(a))
        j0 = np.searchsorted(lb, la[k] / reach - 1, "left")
        j1 = np.searchsorted(lb, la[k1 - 1] * reach + 1, "right")
        if j1 <= j0:
            continue
        # (counts fit int16 only when every text is shorter than 2**15: so do their sums)
        shared = (
            np.minimum(ca[:, k:k1, None], cb[:, None, j0:j1])
            .sum(0, dtype=ca.dtype)
            .astype(np.int64)
        )
        r, c = np.nonzero(2 * shared + 1 > cutoff * (la[k:k1, None] + lb[None, j0:j1]))
        pick_a.append(oa[k + r])
        pick_b.append(ob[j0 + c])
    out = np.zeros((len(a), len(b)))
    if pick_a:
        ia, ib = np.concatenate(pick_a), np.concatenate(pick_b)
        if len(ia):  # as scorer_matrix(..., cutoff=cutoff) would score these pairs
            m = process.cpdist(
                np.array(a, dtype=object)[ia],
                np.array(b, dtype=object)[ib],
                scorer=scorer,
                dtype=np.float64,
                workers=1,
                score_cutoff=score_cutoff,
            )
            out[ia, ib] = m / scale  # (scores lie in 0..scale)
    return out


def _char_counts(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per text: counts of each printable ASCII character (one more column for all other
    characters together), and the lengths."""
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    column = np.where((codes >= 32) & (codes < 127), codes.astype(np.int64) - 32, 95)
    rows = np.repeat(np.arange(len(texts), dtype=np.int64), lens)
    counts = np.bincount(rows * 96 + column, minlength=len(texts) * 96).reshape(-1, 96)
    return counts.astype(np.int16 if lens.max(initial=0) < 32768 else np.int64), lens


def _fill(value: object) -> object:
    return "" if schema.is_missing(value) else value


def _order(row: dict) -> tuple:
    """Sort key of group_texts: entity, series (missing first), group, year, date, doc_id."""
    return tuple(
        (0, "") if schema.is_missing(row[c]) else (1, row[c]) for c in ("entity", "series")
    ) + (
        row["group"],
        row["year"],
        _fill(row["date"]),
        row["doc_id"],
    )


def _same_text(a: str, b: str) -> bool:
    """Equal but for white space (the words of a split never hold white space, so equal
    lists of words are equal texts once joined by single spaces)."""
    return a == b or a.split() == b.split()


def _self_similar(scorer, texts: list[str]) -> bool:
    """Whether ``scorer`` surely scores each of ``texts`` 1 with itself."""
    if isinstance(scorer, TfidfCosine):
        return scorer.self_similar(texts)
    return scorer in _INDEL


def _scores(a: list[str], b: list[str], scorer, scale: float | None, cutoff: float) -> np.ndarray:
    """``scorer_matrix(a, b, scorer, cutoff=cutoff)``; ``scale``: that of a rapidfuzz
    scorer, whose matrix is asked for directly (many small matrices)."""
    if scale is None:
        return scorer_matrix(a, b, scorer, cutoff=cutoff)
    score_cutoff = cutoff * scale * (1 - 1e-6) if cutoff > 0 else None  # None: rapidfuzz's default
    m = process.cdist(a, b, scorer=scorer, dtype=np.float64, workers=1, score_cutoff=score_cutoff)
    if scale != 1.0:  # (scores lie in 0..scale: already in [0, 1] once divided)
        m /= scale
    return m


def _pair_rows(
    sa: dict, sb: dict, groups: list, scorer, min_sim: float, min_moved: float
) -> list[tuple]:
    """Rows (group, sentence_from, sentence_to, group_to, text_from, text_to, sim, status)
    for one pair of documents; ``sa``/``sb``: group -> list of sentences."""
    rows: list[tuple] = []
    left_a, left_b = [], []
    scale: float | None = -1.0  # not known until a matrix is needed
    for g in groups:
        a, b = sa.get(g, []), sb.get(g, [])
        if not a or not b:  # nothing to pair in the group
            left_a += [(g, i) for i in range(len(a))]
            left_b += [(g, j) for j in range(len(b))]
            continue
        if a == b and len(set(a)) == len(a) and _self_similar(scorer, a):
            # unchanged text: each sentence scores 1 with itself, so the matching of the
            # largest total is the diagonal (no other n pairs that do not cross exist)
            rows += [(g, i, i, g, t, t, 1.0, SAME) for i, t in enumerate(a)]
            continue
        if scale == -1.0:
            scale = _scale(scorer)
        sim = _scores(a, b, scorer, scale, min(min_sim, min_moved))
        pairs = monotone_matching(sim, min_sim)
        used_a, used_b = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, j in pairs:
            x, y = a[i], b[j]
            rows.append(
                (g, i, j, g, x, y, sim[i, j], SAME if x == y or _same_text(x, y) else CHANGED)
            )
        for i, j in _greedy(sim, min_moved, used_a, used_b):
            rows.append((g, i, j, g, a[i], b[j], sim[i, j], MOVED))
        left_a += [(g, i) for i in range(len(a)) if i not in used_a]
        left_b += [(g, j) for j in range(len(b)) if j not in used_b]
    sim = _moved_matrix(
        [sa[g][i] for g, i in left_a], [sb[g][j] for g, j in left_b], scorer, min_moved
    )
    used_a, used_b = set(), set()
    for p, q in _greedy(sim, min_moved, used_a, used_b):
        (g, i), (h, j) = left_a[p], left_b[q]
        rows.append((g, i, j, h, sa[g][i], sb[h][j], sim[p, q], MOVED))
    for p, (g, i) in enumerate(left_a):
        if p not in used_a:
            rows.append((g, i, None, None, sa[g][i], None, np.nan, REMOVED))
    for q, (h, j) in enumerate(left_b):
        if q not in used_b:
            rows.append((h, None, j, h, None, sb[h][j], np.nan, ADDED))
    return rows


def align_sentences(
    sections: pd.DataFrame,
    alignment: pd.DataFrame,
    *,
    scorer: Callable | TfidfCosine | None = None,
    min_similarity: float | None = None,
    min_moved: float | None = None,
) -> pd.DataFrame:
    """Align the sentences of every group between consecutive documents of its series.

    Parameters
    ----------
    sections
        The frame :func:`trendkz.split_sections` returns.
    alignment
        The frame :func:`trendkz.align_sections` returns for these sections.
    scorer
        Sentence similarity: a rapidfuzz similarity (its 0..100 scale is read from the
        scorer), :class:`trendkz.TfidfCosine` (idf over the two documents' sentences), or
        any callable ``(a, b) -> similarity`` in [0, 1] (values a hair outside are
        clipped, others are an OptionError). Default :class:`trendkz.TfidfCosine`
        (``rapidfuzz.fuzz.ratio`` before; both measured in benchmarks/RESULTS.md).
    min_similarity
        In order, a pair needs at least this to count as the same sentence. Default: the
        one measured for the scorer (:func:`thresholds`; 0.4 for TfidfCosine, 0.6 for
        ``fuzz.ratio``).
    min_moved
        Out of order or across groups, a pair needs at least this to count as moved.
        Default: the one measured for the scorer (0.65 for TfidfCosine, 0.8 for
        ``fuzz.ratio``).

    Returns
    -------
    DataFrame
        One row per sentence of ``year_from`` (``same``, ``changed``, ``moved`` or
        ``removed``) and per sentence of ``year_to`` without a counterpart (``added``),
        with columns ``entity, series, group`` (the group of the ``from`` sentence, of the
        ``to`` sentence when added), ``year_from, year_to, date_from, date_to, doc_from, doc_to``,
        ``sentence_from, sentence_to`` (0-based numbers of the sentences in the group's
        text of that document, see :func:`trendkz.group_texts`; missing when added /
        removed), ``group_to`` (the group of the ``to`` sentence: another group when a
        sentence moved between groups; missing when removed), ``text_from, text_to``,
        ``similarity`` (in [0, 1]; missing when added or removed) and ``status``.

    Examples
    --------
    >>> import trendkz
    >>> sections = trendkz.split_sections(trendkz.datasets.kazakhstan())
    >>> sentences = trendkz.align_sentences(sections, trendkz.align_sections(sections))
    >>> row = sentences.query("year_from == 2017 and status == 'changed'").iloc[0]
    >>> row["text_from"][:38], row["text_to"][:38]
    ('Legislation, Law Enforcement, and Bord', 'Legislation, Law Enforcement, and Bord')
    """
    scorer = TfidfCosine() if scorer is None else check_scorer(scorer)
    default_sim, default_moved = thresholds(scorer)
    min_sim = check_unit(
        "min_similarity", default_sim if min_similarity is None else min_similarity
    )
    moved = check_unit("min_moved", default_moved if min_moved is None else min_moved)
    bind = getattr(scorer, "documents", None)  # a scorer that reads both documents first
    cols = schema.FRAMES["sentences"][0]
    series: dict[tuple, list[dict]] = {}
    for row in joined_texts(sections, alignment):
        key = (_fill(row["entity"]), _fill(row["series"]))
        series.setdefault(key, []).append(row)
    parts: list[list[tuple]] = []  # rows of each pair of documents
    pairs: list[tuple] = []  # entity, series, year_from, year_to, doc_from, doc_to, dates
    for rank, key in enumerate(sorted(series)):
        part = series[key]
        docs = sorted({(r["year"], _fill(r["date"]), r["doc_id"]) for r in part})
        by_doc: dict[str, dict] = {d: {} for _, _, d in docs}
        for r in part:
            by_doc[r["doc_id"]][int(r["group"])] = sentence_texts(r["text"])
        groups = sorted({int(r["group"]) for r in part})
        if key[0] and key[1]:  # every row has this entity and series
            ent, ser = key
        else:  # those of the first row of group_texts
            first = min(part, key=_order)
            ent, ser = first["entity"], first["series"]
        for (ya, ta, da), (yb, tb, db) in zip(docs, docs[1:], strict=False):
            pair_scorer = scorer
            if callable(bind):
                pair_scorer = bind(
                    list(chain.from_iterable(by_doc[da].values())),
                    list(chain.from_iterable(by_doc[db].values())),
                )
            parts.append(_pair_rows(by_doc[da], by_doc[db], groups, pair_scorer, min_sim, moved))
            pairs.append((ent, ser, ya, yb, da, db, rank, ta, tb))
    rows = list(chain.from_iterable(parts))
    if not rows:
        return schema.empty("sentences")
    names = (
        "group",
        "sentence_from",
        "sentence_to",
        "group_to",
        "text_from",
        "text_to",
        "similarity",
        "status",
    )
    data: dict = dict(zip(names, zip(*rows, strict=True), strict=True))
    for name in ("sentence_from", "sentence_to", "group_to", "similarity"):
        data[name] = np.array(data[name], dtype=np.float64)  # missing: NaN
    data["similarity"] = data["similarity"].round(6)
    sizes = [len(p) for p in parts]
    pair_names = ("entity", "series", "year_from", "year_to", "doc_from", "doc_to")
    for k, name in [*enumerate(pair_names), (7, "date_from"), (8, "date_to")]:
        data[name] = np.repeat(np.array([p[k] for p in pairs], dtype=object), sizes)
    return schema.conform(pd.DataFrame({c: data[c] for c in cols}), "sentences")
