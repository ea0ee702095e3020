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

__all__ = ["TOKEN_PATTERN", "Token", "TokenIds", "token_spans", "tokenize"]

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
    return [
        Token(m.group(), m.start() + offset, m.end() + offset) for m in TOKEN_PATTERN.finditer(text)
    ]


def token_spans(text: str) -> tuple[list[str], list[int], list[int]]:
    """Tokens of ``text`` as three parallel lists: strings, starts, ends (the fast form)."""
    parts = _SPLIT.split(text)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts), initial=0))
    n = len(parts) // 2
    return parts[1::2], bounds[1 : 2 * n : 2], bounds[2 : 2 * n + 1 : 2]


class TokenIds:
    """Texts as strings of token ids, one character per token: equal tokens get equal
    characters, the form in which rapidfuzz compares token sequences fastest.

    ``ids = TokenIds(); ids(text)`` has one character per token of ``tokenize(text)``.
    Ids are given in order of first sight and kept across calls, so the texts of one
    ``TokenIds`` can be compared with each other. A token never spans white space, so each
    run of non-space characters is tokenized once and then looked up. More than
    :attr:`LIMIT` distinct tokens raise :class:`TokenIds.Full`.
    """

    #: distinct tokens one TokenIds can number (Unicode code points, surrogates skipped)
    LIMIT = 0x110000 - 0x800

    class Full(Exception):
        """More distinct tokens than one-character ids."""

    def __init__(self) -> None:
        self._runs = _Runs(_Ids(self.LIMIT))

    def __call__(self, text: str) -> str:
        return "".join(map(self._runs.__getitem__, text.split()))


class _Ids(dict):
    """Token -> one-character id, given on first sight."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __missing__(self, token: str) -> str:
        n = len(self)
        if n >= self.limit:
            raise TokenIds.Full
        code = self[token] = chr(n if n < 0xD800 else n + 0x800)
        return code


class _Runs(dict):
    """Run of non-space characters -> the ids of its tokens."""

    def __init__(self, ids: _Ids) -> None:
        super().__init__()
        self.ids = ids

    def __missing__(self, run: str) -> str:
        ids = self.ids
        if run.isalnum():  # one word (a word character is alphanumeric or "_")
            code = ids[run]
        elif run[:-1].isalnum() and not (run[-1].isalnum() or run[-1] == "_"):
            code = ids[run[:-1]] + ids[run[-1]]  # a word and one mark: "2019." "said,"
        else:
            code = "".join([ids[t] for t in TOKEN_PATTERN.findall(run)])
        self[run] = code
        return code
