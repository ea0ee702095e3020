"""Numbered outlines set in the body type (for :mod:`.pdf`): headings without font cues.

Some reports (forms, the FOIA annual reports) set their whole outline in one font, size
and weight: their headings are known only by their numbering. A line is such an outline
heading when:

- it opens with outline marks: a capital roman numeral or a capital letter with a period
  (``IV. EXEMPTION 3 STATUTES``, ``A. Personnel``), or several marks in a row, periods or
  not (``V B. (3) Disposition …``, ``XII D 1``, ``Part V A``); arabic numbers and lower
  case letters open list items, never an outline here;
- what follows the marks is a title: it starts with a capital, a quote or a parenthesis,
  does not end as a sentence or a list item (``.``, ``;``, ``,``), has 25 words at most,
  is not a form field or other data line (``I. AGENCY: Office of the Inspector General``);
- it is in the body type or larger, not a table's cell, not in a page's margin, and not
  the first line of a paragraph (long, the next line right below carrying on in lower
  case or with a number: ``B. Bane was sentenced to …`` / ``$7 million in …``);
- the document has such an outline: three lines or more with different roman numerals.

A line of marks alone (``Part V A`` over ``Received, Processed and Pending …``) takes the
line right below it as its title; a long outline line goes on over the next one.
"""

from __future__ import annotations

import re

from .fields import is_data_line
from .pdf_grid import Line

__all__ = ["mark_outline"]

_MARK = re.compile(r"^(?:[IVX]{1,5}|[A-Z]|\d{1,2}|\(\d{1,2}\))\.?$")
_FIRST = re.compile(r"^(?:[IVX]{1,5}|[A-Z])\.?$")
_ROMAN = re.compile(r"^[IVX]{1,5}$")
_LETTERS = re.compile(r"[^\W\d_]")


def _marks(text: str) -> tuple[int, list[str], str] | None:
    """(kind, marks, title) of an outline line: kind 1 when it opens with a roman numeral,
    2 with a letter; None when the line does not open with outline marks."""
    words = text.split()
    part = bool(words) and words[0] == "Part"
    k = int(part)
    marks: list[str] = []
    while k < len(words) and _MARK.match(words[k]) and len(marks) < 5:
        marks.append(words[k])
        k += 1
    if not marks or not _FIRST.match(marks[0]) or (part and not _ROMAN.match(marks[0])):
        return None  # ``Part B services …`` (Medicare's Part B) opens no outline
    if len(marks) == 1 and not part and not marks[0].endswith("."):
        return None  # ``A Study of …``, ``I think``: one mark needs its period
    kind = 1 if _ROMAN.match(marks[0].rstrip(".")) else 2
    return kind, marks, " ".join(words[k:])


def _title(title: str) -> bool:
    if not title:
        return True  # marks alone: the title is on the next line
    if title[0] not in "(“\"‘'" and not title[0].isupper():
        return False
    letters = len(_LETTERS.findall(title))
    return (
        title[-1] not in ".;,"
        and len(title.split()) <= 25
        and letters >= 3
        and letters >= len(title) / 2
    )


def mark_outline(pages: list[list[Line]], body: float) -> None:
    """Set ``outline`` (1 roman, 2 lettered) and ``cont`` on the lines of a document's
    pages that make its numbered outline (see the module's doc)."""
    found: list[tuple[Line, int, str]] = []
    romans: set[str] = set()
    for lines in pages:
        for k, ln in enumerate(lines):
            if ln.grid or ln.tabbed or ln.margin or ln.size < 0.9 * body:
                continue
            m = _marks(ln.text)
            if m is None or not _title(m[2]) or is_data_line(ln.text):
                continue
            if k + 1 < len(lines) and _runs_on(ln, lines[k + 1]):
                continue  # a paragraph's first line (``B. Bane was sentenced to …``)
            found.append((ln, m[0], m[2]))
            if m[0] == 1:
                romans.add(m[1][0].rstrip("."))
    if len(romans) < 3:
        return
    for ln, kind, _ in found:
        ln.outline = kind
    for lines in pages:
        chain = 0  # lines of the outline heading so far
        for a, b in zip(lines, lines[1:], strict=False):
            chain = 1 if a.outline else chain + 1 if a.cont else 0
            if 0 < chain < 3 and not b.outline and _goes_on(a, b):
                b.cont = True


def _runs_on(a: Line, b: Line) -> bool:
    """Whether a long line, not in title case, runs on into the next as a sentence does:
    the next line right below it, starting in lower case or with a number (``$7 million
    in restitution``)."""
    long = list(re.findall(r"[^\W\d_]{4,}", a.text))
    titled = bool(long) and sum(w[0].isupper() for w in long) >= 0.6 * len(long)
    return (
        len(a.text) >= 55
        and not titled  # a title in title case may wrap onto ``from Other Agencies``
        and 0 <= a.bottom - b.top <= 0.8 * max(b.size, 1.0)
        and (b.text[:1].islower() or b.text[:1] in "$0123456789")
        and _marks(b.text) is None
        and not re.match(r"\d{1,2}[.)]\s", b.text)
    )


def _goes_on(a: Line, b: Line) -> bool:
    """Whether line ``b`` carries on the outline heading ``a`` right above it: the next
    line down, not a cell, a short title (twelve words, no sentence end), and ``a`` is
    marks alone or long enough to have been wrapped."""
    marks = _marks(a.text)
    alone = marks is not None and not marks[2] and a.outline > 0
    below = 0 <= a.bottom - b.top <= 0.8 * max(b.size, 1.0) or (
        alone and 0 <= a.bottom - b.top <= 1.5 * max(b.size, 1.0)
    )
    text = b.text
    return (
        below
        and not b.grid
        and not b.margin
        and (alone or len(a.text) >= 50)
        and len(text.split()) <= 12
        and text[-1:] not in ".;,"
        and _marks(text) is None
        and (alone or not text[:1].isdigit())
    )
