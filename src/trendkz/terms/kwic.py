"""Keywords in context: every use of a term with the words around it."""

from __future__ import annotations

import pandas as pd

from .._core import schema
from .._core.errors import OptionError
from .counts import (
    _HAS_WORD,
    _NONBLANK,
    _RUN,
    _WS,
    _hits_frame,
    _lexicon,
    _scan,
    _sections,
)
from .lexicon import Lexicon

__all__ = [
    "keywords_in_context",
]


def _context(text: str, at: int, window: int, *, left: bool) -> int:
    """Where ``window`` words of context before (or after) ``at`` begin (or end); a
    word is a run of non-blanks with a letter or digit, and lone marks between words
    (quotes, dashes) come along."""
    if left:
        runs = list(_RUN.finditer(text, max(0, at - 60 * window), at))[::-1]
    else:
        runs = list(_NONBLANK.finditer(text, at, min(len(text), at + 60 * window)))
    edge, seen = at, 0
    for m in runs:
        if seen == window:
            break
        edge = m.start() if left else m.end()
        seen += bool(_HAS_WORD.search(m.group()))
    return edge


def keywords_in_context(sections, term: str, *, window: int = 8, lexicon=None) -> pd.DataFrame:
    """Every hit of ``term`` with ``window`` words of context on each side (KWIC).

    Parameters
    ----------
    sections
        A sections frame (:func:`trendkz.split_sections`) or a :class:`Corpus`.
    term
        A term of ``lexicon`` (its hits as counted by :func:`count_terms`, so
        "extremism" excludes "violent extremism"), or else a pattern in lexicon syntax
        (``"religious extremis*"``), matched on its own.
    window
        Words of context on each side, within the section.
    lexicon
        A :class:`Lexicon`, a dict, a lexicon file path or a built-in name; default: the
        built-in counter-terrorism lexicon. Its hedge cues are used either way.

    Returns
    -------
    DataFrame
        ``doc_id, entity, series, year, date, section_id, term, left, match, right``
        (white space runs shown as one space), ``is_quoted, is_hedged, start, end`` (offsets
        of the match into the document body).
    """
    if isinstance(window, bool) or not isinstance(window, int) or window < 1:
        raise OptionError(f"window={window!r} is not valid; give a whole number of words >= 1")
    if not isinstance(term, str) or not term.strip():
        raise OptionError(f"term={term!r} is not valid; give a term name or a pattern")
    sec = _sections(sections)
    lex = _lexicon(lexicon)
    if term not in lex:
        lex = Lexicon({term: [term]}, hedges=lex.hedges)
    texts = sec["text"].tolist()
    rows = [r for r in _scan(texts, lex) if r[3] == term]
    h = _hits_frame(rows)
    base = sec.iloc[h["row"].to_numpy()].reset_index(drop=True)
    offset = base["start"].astype("int64").to_numpy()
    left, match, right = [], [], []
    for r, s, e in zip(h["row"], h["s"], h["e"], strict=True):
        text = texts[r]
        lo = _context(text, s, window, left=True)
        hi = _context(text, e, window, left=False)
        left.append(_WS.sub(" ", text[lo:s]).strip())
        match.append(_WS.sub(" ", text[s:e]))
        right.append(_WS.sub(" ", text[e:hi]).strip())
    out = base[["doc_id", "entity", "series", "year", "date", "section_id"]].assign(
        term=term,
        left=left,
        match=match,
        right=right,
        is_quoted=h["is_quoted"].to_numpy(dtype=bool),
        is_hedged=h["is_hedged"].to_numpy(dtype=bool),
        start=h["s"].to_numpy() + offset,
        end=h["e"].to_numpy() + offset,
    )
    return schema.conform(out, "kwic")
