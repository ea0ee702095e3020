"""Fractions as reports write them: "one-half", "two-thirds", "1/4", "6-1/2", "21 1/2", "½".

Used by :func:`trendkz.facts.numbers.read_number`. A slash fraction needs a small
denominator (:data:`SLASH_DENOMINATORS`) and a numerator below it, so that "9/11" and "24/7"
are not read as fractions; "half" is a fraction except in a time ("the first half of the
year", "the back half").
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "DENOMINATORS",
    "FRACTIONS",
    "HYPHENS",
    "SLASH_DENOMINATORS",
    "VULGAR",
    "a_fraction",
    "half",
    "mixed",
    "slash_fraction",
    "whole_of",
]

#: fraction words -> denominator ("two-thirds" = 2 / 3, "one-fifth" = 1 / 5)
DENOMINATORS = {
    **dict.fromkeys(["half", "halves"], 2),
    **dict.fromkeys(["third", "thirds"], 3),
    **dict.fromkeys(["quarter", "quarters", "fourth", "fourths"], 4),
    **dict.fromkeys(["fifth", "fifths"], 5),
    **dict.fromkeys(["sixth", "sixths"], 6),
    **dict.fromkeys(["eighth", "eighths"], 8),
    **dict.fromkeys(["tenth", "tenths"], 10),
}
#: "and a half", "and one-third" after a whole number
FRACTIONS = {w: 1 / d for w, d in DENOMINATORS.items() if not w.endswith("s")}
#: single-character fractions ("½", "1½")
VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8}
#: denominators of a fraction written with a slash ("1/4", "6-1/2", "21 1/2"): "9/11" and
#: "24/7" are not fractions
SLASH_DENOMINATORS = frozenset([2, 3, 4, 5, 8, 10, 16, 32])


def glued(toks: list[Any], i: int) -> bool:
    """Token ``i`` follows token ``i - 1`` with no space between them."""
    return 0 < i < len(toks) and toks[i - 1].end == toks[i].start


HYPHENS = frozenset("-‐‑")
#: words before "half" that make it a part of a time ("the first half of the year")
_HALF_TIME = frozenset(
    "first second back front latter last next this past coming current remaining".split()
)
_HALF_TIME_AFTER = frozenset(
    "year years century decade hour hours day days month months quarter time season".split()
)


def half(toks: list[Any], i: int) -> tuple[int, int, float] | None:
    """ "half" as a fraction ("more than half", "half of", "cut in half"), not a time ("the
    first half of the year", "half a century" is read as a time window)."""
    prev = toks[i - 1].low if i else ""
    if prev in _HALF_TIME or prev in ("and", "a", "one", "-"):
        return None
    if prev == "the" and not (i + 1 < len(toks) and toks[i + 1].low == "of"):
        return None  # "over the course of the half"
    k = i + 1
    if k < len(toks) and toks[k].low in ("of", "a", "an", "the"):
        k += 1
    if k < len(toks) and toks[k].low in _HALF_TIME_AFTER:
        return None
    if i + 1 < len(toks) and toks[i + 1].text in HYPHENS:
        return None  # "half-hearted", "half-year"
    return i, i + 1, 0.5


def slash_fraction(toks: list[Any], k: int) -> tuple[float, int] | None:
    """ "1/4" at token ``k``: ``(value, token after it)``, or ``None``."""
    if (
        k + 2 < len(toks)
        and toks[k + 1].text == "/"
        and glued(toks, k + 1)
        and glued(toks, k + 2)
        and toks[k].text.isdecimal()
        and toks[k + 2].text.isdecimal()
        and int(toks[k + 2].text) in SLASH_DENOMINATORS
        and 0 < int(toks[k].text) < int(toks[k + 2].text)
        and not (k + 3 < len(toks) and toks[k + 3].text == "/" and glued(toks, k + 3))
        and not (k > 0 and toks[k - 1].text == "/" and glued(toks, k))
    ):
        return int(toks[k].text) / int(toks[k + 2].text), k + 3
    return None


def mixed(toks: list[Any], j: int, value: float) -> tuple[float, int]:
    """A whole number at ``j - 1`` with a fraction after it: "6-1/2", "21 1/2", "1½"."""
    t = toks[j]
    if t.text in VULGAR and glued(toks, j):
        return value + VULGAR[t.text], j + 1
    if t.text in HYPHENS and glued(toks, j) and glued(toks, j + 1):
        frac = slash_fraction(toks, j + 1)
        if frac is not None:
            return value + frac[0], frac[1]
    elif t.text.isdecimal() and not glued(toks, j):
        frac = slash_fraction(toks, j)
        if frac is not None:
            return value + frac[0], frac[1]
    return value, j


#: singular fraction words that "a" may open ("a third of", "a quarter of a million")
_A_FRACTIONS = frozenset("third quarter fourth fifth sixth eighth tenth".split())
#: what makes "a quarter of" a time, not a share ("a quarter of a century")
_TIME_AFTER = frozenset("year years century decade hour day month quarter time".split())


def a_fraction(toks: list[Any], i: int) -> bool:
    """ "a third of ..." at token ``i`` (not "a third party", "a quarter of a century")."""
    if not (i + 2 < len(toks) and toks[i + 1].low in _A_FRACTIONS and toks[i + 2].low == "of"):
        return False
    k = i + 3
    if k < len(toks) and toks[k].low in ("a", "an", "the", "this", "that"):
        k += 1
    return not (k < len(toks) and toks[k].low in _TIME_AFTER)


#: words after "of a" / "of one" that a fraction takes as its whole
_PERCENT_WORDS = frozenset(["percent", "%", "per", "percentage"])


def whole_of(toks: list[Any], j: int, scales: dict[str, float]) -> tuple[int, float] | None:
    """The whole a fraction ending at token ``j`` is of: ``(token after, multiplier)`` for
    "a quarter of a million" (1e6), "half a million", "7/8 of 1 percent" (1: the unit is
    read after it), "one-tenth of one percent"; ``None`` when there is none."""
    k = j
    if k < len(toks) and toks[k].low == "of":
        k += 1
    if k + 1 >= len(toks) or toks[k].low not in ("a", "an", "one", "1"):
        return None
    w = toks[k + 1].low
    if w in scales and w != "hundred" and not (k == j and toks[k].low == "one"):
        return k + 2, scales[w]
    if w in _PERCENT_WORDS and k > j and toks[k].low in ("one", "1", "a"):
        return k + 1, 1.0
    return None
