"""The evidence :func:`trendkz.align_sections` weighs: heading, content and outline scores.

Every score lies in [0, 1]. For the sections of one entity/series (``Features``):

- **heading**: the ``scorer`` (default ``rapidfuzz.fuzz.token_sort_ratio``) on headings
  normalized by :func:`normalize_heading` (outline numbers, years, punctuation and English
  function words dropped, lower case). ``token_set_ratio`` was not chosen: it scores a
  heading contained in a longer one at 100 ("Discrimination" vs "Discrimination with
  Respect to Employment"). Untitled sections have no heading score.
- **content**: cosine similarity of TF-IDF vectors of word tokens (letters only,
  ``1 + ln tf``, ``idf = ln((n + 1) / df)`` over the n sections of the series, so a term
  found in every section weighs almost nothing), the larger of two readings: the
  section's own text (heading removed) and its whole subtree (own text plus every
  descendant's). The subtree reading places a parent whose own text is just its heading.
  0 when one side has no words; when neither has, the heading stands for the content.
  (RapidFuzz's ``token_set_ratio`` on whole texts was measured and rejected: on the seed
  chapters it scores every 2009 paragraph 43-68 against every group, flat.)
- **outline**: the mean of relative position in the document (``1 - |Δ|``), level
  agreement (``1`` equal, ``0.5`` one apart, else ``0``) and parent agreement (both
  top-level, or their parents in the same group: ``1``; a parent in no group yet: ``1``
  when the parents' headings are equal, else ``0.5``; otherwise ``0``). For untitled
  sections only the relative position counts.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from typing import cast

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from .._core.errors import OptionError
from .words import cosines, count_entries, subtree_entries, word_codes

__all__ = [
    "EVIDENCE",
    "TOLERANCE",
    "WEIGHTS",
    "Features",
    "check_scorer",
    "checked_similarities",
    "clean_heading",
    "normalize_heading",
    "scorer_matrix",
    "scorer_name",
]

#: the kinds of evidence, in the order ``method`` names them
EVIDENCE = ("heading", "content", "outline")
#: default weights of the evidence for titled sections (untitled: content 0.8, outline 0.2)
WEIGHTS = {"heading": 0.4, "content": 0.4, "outline": 0.2}
#: a component at or above this value is named in ``method``
STRONG = {"heading": 0.8, "content": 0.5, "outline": 0.8}

#: words dropped from headings before they are compared (they inflate fuzzy scores)
FUNCTION_WORDS = frozenset(
    """a an the and or of for in on to with by at from as into via
per vs its their nor but not""".split()
)
_OUTLINE_NUMBER = re.compile(
    r"^\s*(?:(?:section|part|chapter|article)\s+(?:\d+|[ivxlc]+)\b[.:]?"
    r"|\d+(?:\.\d+)*[.)]|[ivx]{1,5}[.)]|[a-z][.)])\s+",
    re.I,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HEAD_WORD = re.compile(r"[^\W_]+")


def clean_heading(heading: str) -> str:
    """A heading without its outline number (``"a. "``, ``"Section 2. "``) or final colon."""
    return _OUTLINE_NUMBER.sub("", heading or "", count=1).strip().rstrip(":").strip()


def normalize_heading(heading: str) -> str:
    """The form headings are compared in: cleaned, years and English function words
    dropped, lower-case words (all words kept when nothing else is left)."""
    words = _HEAD_WORD.findall(_YEAR.sub(" ", clean_heading(heading)).lower())
    content = [w for w in words if w not in FUNCTION_WORDS]
    return " ".join(content or words)


#: how far outside [0, 1] a similarity may stray by rounding (a float32 cosine of two
#: equal texts is 1.0000001): within it values are clipped, beyond it they are an error
TOLERANCE = 1e-6


def scorer_name(scorer: object) -> str:
    """A scorer's name for messages: ``ratio``, ``partial(token_set_ratio)``, a class name."""
    if isinstance(scorer, functools.partial):
        return f"partial({scorer_name(scorer.func)})"
    name = getattr(scorer, "__name__", None)
    return str(name or type(scorer).__name__)


def _scale(scorer: Callable) -> float | None:
    """The optimal score of a rapidfuzz similarity scorer (100 for ``fuzz.*``, 1 for
    ``normalized_similarity``), read from the scorer itself (also inside a
    ``functools.partial``); None for any other callable, whose results must lie in [0, 1].
    """
    inner = scorer
    while isinstance(inner, functools.partial):
        inner = inner.func
    flags_fn = getattr(inner, "_RF_ScorerPy", {}).get("get_scorer_flags")
    if flags_fn is None:
        return None
    flags = flags_fn()
    best, worst = flags["optimal_score"], flags["worst_score"]
    if best < worst:
        raise OptionError(
            f"scorer={scorer_name(scorer)!r} is a distance; "
            "pass a similarity such as rapidfuzz.fuzz.ratio or "
            "rapidfuzz.distance.Levenshtein.normalized_similarity"
        )
    if worst != 0 or best not in (1, 100):
        raise OptionError(
            f"scorer={scorer_name(scorer)!r} scores from {worst} to {best}; "
            "pass a similarity on 0..1 or 0..100 (a rapidfuzz fuzz.* or normalized_similarity)"
        )
    return float(best)


def check_scorer(scorer: object) -> Callable:
    """``scorer`` if it can score sentences or headings, else an OptionError."""
    if not callable(scorer) and not callable(getattr(scorer, "matrix", None)):
        raise OptionError(
            f"scorer={scorer!r} is not callable; pass a rapidfuzz scorer, "
            "trendkz.TfidfCosine() or a function (a, b) -> similarity in [0, 1]"
        )
    fn = cast(Callable, scorer)  # callable, or an object with a matrix method
    _scale(fn)  # a distance is refused here, before any work
    return fn


def checked_similarities(m: np.ndarray, scorer: object) -> np.ndarray:
    """The scorer contract on a matrix of scores of a scorer that is not rapidfuzz's:
    values within :data:`TOLERANCE` of [0, 1] are clipped into it; NaN or values further
    out are an OptionError naming the scorer (it is not guessed that they are percentages).
    """
    m = np.asarray(m, dtype=np.float64)
    if not m.size:
        return m
    bad = np.isnan(m) | (m < -TOLERANCE) | (m > 1.0 + TOLERANCE)
    if bad.any():
        value = float(m[bad].flat[0])
        hint = (
            "; it looks like a percentage: divide by 100, or pass the rapidfuzz scorer itself "
            "(its 0..100 scale is read from the scorer)"
            if 2.0 <= value <= 100.0
            else ""
        )
        raise OptionError(
            f"scorer={scorer_name(scorer)!r} returned {value!r}; a scorer must return "
            f"similarities in [0, 1]{hint}"
        )
    return np.clip(m, 0.0, 1.0)


def scorer_matrix(
    a: list[str], b: list[str], scorer: Callable | None, *, cutoff: float = 0.0
) -> np.ndarray:
    """``len(a) x len(b)`` similarities in [0, 1] of a scorer.

    - a rapidfuzz similarity (recognised by its own flags, not by its values) runs through
      ``process.cdist`` and is divided by its optimal score (100 or 1); with ``cutoff`` > 0
      it may return 0 for pairs under ``cutoff`` (rapidfuzz then skips most of the work on
      them); pairs at or above it keep their exact score;
    - an object with a ``matrix(a, b)`` method (:class:`trendkz.TfidfCosine`) is asked
      for the whole matrix;
    - any other callable ``(a, b) -> float`` is called on every pair.

    The last two are held to the contract of :func:`checked_similarities`.
    """
    scorer = check_scorer(fuzz.token_sort_ratio if scorer is None else scorer)
    if not a or not b:
        return np.zeros((len(a), len(b)))
    scale = _scale(scorer)
    if scale is not None:
        # a hair under the cutoff: rapidfuzz's own rounding never drops a pair at it
        cut = cutoff * scale * (1 - 1e-6) if cutoff > 0 else None  # None: rapidfuzz's default
        m = process.cdist(a, b, scorer=scorer, dtype=np.float64, workers=1, score_cutoff=cut)
        m = m / scale
        return np.clip(m, 0.0, 1.0)
    if callable(getattr(scorer, "matrix", None)):
        m = scorer.matrix(a, b)  # type: ignore[attr-defined]
        if np.shape(m) != (len(a), len(b)):
            raise OptionError(
                f"scorer={scorer_name(scorer)!r}.matrix returned shape {np.shape(m)}, "
                f"not ({len(a)}, {len(b)})"
            )
    else:
        m = np.array([[float(scorer(x, y)) for y in b] for x in a], dtype=np.float64)
    return checked_similarities(m, scorer)


def _distinct(items: list[str]) -> tuple[list[str], np.ndarray]:
    """The distinct items in order of first appearance, and where each item is in them."""
    index: dict[str, int] = {}
    where = [index.setdefault(x, len(index)) for x in items]
    return list(index), np.array(where, dtype=np.int64)


def _own_text(text: str, heading: str) -> str:
    if heading:
        k = text.find(heading)
        if 0 <= k < 12:
            return text[k + len(heading) :]
    return text


class Features:
    """Per-section evidence for the sections of one entity/series, in a fixed row order.

    ``rows`` is ``sections`` sorted by year, doc_id, position, with a 0-based ``row``.
    """

    def __init__(self, rows: pd.DataFrame, scorer: Callable | None):
        self.rows = rows
        self.scorer = scorer
        n = len(rows)
        headings = rows["heading"].fillna("").tolist()
        self.titled = np.array([bool(h.strip()) for h in headings])
        norms = {h: normalize_heading(h) for h in dict.fromkeys(headings)}
        self.norm = [norms[h] for h in headings]
        self.norm_code = pd.factorize(np.array(self.norm, dtype=object), sort=False)[0]
        self._heads: np.ndarray | None = None
        doc = rows["doc_id"].to_numpy()
        self.doc = pd.factorize(doc, sort=False)[0]
        pos = rows["position"].to_numpy(dtype=np.float64)
        last = np.full(self.doc.max() + 1 if n else 0, -np.inf)
        np.maximum.at(last, self.doc, pos)  # the last position of each document
        last = last[self.doc]
        self.relpos = np.where(last > 0, pos / np.maximum(last, 1), 0.0)
        self.level = rows["level"].fillna(1).to_numpy(dtype=np.float64)
        index = {sid: i for i, sid in enumerate(rows["section_id"].tolist())}
        self.parent = np.array(
            [index.get(p, -1) if isinstance(p, str) else -1 for p in rows["parent_id"].tolist()]
        )
        texts = [_own_text(t, h) for t, h in zip(rows["text"].tolist(), headings, strict=True)]
        codes, sizes = word_codes(texts)
        own = count_entries(codes, sizes)
        self.own_cos, self.own_rep, self.has_own = cosines(n, *own)
        self.sub_cos, self.sub_rep, self.has_sub = cosines(
            n, *subtree_entries(own, self.parent.tolist())
        )

    def heading(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Heading similarity of rows ``a`` x rows ``b`` (NaN where either is untitled)."""
        out = np.full((len(a), len(b)), np.nan)
        ta, tb = a[self.titled[a]], b[self.titled[b]]
        if len(ta) and len(tb):
            if _scale(self.scorer or fuzz.token_sort_ratio) is not None:
                # a rapidfuzz scorer: every distinct pair of headings scored once
                if self._heads is None:
                    titled = self.norm_code[self.titled]
                    distinct = {
                        int(k): self.norm[i]
                        for k, i in zip(titled, np.flatnonzero(self.titled), strict=True)
                    }
                    self._heads = np.zeros((self.norm_code.max() + 1,) * 2)
                    keys = list(distinct)
                    self._heads[np.ix_(keys, keys)] = scorer_matrix(
                        list(distinct.values()), list(distinct.values()), self.scorer
                    )
                m = self._heads[np.ix_(self.norm_code[ta], self.norm_code[tb])]
            else:  # other callables are called on the pairs asked for
                ua, ia = _distinct([self.norm[i] for i in ta])
                ub, ib = _distinct([self.norm[j] for j in tb])
                m = scorer_matrix(ua, ub, self.scorer)[np.ix_(ia, ib)]
            out[np.ix_(self.titled[a], self.titled[b])] = m
        return out

    def content(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Content similarity of rows ``a`` x rows ``b``: 0 where one side has no words,
        NaN where neither has (:func:`combine` then reads the heading as the content)."""
        own = np.where(
            self.has_own[a][:, None] & self.has_own[b][None, :],
            self.own_cos[np.ix_(self.own_rep[a], self.own_rep[b])],
            np.nan,
        )
        sa, sb = self.has_sub[a][:, None], self.has_sub[b][None, :]
        sub = np.where(
            sa & sb,
            self.sub_cos[np.ix_(self.sub_rep[a], self.sub_rep[b])],
            np.where(sa | sb, 0.0, np.nan),
        )
        return np.clip(np.fmax(own, sub).astype(np.float64), 0.0, 1.0)

    def centroid_den(self, members: np.ndarray) -> tuple[np.ndarray, float]:
        """The subtree vectors of ``members`` that have words, and the squared norm of
        their sum: a row's centroid similarity with the members is the sum of its cosines
        with them over the square root of this."""
        rep = self.sub_rep[members[self.has_sub[members]]]
        return rep, float(self.sub_cos[np.ix_(rep, rep)].sum())

    def place(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Relative position plus level agreement of rows ``a`` x rows ``b`` (the outline
        score of titled pairs is this plus parent agreement, over 3)."""
        pos = 1.0 - np.abs(self.relpos[a][:, None] - self.relpos[b][None, :])
        gap = np.abs(self.level[a][:, None] - self.level[b][None, :])
        return pos + np.where(gap == 0, 1.0, np.where(gap == 1, 0.5, 0.0))

    def outline(self, a: np.ndarray, b: np.ndarray, parent_agree: np.ndarray) -> np.ndarray:
        """Outline similarity of rows ``a`` x rows ``b`` given parent agreement (0/0.5/1)."""
        pos = 1.0 - np.abs(self.relpos[a][:, None] - self.relpos[b][None, :])
        full = (self.place(a, b) + parent_agree) / 3.0
        untitled = ~self.titled[a][:, None] | ~self.titled[b][None, :]
        return np.where(untitled, pos, full)


def combine(h: np.ndarray, c: np.ndarray, o: np.ndarray, weights: dict[str, float]) -> np.ndarray:
    """Weighted mean of the evidence there is.

    Heading is missing (NaN) for untitled pairs, whose outline is their position alone and
    weighs half. Content is missing (NaN) when neither side has words: the heading then
    stands for the content; untitled pairs without words are placed by position alone.
    """
    c = np.where(np.isnan(c), h, c)  # no words on either side: the heading is the content
    wh = np.where(np.isnan(h), 0.0, weights["heading"])
    wc = np.where(np.isnan(c), 0.0, weights["content"])
    wo = np.where(np.isnan(h), 0.5, 1.0) * weights["outline"]
    total = wh + wc + wo
    s = (wh * np.nan_to_num(h) + wc * np.nan_to_num(c) + wo * o) / np.where(total > 0, total, 1.0)
    return np.round(np.clip(s, 0.0, 1.0), 6)


def method(h: float, c: float, o: float, weights: dict[str, float]) -> str:
    """Which evidence placed a pair: the strong components, else the largest weighted."""
    vals = {"heading": h, "content": c, "outline": o}
    used = [k for k in EVIDENCE if weights[k] > 0 and not math.isnan(vals[k])]
    strong = [k for k in used if vals[k] >= STRONG[k]]
    if strong:
        return "+".join(strong)
    if not used:
        return "alone"
    return max(used, key=lambda k: (weights[k] * vals[k], -EVIDENCE.index(k)))
