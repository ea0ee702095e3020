"""Qualifiers of stated numbers ("more than", "about", "at least") and the intervals they mean."""

from __future__ import annotations

import re

from .numbers import NAN

__all__ = [
    "APPROX_TOLERANCE",
    "CASE_TRAPS",
    "POSTFIX",
    "QUALIFIERS",
    "has_case_trap",
    "interval",
    "postfix_qualifier",
    "prefix_qualifier",
]

#: qualifier phrase -> relation (gt, ge, lt, le, approx, near)
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(
        [
            "more than",
            "over",
            "above",
            "exceeding",
            "in excess of",
            "upwards of",
            "upward of",
            "north of",
            "surpassed",
            "surpassing",
            "exceeded",
            "topped",
            "greater than",
            "higher than",
            "just over",
            "well over",
            "slightly more than",
            "well above",
            "some more than",
            ">",
        ],
        "gt",
    ),
    **dict.fromkeys(
        [
            "at least",
            "no fewer than",
            "no less than",
            "not less than",
            "not fewer than",
            "a minimum of",
            "at a minimum",
            "≥",
        ],
        "ge",
    ),
    **dict.fromkeys(
        [
            "fewer than",
            "less than",
            "under",
            "below",
            "lower than",
            "just under",
            "south of",
            "a fraction less than",
            "a little less than",
            "slightly less than",
            "well under",
            "<",
        ],
        "lt",
    ),
    **dict.fromkeys(
        [
            "up to",
            "at most",
            "no more than",
            "not more than",
            "a maximum of",
            "as many as",
            "as much as",
            "a maximum",
            "not exceeding",
            "not to exceed",
            "not exceed",
            "within",
            "≤",
        ],
        "le",
    ),
    **dict.fromkeys(
        [
            "about",
            "approximately",
            "approx.",
            "around",
            "roughly",
            "some",
            "an estimated",
            "estimated",
            "circa",
            "an approximate",
            "approximate",
            "more or less",
            "close to some",
            "an average of",
            "on average",
            "reportedly some",
            "almost exactly",
            "near",
            "perhaps",
            "not far from",
            "in the neighborhood of",
            "in the region of",
            "on the order of",
            "somewhere around",
        ],
        "approx",
    ),
    **dict.fromkeys(["nearly", "almost", "close to", "just below", "not quite"], "near"),
}
#: qualifiers written after the number ("11 years or more")
POSTFIX: dict[str, str] = {
    **dict.fromkeys(
        [
            "or more",
            "or over",
            "or above",
            "and above",
            "and over",
            "or longer",
            "or higher",
            "and more",
            "+",
        ],
        "ge",
    ),
    **dict.fromkeys(["or less", "or fewer", "or under", "or below", "or shorter"], "le"),
}
APPROX_TOLERANCE = 0.1

_PREFIX = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(\[“\"']))("
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r")\s*$",
    re.IGNORECASE,
)
#: the last words of the qualifiers (a qualifier ends with one of them)
#: (the last two words when the last is "of" or "from": "of" and "from" before a number are
#: too common to look further at each)
_PREFIX_ENDS = tuple(
    sorted(
        {
            " ".join(q.split(" ")[-2:]) if q.split(" ")[-1] in ("of", "from") else q.split(" ")[-1]
            for q in QUALIFIERS
        }
    )
)
#: letters that ``re.IGNORECASE`` matches to an ASCII letter but ``str.lower`` does not map
#: to one (dotted and dotless i, long s): text holding them skips the shortcuts made on
#: lower-cased text
CASE_TRAPS = ("\u0130", "\u0131", "\u017f")


def has_case_trap(text: str) -> bool:
    """``text`` holds a :data:`CASE_TRAPS` letter."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


_SPACES = re.compile(r"\s+")
_POSTFIX = re.compile(
    r"\s*("
    + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in sorted(POSTFIX, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)


def prefix_qualifier(text: str, start: int) -> tuple[str, str, int]:
    """The qualifier ending just before ``text[start]``: ``(words, relation, its start)``."""
    window = text[max(0, start - 40) : start]
    if not window.rstrip().lower().endswith(_PREFIX_ENDS) and not has_case_trap(window):
        return "", "", start  # cannot end with a qualifier: spare the regex
    m = _PREFIX.search(text, max(0, start - 40), start)
    if not m:
        return "", "", start
    return m.group(1), QUALIFIERS[_SPACES.sub(" ", m.group(1).lower())], m.start(1)


def postfix_qualifier(text: str, end: int) -> tuple[str, str, int]:
    """The qualifier starting just after ``text[:end]`` ("or more"): ``(words, relation, end)``."""
    m = _POSTFIX.match(text, end)
    if not m:
        return "", "", end
    return m.group(1), POSTFIX[_SPACES.sub(" ", m.group(1).lower())], m.end(1)


def interval(value: float, relation: str) -> tuple[float, float, bool, bool, str]:
    """``(low, high, low_open, high_open, kind)`` for ``value`` under a qualifier relation."""
    if relation == "gt":
        return value, NAN, True, True, "bound"
    if relation == "ge":
        return value, NAN, False, True, "bound"
    if relation == "lt":
        return NAN, value, True, True, "bound"
    if relation == "le":
        return NAN, value, True, False, "bound"
    if relation == "approx":
        return (
            value * (1 - APPROX_TOLERANCE),
            value * (1 + APPROX_TOLERANCE),
            False,
            False,
            "approximate",
        )
    if relation == "near":
        return value * (1 - APPROX_TOLERANCE), value, False, True, "approximate"
    return value, value, False, False, "exact"
