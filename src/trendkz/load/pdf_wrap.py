"""Heading lines that go on over the next line (for :mod:`.pdf`).

A heading set over two or three lines is one heading. The next line goes on with it when
it is right below (less than a line's height between them), in the same type, and:

- it starts in lower case or with ``&``, the line before ends open (``of``, ``the``,
  ``–``), or both are in capitals, the two set on one left edge or one axis
  (:func:`joins`, :func:`aligned`);
- the first line is long (50 characters or 360 pt), both lines are centred on one axis,
  both are in display type (larger than the body's) on one left edge, or the next line is
  indented under the first (a hanging indent, or display lines set as a stair)
  (:func:`wraps`); display lines may shrink a little (``Centers for Medicare`` 30 pt over
  ``& Medicaid Services`` 26 pt, :func:`same_type`);
- the heading is only its number (``Chapter I``) over its title (:func:`label`).
"""

from __future__ import annotations

import re

from .pdf_grid import Line

__all__ = ["NUMBERED", "OPEN_ENDS", "aligned", "joins", "label", "same_type", "wraps"]

# a numbered line (an item, an outline's part); the words a heading line ends open on
NUMBERED = re.compile(r"^(?:[IVX]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s")
OPEN_ENDS = set("the of and or for to in on at by with from a an – - — & ,".split())


_LABEL = re.compile(r"^(?:Chapter|Part|Section|Appendix)\s+(?:\d{1,2}|[IVX]{1,5}|[A-Z])$")


def label(head: list[str], prev: Line | None, line: Line) -> bool:
    """A heading that is only its number (``Chapter I``) takes the heading line right
    below it as its title (``HEALTH CARE FINANCING ADMINISTRATION``), whatever its size."""
    return (
        len(head) == 1
        and prev is not None
        and bool(_LABEL.match(head[0]))
        and 0 <= prev.bottom - line.top <= 2.5 * max(line.size, prev.size)
    )


def aligned(prev: Line | None, line: Line) -> bool:
    """Two lines set on the same left edge or centred on the same axis."""
    return prev is None or (
        abs(prev.left - line.left) <= line.size
        or abs(prev.left + prev.right - line.left - line.right) <= line.size
    )


def wraps(head: list[str], prev: Line | None, line: Line, body: float = 0.0) -> bool:
    """Whether a heading line wraps onto the next: same type, the next line right below
    it (less than a line's height between them) and not numbered, the first line long,
    both centred on the same axis (a title set over two lines), or both in display type
    (larger than the body's) on the same left edge."""
    if prev is None:
        return False
    centred = (
        abs(prev.left + prev.right - line.left - line.right) <= line.size
        and abs(prev.left - line.left) > line.size
    )
    display = body > 0 and line.size >= 1.15 * body and abs(prev.left - line.left) <= 2
    return (
        len(head) < 3
        and (
            len(prev.text) >= 50
            or prev.right - prev.left >= 360
            or centred
            or display
            or _indented(prev, line)
        )
        and prev.bold == line.bold
        and 0 <= prev.bottom - line.top <= 0.8 * line.size
        and not NUMBERED.match(line.text)
    )


def _indented(prev: Line, line: Line) -> bool:
    """The next line starts a little to the right of the line above, under its words."""
    return 0.75 * line.size < line.left - prev.left <= 4 * line.size and line.left < prev.right


def same_type(size: float, line: Line, body: float) -> bool:
    """A heading's next line is in its type: the same size, or display type (larger than
    the body's) at least 0.85 times as large."""
    if line.size == size:
        return True
    big, small = max(size, line.size), min(size, line.size)
    return body > 0 and small >= 1.15 * body and small >= 0.85 * big


def joins(head: list[str], text: str) -> bool:
    """Whether a heading line goes on over the next one."""
    return (
        len(head) < 3
        and len(" ".join(head).split()) + len(text.split()) <= 20
        and (
            text[0].islower()
            or text[0] in "&–—"  # ``Centers for Medicare`` / ``& Medicaid Services``
            or head[-1].split()[-1].lower() in OPEN_ENDS
            or (head[-1].isupper() and text.isupper())  # a heading in capitals goes on
        )
    )
