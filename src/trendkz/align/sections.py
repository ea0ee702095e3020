"""Grouping the sections of a series across years: ``align_sections`` and its companions.

A **group** is "the same section across years". Groups are formed per entity and series
(a document of another series, such as an analytical article, forms groups of its own):

1. Titled sections, document by document in year order: each section is scored against
   every group formed so far (its best-scoring member, see :mod:`trendkz.align.scores`) and
   a one-to-one assignment is made greedily, best score first (ties: lower group number,
   then earlier section). A section scoring under ``min_similarity`` with every group
   starts a group of its own. The assignment runs twice, the second time with parent
   agreement known, so that children follow their parents.
2. Untitled sections (a document without headings, or text before the first heading) are
   then placed by content, document by document: each joins the group whose members in
   other documents it resembles most (content: the best member or the group's summed
   vector, whichever is closer; and position), never a group holding a titled section of
   its own document. It joins if it scores ``min_similarity`` or more, or if that group
   stands out: its content similarity is at least ``UNTITLED_LIFT`` (1.5) times the mean
   over three or more candidate groups. Rewritten text shares few words from year to year,
   so such placements carry low similarities (0.2-0.35 on the seed chapters) and the
   method ``content``. Otherwise the section starts a group of its own. Several untitled
   paragraphs of one document may join the same group, or different ones.

The alignment has one row per (group, section), plus one ``absent`` row per (group,
document of the series) without a section. :func:`group_texts` joins the text of a
group's sections in each document; :func:`alignment_table` shows groups x years.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable, Mapping

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import InputError, OptionError, check_option, check_unit
from ..load.corpus import count_words
from .scores import EVIDENCE, WEIGHTS, clean_heading
from .series import UNTITLED_LIFT, _best_by_group, _Series  # noqa: F401 (re-exported)
from .table import AlignmentTable, alignment_table

__all__ = ["MIN_SIMILARITY", "AlignmentTable", "align_sections", "alignment_table", "group_texts"]

#: default ``min_similarity`` of :func:`align_sections`
MIN_SIMILARITY = 0.45
_NEEDED = (
    "doc_id",
    "entity",
    "series",
    "year",
    "section_id",
    "parent_id",
    "level",
    "position",
    "heading",
    "text",
)


def _check_sections(sections: pd.DataFrame, needed=_NEEDED) -> None:
    schema.require(sections, needed, name="sections", maker="split_sections")


def _check_options(min_similarity: float, weights: Mapping | None) -> dict[str, float]:
    check_unit("min_similarity", min_similarity)
    if weights is None:
        return dict(WEIGHTS)
    if not isinstance(weights, Mapping):
        raise OptionError(f"weights={weights!r} is not valid; give a mapping such as {WEIGHTS!r}")
    out = {k: 0.0 for k in EVIDENCE}
    for k, v in weights.items():
        check_option("weights key", k, EVIDENCE)
        if not isinstance(v, numbers.Real) or isinstance(v, bool) or not float(v) >= 0:
            raise OptionError(f"weights[{k!r}]={v!r} is not valid; give a number >= 0")
        out[k] = float(v)
    if sum(out.values()) <= 0:
        raise OptionError("weights are all zero; give at least one positive weight")
    return out


def _labels(groups: list[int], headings: list, texts: list[str], years: list) -> dict[int, str]:
    """Group -> label: the heading (cleaned) it carries most often; ties go to the latest
    (by year, then row order); else ``¶`` and the first words of its first section."""
    seen: dict[int, dict[str, tuple[int, object, int]]] = {}
    first: dict[int, str] = {}
    for i, (g, h, t, y) in enumerate(zip(groups, headings, texts, years, strict=True)):
        first.setdefault(g, t)
        if isinstance(h, str) and h.strip():
            name = clean_heading(h) or h.strip()
            n, _, _ = seen.setdefault(g, {}).get(name, (0, None, -1))
            seen[g][name] = (n + 1, y, i)
    return {
        g: max(seen[g].items(), key=lambda kv: kv[1])[0] if g in seen else _pilcrow(first[g])
        for g in sorted(first)
    }


def _pilcrow(text: str, n: int = 6) -> str:
    words = str(text).split()
    return "¶ " + " ".join(words[:n]) + ("…" if len(words) > n else "")


def align_sections(
    sections: pd.DataFrame,
    *,
    scorer: Callable | None = None,
    min_similarity: float = MIN_SIMILARITY,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Group the sections of each series into "the same section across years".

    Parameters
    ----------
    sections
        The frame :func:`trendkz.split_sections` returns (any order; documents of several
        entities and series are aligned separately, per entity and series).
    scorer
        Heading similarity: a rapidfuzz similarity (its 0..100 scale is read from the
        scorer) or any callable ``(a, b) -> similarity`` in [0, 1] (values a hair outside
        are clipped, others are an OptionError), applied to normalized headings.
        Default ``rapidfuzz.fuzz.token_sort_ratio``: word order is free but a
        heading is not a perfect match of a longer one that contains it.
    min_similarity
        A section joins a group only with a score of at least this (default 0.45);
        otherwise it starts a group of its own (an untitled section may also join a group
        that stands out by content, see the module notes).
    weights
        Weights of the evidence, keys ``heading``, ``content``, ``outline`` (default
        0.4, 0.4, 0.2; missing keys weigh 0). Untitled sections are scored by content and
        position only. See :mod:`trendkz.align.scores` for how each is computed.

    Returns
    -------
    DataFrame
        One row per (group, section) and one ``absent`` row per (group, document of the
        series) without a section, with columns ``entity, series``; ``group`` (an integer
        unique across the frame, numbered in reading order); ``label`` (the heading the group
        carries most often, ties to the latest, without its outline number; every heading
        it had is in ``heading``, see :func:`trendkz.align.table.group_headings`; or
        ``"¶ "`` and the first words of an untitled group); ``doc_id, year, date,
        section_id, heading`` (missing when absent);
        ``similarity`` (in [0, 1], the score with which the section joined the group; the
        group's first section takes the score of the first section that joined it;
        missing for a group of one section and when absent); ``method`` (the evidence
        that placed it: ``heading``, ``content``, ``outline``, joined by ``+`` when
        several were strong; ``alone`` for a group of one section; missing when absent)
        and ``status`` (``matched`` or ``absent``).

        A group may hold several sections of one document only when they are untitled
        paragraphs placed by content: one row each. Join them with :func:`group_texts`.

    Examples
    --------
    >>> import trendkz
    >>> sections = trendkz.split_sections(trendkz.datasets.kazakhstan())
    >>> alignment = trendkz.align_sections(sections)
    >>> row = alignment.query("year == 2022 and heading.str.startswith('Countering the')")
    >>> g = row["group"].item()
    >>> alignment.query("group == @g and year == 2012")["heading"].item()
    'Countering Terrorist Finance'
    """
    _check_sections(sections)
    w = _check_options(min_similarity, weights)
    if not len(sections):
        return schema.empty("alignment")
    data = schema.with_date(sections)[[*_NEEDED, "date"]]
    data = data.assign(_e=data["entity"].fillna(""), _s=data["series"].fillna(""))
    data = data.sort_values(["_e", "_s", "year", "date", "doc_id", "position"], kind="mergesort")
    out: dict[str, list] = {c: [] for c in _OUT}
    next_group = 0
    for _, rows in data.groupby(["_e", "_s"], sort=True):
        rows = rows.reset_index(drop=True)
        part, n_groups = _align_series(rows, scorer, float(min_similarity), w, next_group)
        next_group += n_groups
        for c in _OUT:
            out[c] += part[c]
    return schema.conform(pd.DataFrame(out), "alignment")


_OUT = schema.FRAMES["alignment"][0]


def _align_series(
    rows: pd.DataFrame,
    scorer: Callable | None,
    min_similarity: float,
    w: dict[str, float],
    next_group: int,
) -> tuple[dict[str, list], int]:
    """The alignment columns of one entity and series (``rows`` in reading order), groups
    numbered from ``next_group`` (a row per section, then an ``absent`` row per group and
    document without a section), and the number of groups."""
    sids = rows["section_id"].tolist()
    if len(set(sids)) < len(sids):
        raise InputError("sections has duplicate section_id values; pass each section once")
    al = _Series(rows, scorer, min_similarity, w)
    number = {g: next_group + k for k, g in enumerate(al.order())}
    group = [number[g] for g in al.group_of.tolist()]
    ent, ser, doc, year, date, heading = (
        rows[c].tolist() for c in ("entity", "series", "doc_id", "year", "date", "heading")
    )
    labels = _labels(group, heading, rows["text"].tolist(), year)
    docs: dict = {}  # doc_id -> (year, date), in order of first appearance
    for d, y, t in zip(doc, year, date, strict=True):
        docs.setdefault(d, (y, t))
    have = set(zip(group, doc, strict=True))
    absent = [(g, d, y) for g in labels for d, y in docs.items() if (g, d) not in have]
    n, m = len(group), len(absent)
    part = {
        "entity": ent + [ent[0]] * m,
        "series": ser + [ser[0]] * m,
        "group": group + [g for g, _, _ in absent],
        "label": [labels[g] for g in group] + [labels[g] for g, _, _ in absent],
        "doc_id": doc + [d for _, d, _ in absent],
        "year": year + [y for _, _, (y, _) in absent],
        "date": date + [t for _, _, (_, t) in absent],
        "section_id": sids + [pd.NA] * m,
        "heading": heading + [pd.NA] * m,
        "similarity": al.sim.tolist() + [np.nan] * m,
        "method": al.how + [pd.NA] * m,
        "status": ["matched"] * n + ["absent"] * m,
    }
    return part, len(number)


def group_texts(sections: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """The text of every group in every document of its series.

    Returns
    -------
    DataFrame
        One row per row pair (group, document) of the alignment, with columns ``entity,
        series, group, label, doc_id, year, date, status`` (``matched`` or ``absent``),
        ``text`` (the group's sections in that document, each stripped of surrounding
        white space, joined in reading order by a blank line; ``""`` when absent) and
        ``n_words``. :func:`trendkz.align_sentences` numbers sentences within this text.
    """
    rows = joined_texts(sections, alignment)
    for row in rows:
        row["n_words"] = count_words(row["text"])
    frame = pd.DataFrame(rows, columns=schema.FRAMES["group_texts"][0])
    return schema.conform(frame, "group_texts")


def joined_texts(sections: pd.DataFrame, alignment: pd.DataFrame) -> list[dict]:
    """The rows of :func:`group_texts` without ``n_words``, in the alignment's row order
    of first appearance (not sorted): the fast form for other compute functions."""
    _check_sections(sections, ("section_id", "text", "start"))
    _check_sections(
        alignment, ("entity", "series", "group", "label", "doc_id", "year", "section_id", "status")
    )
    alignment = schema.with_date(alignment)
    text = dict(
        zip(
            sections["section_id"].tolist(),
            zip(sections["start"].tolist(), sections["text"].tolist(), strict=True),
            strict=True,
        )
    )
    rows: dict[tuple, dict] = {}
    cols = [
        alignment[c].tolist()
        for c in (
            "entity",
            "series",
            "group",
            "label",
            "doc_id",
            "year",
            "date",
            "status",
            "section_id",
        )
    ]
    for ent, ser, g, label, d, y, t, status, sid in zip(*cols, strict=True):
        row = rows.get((g, d))
        if row is None:
            row = rows[g, d] = {
                "entity": ent,
                "series": ser,
                "group": g,
                "label": label,
                "doc_id": d,
                "year": y,
                "date": t,
                "status": "absent",
                "parts": [],
            }
        if status == "matched":
            if sid not in text:
                raise InputError(
                    f"alignment names section {sid!r}, which is not in "
                    "sections; pass the sections the alignment was made from"
                )
            row["status"] = "matched"
            row["parts"].append(text[sid])
    out = list(rows.values())
    for row in out:
        parts = row.pop("parts")
        if len(parts) > 1:
            parts.sort()
        row["text"] = "\n\n".join(t.strip() for _, t in parts)
    return out
