"""Lines set like headings that head no section (for :mod:`.pdf`).

- **a cover**: the first page with text, when it holds less than twenty words of running
  text (lines of five words or more that are neither headings nor dates, addresses or
  numbers: an agency's name may stand there): its title lines, in however large a type,
  name the report and head nothing;
- **a title block**: four lines or more set like headings, one right after the other with
  no text between them (short lines, under five words, may stand among them), all
  centred on one axis (``ANNUAL REPORT OF`` / ``THE ATTORNEY
  GENERAL AND THE SECRETARY`` / ``DETAILING …`` / ``As Required by`` / ``Section …``):
  the report's formal title repeated inside it. The first and last lines of the stack
  stay headings (the chapter the block opens, the section after it); the lines between
  are text;
- **a number alone** in the body type (``Section 4``, with no title joined to it) is a
  table's row group, not a heading (:func:`number_only`); so is a bold total
  (``Total 595``, in :mod:`.pdf`);
- **a table's caption**: a heading in the body size (set apart by its weight only), not
  numbered and not at the top of its page, that a table follows directly is the table's
  caption (``FY 2006 ALLOCATION OF HCFAC
  APPROPRIATION``); it stays text, before the table.
"""

from __future__ import annotations

import re

from .fields import is_data_line
from .pdf_grid import Line

__all__ = ["caption", "not_headings", "number_only"]

_NUMBERED = re.compile(r"^(?:Part\s+)?(?:[IVX]{1,5}|[A-Z]|\d{1,2})(?:[.)]|\s+[A-Z\d(])")


def _centre(ln: Line) -> float:
    return (ln.left + ln.right) / 2


def _running(ln: Line) -> bool:
    return len(ln.text.split()) >= 5 and not is_data_line(ln.text) and not ln.margin


def not_headings(lines: list[Line], flags: list[bool], cover: bool) -> list[bool]:
    """``flags`` without the cover's lines (when ``cover``: the document's first page
    with text) and the inner lines of title blocks (see the module's doc)."""
    if cover and (
        sum(
            len(ln.text.split())
            for ln, f in zip(lines, flags, strict=True)
            if not f and _running(ln)
        )
        < 20
    ):
        return [False] * len(flags)
    out = list(flags)
    i = 0
    while i < len(lines):
        if not flags[i] or lines[i].margin:
            i += 1
            continue
        axis, j = _centre(lines[i]), i + 1
        while (
            j < len(lines)
            and (flags[j] or len(lines[j].text.split()) < 5)
            and not lines[j].margin
            and abs(_centre(lines[j]) - axis) <= max(lines[j].size, 1.0)
        ):
            j += 1
        heads = [k for k in range(i, j) if flags[k]]
        if len(heads) >= 4 and any(abs(lines[k].left - lines[i].left) > 1 for k in heads):
            for k in heads[1:-1]:
                out[k] = False
        i = j
    return out


def caption(head: list[str], size: float, body: float, top: bool) -> bool:
    """Whether a heading (its lines, their size) that a table follows directly is the
    table's caption: in the body size, not numbered and not the page's first line (a
    chart's title over its page)."""
    return size < body * 1.15 and not top and not _NUMBERED.match(head[0])


_NUMBER_ONLY = re.compile(
    r"^(?:Section|Part|Chapter|Appendix|Table|Item)\s+(?:\d{1,3}|[IVX]{1,5}|[A-Z])$"
)


def number_only(head: list[str], size: float, body: float) -> bool:
    """Whether a heading in the body type is only a number with its word (``Section 4``,
    no title joined to it): a table's row group (``Section 4`` over a row of the Act's
    requirements), not a section of the document."""
    return len(head) == 1 and size < body * 1.15 and bool(_NUMBER_ONLY.match(head[0]))
