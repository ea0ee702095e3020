"""Grouping the sections of a series across years: ``align_sections`` and its companions.

A **group** is "the same section across years". Groups are formed per entity and series
(a document of another series, such as an analytical article, forms groups of its own):

1. Titled sections, document by document in year order: each section is scored against
   every group formed so far (its best-scoring member, see :mod:`trendkz.alignscore`) and
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

from . import schema
from .alignscore import EVIDENCE, WEIGHTS, Features, clean_heading, combine, method
from .aligntable import AlignmentTable, alignment_table
from .corpus import count_words
from .errors import InputError, OptionError, check_option

__all__ = ["MIN_SIMILARITY", "AlignmentTable", "align_sections", "alignment_table",
           "group_texts"]

#: default ``min_similarity`` of :func:`align_sections`
MIN_SIMILARITY = 0.45
#: an untitled section joins the group it resembles most, even under ``min_similarity``,
#: when its content similarity is this many times the mean over the candidate groups
UNTITLED_LIFT = 1.5
_NEEDED = ("doc_id", "entity", "series", "year", "section_id", "parent_id", "level",
           "position", "heading", "text")


def _check_sections(sections: pd.DataFrame, needed=_NEEDED) -> None:
    schema.require(sections, needed, name="sections", maker="split_sections")


def _check_options(min_similarity: float, weights: Mapping | None) -> dict[str, float]:
    if (not isinstance(min_similarity, numbers.Real) or isinstance(min_similarity, bool)
            or not 0.0 <= float(min_similarity) <= 1.0):
        raise OptionError(f"min_similarity={min_similarity!r} is not valid; "
                          "give a number from 0 to 1")
    if weights is None:
        return dict(WEIGHTS)
    if not isinstance(weights, Mapping):
        raise OptionError(f"weights={weights!r} is not valid; give a mapping such as "
                          f"{WEIGHTS!r}")
    out = {k: 0.0 for k in EVIDENCE}
    for k, v in weights.items():
        check_option("weights key", k, EVIDENCE)
        if not isinstance(v, numbers.Real) or isinstance(v, bool) or not v >= 0:
            raise OptionError(f"weights[{k!r}]={v!r} is not valid; give a number >= 0")
        out[k] = float(v)
    if sum(out.values()) <= 0:
        raise OptionError("weights are all zero; give at least one positive weight")
    return out


def _parent_agreement(f: Features, a: np.ndarray, b: np.ndarray, group_of: np.ndarray,
                      known: bool) -> np.ndarray:
    pa, pb = f.parent[a], f.parent[b]
    ga = np.where(pa >= 0, group_of[np.maximum(pa, 0)], -1)
    gb = np.where(pb >= 0, group_of[np.maximum(pb, 0)], -1)
    top = (pa[:, None] < 0) & (pb[None, :] < 0)
    one_top = (pa[:, None] < 0) ^ (pb[None, :] < 0)
    if known:  # a parent not in a group (new, or untitled) agrees if its heading does
        same = (ga[:, None] >= 0) & (ga[:, None] == gb[None, :])
        unplaced = (pa[:, None] >= 0) & (ga[:, None] < 0) & (pb[None, :] >= 0)
        heads = np.asarray(f.norm, dtype=object)
        equal = heads[np.maximum(pa, 0)][:, None] == heads[np.maximum(pb, 0)][None, :]
        return np.where(top | same | (unplaced & equal), 1.0,
                        np.where(unplaced, 0.5, 0.0))
    return np.where(top, 1.0, np.where(one_top, 0.0, 0.5))


def _best_by_group(s: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each row of ``s`` (cols labelled by ``groups``): group ids, best score, best col."""
    order = np.argsort(groups, kind="stable")
    gs = groups[order]
    ids, starts = np.unique(gs, return_index=True)
    so = s[:, order]
    best = np.maximum.reduceat(so, starts, axis=1)
    if np.isnan(so).any():  # argmax picks the first NaN: group by group
        arg = np.empty_like(best, dtype=np.int64)
        bounds = [*starts.tolist(), len(gs)]
        for k in range(len(ids)):
            arg[:, k] = order[bounds[k] + np.argmax(so[:, bounds[k]:bounds[k + 1]], axis=1)]
        return ids, best, arg
    # the first column of each group holding its best (as argmax would pick)
    at = np.where(so == np.repeat(best, np.diff(np.append(starts, len(gs))), axis=1),
                  np.arange(len(gs)), len(gs))
    arg = order[np.minimum.reduceat(at, starts, axis=1)]
    return ids, best, arg


def _stands_out(content: np.ndarray, k: int) -> bool:
    """Whether group ``k`` resembles an untitled section clearly more than the others:
    content at least ``UNTITLED_LIFT`` times the mean over 3 or more candidate groups."""
    c = np.nan_to_num(content)
    return len(c) >= 3 and c[k] > 0 and c[k] >= UNTITLED_LIFT * c.mean()


def _greedy(best: np.ndarray, threshold: float) -> dict[int, int]:
    """One-to-one row -> column (group index), best score first, ties by column, row."""
    rows, cols = np.nonzero(best >= threshold)
    order = np.lexsort((rows, cols, -best[rows, cols]))
    used_r, used_c, out = set(), set(), {}
    for k in order:
        r, c = int(rows[k]), int(cols[k])
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            out[r] = c
    return out


class _Series:
    """The alignment of one entity/series: ``group_of``, ``sim``, ``how`` per row."""

    def __init__(self, rows: pd.DataFrame, scorer, threshold: float, weights: dict):
        self.f = f = Features(rows, scorer)
        self.threshold, self.weights = threshold, weights
        n = len(rows)
        self.group_of = np.full(n, -1)
        self.sim = np.full(n, np.nan)
        self.how = ["alone"] * n
        self.n_groups, self.founder = 0, []
        for d in range(f.doc.max() + 1 if n else 0):
            self._titled(np.flatnonzero((f.doc == d) & f.titled))
        for d in range(f.doc.max() + 1 if n else 0):
            self._untitled(d, np.flatnonzero((f.doc == d) & ~f.titled))

    def _new_group(self, i: int) -> None:
        self.group_of[i] = self.n_groups
        self.founder.append(i)
        self.n_groups += 1

    def _score(self, a: np.ndarray, b: np.ndarray, known: bool, hc=None):
        """Heading, content, outline and combined scores of rows ``a`` x ``b`` (``hc``:
        heading and content already computed for these rows)."""
        f = self.f
        h, c = hc if hc is not None else (f.heading(a, b), f.content(a, b))
        o = f.outline(a, b, _parent_agreement(f, a, b, self.group_of, known))
        return h, c, o, combine(h, c, o, self.weights)

    def _join(self, i: int, j: int, score: float, h, c, o, how: str | None = None) -> None:
        g = self.group_of[j]
        self.group_of[i] = g
        self.sim[i] = score
        self.how[i] = how or method(h, c, o, self.weights)
        first = self.founder[g]
        if np.isnan(self.sim[first]):  # the founder takes the score of the first join
            self.sim[first], self.how[first] = score, self.how[i]

    def _titled(self, a: np.ndarray) -> None:
        if not len(a):
            return
        prev = np.flatnonzero((self.group_of >= 0) & self.f.titled)
        assign: dict[int, int] = {}
        if len(prev):
            h, c, o, s = self._score(a, prev, known=False)
            ids, best, arg = _best_by_group(s, self.group_of[prev])
            assign = _greedy(best, self.threshold)
            # second pass, with the parents of this document placed by the first
            rows = np.array(list(assign), dtype=np.int64)
            self.group_of[a[rows]] = ids[[assign[r] for r in rows.tolist()]]
            h, c, o, s = self._score(a, prev, known=True, hc=(h, c))
            self.group_of[a] = -1
            ids, best, arg = _best_by_group(s, self.group_of[prev])
            assign = _greedy(best, self.threshold)
        for r, i in enumerate(a):
            if r in assign:
                j = int(arg[r, assign[r]])
                self._join(i, prev[j], best[r, assign[r]], h[r, j], c[r, j], o[r, j])
            else:
                self._new_group(i)

    def _untitled(self, d: int, a: np.ndarray) -> None:
        f = self.f
        own_titled = set(self.group_of[(f.doc == d) & f.titled].tolist())
        for i in a:
            prev = np.flatnonzero((self.group_of >= 0) & (f.doc != d))
            prev = prev[[g not in own_titled for g in self.group_of[prev]]]
            if not len(prev):
                self._new_group(i)
                continue
            one = np.array([i])
            c = f.content(one, prev)[0]
            pos = f.outline(one, prev, np.zeros((1, len(prev))))[0]
            ids = np.unique(self.group_of[prev])
            cg, pg, best = np.empty(len(ids)), np.empty(len(ids)), np.empty(len(ids), int)
            for k, g in enumerate(ids):
                m = np.flatnonzero(self.group_of[prev] == g)
                j = m[np.argmax(np.nan_to_num(c[m], nan=-1.0) + pos[m] * 1e-3)]
                cg[k] = np.fmax(c[j], f.centroid(i, prev[m]))
                pg[k], best[k] = pos[j], prev[j]
            s = combine(np.full(len(ids), np.nan), cg, pg, self.weights)
            k = int(np.lexsort((ids, -s))[0])
            if s[k] >= self.threshold:
                self._join(i, best[k], s[k], np.nan, cg[k], pg[k])
            elif _stands_out(cg, k):
                self._join(i, best[k], s[k], np.nan, cg[k], pg[k], how="content")
            else:
                self._new_group(i)

    def order(self) -> list[int]:
        """Groups in reading order: outlines merged, titled documents first, by year.

        A group new in a document goes after the group before it in that document, or,
        when it opens the document, before the first known group that follows it.
        """
        f, order = self.f, []
        docs = sorted(range(f.doc.max() + 1 if len(f.doc) else 0),
                      key=lambda d: (not f.titled[f.doc == d].any(), d))
        for d in docs:
            seq = [int(g) for g in self.group_of[f.doc == d]]
            known = [g for g in seq if g in order]
            at = order.index(known[0]) if known else len(order)
            for g in seq:
                if g in order:
                    at = max(at, order.index(g) + 1)
                else:
                    order.insert(at, g)
                    at += 1
        return order


def _labels(groups: list[int], headings: list, texts: list[str]) -> dict[int, str]:
    """Group -> label: its last heading in row order (cleaned), else ``¶`` and the first
    words of its first section."""
    last: dict[int, str] = {}
    first: dict[int, str] = {}
    for g, h, t in zip(groups, headings, texts, strict=True):
        first.setdefault(g, t)
        if isinstance(h, str) and h.strip():
            last[g] = h
    return {g: (clean_heading(last[g]) or last[g].strip()) if g in last
            else _pilcrow(first[g]) for g in sorted(first)}


def _pilcrow(text: str, n: int = 6) -> str:
    words = str(text).split()
    return "¶ " + " ".join(words[:n]) + ("…" if len(words) > n else "")


def align_sections(sections: pd.DataFrame, *, scorer: Callable | None = None,
                   min_similarity: float = MIN_SIMILARITY,
                   weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Group the sections of each series into "the same section across years".

    Parameters
    ----------
    sections
        The frame :func:`trendkz.split_sections` returns (any order; documents of several
        entities and series are aligned separately, per entity and series).
    scorer
        Heading similarity: a rapidfuzz scorer or any callable ``(a, b) -> score`` in 0..1
        or 0..100 (read as percent when any score exceeds 1), applied to normalized
        headings. Default ``rapidfuzz.fuzz.token_sort_ratio``: word order is free but a
        heading is not a perfect match of a longer one that contains it.
    min_similarity
        A section joins a group only with a score of at least this (default 0.45);
        otherwise it starts a group of its own (an untitled section may also join a group
        that stands out by content, see the module notes).
    weights
        Weights of the evidence, keys ``heading``, ``content``, ``outline`` (default
        0.4, 0.4, 0.2; missing keys weigh 0). Untitled sections are scored by content and
        position only. See :mod:`trendkz.alignscore` for how each is computed.

    Returns
    -------
    DataFrame
        One row per (group, section) and one ``absent`` row per (group, document of the
        series) without a section, with columns ``entity, series``; ``group`` (an integer
        unique across the frame, numbered in reading order); ``label`` (the group's most
        recent heading without its outline number, or ``"¶ "`` and the first words of an
        untitled group); ``doc_id, year, section_id, heading`` (missing when absent);
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
    data = sections.assign(_e=sections["entity"].fillna(""), _s=sections["series"].fillna(""))
    data = data.sort_values(["_e", "_s", "year", "doc_id", "position"], kind="mergesort")
    out, next_group = [], 0
    for _, rows in data.groupby(["_e", "_s"], sort=True):
        rows = rows.reset_index(drop=True)
        if rows["section_id"].duplicated().any():
            raise InputError("sections has duplicate section_id values; pass each section once")
        al = _Series(rows, scorer, float(min_similarity), w)
        number = {g: next_group + k for k, g in enumerate(al.order())}
        next_group += len(number)
        frame = rows[["entity", "series", "doc_id", "year", "section_id", "heading",
                      "text"]].copy()
        frame["group"] = [number[g] for g in al.group_of]
        frame["similarity"] = al.sim
        frame["method"] = al.how
        frame["status"] = "matched"
        labels = _labels(frame["group"].tolist(), frame["heading"].tolist(),
                         frame["text"].tolist())
        docs = list(rows.drop_duplicates("doc_id")[["doc_id", "year"]].itertuples(
            index=False, name=None))
        have = set(zip(frame["group"], frame["doc_id"], strict=True))
        entity, series = rows["entity"].iloc[0], rows["series"].iloc[0]
        absent = [{"entity": entity, "series": series,
                   "doc_id": d, "year": y, "group": g, "status": "absent"}
                  for g in labels for d, y in docs if (g, d) not in have]
        frame = pd.concat([frame, pd.DataFrame(absent, columns=["entity", "series", "doc_id",
                                                                "year", "group", "status"])])
        frame["label"] = frame["group"].map(labels)
        out.append(frame)
    frame = pd.concat(out, ignore_index=True)
    frame.loc[frame["status"] == "absent", ["section_id", "heading", "method"]] = pd.NA
    return schema.conform(frame, "alignment")


def group_texts(sections: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """The text of every group in every document of its series.

    Returns
    -------
    DataFrame
        One row per row pair (group, document) of the alignment, with columns ``entity,
        series, group, label, doc_id, year, status`` (``matched`` or ``absent``),
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
    _check_sections(alignment, ("entity", "series", "group", "label", "doc_id", "year",
                                "section_id", "status"))
    text = dict(zip(sections["section_id"].tolist(),
                    zip(sections["start"].tolist(), sections["text"].tolist(), strict=True),
                    strict=True))
    rows: dict[tuple, dict] = {}
    cols = [alignment[c].tolist() for c in ("entity", "series", "group", "label", "doc_id",
                                            "year", "status", "section_id")]
    for ent, ser, g, label, d, y, status, sid in zip(*cols, strict=True):
        row = rows.get((g, d))
        if row is None:
            row = rows[g, d] = {"entity": ent, "series": ser, "group": g, "label": label,
                                "doc_id": d, "year": y, "status": "absent", "parts": []}
        if status == "matched":
            if sid not in text:
                raise InputError(f"alignment names section {sid!r}, which is not in "
                                 "sections; pass the sections the alignment was made from")
            row["status"] = "matched"
            row["parts"].append(text[sid])
    out = list(rows.values())
    for row in out:
        parts = row.pop("parts")
        if len(parts) > 1:
            parts.sort()
        row["text"] = "\n\n".join(t.strip() for _, t in parts)
    return out
