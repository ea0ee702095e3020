"""Sentence splitting with character offsets: ``split_sentences`` and ``sentence_spans``.

A rule-based splitter, chosen because it keeps exact offsets into the text, needs no model
download, and is fast (one regex pass). A sentence ends at ``.``, ``!`` or ``?`` (with any
closing quotes or brackets) followed by white space and a capital, digit, quote or bracket,
and always at a paragraph break. It does not end after a known abbreviation ("U.S.",
"Dec.", "No.", "Mr.", "e.g."), a single initial ("A. Gusarova"), or inside a decimal
number ("2.5").
"""

from __future__ import annotations

import re

import pandas as pd

from .._core import schema

__all__ = ["ABBREVIATIONS", "sentence_spans", "sentence_texts", "split_sentences"]

#: lower-cased abbreviations (without their final period) that never end a sentence
ABBREVIATIONS = frozenset(
    """
u.s u.k u.n e.u u.s.s.r u.a.e d.c mr mrs ms dr prof st mt gen col lt sgt capt maj adm cmdr
gov sen rep rev hon jr sr messrs jan feb mar apr jun jul aug sep sept oct nov dec no nos
vol vols art arts para paras sec secs ch fig figs p pp ed eds approx est etc e.g i.e vs cf
al inc ltd co corp dept univ assn ave blvd rd apt min max
""".split()
)

_END = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«A-Z0-9•–-])|\n\s*\n")
_END_CHARS = ".!?…\n"  # the first characters _END can match
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")
_LONGEST = max(map(len, ABBREVIATIONS)) + 1  # tokens this long are not abbreviations


def _is_abbreviation(text: str, dot: int) -> bool:
    if dot >= _LONGEST and text[dot - _LONGEST : dot].isalnum():
        return False  # a word longer than any abbreviation (most sentence ends)
    # the token before the dot: what ``(\S+)$`` finds in text[dot - 30:dot] (``$`` also
    # matches before a final newline)
    lo = max(0, dot - 30)
    end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot
    if end <= lo or text[end - 1].isspace():
        return False
    token = text[lo:end].rsplit(None, 1)[-1].lstrip("(\"'“‘[«").lower()
    if token in ABBREVIATIONS:
        return True
    # single initials ("A.", "J.R.") and dotted acronyms ("U.S", "a.m")
    return (
        len(token) <= 5 and (len(token) == 1 or "." in token) and bool(_INITIALS.fullmatch(token))
    )


def _ends(text: str) -> list[int]:
    """Where each sentence ends (the text's end not included)."""
    # a sentence end can only begin at one of these characters: found by str.find (much
    # faster than a regex scan), each tried with _END in order, as finditer would
    cands = []
    for ch in _END_CHARS:
        k = text.find(ch)
        while k >= 0:
            cands.append(k)
            k = text.find(ch, k + 1)
    cands.sort()
    out: list[int] = []
    pos = 0
    match = _END.match
    for c in cands:
        if c < pos:
            continue
        m = match(text, c)
        if m is None:
            continue
        pos = m.end()
        if pos - c == 1 and text[c] == "." and _is_abbreviation(text, c):
            continue
        out.append(pos)
    return out


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text`` (shifted by ``offset``), blank-trimmed."""
    out: list[tuple[int, int]] = []
    start = 0
    for end in [*_ends(text), len(text)]:
        seg = text[start:end]
        trail = len(seg.rstrip())
        if trail:
            out.append((offset + start + len(seg) - len(seg.lstrip()), offset + start + trail))
        start = end
    return out


def sentence_texts(text: str) -> list[str]:
    """The sentences of ``text`` as strings: ``[text[a:b] for a, b in sentence_spans(text)]``
    (the fast form)."""
    out = []
    start = 0
    for end in [*_ends(text), len(text)]:
        seg = text[start:end].strip()
        if seg:
            out.append(seg)
        start = end
    return out


def split_sentences(sections: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of every section.

    Returns
    -------
    DataFrame
        ``doc_id, entity, series, year, date, section_id, sentence_id`` (0-based within the
        section), ``text``, ``start``, ``end`` (offsets into the document body).
    """
    schema.require(
        sections,
        ["doc_id", "entity", "series", "year", "section_id", "text", "start"],
        name="sections",
        maker="split_sections",
    )
    rows = []
    for r in schema.records(schema.with_date(sections)):
        for k, (a, b) in enumerate(sentence_spans(r.text, r.start)):
            rows.append(
                (
                    r.doc_id,
                    r.entity,
                    r.series,
                    r.year,
                    r.date,
                    r.section_id,
                    k,
                    r.text[a - r.start : b - r.start],
                    a,
                    b,
                )
            )
    cols = schema.FRAMES["sentence_list"][0]
    return schema.conform(pd.DataFrame(rows, columns=cols), "sentence_list")
