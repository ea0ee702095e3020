"""Finding the quantities of a sentence and telling facts from other numbers.

:func:`find_quantities` reads every number of a sentence (see :mod:`trendkz.numbers`) and
classifies it. A *fact* is a quantity stated about the world: a count, an amount of money,
a share, a duration, a measurement; its ``kind`` says how precisely it is stated (``exact``,
``approximate``, ``bound``, ``range``). Other numbers get a non-fact kind:

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
``determiner``  a bare "one" ("one of the defendants", "on the one hand")
``compound``    "a two-pronged approach", "one-sided"
==============  ===================================================================

A series stated inside one sentence ("(2014 – 3, 2015 – 4)", "in 2015 – 150 thousand")
becomes one fact per point, each with its own year (``series_year``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .numbers import Num, Tok, interval, postfix_qualifier, prefix_qualifier, read_number, tokenize
from .periods import MONTHS, Period

__all__ = ["FACT_KINDS", "NON_FACT_KINDS", "Quantity", "find_quantities"]

NAN = math.nan
FACT_KINDS = ("exact", "approximate", "bound", "range")
NON_FACT_KINDS = ("year", "date", "time", "period", "reference", "identifier", "footnote",
                  "ordinal", "url", "phone", "age", "enumerator", "determiner", "compound")

TIME_UNITS = {"year": "years", "years": "years", "month": "months", "months": "months",
              "week": "weeks", "weeks": "weeks", "day": "days", "days": "days",
              "hour": "hours", "hours": "hours", "minute": "minutes", "minutes": "minutes",
              "decade": "decades", "decades": "decades"}
MEASURE_UNITS = {"km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km",
                 "miles": "miles", "mile": "miles", "meters": "m", "metres": "m", "meter": "m",
                 "kg": "kg", "kilograms": "kg", "kilogram": "kg", "tons": "tons",
                 "tonnes": "tons", "ton": "tons", "hectares": "hectares", "acres": "acres",
                 "liters": "liters", "litres": "liters", "degrees": "degrees"}
CURRENCY_WORDS = {"dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR",
                  "eur": "EUR", "tenge": "KZT", "kzt": "KZT", "soms": "KGS", "som": "KGS",
                  "kgs": "KGS", "somoni": "TJS", "tjs": "TJS", "manat": "TMT", "manats": "TMT",
                  "tmt": "TMT", "sums": "UZS", "soums": "UZS", "uzs": "UZS", "rubles": "RUB",
                  "roubles": "RUB", "rub": "RUB", "pounds": "GBP", "gbp": "GBP",
                  "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "naira": "NGN",
                  "reais": "BRL", "hryvnias": "UAH", "hryvnia": "UAH", "lari": "GEL",
                  "drams": "AMD", "dram": "AMD", "pesos": "pesos", "dinars": "dinars",
                  "francs": "francs", "shillings": "shillings", "rand": "ZAR", "yen": "JPY",
                  "lira": "TRY", "liras": "TRY", "afghanis": "AFN", "taka": "BDT"}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₸": "KZT", "₦": "NGN",
                  "₽": "RUB", "₹": "INR", "usd": "USD", "eur": "EUR", "kzt": "KZT", "gbp": "GBP",
                  "rs": "INR", "ngn": "NGN", "rub": "RUB", "kgs": "KGS", "uzs": "UZS"}
REF_NOUNS = frozenset("""article articles art paragraph paragraphs para paras section sections
sec chapter chapters ch volume volumes vol vols table tables map maps figure figures fig annex
appendix resolution resolutions clause clauses part parts item items page pages p pp decree
decrees rule rules unit protocol protocols no nos number tier level phase grade category class
codes code point points subparagraph subsection subsections camp colony prison school ward
block cell route highway platform district sura verse law laws order""".split())
_REF_CONT = frozenset(["and", "or", ",", "-", "–", "to", "through", "&"])
_FUNCTION = frozenset("""the a an in on at by of for from to with and or but as about over
under some more less nearly almost approximately around up than at least fewer no this that
these those its their his her during since after before between among until through per
including while when if although though whereas only just""".split())
_CHANGE = re.compile(r"^(?:increas|decreas|rose|rise|rising|fell|fall|drop|grew|grow|reduc|"
                     r"lower|rais|cut|climb|declin|jump|doubl|tripl|chang|went|expand|shr[ai]n|"
                     r"move|amend|revis|narrow|widen|adjust)")
_PRE = [  # sentence-level non-facts found before reading numbers: (kind, pattern)
    ("url", re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*"
                       r"\.(?:com|org|net|gov|edu|int|kz|ru|kg|tj|uz|tm|asia|info|uk|io)"
                       r"(?:/\S*)?\b")),
    ("phone", re.compile(r"\+\d{1,3}[\s(.-]*\d{2,4}\)?(?:[\s.-]*\d{2,4}){2,4}\b|\(\d{3,4}\)\s*"
                         r"\d{2,3}[\s-]\d{2}[\s-]?\d{2}\b|\b\d{1,4}-\d{3}-\d{2,4}-\d{2,4}\b")),
    ("time", re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.",
                        re.I)),
    ("footnote", re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")),
    ("date", re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b")),
]
_SERIES = re.compile(r"(?:\b(?:in|for)\s+)?\b((?:1[89]|20)\d\d)(?:\s+[–—-]\s*|\s*:\s+|[–—]\s*)"
                     r"(?=[\w$])")


@dataclass(slots=True)
class Quantity:
    """A number of a sentence, classified; offsets are relative to the sentence."""

    start: int
    end: int
    value: float
    low: float
    high: float
    low_open: bool
    high_open: bool
    unit: str
    qualifier: str
    kind: str
    first: int              # token index of the first token of the quantity
    after: int              # token index just after it (where its noun phrase starts)
    series_year: int | None = None

    @property
    def is_fact(self) -> bool:
        return self.kind in FACT_KINDS


def _glued(toks: list[Tok], i: int) -> bool:
    return 0 < i < len(toks) and toks[i - 1].end == toks[i].start


def _is_word(t: Tok) -> bool:
    return t.text[0].isalpha()


def _non_fact(toks, num: Num, kind: str) -> Quantity:
    return Quantity(toks[num.i].start, toks[num.j - 1].end, num.value, NAN, NAN, False, False,
                    "", "", kind, num.i, num.j)


def _glue_kind(toks: list[Tok], num: Num) -> str | None:
    """Kind implied by what the number is glued to ("K9", "75th", "1990s", "LA-155/18")."""
    i, j = num.i, num.j
    p1 = toks[i - 1] if _glued(toks, i) else None
    p2 = toks[i - 2] if p1 is not None and _glued(toks, i - 1) else None
    n1 = toks[j] if _glued(toks, j) and not num.words else None
    n2 = toks[j + 1] if n1 is not None and _glued(toks, j + 1) else None
    if p1 is not None and not num.words:
        if _is_word(p1) and p1.low not in ("fy",):
            return "identifier"
        if p1.text in ("+", "/", "#", "№", "@", "_"):
            return "identifier"
        if p1.text == "-" and p2 is not None and _is_word(p2) and p2.text[0].isupper():
            return "identifier"
    if n1 is not None:
        if n1.low in ("st", "nd", "rd", "th"):
            return "ordinal"
        if n1.low == "s" and len(toks[i].text) == 4:
            return "year"
        if n1.low in ("am", "pm"):
            return "time"
        if _is_word(n1) and n1.low not in ("km", "kg", "bn", "mln", "m", "k"):
            return "identifier"
        if n1.text in ("/", "+") and n2 is not None and n2.is_digits:
            return "identifier"
    return None


def _context_kind(toks: list[Tok], num: Num, text: str, ref_until: int) -> str | None:
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
        if pl == "." and prev2 is not None and prev2.low in ("no", "nos", "art", "para", "vol",
                                                            "p", "pp", "sec", "ch", "fig"):
            return "reference"
        if prev.text in ("#", "№", "§"):
            return "reference"
        if ref_until >= i - 2 and pl in _REF_CONT and not (
                nxt is not None and _is_word(nxt) and nxt.text.islower()
                and nxt.low not in ("and", "or", "of", "to", "through")):
            return "reference"
    # years
    if digits_int and len(t.text) == 4 and 1000 <= num.value <= 2100:
        unit_next = nxt is not None and (nxt.low in ("percent", "%") or nxt.low in CURRENCY_WORDS
                                         or nxt.low in TIME_UNITS)
        money_before = prev is not None and prev.low in CURRENCY_SIGNS
        if not unit_next and not money_before and not prefix_qualifier(text, t.start)[0]:
            return "year"
    # a name followed by a number: "UNSC 2396", "Camp 22", "EXPO 2017"
    if prev is not None and not num.words and _is_word(prev) and prev.text[0].isupper() and (
            i - 1 > 0 and prev.low not in _FUNCTION and prev.low not in MONTHS
            and prev.low not in CURRENCY_SIGNS and not _glued(toks, i)):
        return "reference"
    # ages: "23-year-old", "17 years old", "aged 17", "age of 18"
    rest = text[toks[j - 1].end:toks[j - 1].end + 20]
    if re.match(r"\s*-?\s*(?:years?|months?)[\s-]+old\b|\s*years?\s+of\s+age\b", rest, re.I):
        return "age"
    if prev is not None and (prev.low in ("aged", "ages") or prev.low == "age" or (
            prev.low == "of" and prev2 is not None and prev2.low == "age")):
        return "age"
    # compounds that are not quantities: "a two-pronged approach", "one-sided"
    if nxt is not None and nxt.text == "-" and _glued(toks, j) and j + 1 < len(toks) and (
            _glued(toks, j + 1) and toks[j + 1].low.endswith("ed")):
        return "compound"
    # time of day: "3 p.m."
    if re.match(r"\s*[ap]\.m\.", rest):
        return "time"
    # days of the month: "July 11", "11 July", "July 1-2", "January 5 through 8"
    if digits_int and 1 <= num.value <= 31:
        k = i - 1
        if k >= 0 and toks[k].text == "." and k > 0:
            k -= 1
        if k >= 0 and toks[k].low in MONTHS and toks[k].text[0].isupper():
            return "date"
        if nxt is not None and nxt.low in MONTHS and nxt.text[0].isupper():
            return "date"
        if prev is not None and prev.low in ("-", "–", "through", "to", "and", "until") and (
                i >= 3 and toks[i - 2].is_digits and toks[i - 3].low in MONTHS):
            return "date"
    # enumerators: "(1) the investigator", "1. Respect for"
    if digits_int and num.value <= 30 and prev is not None and prev.text == "(" and (
            nxt is not None and nxt.text == ")") and (i < 2 or toks[i - 2].text in ":;,"
                                                      or toks[i - 2].low in ("and", "or")):
        return "enumerator"
    if digits_int and i == 0 and nxt is not None and nxt.text in ".)" and len(toks) > j + 1:
        return "enumerator"
    return None


def _unit_after(toks: list[Tok], k: int) -> tuple[str, int]:
    """Unit written after a number at token ``k``: ``(unit, token index after it)``."""
    if k >= len(toks):
        return "", k
    w = toks[k].low
    if w in ("percent", "%", "pct"):
        return "percent", k + 1
    if w == "per" and k + 1 < len(toks) and toks[k + 1].low == "cent":
        return "percent", k + 2
    if w == "percentage" and k + 1 < len(toks) and toks[k + 1].low == "points":
        return "percentage points", k + 2
    if w in ("us", "u") and k + 1 < len(toks):  # "US dollars", "U.S. dollars"
        m = k + 1
        while m < len(toks) and toks[m].text in ".S" and m < k + 4:
            m += 1
        if m < len(toks) and toks[m].low in ("dollars", "dollar"):
            return "USD", m + 1
    if w in CURRENCY_WORDS:
        return CURRENCY_WORDS[w], k + 1
    if w in TIME_UNITS:
        return TIME_UNITS[w], k + 1
    if w == "-" and _glued(toks, k) and k + 1 < len(toks) and _glued(toks, k + 1):
        u = toks[k + 1].low
        if u in TIME_UNITS:
            return TIME_UNITS[u], k + 2
    if w in MEASURE_UNITS:
        return MEASURE_UNITS[w], k + 1
    if w == "square" and k + 1 < len(toks) and toks[k + 1].low in MEASURE_UNITS:
        return "square " + MEASURE_UNITS[toks[k + 1].low], k + 2
    return "", k


def _currency_before(toks: list[Tok], i: int) -> tuple[str, int]:
    if i == 0:
        return "", i
    p = toks[i - 1]
    if p.low in CURRENCY_SIGNS:
        k = i - 1
        if p.text == "$" and k > 0 and toks[k - 1].low in ("us", "r", "a", "c") and _glued(toks, k):
            k -= 1
        return CURRENCY_SIGNS[p.low], k
    return "", i


def _read_fact(toks, text, num: Num, unit_hint: str = "") -> Quantity:
    """A fact from ``num``: currency, unit, range, qualifiers and interval."""
    currency, first = _currency_before(toks, num.i)
    unit, k = _unit_after(toks, num.j)
    value, low, high, lo_open, hi_open = num.value, num.low, num.high, False, False
    kind, words = ("approximate", num.vague) if num.vague else ("exact", "")
    end_tok = k
    # ranges: "12-17 years", "five to 15 years", "between 2 and 4 percent", "$67 to $81,000"
    m = k
    if m < len(toks) and toks[m].text == "-" and m + 1 < len(toks) and toks[m + 1].low == "to":
        m += 1  # "one- to three-month"
    before_first = toks[first - 1].low if first > 0 else ""
    conn = toks[m].low if m < len(toks) else ""
    is_range = False
    if conn in ("-", "–", "—", "to", "through", "or", "and") and m + 1 < len(toks) and not (
            num.vague):
        c2, n = _currency_before(toks, m + 2) if m + 2 < len(toks) else ("", m + 1)
        n = m + 2 if c2 else m + 1
        num2 = read_number(toks, n) if n < len(toks) else None
        if num2 is not None and not num2.vague and num2.value > value and (
                conn != "and" or before_first == "between") and not (
                conn in ("-", "–", "—") and num.words != num2.words) and not (
                before_first == "from" and _change_before(toks, first)):
            unit2, k2 = _unit_after(toks, num2.j)
            if not unit or not unit2 or unit == unit2:
                scale = num2.value / _bare(toks, num2) if num2.scaled and not num.scaled else 1
                low, high = value * scale, num2.value
                value, kind, is_range = NAN, "range", True
                unit = unit or unit2 or (CURRENCY_SIGNS.get(toks[m + 1].low, "") if c2 else "")
                end_tok = k2
    if not is_range and unit == "years" and conn == "to" and m + 1 < len(toks) and (
            toks[m + 1].low == "life"):
        low, high, value, kind, words = value, NAN, NAN, "range", "to life"
        hi_open, is_range, end_tok = True, True, m + 2
    unit = unit or currency or unit_hint or ("fraction" if num.fraction else "count")
    q_words, relation, q_start = prefix_qualifier(text, toks[first].start)
    p_words, p_rel, p_end = ("", "", 0) if is_range else postfix_qualifier(
        text, toks[end_tok - 1].end)
    if num.vague:
        if q_words:
            words = f"{q_words} {words}"
    elif not is_range:
        rel = relation or p_rel
        low, high, lo_open, hi_open, kind = interval(value, rel)
        words = q_words or p_words
    elif q_words:
        words = q_words
    start = q_start if q_words else toks[first].start
    end = max(toks[end_tok - 1].end, p_end)
    if p_words and not is_range:
        while end_tok < len(toks) and toks[end_tok].start < p_end:
            end_tok += 1
    if num.vague:
        lo_open = hi_open = False
    return Quantity(start, end, value, low, high, lo_open, hi_open, unit, words.lower(), kind,
                    _first_tok(toks, start), end_tok)


def _first_tok(toks, start: int) -> int:
    for n, t in enumerate(toks):
        if t.end > start:
            return n
    return len(toks)


def _bare(toks, num: Num) -> float:
    t = toks[num.i]
    return float(t.text.replace(",", "")) if t.is_digits else num.value


def _change_before(toks, first: int) -> bool:
    return any(_CHANGE.match(toks[k].low) for k in range(max(0, first - 8), first))


def find_quantities(text: str, periods: list[Period] = (), *,
                    toks: list[Tok] | None = None) -> list[Quantity]:
    """Every number of the sentence ``text``, facts and non-facts, in text order.

    ``periods`` (from :func:`trendkz.periods.find_periods`) claims the numbers inside time
    expressions ("the first nine months", "the past five years"). ``toks`` are the tokens
    of ``text`` when already made.
    """
    toks = tokenize(text) if toks is None else toks
    out: list[Quantity] = []
    taken = [False] * len(toks)

    def claim(a: int, b: int) -> None:
        for n, t in enumerate(toks):
            if t.start < b and t.end > a:
                taken[n] = True

    for kind, pat in _PRE:
        for m in pat.finditer(text):
            if any(q.start < m.end() and q.end > m.start() for q in out):
                continue
            if re.search(r"\d", m.group()):
                out.append(Quantity(m.start(), m.end(), NAN, NAN, NAN, False, False, "", "",
                                    kind, _first_tok(toks, m.start()), _first_tok(toks, m.end())))
                claim(m.start(), m.end())
    # series inside one sentence: "(2014 – 3, 2015 – 4)", "in 2015 – 150 thousand"
    for m in _SERIES.finditer(text):
        k = _first_tok(toks, m.end())
        if k >= len(toks) or taken[k]:
            continue
        num = read_number(toks, k)
        if num is None or num.words and num.value == 1 or (
                not num.scaled and not num.vague and 1000 <= num.value <= 2100):
            continue
        yt = _first_tok(toks, m.start(1))
        q = _read_fact(toks, text, num)
        q.series_year = int(m.group(1))
        yq = _non_fact(toks, Num(yt, yt + 1, float(m.group(1))), "year")
        yq.series_year = q.series_year
        out.append(yq)
        out.append(q)
        claim(toks[yt].start, q.end)
    period_spans = [(p.start, p.end) for p in periods]
    ref_until = -10
    i = 0
    while i < len(toks):
        if taken[i]:
            i += 1
            continue
        num = read_number(toks, i)
        if num is None:
            i += 1
            continue
        if any(taken[n] for n in range(num.i, num.j)):
            num = Num(num.i, num.i + 1, num.value) if not num.words else None
            if num is None:
                i += 1
                continue
        kind = _glue_kind(toks, num) or _context_kind(toks, num, text, ref_until)
        if kind is None and any(a <= toks[i].start < b for a, b in period_spans):
            kind = "period"
        if kind is not None:
            if kind == "reference":
                ref_until = num.j - 1
            q = _non_fact(toks, num, kind)
            out.append(q)
            i = num.j
            continue
        q = _read_fact(toks, text, num)
        if num.words and num.value in (0, 1) and not num.scaled and q.kind == "exact" and (
                q.unit == "count") and (num.value == 1 or q.after < len(toks) and (
                toks[q.after].low == "tolerance")):
            q = _non_fact(toks, num, "determiner")
        out.append(q)
        i = max(q.after, num.j)
    out.sort(key=lambda q: (q.start, q.end))
    return out
