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

Others set their headings in another typeface than the body, no larger and not bold to
the text layer (``Wage Indices`` in an 11 pt sans over 12.5 pt body text). A line is such
a heading (:func:`mark_typed`) when its type (size and font) differs from the body's, is
no larger than 1.15 times the body size nor smaller than 0.75 times, and is a type of
short lines (three lines or more, six in ten of twelve words or fewer: not footnotes);
the line itself is short (twelve words), starts with a capital, does not end as a
sentence or a label (``.``, ``;``, ``,``, ``:``), is no data line, no cell, not in a
margin, and a line of running text in the body type (six words or more) follows it
right below.
"""

from __future__ import annotations

import re

from .fields import is_data_line
from .pdf_grid import Line

__all__ = ["mark_outline", "mark_typed"]

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


def mark_typed(pages: list[list[Line]], body: float) -> None:
    """Set ``typed`` on the lines that are headings by their typeface alone (see the
    module's doc)."""
    chars: dict[str, int] = {}
    kinds: dict[tuple[float, str], list[int]] = {}
    for lines in pages:
        for ln in lines:
            if ln.size == body:
                chars[ln.font] = chars.get(ln.font, 0) + len(ln.text)
            count = kinds.setdefault((ln.size, ln.font), [0, 0])
            count[0] += 1
            count[1] += len(ln.text.split()) <= 12
    if not chars:
        return
    font = max(sorted(chars), key=lambda f: chars[f])
    types = {
        t
        for t, (n, short) in kinds.items()
        if (t[0] != body or t[1] != font)
        and 0.75 * body <= t[0] < 1.15 * body
        and n >= 3
        and short >= 0.6 * n
    }
    for lines in pages:
        text = [ln for ln in lines if (ln.size, ln.font) == (body, font) and not ln.margin]
        if len(text) < 3:
            continue
        width = max(ln.right for ln in text) - min(ln.left for ln in text)
        for k, ln in enumerate(lines[:-1]):
            if (ln.size, ln.font) == (body, font):
                ln.typed = not ln.bold and _alone(lines, k, body, font, width)
            elif (ln.size, ln.font) in types:
                ln.typed = _typed(ln, lines[k + 1], body, font, width)


def _typed(ln: Line, nxt: Line, body: float, font: str, width: float) -> bool:
    """A short line in a heading's type right over running text in the body type."""
    text = ln.text
    return (
        not (ln.grid or ln.margin or ln.tabbed)
        and len(text.split()) <= 12
        and text[:1].isupper()
        and text[-1] not in ".;,:"
        and not re.search(r"[.:;]\s", text)  # a label run into its text
        and len(_LETTERS.findall(text)) >= max(3, len(text) / 2)
        and not is_data_line(text)
        and (nxt.size, nxt.font) == (body, font)
        and len(nxt.text.split()) >= 6
        and nxt.right - nxt.left >= 0.7 * width
        and 0 <= ln.bottom - nxt.top <= 1.5 * max(ln.size, 1.0)
    )


_END_NUMBER = re.compile(r"\s[$(]?\d[\d,.%)]*$")


def _alone(lines: list[Line], k: int, body: float, font: str, width: float) -> bool:
    """Whether a line in the body type is a heading by where it stands: a short title (two
    to twelve words, most of four letters or more capitalised, no closing punctuation or
    number, no sentence or label inside, under 0.7 of the text's width) set apart above
    (a paragraph's gap, or the page's first line) and closer to the running text right
    below it (ten words or more across 0.7 of the width, in the body type) than to what
    stands above it: clearly closer, or that text goes on at a tighter pitch than the gap
    under the heading (the items of a spaced list stand equally apart)."""
    ln, nxt = lines[k], lines[k + 1]
    text = ln.text
    words = text.split()
    if not 2 <= len(words) <= 12 or not text[:1].isupper() or text[-1] in ".;,:":
        return False
    if re.search(r"[.:;]\s", text) or ln.right - ln.left > 0.7 * width:
        return False  # a label run into its text, or a line as wide as the text's
    if len(nxt.text.split()) < 10 or nxt.right - nxt.left < 0.7 * width:
        return False  # running text fills the width: a list's next item does not
    if ln.grid or ln.margin or ln.tabbed or ln.outline or _END_NUMBER.search(text):
        return False
    long = re.findall(r"[^\W\d_]{4,}", text)
    if not long or sum(w[0].isupper() for w in long) < 0.7 * len(long):
        return False
    below = ln.bottom - nxt.top
    if not ((nxt.size, nxt.font) == (body, font) and 0 <= below <= 2.2 * body):
        return False
    prev = next((lines[j] for j in range(k - 1, -1, -1) if not lines[j].margin), None)
    above = prev.bottom - ln.top if prev is not None else None
    if above is not None and not (above >= 0.9 * body and below <= above + 0.1 * body):
        return False
    after = lines[k + 2] if k + 2 < len(lines) else None
    tight = after is not None and 0 <= nxt.bottom - after.top <= 0.6 * below
    if not (tight or (above is not None and below <= 0.6 * above)):
        return False  # a spaced list's items stand as far from one another as from text
    return not is_data_line(text)
