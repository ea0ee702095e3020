"""Signs and directions of stated numbers: "-4%", "$(1.2) million", "decreased 3%", "up $2 million".

A number written negative (a minus sign of any kind glued to it, accounting parentheses
around an amount of money, "negative" or "minus" before it) is a negative value. A change
stated in words keeps its magnitude and says its direction in ``direction``:

=======  ====================================================================================
``up``   before the number: up, increased (by), an increase of, rose, grew, growth of, gained,
         improved, added, raised, expanded, jumped, climbed; after it: increase, improvement,
         growth, gain, higher, more than, above last/prior
``down`` before: down, decreased (by), a decrease of, fell, declined, dropped, lower, reduced,
         cut (by), lost, shrank; after: decrease, decline, drop, reduction, lower, less than,
         fewer than, below last/prior
=======  ====================================================================================

A number after "from" or "to" is a level ("rose from 5% to 7%"), never a change; a number
joined to a change by "or" or "and" alone shares its direction ("up 9% or $23 million",
"increasing 0.7% and 8.4%").
"""

from __future__ import annotations

import re

from .numbers import Tok, glued

__all__ = [
    "DOWN",
    "MINUS_SIGNS",
    "UP",
    "direction_of",
    "listed_negative",
    "progression",
    "sign_before",
]

#: minus signs: hyphen-minus, minus, figure dash-like hyphens used as minus in tables
MINUS_SIGNS = frozenset("-−‒﹣－")

UP = frozenset(
    """up increased increase increases increasing rose rise rises rising grew grow grows
growing growth gained gain gains improved improvement improvements improving added raised
expanded expansion jumped jump climbed higher""".split()
)
DOWN = frozenset(
    """down decreased decrease decreases decreasing fell fall falls falling declined decline
declines declining dropped drop drops reduced reduce reduction reductions cut cuts lowered
lower lost shrank shrunk contracted contraction""".split()
)
#: words that may stand between a change word and its number ("increased by nearly 5%")
_BETWEEN = frozenset("""by of a an just only slightly sharply another further""".split())
_AFTER_SKIP = frozenset("organic net total overall sequential year-over-year".split())
_COMPARE = frozenset("last prior the a year-ago previous".split())


def sign_before(toks: list[Tok], first: int) -> int:
    """Index of an explicit minus sign (or "negative"/"minus") written before token
    ``first`` (after any currency sign), or -1."""
    k = first - 1
    if k >= 0 and toks[k].text in "$€£¥" and glued(toks, k + 1):
        k -= 1  # "-$35"
    if k < 0:
        return -1
    t = toks[k]
    if t.text in MINUS_SIGNS and glued(toks, k + 1 if k + 1 < first else first):
        if k == 0 or not glued(toks, k) or toks[k - 1].text in "($:[":
            # not a hyphen inside "10-5" or "COVID-19": space or an opening before it
            if not (k > 0 and toks[k - 1].text[0].isdigit() and not glued(toks, k)):
                return k
        return -1
    if t.low in ("negative", "minus"):
        if k > 0 and toks[k - 1].text[0].isdigit():
            return -1  # "15 minus 3": a subtraction
        return k
    return -1


def direction_of(toks: list[Tok], first: int, after: int) -> str:
    """``up``, ``down`` or ``""``: the change the words around tokens ``first`` to
    ``after`` (exclusive) say the number is."""
    k = first - 1
    steps = 0
    while k >= 0 and toks[k].low in _BETWEEN and steps < 4:
        k -= 1
        steps += 1
    if k >= 0 and toks[k].low in ("from", "to", "at"):
        return ""
    if first > 0 and toks[first - 1].low == "by" and not (k >= 0 and toks[k].low in UP | DOWN):
        for m in range(first - 2, max(-1, first - 8), -1):  # "increased the revolver by"
            if toks[m].low in UP:
                return "up"
            if toks[m].low in DOWN:
                return "down"
    if k >= 0:
        w = toks[k].low
        if w in UP:
            return "up"
        if w in DOWN:
            return "down"
    m = after
    if m < len(toks) and toks[m].text == "(":  # "$2.1 billion (16-percent) increase"
        n = m + 1
        while n < len(toks) and toks[n].text != ")" and n < m + 6:
            n += 1
        m = n + 1
    while m < len(toks) and toks[m].low in _AFTER_SKIP:
        m += 1
    if m < len(toks):
        w = toks[m].low
        nxt = toks[m + 1].low if m + 1 < len(toks) else ""
        if w in ("increase", "improvement", "growth", "gain", "higher", "expansion", "rise"):
            return "up"
        if w in ("decrease", "decline", "drop", "reduction", "lower", "contraction"):
            return "down"
        if w == "more" and nxt == "than":
            return "up"
        if w in ("less", "fewer") and nxt == "than":
            return "down"
        if w == "above" and nxt in _COMPARE:
            return "up"
        if w == "below" and nxt in _COMPARE:
            return "down"
    return ""


_STEPS = frozenset("quarter year month week period day".split())


def progression(toks: list[Tok], first: int) -> bool:
    """ "month over month, minus 4.2% to minus 3.8%": two levels of a progression named
    just before the numbers, not a range."""
    for k in range(max(0, first - 6), first - 2):
        if (
            toks[k].low in _STEPS
            and toks[k + 1].low in ("to", "over")
            and toks[k + 2].low == toks[k].low
        ):
            return True
    return False


#: units whose sign a list carries from its first item ("minus 4%, 5% and 6%")
_LISTED_UNITS = frozenset(["percent", "percentage points", "basis points"])
_LISTED_NEGATIVE = re.compile(
    r"\b(?:minus|negative)\s+\d[\d.,]*\s*(?:%|percent|percentage\s+points?|basis\s+points?)"
    r"(?:\s*,\s*\d[\d.,]*\s*(?:%|percent|percentage\s+points?|basis\s+points?)?)*"
    r"\s*(?:,|,?\s+(?:and|or))\s*$",
    re.I,
)


def listed_negative(toks: list[Tok], text: str, first: int, unit: str) -> bool:
    """ "minus 4%, 5% and 6%": the number at token ``first`` is an item of a list whose
    first item is written negative (in a unit of :data:`_LISTED_UNITS`)."""
    return (
        unit in _LISTED_UNITS
        and first >= 3
        and toks[first - 1].low in (",", "and", "or")
        and ("inus" in text or "egative" in text)
        and _LISTED_NEGATIVE.search(text, 0, toks[first].start) is not None
    )
