"""Reference periods: the years a stated number is about.

:func:`find_periods` finds the time expressions of a sentence ("in 2022", "from 2019 to
2021", "since 2010", "as of June 27, 2019", "in the first nine months of the year", "during
the year", "last year", "over the past five to six years") and resolves each to a span of
years, using the report's own year for relative ones. :func:`assign_period` gives a number
the nearest expression of its sentence; when the sentence has none, the report's own year,
flagged as assumed.

Resolution rules:

- a year, or a month / date of a year -> that year; a range of years -> its first and last;
- "since Y" -> Y to the report's year (or Y when Y is later);
- "as of <date> Y" -> Y (a count standing on that date);
- "the year", "during the year", "this year", "at year's end", a month without a year, "the
  first nine months of the year" -> the report's year (stated, not assumed);
- "last year", "the previous year" -> the report's year minus one;
- "the past N years", "the last N years" -> report year minus N to the report's year;
- "the 1990s" -> 1990 to 1999;  "the 2021 report" -> 2021.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .qualifiers import has_case_trap

__all__ = [
    "MONTHS",
    "Period",
    "assign_period",
    "comparison_clauses",
    "find_periods",
    "period_matches",
    "resolve_periods",
]

MONTHS = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_EDGE = (
    r"(?:(?:early|mid|late|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half)"
    r"\s+of)[-\s]+)?"
)
_DATE = rf"{_EDGE}(?:{_MONTH},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?"
_NUMW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_SPAN = rf"(?:{_NUMW}(?:\s*(?:-|–|to|or)\s*{_NUMW})?\s+)"
_PART = (
    rf"(?:(?:the\s+)?(?:only\s+)?(?:(?:first|last|past|previous|second|third|final)\s+)?"
    rf"{_SPAN}?(?:months?|quarters?|half|weeks?)\s+of\s+)"
)


@dataclass(frozen=True, slots=True)
class Period:
    """A time expression of a sentence: its span and the years it covers."""

    start: int
    end: int
    first: int
    last: int
    text: str


def _y(s: str) -> int:
    return int(s)


# (pattern, resolver(match groups, report_year) -> (first, last) or None); order matters
# only for overlaps, resolved by keeping the longest match.
_RULES: list[tuple[re.Pattern, object]] = [
    (
        re.compile(
            rf"\b(?:(?:from|between)\s+)?{_DATE}({_YEAR})\s*(?:-|–|—|to|through|until|"
            rf"till|and)\s*{_DATE}({_YEAR})\b",
            re.I,
        ),
        lambda m, ry: (_y(m[1]), _y(m[2])) if _y(m[1]) < _y(m[2]) < _y(m[1]) + 100 else None,
    ),
    (
        re.compile(rf"\b({_YEAR})[-–/](\d\d)\b(?!\s*(?:percent|%))"),
        lambda m, ry: (
            (_y(m[1]), _y(m[1]) // 100 * 100 + _y(m[2])) if _y(m[1]) % 100 < _y(m[2]) else None
        ),
    ),
    (
        re.compile(rf"\bsince\s+{_DATE}({_YEAR})\b", re.I),
        lambda m, ry: (_y(m[1]), max(_y(m[1]), ry)),
    ),
    (
        re.compile(rf"\b(?:as\s+(?:of|at)|by)\s+(?:the\s+end\s+of\s+)?{_DATE}({_YEAR})\b", re.I),
        lambda m, ry: (_y(m[1]), _y(m[1])),
    ),
    (
        re.compile(
            rf"\b(?:(?:in|during|for|of|throughout|over|on|from|after|before|until|within|"
            rf"at|to|through)\s+{_PART}?(?:fiscal\s+year\s+|FY\s*)?"
            rf"(?:{_MONTH}\s+(?:and|or|to|through)\s+)?{_DATE}({_YEAR})\b"
            rf"(?![-–]\d))",
            re.I,
        ),
        lambda m, ry: (_y(m[1]), _y(m[1])),
    ),
    (
        re.compile(
            rf"\b({_YEAR})\s+(?:annual\s+|national\s+)?(?:report|survey|census|"
            rf"statistics|data|budget)\b",
            re.I,
        ),
        lambda m, ry: (_y(m[1]), _y(m[1])),
    ),
    (
        re.compile(r"\b(?:in|during|since|throughout)\s+the\s+((?:19|20)\d0)(?:s|’s|'s)\b", re.I),
        lambda m, ry: (_y(m[1]), _y(m[1]) + 9),
    ),
    (
        re.compile(
            rf"\b(?:in|during|for|over|of|throughout)\s+{_PART}?the\s+(?:reporting\s+)?"
            rf"(?:year|period)\b(?!['’]s|\s+\d)|\b(?:at|by|as\s+of|before)\s+(?:the\s+)?"
            rf"year(?:(?:['’]s)?\s+|-)end\b|\b(?:at|by|as\s+of|before|until)\s+the\s+end\s+of\s+"
            rf"the\s+year\b|\bthis\s+year\b|\bthe\s+reporting\s+period\b",
            re.I,
        ),
        lambda m, ry: (ry, ry),
    ),
    (
        re.compile(
            rf"\b(?:in|during|since|by|through|until|from|as\s+of|between|on|at\s+the\s+"
            rf"(?:beginning|start|end)\s+of)\s+(?:early[-\s]+|mid[-\s]+|late[-\s]+)?"
            rf"{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?\b(?!,?\s*(?:1[89]|20)\d\d)(?!\s*\d)"
            rf"(?!\s+(?:and|or|to|through|-|–)\s+{_MONTH}(?:\s+\d{{1,2}})?,?\s+{_YEAR})",
            re.I,
        ),
        lambda m, ry: (ry, ry),
    ),
    (
        re.compile(
            r"\b(?:last\s+year|the\s+(?:previous|prior|preceding)\s+year|a\s+year\s+"
            r"(?:earlier|before))\b",
            re.I,
        ),
        lambda m, ry: (ry - 1, ry - 1),
    ),
    (
        re.compile(
            rf"\b(?:the\s+)?(?:past|last|previous|preceding)\s+({_NUMW})(?:\s*(?:-|–|to|or)"
            rf"\s*({_NUMW}))?\s+years\b",
            re.I,
        ),
        lambda m, ry: (ry - _n(m[2] or m[1]), ry),
    ),
    # 11: a date of a year without a preposition ("Michigan, November 1996, $8,978,998")
    (
        re.compile(
            rf"(?:^|[,(;]\s){_MONTH},?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?({_YEAR})\b", re.I
        ),
        lambda m, ry: (_y(m[1]), _y(m[1])),
    ),
    # 12: the year after the report's ("the coming fiscal year", "next year")
    (
        re.compile(
            r"\b(?:next|the\s+(?:coming|next|upcoming))\s+(?:fiscal\s+|calendar\s+)?year\b",
            re.I,
        ),
        lambda m, ry: (ry + 1, ry + 1),
    ),
    # 13: since an event: of a year ("since China joined the WTO in 2001") or of none
    # ("since NAFTA was approved": up to the report's year)
    (
        re.compile(rf"\bsince\s+(?:[a-z][\w.’'-]*\s+){{1,8}}?in\s+({_YEAR})\b", re.I),
        lambda m, ry: (_y(m[1]), max(_y(m[1]), ry)),
    ),
    (
        re.compile(
            r"\bsince\s+(?:[a-z][\w.’'-]*\s+){1,4}?(?:was|were|took|began|started|joined|"
            r"came|became|passed|signed|entered|opened|left|ended)\b",
            re.I,
        ),
        lambda m, ry: (ry, ry),
    ),
    # 15: "fiscal '19", "FY'21"; 16: a year before a noun ("the 2024 notes")
    (
        re.compile(r"\b(?:fiscal(?:\s+year)?\s*|fy\s*)['’](\d\d)\b", re.I),
        lambda m, ry: (ry // 100 * 100 + _y(m[1]),) * 2,
    ),
    (
        re.compile(rf"\b(?:the|its|our|this) ({_YEAR})\s+(?=[a-z])", re.I),
        lambda m, ry: (_y(m[1]), _y(m[1])),
    ),
]
_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def _n(s: str) -> int:
    return int(s) if s.isdigit() else _WORDS[s.lower()]


_YEARISH = re.compile(r"1[89]\d\d|20\d\d")
#: the rules to run on lower-cased text: ``(pattern, on_lower)``; a case-insensitive rule
#: is lower-cased and run on lower-cased text (several times faster than
#: ``re.IGNORECASE``; the patterns hold no upper-case escape)
_LOWER_RULES = [
    (re.compile(p.pattern.lower()), True) if p.flags & re.IGNORECASE else (p, False)
    for p, _ in _RULES
]
_AS_WRITTEN = [(p, False) for p, _ in _RULES]
_EVERY = list(range(len(_RULES)))
#: rule indices of :data:`_RULES` by what they need: a year-ish number, "year" or "period",
#: a month's first letters
_NO_YEAR = {
    (yearly, month): [n for n, want in ((7, yearly), (8, month), (9, yearly), (10, yearly)) if want]
    for yearly in (False, True)
    for month in (False, True)
}


def _has_month(low: str) -> bool:
    """The first three letters of a month (lower-cased) somewhere in ``low``."""
    return (
        "jan" in low
        or "feb" in low
        or "mar" in low
        or "apr" in low
        or "may" in low
        or "jun" in low
        or "jul" in low
        or "aug" in low
        or "sep" in low
        or "oct" in low
        or "nov" in low
        or "dec" in low
    )


def _wanted(text: str, low: str) -> list[int]:
    """The indices of the rules of :data:`_RULES` that ``text`` has what they cannot match
    without (most sentences have no year: the rules that need one are not run)."""
    yearly = "year" in low or "period" in low
    month = _has_month(low)
    first = _YEARISH.search(text)
    wanted = []
    if first is not None:
        if _YEARISH.search(text, first.end()):
            wanted.append(0)
        if "-" in text or "–" in text or "/" in text:
            wanted.append(1)
        if "since" in low:
            wanted += (2, 13)
        wanted += (3, 4)
        if "the 1" in low or "the 2" in low or "our 2" in low or "its 2" in low or "this 2" in low:
            wanted.append(16)
        if month:
            wanted.append(11)
        if (
            "report" in low
            or "survey" in low
            or "census" in low
            or "statistics" in low
            or "data" in low
            or "budget" in low
        ):
            wanted.append(5)
        if "0s" in low or "0’s" in low or "0's" in low:
            wanted.append(6)
    wanted += _NO_YEAR[yearly, month]
    if yearly and ("next" in low or "coming" in low):
        wanted.append(12)
    if "since" in low:
        wanted.append(14)
    if ("'" in text or "’" in text) and ("fiscal" in low or "fy" in low):
        wanted.append(15)
    return wanted


def find_periods(text: str, year: int) -> list[Period]:
    """Time expressions of ``text`` resolved with the report's ``year``, in text order."""
    return resolve_periods(text, period_matches(text), year)


def period_matches(text: str) -> tuple[tuple[int, int, int, tuple], ...]:
    """Every match of every rule in ``text`` as ``(rule index, start, end, groups)``
    (``groups[k]`` is the match's group ``k``); they do not depend on the report's year
    (:func:`resolve_periods` resolves them), so they can be kept for a sentence that recurs
    from one report to the next (plain tuples: light to keep)."""
    found = []
    low = text.lower()
    if len(low) != len(text) or has_case_trap(text):
        # lower-casing would move offsets or lose matches: every rule, as written
        rules, wanted = _AS_WRITTEN, _EVERY
    else:
        rules, wanted = _LOWER_RULES, _wanted(text, low)
    for n in sorted(wanted):  # in rule order, as the rules are written
        pattern, on_lower = rules[n]
        found += [
            (n, *m.span(), (m[0], *m.groups())) for m in pattern.finditer(low if on_lower else text)
        ]
    return tuple(found)


def resolve_periods(text: str, matches, year: int) -> list[Period]:
    """The periods of :func:`period_matches` resolved with the report's ``year``: the longest
    of overlapping matches kept (then the earliest), in text order."""
    found = []
    for n, a, b, groups in matches:
        span = _RULES[n][1](groups, year)
        if span:
            found.append(Period(a, b, span[0], span[1], text[a:b]))
    found.sort(key=lambda p: (-(p.end - p.start), p.start))
    kept: list[Period] = []
    for p in found:
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


#: words that make the period after them a comparison base (up to three words between)
_BASE = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|than|against|below|above|over)"
    r"(?:\s+(?:the|those|that|of|a|an|in|levels?|figures?)){0,3}\s+$",
    re.I,
)


#: words that open a comparison clause ("compared with an expense of $0.8 million in the
#: prior year"): a period inside it is the base of every number outside it
_CLAUSE = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against|relative\s+to)\s")
_CLAUSE_END = re.compile(r"[,;:]|\s[-–—]\s")


def comparison_clauses(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the comparison clauses of ``text``."""
    if (
        "compar" not in text
        and " vs" not in text
        and "versus" not in text
        and "relative" not in text
        and "against" not in text
    ):
        return []
    out = []
    for m in _CLAUSE.finditer(text):
        e = _CLAUSE_END.search(text, m.end())
        out.append((m.start(), e.start() if e else len(text)))
    return out


def assign_period(
    start: int,
    end: int,
    periods: list[Period],
    text: str,
    year: int,
    *,
    clauses: list[tuple[int, int]] | None = None,
) -> tuple[int, int, bool]:
    """``(first, last, assumed)`` for the number at ``text[start:end]``.

    The nearest period of the sentence wins (distance in characters between the spans; a
    period across a semicolon counts as far away; ties go to the earlier one), except a
    comparison base ("from the prior year quarter", "below last year", "than those of
    1837", "compared with 2019", a period inside "compared with X in the prior year" for a
    number outside it): the number is about the other side of the comparison. A period
    written as a possessive ("last year's") is about a noun after it, never a number before
    it. None: the report's ``year``, assumed.
    """
    if clauses is None:
        clauses = comparison_clauses(text)
    best, best_d = None, None
    for p in periods:
        if p.end <= start:
            lo, hi = p.end, start  # the gap between them
        elif p.start >= end:
            lo, hi = end, p.start
            if text.startswith("'s", p.end) or text.startswith("’s", p.end):
                continue
        else:
            lo = hi = 0
        d = hi - lo + (1000 if text.find(";", lo, hi) >= 0 else 0)
        if p.first > year and d > 150:
            continue  # a speaker's "next year" far from the number
        if _BASE.search(text, max(0, p.start - 40), p.start) or any(
            a <= p.start and p.end <= b and not (a <= start < b) for a, b in clauses
        ):
            continue
        if best_d is None or d < best_d:
            best, best_d = p, d
    if best is None:
        return year, year, True
    return best.first, best.last, False
