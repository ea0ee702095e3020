"""Facts across documents: ``diff_facts`` (year to year) and ``corroborate`` (source to source).

Both match facts by their ``measure`` with a fuzzy string similarity (rapidfuzz
``token_sort_ratio`` / 100, so "websites blocked" meets "blocked websites"; names are
already folded by :mod:`trendkz.measures`) and compare the *intervals* the facts mean, not
just their numbers: "more than 600" and "about 600" state the same number with a different
qualifier.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from . import schema
from .errors import InputError, OptionError, check_option
from .quantities import FACT_KINDS

__all__ = ["MIN_SIMILARITY", "corroborate", "diff_facts"]

#: default ``min_similarity`` of :func:`diff_facts` and :func:`corroborate`
MIN_SIMILARITY = 0.8
_NEEDED = ("doc_id", "entity", "series", "year", "kind", "section_id", "fact_kind", "value",
           "low", "high", "unit", "qualifier", "measure", "period_start", "period_end",
           "period_assumed", "start", "end", "text")
_ADDITIVE = ("count",)  # units whose totals over a longer period cannot be smaller
PERIODS = ("same", "nested", "overlap")


def _check(facts: pd.DataFrame, min_similarity: float) -> pd.DataFrame:
    schema.require(facts, _NEEDED, name="facts", maker="extract_facts")
    if (isinstance(min_similarity, bool) or not isinstance(min_similarity, (int, float))
            or not 0.0 <= float(min_similarity) <= 1.0):
        raise OptionError(f"min_similarity={min_similarity!r} is not valid; "
                          "give a number from 0 to 1")
    f = facts[facts["fact_kind"].isin(FACT_KINDS) & facts["measure"].notna()]
    f = f[f["measure"].astype(str).str.len() > 0].copy()
    for c in ("entity", "series", "qualifier"):
        f[c] = f[c].astype(object).where(f[c].notna(), "")
    return f.reset_index(drop=True)


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two measure names (word order ignored)."""
    return fuzz.token_sort_ratio(a, b) / 100.0


def _num(x) -> float:
    return math.nan if x is None or pd.isna(x) else float(x)


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
        r["high_open"] for r, high in ((a, ha), (b, hb)) if high == hi]
    return not any(bool(x) for x in open_at if pd.notna(x))


def compare(a, b) -> str:
    """``same``, ``up``, ``down`` or ``qualifier changed`` from fact ``a`` to fact ``b``.

    Two stated numbers: equal -> ``same`` (or ``qualifier changed`` when the qualifiers
    differ: "more than 600" -> "about 600"), else ``up`` / ``down``. A range or vague count
    on either side: disjoint intervals -> ``up`` / ``down``; two ranges -> by their
    midpoints; overlapping intervals otherwise -> ``qualifier changed``.
    """
    va, vb = _num(a["value"]), _num(b["value"])
    qa, qb = (str(a["qualifier"] or "").lower(), a["fact_kind"]), (
        str(b["qualifier"] or "").lower(), b["fact_kind"])
    if not math.isnan(va) and not math.isnan(vb):
        if va == vb:
            return "same" if qa == qb else "qualifier changed"
        return "up" if vb > va else "down"
    (la, ha), (lb, hb) = _bounds(a), _bounds(b)
    if (la, ha) == (lb, hb):
        return "same" if qa == qb else "qualifier changed"
    if lb > ha:
        return "up"
    if hb < la:
        return "down"
    if a["fact_kind"] == b["fact_kind"] == "range":
        return "up" if lb + hb > la + ha else "down" if lb + hb < la + ha else "same"
    return "qualifier changed"  # overlapping intervals stated differently ("dozens", 56)


def _representatives(part: pd.DataFrame) -> pd.DataFrame:
    """One fact per (document, group, measure, unit): the one about the report's own year."""
    p = part.assign(
        _own=~((part["period_end"] == part["year"]) & ~part["period_assumed"].fillna(True)),
        _gap=(part["year"] - part["period_end"]).abs(),
        _assumed=part["period_assumed"].fillna(True))
    p = p.sort_values(["doc_id", "group", "measure", "unit", "_own", "_assumed", "_gap",
                       "start"], kind="mergesort", na_position="last")
    return p.drop_duplicates(["doc_id", "group", "measure", "unit"]).drop(
        columns=["_own", "_gap", "_assumed"])


_SMALL = 16  # pairs below which _link scores them one by one


def _pair_scores(a: list[str], b: list[str]) -> np.ndarray:
    """:func:`similarity` of every measure of ``a`` (rows) with every one of ``b``, each
    distinct pair scored once, in rapidfuzz's C++ loop."""
    ua, ub = dict.fromkeys(a), dict.fromkeys(b)
    for n, m in enumerate(ua):
        ua[m] = n
    for n, m in enumerate(ub):
        ub[m] = n
    scores = process.cdist(list(ua), list(ub), scorer=fuzz.token_sort_ratio,
                           dtype=np.float64) / 100.0
    return scores[np.ix_([ua[m] for m in a], [ub[m] for m in b])]


def _link(chains: list[list[dict]], reps: list[dict], min_similarity: float,
          grouped: bool) -> list[tuple[int, int, float]]:
    """Greedy matching of the open chains' last facts with the new document's facts.

    Facts meet only within their unit (and, ``grouped``, their aligned section group); the
    candidate pairs are all such pairs whose measures are similar enough, the most similar
    first (then the latest earlier year, then text order)."""
    def key(r):  # None: the fact meets none (grouped, it sits in no aligned group)
        return r["_unit_group"] if grouped else (r["unit"],)

    buckets: dict = {}
    for ri, b in enumerate(reps):
        k = key(b)
        if k is not None:
            buckets.setdefault(k, ([], []))[1].append(ri)
    for ci, chain in enumerate(chains):
        k = key(chain[-1])
        if k is not None and k in buckets:
            buckets[k][0].append(ci)
    cands = []
    for cis, ris in buckets.values():
        if not cis:
            continue
        if len(cis) * len(ris) <= _SMALL:  # a few pairs: no array set-up
            for ci in cis:
                a = chains[ci][-1]
                for ri in ris:
                    b = reps[ri]
                    s = similarity(a["measure"], b["measure"])
                    if s >= min_similarity:
                        cands.append((-s, -int(a["year"]), a["start"], b["start"], ci, ri))
            continue
        scores = _pair_scores([chains[ci][-1]["measure"] for ci in cis],
                              [reps[ri]["measure"] for ri in ris])
        for x, y in zip(*np.nonzero(scores >= min_similarity), strict=True):
            a, b = chains[cis[x]][-1], reps[ris[y]]
            cands.append((-float(scores[x, y]), -int(a["year"]), a["start"], b["start"],
                          cis[x], ris[y]))
    cands.sort()
    used_c, used_r, out = set(), set(), []
    for neg_s, _, _, _, ci, ri in cands:
        if ci not in used_c and ri not in used_r:
            used_c.add(ci)
            used_r.add(ri)
            out.append((ci, ri, -neg_s))
    return out


def _row(a: dict | None, b: dict | None, status: str, sim: float, entity: str, series: str,
         doc_from: tuple, doc_to: tuple) -> dict:
    src = a if a is not None else b
    va = _num(a["value"]) if a is not None else math.nan
    vb = _num(b["value"]) if b is not None else math.nan
    group = src["group"] if a is None or b is None or a["group"] == b["group"] else pd.NA
    return {
        "entity": entity or pd.NA, "series": series or pd.NA, "group": group,
        "measure": src["measure"], "unit": src["unit"], "year_from": doc_from[1],
        "year_to": doc_to[1], "doc_from": doc_from[0], "doc_to": doc_to[0],
        "value_from": va, "value_to": vb,
        "qualifier_from": (a["qualifier"] or pd.NA) if a is not None else pd.NA,
        "qualifier_to": (b["qualifier"] or pd.NA) if b is not None else pd.NA,
        "change": vb - va, "status": status, "similarity": sim,
        "start_from": a["start"] if a is not None else pd.NA,
        "end_from": a["end"] if a is not None else pd.NA,
        "start_to": b["start"] if b is not None else pd.NA,
        "end_to": b["end"] if b is not None else pd.NA,
        "text_from": a["text"] if a is not None else pd.NA,
        "text_to": b["text"] if b is not None else pd.NA,
    }


def diff_facts(facts: pd.DataFrame, alignment: pd.DataFrame | None = None, *,
               min_similarity: float = MIN_SIMILARITY) -> pd.DataFrame:
    """Link the same measure across the report years of each entity and series.

    For every document, one fact stands for each measure (and unit): the one whose period
    is the report's own year, else the nearest. Going through the documents of a series
    year by year, each such fact is linked to the latest earlier fact of a measure that
    matches (similarity >= ``min_similarity``, same unit); with an ``alignment`` frame
    (:func:`trendkz.align_sections`) facts in the same aligned section group are linked
    first, then across the document. A measure that first appears after the first report is
    ``new``; one that is never stated again after some report is ``dropped``.

    Parameters
    ----------
    facts
        The frame :func:`trendkz.extract_facts` returns.
    alignment
        Optional; ``doc_id, section_id, group`` are used.
    min_similarity
        Lowest measure similarity in [0, 1] that links two facts.

    Returns
    -------
    DataFrame
        ``entity, series, group`` (the aligned group both facts sit in, if any), ``measure,
        unit, year_from, year_to`` (report years), ``doc_from, doc_to``, ``value_from,
        value_to, qualifier_from, qualifier_to``, ``change`` (``value_to - value_from``),
        ``status`` (``same``, ``up``, ``down``, ``qualifier changed``, ``new``,
        ``dropped``), ``similarity`` (of the two measures), and the source spans
        ``start_from, end_from, start_to, end_to, text_from, text_to``.
    """
    f = _check(facts, min_similarity)
    if alignment is not None:
        if not isinstance(alignment, pd.DataFrame) or not {"doc_id", "section_id",
                                                           "group"} <= set(alignment.columns):
            raise InputError("alignment must be the frame trendkz.align_sections returns "
                             "(with doc_id, section_id, group)")
        al = alignment.dropna(subset=["section_id"])[["doc_id", "section_id", "group"]]
        al = al.drop_duplicates(["doc_id", "section_id"])
        f = f.merge(al, on=["doc_id", "section_id"], how="left")
    else:
        f["group"] = pd.NA
    rows = []
    for (entity, series), part in f.groupby(["entity", "series"], sort=True):
        docs = (part[["doc_id", "year"]].drop_duplicates("doc_id")
                .sort_values(["year", "doc_id"], kind="mergesort"))
        order = list(docs.itertuples(index=False, name=None))
        by_doc: dict[str, list[dict]] = {}
        for r in _records(_representatives(part), _DIFF_COLUMNS):
            r["_unit_group"] = None if pd.isna(r["group"]) else (r["unit"], r["group"])
            by_doc.setdefault(r["doc_id"], []).append(r)
        chains: list[list[dict]] = []
        for k, (doc, _) in enumerate(order):
            mine = sorted(by_doc.get(doc, []), key=lambda r: r["start"])
            taken: set[int] = set()
            for grouped in ((True, False) if alignment is not None else (False,)):
                open_ = [i for i in range(len(chains)) if chains[i][-1]["_linked"] != k]
                left = [i for i in range(len(mine)) if i not in taken]
                pairs = _link([chains[i] for i in open_], [mine[i] for i in left],
                              min_similarity, grouped)
                for ci, ri, sim in pairs:
                    a, b = chains[open_[ci]][-1], mine[left[ri]]
                    rows.append(_row(a, b, compare(a, b), sim, entity, series,
                                     (a["doc_id"], a["year"]), order[k]))
                    chains[open_[ci]].append(b | {"_linked": k})
                    taken.add(left[ri])
            for i, b in enumerate(mine):
                if i in taken:
                    continue
                if k > 0:
                    rows.append(_row(None, b, "new", math.nan, entity, series, order[k - 1],
                                     order[k]))
                chains.append([b | {"_linked": k}])
        last = len(order) - 1
        for chain in chains:
            k = chain[-1]["_linked"]
            if k < last:
                rows.append(_row(chain[-1], None, "dropped", math.nan, entity, series,
                                 order[k], order[k + 1]))
    if not rows:
        return schema.empty("fact_changes")
    return schema.conform(pd.DataFrame(rows), "fact_changes")


_DIFF_COLUMNS = ("doc_id", "year", "group", "measure", "unit", "fact_kind", "value", "low",
                 "high", "low_open", "high_open", "qualifier", "start", "end", "text")
_CORROBORATE_COLUMNS = ("doc_id", "kind", "unit", "measure", "value", "low", "high",
                        "low_open", "high_open", "period_start", "period_end", "start", "end",
                        "text")
_BLOCK = 1024  # rows of facts compared at once with all later ones (memory ~ _BLOCK x n)


def _records(frame: pd.DataFrame, columns) -> list[dict]:
    """``frame[columns].to_dict("records")`` (missing values ``None``, NaN kept), without
    pandas' per-value boxing."""
    cols = [_none_for_na(frame[c].tolist()) if frame[c].isna().any() else frame[c].tolist()
            for c in columns]
    return [dict(zip(columns, values, strict=True)) for values in zip(*cols, strict=True)]


def _none_for_na(values: list) -> list:
    if any(v is pd.NA for v in values):
        return [None if v is pd.NA else v for v in values]
    return values


_MATCHES = ("same", "nested", "overlap")


def _pairs(part: pd.DataFrame, allowed: tuple[str, ...], min_similarity: float):
    """``(i, j, period_match, similarity)`` for the facts ``i < j`` of ``part`` (by position)
    from different documents, with the same unit, periods that correspond as ``allowed``
    and similar measures; in order of ``i`` then ``j``."""
    doc = pd.factorize(part["doc_id"])[0]
    unit = pd.factorize(part["unit"], use_na_sentinel=False)[0]
    measure_codes, measures = pd.factorize(part["measure"])
    ps = part["period_start"].to_numpy(dtype=np.int64)
    pe = part["period_end"].to_numpy(dtype=np.int64)
    n = len(part)
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
        ok &= (doc[rows, None] != doc[None, cols]) & (unit[rows, None] == unit[None, cols])
        ok &= np.arange(i0, i1)[:, None] < np.arange(i0 + 1, n)[None, :]
        x, y = np.nonzero(ok)
        found_i.append(x + i0)
        found_j.append(y + i0 + 1)
        found_m.append(np.where(same[x, y], 0, np.where(nested[x, y], 1, 2)))
    if not found_i:
        return
    i, j, m = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_m)
    # each distinct pair of measures scored once, in rapidfuzz's C++ loop
    pair_codes = measure_codes[i].astype(np.int64) * len(measures) + measure_codes[j]
    distinct, back = np.unique(pair_codes, return_inverse=True)
    names = np.asarray(measures, dtype=object)
    scores = process.cpdist(names[distinct // len(measures)], names[distinct % len(measures)],
                            scorer=fuzz.token_sort_ratio, dtype=np.float64) / 100.0
    sims = scores[back.reshape(-1)]
    for k in np.nonzero(sims >= min_similarity)[0]:
        yield int(i[k]), int(j[k]), _MATCHES[m[k]], float(sims[k])


_RANK = {"agree": 0, "consistent": 1, "conflict": 2}


def _one_to_one(cands: list[dict]) -> list[dict]:
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


def corroborate(facts: pd.DataFrame, *, periods: str = "nested", assumed: bool = False,
                min_similarity: float = MIN_SIMILARITY) -> pd.DataFrame:
    """The same measure for the same period stated by two different documents.

    Two facts of one entity, from different documents, with the same unit and matching
    measures (similarity >= ``min_similarity``), whose periods correspond, are compared:

    - ``agree``: the intervals they mean overlap ("about 600" and "more than 600");
    - ``consistent``: the periods differ, the fact about the shorter period is a count
      below the one about the longer period (400 websites blocked in 2011, 950 since
      2010): not the same number, and no contradiction;
    - ``conflict``: otherwise.

    Each fact is paired at most once with the facts of each other document (agreeing pairs
    first), so repeated mentions do not multiply into spurious conflicts.

    Parameters
    ----------
    facts
        The frame :func:`trendkz.extract_facts` returns.
    periods
        How periods must correspond: ``"same"`` (identical years), ``"nested"`` (one
        within the other, the default: a count for 2019 is checked against one for
        2019-2021) or ``"overlap"`` (sharing at least one year).
    assumed
        Also use facts whose period is assumed (the sentence gave none). Off by default:
        an assumed period is a guess.
    min_similarity
        Lowest measure similarity in [0, 1].

    Returns
    -------
    DataFrame
        ``entity, measure, unit, period_start, period_end`` (the years both periods
        share), ``doc_a, doc_b, kind_a, kind_b`` (document kinds), ``value_a, value_b,
        text_a, text_b, start_a, end_a, start_b, end_b`` (the two sources), ``similarity``
        (of the measures), ``period_match`` (``same``, ``nested``, ``overlap``) and
        ``status`` (``agree``, ``consistent``, ``conflict``).
    """
    check_option("periods", periods, PERIODS)
    check_option("assumed", assumed, (True, False))
    f = _check(facts, min_similarity)
    if not assumed:
        f = f[~f["period_assumed"].fillna(True).astype(bool)]
    f = f.dropna(subset=["period_start", "period_end"])
    allowed = PERIODS[:PERIODS.index(periods) + 1]
    rows = []
    for entity, part in f.groupby("entity", sort=True):
        part = part.sort_values(["year", "doc_id", "start"], kind="mergesort")
        recs = _records(part, _CORROBORATE_COLUMNS)
        cands: list[dict] = []
        for i, j, match, s in _pairs(part, allowed, min_similarity):
            a, b = recs[i], recs[j]
            if overlaps(a, b):
                status = "agree"
            else:
                status = "conflict"
                if match != "same" and a["unit"] in _ADDITIVE:
                    short, long_ = sorted((a, b), key=lambda r: r["period_end"] - r[
                        "period_start"])
                    if _bounds(short)[1] <= _bounds(long_)[0]:
                        status = "consistent"
            cands.append({
                "entity": entity or pd.NA, "measure": a["measure"], "unit": a["unit"],
                "period_start": max(a["period_start"], b["period_start"]),
                "period_end": min(a["period_end"], b["period_end"]),
                "doc_a": a["doc_id"], "doc_b": b["doc_id"], "kind_a": a["kind"],
                "kind_b": b["kind"], "value_a": a["value"], "value_b": b["value"],
                "text_a": a["text"], "text_b": b["text"], "start_a": a["start"],
                "end_a": a["end"], "start_b": b["start"], "end_b": b["end"],
                "similarity": s, "period_match": match, "status": status})
        rows += _one_to_one(cands)
    if not rows:
        return schema.empty("corroboration")
    return schema.conform(pd.DataFrame(rows), "corroboration")
