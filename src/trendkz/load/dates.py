"""The date a document speaks for, read off the evidence it carries.

A date is an ISO 8601 string at the precision the evidence gives: ``YYYY-MM-DD``
(a release line, "for the year ended December 31, 2019"), ``YYYY-MM``, ``YYYY`` (a year in a
title or heading), or a fiscal quarter ``YYYY-Qn`` ("first quarter of fiscal 2022": the
year is the fiscal year). These strings sort in time order within a series. Evidence, from
strongest to weakest (``date_source``):

- ``title``: a year in the document's title;
- ``dateline``: a release or dateline near the top ("For release at 2:00 p.m. EST,
  January 25, 2012", "Washington, March 21, 2000", "Release Date: ...");
- ``period``: the period the document covers ("for the fiscal year ended September 30,
  2021", "October 1, 2015 – March 31, 2016", "first quarter of fiscal 2022", "Annual Report
  for Fiscal Year 2014");
- ``heading``: a year opening a heading ("2012 Country Reports ...:");
- ``mentions``: the year the body names most often (weak: the loader warns). A report
  on "the year" (it says "during the year" and dates its own events without a year: "On
  June 9, ...") names mostly the years before; its covered year is taken as the year after the
  latest it dates to a month ("in November 2018" -> 2019): weak too, and warned;
- ``file name``: a year in the file's name, when the text names none (weakest: warned).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

__all__ = ["Dated", "find_date", "parse_date", "date_key", "decimal_year"]

YEARS = r"(?:1[5-9]\d\d|20\d\d)"
_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"  # noqa: E501
# "January 25, 2012", "25 January 2012", "2012-01-25"
_DATE = (
    rf"(?:(?P<m1>{_MON})\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>{YEARS})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MON}),?\s+(?P<y2>{YEARS})"
    rf"|(?P<y3>{YEARS})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))"
)
_MON_CASED = (  # month names as prose and headings write them: faster than re.I
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|"
    r"OCT|NOV|DEC)[A-Za-z]*\.?"
)
_DATE_RE = re.compile(_DATE.replace(_MON, _MON_CASED))
_YEAR = re.compile(rf"(?<![\d/.-])({YEARS})(?![\d/])")
_TITLE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_HEADING_YEAR = re.compile(rf"^({YEARS})\s+[A-Z][\w ,'’-]{{2,60}}:", re.M)
# a dateline or release line: one short line near the top holding a full date
_DATELINE = re.compile(
    rf"^[ \t]*(?:(?:for\s+(?:immediate\s+)?release|released?|release\s+date|embargoed[^\n,]*"
    rf"|date|dated|issued|published)\b[^\n]{{0,40}}?[:,]?\s*"
    rf"|[A-Z][A-Za-z.' ]{{1,30}}(?:,\s*[A-Z][A-Za-z.' ]{{1,20}})?,\s*|)"
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?{_DATE}\.?[ \t]*$",
    re.I | re.M,
)
_YEAR_ENDED = re.compile(
    rf"\b(?:fiscal\s+)?(?:year|period|quarter|six\s+months|twelve\s+months|months)\s+"
    rf"(?:ended|ending)\s+{_DATE}",
    re.I,
)
# "Annual Report for Fiscal Year 2014", "Report for FY 2005": the fiscal year it covers
_REPORT_FOR_YEAR = re.compile(
    rf"\breport\s+(?:for|on)\s+(?:the\s+)?(?:fiscal\s+year|FY)\s*'?({YEARS})\b", re.I
)
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|,?\s*(?:to|through|until)\b)\s*", re.I)
_ENDED_HINT = re.compile(r"\bend(?:ed|ing)\b", re.I)
_QUARTER_HINT = re.compile(r"quarter|\bQ[1-4]\b", re.I)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_QWORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
# "...quarter and full-year", "...quarter earnings call for", "...quarter results of"
_QTAIL = (
    r"(?:\s+and\s+(?:full|fiscal)?[\s-]*year(?:[\s-]+end)?)?"
    r"(?:\s+(?:earnings|results|financial|conference|call|and|fiscal|year|end)){0,4}?"
    r"(?:\s+(?:of|for|in))?"
)
_QUARTER = re.compile(
    rf"\b(?:{_QWORD}{_QTAIL}(?:\s+(?:the\s+)?fiscal(?:[\s-]+year)?|\s+FY)?\s*'?(?P<y>{YEARS})"
    rf"|(?:fiscal(?:[\s-]+year)?\s+|FY\s*'?)(?P<y2>{YEARS})\s+(?P<q2>first|second|third|fourth)[\s-]+quarter"
    rf"|Q(?P<q3>[1-4])\s+(?:fiscal(?:[\s-]+year)?\s+|FY\s*'?)?(?P<y3>{YEARS})"
    rf"|(?:fiscal(?:[\s-]+year)?\s+|FY\s*'?)(?P<y4>{YEARS})\s+Q(?P<q4>[1-4])"
    rf"|(?:fiscal\s+)?(?P<y5>{YEARS})\s+(?P<q5>first|second|third|fourth)[\s-]+quarter)\b",
    re.I,
)
_RANGE_END = re.compile(
    r"(?:[-–—]|\bto|\buntil|\bthrough|\bby|\bfor completion in|"
    r"\bplanned for|\bscheduled for|\bexpected in)\s*$",
    re.I,
)
_MONTH_YEAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    rf"December)(?:\s+\d{{1,2}},?)?\s+({YEARS})\b"
)
_BARE_QUARTER = re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b", re.I)
# a quarter named, with or without its year: "first-quarter", "Q4"
_ANY_QUARTER = re.compile(r"\b(?:(first|second|third|fourth)[\s-]+quarter|Q([1-4]))\b", re.I)
# the call's own period: "... quarter 2020 [earnings] [conference] call|results", "call for
# the first quarter of 2021", "discuss our second quarter of 2021 results"
_CALL_AFTER = re.compile(
    r"[\s-]*(?:(?:earnings|financial|results|conference|investor|and|full|fiscal|year|end)"
    r"[\s-]+){0,4}(?:call|results|review|teleconference)\b",
    re.I,
)
_CALL_BEFORE = re.compile(r"\b(?:call|discuss|review|welcome to)\b[^.]{0,25}$", re.I)
_NAME_YEAR = re.compile(rf"(?<!\d)({YEARS})(?!\d)")
_SPELLED_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?$")


@dataclass
class Dated:
    """A document's date, its year, the evidence that gave it, and evidence that disagreed."""

    date: str | None = None
    year: int | None = None
    source: str | None = None
    others: list[tuple[str, str]] = field(default_factory=list)  # (source, date) that disagree
    doubt: str | None = None  # why the date is not confident (the loader warns)


def _iso(m: re.Match, prefix: str = "") -> str | None:
    g = m.groupdict()
    for k in "123":
        y = g.get(f"{prefix}y{k}")
        if y:
            mon, day = g[f"{prefix}m{k}"], g[f"{prefix}d{k}"]  # set wherever the year is
            month = int(mon) if mon.isdigit() else _MONTHS.get(_month_name(mon))
            if not month or not 1 <= int(day) <= _days(int(y), month):
                return None
            return f"{int(y):04d}-{month:02d}-{int(day):02d}"
    return None


def _month_name(text: str) -> str:
    t = text.lower().rstrip(".")
    return next((m for m in _MONTHS if m.startswith(t[:3])), t)


def _days(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse_date(text: str) -> str | None:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-Qn`` as given, checked; else None."""
    m = _SPELLED_DATE.match(text.strip())
    if not m:
        return None
    y, mon, day, _q = m.groups()
    if mon and not 1 <= int(mon) <= 12:
        return None
    if day and not 1 <= int(day) <= _days(int(y), int(mon)):
        return None
    return text.strip()


def date_key(date: str | None, year: int) -> str:
    """The text that orders documents in time: the date, or the year alone."""
    return date or f"{year:04d}"


def decimal_year(date: str, year: int | None = None) -> float:
    """A date as a year with a fraction (for a time axis): ``2012-07-01`` -> 2012.5."""
    m = _SPELLED_DATE.match(date or "")
    if not m:
        return float(year) if year is not None else float("nan")
    y, mon, day, q = m.groups()
    if q:
        return int(y) + (int(q) - 0.5) / 4
    if not mon:
        return float(y)
    d = int(day) if day else 15
    return int(y) + (int(mon) - 1 + (d - 1) / _days(int(y), int(mon))) / 12


def _year_from_mentions(body: str) -> int | None:
    if "during the year" in body:
        dated = [int(m.group(1)) for m in _MONTH_YEAR.finditer(body)]
        if dated:
            return max(dated) + 1
    years: Counter[int] = Counter()
    for m in _YEAR.finditer(body):
        y = int(m.group(1))
        if y < 1700 or _RANGE_END.search(body[max(0, m.start() - 20) : m.start()]):
            continue  # end of a range or a plan ("2018-2022", "planned for 2023")
        years[y] += 1
    if not years:
        return None
    return sorted(years.items(), key=lambda kv: (-kv[1], -kv[0]))[0][0]


def _dateline(head: str) -> str | None:
    for m in _DATELINE.finditer(head):
        if len(m.group(0).strip()) <= 120 and (d := _iso(m)):
            return d
    return None


def _period(head: str) -> tuple[str | None, str | None]:
    """The first period the opening states: its own (later ones are comparisons), and why
    it is doubtful (``None`` when it is not): see :func:`_own_quarter`. A period stated
    only past the first :data:`OWN_PERIOD_WITHIN` characters may be one the text reports
    on ("homicides in the 12-month period ending March 31, 2016"): doubtful too."""
    first = _first_period(head)
    if not first:
        return None, None
    date, doubt = _own_quarter(head, *first) if _QUARTER_HINT.search(head) else (first[1], None)
    if doubt is None and date == first[1] and first[0] > OWN_PERIOD_WITHIN:
        doubt = (
            f"the period is stated only at character {first[0]}, deep in the text: it may be "
            "one the text reports on, not its own"
        )
    return date, doubt


#: a period stated within this many characters of the start is the document's own
OWN_PERIOD_WITHIN = 1000


def _quarter_of(m: re.Match) -> tuple[str, int]:
    g = m.groupdict()
    for y, q in (("y", "q"), ("y2", "q2"), ("y3", "q3"), ("y4", "q4"), ("y5", "q5")):
        if g.get(y):
            return g[y], int(g[q]) if g[q].isdigit() else _ORD[g[q].lower()]
    raise AssertionError("a quarter match without a year")  # pragma: no cover


def _own_quarter(head: str, at: int, date: str) -> tuple[str | None, str | None]:
    """A call names its own quarter first ("welcome to the first quarter earnings call").

    - Named with its year, it is the date, unless the opening names the same quarter as its
      call again with another year ("Third Quarter 2010 ... our third quarter 2020
      conference call"): then doubtful.
    - Named without its year, a period found later (at ``at``, not in the same phrase) is a
      comparison ("compared with the fourth quarter of 2020"): the call's quarter is taken
      as the first one after it, doubtful.

    A period stated before any quarter is named is kept, as is one that follows the quarter
    in the same phrase ("the first quarter ended March 31, 2021").
    """
    own = _ANY_QUARTER.search(head)
    if own is None or own.start() > at:
        return date, None
    q = _ORD[own.group(1).lower()] if own.group(1) else int(own.group(2))
    dated = [m for m in _QUARTER.finditer(head) if m.start() <= own.start() < m.end()]
    if dated:
        year, n = _quarter_of(dated[0])
        again = [
            yy
            for m in _QUARTER.finditer(head, dated[0].end())
            if _CALL_AFTER.match(head, m.end()) and (yy := _quarter_of(m))[1] == n and yy[0] != year
        ]
        if again:
            return f"{year}-Q{n}", (
                f"the opening names this call's quarter as {year}-Q{n} and later as "
                f"{again[0][0]}-Q{again[0][1]}"
            )
        return f"{year}-Q{n}", None
    if at - own.end() <= 12:  # "first quarter ended March 31, 2021": the quarter's own date
        return date, None
    for match in _QUARTER.finditer(head, own.end()):  # the call's quarter, with its year
        named, n = _quarter_of(match)
        if n == q and (
            _CALL_AFTER.match(head, match.end()) or _CALL_BEFORE.search(head, 0, match.start())
        ):
            return f"{named}-Q{n}", None
    y, rest = int(date[:4]), date[5:]
    if not rest:  # a year alone: its last quarter
        prev = 4
    elif rest.startswith("Q"):
        prev = int(rest[1])
    else:
        prev = (int(rest[:2]) - 1) // 3 + 1  # the calendar quarter of a month
    if prev == q and rest.startswith("Q"):  # the same quarter: this one, or a year before
        return f"{y}-Q{q}", (
            f"the call names its quarter (Q{q}) without a year; the year is that of the "
            f"first {y}-Q{q} it names, which may be a comparison"
        )
    after = y if prev < q else y + 1
    return f"{after}-Q{q}", (
        f"the call names its quarter (Q{q}) without a year; the year is put after the "
        f"period it is compared with ({date})"
    )


def _first_period(head: str) -> tuple[int, str] | None:
    """``(position, date)`` of the first period the opening states, whatever it is."""
    found = []
    if m := _REPORT_FOR_YEAR.search(head):
        found.append((m.start(), m.group(1)))
    dates = list(_DATE_RE.finditer(head))
    if not dates and not _QUARTER_HINT.search(head):  # no date and no quarter
        return min(found) if found else None
    for m in _YEAR_ENDED.finditer(head) if dates and _ENDED_HINT.search(head) else ():
        if d := _iso(m):
            found.append((m.start(), d))
            break
    # a period: two dates joined by "–", "to" ...
    for a, b in zip(dates, dates[1:], strict=False):
        if _RANGE_JOIN.fullmatch(head, a.end(), b.start()):
            if (s := _iso(a)) and (d := _iso(b)) and s < d:
                found.append((a.start(), d))
                break
    if _QUARTER_HINT.search(head) and (quarter := _QUARTER.search(head)):
        g = quarter.groupdict()
        for y, q in (("y", "q"), ("y2", "q2"), ("y3", "q3"), ("y4", "q4"), ("y5", "q5")):
            if g.get(y):
                n = int(g[q]) if g[q].isdigit() else _ORD[g[q].lower()]
                found.append((quarter.start(), f"{g[y]}-Q{n}"))
                break
    return min(found) if found else None


def find_date(body: str, title: str | None, name: str | None = None, *, weak: bool = True) -> Dated:
    """The date ``body`` (and its ``title``, or file ``name``) speak for, with the evidence;
    see the module docstring. ``weak=False`` stops before mentions and the file name."""
    found: list[tuple[str, str]] = []
    if title and (m := _TITLE_YEAR.search(title)):
        found.append(("title", m.group(1)))
    head = body[:3000]
    if d := _dateline(body[:600]):
        found.append(("dateline", d))
    period, doubt = _period(head)
    if period:
        found.append(("period", period))
    if not found and (m := _HEADING_YEAR.search(body)):
        found.append(("heading", m.group(1)))
    if not found and not weak:
        return Dated()
    if not found:
        y = _year_from_mentions(body)
        if y is not None:  # a quarter named without its year ("our second quarter call")
            q = _BARE_QUARTER.search(body[:1500])
            date = f"{y}-Q{_ORD[q.group(1).lower()]}" if q else str(y)
            return Dated(date, y, "mentions")
        m = _NAME_YEAR.search(name or "")
        return Dated(m.group(1), int(m.group(1)), "file name") if m else Dated()
    source, date = found[0]
    if source == "title":  # a title's year with a fuller date of that year: keep the date
        fuller = [d for s, d in found[1:] if d[:4] == date]
        date = fuller[0] if fuller else date
    year = int(date[:4])
    others = [
        (s, d) for s, d in found[1:] if int(d[:4]) != year and not (s == "period" and "Q" in d)
    ]
    return Dated(date, year, source, others, doubt if date == period else None)
