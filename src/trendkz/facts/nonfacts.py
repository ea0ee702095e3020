"""Numbers that are not facts: telling years, dates, references and the like apart.

:func:`glue_kind` and :func:`context_kind` classify a number read by
:func:`trendkz.facts.numbers.read_number` from what it touches and the words around it;
:data:`PRE_PATTERNS` finds the spans (URLs, phone numbers, times, footnote markers, ISO dates)
set aside before numbers are read. The kinds:

==============  ===================================================================
kind            examples
==============  ===================================================================
``year``        "in 2022", "the 2021 report", "(2014)", "the 1990s"
``date``        "On July 11", "September 29-October 1", "11 July"
``time``        "10:30", "3 p.m."
``period``      numbers inside a time window: "the first nine months", "past five years"
``reference``   "resolution 2396", "Article 256", "paragraph 1", "UNSC 2396",
                "Army Unit 32363", "Section 1.", "Table 2", "articles 256 and 273"
``identifier``  glued to letters or symbols: "C5+1", "K9", "COVID-19", "LA-155/18", "24/7"
``footnote``    "[12]", "agreement.[2]"
``ordinal``     "75th", "1st"
``url``         any number inside a URL or e-mail address
``phone``       "+7 (727) 250-10-20"
``age``         "a 23-year-old", "aged 17", "17 years old" (an attribute of a person)
``enumerator``  "(1) the investigator ...; (2) ..."
``determiner``  a bare "one" that does not count ("on the one hand", "in one case")
``compound``    "a two-pronged approach", "one-sided", "a 207-year history"
``page``        page numbers: "FY 2010 3" (a running header), table-of-contents lines
``scale``       a declared scale: "(in millions)", "Dollars in thousands" (see
                :mod:`trendkz.facts.tables`: it multiplies what it governs)
==============  ===================================================================
"""

from __future__ import annotations

import re

from .numbers import Num, Tok, glued, is_word
from .periods import MONTHS
from .prepatterns import PRE_PATTERNS, pre_patterns
from .qualifiers import prefix_qualifier
from .units import CURRENCY_SIGNS, CURRENCY_WORDS, TIME_UNITS

__all__ = [
    "NON_FACT_KINDS",
    "PRE_PATTERNS",
    "REF_NOUNS",
    "context_kind",
    "glue_kind",
    "pre_patterns",
]

NON_FACT_KINDS = (
    "year",
    "date",
    "time",
    "period",
    "reference",
    "identifier",
    "footnote",
    "ordinal",
    "url",
    "phone",
    "age",
    "enumerator",
    "determiner",
    "compound",
    "page",
    "scale",
)
REF_NOUNS = frozenset(
    """article articles art paragraph paragraphs para paras section sections
sec chapter chapters ch volume volumes vol vols table tables map maps figure figures fig annex
appendix resolution resolutions clause clauses part parts item items page pages p pp decree
decrees rule rules unit protocol protocols no nos number tier level phase grade category class
codes code point points subparagraph subsection subsections camp colony prison school ward
block cell route highway platform district sura verse law laws order""".split()
)
_REF_CONT = frozenset(["and", "or", ",", "-", "–", "to", "through", "&"])
_FUNCTION = frozenset(
    """the a an in on at by of for from to with and or but as about over
under some more less nearly almost approximately around up than at least fewer no this that
these those its their his her during since after before between among until through per
including while when if although though whereas only just""".split()
)
_MONTHS = frozenset(MONTHS)
_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|months?)[\s-]+old\b|\s*years?\s+of\s+age\b", re.I)
_PM = re.compile(r"\s*[ap]\.m\.")


def glue_kind(toks: list[Tok], num: Num) -> str | None:
    """Kind implied by what the number is glued to ("K9", "75th", "1990s", "LA-155/18")."""
    i, j = num.i, num.j
    n = len(toks)
    p1 = toks[i - 1] if 0 < i < n and toks[i - 1].end == toks[i].start else None
    p2 = toks[i - 2] if p1 is not None and glued(toks, i - 1) else None
    n1 = toks[j] if not num.words and 0 < j < n and toks[j - 1].end == toks[j].start else None
    n2 = toks[j + 1] if n1 is not None and glued(toks, j + 1) else None
    if (
        p1 is not None
        and p1.text in "'’"
        and len(toks[i].text) == 2
        and (i < 2 or not glued(toks, i - 1) or not toks[i - 2].text[0].isalnum())
    ):
        return "year"  # "'23", "FY '21"
    if p1 is not None and not num.words:
        if is_word(p1) and p1.low not in ("fy",):
            return "identifier"
        if p1.text in ("+", "/", "#", "№", "@", "_"):
            return "identifier"
        if p1.text == "-" and p2 is not None and is_word(p2) and p2.text[0].isupper():
            return "identifier"
    if p1 is None and not num.words and j == i + 1 and len(toks[i].text) == 2:
        if toks[i].text[0] == "0" and toks[i].text != "00":
            return "reference"  # a zero-padded section or line number: "06 HRSA—Health ..."
    if n1 is not None:
        if (
            n1.text == "-"
            and n2 is not None
            and len(n2.text) <= 3
            and n2.text.rstrip("s").isupper()
            and n2.text[0].isalpha()
        ):
            return "identifier"  # a form: "10-K", "the 10-Qs"
        if n1.low in ("st", "nd", "rd", "th"):
            return "ordinal"
        if n1.low == "s" and len(toks[i].text) == 4:
            return "year"
        if n1.low in ("am", "pm"):
            return "time"
        if is_word(n1) and n1.low not in ("km", "kg", "bn", "mln", "m", "k", "x", "mm", "b"):
            return "identifier"
        if is_word(n1) and n2 is not None and (n2.text[0].isalnum() or n2.text == "&"):
            return "identifier"  # "2.5xyz", "2021R&DS"
        if n1.text in ("/", "+") and n2 is not None and n2.is_digits:
            return "identifier"
        if n1.text == "(" and n2 is not None and is_word(n2) and len(n2.text) <= 2:
            return "identifier"  # "401(k)", "1817(k)(5)"
    if p1 is not None and p1.text == "(" and p2 is not None and p2.text == ")":
        return "reference"  # the "5" of "1817(k)(5)"
    return None


def _age_before(window: list[Tok]) -> bool:
    """ "age" or "ages" among the tokens before a number, and no ";.()" between."""
    lows = [t.low for t in window]
    return ("age" in lows or "ages" in lows) and not any(t.text in ";.()" for t in window)


class _Near:
    """A number and the tokens around it, as the checks of :func:`context_kind` read them."""

    __slots__ = ("toks", "num", "text", "i", "j", "prev", "prev2", "nxt", "digits_int", "after")

    def __init__(self, toks: list[Tok], num: Num, text: str) -> None:
        i, j = num.i, num.j
        self.toks, self.num, self.text, self.i, self.j = toks, num, text, i, j
        self.prev = toks[i - 1] if i else None
        self.prev2 = toks[i - 2] if i > 1 else None
        self.nxt = toks[j] if j < len(toks) else None
        self.digits_int = not num.words and not num.scaled and "." not in toks[i].text
        self.after = toks[j - 1].end  # the 20 characters from here ("17 years old", "3 p.m.")


def context_kind(toks: list[Tok], num: Num, text: str, ref_until: int) -> str | None:
    """Non-fact kind read from the words around the number, or ``None`` for a fact.

    The checks run in this order, the first kind found wins: footnote markers and
    references, years, names followed by a number, ages, hyphenated compounds, times and
    dates, enumerators, then the page's layout (:func:`_layout_kind`)."""
    c = _Near(toks, num, text)
    kind = (
        _marker_kind(c, ref_until)
        or _year_kind(c)
        or _name_kind(c)
        or _age_kind(c)
        or _hyphen_kind(c)
        or _date_kind(c)
        or _enumerator_kind(c)
    )
    return kind if kind is not None else _layout_kind(toks, num, text, c.digits_int)


def _marker_kind(c: _Near, ref_until: int) -> str | None:
    """Footnote markers "[12]" and references: "resolution 2396", "Article 256", "No. 5",
    "§ 3", "articles 256 and 273" (``ref_until``: the last token of a reference before)."""
    prev, prev2, nxt = c.prev, c.prev2, c.nxt
    if prev is not None and prev.text == "[" and nxt is not None and nxt.text == "]":
        return "footnote"
    if prev is None or c.num.words:
        return None
    pl = prev.low
    if pl in REF_NOUNS and not (pl in ("number", "no") and prev.text.islower()):
        return "reference"
    if (
        pl == "."
        and prev2 is not None
        and prev2.low in ("no", "nos", "art", "para", "vol", "p", "pp", "sec", "ch", "fig")
    ):
        return "reference"
    if prev.text in ("#", "№", "§"):
        return "reference"
    if (
        ref_until >= c.i - 2
        and pl in _REF_CONT
        and not (
            nxt is not None
            and is_word(nxt)
            and nxt.text.islower()
            and nxt.low not in ("and", "or", "of", "to", "through")
        )
    ):
        return "reference"
    return None


def _year_kind(c: _Near) -> str | None:
    """A four-digit year, unless a unit follows ("2000 percent") or money precedes it."""
    t, nxt, prev, num = c.toks[c.i], c.nxt, c.prev, c.num
    if c.digits_int and len(t.text) == 4 and 1000 <= num.value <= 2100:
        unit_next = nxt is not None and (
            nxt.low in ("percent", "%") or nxt.low in CURRENCY_WORDS or nxt.low in TIME_UNITS
        )
        money_before = prev is not None and prev.low in CURRENCY_SIGNS
        if not unit_next and not money_before and not prefix_qualifier(c.text, t.start)[0]:
            return "year"
    return None


def _name_kind(c: _Near) -> str | None:
    """A name followed by a number: "UNSC 2396", "Camp 22", "EXPO 2017"."""
    prev, i = c.prev, c.i
    if (
        prev is not None
        and not c.num.words
        and is_word(prev)
        and prev.text[0].isupper()
        and (
            i - 1 > 0
            and prev.low not in _FUNCTION
            and prev.low not in _MONTHS
            and prev.low not in CURRENCY_SIGNS
            and not glued(c.toks, i)
        )
    ):
        return "reference"
    return None


def _age_kind(c: _Near) -> str | None:
    """Ages: "23-year-old", "17 years old", "aged 17", "age of 18"; legal ages: "younger
    than 16", "the minimum age for marriage is 18", "between ages five and 16"."""
    prev, prev2, nxt, num = c.prev, c.prev2, c.nxt, c.num
    if _AGE_AFTER.match(c.text, c.after, c.after + 20):
        return "age"
    if prev is not None and (
        prev.low in ("aged", "ages")
        or prev.low == "age"
        or (prev.low == "of" and prev2 is not None and prev2.low == "age")
    ):
        return "age"
    if (
        num.value <= 25
        and not num.scaled
        and (
            prev is not None
            and prev2 is not None
            and prev.low == "than"
            and prev2.low in ("younger", "older")
            or _age_before(c.toks[max(0, c.i - 7) : c.i])
        )
    ):
        unit_next = nxt is not None and nxt.low in ("percent", "%", "days", "months", "hours")
        if not unit_next:
            return "age"
    return None


def _hyphen_kind(c: _Near) -> str | None:
    """Hyphenated words after the number: "a 207-year history" (an age), "the nine-month
    period" (a time window), "a two-pronged approach", "one-sided" (compounds)."""
    toks, j, nxt = c.toks, c.j, c.nxt
    if nxt is None or nxt.text != "-" or not glued(toks, j):
        return None
    if j + 2 < len(toks) and toks[j + 1].low in ("year", "month", "week", "day"):
        what = toks[j + 2].low
        if what in ("history", "tradition", "legacy", "career", "old"):
            return "age"
        if what in ("period", "window", "span", "stack"):
            return "period"
    if j + 1 < len(toks) and (glued(toks, j + 1) and toks[j + 1].low.endswith("ed")):
        return "compound"
    return None


def _date_kind(c: _Near) -> str | None:
    """Times of day, "3 p.m.", and days of the month: "July 11", "11 July", "July 1-2",
    "January 5 through 8"."""
    if _PM.match(c.text, c.after, c.after + 20):
        return "time"
    if not (c.digits_int and 1 <= c.num.value <= 31):
        return None
    toks, i, prev, nxt = c.toks, c.i, c.prev, c.nxt
    k = i - 1
    if k >= 0 and toks[k].text == "." and k > 0:
        k -= 1
    if k >= 0 and toks[k].low in _MONTHS and toks[k].text[0].isupper():
        return "date"
    if nxt is not None and nxt.low in _MONTHS and nxt.text[0].isupper():
        return "date"
    if (
        prev is not None
        and prev.low in ("-", "–", "through", "to", "and", "until")
        and (i >= 3 and toks[i - 2].is_digits and toks[i - 3].low in _MONTHS)
    ):
        return "date"
    return None


def _enumerator_kind(c: _Near) -> str | None:
    """Enumerators: "(1) the investigator", "1. Respect for"."""
    toks, i, j, prev, nxt = c.toks, c.i, c.j, c.prev, c.nxt
    if not c.digits_int:
        return None
    if (
        c.num.value <= 30
        and prev is not None
        and prev.text == "("
        and (nxt is not None and nxt.text == ")")
        and (i < 2 or toks[i - 2].text in ":;," or toks[i - 2].low in ("and", "or"))
    ):
        return "enumerator"
    if i == 0 and nxt is not None and nxt.text in ".)" and len(toks) > j + 1:
        return "enumerator"
    return None


_LAW_CODES = frozenset(["fr", "cfr", "u.s.c", "usc", "stat"])
#: words after a "1" that show it is an "I" or a pronoun "one" misread
_OCR_I = frozenset(
    """which who that believe think have am hope trust recommend submit know regret feel
deem shall will would may can must do did""".split()
)
_AGO = re.compile(r"(?:\s+[a-z]+){1,2}\s+(?:ago|hence)\b")


def _layout_kind(toks: list[Tok], num: Num, text: str, digits_int: bool) -> str | None:
    """Numbers of the page's layout and of lists: list markers "(1) make", "offenses: 1)
    Medicare", "... grants: 21 2." (the last), page numbers in running headers ("Report — FY
    2010 3") and tables of contents ("39 Child Support ......"), "71 FR 45110"."""
    i, j = num.i, num.j
    if ("ago" in text or "hence" in text) and _AGO.match(text, toks[j - 1].end):
        return "period"  # "12 short months ago", "Four years ago", "Ten years hence"
    if not digits_int:
        return None
    prev = toks[i - 1] if i else None
    nxt = toks[j] if j < len(toks) else None
    after = toks[j + 1] if j + 1 < len(toks) else None
    if "....." in text or "……" in text:
        return "page"
    if num.value == 1 and nxt is not None and nxt.low in _OCR_I and toks[i].text == "1":
        return "determiner"  # "1 believe" (an "I" read as "1"), "and 1 which"
    if nxt is not None and nxt.low in _LAW_CODES:
        return "reference"
    if num.value > 20 and not (prev is not None and prev.is_digits):
        return None
    if (
        prev is not None
        and prev.text == "("
        and nxt is not None
        and nxt.text == ")"
        and (after is None or is_word(after) or after.text == "&")
    ):
        return "enumerator"
    if (
        nxt is not None
        and nxt.text == ")"
        and (prev is None or prev.low in (":", ";", "and", "or"))
    ):
        return "enumerator"
    if (
        prev is not None
        and nxt is not None
        and nxt.text == "."
        and j + 1 == len(toks)
        and (prev.is_digits or not (is_word(prev) or prev.text in ":"))
    ):
        return "enumerator"  # "Number of full grants: 21 2."
    if (
        i >= 2
        and prev is not None
        and prev.is_digits
        and len(prev.text) == 4
        and toks[i - 2].low == "fy"
    ):
        return "page"  # "Annual Report — FY 2010 3"
    return None
