"""Rendering a :class:`~trendkz.diff.textdiff.TextDiff` as HTML, Markdown or plain text.

The new text ``b`` is the canvas: unchanged runs and the white space between tokens are
shown as they are in ``b``; deleted text is shown as it was in ``a``, just before the text
that replaced it. Unchanged runs longer than ``3 * context`` tokens keep ``context``
tokens on each side of the neighbouring changes and are otherwise collapsed to a marker
"… N unchanged words …" (N counts word tokens, not punctuation). By default the display
absorbs unchanged islands of 1-3 tokens into the rewritten passages around them
(:func:`readable`).

=========  ======================  ======================  ==================================
format     deleted                 inserted                notes
=========  ======================  ======================  ==================================
html       ``<del>old</del>``      ``<ins>new</ins>``      self-contained, escaped, pre-wrap
markdown   ``~~old~~``             ``**new**``             markup characters backslash-escaped
text       ``[-old-]``             ``{+new+}``             as ``git diff --word-diff=plain``
=========  ======================  ======================  ==================================
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from .._core.errors import OptionError


class Tokens(Protocol):
    """What rendering needs of one side of a diff: its text and token offsets."""

    text: str

    @property
    def starts(self) -> Sequence[int]: ...

    @property
    def ends(self) -> Sequence[int]: ...

    def char_range(self, i: int, j: int) -> tuple[int, int]: ...


class TextDiff(Protocol):
    """What rendering needs of a :class:`trendkz.TextDiff` (kept apart from the diff code)."""

    @property
    def opcodes(self) -> Sequence: ...

    @property
    def similarity(self) -> float: ...

    @property
    def n_added(self) -> int: ...

    @property
    def n_removed(self) -> int: ...

    @property
    def n_changed(self) -> int: ...

    @property
    def n_equal(self) -> int: ...

    @property
    def n_tokens_a(self) -> int: ...

    @property
    def n_tokens_b(self) -> int: ...

    @property
    def _a(self) -> Tokens: ...

    @property
    def _b(self) -> Tokens: ...


__all__ = ["readable", "render"]

_WORD = re.compile(r"\w")
_MD_SPECIAL = re.compile(r"([\\`*_~\[\]<>|#])")

_STYLE = (
    ".trendkz-diff{white-space:pre-wrap;font-family:Georgia,serif;line-height:1.5;"
    "max-width:50em}"
    ".trendkz-diff del{background:#fbd5d5;color:#8a1c1c;text-decoration:line-through}"
    ".trendkz-diff ins{background:#d3f2d3;color:#135e13;text-decoration:none}"
    ".trendkz-diff .skip{color:#888;font-style:italic}"
    ".trendkz-diff .summary{color:#555;font-family:sans-serif;font-size:85%;"
    "white-space:normal;margin-bottom:.5em}"
)


def _wrap_lines(s: str, left: str, right: str) -> str:
    """Put ``left``/``right`` around each non-blank line piece of ``s`` (markup never spans
    a line break)."""
    return "\n".join(left + x + right if x.strip() else x for x in s.split("\n"))


class _Fmt:
    def __init__(self, fmt: str) -> None:
        self.fmt = fmt

    def plain(self, s: str) -> str:
        if self.fmt == "html":
            return html.escape(s, quote=False)
        if self.fmt == "markdown":
            return _MD_SPECIAL.sub(r"\\\1", s)
        return s

    def deleted(self, s: str) -> str:
        if self.fmt == "html":
            return f"<del>{html.escape(s, quote=False)}</del>"
        if self.fmt == "markdown":
            return _wrap_lines(self.plain(s), "~~", "~~")
        return f"[-{s}-]"

    def inserted(self, s: str) -> str:
        if self.fmt == "html":
            return f"<ins>{html.escape(s, quote=False)}</ins>"
        if self.fmt == "markdown":
            return _wrap_lines(self.plain(s), "**", "**")
        return f"{{+{s}+}}"

    def skip(self, n: int) -> str:
        word = "word" if n == 1 else "words"
        s = f"… {n:,} unchanged {word} …"
        if self.fmt == "html":
            return f'<span class="skip">{s}</span>'
        return f"_{s}_" if self.fmt == "markdown" else s


def _equal(diff: TextDiff, op, first: bool, last: bool, context: int | None, f: _Fmt) -> str:
    B = diff._b
    text = B.text
    lo, hi = op.b_start, op.b_end
    if context is None or hi - lo <= 3 * context:
        return f.plain(text[op.b_char_start : op.b_char_end])
    head = 0 if first else context
    tail = 0 if last else context
    h0, h1 = lo + head, hi - tail  # hidden tokens
    n_words = sum(1 for i in range(h0, h1) if _WORD.match(text, B.starts[i]))
    hidden = text[B.starts[h0] : B.ends[h1 - 1]]
    sep = "\n\n" if "\n" in hidden else " "
    out = []
    if head:
        out.append(f.plain(text[B.starts[lo] : B.ends[h0 - 1]]) + sep)
    out.append(f.skip(n_words))
    if tail:
        out.append(sep + f.plain(text[B.starts[h1] : B.ends[hi - 1]]))
    return "".join(out)


def _size(op) -> int:
    return max(op.a_end - op.a_start, op.b_end - op.b_start)


def readable(diff: TextDiff, longest: int = 3) -> list:
    """The opcodes with short unchanged islands inside rewritten passages absorbed.

    An ``equal`` op of at most ``longest`` tokens, shorter than the change on each side of
    it (counted as the longer side of that change), joins them into one ``replace``; this
    repeats until nothing changes. It removes the stray matches ("the", "of", ",") that a
    minimal diff keeps across a rewritten sentence, for display only: counts and
    similarity come from the minimal opcodes.
    """
    ops = list(diff.opcodes)
    A, B = diff._a, diff._b
    changed = True
    while changed:
        changed = False
        out: list = []
        i = 0
        while i < len(ops):
            op = ops[i]
            if (
                op.tag == "equal"
                and out
                and out[-1].tag != "equal"
                and i + 1 < len(ops)
                and (n := op.a_end - op.a_start) <= longest
                and n < _size(out[-1])
                and n < _size(ops[i + 1])
            ):
                p, q = out[-1], ops[i + 1]
                out[-1] = replace(
                    p,
                    tag="replace",
                    a_end=q.a_end,
                    b_end=q.b_end,
                    a_char_start=A.char_range(p.a_start, q.a_end)[0],
                    a_char_end=A.char_range(p.a_start, q.a_end)[1],
                    b_char_start=B.char_range(p.b_start, q.b_end)[0],
                    b_char_end=B.char_range(p.b_start, q.b_end)[1],
                )
                i += 2
                changed = True
                continue
            out.append(op)
            i += 1
        ops = out
    return ops


def render(diff: TextDiff, fmt: str, context: int | None = 8, cleanup: bool = True) -> str:
    """Render ``diff`` as ``fmt`` ("html", "markdown" or "text") (see the module docstring)."""
    if context is not None and (
        isinstance(context, bool) or not isinstance(context, int) or context < 0
    ):
        raise OptionError(f"context={context!r} is not valid; give an integer >= 0 or None")
    if not isinstance(cleanup, bool):
        raise OptionError(f"cleanup={cleanup!r} is not valid; choose one of: True, False")
    f = _Fmt(fmt)
    A, B = diff._a, diff._b
    ops = readable(diff) if cleanup else diff.opcodes
    parts: list[str] = []
    pos = 0  # characters of b rendered so far
    for k, op in enumerate(ops):
        gap = B.text[pos : op.b_char_start]
        parts.append(gap)
        if op.tag == "equal":
            parts.append(_equal(diff, op, k == 0, k == len(ops) - 1, context, f))
        else:
            old = A.text[op.a_char_start : op.a_char_end]
            new = B.text[op.b_char_start : op.b_char_end]
            if op.tag == "delete":
                at = op.a_char_start
                nxt = ops[k + 1].b_char_start if k + 1 < len(ops) else op.b_char_end
                if parts[-1] == "" and at > 0 and A.text[at - 1].isspace() and k > 0:
                    parts.append(" ")
                parts.append(f.deleted(old))
                end = op.a_char_end
                if (
                    nxt == op.b_char_end
                    and k + 1 < len(ops)
                    and end < len(A.text)
                    and A.text[end].isspace()
                ):
                    parts.append(" ")
            else:
                if old:
                    parts.append(f.deleted(old))
                parts.append(f.inserted(new))
        pos = op.b_char_end
    parts.append(B.text[pos:])
    body = "".join(parts)
    if fmt != "html":
        return body
    equal = diff.n_equal  # added/removed include each side of the replacements
    summary = (
        f"similarity {diff.similarity:.3f} · {diff.n_tokens_b - equal:,} tokens added · "
        f"{diff.n_tokens_a - equal:,} removed · {diff.n_changed:,} in replacements "
        f"({diff.n_tokens_a:,} → {diff.n_tokens_b:,})"
    )
    return (
        f'<div class="trendkz-diff"><style>{_STYLE}</style>'
        f'<div class="summary">{html.escape(summary)}</div>{body}</div>'
    )
