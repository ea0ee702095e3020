"""Facts stated by two documents for the same (or a nested) period: ``corroborate``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import check_option
from .._core.rows import conformed
from .diff import _ADDITIVE, MIN_SIMILARITY, PERIODS, _na_last, _read
from .pairs import _bounds, one_to_one, overlaps, pairs

__all__ = [
    "corroborate",
]

_CORROBORATE_READ = (
    "doc_id",
    "entity",
    "year",
    "kind",
    "unit",
    "measure",
    "value",
    "low",
    "high",
    "low_open",
    "high_open",
    "period_start",
    "period_end",
    "period_assumed",
    "start",
    "end",
    "text",
)


def corroboration_row(entity: str, a: dict, b: dict, sim: float, match: str, status: str) -> dict:
    """A row of the corroboration frame for facts ``a`` and ``b`` of ``entity`` (``""``: none),
    whose periods meet as ``match`` and measures with similarity ``sim``."""
    return {
        "entity": entity or None,
        "measure": a["measure"],
        "unit": a["unit"],
        "period_start": max(a["period_start"], b["period_start"]),
        "period_end": min(a["period_end"], b["period_end"]),
        "doc_a": a["doc_id"],
        "doc_b": b["doc_id"],
        "kind_a": a["kind"],
        "kind_b": b["kind"],
        "value_a": a["value"],
        "value_b": b["value"],
        "text_a": a["text"],
        "text_b": b["text"],
        "start_a": a["start"],
        "end_a": a["end"],
        "start_b": b["start"],
        "end_b": b["end"],
        "similarity": sim,
        "period_match": match,
        "status": status,
    }


def corroborate(
    facts: pd.DataFrame,
    *,
    periods: str = "nested",
    assumed: bool = False,
    min_similarity: float = MIN_SIMILARITY,
) -> pd.DataFrame:
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

    def where(f: pd.DataFrame) -> np.ndarray:
        keep = f["period_start"].notna() & f["period_end"].notna()
        if not assumed:
            keep &= ~f["period_assumed"].fillna(True).astype(bool)
        return keep.to_numpy(bool)

    records = _read(facts, min_similarity, _CORROBORATE_READ, where)
    allowed = PERIODS[: PERIODS.index(periods) + 1]
    parts: dict = {}
    for r in records:
        parts.setdefault(r["entity"], []).append(r)
    rows = []
    for entity in sorted(parts):
        recs = sorted(
            parts[entity],
            key=lambda r: (_na_last(r["year"]), _na_last(r["doc_id"]), _na_last(r["start"])),
        )
        found = pairs(
            [r["doc_id"] for r in recs],
            [r["unit"] for r in recs],
            [r["measure"] for r in recs],
            np.array([r["period_start"] for r in recs], dtype=np.int64),
            np.array([r["period_end"] for r in recs], dtype=np.int64),
            allowed,
            min_similarity,
        )
        cands: list[dict] = []
        for i, j, kind, s in found:
            a, b = recs[i], recs[j]
            if overlaps(a, b):
                status = "agree"
            else:
                status = "conflict"
                if kind != "same" and a["unit"] in _ADDITIVE:
                    short, long_ = sorted((a, b), key=lambda r: r["period_end"] - r["period_start"])
                    if _bounds(short)[1] <= _bounds(long_)[0]:
                        status = "consistent"
            cands.append(corroboration_row(entity, a, b, s, kind, status))
        rows += one_to_one(cands)
    if not rows:
        return schema.empty("corroboration")
    return conformed([tuple(r.values()) for r in rows], tuple(rows[0]), "corroboration")
