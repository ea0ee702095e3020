"""Table cells on a PDF page, found from where the text stands (for :mod:`.pdf`).

A page's text layer gives runs of characters with their boxes. From them:

- **cells**: a line is cut where a gap between two runs of characters is wider than 1.5
  times the text's height (a word space is about a quarter of it), so ``OIG   15   419``
  is three cells; a lone numbering mark before the gap (``VI.``, ``a.``, ``(2)``, ``•``)
  stays with the text after it;
- **grid lines**: a line of two cells or more, or a line that shares its height on the
  page with another line beside it (a table's column headers, stacked over several lines,
  stand side by side), unless one of them is running text (a sentence of eight words or
  more, or fifteen words): two text columns, or a label set beside its paragraph;
- **tables**: a run of grid lines in reading order, with the short lines among them (a
  row label, a cell the text layer put elsewhere in the order), is laid out again by
  position: lines at the same height make one row, their cells in columns from left to
  right, a column's pieces stacked in one row joined top to bottom (``Number of`` /
  ``Requests Pending`` → ``Number of Requests Pending``). A row's cells are separated by
  tabs, which :mod:`trendkz.segment.tables` reads as a table row.

Letter-spaced lines (``A N N U A L  R E P O R T``) are joined again from the gaps between
their characters (:func:`spaced`, :func:`unspace`).
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

__all__ = [
    "Line",
    "cell_starts",
    "mark_grid",
    "spaced",
    "split_cells",
    "table_rows",
    "table_runs",
    "unspace",
]

_MARK = re.compile(
    r"^(?:[IVXivx]{1,5}\.|[A-Za-z][.)]|\(\w{1,3}\)|\d{1,2}(?:\.\d{1,2})*\.|[•·▪■●◦*–-])$"
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_LEADER = re.compile(r"[-._·…]{4,}|(?:\. ){3,}")  # a contents line's leader


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
    margin: bool = False  # in the page's top or bottom 7 %, or a contents line: no table
    grid: bool = False  # part of a table (see the module's doc)
    outline: int = 0  # a numbered outline line without font cues: 1 roman, 2 lettered
    cont: bool = False  # goes on with the outline heading above it
    font: str = ""  # the font of its first character (subset tag aside)
    typed: bool = False  # a heading by its typeface alone (see .pdf_outline)


def cell_starts(tp, raw) -> dict[int, tuple[float, float]]:
    """Character indices of a page that start a cell: {index: (gap start x, cell start x)}."""
    out: dict[int, tuple[float, float]] = {}
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    get = raw.FPDFText_GetRect
    p_bottom = p_top = p_right = 0.0
    for k in range(raw.FPDFText_CountRects(tp, 0, -1)):
        get(tp, k, *refs)
        lx, tx, rx, bx = left.value, top.value, right.value, bottom.value
        if k:
            height = min(tx - bx, p_top - p_bottom)
            overlap = min(tx, p_top) - max(bx, p_bottom)
            if height > 0 and overlap > height / 2 and lx - p_right > 1.5 * height:
                i = raw.FPDFText_GetCharIndexAtPos(
                    tp, lx + min(1.0, (rx - lx) / 2), (tx + bx) / 2, 1.0, 1.0
                )
                if i >= 0:
                    out[i] = (p_right, lx)
        p_bottom, p_top, p_right = bx, tx, rx
    return out


_OPEN = frozenset("– - — & , of the and or for to in on at by with from a an".split())


def _goes_on(before: str, after: str) -> bool:
    """Whether a wide gap is only a wide space inside one text: the text before it ends
    open (``Requests –``, ``Number of``) or the text after it starts in lower case (a
    numbering mark alone, ``VI.``, is joined to what follows it in the first cell)."""
    last = before.split()[-1].lower() if before.split() else ""
    return last in _OPEN or after[:1].islower()


def split_cells(text: str, pos: int, starts: dict, left: float, right: float) -> list:
    """The cells of a line whose first character (``text`` unstripped) is at index ``pos``."""
    cuts = sorted(
        i - pos for i in starts if pos < i < pos + len(text) and text[i - pos - 1].isspace()
    )
    cells: list[tuple[str, float, float]] = []
    a, x = 0, left
    for c in [*cuts, len(text)]:
        piece = text[a:c].strip()
        end = starts[pos + c][0] if c < len(text) else right
        if piece:
            if cells and (
                (len(cells) == 1 and _MARK.match(cells[0][0])) or _goes_on(cells[-1][0], piece)
            ):
                cells[-1] = (cells[-1][0] + " " + piece, cells[-1][1], end)
            else:
                cells.append((piece, x, end))
        if c < len(text):
            a, x = c, starts[pos + c][1]
    return cells or [(text.strip(), left, right)]


def _prose(text: str) -> bool:
    """Running text, not a cell: a sentence of eight words or more, or fifteen words."""
    words = len(_WORD.findall(text))
    return words >= 15 or (words >= 8 and bool(re.search(r"[a-z][.;:](?:\s|$)", text)))


def _running(text: str) -> bool:
    """A paragraph's line beside another line: running text (see :func:`_prose`), or six
    words or more, three in four starting in lower case (``indicated that a state agency
    had overpaid Medicaid`` beside its boxed label)."""
    found = _WORD.findall(text)
    return _prose(text) or (
        len(found) >= 6 and sum(w[0].islower() for w in found) >= 0.75 * len(found)
    )


def mark_grid(lines: list[Line]) -> None:
    """Set ``grid`` on the lines of a page that belong to a table."""
    for ln in lines:
        ln.margin = ln.margin or bool(_LEADER.search(ln.text))
        if len(ln.cells) >= 2 and not any(_prose(c[0]) for c in ln.cells) and not ln.margin:
            ln.grid = True
    order = sorted(
        (k for k in range(len(lines)) if not lines[k].margin), key=lambda k: -lines[k].top
    )
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
            if gap > 0.5 * min(li.size, lj.size) and not (_running(li.text) or _running(lj.text)):
                li.grid = lj.grid = True


_NUMBERED = re.compile(r"^(?:[IVX]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s|^\(\w{1,3}\)\s")


def _short(ln: Line, words: int = 12) -> bool:
    """A line short enough to be a table's cell: ``words`` at most, no sentence end, not
    numbered like a heading."""
    t = ln.text
    return not ln.margin and (
        len(t) <= 80 and not t.endswith(".") and not _NUMBERED.match(t) and len(t.split()) <= words
    )


def _near(ln: Line, others: list[Line]) -> bool:
    """Whether a line lies within two and a half text heights of one of ``others``."""
    reach = 2.5 * max(ln.size, 1.0)
    return any(ln.bottom - r.top <= reach and r.bottom - ln.top <= reach for r in others)


def table_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """Runs (first, last + 1) of lines that make a table: from a grid line, the lines
    around it in reading order (grid lines and short ones) that stand near it or near a
    line already taken, step by step (a column header stacked over four lines); a run
    needs two grid lines (a running header with its page number alone is no table). A
    run of which two lines in five hold five words or more is text set in columns (a
    recommendation beside its status): it stays text, read in the text layer's order."""
    runs: list[tuple[int, int]] = []
    if not any(ln.grid for ln in lines):
        return runs
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
        while b > done and _short(lines[b - 1], 4):  # a column's header above it
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
        wordy = sum(len(_WORD.findall(lines[m].text)) >= 5 for m in range(start, last + 1))
        if wordy >= 0.4 * (last + 1 - start):  # cells of running text: read as text
            k = last + 1
        elif sum(lines[m].grid for m in range(start, last + 1)) >= 2:
            runs.append((start, last + 1))
            done = k = last + 1
        else:
            lines[k].grid = len(lines[k].cells) >= 2  # a lone grid line: no heading all the same
            k += 1
    return runs


_VALUE = re.compile(r"^[-–(]?[$€£]?\d[\d,.]*%?\)?$")


def _columns(band: list) -> list[str]:
    """A band's pieces in columns from left to right (pieces that overlap across), each
    column's pieces joined from top to bottom."""
    band = sorted(band, key=lambda p: p[1])
    columns: list[list] = []
    reach = None
    for p in band:
        if columns and reach is not None and p[1] < reach:
            columns[-1].append(p)
            reach = max(reach, p[2])
        else:
            columns.append([p])
            reach = p[2]
    return [" ".join(q[0] for q in sorted(col, key=lambda q: -q[3])) for col in columns]


def _spanning(band: list) -> list:
    """Pieces of a header that stand over two columns or more (``Number of Full Denials
    Based on Reasons Other than Exemptions`` over its nine columns)."""
    out = []
    for p in band:
        under = [q for q in band if q is not p and q[1] < p[2] and p[1] < q[2]]
        under.sort(key=lambda q: q[1])
        if any(b[1] >= a[2] for a, b in zip(under, under[1:], strict=False)):
            out.append(p)
    return out


def _laid_out(bands: list[list]) -> list[str]:
    """The rows of one table: its bands, the header bands above the first band with a
    value joined into one row per column (after a row of spanning headers)."""
    first = next((k for k, b in enumerate(bands) if any(_VALUE.match(p[0]) for p in b)), len(bands))
    rows = []
    if 2 <= first < len(bands):
        head = [p for b in bands[:first] for p in b]
        span = _spanning(head)
        if span:
            rows.append("\t".join(_columns(span)))
        rows.append("\t".join(_columns([p for p in head if p not in span])))
        bands = bands[first:]
    return rows + ["\t".join(_columns(band)) for band in bands]


def table_rows(lines: list[Line]) -> list[str]:
    """The rows of a table run: lines at the same height make one row, cells in columns
    from left to right, tab-separated; rows from top to bottom. The rows above the first
    one with a number are the header: laid out as one row (its pieces stacked per
    column), after a row of the headers that stand over several columns. A gap of more
    than two lines' height starts another table (an empty line between them)."""
    pieces = []
    for ln in lines:
        cells = ln.cells or [(ln.text, ln.left, ln.right)]
        pieces += [(t, a, e, ln.top, ln.bottom, ln.size) for t, a, e in cells]
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
    tables: list[list[list]] = []
    for band in bands:
        top = max(p[3] for p in band)
        if tables and min(p[4] for p in tables[-1][-1]) - top <= 2 * max(p[5] for p in band):
            tables[-1].append(band)
        else:
            tables.append([band])
    rows: list[str] = []
    for t in tables:
        rows += [""] * bool(rows) + _laid_out(t)
    return rows


def spaced(line: str) -> bool:
    """Letter-spaced text (``A N N U A L  R E P O R T``): five tokens or more, four in
    five of them single letters."""
    if 2 * line.count(" ") < len(line.strip()) - 2:
        return False  # letter-spaced text is half spaces
    toks = line.split()
    return len(toks) >= 5 and sum(len(t) == 1 and t.isalpha() for t in toks) >= 0.8 * len(toks)


def unspace(tp, pos: int, line: str) -> str:
    """A letter-spaced line joined again: a space is kept only where the gap between two
    characters on the page is wider than 1.6 times the usual one (a word break)."""
    chars = [(k, c) for k, c in enumerate(line) if not c.isspace()]
    boxes = [tp.get_charbox(pos + k) for k, _ in chars]
    gaps = [b[0] - a[2] for a, b in zip(boxes, boxes[1:], strict=False)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0
    height = max((b[3] - b[1] for b in boxes), default=0.0)
    out = chars[0][1] if chars else ""
    for (_, c), gap in zip(chars[1:], gaps, strict=True):
        out += (" " if gap > max(1.6 * usual, 0.2 * height) else "") + c
    return out
