"""Facts: every quantity stated in the text, as a frame you can plot and compare.

``extract_facts(sections)`` reads each sentence of each section (sentences from
:func:`trendkz.sentences.sentence_spans`), finds its time expressions
(:mod:`trendkz.periods`), its numbers (:mod:`trendkz.quantities`, parsing by
:mod:`trendkz.numbers`) and names what each number counts (:mod:`trendkz.measures`).
"""

from __future__ import annotations

import re

import pandas as pd

from . import schema
from .errors import InputError, check_option
from .measures import name_measures
from .numbers import CASE_TRAPS, tokenize
from .periods import assign_period, find_periods
from .quantities import FACT_KINDS, NON_FACT_KINDS, find_quantities
from .sentences import sentence_spans

__all__ = ["FACT_KINDS", "NON_FACT_KINDS", "extract_facts", "facts_of_sentence"]

_NEEDED = ("doc_id", "entity", "series", "year", "kind", "section_id", "text", "start")
_NUMBER_WORDS = (
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|tens|zero)\b")
#: a sentence without a digit or a number word has no fact
_MAYBE = re.compile(_NUMBER_WORDS, re.I)
#: the same on lower-cased text (several times faster than ``re.I``); text with a
#: :data:`trendkz.periods.CASE_TRAPS` letter is searched with :data:`_MAYBE` instead
_MAYBE_LOWER = re.compile(_NUMBER_WORDS)


def facts_of_sentence(text: str, year: int, *, include_non_facts: bool = False,
                      context: dict | None = None) -> list[dict]:
    """The facts of one sentence as dicts (offsets relative to ``text``).

    Keys: ``fact_kind, value, low, high, low_open, high_open, unit, qualifier, measure,
    period_start, period_end, period_assumed, start, end, text``. ``context`` carries
    measures from one sentence to the next (see :func:`trendkz.measures.name_measures`).
    """
    if not _MAYBE.search(text):
        return []
    return _facts(text, year, context, include_non_facts)


def _lowered(body: str) -> tuple[str, re.Pattern]:
    """``body`` lower-cased with :data:`_MAYBE_LOWER`, or as it is with :data:`_MAYBE`
    (when lower-casing would not keep offsets or matches); either searches slices of it."""
    low = body.lower()
    if len(low) != len(body) or any(c in body for c in CASE_TRAPS):
        return body, _MAYBE
    return low, _MAYBE_LOWER


def _facts(text: str, year: int, context: dict | None, include_non_facts: bool) -> list[dict]:
    periods = find_periods(text, year)
    toks = tokenize(text)
    quantities = find_quantities(text, periods, toks=toks)
    series_years = [(q.start, q.end) for q in quantities
                    if q.kind == "year" and q.series_year is not None]
    free = [p for p in periods
            if not any(p.start < b and p.end > a for a, b in series_years)]
    measures = name_measures(toks, quantities, context=context)
    rows = []
    for q, measure in zip(quantities, measures, strict=True):
        if not q.is_fact and not include_non_facts:
            continue
        if not q.is_fact:
            first = last = assumed = None
        elif q.series_year is not None:
            first = last = q.series_year
            assumed = False
        else:
            first, last, assumed = assign_period(q.start, q.end, free, text, year)
        rows.append({
            "fact_kind": q.kind, "value": q.value, "low": q.low, "high": q.high,
            "low_open": q.low_open if q.is_fact else None,
            "high_open": q.high_open if q.is_fact else None,
            "unit": q.unit or None, "qualifier": q.qualifier or None,
            "measure": measure or None, "period_start": first, "period_end": last,
            "period_assumed": assumed, "start": q.start, "end": q.end,
            "text": text[q.start:q.end],
        })
    return rows


def extract_facts(sections: pd.DataFrame, *, include_non_facts: bool = False) -> pd.DataFrame:
    """One row per quantity stated in the text of ``sections``.

    Parameters
    ----------
    sections
        The frame :func:`trendkz.split_sections` returns (or any frame with its columns
        ``doc_id, entity, series, year, kind, section_id, text, start``).
    include_non_facts
        Also keep the numbers that are not facts (years, dates, references, footnote
        markers, ordinals, identifiers, ages, numbers in URLs ...), with their
        ``fact_kind`` saying which. Off by default.

    Returns
    -------
    DataFrame
        ``doc_id, entity, series, year, kind`` (of the document: report / analysis),
        ``section_id``; ``fact_kind`` (``exact``, ``approximate``, ``bound``, ``range``; or a
        non-fact kind such as ``year``, ``reference``, ``footnote``); ``value`` (the number
        stated; NaN for ranges and vague counts), ``low``, ``high`` (the interval it means;
        NaN on an open side), ``low_open``, ``high_open`` (the bound is exclusive or
        missing), ``unit`` (``count``, ``percent``, ``years``, ``USD`` ...), ``qualifier``
        (the words: "more than", "about", "dozens"), ``measure`` (what is counted and what
        happened to it: "websites blocked"), ``period_start``, ``period_end`` (years the
        number is about), ``period_assumed`` (no period in the sentence: the report's year),
        ``start``, ``end`` (offsets into the document body), ``text`` (the quantity as
        written), ``sentence``. Sorted by entity, series, year, document, offset.
    """
    if not isinstance(sections, pd.DataFrame):
        raise InputError(f"sections must be a DataFrame from trendkz.split_sections, "
                         f"not {type(sections).__name__}")
    missing = [c for c in _NEEDED if c not in sections.columns]
    if missing:
        raise InputError(f"sections lacks columns {missing}; pass the frame "
                         "trendkz.split_sections returns")
    check_option("include_non_facts", include_non_facts, (True, False))
    rows = []
    for r in sections.loc[:, list(_NEEDED)].itertuples(index=False):
        body = r.text
        if not isinstance(body, str) or not body:
            continue
        low, maybe = _lowered(body)
        if not maybe.search(low):
            continue  # no sentence of the section can hold a fact
        base = int(r.start)
        context: dict = {}
        prev_end = 0
        for a, b in sentence_spans(body):
            if not maybe.search(low[a:b]):
                continue  # no digit, no number word: no fact, context untouched
            sentence = body[a:b]
            # a measure is carried within a paragraph only (sentences never hold "\n\n")
            if "\n\n" in body[prev_end:a]:
                context.clear()
            prev_end = b
            for f in _facts(sentence, int(r.year), context, include_non_facts):
                f["start"] += base + a
                f["end"] += base + a
                rows.append({"doc_id": r.doc_id, "entity": r.entity, "series": r.series,
                             "year": r.year, "kind": r.kind, "section_id": r.section_id,
                             **f, "sentence": sentence})
    if not rows:
        return schema.empty("facts")
    return schema.conform(pd.DataFrame(rows), "facts")
