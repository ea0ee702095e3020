"""Table cells on a PDF page, found from where the text stands (for :mod:`.pdf`).

A page's text layer gives runs of characters with their boxes. From them:

- **cells**: a line is cut where a gap between two runs of characters is wider than 1.5
  times the text's height (a word space is about a quarter of it), so ``OIG   15   419``
  is three cells; a lone numbering mark before the gap (``VI.``, ``a.``, ``(2)``, ``•``)
  stays with the text after it;
- **grid lines**: a line of two cells or more, or a line that shares its height on the
  page with another line beside it (a table's column headers, stacked over several lines,
  stand side by side), unless both are prose (two text columns): six words or more each;
- **tables**: a run of grid lines in reading order, with the short lines among them (a
  row label, a cell the text layer put elsewhere in the order), is laid out again by
  position: lines at the same height make one row, their cells in columns from left to
  right, a column's pieces stacked in one row joined top to bottom (``Number of`` /
  ``Requests Pending`` → ``Number of Requests Pending``). A row's cells are separated by
  tabs, which :mod:`trendkz.segment.tables` reads as a table row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Line", "cell_starts", "mark_grid", "table_rows"]

_MARK = re.compile(
    r"^(?:[IVXivx]{1,5}\.?|[A-Za-z][.)]|\(?[0-9a-zA-Z]{1,3}\)|\d{1,2}(?:\.\d{1,2})*\.?|[•·▪■●◦*–-])$"
)
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass
class Line:
    """One line of the text layer, with its place on the page (PDF points, y upwards)."""

    text: str
    size: float
    bold: bool
    top: float
    bottom: float
    left: float = 0.0
    right: float = 0.0
    cells: list[tuple[str, float, float]] = field(default_factory=list)  # text, left, right
    tabbed: bool = False  # the text layer itself had a tab in the line
    grid: bool = False  # part of a table (see the module's doc)


def cell_starts(tp, raw) -> dict[int, tuple[float, float]]:
    """Character indices of a page that start a cell: {index: (gap start x, cell start x)}."""
    out: dict[int, tuple[float, float]] = {}
    n = tp.count_rects()
    prev = None
    for k in range(n):
        left, bottom, right, top = tp.get_rect(k)
        if prev is not None:
            p_left, p_bottom, p_right, p_top = prev
            height = min(top - bottom, p_top - p_bottom)
            overlap = min(top, p_top) - max(bottom, p_bottom)
            if height > 0 and overlap > height / 2 and left - p_right > 1.5 * height:
                i = raw.FPDFText_GetCharIndexAtPos(
                    tp, left + min(1.0, (right - left) / 2), (top + bottom) / 2, 1.0, 1.0
                )
                if i >= 0:
                    out[i] = (p_right, left)
        prev = (left, bottom, right, top)
    return out


def split_cells(text: str, pos: int, starts: dict, left: float, right: float) -> list:
    """The cells of a line whose first character (``text`` unstripped) is at index ``pos``."""
    cuts = sorted(
        i - pos for i in starts if pos < i < pos + len(text) and text[i - pos - 1].isspace()
    )
    if not cuts:
        return [(text.strip(), left, right)]
    cells = []
    a, x = 0, left
    for c in cuts:
        piece = text[a:c].strip()
        gap_start, cell_start = starts[pos + c]
        if piece:
            if cells and _MARK.match(cells[-1][0]) and len(cells) == 1:
                cells[-1] = (cells[-1][0] + " " + piece, cells[-1][1], gap_start)
            else:
                cells.append((piece, x, gap_start))
        a, x = c, cell_start
    piece = text[a:].strip()
    if piece:
        if len(cells) == 1 and _MARK.match(cells[0][0]):
            cells[0] = (cells[0][0] + " " + piece, cells[0][1], right)
        else:
            cells.append((piece, x, right))
    return cells or [(text.strip(), left, right)]


def _prose(text: str) -> bool:
    return len(_WORD.findall(text)) >= 6


def mark_grid(lines: list[Line]) -> None:
    """Set ``grid`` on the lines of a page that belong to a table."""
    for ln in lines:
        if len(ln.cells) >= 2 and not all(_prose(c[0]) for c in ln.cells):
            ln.grid = True
    order = sorted(range(len(lines)), key=lambda k: -lines[k].top)
    for a, i in enumerate(order):
        li = lines[i]
        for j in order[a + 1 :]:
            lj = lines[j]
            if lj.top <= li.bottom:
                break  # sorted by top: no later line reaches this one's height
            height = min(li.top - li.bottom, lj.top - lj.bottom)
            overlap = min(li.top, lj.top) - max(li.bottom, lj.bottom)
            if height <= 0 or overlap < height / 2:
                continue
            gap = max(lj.left - li.right, li.left - lj.right)
            if gap > 0.5 * min(li.size, lj.size) and not (_prose(li.text) and _prose(lj.text)):
                li.grid = lj.grid = True


_NUMBERED = re.compile(r"^(?:[IVX]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s|^\(\w{1,3}\)\s")


def _short(ln: Line, words: int = 12) -> bool:
    """A line short enough to be a table's cell: ``words`` at most, no sentence end, not
    numbered like a heading."""
    t = ln.text
    return (
        len(t) <= 60 and not t.endswith(".") and not _NUMBERED.match(t) and len(t.split()) <= words
    )


def _near(ln: Line, others: list[Line]) -> bool:
    """Whether a line lies within two and a half text heights of one of ``others``."""
    reach = 2.5 * max(ln.size, 1.0)
    return any(ln.bottom - r.top <= reach and r.bottom - ln.top <= reach for r in others)


def table_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs (first, last + 1) of lines that make a table: from a grid line, the lines
    around it in reading order (grid lines and short ones) that stand near it or near a
    line already taken, step by step (a column header stacked over four lines); a run
    needs two grid lines (a running header with its page number alone is no table)."""
    runs: list[tuple[int, int]] = []
    k = done = 0
    n = len(lines)
    while k < n:
        if not lines[k].grid:
            k += 1
            continue
        j = k + 1
        while j < n and (lines[j].grid or _short(lines[j])):
            j += 1
        b = k
        while b > done and _short(lines[b - 1]):
            b -= 1
        member = {k}
        grown = True
        while grown:
            grown = False
            taken = [lines[m] for m in member]
            for m in range(b, j):
                if m not in member and _near(lines[m], taken):
                    member.add(m)
                    grown = True
        start = k
        while start - 1 in member:
            start -= 1
        end = last = k
        while end + 1 in member:
            end += 1
            last = end if lines[end].grid else last
        if sum(lines[m].grid for m in range(start, last + 1)) >= 2:
            runs.append((start, last + 1))
            done = k = last + 1
        else:
            lines[k].grid = len(lines[k].cells) >= 2  # a lone grid line: no heading all the same
            k += 1
    return runs


def table_rows(lines: list[Line]) -> list[str]:
    """The rows of a table run: lines at the same height make one row, cells in columns
    from left to right, tab-separated; rows from top to bottom."""
    pieces = []
    for ln in lines:
        cells = ln.cells or [(ln.text, ln.left, ln.right)]
        pieces += [(t, a, e, ln.top, ln.bottom) for t, a, e in cells]
    pieces.sort(key=lambda p: -p[3])
    bands: list[list] = []
    low = None
    for p in pieces:
        height = p[3] - p[4]
        if bands and low is not None and p[3] - low > max(height, 1.0) / 2:
            bands[-1].append(p)
            low = min(low, p[4])
        else:
            bands.append([p])
            low = p[4]
    rows = []
    for band in bands:
        band.sort(key=lambda p: p[1])
        columns: list[list] = []
        for p in band:
            if columns and p[1] < max(q[2] for q in columns[-1]):
                columns[-1].append(p)
            else:
                columns.append([p])
        texts = [" ".join(q[0] for q in sorted(col, key=lambda q: -q[3])) for col in columns]
        rows.append("\t".join(texts))
    return rows
