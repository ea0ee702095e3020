"""The grouping behind :func:`trendkz.align_sections` for one entity/series: ``_Series``.

Titled sections are assigned document by document (greedy, best score first, twice: the
second time with parent agreement known), then untitled ones by content and position;
see :mod:`trendkz.align.sections` for the method and :mod:`trendkz.align.scores` for the evidence.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .scores import EVIDENCE, STRONG, Features, combine, method

#: an untitled section joins the group it resembles most, even under ``min_similarity``,
#: when its content similarity is this many times the mean over the candidate groups
UNTITLED_LIFT = 1.5


def _parent_agreement(
    f: Features, a: np.ndarray, b: np.ndarray, group_of: np.ndarray, known: bool
) -> np.ndarray:
    pa, pb = f.parent[a], f.parent[b]
    top = (pa[:, None] < 0) & (pb[None, :] < 0)
    if known:  # a parent not in a group (new, or untitled) agrees if its heading does
        ga = np.where(pa >= 0, group_of[np.maximum(pa, 0)], -1)
        gb = np.where(pb >= 0, group_of[np.maximum(pb, 0)], -1)
        same = (ga[:, None] >= 0) & (ga[:, None] == gb[None, :])
        unplaced = ((pa >= 0) & (ga < 0))[:, None] & (pb >= 0)[None, :]
        heads = f.norm_code
        equal = heads[np.maximum(pa, 0)][:, None] == heads[np.maximum(pb, 0)][None, :]
        return np.where(top | same | (unplaced & equal), 1.0, np.where(unplaced, 0.5, 0.0))
    one_top = (pa[:, None] < 0) ^ (pb[None, :] < 0)
    return np.where(top, 1.0, np.where(one_top, 0.0, 0.5))


def _best_by_group(s: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each row of ``s`` (cols labelled by ``groups``): group ids, best score, best col."""
    order = np.argsort(groups, kind="stable")
    gs = groups[order]
    ids, starts = np.unique(gs, return_index=True)
    so = s.T[order]  # one row per column of s, in group order (reduced along axis 0)
    best = np.maximum.reduceat(so, starts, axis=0)
    if np.isnan(so).any():  # argmax picks the first NaN: group by group
        arg = np.empty_like(best.T, dtype=np.int64)
        bounds = [*starts.tolist(), len(gs)]
        for k in range(len(ids)):
            arg[:, k] = order[bounds[k] + np.argmax(so[bounds[k] : bounds[k + 1]], axis=0)]
        return ids, best.T, arg
    # the first column of each group holding its best (as argmax would pick)
    sizes = np.diff(np.append(starts, len(gs)))
    at = np.where(so == np.repeat(best, sizes, axis=0), np.arange(len(gs))[:, None], len(gs))
    arg = order[np.minimum.reduceat(at, starts, axis=0)]
    return ids, best.T, arg.T


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
    for r, c in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        if r not in used_r and c not in used_c:
            used_r.add(r)
            used_c.add(c)
            out[r] = c
    return out


_NAMES = np.array(EVIDENCE, dtype=object)
#: the ``method`` of each set of strong evidence (bit k: ``EVIDENCE[k]`` is strong)
_STRONG_NAMES = np.array(
    [""] + ["+".join(EVIDENCE[e] for e in range(3) if bits >> e & 1) for bits in range(1, 8)],
    dtype=object,
)


def _methods(h: np.ndarray, c: np.ndarray, o: np.ndarray, weights: dict[str, float]) -> list[str]:
    """:func:`~trendkz.align.scores.method` of many pairs at once."""
    vals = np.stack([h, c, o]).astype(np.float64)  # evidence x pairs
    w = np.array([weights[k] for k in EVIDENCE])[:, None]
    used = (w > 0) & ~np.isnan(vals)
    strong = used & (vals >= np.array([STRONG[k] for k in EVIDENCE])[:, None])
    bits = strong[0] * 1 + strong[1] * 2 + strong[2] * 4
    largest = np.argmax(np.where(used, w * vals, -np.inf), axis=0)  # ties: the first
    other = np.where(used.any(axis=0), _NAMES[largest], "alone")
    return np.where(bits > 0, _STRONG_NAMES[bits], other).tolist()


class _Series:
    """The alignment of one entity/series: ``group_of``, ``sim``, ``how`` per row."""

    def __init__(self, rows: pd.DataFrame, scorer, threshold: float, weights: dict):
        self.f = f = Features(rows, scorer)
        self.threshold, self.weights = threshold, weights
        n = len(rows)
        self.group_of = np.full(n, -1)
        self.sim = np.full(n, np.nan)
        self.how = ["alone"] * n
        self.n_groups = 0
        self.founder: list[int] = []
        self._dens: dict[int, tuple] = {}  # group -> ((group, members), centroid_den)
        for d in range(f.doc.max() + 1 if n else 0):
            self._titled(np.flatnonzero((f.doc == d) & f.titled))
        for d in range(f.doc.max() + 1 if n else 0):
            self._untitled(d, np.flatnonzero((f.doc == d) & ~f.titled))

    def _new_group(self, i: int) -> None:
        self.group_of[i] = self.n_groups
        self.founder.append(i)
        self.n_groups += 1

    def _join(self, i: int, j: int, score: float, how: str) -> None:
        g = self.group_of[j]
        self.group_of[i] = g
        self.sim[i] = score
        self.how[i] = how
        first = self.founder[g]
        if np.isnan(self.sim[first]):  # the founder takes the score of the first join
            self.sim[first], self.how[first] = score, how

    def _titled(self, a: np.ndarray) -> None:
        """Place the titled rows ``a`` of one document among the groups of the titled rows
        before it. Every pair is titled, so the heading score is never missing and
        :func:`~trendkz.align.scores.combine` reduces to one weighted sum, computed here
        term by term in the same order (the same floats) and reused by the second pass."""
        if not len(a):
            return
        f, w = self.f, self.weights
        prev = np.flatnonzero((self.group_of >= 0) & f.titled)
        assign: dict[int, int] = {}
        if len(prev):
            h, c = f.heading(a, prev), f.content(a, prev)
            # no words on either side: the heading stands for the content
            hc = w["heading"] * h + w["content"] * np.where(np.isnan(c), h, c)
            total = w["heading"] + w["content"] + w["outline"]
            total = total if total > 0 else 1.0
            place = f.place(a, prev)

            def score(known: bool):
                o = (place + _parent_agreement(f, a, prev, self.group_of, known)) / 3.0
                s = np.round(np.clip((hc + w["outline"] * o) / total, 0.0, 1.0), 6)
                return o, s

            o, s = score(False)
            ids, best, arg = _best_by_group(s, self.group_of[prev])
            assign = _greedy(best, self.threshold)
            # second pass, with the parents of this document placed by the first
            rows = np.array(list(assign), dtype=np.int64)
            self.group_of[a[rows]] = ids[[assign[r] for r in rows.tolist()]]
            o, s = score(True)
            self.group_of[a] = -1
            ids, best, arg = _best_by_group(s, self.group_of[prev])
            assign = _greedy(best, self.threshold)
            r_in = np.array(sorted(assign), dtype=np.int64)
            j_in = arg[r_in, [assign[r] for r in r_in.tolist()]] if len(r_in) else r_in
            hows = dict(
                zip(
                    r_in.tolist(),
                    _methods(h[r_in, j_in], c[r_in, j_in], o[r_in, j_in], w),
                    strict=True,
                )
            )
        for r, i in enumerate(a.tolist()):
            if r in assign:
                j = int(arg[r, assign[r]])
                self._join(i, prev[j], best[r, assign[r]], hows[r])
            else:
                self._new_group(i)

    def _untitled(self, d: int, a: np.ndarray) -> None:
        """Place the untitled rows ``a`` of document ``d``. Rows of ``d`` never count as
        candidates, so the candidates, their groups and each group's summed vector stay the
        same while ``a`` is placed: every row is scored at once, group by group, and a
        group's self-similarity is found again only when it has gained members."""
        f = self.f
        own_titled = set(self.group_of[(f.doc == d) & f.titled].tolist())
        prev = np.flatnonzero((self.group_of >= 0) & (f.doc != d))
        prev = prev[[g not in own_titled for g in self.group_of[prev]]]
        if not len(prev) or not len(a):
            for i in a.tolist():
                self._new_group(i)
            return
        content = f.content(a, prev)
        position = f.outline(a, prev, np.zeros((len(a), len(prev))))
        key = np.nan_to_num(content, nan=-1.0) + position * 1e-3
        of = self.group_of[prev]
        order = np.argsort(of, kind="stable")
        ids, starts = np.unique(of[order], return_index=True)
        rows = np.arange(len(a))
        cg, pg = np.empty((len(a), len(ids))), np.empty((len(a), len(ids)))
        best = np.empty((len(a), len(ids)), dtype=np.int64)
        for k, m in enumerate(np.split(order, starts[1:])):  # m: a group's columns, ascending
            j = m[np.argmax(key[:, m], axis=1)]  # its best member for each row
            cg[:, k] = np.fmax(content[rows, j], self._centroids(a, int(ids[k]), prev[m]))
            pg[:, k], best[:, k] = position[rows, j], prev[j]
        scores = combine(np.full(cg.shape, np.nan), cg, pg, self.weights)
        for r, i in enumerate(a.tolist()):
            s, c = scores[r], cg[r]
            k = int(np.lexsort((ids, -s))[0])
            if s[k] >= self.threshold:
                self._join(i, best[r, k], s[k], method(np.nan, c[k], pg[r, k], self.weights))
            elif _stands_out(c, k):
                self._join(i, best[r, k], s[k], "content")
            else:
                self._new_group(i)

    def _centroids(self, a: np.ndarray, g: int, members: np.ndarray) -> np.ndarray:
        """Cosine of each row of ``a`` with the sum of the subtree vectors of group ``g``'s
        ``members`` (NaN where either side has no words); the group's self-similarity is
        kept while its members stay."""
        f, key = self.f, (g, len(members))
        if self._dens.get(g, (None,))[0] != key:
            self._dens[g] = (key, f.centroid_den(members))
        rep, den = self._dens[g][1]
        out = np.full(len(a), np.nan)
        has = f.has_sub[a]
        if len(rep) and has.any():
            # row sums of a C-ordered float32 block: the same pairwise sums as one row's
            num = f.sub_cos[np.ix_(f.sub_rep[a[has]], rep)].sum(axis=1).astype(np.float64)
            out[has] = np.clip(num / np.sqrt(den), 0.0, 1.0) if den > 0 else 0.0
        return out

    def order(self) -> list[int]:
        """Groups in reading order: outlines merged, titled documents first, by year.

        A group new in a document goes after the group before it in that document, or,
        when it opens the document, before the first known group that follows it.
        """
        f = self.f
        order: list[int] = []
        docs = sorted(
            range(f.doc.max() + 1 if len(f.doc) else 0),
            key=lambda d: (not f.titled[f.doc == d].any(), d),
        )
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
