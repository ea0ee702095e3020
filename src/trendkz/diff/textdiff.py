"""Word-level text diffs: ``diff_text(a, b) -> TextDiff``.

What counts as a change
-----------------------
Texts are compared as sequences of tokens (:mod:`trendkz.diff.tokens`): words, numbers, and
every punctuation mark and quotation mark on its own. A change is a token added, removed
or replaced, so ``"extremism"`` becoming ``“extremism”`` is a change (two quote tokens
replaced) and so is a comma. White space is not a token: spacing, line wrapping and blank
lines are never changes. Case matters (``Terrorism`` differs from ``terrorism``).

How it is computed
------------------
With RapidFuzz on token ids. ``rapidfuzz.distance.Indel.opcodes`` gives the longest
common subsequence diff (every shared token kept as a match, the most readable diff), but
its memory grows with the product of the two lengths. So a pair whose product exceeds
``max_cells`` is diffed through anchors: paragraphs first, then sentences
(:func:`trendkz.segment.sentences.sentence_spans`); identical units are matched as wholes and only
the regions between them are diffed word by word. A region that is still too large (no
shared sentence inside, e.g. a complete rewrite) is cut into position-aligned chunks that
fit. Memory is thus bounded by ``max_cells`` bits whatever the length of the texts.

Opcodes
-------
``TextDiff.opcodes`` is a tuple of :class:`Opcode`, in the vocabulary of RapidFuzz and
difflib: ``equal``, ``replace``, ``insert``, ``delete``; ops alternate between ``equal``
and a change (adjacent deletions and insertions are merged into one ``replace``). Token
ranges ``a_start:a_end`` and ``b_start:b_end`` index the token lists; character ranges
``a_char_start:a_char_end`` run from the first character of the first token to the last
character of the last token (white space around an op is not part of it). An empty side
has an empty character range at the insertion point: the end of the preceding token (0 at
the start of the text).

Invariants (property-tested): applying the opcodes to ``a``'s tokens rebuilds ``b``'s
tokens exactly (:meth:`TextDiff.apply`); op character ranges are in order and everything
outside them is white space, so ``b`` is rebuilt character for character from its ranges
and the gaps; ``diff_text(a, a)`` is all ``equal``; similarity is symmetric and in [0, 1].
"""

from __future__ import annotations

from rapidfuzz.distance import Indel, Levenshtein

from .._core.errors import InputError, OptionError
from .result import TextDiff, _Side
from .tokens import TokenIds

__all__ = [
    "MAX_CELLS",
    "Differ",
    "diff_text",
]

#: default largest LCS matrix computed at once, in cells (one bit each: 4 MiB)
MAX_CELLS = 1 << 25


class Differ:
    """Diffs many texts against each other, tokenizing each distinct text once.

    ``Differ().diff(a, b)`` equals :func:`diff_text` ``(a, b)``; the tokens and ids of every
    text seen are kept (about twice the size of the text) until the ``Differ`` is dropped.
    """

    def __init__(self, *, max_cells: int = MAX_CELLS) -> None:
        self.max_cells = _check_cells(max_cells)
        self._ids = TokenIds()
        self._sides: dict[str, _Side] = {}

    def _side(self, text: str) -> _Side:
        side = self._sides.get(text)
        if side is None:
            side = self._sides[text] = _Side(text, self._ids)
        return side

    def diff(self, a: str, b: str) -> TextDiff:
        """The :class:`TextDiff` of ``a`` and ``b`` (as :func:`diff_text`)."""
        _check_texts(a, b)
        try:
            A, B = self._side(a), self._side(b)
        except TokenIds.Full:  # start afresh with just these two texts
            self._ids, self._sides = TokenIds(), {}
            A, B = _sides(a, b, self._ids)
        return _diff(A, B, self.max_cells)


def _indel(a: str, b: str, a0: int, b0: int, out: list) -> None:
    ops: list = Indel.opcodes(a, b).as_list()
    if a0 or b0:
        ops = [(tag, a0 + x0, a0 + x1, b0 + y0, b0 + y1) for tag, x0, x1, y0, y1 in ops]
    out += ops


def _fallback(sa: str, sb: str, a0: int, b0: int, budget: int, out: list) -> None:
    """Align a region too large for one LCS matrix and without sentence anchors.

    ``Levenshtein.opcodes`` (Hirschberg, linear memory) gives matched runs; the unmatched
    regions between them are re-diffed with Indel, or in position-aligned chunks that fit.
    """
    same = [
        (o.src_start, o.src_end, o.dest_start, o.dest_end)
        for o in Levenshtein.opcodes(sa, sb)
        if o.tag == "equal"
    ]
    pa = pb = 0
    for x0, x1, y0, y1 in [*same, (len(sa), len(sa), len(sb), len(sb))]:
        na, nb = x0 - pa, y0 - pb
        k = 1
        while (na // k + 1) * (nb // k + 1) > budget:
            k += 1
        for i in range(k):
            ca, cb = pa + na * i // k, pb + nb * i // k
            _indel(
                sa[ca : pa + na * (i + 1) // k],
                sb[cb : pb + nb * (i + 1) // k],
                a0 + ca,
                b0 + cb,
                out,
            )
        out.append(("equal", a0 + x0, a0 + x1, b0 + y0, b0 + y1))
        pa, pb = x1, y1


def _align(
    A: _Side, B: _Side, a0: int, a1: int, b0: int, b1: int, level: int, budget: int, out: list
) -> None:
    """Append raw ops aligning tokens ``A[a0:a1]`` with ``B[b0:b1]`` to ``out``."""
    na, nb = a1 - a0, b1 - b0
    sa, sb = A.ids[a0:a1], B.ids[b0:b1]
    if na == 0 or nb == 0 or sa == sb:
        out.append(("equal" if sa == sb else "change", a0, a1, b0, b1))
        return
    if na * nb <= budget:
        _indel(sa, sb, a0, b0, out)
        return
    if level > 1:  # no anchors left: Levenshtein (linear memory) finds them
        _fallback(sa, sb, a0, b0, budget, out)
        return
    ua, ub = A.units(level, a0, a1), B.units(level, b0, b1)
    if (len(ua) == 2 and len(ub) == 2) or (len(ua) - 1) * (len(ub) - 1) > budget:
        _align(A, B, a0, a1, b0, b1, level + 1, budget, out)
        return
    keys: dict[str, int] = {}
    ka = [keys.setdefault(A.ids[x:y], len(keys)) for x, y in zip(ua, ua[1:], strict=False)]
    kb = [keys.setdefault(B.ids[x:y], len(keys)) for x, y in zip(ub, ub[1:], strict=False)]
    pa, pb = a0, b0  # start of the pending (unmatched) region
    for op in Indel.opcodes(ka, kb):
        if op.tag != "equal":
            continue
        x0, x1, y0, y1 = ua[op.src_start], ua[op.src_end], ub[op.dest_start], ub[op.dest_end]
        if (pa, pb) != (x0, y0):
            _align(A, B, pa, x0, pb, y0, level + 1, budget, out)
        out.append(("equal", x0, x1, y0, y1))
        pa, pb = x1, y1
    if (pa, pb) != (a1, b1):
        _align(A, B, pa, a1, pb, b1, level + 1, budget, out)


def _merge(raw: list) -> tuple[tuple, ...]:
    """Join raw ops into alternating equal / change runs and label the changes."""
    out = []
    eq: bool | None = None  # the open run: equal or not (None: no run yet), start, end
    a0 = b0 = a1 = b1 = 0
    for tag, x0, x1, y0, y1 in raw:
        if x0 == x1 and y0 == y1:
            continue
        if (tag == "equal") is not eq:
            if eq is not None:
                out.append(_run(eq, a0, a1, b0, b1))
            eq, a0, b0 = tag == "equal", x0, y0
        a1, b1 = x1, y1
    if eq is not None:
        out.append(_run(eq, a0, a1, b0, b1))
    return tuple(out)


def _run(equal: bool, a0: int, a1: int, b0: int, b1: int) -> tuple:
    tag = (
        "equal"
        if equal
        else "replace"
        if a0 < a1 and b0 < b1
        else "delete"
        if a0 < a1
        else "insert"
    )
    return (tag, a0, a1, b0, b1)


def _check_texts(a: object, b: object) -> None:
    if not isinstance(a, str) or not isinstance(b, str):
        raise InputError(
            f"diff_text needs two strings, got {type(a).__name__} and {type(b).__name__}"
        )


def _check_cells(max_cells: object) -> int:
    if isinstance(max_cells, bool) or not isinstance(max_cells, int) or max_cells < 1:
        raise OptionError(f"max_cells={max_cells!r} is not valid; give a positive integer")
    return max_cells


def _sides(a: str, b: str, ids: TokenIds) -> tuple[_Side, _Side]:
    try:
        return _Side(a, ids), _Side(b, ids)
    except TokenIds.Full:
        raise InputError(
            f"texts too large to diff: more than {TokenIds.LIMIT:,} distinct "
            "tokens; diff them in parts (e.g. section by section)"
        ) from None


def _diff(A: _Side, B: _Side, max_cells: int) -> TextDiff:
    raw: list = []
    # align in one canonical direction, so that diff(b, a) mirrors diff(a, b) exactly
    if B.text < A.text:
        _align(B, A, 0, len(B), 0, len(A), 0, max_cells, raw)
        raw = [(tag, b0, b1, a0, a1) for tag, a0, a1, b0, b1 in raw]
    else:
        _align(A, B, 0, len(A), 0, len(B), 0, max_cells, raw)
    return TextDiff(A, B, _merge(raw))


def diff_text(a: str, b: str, *, max_cells: int = MAX_CELLS) -> TextDiff:
    """Diff two texts word by word (see the module docstring for what counts as a change).

    Parameters
    ----------
    a, b
        The old and the new text.
    max_cells
        Largest LCS matrix computed at once (cells of one bit). Longer texts are diffed
        through paragraph and sentence anchors, which bounds memory; the default (2**25,
        4 MiB) diffs texts up to ~5,800 tokens each in one piece.

    Returns
    -------
    TextDiff
        ``.opcodes``, ``.similarity``, ``.n_added``, ``.n_removed``, ``.n_changed`` and
        renderings (``.to_html()``, ``.to_markdown()``, ``.to_text()``).
    """
    _check_texts(a, b)
    return _diff(*_sides(a, b, TokenIds()), _check_cells(max_cells))
