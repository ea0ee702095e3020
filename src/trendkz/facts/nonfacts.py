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
PRE_PATTERNS = [  # sentence-level non-facts found before reading numbers: (kind, pattern)
    (
        "url",
        re.compile(
            r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*"
            r"\.(?:com|org|net|gov|edu|int|kz|ru|kg|tj|uz|tm|asia|info|uk|io)"
            r"(?:/\S*)?\b"
        ),
    ),
    (
        "phone",
        re.compile(
            r"\+\d{1,3}[\s(.-]*\d{2,4}\)?(?:[\s.-]*\d{2,4}){2,4}\b|\(\d{3,4}\)\s*"
            r"\d{2,3}[\s-]\d{2}[\s-]?\d{2}\b|\b\d{1,4}-\d{3}-\d{2,4}-\d{2,4}\b|"
            r"\(\d{3}\)\s*\d{3}-\d{4}\b|(?<![\d-])\d{3}-\d{3}-\d{4}\b"
        ),
    ),
    (
        "time",
        re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.", re.I),
    ),
    ("footnote", re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")),
    (
        "date",
        re.compile(r"\b(?:1[89]|20)\d\d-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:1[89]|20)\d\d\b"),
    ),
    # report and case numbers: "A-06-91-00092", "OEI-07-98-00410", "96-01177"
    ("identifier", re.compile(r"\b(?:[A-Z]{1,5}-)?\d{2}-\d{2}-\d{5}\b|\b\d{2}-\d{5}\b")),
    # a declared scale: "(in millions)", "in thousands of dollars", "Dollars in millions"
    (
        "scale",
        re.compile(
            r"\(?\b(?:(?:dollars|amounts|USD|\$)\s+)?in\s+(?:thousands|millions|billions)"
            r"(?:\s+of\s+(?:dollars|USD))?(?:,\s*except[^)]*)?\)?",
            re.I,
        ),
    ),
]
_MONTHS = frozenset(MONTHS)
_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|months?)[\s-]+old\b|\s*years?\s+of\s+age\b", re.I)
_PM = re.compile(r"\s*[ap]\.m\.")
#: what the phone, time and date patterns cannot match without (found by a fast scan)
_PHONE_HINT = re.compile(r"\+\d|\(\d{3,4}\)|\d-\d{3}-")
_TIME_HINT = re.compile(r"\d(?::\d\d|\s*[ap]\.m\.)", re.I)
_DATE_HINT = re.compile(r"\d-\d\d-\d\d|\d[./]\d")
_ID_HINT = re.compile(r"\d-\d{5}")
_SCALE_HINT = re.compile(r"in\s+(?:thousands|millions|billions)\b(?!\s+of\s+(?!dollars|USD))", re.I)
_TLD = re.compile(r"\.(?:com|org|net|gov|edu|int|kz|ru|kg|tj|uz|tm|asia|info|uk|io)")


def _has_scale_word(text: str) -> bool:
    """A quick look for "millions", "thousands", "billions" in any case."""
    return "illion" in text or "housand" in text or "ILLION" in text or "HOUSAND" in text


def pre_patterns(text: str, yearish: bool, has_digit: bool = True) -> list[tuple[str, re.Pattern]]:
    """The ``(kind, pattern)`` of :data:`PRE_PATTERNS` that can match ``text`` (``yearish``:
    it holds a year's digits), in their order: each is tried only when the text has what it
    cannot match without (most sentences have none of it)."""
    url, phone, clock, footnote, date, ident, scale = PRE_PATTERNS
    scaled = _has_scale_word(text) and _SCALE_HINT.search(text) is not None
    if not has_digit:  # only a declared scale can be found without a digit
        return [scale] if scaled else []
    out = []
    if "://" in text or "www." in text or "@" in text or _TLD.search(text) is not None:
        out.append(url)
    if _PHONE_HINT.search(text):
        out.append(phone)
    if _TIME_HINT.search(text):
        out.append(clock)
    if "[" in text:
        out.append(footnote)
    if yearish and _DATE_HINT.search(text):
        out.append(date)
    if "-" in text and _ID_HINT.search(text):
        out.append(ident)
    if scaled:
        out.append(scale)
    return out


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
    if n1 is not None:
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


def context_kind(toks: list[Tok], num: Num, text: str, ref_until: int) -> str | None:
    """Non-fact kind read from the words around the number, or ``None`` for a fact."""
    i, j = num.i, num.j
    t = toks[i]
    prev = toks[i - 1] if i else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[j] if j < len(toks) else None
    digits_int = not num.words and not num.scaled and "." not in t.text
    # footnote markers: "[12]"
    if prev is not None and prev.text == "[" and nxt is not None and nxt.text == "]":
        return "footnote"
    # references: "resolution 2396", "Article 256", "No. 5", "UNSC 2396", "Army Unit 32363"
    if prev is not None and not num.words:
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
            ref_until >= i - 2
            and pl in _REF_CONT
            and not (
                nxt is not None
                and is_word(nxt)
                and nxt.text.islower()
                and nxt.low not in ("and", "or", "of", "to", "through")
            )
        ):
            return "reference"
    # years
    if digits_int and len(t.text) == 4 and 1000 <= num.value <= 2100:
        unit_next = nxt is not None and (
            nxt.low in ("percent", "%") or nxt.low in CURRENCY_WORDS or nxt.low in TIME_UNITS
        )
        money_before = prev is not None and prev.low in CURRENCY_SIGNS
        if not unit_next and not money_before and not prefix_qualifier(text, t.start)[0]:
            return "year"
    # a name followed by a number: "UNSC 2396", "Camp 22", "EXPO 2017"
    if (
        prev is not None
        and not num.words
        and is_word(prev)
        and prev.text[0].isupper()
        and (
            i - 1 > 0
            and prev.low not in _FUNCTION
            and prev.low not in _MONTHS
            and prev.low not in CURRENCY_SIGNS
            and not glued(toks, i)
        )
    ):
        return "reference"
    # ages: "23-year-old", "17 years old", "aged 17", "age of 18"
    after = toks[j - 1].end  # the 20 characters from here ("17 years old", "3 p.m.")
    if _AGE_AFTER.match(text, after, after + 20):
        return "age"
    if prev is not None and (
        prev.low in ("aged", "ages")
        or prev.low == "age"
        or (prev.low == "of" and prev2 is not None and prev2.low == "age")
    ):
        return "age"
    # legal ages: "younger than 16", "older than 12", "the minimum age for marriage is 18",
    # "between ages five and 16"
    if (
        num.value <= 25
        and not num.scaled
        and (
            prev is not None
            and prev2 is not None
            and prev.low == "than"
            and prev2.low in ("younger", "older")
            or _age_before(toks[max(0, i - 7) : i])
        )
    ):
        unit_next = nxt is not None and nxt.low in ("percent", "%", "days", "months", "hours")
        if not unit_next:
            return "age"
    # "a 207-year history" (an age), "the nine-month period" (a time window)
    if (
        nxt is not None
        and nxt.text == "-"
        and j + 2 < len(toks)
        and glued(toks, j)
        and toks[j + 1].low in ("year", "month", "week", "day")
    ):
        what = toks[j + 2].low
        if what in ("history", "tradition", "legacy", "career", "old"):
            return "age"
        if what in ("period", "window", "span", "stack"):
            return "period"
    # compounds that are not quantities: "a two-pronged approach", "one-sided"
    if (
        nxt is not None
        and nxt.text == "-"
        and glued(toks, j)
        and j + 1 < len(toks)
        and (glued(toks, j + 1) and toks[j + 1].low.endswith("ed"))
    ):
        return "compound"
    # time of day: "3 p.m."
    if _PM.match(text, after, after + 20):
        return "time"
    # days of the month: "July 11", "11 July", "July 1-2", "January 5 through 8"
    if digits_int and 1 <= num.value <= 31:
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
    # enumerators: "(1) the investigator", "1. Respect for"
    if (
        digits_int
        and num.value <= 30
        and prev is not None
        and prev.text == "("
        and (nxt is not None and nxt.text == ")")
        and (i < 2 or toks[i - 2].text in ":;," or toks[i - 2].low in ("and", "or"))
    ):
        return "enumerator"
    if digits_int and i == 0 and nxt is not None and nxt.text in ".)" and len(toks) > j + 1:
        return "enumerator"
    return _layout_kind(toks, num, text, digits_int)


_LAW_CODES = frozenset(["fr", "cfr", "u.s.c", "usc", "stat"])
#: words after a "1" that show it is an "I" or a pronoun "one" misread
_OCR_I = frozenset(
    """which who that believe think have am hope trust recommend submit know regret feel
deem shall will would may can must do did""".split()
)
_AGO = re.compile(r"(?:\s+[a-z]+){1,2}\s+ago\b")


def _layout_kind(toks: list[Tok], num: Num, text: str, digits_int: bool) -> str | None:
    """Numbers of the page's layout and of lists: list markers "(1) make", "offenses: 1)
    Medicare", "... grants: 21 2." (the last), page numbers in running headers ("Report — FY
    2010 3") and tables of contents ("39 Child Support ......"), "71 FR 45110"."""
    if not digits_int:
        return None
    i, j = num.i, num.j
    prev = toks[i - 1] if i else None
    nxt = toks[j] if j < len(toks) else None
    after = toks[j + 1] if j + 1 < len(toks) else None
    if "....." in text or "……" in text:
        return "page"
    if num.value == 1 and nxt is not None and nxt.low in _OCR_I and toks[i].text == "1":
        return "determiner"  # "1 believe" (an "I" read as "1"), "and 1 which"
    if "ago" in text and _AGO.match(text, toks[j - 1].end):
        return "period"  # "12 short months ago"
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
