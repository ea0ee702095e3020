"""The result of a word diff: :class:`TextDiff` and its opcodes."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass

from .._core.errors import OptionError
from ..segment.sentences import sentence_spans
from . import render as diffrender
from .tokens import Token, TokenIds, token_spans, tokenize

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")

__all__ = [
    "Opcode",
    "TextDiff",
]


@dataclass(frozen=True, slots=True)
class Opcode:
    """One step of a diff: ``tag`` with token ranges and character ranges in ``a``, ``b``."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_char_start: int
    a_char_end: int
    b_char_start: int
    b_char_end: int


class _Side:
    """One text as compact token ids (one character per token); offsets on demand."""

    __slots__ = ("_ends", "_starts", "bounds", "ids", "text")

    def __init__(self, text: str, ids: TokenIds) -> None:
        self.text = text
        self.ids = ids(text)
        self._starts: array | None = None
        self._ends: array | None = None
        self.bounds: list[array] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def _spans(self) -> tuple[array, array]:
        _, starts, ends = token_spans(self.text)
        self._starts, self._ends = array("q", starts), array("q", ends)
        return self._starts, self._ends

    @property
    def starts(self) -> array:
        starts = self._starts
        return self._spans()[0] if starts is None else starts

    @property
    def ends(self) -> array:
        ends = self._ends
        return self._spans()[1] if ends is None else ends

    def char_range(self, i: int, j: int) -> tuple[int, int]:
        if i < j:
            return self.starts[i], self.ends[j - 1]
        pos = self.ends[i - 1] if i > 0 else 0
        return pos, pos

    def units(self, level: int, lo: int, hi: int) -> list[int]:
        """Token indices cutting ``[lo, hi)`` into ``level`` units (0 paragraph, 1 sentence)."""
        if self.bounds is None:
            paras = [m.end() for m in _PARAGRAPH.finditer(self.text)]
            sents = [a for a, _ in sentence_spans(self.text)]
            self.bounds = [
                array("q", sorted({bisect.bisect_left(self.starts, c) for c in cuts}))
                for cuts in (paras, sents)
            ]
        b = self.bounds[level]
        inner = b[bisect.bisect_right(b, lo) : bisect.bisect_left(b, hi)]
        return [lo, *inner, hi]


class TextDiff:
    """The word-level diff of two texts; build it with :func:`diff_text`.

    Token counts (every token outside an ``equal`` op is counted exactly once):

    - ``n_added``: tokens of ``b`` in ``insert`` ops (new text with nothing removed there);
    - ``n_removed``: tokens of ``a`` in ``delete`` ops;
    - ``n_changed``: tokens of ``a`` and of ``b`` in ``replace`` ops (old and new together).

    ``n_added + n_removed + n_changed`` is the size of the diff (the Indel distance when the
    diff is minimal) and ``similarity = 1 - size / (len(a) + len(b))`` in tokens, which is
    ``2 * matched / (len(a) + len(b))``; two texts without tokens have similarity 1.
    """

    __slots__ = ("_a", "_b", "_counts", "_ops", "_runs")

    def __init__(self, a: _Side, b: _Side, runs: tuple[tuple, ...]) -> None:
        self._a, self._b = a, b
        self._runs = runs  # (tag, a_start, a_end, b_start, b_end)
        self._ops: tuple[Opcode, ...] | None = None
        self._counts: dict[str, int] | None = None

    a = property(lambda self: self._a.text, doc="The old text.")
    b = property(lambda self: self._b.text, doc="The new text.")
    n_tokens_a = property(lambda self: len(self._a), doc="Number of tokens of ``a``.")
    n_tokens_b = property(lambda self: len(self._b), doc="Number of tokens of ``b``.")

    @property
    def opcodes(self) -> tuple[Opcode, ...]:
        """The steps of the diff, as :class:`Opcode` (see the module docstring)."""
        if self._ops is None:
            A, B = self._a, self._b
            self._ops = tuple(
                Opcode(tag, a0, a1, b0, b1, *A.char_range(a0, a1), *B.char_range(b0, b1))
                for tag, a0, a1, b0, b1 in self._runs
            )
        return self._ops

    def _sum(self, tag: str) -> int:
        """Tokens in ops of ``tag``: of ``b`` for insert, of ``a`` for delete and equal,
        of both for replace."""
        if self._counts is None:
            n = dict.fromkeys(("equal", "replace", "insert", "delete"), 0)
            for t, a0, a1, b0, b1 in self._runs:
                n[t] += (a1 - a0) + (b1 - b0 if t != "equal" else 0)
            self._counts = n
        return self._counts[tag]

    @property
    def n_added(self) -> int:
        """Tokens of ``b`` in ``insert`` ops."""
        return self._sum("insert")

    @property
    def n_removed(self) -> int:
        """Tokens of ``a`` in ``delete`` ops."""
        return self._sum("delete")

    @property
    def n_changed(self) -> int:
        """Tokens of ``a`` and ``b`` in ``replace`` ops."""
        return self._sum("replace")

    @property
    def n_equal(self) -> int:
        """Tokens matched (counted once, not once per side)."""
        return self._sum("equal")

    @property
    def similarity(self) -> float:
        """``2 * matched / (len(a) + len(b))`` in tokens, in [0, 1]; 1 when both are empty."""
        total = len(self._a) + len(self._b)
        return 1.0 if total == 0 else 2 * self.n_equal / total

    def tokens(self, side: str = "a") -> list[Token]:
        """The tokens of ``a`` or ``b`` (``side="a"`` or ``"b"``) with character offsets."""
        if side not in ("a", "b"):
            raise OptionError(f"side={side!r} is not valid; choose one of: 'a', 'b'")
        return tokenize(self.a if side == "a" else self.b)

    def apply(self) -> list[str]:
        """Rebuild the token strings of ``b`` from those of ``a`` and the opcodes.

        ``equal`` runs are copied from ``a``, the rest taken from ``b``; the result equals
        ``[t.text for t in tokenize(b)]``.
        """
        ta = [t.text for t in self.tokens("a")]
        tb = [t.text for t in self.tokens("b")]
        out: list[str] = []
        for op in self.opcodes:
            out += ta[op.a_start : op.a_end] if op.tag == "equal" else tb[op.b_start : op.b_end]
        return out

    def to_html(self, *, context: int | None = 8, cleanup: bool = True) -> str:
        """Self-contained HTML: deletions in ``<del>``, insertions in ``<ins>``, escaped.

        Unchanged runs longer than ``3 * context`` tokens keep ``context`` tokens next to
        each change and are otherwise collapsed to "… N unchanged words …"
        (``context=None`` shows everything). With ``cleanup`` (the default), unchanged
        islands of 1-3 tokens inside rewritten passages are shown as part of the change
        (see :func:`trendkz.diff.render.readable`); counts are not affected.
        """
        return diffrender.render(self, "html", context, cleanup)

    def to_markdown(self, *, context: int | None = 8, cleanup: bool = True) -> str:
        """Markdown for papers: ``~~deleted~~`` and ``**inserted**``, markup escaped.

        Options as :meth:`to_html`.
        """
        return diffrender.render(self, "markdown", context, cleanup)

    def to_text(self, *, context: int | None = 8, cleanup: bool = True) -> str:
        """Plain text as ``git diff --word-diff``: ``[-deleted-]{+inserted+}``.

        Options as :meth:`to_html`.
        """
        return diffrender.render(self, "text", context, cleanup)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return (
            f"TextDiff(similarity={self.similarity:.3f}, n_added={self.n_added}, "
            f"n_removed={self.n_removed}, n_changed={self.n_changed}, "
            f"tokens={len(self._a)}->{len(self._b)}, ops={len(self.opcodes)})"
        )
