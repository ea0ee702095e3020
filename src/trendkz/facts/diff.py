"""Facts across documents: ``diff_facts`` (year to year) and ``corroborate`` (source to source).

Both match facts by their ``measure`` with a fuzzy string similarity (rapidfuzz
``token_sort_ratio`` / 100, so "websites blocked" meets "blocked websites"; names are
already folded by :mod:`trendkz.facts.measures`) and compare the *intervals* the facts mean, not
just their numbers: "more than 600" and "about 600" state the same number with a different
qualifier.

The frame is read once into plain lists and dicts; the pairing is in
:mod:`trendkz.facts.pairs`.
"""

from __future__ import annotations

import math
from itertools import repeat
from operator import is_

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import check_unit
from .._core.rows import conformed
from .._core.vocab import ADDED, REMOVED
from .pairs import change_row, compare, match, meeting_key
from .quantities import FACT_KINDS
from .tables import TABLE_KIND

__all__ = [
    "MIN_SIMILARITY",
    "diff_facts",
]

#: default ``min_similarity`` of :func:`diff_facts` and :func:`corroborate`
MIN_SIMILARITY = 0.8
_NEEDED = (
    "doc_id",
    "entity",
    "series",
    "year",
    "kind",
    "section_id",
    "fact_kind",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "measure",
    "period_start",
    "period_end",
    "period_assumed",
    "start",
    "end",
    "text",
)
_ADDITIVE = ("count",)  # units whose totals over a longer period cannot be smaller
PERIODS = ("same", "nested", "overlap")
_FILLED = ("entity", "series", "qualifier")  # read as "" when missing


def _read(
    facts: pd.DataFrame, min_similarity: float, columns: tuple[str, ...], where=None
) -> list[dict]:
    """The facts of ``facts`` that have a measure (and, given a function ``where`` of the
    frame, where it is true), as dicts of ``columns`` (missing values ``None``, NaN kept;
    ``entity``, ``series``, ``qualifier``: ``""`` when missing)."""
    schema.require(facts, _NEEDED, name="facts", maker="extract_facts")
    check_unit("min_similarity", min_similarity)
    facts = schema.with_date(facts)
    kinds = (*FACT_KINDS, TABLE_KIND)
    keep = (facts["fact_kind"].isin(kinds) & facts["measure"].notna()).to_numpy(bool)
    if where is not None:
        keep = keep & where(facts)
    rows = keep.nonzero()[0].tolist()
    measures = facts["measure"].tolist()
    rows = [i for i in rows if len(str(measures[i])) > 0]
    every = len(rows) == len(facts)
    values = []
    for c in columns:
        if c not in facts.columns:  # "sentence" is optional
            values.append([None] * len(rows))
            continue
        series = facts[c]
        column = series.tolist()
        if c in _FILLED:
            na = series.isna().tolist()
            column = ["" if m else v for v, m in zip(column, na, strict=True)]
        elif not (isinstance(series.dtype, np.dtype) and series.dtype.kind in "biufc") and any(
            map(is_, column, repeat(pd.NA))
        ):  # only nullable dtypes and objects hold NA
            column = [None if v is pd.NA else v for v in column]
        values.append(column if every else [column[i] for i in rows])
    return [dict(zip(columns, r, strict=True)) for r in zip(*values, strict=True)]


def _na_last(value) -> tuple:
    """Sort key putting missing values last, as pandas sorts."""
    return (1, 0) if value is None else (0, value)


def _rank(r: dict) -> tuple:
    """Which fact stands for its measure in a document: the one about the report's own year
    (period stated), then stated periods, then the nearest period, then text order."""
    year, end, stated = r["year"], r["period_end"], r["period_assumed"]
    assumed = True if stated is None else bool(stated)
    same = None if year is None or end is None else end == year
    # "own" is not (period_end == year and not assumed), with missing values as pandas has them
    own = 1 if same is False or assumed else 2 if same is None else 0
    gap = None if year is None or end is None else abs(year - end)
    start = r["start"]
    return (
        own,
        assumed,
        gap is None,
        0 if gap is None else gap,
        start is None,
        0 if start is None else start,
    )


def _representatives(part: list[dict]) -> dict:
    """Document -> its facts that stand for their (group, measure, unit), in text order."""
    best: dict = {}
    for n, r in enumerate(part):
        key = (r["doc_id"], r["group"], r["measure"], r["unit"])
        rank = (*_rank(r), n)
        known = best.get(key)
        if known is None or rank < known[0]:
            best[key] = (rank, r)
    by_doc: dict = {}
    for _, r in best.values():
        by_doc.setdefault(r["doc_id"], []).append(r)
    for reps in by_doc.values():
        reps.sort(key=_text_order)
    return by_doc


def _text_order(r: dict) -> tuple:
    group, unit = r["group"], r["unit"]
    return (
        r["start"],
        group is None,
        0 if group is None else group,
        r["measure"],
        unit is None,
        "" if unit is None else unit,
    )


def _groups(alignment) -> dict:
    """``(doc_id, section_id)`` -> aligned group (the first row of each section)."""
    schema.require(
        alignment, ("doc_id", "section_id", "group"), name="alignment", maker="align_sections"
    )
    out: dict = {}
    na = alignment["section_id"].isna().to_numpy()
    for d, s, g, missing in zip(
        alignment["doc_id"].tolist(),
        alignment["section_id"].tolist(),
        alignment["group"].tolist(),
        na.tolist(),
        strict=True,
    ):
        if not missing:
            out.setdefault((None if d is pd.NA else d, s), None if g is pd.NA else g)
    return out


_DIFF_READ = (
    "doc_id",
    "entity",
    "series",
    "section_id",
    "year",
    "date",
    "fact_kind",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "measure",
    "period_end",
    "period_assumed",
    "start",
    "end",
    "text",
    "sentence",
)
_DIFF_OUT = (
    "entity",
    "series",
    "group",
    "measure",
    "unit",
    "year_from",
    "year_to",
    "date_from",
    "date_to",
    "doc_from",
    "doc_to",
    "value_from",
    "value_to",
    "qualifier_from",
    "qualifier_to",
    "change",
    "status",
    "similarity",
    "start_from",
    "end_from",
    "start_to",
    "end_to",
    "text_from",
    "text_to",
    "link",
    "sentence_text_from",
    "sentence_text_to",
)
#: how two facts were linked (the ``link`` column of :func:`diff_facts`)
LINK_GROUP, LINK_DOCUMENT, LINK_STRONG = "group", "document", "strong"
#: a link across aligned section groups needs this measure similarity and a measure of two
#: words or more ("amount" alone links unrelated awards)
STRONG_SIMILARITY = 0.95


def _strong(a: dict, b: dict, sim: float) -> bool:
    return sim >= STRONG_SIMILARITY and len(str(a["measure"]).split()) >= 2


def _file(chains: tuple[dict, dict], c: int, last: dict, remove: bool = False) -> None:
    """File chain ``c`` (or take it out) under the keys of its last fact."""
    for index, key in zip(chains, (meeting_key(last, True), meeting_key(last, False)), strict=True):
        if key is None:
            continue
        if remove:
            del index[key][c]
        else:
            index.setdefault(key, {})[c] = None


def _doc_order(part: list[dict]) -> list[tuple]:
    """``(doc_id, year, date)`` of the documents of one entity and series, by year, date and
    id (missing last)."""
    years: dict = {}
    for r in part:
        years.setdefault(r["doc_id"], (r["year"], r["date"]))
    return [
        (d, y, t)
        for d, (y, t) in sorted(
            years.items(),
            key=lambda d: (_na_last(d[1][0]), _na_last(d[1][1]), _na_last(d[0])),
        )
    ]


def _link_kind(a: dict, b: dict, sim: float, grouped: bool, aligned: bool) -> str | None:
    """How facts ``a`` and ``b`` are linked (see :func:`diff_facts`), or ``None`` for no link:
    across section groups on weak evidence."""
    if not aligned:
        return LINK_DOCUMENT
    if grouped or a["group"] is not None and b["group"] == a["group"]:
        return LINK_GROUP
    return LINK_STRONG if _strong(a, b, sim) else None


class _Chains:
    """The chains of one entity and series, each the facts of one measure linked year to
    year, and the ``rows`` of ``fact_changes`` they make. ``lasts[c]`` is the last fact of
    chain ``c``, ``linked[c]`` the index in ``order`` of its document; ``index`` files the
    chains under the meeting keys of their last fact, grouped and not: ``{key: {chain:
    None}}``."""

    def __init__(
        self, entity: str, series: str, order: list[tuple], aligned: bool, min_similarity: float
    ) -> None:
        self.entity, self.series, self.order = entity, series, order
        self.aligned, self.min_similarity = aligned, min_similarity
        self.lasts: list[dict] = []
        self.linked: list[int] = []
        self.index: tuple[dict, dict] = ({}, {})
        self.rows: list[tuple] = []

    def add_document(self, k: int, mine: list[dict]) -> None:
        """Links the representative facts ``mine`` of document ``order[k]`` to the chains (in
        the same aligned group first, when aligned); the others start chains (``added``
        after the first document)."""
        taken = [False] * len(mine)
        for grouped in (True, False) if self.aligned else (False,):
            self._link(k, mine, taken, grouped)
        for i, b in enumerate(mine):
            if taken[i]:
                continue
            if k > 0:
                before, now = self.order[k - 1], self.order[k]
                row = change_row(None, b, ADDED, math.nan, self.entity, self.series, before, now)
                self.rows.append(row)
            _file(self.index, len(self.lasts), b)
            self.lasts.append(b)
            self.linked.append(k)

    def _link(self, k: int, mine: list[dict], taken: list[bool], grouped: bool) -> None:
        """One pass: each fact of ``mine`` not yet taken meets the chains filed under its
        key (grouped or not) whose last fact is from an earlier document."""
        lasts, linked = self.lasts, self.linked
        index = self.index[0 if grouped else 1]
        reps: dict = {}
        for i, b in enumerate(mine):
            key = meeting_key(b, grouped)
            if key is not None and not taken[i]:
                reps.setdefault(key, []).append(i)
        buckets = [
            ([c for c in index.get(key, ()) if linked[c] != k], ris) for key, ris in reps.items()
        ]
        for c, i, sim in match(buckets, lasts, mine, self.min_similarity):
            a, b = lasts[c], mine[i]
            link = _link_kind(a, b, sim, grouped, self.aligned)
            if link is None:
                continue
            before, now = (a["doc_id"], a["year"], a["date"]), self.order[k]
            row = change_row(a, b, compare(a, b), sim, self.entity, self.series, before, now, link)
            self.rows.append(row)
            _file(self.index, c, a, remove=True)
            _file(self.index, c, b)
            lasts[c], linked[c], taken[i] = b, k, True

    def removed(self) -> list[tuple]:
        """The ``removed`` rows: chains whose last fact is not in the last document."""
        order, last = self.order, len(self.order) - 1
        return [
            change_row(a, None, REMOVED, math.nan, self.entity, self.series, order[k], order[k + 1])
            for a, k in zip(self.lasts, self.linked, strict=True)
            if k < last
        ]


def diff_facts(
    facts: pd.DataFrame,
    alignment: pd.DataFrame | None = None,
    *,
    min_similarity: float = MIN_SIMILARITY,
) -> pd.DataFrame:
    """Link the same measure across the report years of each entity and series.

    For every document, one fact stands for each measure (and unit): the one whose period
    is the report's own year, else the nearest. Going through the documents of a series
    year by year, each such fact is linked to the latest earlier fact of a measure that
    matches (similarity >= ``min_similarity``, same unit); with an ``alignment`` frame
    (:func:`trendkz.align_sections`) facts in the same aligned section group are linked
    first, then across the document. A measure that first appears after the first report is
    ``added``; one that is never stated again after some report is ``removed``.

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
        unit, year_from, year_to`` (report years), ``date_from, date_to``, ``doc_from,
        doc_to``, ``value_from,
        value_to, qualifier_from, qualifier_to``, ``change`` (``value_to - value_from``),
        ``status`` (``same``, ``up``, ``down``, ``qualifier changed``, ``added``,
        ``removed``), ``similarity`` (of the two measures), the source spans
        ``start_from, end_from, start_to, end_to, text_from, text_to``, ``link`` (how the
        two facts were linked: ``group``, in the same aligned section group; ``strong``,
        across groups on strong evidence: measure similarity >= 0.95 and a measure of two
        words or more, else no link; ``document``, no alignment given) and the two
        sentences ``sentence_text_from, sentence_text_to`` (so a link can be judged where it
        stands).
    """
    records = _read(facts, min_similarity, _DIFF_READ)
    groups = _groups(alignment) if alignment is not None else {}
    for r in records:
        r["group"] = groups.get((r["doc_id"], r["section_id"]))
    parts: dict = {}
    for r in records:
        parts.setdefault((r["entity"], r["series"]), []).append(r)
    rows: list[tuple] = []
    for entity, series in sorted(parts):
        part = parts[entity, series]
        chains = _Chains(entity, series, _doc_order(part), alignment is not None, min_similarity)
        by_doc = _representatives(part)
        for k, (doc, _, _) in enumerate(chains.order):
            chains.add_document(k, by_doc.get(doc, []))
        rows += chains.rows
        rows += chains.removed()
    if not rows:
        return schema.empty("fact_changes")
    return conformed(rows, _DIFF_OUT, "fact_changes")
