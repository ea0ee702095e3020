"""Reading numbers as reports write them, and turning qualifiers into intervals.

Numbers come in digits ("1,800", "120,000", "2.5"), in words ("nine", "twenty-four",
"Two hundred thirty-eight", "four and one-half"), with scale words ("620 thousand",
"$15 million", "three million") and as vague counts ("dozens", "several hundred", "tens of
thousands"). :func:`read_number` reads one at a token; :func:`interval` turns the number and
the words qualifying it ("more than", "about", "up to", "or more") into a
``(low, high, low_open, high_open, kind)`` interval.

Superscript digits and circled numbers are markers, not values: ``12,000⁴`` is 12,000 with
footnote 4, ``45%³`` is 45 %, ``①`` is a list marker. The one exception is a power of ten
written as such, read as written: ``10⁶`` is 1,000,000. Only decimal digits (``str.isdecimal``)
start a number.

The intervals, stated once here:

=================================================  ==========================================
qualifier                                          interval for a stated value ``v``
=================================================  ==========================================
none                                               ``[v, v]``, kind ``exact``
more than, over, above, exceeding, in excess of    ``(v, open)``, kind ``bound``
at least, no fewer than, a minimum of, "or more"   ``[v, open)``, kind ``bound``
fewer than, less than, under, below                ``(open, v)``, kind ``bound``
up to, at most, no more than, as many as           ``(open, v]``, kind ``bound``
about, approximately, around, some, an estimated   ``[0.9 v, 1.1 v]``, kind ``approximate``
nearly, almost, close to, just under               ``[0.9 v, v)``, kind ``approximate``
vague count ("dozens", "several hundred")          bounds from :data:`VAGUE`, value NaN
=================================================  ==========================================

An open side is ``NaN`` with its ``*_open`` flag set.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from .fractions import (
    DENOMINATORS,
    FRACTIONS,
    HYPHENS,
    VULGAR,
    a_fraction,
    half,
    mixed,
    slash_fraction,
    whole_of,
)

__all__ = [
    "NUMBER_STARTS",
    "SCALES",
    "VAGUE",
    "Num",
    "Tok",
    "glued",
    "is_word",
    "read_number",
    "tokenize",
]

NAN = math.nan

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
#: short scale words accepted after digits only ("2.2 bn", "15 mln")
DIGIT_SCALES = {
    **{k: v for k, v in SCALES.items() if k != "hundred"},
    "mln": 1e6,
    "bn": 1e9,
    "mn": 1e6,
}
#: plural scale words after a number ("five hundred millions", "twenty-six millions")
PLURAL_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
#: scale letters glued to an amount of money ("$23M", "$1.2B", "$500K")
MONEY_SUFFIXES = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9}

#: the words a number can start with (besides digits)
NUMBER_STARTS = frozenset(
    [
        *UNITS,
        *TENS,
        "a",
        "dozen",
        "dozens",
        "tens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "several",
        "few",
        "half",
        *VULGAR,
    ]
)
#: vague counts: word sequence -> (low, high)
VAGUE: dict[tuple[str, ...], tuple[float, float]] = {
    ("dozens",): (24, 99),
    ("tens",): (20, 99),
    ("hundreds",): (200, 999),
    ("thousands",): (2e3, 9999),
    ("millions",): (2e6, 999e6),
    ("billions",): (2e9, 999e9),
    ("tens", "of", "thousands"): (2e4, 99999),
    ("hundreds", "of", "thousands"): (2e5, 999999),
    ("tens", "of", "millions"): (2e7, 99e6),
    ("hundreds", "of", "millions"): (2e8, 999e6),
}
#: vague multipliers before a scale word ("several hundred", "a few thousand")
VAGUE_MULT = {("several",): (3, 9), ("a", "few"): (2, 5), ("few",): (2, 5)}


#: superscript digits: one token per run ("¹²"), never a number token
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_TOKEN = re.compile(
    rf"[^\W\d_{SUPERSCRIPTS}]+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?"
    rf"|[{SUPERSCRIPTS}]+|\S"
)


class Tok(NamedTuple):
    """A token of a sentence: its text, lower-cased text and span."""

    text: str
    low: str
    start: int
    end: int

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdecimal()  # "²" and "①" are digits to str.isdigit, not here


_new_tok = tuple.__new__  # skips NamedTuple.__new__'s argument handling: tokens are many
#: a token with the white space before it (tokens cover all but white space)
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")


_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPTS, "0123456789")


def tokenize(text: str) -> list[Tok]:
    """Numbers (with thousands commas and decimals), letter runs and single symbols."""
    out: list[Tok] = []
    add, end = out.append, 0
    for space, g in _SPACED_TOKEN.findall(text):
        start = end + len(space)
        end = start + len(g)
        add(_new_tok(Tok, (g, g.lower(), start, end)))
    return out


class Num(NamedTuple):
    """One number read from tokens ``i`` to ``j`` (exclusive)."""

    i: int
    j: int
    value: float
    low: float = NAN
    high: float = NAN
    vague: str = ""  # the vague words ("several hundred"); value is NaN then
    words: bool = False  # written in words
    scaled: bool = False  # carries a scale word ("620 thousand")
    fraction: bool = False  # a bare fraction ("one-half")


def _seq(toks: list[Tok], i: int, words: tuple[str, ...]) -> bool:
    return i + len(words) <= len(toks) and all(toks[i + k].low == w for k, w in enumerate(words))


def _by_first(seqs) -> dict[str, list]:
    out: dict[str, list] = {}
    for words in seqs:
        out.setdefault(words[0], []).append(words)
    return out


#: the phrases of VAGUE (longest first) and VAGUE_MULT by their first word
_VAGUE_BY_FIRST = _by_first(sorted(VAGUE, key=len, reverse=True))
_MULT_BY_FIRST = _by_first(VAGUE_MULT)


def _read_vague(toks: list[Tok], i: int) -> Num | None:
    first = toks[i].low
    for words in _VAGUE_BY_FIRST.get(first, ()):
        if _seq(toks, i, words):
            lo, hi = VAGUE[words]
            j = i + len(words)
            return Num(i, j, NAN, lo, hi, vague=" ".join(t.text for t in toks[i:j]), words=True)
    for words in _MULT_BY_FIRST.get(first, ()):
        a, b = VAGUE_MULT[words]
        k = i + len(words)
        if _seq(toks, i, words) and k < len(toks):
            w = toks[k].low
            scale = 12.0 if w == "dozen" else SCALES.get(w)
            if scale:
                return Num(
                    i,
                    k + 1,
                    NAN,
                    a * scale,
                    b * scale,
                    vague=" ".join(t.text for t in toks[i : k + 1]),
                    words=True,
                )
    return None


def _fraction_after(toks: list[Tok], j: int) -> tuple[float, int]:
    """``and one-half`` / ``-and-one-half`` / ``and a half`` after a whole number."""
    k = j + 1 if j < len(toks) and toks[j].text == "-" else j
    if k < len(toks) and toks[k].low == "and":
        m = k + 1
        if m < len(toks) and toks[m].text == "-":
            m += 1
        if m < len(toks) and toks[m].low in ("one", "a"):
            m += 1
            if m < len(toks) and toks[m].text == "-":
                m += 1
            if m < len(toks) and toks[m].low in FRACTIONS:
                return FRACTIONS[toks[m].low], m + 1
        if m < len(toks) and toks[m].low in UNITS and 1 < UNITS[toks[m].low] < 10:
            n = m + 1  # "and two-thirds"
            if n < len(toks) and toks[n].text in HYPHENS:
                n += 1
            d = DENOMINATORS.get(toks[n].low, 0) if n < len(toks) else 0
            if UNITS[toks[m].low] < d:
                return UNITS[toks[m].low] / d, n + 1
    return 0.0, j


def _fraction_of(toks: list[Tok], num: Num) -> Num:
    """A fraction of a scale or of one percent (:func:`trendkz.facts.fractions.whole_of`);
    else ``num`` itself."""
    whole = whole_of(toks, num.j, SCALES)
    if whole is None:
        return num
    j, scale = whole
    return Num(num.i, j, num.value * scale, words=num.words, scaled=scale > 1)


def read_number(toks: list[Tok], i: int) -> Num | None:
    """The number starting at token ``i`` (digits, words, scale, vague), or ``None``."""
    t = toks[i]
    if t.text[0].isdecimal():
        return _read_digits(toks, i)
    if t.text in VULGAR:
        return _fraction_of(toks, Num(i, i + 1, VULGAR[t.text], fraction=True))
    if t.low not in NUMBER_STARTS:
        return None
    if t.low == "half":
        h = half(toks, i)
        if h is None:
            return None
        return _fraction_of(toks, Num(h[0], h[1], h[2], words=True, fraction=True))
    vague = _read_vague(toks, i)
    if vague:
        return vague
    if t.low == "a":
        if i + 1 < len(toks) and (toks[i + 1].low in SCALES or toks[i + 1].low == "dozen"):
            w = toks[i + 1].low
            return Num(i, i + 2, 12.0 if w == "dozen" else SCALES[w], words=True, scaled=True)
        if a_fraction(toks, i):  # "a third of the claims", "a quarter of a million"
            d = DENOMINATORS[toks[i + 1].low]
            return _fraction_of(toks, Num(i, i + 2, 1 / d, words=True, fraction=True))
        return None
    if t.low == "dozen":
        return None
    return _read_words(toks, i)


def _read_digits(toks: list[Tok], i: int) -> Num:
    """A number in digits at token ``i``: "1/3", "10⁶", "1,800", "2 1/2", "620 thousand",
    "$23M"."""
    t = toks[i]
    if i + 1 < len(toks) and toks[i + 1].text == "/":
        frac = slash_fraction(toks, i)
        if frac is not None:  # "1/3 of", "3/4 percent"
            value, j = frac
            return _fraction_of(toks, Num(i, j, value, fraction=True))
    value = float(t.text.replace(",", ""))
    j = i + 1
    scaled = False
    if t.text == "10" and j < len(toks) and glued(toks, j) and toks[j].text[0] in SUPERSCRIPTS:
        # "10⁶": a power of ten, read as written (any other superscript is a marker)
        power = int(toks[j].text.translate(_FROM_SUPERSCRIPT))
        if power <= 15:
            return Num(i, j + 1, 10.0**power)
    if j < len(toks) and "." not in t.text and "," not in t.text:
        value, j = mixed(toks, j, value)
    if j < len(toks) and toks[j].low in DIGIT_SCALES and not glued(toks, j):
        value *= DIGIT_SCALES[toks[j].low]
        j += 1
        scaled = True
    elif (
        j < len(toks)
        and toks[j].low in MONEY_SUFFIXES
        and glued(toks, j)
        and i > 0
        and toks[i - 1].text in "$€£"
        and (j + 1 == len(toks) or not glued(toks, j + 1) or not toks[j + 1].text.isalnum())
    ):
        value *= MONEY_SUFFIXES[toks[j].low]  # "$23M"
        j += 1
        scaled = True
    return _new_tok(Num, (i, j, value, NAN, NAN, "", False, scaled, False))  # most numbers


def _read_words(toks: list[Tok], i: int) -> Num | None:
    """A number in words at token ``i``: "Two hundred thirty-eight", "one-half", "four and
    one-half", "twenty-two and a half millions"."""
    value, j, scaled = _word_value(toks, i)
    if j == i:
        return None
    # "one-half", "two-thirds", "three fourths": a bare fraction
    k = j + 1 if j < len(toks) and toks[j].text in HYPHENS and glued(toks, j) else j
    if (
        k < len(toks)
        and (k == j or glued(toks, k))
        and toks[k].low in DENOMINATORS
        and 0 < value < DENOMINATORS[toks[k].low]
        and not scaled
    ):
        num = Num(i, k + 1, value / DENOMINATORS[toks[k].low], words=True, fraction=True)
        return _fraction_of(toks, num)
    extra, k = _fraction_after(toks, j)
    if extra and k < len(toks) and (toks[k].low in SCALES or toks[k].low in PLURAL_SCALES):
        w = toks[k].low  # "twenty-two and a half millions"
        return Num(
            i,
            k + 1,
            (value + extra) * SCALES.get(w, PLURAL_SCALES.get(w, 1)),
            words=True,
            scaled=True,
        )
    return Num(i, k, value + extra, words=True, scaled=scaled)


def _word_value(toks: list[Tok], i: int) -> tuple[float, int, bool]:
    """``(value, token after, scaled)`` of the number words from token ``i``: units, tens
    ("twenty-four"), scales ("hundred", "million", "five hundred millions"), "dozen", and the
    "and" between them ("one hundred and five"); the token after is ``i`` if none."""
    total, current, j, scaled = 0.0, 0.0, i, False
    last = last_scale = ""
    while j < len(toks):
        w = toks[j].low
        if w in UNITS and last != "unit":
            current += UNITS[w]
            last = "unit"
        elif w in TENS and last in ("", "scale"):
            current += TENS[w]
            last = "tens"
        elif (
            w == "-"
            and last == "tens"
            and j + 1 < len(toks)
            and glued(toks, j)
            and (glued(toks, j + 1))
            and 0 < UNITS.get(toks[j + 1].low, 0) < 10
        ):
            j += 1
            current += UNITS[toks[j].low]
            last = "unit"
        elif w in SCALES and (
            last in ("unit", "tens")
            or (last == "scale" and last_scale == "hundred" and w != "hundred")
        ):
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[w]
                current = 0.0
            last, last_scale, scaled = "scale", w, True
        elif w in PLURAL_SCALES and last in ("unit", "tens", "scale") and w != "thousands":
            total += (current or 1) * PLURAL_SCALES[w]  # "five hundred millions"
            current = 0.0
            last, last_scale, scaled = "scale", w, True
            j += 1
            break
        elif w == "dozen" and last in ("unit", "tens"):
            current *= 12
            last, scaled = "scale", True
        elif (
            w == "and"
            and last == "scale"
            and j + 1 < len(toks)
            and (toks[j + 1].low in UNITS or toks[j + 1].low in TENS)
            and (toks[j + 1].low not in ("one", "a") or not _seq(toks, j + 2, ("-", "half")))
        ):
            last = ""
        else:
            break
        j += 1
    return total + current, j, scaled


# ---- units written around a number


def glued(toks: list[Tok], i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` with no space between them."""
    return 0 < i < len(toks) and toks[i - 1].end == toks[i].start


def is_word(t: Tok) -> bool:
    """The token is a word (starts with a letter)."""
    return t.text[0].isalpha()
