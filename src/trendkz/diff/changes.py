"""What changed in each aligned section from one year to the next: ``diff_sections``.

Given the sections and their alignment (groups of "the same section across years"),
:func:`diff_sections` diffs each group's text between consecutive documents of its series
with :func:`trendkz.diff.textdiff.diff_text`, and :func:`section_diff` returns the
:class:`~trendkz.diff.textdiff.TextDiff` behind any row (or between any two years).

A group's text in a document is the text of its matched sections joined in reading order
by a blank line (several untitled paragraphs may form one group).

Status of a row
---------------
- ``added``: the group is absent in ``year_from`` and present in ``year_to``;
- ``removed``: present in ``year_from``, absent in ``year_to``;
- ``same``: no token added, removed or replaced (differences in white space and line
  wrapping only, see :mod:`trendkz.diff.textdiff`);
- ``rewritten``: similarity below ``rewritten_below`` (default 0.35). Two *unrelated*
  sections of one report series still share function words, punctuation and topic words:
  their similarity is 0.14 at the median and 0.18 at the 95th percentile (seed chapters and
  State HRR reports alike), so below 0.35 little more than that is left of the old text;
- ``changed``: anything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

import pandas as pd

from .._core import schema
from .._core.errors import InputError, OptionError
from .._core.vocab import ADDED, CHANGED, REMOVED, REWRITTEN, SAME
from .result import TextDiff
from .textdiff import MAX_CELLS, Differ

__all__ = ["REWRITTEN_BELOW", "STATUSES", "diff_sections", "section_diff"]

#: default similarity under which an edit counts as a rewrite
REWRITTEN_BELOW = 0.35
#: the values of ``status`` in the changes frame
STATUSES = (SAME, CHANGED, REWRITTEN, ADDED, REMOVED)

_SECTIONS = ("section_id", "text", "start")
_ALIGNMENT = ("entity", "series", "group", "label", "doc_id", "year", "section_id", "status")


def _check(sections: pd.DataFrame, alignment: pd.DataFrame) -> None:
    schema.require(sections, _SECTIONS, name="sections", maker="split_sections")
    schema.require(alignment, _ALIGNMENT, name="alignment", maker="align_sections")


class _Groups:
    """Group texts per document and the document sequence of each series."""

    def __init__(self, sections: pd.DataFrame, alignment: pd.DataFrame) -> None:
        _check(sections, alignment)
        text = dict(
            zip(
                sections["section_id"].tolist(),
                zip(sections["start"].tolist(), sections["text"].tolist(), strict=True),
                strict=True,
            )
        )
        parts: dict[tuple[int, str], list] = {}
        # documents of each series in (year, date, doc_id) order
        alignment = schema.with_date(alignment)
        seqs: dict[tuple, set[tuple[int, str, str]]] = {}
        first: dict[int, tuple] = {}  # the first row of each group
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
                "section_id",
                "status",
            )
        ]
        for e, s, g, lab, d, y, t, sid, status in zip(*cols, strict=True):
            g, key = int(g), (_key(e), _key(s))
            if g not in first:
                first[g] = (g, e, s, lab, key)
            seqs.setdefault(key, set()).add((int(y), str(_key(t)), d))  # a date: text
            if status == "matched":
                if sid not in text:
                    raise InputError(
                        f"alignment names section {sid!r}, which is not in "
                        "sections; pass the sections the alignment was made "
                        "from"
                    )
                parts.setdefault((g, d), []).append(text[sid])
        self.text = {
            k: "\n\n".join(t for _, t in sorted(v, key=lambda p: p[0])) for k, v in parts.items()
        }
        self.docs = {k: sorted(v) for k, v in seqs.items()}
        #: (group, entity, series, label, series key) in group order
        self.groups = [first[g] for g in sorted(first)]

    def diff(self, group: int, doc_from: str, doc_to: str, differ: Differ) -> TextDiff:
        return differ.diff(self.text.get((group, doc_from), ""), self.text.get((group, doc_to), ""))


def _key(value: object) -> object:
    return "" if schema.is_missing(value) else value


def _check_threshold(rewritten_below: object) -> float:
    if (
        isinstance(rewritten_below, bool)
        or not isinstance(rewritten_below, Real)
        or not (0 <= float(rewritten_below) <= 1)
    ):
        raise OptionError(
            f"rewritten_below={rewritten_below!r} is not valid; give a number in [0, 1]"
        )
    return float(rewritten_below)


def diff_sections(
    sections: pd.DataFrame,
    alignment: pd.DataFrame,
    *,
    rewritten_below: float = REWRITTEN_BELOW,
    max_cells: int = MAX_CELLS,
) -> pd.DataFrame:
    """Diff every aligned group between consecutive documents of its series.

    Parameters
    ----------
    sections
        The frame :func:`trendkz.split_sections` returns (``section_id, text, start``).
    alignment
        The frame :func:`trendkz.align_sections` returns for these sections.
    rewritten_below
        Similarity under which a change is ``rewritten`` rather than ``changed``.
    max_cells
        Passed to :func:`trendkz.diff_text` (memory bound of each diff).

    Returns
    -------
    DataFrame
        One row per group and pair of consecutive documents of its series (by year and
        date) in which the group is present at least once: ``entity, series, group, label,
        year_from, year_to, date_from, date_to, doc_from, doc_to``; ``similarity`` (token
        similarity in [0, 1]; 0 for ``added`` and ``removed``); token counts (see
        :func:`side_counts`): ``n_added`` (tokens of the later text that the earlier one
        lacks: inserted, or the new side of a replacement), ``n_removed`` (tokens of the
        earlier text the later one lacks: deleted, or the old side of a replacement),
        ``n_changed`` (tokens inside replacements, both sides); a new section counts all its
        tokens as added, a removed one all as removed; ``status`` (``same``,
        ``changed``, ``rewritten``, ``added``, ``removed``; see the module docstring). Get the
        diff behind a row with :func:`section_diff`.
    """
    threshold = _check_threshold(rewritten_below)
    differ = Differ(max_cells=max_cells)
    groups = _Groups(sections, alignment)
    rows = []
    for g, entity, series, label, key in groups.groups:
        docs = groups.docs[key]
        for (y0, w0, d0), (y1, w1, d1) in zip(docs, docs[1:], strict=False):
            has0, has1 = (g, d0) in groups.text, (g, d1) in groups.text
            if not (has0 or has1):
                continue
            t0, t1 = groups.text.get((g, d0), ""), groups.text.get((g, d1), "")
            if has0 and has1 and t0 == t1:  # the diff of a text with itself: all equal
                counts, status = (1.0, 0, 0, 0), SAME
            elif not (has0 and has1):  # all tokens of the one side added, or removed
                n = differ.diff(t0, t1).n_tokens_b if has1 else differ.diff(t0, t1).n_tokens_a
                counts, status = ((0.0, n, 0, 0), ADDED) if has1 else ((0.0, 0, n, 0), REMOVED)
            else:
                diff = differ.diff(t0, t1)
                counts = (diff.similarity, *side_counts(diff))
                status = (
                    SAME
                    if sum(counts[1:]) == 0
                    else REWRITTEN
                    if counts[0] < threshold
                    else CHANGED
                )
            rows.append((entity, series, g, label, y0, y1, w0, w1, d0, d1, *counts, status))
    if not rows:
        return schema.empty("changes")
    return schema.conform(pd.DataFrame(rows, columns=schema.FRAMES["changes"][0]), "changes")


def side_counts(diff: TextDiff) -> tuple[int, int, int]:
    """``(n_added, n_removed, n_changed)`` of a section pair, as ``changes`` reports them.

    ``n_added = n_tokens_b - n_equal`` (insertions and the new side of replacements),
    ``n_removed = n_tokens_a - n_equal`` (deletions and the old side of replacements),
    ``n_changed`` = tokens in replacements, old and new sides together (as
    :attr:`TextDiff.n_changed`). So a rewritten sentence counts in ``n_added`` and
    ``n_removed`` as well as in ``n_changed``.
    """
    equal = diff.n_equal
    return diff.n_tokens_b - equal, diff.n_tokens_a - equal, diff.n_changed


def section_diff(
    sections: pd.DataFrame,
    alignment: pd.DataFrame,
    row: Mapping | pd.Series | None = None,
    *,
    group: int | None = None,
    year_from: int | str | None = None,
    year_to: int | str | None = None,
    max_cells: int = MAX_CELLS,
) -> TextDiff:
    """The :class:`~trendkz.diff.textdiff.TextDiff` of one group between two documents.

    Give either ``row``, a row of :func:`diff_sections` (anything with ``group``,
    ``doc_from`` and ``doc_to``), or ``group``, ``year_from`` and ``year_to`` (any two
    years of the group's series, not only consecutive ones; a date string such as
    ``"2012-01-25"`` names one document where a series has several a year). A side where
    the group is absent diffs as the empty text.

    Examples
    --------
    >>> changes = diff_sections(sections, alignment)            # doctest: +SKIP
    >>> section_diff(sections, alignment, changes.iloc[3])      # doctest: +SKIP
    >>> section_diff(sections, alignment, group=4, year_from=2017, year_to=2022)  # +SKIP
    """
    differ = Differ(max_cells=max_cells)
    groups = _Groups(sections, alignment)
    if row is not None:
        try:
            g, d0, d1 = int(row["group"]), row["doc_from"], row["doc_to"]
        except (KeyError, TypeError, ValueError):
            raise InputError(
                "row must be a row of diff_sections (with group, doc_from and doc_to)"
            ) from None
    else:
        if group is None or year_from is None or year_to is None:
            raise InputError("give row=, or all of group=, year_from= and year_to=")
        g = int(group)
        found = [k for gg, *_, k in groups.groups if gg == g]
        if not found:
            raise InputError(f"group={group!r} is not in the alignment")
        docs = groups.docs[found[0]]
        d0, d1 = (_doc_of(docs, y, g) for y in (year_from, year_to))
    return groups.diff(g, d0, d1, differ)


def _doc_of(docs: list[tuple[int, str, str]], year: int | str, group: int) -> str:
    hits = [d for y, t, d in docs if (t == year if isinstance(year, str) else y == year)]
    if len(hits) != 1:
        years = sorted({y for y, _, _ in docs})
        what = "no document" if not hits else f"{len(hits)} documents ({', '.join(hits)})"
        raise InputError(
            f"group {group}'s series has {what} in {year}; its years are {years}"
            + ("; pass their dates, or a row of diff_sections, instead" if hits else "")
        )
    return hits[0]
