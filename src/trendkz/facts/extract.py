"""Facts: every quantity stated in the text, as a frame you can plot and compare.

``extract_facts(sections)`` reads each sentence of each section (sentences from
:func:`trendkz.segment.sentences.sentence_spans`), finds its time expressions
(:mod:`trendkz.facts.periods`), its numbers (:mod:`trendkz.facts.quantities`, parsing by
:mod:`trendkz.facts.numbers`) and names what each number counts (:mod:`trendkz.facts.measures`).

Only the sentences with a digit or a number word are read (one scan of each paragraph
finds them; a paragraph with none is not even split into sentences), and a sentence that
recurs in another report of the same entity and series is read once: the results are the
same as reading every sentence in turn, in a fraction of the time.
"""

from __future__ import annotations

import re

import pandas as pd

from .._core import schema
from .._core.errors import check_option
from .._core.rows import conformed
from ..segment.sentences import sentence_spans
from .cache import FactCache
from .changes import change_span, has_change_noun
from .periods import assign_period, comparison_clauses
from .qualifiers import has_case_trap
from .quantities import FACT_KINDS, NON_FACT_KINDS
from .respective import respectively

__all__ = ["FACT_KINDS", "NON_FACT_KINDS", "extract_facts", "facts_of_sentence"]

_NEEDED = ("doc_id", "entity", "series", "year", "kind", "section_id", "text", "start")
_WITH_DATE = ("doc_id", "entity", "series", "year", "date", "kind", "section_id", "text", "start")
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundreds? thousands? millions? billions? "
    "dozens? tens zero half"
).split() + [r"a\s+(?:third|quarter|fourth|fifth|sixth|eighth|tenth)\s+of"]


def _words_pattern(words: list[str]) -> str:
    """``\\b(?:w1|w2|...)\\b`` with the words grouped by first letter (the same matches
    found, faster: only search hits are used)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return r"\b(?:" + "|".join(f"{k}(?:{'|'.join(v)})" for k, v in by_first.items()) + r")\b"


#: a sentence without a digit or a number word has no fact
_MAYBE = re.compile(r"[\d½⅓⅔¼¾⅕⅛]|" + _words_pattern(_NUMBER_WORDS), re.I)
_DIGIT = re.compile(r"[\d½⅓⅔¼¾⅕⅛]")
#: the number words of :data:`_MAYBE`, ...
_WORDS = re.compile(_words_pattern(_NUMBER_WORDS), re.I)
#: ... and on lower-cased text (several times faster than ``re.I``); text with a
#: :data:`trendkz.facts.numbers.CASE_TRAPS` letter is searched with :data:`_WORDS` instead
_WORDS_LOWER = re.compile(_words_pattern(_NUMBER_WORDS))


def facts_of_sentence(
    text: str, year: int, *, include_non_facts: bool = False, context: dict | None = None
) -> list[dict]:
    """The facts of one sentence as dicts (offsets relative to ``text``).

    Keys: ``fact_kind, value, low, high, low_open, high_open, unit, qualifier, direction, measure,
    period_start, period_end, period_assumed, start, end, text``. ``context`` carries
    measures from one sentence to the next (see :func:`trendkz.facts.measures.name_measures`).
    """
    if not _maybe(text):
        return []
    return _facts(text, year, context, include_non_facts)


#: a paragraph break: a sentence always ends at one (and no look at the text crosses it),
#: so the sentences of a text are those of its paragraphs
_PARAGRAPH = re.compile(r"\n\s*\n")


def _maybe_sentences(body: str, low: str, words: re.Pattern, seen: dict):
    """The spans of the sentences of ``body`` with a digit or a number word (where
    :data:`_MAYBE` matches), in order; a paragraph with none is not split at all (see
    :func:`_lowered` for ``low`` and ``words``). Digits are looked for first (a quick scan):
    most sentences with a number have digits. A number or a word never straddles two
    sentences: they meet at white space. ``seen`` keeps the spans (relative) of each
    paragraph read, for the paragraphs that recur (one dict for each ``words``)."""
    digit, word = _DIGIT.search, words.search
    p0 = 0
    for m in [*_PARAGRAPH.finditer(body), None]:
        p1 = len(body) if m is None else m.start()
        paragraph = body[p0:p1]
        spans = seen.get(paragraph)
        if spans is None:
            spans = seen[paragraph] = tuple(
                (a - p0, b - p0)
                for a, b in (
                    sentence_spans(paragraph, p0) if digit(low, p0, p1) or word(low[p0:p1]) else ()
                )
                if digit(low, a, b) or word(low[a:b])
            )
        for a, b in spans:
            yield a + p0, b + p0
        if m is not None:
            p0 = m.end()


def _lowered(body: str) -> tuple[str, re.Pattern]:
    """``body`` lower-cased with :data:`_WORDS_LOWER`, or as it is with :data:`_WORDS`
    (when lower-casing would not keep offsets or matches)."""
    low = body.lower()
    if len(low) != len(body) or has_case_trap(body):
        return body, _WORDS
    return low, _WORDS_LOWER


def _maybe(text: str) -> bool:
    """What :data:`_MAYBE` says, faster: digits first (a quick scan), then the number words
    on the lower-cased text (see :func:`_lowered`)."""
    if _DIGIT.search(text) is not None:
        return True
    low, words = _lowered(text)
    return words.search(low) is not None


_FACT_KEYS = (
    "fact_kind",
    "value",
    "low",
    "high",
    "low_open",
    "high_open",
    "unit",
    "qualifier",
    "direction",
    "measure",
    "period_start",
    "period_end",
    "period_assumed",
    "start",
    "end",
    "text",
)


_START = _FACT_KEYS.index("start")


def _facts(text: str, year: int, context: dict | None, include_non_facts: bool) -> list[dict]:
    return [
        dict(zip(_FACT_KEYS, f, strict=True))
        for f in _fact_tuples(text, year, context, include_non_facts, FactCache())
    ]


def _fact_tuples(
    text: str, year: int, context: dict | None, include_non_facts: bool, cache: FactCache
) -> list[tuple]:
    """The facts of a sentence as tuples of :data:`_FACT_KEYS` values."""
    reading = cache.read(text, year)
    quantities, get_periods = reading.quantities, reading.periods
    if not reading.has_fact and not include_non_facts:
        return []  # nothing to name (the context is only changed by facts)
    measures = reading.measures(context)
    rows: list[tuple] = []
    free = None
    clauses: list = []
    changes = None  # whether the sentence has a change noun (looked at once, when needed)
    for q, measure in zip(quantities, measures, strict=True):
        fact = q.is_fact
        if not fact and not include_non_facts:
            continue
        if not fact:
            first = last = assumed = None
        elif q.series_year is not None:
            first = last = q.series_year
            assumed = False
        else:
            if free is None:
                series_years = [
                    (p.start, p.end)
                    for p in quantities
                    if p.kind == "year" and p.series_year is not None
                ]
                free = [
                    p
                    for p in get_periods()
                    if not any(p.start < b and p.end > a for a, b in series_years)
                ]
                clauses = comparison_clauses(text) if free else []
            first, last, assumed = assign_period(q.start, q.end, free, text, year, clauses=clauses)
            if not assumed and changes is not False:
                if changes is None:
                    changes = has_change_noun(text)
                if changes:
                    first, last = change_span(q.start, text, free, first, last)
        rows.append(
            (
                q.kind,
                q.value,
                q.low,
                q.high,
                q.low_open if fact else None,
                q.high_open if fact else None,
                q.unit or None,
                q.qualifier or None,
                q.direction or None,
                measure or None,
                first,
                last,
                assumed,
                q.start,
                q.end,
                text[q.start : q.end],
            )
        )
    if "respectively" in text and rows:
        facts = [n for n, r in enumerate(rows) if r[0] in FACT_KINDS]
        years = respectively(text, [(rows[n][_START], rows[n][_START + 1]) for n in facts])
        for k, y in years.items():
            n = facts[k]
            rows[n] = (*rows[n][:_PERIOD], y, y, False, *rows[n][_PERIOD + 3 :])
    return rows


_PERIOD = _FACT_KEYS.index("period_start")


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
        ``doc_id, entity, series, year, date, kind`` (of the document: report / analysis),
        ``section_id``; ``fact_kind`` (``exact``, ``approximate``, ``bound``, ``range``; or a
        non-fact kind such as ``year``, ``reference``, ``footnote``); ``value`` (the number
        stated; NaN for ranges and vague counts), ``low``, ``high`` (the interval it means;
        NaN on an open side), ``low_open``, ``high_open`` (the bound is exclusive or
        missing), ``unit`` (``count``, ``percent``, ``years``, ``USD`` ...), ``qualifier``
        (the words: "more than", "about", "dozens"), ``direction`` (``up`` / ``down``: a
        change stated in words, "decreased 3%", whose value keeps its magnitude; see
        :mod:`trendkz.facts.signs`), ``measure`` (what is counted and what
        happened to it: "websites blocked"), ``period_start``, ``period_end`` (years the
        number is about), ``period_assumed`` (no period in the sentence: the report's year),
        ``start``, ``end`` (offsets into the document body), ``text`` (the quantity as
        written), ``sentence``. Sorted by entity, series, year, document, offset.
    """
    schema.require(sections, _NEEDED, name="sections", maker="split_sections")
    sections = schema.with_date(sections)
    check_option("include_non_facts", include_non_facts, (True, False))
    rows = []
    # sections by entity and series (their order kept): a sentence that recurs in the next
    # report is read once; the cache lives for one group only, so memory stays bounded
    groups: dict[tuple[str, str], list] = {}
    columns = [sections[c].tolist() for c in _WITH_DATE]
    for r in zip(*columns, strict=True):
        groups.setdefault((str(r[1]), str(r[2])), []).append(r)
    for group in groups.values():
        cache = FactCache()
        seen: dict = {_WORDS: {}, _WORDS_LOWER: {}}  # by paragraph: str keys, untracked
        for doc_id, entity, series, year, date, kind, section_id, body, start in group:
            if not isinstance(body, str) or not body:
                continue
            low, words = _lowered(body)
            base = int(start)
            context: dict = {}
            prev_end = 0
            for a, b in _maybe_sentences(body, low, words, seen[words]):
                sentence = body[a:b]
                # a measure is carried within a paragraph only (no sentence holds "\n\n")
                if body.find("\n\n", prev_end, a) >= 0:
                    context.clear()
                prev_end = b
                shift = base + a
                for f in _fact_tuples(sentence, int(year), context, include_non_facts, cache):
                    rows.append(
                        (
                            doc_id,
                            entity,
                            series,
                            year,
                            date,
                            kind,
                            section_id,
                            *f[:_START],
                            f[_START] + shift,
                            f[_START + 1] + shift,
                            f[_START + 2],
                            sentence,
                        )
                    )
    if not rows:
        return schema.empty("facts")
    names = [*_WITH_DATE[:7], *_FACT_KEYS, "sentence"]
    return conformed(rows, names, "facts")
