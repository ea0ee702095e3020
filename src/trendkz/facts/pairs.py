"""Pairing facts for :mod:`trendkz.facts.diff`: measure similarity, interval comparison, and
the candidate pairs of ``diff_facts`` (:func:`link`) and ``corroborate`` (:func:`pairs`,
:func:`one_to_one`).

Facts here are plain dicts (missing values ``None``, NaN kept), as
:func:`trendkz.facts.diff.diff_facts` and :func:`~trendkz.facts.diff.corroborate` read them from
their frame.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .._core.schema import is_missing
from .._core.vocab import DOWN, QUALIFIER_CHANGED, SAME, UP

__all__ = [
    "as_float",
    "change_row",
    "compare",
    "link",
    "match",
    "meeting_key",
    "one_to_one",
    "overlaps",
    "pairs",
    "similarity",
]

_SMALL = 16  # pairs below which link scores them one by one
_BLOCK = 1024  # rows of facts compared at once with all later ones (memory ~ _BLOCK x n)
_MATCHES = ("same", "nested", "overlap")
_RANK = {"agree": 0, "consistent": 1, "conflict": 2}


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two measure names (word order ignored)."""
    return fuzz.token_sort_ratio(a, b) / 100.0


def _num(x) -> float:
    return math.nan if x is None or x is pd.NA else float(x)


def _bounds(r) -> tuple[float, float]:
    lo, hi = _num(r["low"]), _num(r["high"])
    return (-math.inf if math.isnan(lo) else lo, math.inf if math.isnan(hi) else hi)


def overlaps(a, b) -> bool:
    """The intervals two facts mean share at least a point (open ends taken as open)."""
    (la, ha), (lb, hb) = _bounds(a), _bounds(b)
    lo, hi = max(la, lb), min(ha, hb)
    if lo < hi:
        return True
    if lo > hi:
        return False
    open_at = [r["low_open"] for r, low in ((a, la), (b, lb)) if low == lo] + [
        r["high_open"] for r, high in ((a, ha), (b, hb)) if high == hi
    ]
    return not any(bool(x) for x in open_at if not is_missing(x))


def compare(a, b) -> str:
    """``same``, ``up``, ``down`` or ``qualifier changed`` from fact ``a`` to fact ``b``.

    Two stated numbers: equal -> ``same`` (or ``qualifier changed`` when the qualifiers
    differ: "more than 600" -> "about 600"), else ``up`` / ``down``. A range or vague count
    on either side: disjoint intervals -> ``up`` / ``down``; two ranges -> by their
    midpoints; overlapping intervals otherwise -> ``qualifier changed``.
    """
    va, vb = _num(a["value"]), _num(b["value"])
    qa, qb = (
        (str(a["qualifier"] or "").lower(), a["fact_kind"]),
        (str(b["qualifier"] or "").lower(), b["fact_kind"]),
    )
    if not math.isnan(va) and not math.isnan(vb):
        if va == vb:
            return SAME if qa == qb else QUALIFIER_CHANGED
        return UP if vb > va else DOWN
    (la, ha), (lb, hb) = _bounds(a), _bounds(b)
    if (la, ha) == (lb, hb):
        return SAME if qa == qb else QUALIFIER_CHANGED
    if lb > ha:
        return UP
    if hb < la:
        return DOWN
    if a["fact_kind"] == b["fact_kind"] == "range":
        return UP if lb + hb > la + ha else DOWN if lb + hb < la + ha else SAME
    return QUALIFIER_CHANGED  # overlapping intervals stated differently ("dozens", 56)


def _codes(values: list) -> tuple[list[int], list]:
    """Codes of ``values`` by first appearance (``None`` gets one too) and the distinct ones."""
    index: dict = {}
    codes = [index.setdefault(v, len(index)) for v in values]
    return codes, list(index)


def meeting_key(r: dict, grouped: bool) -> tuple | None:
    """The key facts meet under in :func:`link`: ``(unit, group)`` (``None``: no aligned
    group, the fact meets none) or, not ``grouped``, ``(unit,)``."""
    if grouped:
        return None if r["group"] is None else (r["unit"], r["group"])
    return (r["unit"],)


def link(
    lasts: list[dict], reps: list[dict], min_similarity: float, grouped: bool
) -> list[tuple[int, int, float]]:
    """Greedy matching of the open chains' last facts ``lasts`` with the new document's
    facts ``reps``: ``(index in lasts, index in reps, similarity)``.

    Facts meet only within their unit (and, ``grouped``, their aligned section group); the
    candidate pairs are all such pairs whose measures are similar enough, the most similar
    first (then the latest earlier year, then text order)."""
    buckets: dict = {}
    for ri, b in enumerate(reps):
        k = meeting_key(b, grouped)
        if k is not None:
            buckets.setdefault(k, ([], []))[1].append(ri)
    for ci, a in enumerate(lasts):
        k = meeting_key(a, grouped)
        if k is not None:
            bucket = buckets.get(k)
            if bucket is not None:
                bucket[0].append(ci)
    return match(buckets.values(), lasts, reps, min_similarity)


def match(buckets, lasts, reps, min_similarity: float) -> list[tuple[int, int, float]]:
    """:func:`link` given its buckets: ``(indices in lasts, indices in reps)`` of the facts
    that may meet (any order within and across buckets)."""
    cands = []
    for cis, ris in buckets:
        if not cis:
            continue
        if len(cis) * len(ris) <= _SMALL:  # a few pairs: no array set-up
            for ci in cis:
                a = lasts[ci]
                for ri in ris:
                    b = reps[ri]
                    s = similarity(a["measure"], b["measure"])
                    if s >= min_similarity:
                        cands.append((-s, -int(a["year"]), a["start"], b["start"], ci, ri))
            continue
        # each distinct pair of measures scored once, in rapidfuzz's C++ loop
        ca, ua = _codes([lasts[ci]["measure"] for ci in cis])
        cb, ub = _codes([reps[ri]["measure"] for ri in ris])
        scores = process.cdist(ua, ub, scorer=fuzz.token_sort_ratio, dtype=np.float64) / 100.0
        hits = scores >= min_similarity
        if not hits.any():
            continue
        at_a: list[list[int]] = [[] for _ in ua]
        for x, c in enumerate(ca):
            at_a[c].append(cis[x])
        at_b: list[list[int]] = [[] for _ in ub]
        for y, c in enumerate(cb):
            at_b[c].append(ris[y])
        for x, y in zip(*hits.nonzero(), strict=True):
            s = float(scores[x, y])
            for ci in at_a[x]:
                a = lasts[ci]
                for ri in at_b[y]:
                    cands.append((-s, -int(a["year"]), a["start"], reps[ri]["start"], ci, ri))
    return take_best(cands)


def take_best(cands: list[tuple]) -> list[tuple[int, int, float]]:
    """One-to-one pairs from candidates ``(-similarity, -year, start_a, start_b, ci, ri)``,
    best first: ``(ci, ri, similarity)``."""
    cands.sort()
    used_c, used_r, out = set(), set(), []
    for neg_s, _, _, _, ci, ri in cands:
        if ci not in used_c and ri not in used_r:
            used_c.add(ci)
            used_r.add(ri)
            out.append((ci, ri, -neg_s))
    return out


def pairs(
    doc: list,
    unit: list,
    measure: list,
    ps: np.ndarray,
    pe: np.ndarray,
    allowed: tuple[str, ...],
    min_similarity: float,
):
    """``(i, j, period_match, similarity)`` for the facts ``i < j`` (by position in the
    columns given) from different documents, with the same unit, periods (``ps`` to ``pe``)
    that correspond as ``allowed`` and similar measures; in order of ``i`` then ``j``."""
    doc_c = np.asarray(_codes(doc)[0], dtype=np.int64)
    unit_c = np.asarray(_codes(unit)[0], dtype=np.int64)
    measure_list, measures = _codes(measure)
    measure_c = np.asarray(measure_list, dtype=np.int64)
    n = len(doc)
    found_i, found_j, found_m = [], [], []
    for i0 in range(0, n, _BLOCK):
        i1 = min(n, i0 + _BLOCK)
        rows, cols = slice(i0, i1), slice(i0 + 1, n)
        sa, ea, sb, eb = ps[rows, None], pe[rows, None], ps[None, cols], pe[None, cols]
        same = (sa == sb) & (ea == eb)
        nested = ((sa <= sb) & (eb <= ea)) | ((sb <= sa) & (ea <= eb))
        ok = same if len(allowed) == 1 else same | nested
        if len(allowed) == 3:
            ok |= np.maximum(sa, sb) <= np.minimum(ea, eb)
        ok &= (doc_c[rows, None] != doc_c[None, cols]) & (unit_c[rows, None] == unit_c[None, cols])
        ok &= np.arange(i0, i1)[:, None] < np.arange(i0 + 1, n)[None, :]
        x, y = np.nonzero(ok)
        found_i.append(x + i0)
        found_j.append(y + i0 + 1)
        found_m.append(np.where(same[x, y], 0, np.where(nested[x, y], 1, 2)))
    if not found_i:
        return
    i, j, m = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_m)
    # each distinct pair of measures scored once, in rapidfuzz's C++ loop
    pair_codes = measure_c[i] * len(measures) + measure_c[j]
    distinct, back = np.unique(pair_codes, return_inverse=True)
    names = np.asarray(measures, dtype=object)
    scores = (
        process.cpdist(
            names[distinct // len(measures)],
            names[distinct % len(measures)],
            scorer=fuzz.token_sort_ratio,
            dtype=np.float64,
        )
        / 100.0
    )
    sims = scores[back.reshape(-1)]
    for k in np.nonzero(sims >= min_similarity)[0].tolist():
        yield int(i[k]), int(j[k]), _MATCHES[m[k]], float(sims[k])


def one_to_one(cands: list[dict]) -> list[dict]:
    """Each fact meets at most one fact of each other document: agreeing pairs first, then
    the closest measures and values (so two lists "2, 4" and "2, 4" give two agreements,
    not four rows)."""

    def key(r):
        va, vb = _num(r["value_a"]), _num(r["value_b"])
        gap = abs(va - vb) if not (math.isnan(va) or math.isnan(vb)) else math.inf
        return (_RANK[r["status"]], -r["similarity"], gap, r["start_a"], r["start_b"])

    used: set[tuple] = set()
    out = []
    for r in sorted(cands, key=key):
        ka = (r["doc_a"], r["start_a"], r["doc_b"])
        kb = (r["doc_b"], r["start_b"], r["doc_a"])
        if ka in used or kb in used:
            continue
        used.update((ka, kb))
        out.append(r)
    return out


def change_row(
    a: dict | None,
    b: dict | None,
    status: str,
    sim: float,
    entity: str,
    series: str,
    doc_from: tuple,
    doc_to: tuple,
    link: str | None = None,
) -> tuple:
    """A row of ``diff_facts``' frame (missing values ``None``: unlike ``pd.NA``, they leave
    the row out of the garbage collector's work)."""
    na = None
    src = cast(dict, a if a is not None else b)  # one of them is given
    va = as_float(a["value"]) if a is not None else math.nan
    vb = as_float(b["value"]) if b is not None else math.nan
    group = src["group"] if a is None or b is None or a["group"] == b["group"] else na
    return (
        entity or na,
        series or na,
        group,
        src["measure"],
        src["unit"],
        doc_from[1],
        doc_to[1],
        _date(doc_from),
        _date(doc_to),
        doc_from[0],
        doc_to[0],
        va,
        vb,
        (a["qualifier"] or na) if a is not None else na,
        (b["qualifier"] or na) if b is not None else na,
        vb - va,
        status,
        sim,
        a["start"] if a is not None else na,
        a["end"] if a is not None else na,
        b["start"] if b is not None else na,
        b["end"] if b is not None else na,
        a["text"] if a is not None else na,
        b["text"] if b is not None else na,
        link,
        a.get("sentence") if a is not None else na,
        b.get("sentence") if b is not None else na,
    )


def _date(doc: tuple) -> str | None:
    """The date of a ``(doc_id, year, date)`` tuple; the year as text for ``(doc_id, year)``."""
    if len(doc) > 2:
        return doc[2]
    return None if doc[1] is None else f"{int(doc[1]):04d}"


def as_float(x) -> float:
    return math.nan if x is None or x is pd.NA else float(x)
