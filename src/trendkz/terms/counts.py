"""Framing: how often each term of a lexicon is used, quoted and hedged.

``count_terms`` counts per document, section or aligned group; ``term_hits`` lists every
hit with its character span; ``keywords_in_context`` shows each hit with its context (the
KWIC view). Hits come from :meth:`Lexicon.find` (whole words, leftmost-longest, each
stretch of text counted once) and carry two flags:

``is_quoted``
    the hit lies inside a pair of quotation marks (``" "``, ``“ ”``, ``' '``, ``‘ ’``,
    ``« »``, ``„ “``, ``‹ ›``), whether the quote holds just the term (“extremism”), a
    phrase around it (“religious extremism”, “grave terrorism and extremism-related
    crimes”) or is followed by a suffix (“extremism”-related). Pairs are found per
    paragraph (text between blank lines) by :func:`quote_spans`.
``is_hedged``
    a hedge cue (:data:`trendkz.terms.lexicon.HEDGES`, or the lexicon's own) ends at most three
    words before the hit, in the same sentence: "so-called “extremist” materials", "what
    the government deemed “extremist” ideas", "six alleged terrorists".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from os import PathLike
from typing import Any

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import InputError, OptionError, check_option
from ..load.corpus import Corpus
from ..segment.sections import split_sections
from . import lexicon as lexicon_module
from .lexicon import Lexicon

__all__ = [
    "count_terms",
    "quote_spans",
    "term_hits",
]

_QUOTE_OR_PARA = re.compile("[\"'“”„‟«»‘’‚‛‹›]|\n[ \t]*\n")
_DOUBLE = frozenset('"“”„‟«»')
_OPENERS = frozenset("“„‟«‘‚‛‹")
_CLOSERS = frozenset("”»’›")
# a quote opens after white space, an opening bracket, a dash or slash, or an opening quote
_OPEN_AFTER = frozenset("([{<—–-/\"'“„‟«‘‚‛‹")
# a quote closes before white space, sentence punctuation, a closing bracket, a dash or
# slash, or a closing quote
_CLOSE_BEFORE = frozenset(".,;:!?)]}>—–-/…\"'”»’›")
_HEDGE_GAP = re.compile(r"[^\w.!?;:]*(?:[\w'’\-]+[^\w.!?;:]*){0,3}")
_HEDGE_REACH = 250
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
_WS = re.compile(r"\s+")
_RUN = re.compile(r"(?<!\S)\S+")  # whole runs only, when cut at the window's start
_NONBLANK = re.compile(r"\S+")
_HAS_WORD = re.compile(r"\w")
_SECTION_COLUMNS = [
    "doc_id",
    "entity",
    "series",
    "year",
    "kind",
    "section_id",
    "text",
    "start",
    "n_words",
]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the text inside each pair of quotation marks, by start.

    Marks pair within a paragraph. The direction of a mark is read from its neighbours
    (a mark after a space and before a letter opens; one after a letter and before a
    space or punctuation closes), and from its glyph when they do not tell. A single
    mark between two letters (``don’t``, ``Qa’ida``) or before a digit (``’90s``) is an
    apostrophe, and so is a closing single mark with no quote open (``years’``). A double
    quote opened at the start of a paragraph and never closed runs to the paragraph's
    end (the convention for quotations spanning paragraphs); other unmatched marks are
    ignored.
    """
    spans: list[tuple[int, int]] = []
    stacks: dict[bool, list[int]] = {True: [], False: []}  # open marks, by double/single
    para = 0
    n = len(text)
    for m in _QUOTE_OR_PARA.finditer(text):
        i = m.start()
        q = m.group()
        if q[0] == "\n":
            _flush(text, para, i, stacks, spans)
            para = m.end()
            continue
        left = text[i - 1] if i else " "
        right = text[i + 1] if i + 1 < n else " "
        double = q in _DOUBLE
        if not double and right.isalnum() and (left.isalnum() or right.isdigit()):
            continue  # apostrophe
        stack = stacks[double]
        can_open = not right.isspace() and (left.isspace() or left in _OPEN_AFTER)
        can_close = not left.isspace() and (right.isspace() or right in _CLOSE_BEFORE)
        if can_open != can_close:
            opens = can_open
        elif q in _OPENERS or q in _CLOSERS:
            opens = q in _OPENERS
        else:  # a straight mark with no telling neighbours: toggle
            opens = not stack
        if opens:
            stack.append(i)
        elif stack:
            # close the innermost open mark of the same kind (guillemets pair with
            # guillemets), dropping marks opened inside it and never closed
            angle = q in "»›"
            k = len(stack) - 1
            while k > 0 and (text[stack[k]] in "«‹") != angle:
                k -= 1
            o = stack[k]
            del stack[k:]
            spans.append((o + 1, i))
            if double:
                stacks[False][:] = [j for j in stacks[False] if j < o]
    _flush(text, para, n, stacks, spans)
    spans.sort()
    return spans


def _flush(text: str, para: int, end: int, stacks: dict, spans: list) -> None:
    doubles = stacks[True]
    if doubles and not text[para : doubles[0]].strip():
        spans.append((doubles[0] + 1, end))
    stacks[True], stacks[False] = [], []


def _inside(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> bool:
    k = bisect.bisect_right(starts, s)
    return any(spans[j][1] >= e for j in range(k))


def _hedged(text: str, cues: re.Pattern, s: int) -> bool:
    # a cue, gap words included, spans at most ~10 words: look in the 250 characters
    # before the hit (the regex still sees the text before them for word boundaries)
    ends = sorted(
        {m.end(1) for m in cues.finditer(text, max(0, s - _HEDGE_REACH), s)}, reverse=True
    )
    for ce in ends:
        if _HEDGE_GAP.fullmatch(text, ce, s) and not _PARA_BREAK.search(text, ce, s):
            return True
    return False


def _scan(texts, lexicon: Lexicon):
    """Hits of every text: rows ``(i, start, end, term, is_quoted, is_hedged)``."""
    find = lexicon.find
    cues = lexicon.hedge_regex
    out = []
    seen: dict[str, list] = {}  # a text repeated (the same section another year) is read once
    for i, text in enumerate(texts):
        rows = seen.get(text)
        if rows is None:
            rows = seen[text] = []
            hits = find(text)
            if hits:
                spans = quote_spans(text)
                starts = [a for a, _ in spans]
                rows += [
                    (s, e, term, _inside(spans, starts, s, e), _hedged(text, cues, s))
                    for s, e, term in hits
                ]
        out += [(i, *r) for r in rows]
    return out


def _sections(sections) -> pd.DataFrame:
    if isinstance(sections, Corpus):
        sections = split_sections(sections)
    if not isinstance(sections, pd.DataFrame):
        raise InputError(
            f"expected a sections frame (trendkz.split_sections) or a Corpus, "
            f"got {type(sections).__name__}"
        )
    schema.require(sections, _SECTION_COLUMNS, name="the sections frame", maker="split_sections")
    return schema.with_date(sections).reset_index(drop=True)


def _lexicon(lexicon) -> Lexicon:
    """A Lexicon from a Lexicon, a dict, a path, a built-in name or ``None``."""
    if lexicon is None:
        return lexicon_module.COUNTER_TERRORISM
    return Lexicon.coerce(lexicon)


def _hits_frame(rows: list) -> pd.DataFrame:
    cols = ["row", "s", "e", "term", "is_quoted", "is_hedged"]
    h = pd.DataFrame(rows, columns=cols)
    h["row"] = h["row"].astype("int64")
    return h


def term_hits(sections, lexicon: Lexicon | Mapping | str | PathLike | None = None) -> pd.DataFrame:
    """Every hit of every lexicon term, with its span for provenance.

    Parameters
    ----------
    sections
        A sections frame (:func:`trendkz.split_sections`) or a :class:`Corpus`.
    lexicon
        A :class:`Lexicon`, a dict, a lexicon file path or a built-in name; default: the
        built-in counter-terrorism lexicon.

    Returns
    -------
    DataFrame
        ``doc_id, entity, series, year, date, section_id, term, start, end`` (offsets into the
        document body: ``body[start:end] == text``), ``text`` (the words as written),
        ``is_quoted, is_hedged``.
    """
    sec = _sections(sections)
    lex = _lexicon(lexicon)
    texts = sec["text"].tolist()
    h = _hits_frame(_scan(texts, lex))
    base = sec.iloc[h["row"].to_numpy()].reset_index(drop=True)
    offset = base["start"].astype("int64").to_numpy()
    out = base[["doc_id", "entity", "series", "year", "date", "section_id"]].assign(
        term=h["term"].to_numpy(),
        start=h["s"].to_numpy() + offset,
        end=h["e"].to_numpy() + offset,
        text=[texts[r][s:e] for r, s, e in zip(h["row"], h["s"], h["e"], strict=True)],
        is_quoted=h["is_quoted"].to_numpy(dtype=bool),
        is_hedged=h["is_hedged"].to_numpy(dtype=bool),
    )
    return schema.conform(out, "hits")


def count_terms(
    sections,
    lexicon: Lexicon | Mapping | str | PathLike | None = None,
    *,
    by: str = "doc",
    alignment: pd.DataFrame | None = None,
    zeros: bool = True,
) -> pd.DataFrame:
    """How often each lexicon term is used per document, section or aligned group.

    Parameters
    ----------
    sections
        A sections frame (:func:`trendkz.split_sections`) or a :class:`Corpus`.
    lexicon
        A :class:`Lexicon`, a dict ``{term: [pattern, ...]}``, a lexicon file path or a
        built-in name; default: the built-in counter-terrorism lexicon.
    by
        ``"doc"`` (one unit per document), ``"section"`` or ``"group"`` (the sections of
        one document in one aligned group; needs ``alignment``).
    alignment
        An alignment frame (columns ``section_id, group``); with ``by="section"`` it fills
        the ``group`` column. Sections it does not list get group ``<NA>`` (kept).
    zeros
        Keep a row for every term in every unit, count 0 included (the default, so that
        plots and averages see the zeros); ``False`` keeps only terms that occur.

    Returns
    -------
    DataFrame
        ``doc_id, entity, series, year, date, kind, section_id`` (``<NA>`` unless
        ``by="section"``), ``group`` (``<NA>`` without alignment), ``term, count,
        quoted`` (hits inside quotation marks), ``hedged`` (hits after a hedge cue),
        ``n_words`` (words in the unit) and ``rate`` (hits per 1,000 words; NaN for a
        unit without words).
    """
    check_option("by", by, ("doc", "section", "group"))
    if by == "group" and alignment is None:
        raise OptionError("by='group' needs alignment=, the frame trendkz.align_sections returns")
    sec = _sections(sections)
    lex = _lexicon(lexicon)
    units = _units(sec, alignment, by)
    unit, term, count, quoted, hedged = _tally(
        _scan(sec["text"].tolist(), lex), units.pop("code"), len(units["doc_id"]), lex.terms, zeros
    )
    at = unit.tolist()
    out: dict[str, Any] = {c: [v[u] for u in at] for c, v in units.items()}
    out["term"], out["count"], out["quoted"], out["hedged"] = term, count, quoted, hedged
    words = np.array([np.nan if schema.is_missing(w) else w for w in out["n_words"]], dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["rate"] = np.where(words > 0, count * 1000.0 / words, np.nan)
    return schema.conform(pd.DataFrame(out), "terms")


def _units(sec: pd.DataFrame, alignment: pd.DataFrame | None, by: str) -> dict[str, Any]:
    """The units counted in, as columns (``doc_id, entity, series, year, date, kind,
    section_id, group, n_words``), and ``code``: the unit of each section. Units of
    several sections (``by="doc"`` or ``"group"``) come in order of first appearance,
    each with the first value present of its sections and their summed words."""
    names = ("doc_id", "entity", "series", "year", "date", "kind", "section_id")
    cols = {c: sec[c].tolist() for c in names}
    cols["group"] = [pd.NA] * len(sec) if alignment is None else _groups(sec, alignment).tolist()
    cols["n_words"] = pd.to_numeric(sec["n_words"]).astype("Int64").tolist()
    if by == "section":
        return {**cols, "code": np.arange(len(sec))}
    keys = cols["doc_id"] if by == "doc" else list(zip(cols["doc_id"], cols["group"], strict=True))
    number: dict = {}
    code = np.fromiter(
        (number.setdefault(k, len(number)) for k in keys), dtype=np.int64, count=len(keys)
    )
    units: dict[str, list] = {c: [pd.NA] * len(number) for c in (*names, "group")}
    words = [0] * len(number)
    for i, u in enumerate(code.tolist()):
        for c in ("doc_id", "entity", "series", "year", "date", "kind", "group"):
            if schema.is_missing(units[c][u]) and not schema.is_missing(cols[c][i]):
                units[c][u] = cols[c][i]
        if not schema.is_missing(cols["n_words"][i]):
            words[u] += cols["n_words"][i]
    if by == "doc":
        units["group"] = [pd.NA] * len(number)
    return {**units, "n_words": words, "code": code}


def _tally(hits: list, code: np.ndarray, n_units: int, terms: Sequence[str], zeros: bool):
    """Counts of hits per (unit, term): arrays unit, term, count, quoted, hedged, for every
    unit and term (unit-major, terms in lexicon order) or, without ``zeros``, for the
    pairs that occur."""
    index = {t: k for k, t in enumerate(terms)}
    n_terms = len(terms)
    if hits:
        rows, _, _, names, is_quoted, is_hedged = zip(*hits, strict=True)
        cell = code[np.array(rows, dtype=np.int64)] * n_terms + np.array(
            [index[t] for t in names], dtype=np.int64
        )
    else:
        cell = np.zeros(0, dtype=np.int64)
        is_quoted = is_hedged = ()
    size = n_units * n_terms
    count = np.bincount(cell, minlength=size)
    quoted = np.bincount(
        cell, weights=np.array(is_quoted, dtype=np.float64), minlength=size
    ).astype(np.int64)
    hedged = np.bincount(
        cell, weights=np.array(is_hedged, dtype=np.float64), minlength=size
    ).astype(np.int64)
    keep = np.arange(size) if zeros else np.flatnonzero(count)
    names_of = np.array(terms, dtype=object)
    return (
        keep // max(n_terms, 1),
        names_of[keep % max(n_terms, 1)] if n_terms else np.array([], dtype=object),
        count[keep],
        quoted[keep],
        hedged[keep],
    )


def _groups(sec: pd.DataFrame, alignment: pd.DataFrame) -> pd.Series:
    schema.require(
        alignment, ("section_id", "group"), name="the alignment frame", maker="align_sections"
    )
    dup = alignment["section_id"].dropna()
    dup = dup[dup.duplicated()]
    if len(dup):
        raise InputError(
            f"section {dup.iloc[0]!r} is in more than one group of the "
            "alignment; counting by group needs each section in one group"
        )
    mapping = dict(zip(alignment["section_id"], alignment["group"], strict=True))
    return sec["section_id"].map(mapping).astype("Int64")
