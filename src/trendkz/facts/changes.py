"""The period of a change stated between two levels of given years: "the margin was 27.9% in
2017, compared to 30.4% in 2016, a decrease of 250 basis points", "8.3% for the year, a
decrease against 2014 of 220 basis points": the change spans the base year and the year of
the level it ends at (the base alone is never the period of a number compared to it: see
:func:`trendkz.facts.periods.assign_period`)."""

from __future__ import annotations

import re

from .periods import Period

__all__ = ["change_span", "has_change_noun"]

#: a change noun opening the phrase the number is in ("a decrease of", "an increase
#: against 2014 of"), at most 80 characters before the number, in the same clause
_CHANGE_OF = re.compile(
    r"\b(?:an?)\s+(?:increase|decrease|decline|improvement|reduction|rise|drop|deterioration)"
    r"(?:\s+(?:against|versus|vs\.?|from|over|compared\s+(?:to|with))\s+((?:1[89]|20)\d\d))?"
    r"\s+of\b[^.;]*$",
    re.I,
)
_NOUNS = re.compile(
    r"increase|decrease|decline|improvement|reduction|rise|drop|deterioration", re.I
)
_PLAIN_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def change_span(
    start: int, text: str, periods: list[Period], first: int, last: int
) -> tuple[int, int]:
    """``(first, last)`` of the change at ``text[start:]`` whose own period is ``first`` to
    ``last``: widened back to the nearest earlier written year before it when a change noun
    phrase holds it (an earlier year, written as a year and not the number's own period)."""
    m = _CHANGE_OF.search(text, max(0, start - 80), start)
    if m is None:
        return first, last
    if m[1]:  # the base named inside the phrase: "a decrease against 2014 of"
        return (int(m[1]), last) if int(m[1]) < first else (first, last)
    base = None
    for p in periods:
        if p.end <= start and p.first == p.last < first and _PLAIN_YEAR.search(p.text):
            base = p  # the last one before the number
    if base is None:
        return first, last
    return base.first, last


def has_change_noun(text: str) -> bool:
    """A change noun anywhere in ``text`` (a quick look before :func:`change_span`): its
    letters after the first, then the words themselves."""
    return (
        "crease" in text
        or "ecline" in text
        or "mprovement" in text
        or "eduction" in text
        or "ise" in text
        or "rop" in text
        or "eterioration" in text
    ) and _NOUNS.search(text) is not None
