"""Word tokens with character offsets: ``tokenize`` and ``token_spans``.

A token is a word, a number, or one single punctuation mark or symbol. Quotation marks are
tokens of their own, so ``"extremism"`` and ``“extremism”`` differ in their tokens. White
space is never a token: two texts that differ only in spacing or line wrapping have the
same tokens.

- Words keep internal hyphens, apostrophes and periods: ``so-called``, ``government’s``,
  ``U.S`` (the final period is a token of its own), ``e.g``.
- Numbers keep decimal points and thousands commas: ``2.5``, ``2,500``.
- Every other non-space character is one token: ``,`` ``.`` ``(`` ``“`` ``”`` ``«`` ``’``.
  A ``’`` or ``'`` between two word characters is an apostrophe (part of the word);
  anywhere else it is a quotation mark.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple

__all__ = ["TOKEN_PATTERN", "Token", "token_spans", "tokenize"]

#: the token pattern: words (with internal joiners), else one non-space character
TOKEN_PATTERN = re.compile(
    r"\w+(?:(?:[-'’‐‑.]|(?<=\d),(?=\d))\w+)*"  # words and numbers
    r"|[^\w\s]"  # any other single non-space character
)
_SPLIT = re.compile(f"({TOKEN_PATTERN.pattern})")


class Token(NamedTuple):
    """One token: its text and its ``[start, end)`` character offsets in the source."""

    text: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text`` in order, with offsets shifted by ``offset``.

    ``text[t.start - offset:t.end - offset] == t.text`` for every token, and everything
    between tokens is white space.
    """
    return [Token(m.group(), m.start() + offset, m.end() + offset)
            for m in TOKEN_PATTERN.finditer(text)]


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens of ``text`` as three parallel lists: strings, starts, ends (the fast form)."""
    parts = _SPLIT.split(text)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts), initial=0))
    n = len(parts) // 2
    return parts[1::2], bounds[1:2 * n:2], bounds[2:2 * n + 1:2]
