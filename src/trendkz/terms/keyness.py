"""Keyness: which words a target set of sections uses more (or less) than a reference set.

The statistics follow quanteda's ``textstat_keyness`` for a 2×2 table per word: ``a`` the
word's count in the target, ``b`` in the reference, ``c`` and ``d`` every other token of
each side, ``N = a + b + c + d`` and ``E = (a + b)(a + c) / N``.

- ``chi2``: ``N (|ad - bc| - N δ)² / ((a+b)(c+d)(a+c)(b+d))``, with Yates' δ = 0.5 when
  ``|ad - bc| >= N/2`` and an expected cell is under 5 (``correction="default"``).
- ``g2`` (log-likelihood): ``2 Σ O ln(O / E + 1e-9)`` over the four cells, the cells moved
  by 0.5 toward independence under the same Yates condition; ``correction="williams"``
  divides by Williams' ``q`` instead.
- both carry the sign of ``a - E``: positive when the word leans to the target.
- ``p``: the upper tail of χ² with one degree of freedom at ``|statistic|`` (of ``measure``).
- ``log_ratio`` (effect size, Hardie 2014): ``log2((a / T) / (b / R))``, a zero count
  taken as 0.5, so a word twice as frequent in the target scores 1.

Tokens are what quanteda users expect from ``tokens(remove_punct=TRUE)`` then
``dfm(tolower=TRUE)``: words, hyphenated words and words with an apostrophe stay whole;
abbreviations such as "U.S." stay one token (``u.s``); punctuation and symbols go;
numbers go with ``remove_numbers=True`` (the default here);
English stop words (the Snowball list quanteda's ``stopwords("en")`` returns) are removed
with ``stopwords=True``. N-grams (``ngrams=2`` or ``(1, 2)``) join the kept tokens of one
section with ``concatenator`` (``"_"`` as in quanteda).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import OptionError

__all__ = ["STOPWORDS", "keyness", "tokenize"]

#: Snowball English stop words (the list quanteda's ``stopwords("en")`` returns)
STOPWORDS = frozenset(
    """
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
she her hers herself it its itself they them their theirs themselves what which who whom
this that these those am is are was were be been being have has had having do does did
doing would should could ought i'm you're he's she's it's we're they're i've you've we've
they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't
aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't
shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's
where's why's how's a an the and but if or because as until while of at by for with about
against between into through during before after above below to from up down in out on
off over under again further then once here there when where why how all any both each
few more most other some such no nor not only own same so than too very
""".split()
)

_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_NUMBER = re.compile(r"\d[\d,.]*(?:st|nd|rd|th|s)?|[\d,.]*\d")
_MEASURES = ("g2", "chi2")
_CORRECTIONS = ("default", "yates", "williams", "none")
_EPS = 1e-9


def tokenize(
    text: str, *, lowercase: bool = True, remove_numbers: bool = True, stopwords=True
) -> list[str]:
    """The tokens :func:`keyness` counts in ``text`` (see the module docs)."""
    stop = _stopset(stopwords)
    text = text.replace("’", "'")
    if lowercase:
        return [
            t
            for t in _TOKEN.findall(text.lower())
            if t not in stop and not (remove_numbers and t[0].isdigit() and _NUMBER.fullmatch(t))
        ]
    out = []
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if (remove_numbers and low[0].isdigit() and _NUMBER.fullmatch(low)) or low in stop:
            continue
        out.append(tok)
    return out


def _stopset(stopwords) -> frozenset:
    if stopwords is True:
        return STOPWORDS
    if stopwords is False or stopwords is None:
        return frozenset()
    if isinstance(stopwords, str):
        raise OptionError("keyness: stopwords must be True, False or a collection of words")
    return frozenset(w.lower() for w in stopwords)


def _ngram_sizes(ngrams) -> tuple[int, ...]:
    sizes = (ngrams,) if isinstance(ngrams, int) else tuple(ngrams)
    if not sizes or any(not isinstance(n, int) or n < 1 for n in sizes):
        raise OptionError(f"keyness: ngrams must be a positive int or ints, got {ngrams!r}")
    return tuple(sorted(set(sizes)))


def _count(texts: Iterable[str], sizes, concatenator: str = "_", **tok) -> Counter:
    """Tokens (and n-grams of ``sizes``) of each text, counted together."""
    counts: Counter = Counter()
    for text in texts:
        toks = tokenize(text, **tok)
        for n in sizes:
            if n == 1:
                counts.update(toks)
            elif len(toks) >= n:  # the n-grams in order, as tuples of n shifted lists
                grams = zip(*(toks[i:] for i in range(n)), strict=False)
                counts.update(map(concatenator.join, grams))
    return counts


def _mask(sections: pd.DataFrame, which, name: str) -> np.ndarray:
    """Rows of ``sections`` chosen by doc ids, years, dates, a mask or a callable."""
    if callable(which) and not isinstance(which, (pd.Series, np.ndarray)):
        which = which(sections)
    if isinstance(which, (pd.Series, np.ndarray)) and np.asarray(which).dtype == bool:
        mask = np.asarray(which, dtype=bool)
        if len(mask) != len(sections):
            raise OptionError(
                f"keyness: {name} mask has {len(mask)} rows, sections {len(sections)}"
            )
        return mask
    items = [which] if isinstance(which, (str, int, np.integer)) else list(which)
    mask = np.zeros(len(sections), dtype=bool)
    docs = sections["doc_id"].astype(str).to_numpy()
    years = sections["year"].to_numpy(dtype="float64", na_value=np.nan)
    dates = sections["date"].astype(str).to_numpy() if "date" in sections.columns else None
    for item in items:
        if isinstance(item, (int, np.integer)) and not isinstance(item, bool):
            hit = years == int(item)
        elif isinstance(item, str) and dates is not None and (dates == item).any():
            hit = dates == item
        elif isinstance(item, str):
            hit = docs == item
        else:
            raise OptionError(
                f"keyness: {name} items must be doc ids, years or dates, got {item!r}"
            )
        if not hit.any():
            known = ", ".join(sorted(set(docs))[:8])
            raise OptionError(
                f"keyness: {name} {item!r} matches no section (doc ids such as {known}; "
                "or a year as an int)"
            )
        mask |= hit
    return mask


def _yates(a, b, c, d, n) -> np.ndarray:
    """quanteda's Yates condition: 0.5 where it applies, else 0."""
    small = (
        ((a + b) * (a + c) / n < 5)
        | ((a + b) * (b + d) / n < 5)
        | ((a + c) * (c + d) / n < 5)
        | ((c + d) * (b + d) / n < 5)
    )
    return np.where((np.abs(a * d - b * c) >= n / 2) & small, 0.5, 0.0)


def _williams(a, b, c, d, n) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        q = 1 + (n / (a + b) + n / (c + d) - 1) * (n / (a + c) + n / (b + d) - 1) / (6 * n)
    return np.where(a * b * c * d == 0, 1.0, q)


def _stats(a: np.ndarray, b: np.ndarray, correction: str):
    """Signed chi2 and G2 for counts ``a`` (target) and ``b`` (reference)."""
    c = a.sum() - a
    d = b.sum() - b
    n = a + b + c + d
    sign = np.where(a > (a + b) * (a + c) / n, 1.0, -1.0)
    yates = correction in ("default", "yates")
    delta = _yates(a, b, c, d, n) if yates else np.zeros_like(a)
    q = _williams(a, b, c, d, n) if correction == "williams" else np.ones_like(a)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = (
            n * (np.abs(a * d - b * c) - n * delta) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
        )
        chi2 = chi2 * sign * q
        s = np.where(a * d - b * c > 0, -delta, delta)
        aa, bb, cc, dd = a + s, b - s, c - s, d + s

        def cell(o, e):
            return np.where(o > 0, o * np.log(o / e + _EPS), 0.0)

        g2 = 2 * (
            cell(aa, (aa + bb) * (aa + cc) / n)
            + cell(bb, (aa + bb) * (bb + dd) / n)
            + cell(cc, (aa + cc) * (cc + dd) / n)
            + cell(dd, (bb + dd) * (cc + dd) / n)
        )
    return chi2, g2 * sign / q


def keyness(
    sections: pd.DataFrame,
    *,
    target,
    reference=None,
    measure: str = "g2",
    correction: str = "default",
    ngrams=1,
    concatenator: str = "_",
    stopwords=True,
    remove_numbers: bool = True,
    lowercase: bool = True,
    min_count: int = 1,
) -> pd.DataFrame:
    """Every word (or n-gram) of ``target`` and ``reference`` with its keyness.

    ``target`` and ``reference`` choose rows of ``sections`` (any frame with ``text``,
    ``doc_id`` and ``year``: sections, group texts, documents with text): a doc id, a year
    (int), a date (str, when the frame has a ``date`` column), a list of these, a boolean
    mask, or a callable ``sections -> mask``. ``reference=None`` takes every other row, as
    quanteda does. ``measure`` (``"g2"`` or ``"chi2"``) sorts the rows and gives ``p``;
    ``correction`` is ``"default"`` (Yates where it applies), ``"yates"``, ``"williams"``
    or ``"none"``. ``min_count`` drops terms seen fewer times on both sides together.

    Returns
    -------
    pandas.DataFrame
        ``term, n_target, n_reference, g2, chi2, p, log_ratio, leans`` — counts, signed
        statistics (positive: the term leans to the target), the p-value of ``measure``,
        the effect size and ``leans`` (``"target"``, ``"reference"`` or ``"neither"``),
        sorted by ``measure`` descending, then term.
    """
    if measure not in _MEASURES:
        raise OptionError(f"keyness: measure must be one of {list(_MEASURES)}, got {measure!r}")
    if correction not in _CORRECTIONS:
        raise OptionError(
            f"keyness: correction must be one of {list(_CORRECTIONS)}, got {correction!r}"
        )
    if "text" not in sections.columns:
        raise OptionError("keyness: sections needs a 'text' column (use split_sections)")
    sizes = _ngram_sizes(ngrams)
    tmask = _mask(sections, target, "target")
    rmask = ~tmask if reference is None else _mask(sections, reference, "reference")
    if (tmask & rmask).any():
        raise OptionError("keyness: target and reference share sections; choose apart")
    tok = {"lowercase": lowercase, "remove_numbers": remove_numbers, "stopwords": stopwords}
    texts = sections["text"].fillna("").astype(str).to_numpy()
    tc = _count(texts[tmask], sizes, concatenator, **tok)
    rc = _count(texts[rmask], sizes, concatenator, **tok)
    terms = sorted(set(tc) | set(rc))
    a = np.array([tc.get(t, 0) for t in terms], dtype="float64")
    b = np.array([rc.get(t, 0) for t in terms], dtype="float64")
    keep = a + b >= min_count
    if a.sum() == 0 or b.sum() == 0:
        raise OptionError("keyness: target or reference has no tokens left to count")
    chi2, g2 = _stats(a, b, correction)
    stat = g2 if measure == "g2" else chi2
    p = np.array([math.erfc(math.sqrt(abs(x) / 2)) for x in stat])
    ratio = np.log2((np.maximum(a, 0.5) / a.sum()) / (np.maximum(b, 0.5) / b.sum()))
    leans = np.where(stat > 0, "target", np.where(stat < 0, "reference", "neither"))
    out = pd.DataFrame(
        {
            "term": pd.array(terms, dtype="string"),
            "n_target": pd.array(a.astype("int64"), dtype="Int64"),
            "n_reference": pd.array(b.astype("int64"), dtype="Int64"),
            "g2": g2,
            "chi2": chi2,
            "p": p,
            "log_ratio": ratio,
            "leans": pd.array(leans, dtype="string"),
        }
    )[keep]
    out["_key"] = -(out[measure].round(9))
    out = out.sort_values(["_key", "term"], kind="mergesort").drop(columns="_key")
    return schema.conform(out, "keyness", sort=False)
