"""Flattened tables found in a body and set aside from the prose: ``split_tables``.

A table is a run of at least two *row* lines, optionally led by a *header* line, inside
one block of the body (between blank lines), or one row of three cells or more (or two,
standing alone as a block: ``OIG 24 563 569 18``):

- a row is a label (some words) followed by at least two cells that are numbers as a
  table prints them (``1,234``, ``$441``, ``(12)``, ``5.0-to-1``, ``12%``, ``—``, ``n/a``),
  or by one amount (``$1,234``, ``12%``) in a run of at least three such rows; a line of
  three numbers or more (its label printed elsewhere); or a line of tab-separated cells
  (Word tables, see :mod:`..load.docx`);
- a header is a line of column names that are years (``2019 2018``, ``FY 2011 FY 2012``);
  with one, a row's cells are its last numbers, as many as there are columns;
- a **tab block**: a block (between blank lines) of which two lines or more, and at least
  half, hold tabs (the PDF reader writes a table it found from cell positions so, see
  :mod:`..load.pdf_grid`), or one line with tabs and a number in a cell (a row the reader
  found alone: ``TOTAL AMOUNT:<tab>$15,015,821,000``) is one table, every line a row
  (its first cell the label, a line without tabs a label alone); its first rows without
  a number in any cell, before the first row with one, are its header (cells joined top
  to bottom per column).

- a **space-aligned block** (plain text set in columns): three lines or more, each cut
  by runs of two spaces or more into two cells or more of 60 characters at most, every
  cell after the first starting on a column that all the lines share (within one
  character); a rule line (``-----``) under the first line makes it the header. Cells of
  text are kept as they are (``Robin Brooks    FOIA Officer    202.619.2541``).

The caption is the line just above the table when it is short (``(in millions)``).
The sections leave tables out: every character of a body is in one section or one table.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import pandas as pd

from .._core import schema

__all__ = ["find_tables", "split_tables", "without_tables"]

_CELL = re.compile(
    r"^(?:[-–(]?[$€£]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:%|x|-to-\d+(?:\.\d+)?)?\)?"
    r"|[-–—]|n/?a|N/?A|\*+)$"
)
_AMOUNT = re.compile(r"[$€£%]|\d,\d{3}")  # a lone cell that is plainly an amount
_YEAR = re.compile(r"(?:(?:FY|CY|Q[1-4])\s?)?(?:19|20)\d\d[a-z]?")
_HEADER = re.compile(rf"^\s*(?:{_YEAR.pattern})(?:\s+(?:{_YEAR.pattern})){{1,}}\s*$")
_LETTER = re.compile(r"[^\W\d_]")
_HEAD_STARTS = frozenset("0123456789FCQ \t")  # how a header of years can start
_ENDS = frozenset("0123456789%)x-–—aA*")  # how a last cell can end


class Row(NamedTuple):
    start: int  # offset of the line in the body
    end: int
    label: str
    cells: list[tuple[str, int, int]]  # cell text, start, end (offsets in the body)


class Table(NamedTuple):
    start: int
    end: int
    caption: str
    header: list[str]
    rows: list[Row]


def _tokens(line: str, at: int) -> list[tuple[str, int, int]]:
    return [(m.group(), at + m.start(), at + m.end()) for m in re.finditer(r"\S+", line)]


def _row(line: str, at: int, columns: int) -> Row | None:
    tabs = "\t" in line
    if not tabs and (len(line) > 300 or not line or line[-1] not in _ENDS):
        return None  # a row ends with a cell; a long line without tabs is prose
    if line.count("\t") >= 2:
        cells = _cells(line, at)
        if len(cells) >= 2:
            return Row(at, at + len(line), cells[0][0], cells[1:])
        return None
    toks = _tokens(line, at)
    k = len(toks)
    while k > 0 and _CELL.match(toks[k - 1][0]):
        k -= 1
    n = len(toks) - k
    if columns >= 2 and n > columns:
        k, n = len(toks) - columns, columns
    if n == 0 or len(toks[:k]) > 12 or (k == 0 and n < 3):
        return None
    if k == 0:  # numbers only: a row whose label stands elsewhere
        return Row(at, at + len(line), "", toks)
    if n == 1 and not _AMOUNT.search(toks[-1][0]):
        return None
    label = line[: toks[k - 1][2] - at].strip()
    if not _LETTER.search(label) or label[-1] in ".;:," or label.endswith(" and"):
        return None
    return Row(at, at + len(line), label, toks[k:])


def _cells(line: str, at: int) -> list[tuple[str, int, int]]:
    cells, pos = [], at
    for part in line.split("\t"):
        lead = len(part) - len(part.lstrip())
        if part.strip():
            cells.append((part.strip(), pos + lead, pos + lead + len(part.strip())))
        pos += len(part) + 1
    return cells


_PLAIN_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _data(cells: list[tuple[str, int, int]]) -> bool:
    """A row of values: a number as a table prints it (not a year) among its cells, the
    label aside unless it is the only cell."""
    texts = [c[0] for c in (cells[1:] if len(cells) > 1 else cells)]
    return any(_CELL.match(t) and not _PLAIN_YEAR.match(t) for c in texts for t in c.split())


def _tab_block(lines: list[tuple[int, str]], i: int) -> tuple[Table, int] | None:
    """The table of a tab block starting at line ``i`` (a block's first line), and the
    index of the line after it; None when the block is no tab block."""
    j = i
    while j < len(lines) and lines[j][1].strip():
        j += 1
    block = lines[i:j]
    tabbed = sum("\t" in t for _, t in block)
    if tabbed < 1 or 2 * tabbed < len(block):
        return None
    rows = [(a, t, _cells(t, a)) for a, t in block]
    if tabbed == 1 and not any(len(c) >= 2 and _data(c) for _, _, c in rows):
        return None  # one tab line: a table's row only when it holds a value
    head = 0
    while head < len(rows) and not _data(rows[head][2]):
        head += 1
    if head == len(rows):
        head = 0  # no numbers at all: a table of text, every line a row
    width = Counter(len(c) - 1 for _, _, c in rows[head:] if len(c) > 1)
    ncols = width.most_common(1)[0][0] if width else 0
    header: list[str] = []
    if head:
        columns: list[list[str]] = []
        for _, _, cells in rows[:head]:
            for k, c in enumerate(cells):
                while len(columns) <= k:
                    columns.append([])
                columns[k].append(c[0])
        header = [" ".join(col) for col in columns]
        header = header[-ncols:] if ncols and len(header) > ncols else header
    out = [
        Row(a, a + len(t), cells[0][0] if cells else "", cells[1:]) for a, t, cells in rows[head:]
    ]
    alone = i >= 2 and not lines[i - 1][1].strip() and (i == 2 or not lines[i - 3][1].strip())
    caption_line = lines[i - 2][1].strip().lstrip("#").strip() if alone else ""
    caption = caption_line if 0 < len(caption_line) <= 80 else ""
    caption = "" if caption.endswith(".") else caption
    return Table(block[0][0], block[-1][0] + len(block[-1][1]), caption, header, out), j


_SPACED_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a space-aligned table
_RULE = re.compile(r"^[\s=_-]+$")


def _spaced_block(block: list[tuple[int, str]]) -> Table | None:
    """A block of plain text set in columns by runs of spaces (see the module's doc)."""
    if len(block) < 3 or any("\t" in t or len(t) > 200 for _, t in block):
        return None
    rule = [k for k, (_, t) in enumerate(block) if _RULE.match(t)]
    if rule and rule != [1]:
        return None  # a rule line only under a header
    lines = [(a, t) for k, (a, t) in enumerate(block) if k not in rule]
    cells = [[(m.group(), m.start()) for m in _SPACED_CELL.finditer(t)] for _, t in lines]
    if len(lines) < 3 or any(len(c) < 2 or max(len(x) for x, _ in c) > 60 for c in cells):
        return None
    starts = Counter(x for c in cells for _, x in c[1:])
    shared = {x for x in starts if sum(starts[y] for y in (x - 1, x, x + 1)) >= len(lines)}
    if not shared or any(not any(abs(x - y) <= 1 for y in shared) for c in cells for _, x in c[1:]):
        return None  # every cell after the first starts on a column all lines share
    if any(c[0][0][-1] in ".?!" and len(c[0][0].split()) > 6 for c in cells):
        return None  # sentences
    rows = [
        Row(a, a + len(t), c[0][0], [(x, a + p, a + p + len(x)) for x, p in c[1:]])
        for (a, t), c in zip(lines, cells, strict=True)
    ]
    header: list[str] = []
    if rule:  # the line over the rule is the header
        header = [x for x, _ in cells[0][1:]]
        rows = rows[1:]
    end = block[-1][0] + len(block[-1][1])
    return Table(block[0][0], end, "", header, rows)


def _spaced_tables(lines: list[tuple[int, str]], taken: list[Table]) -> list[Table]:
    """The space-aligned tables among blocks no other table touches."""
    out: list[Table] = []
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j][1].strip():
            j += 1
        if j - k >= 3 and "  " in lines[k][1].strip():
            a, e = lines[k][0], lines[j - 1][0] + len(lines[j - 1][1])
            if not any(t.start < e and a < t.end for t in taken):
                found = _spaced_block(lines[k:j])
                if found:
                    out.append(found)
        k = j + 1
    return out


def find_tables(body: str) -> list[Table]:
    """The tables of a body, in order (see the module's doc for what a table is)."""
    tables: list[Table] = []
    texts = body.split("\n")
    # a header or a row ends with a cell (or holds tabs): only such lines can start a table
    starts = [k for k, t in enumerate(texts) if t and (t[-1] in _ENDS or "\t" in t)]
    if not starts and "   " not in body:
        return tables
    lines, pos = [], 0
    for line in texts:
        lines.append((pos, line))
        pos += len(line) + 1
    done = 0
    for i in starts:
        if i < done:
            continue
        at, line = lines[i]
        if "\t" in line:
            first = i
            while first > done and lines[first - 1][1].strip():
                first -= 1
            found = _tab_block(lines, first)
            if found:
                tables.append(found[0])
                done = found[1]
                continue
        header: list[str] = []
        j = i
        if line[:1] in _HEAD_STARTS and _HEADER.match(line):
            header = _YEAR.findall(line)
            j = i + 1
        rows = []
        while j < len(lines) and lines[j][1].strip():
            r = _row(lines[j][1], lines[j][0], len(header))
            if r is None:
                break
            rows.append(r)
            j += 1
        alone = (i == 0 or not lines[i - 1][1].strip()) and (
            j == len(lines) or not lines[j][1].strip()
        )
        single = [r for r in rows if len(r.cells) == 1]
        if single and len(single) < 3:  # a label and one amount: only in a run of three
            rows = []
        lone = rows and (alone and len(rows[0].cells) >= 2 or len(rows[0].cells) >= 3)
        if len(rows) >= 2 or (rows and header) or lone:
            prev = lines[i - 1][1].strip() if i > 0 else ""
            caption = prev if 0 < len(prev) <= 80 and not prev.endswith(".") else ""
            end = rows[-1].end
            tables.append(Table(at, end, caption, header, rows))
            done = j
    if "   " in body:  # columns set by spaces need runs of them
        tables = sorted(tables + _spaced_tables(lines, tables), key=lambda t: t.start)
    return tables


def without_tables(spans: list[tuple], tables: list[tuple[int, int]]) -> list[tuple]:
    """Cut the tables (start, end) out of section spans (start, end, heading, style,
    level); text after a table inside a section becomes an untitled section one level
    below it."""
    if not tables:
        return spans
    out = []
    for a, e, heading, style, level in spans:
        piece = (a, heading, style, level)
        for t_start, t_end in tables:
            if a <= t_start < e:
                if t_start > piece[0]:
                    out.append((piece[0], t_start, *piece[1:]))
                    piece = (t_end, "", "none", level + 1)
                elif piece[1]:  # a heading straight before a table keeps it
                    piece = (t_end, *piece[1:])
                else:
                    piece = (t_end, "", "none", level if not out else level + 1)
        if piece[0] < e:
            out.append((piece[0], e, *piece[1:]))
    return out


def split_tables(corpus) -> pd.DataFrame:
    """The cells of every table found in the corpus's bodies.

    Returns
    -------
    DataFrame
        One row per cell, columns ``doc_id, entity, series, year, table`` (0-based number
        of the table in the document), ``row`` (0-based in the table), ``column`` (0-based
        among the cells), ``label`` (the row's label), ``header`` (the column's header, or
        ``""``), ``text`` (the cell as written), ``start, end`` (the cell's offsets in the
        document body) and ``caption`` (the short line just above the table, or ``""``).
    """
    out = []
    for doc in corpus:
        for t, table in enumerate(find_tables(doc.body)):
            for r, row in enumerate(table.rows):
                for c, (text, a, e) in enumerate(row.cells):
                    head = table.header[c] if c < len(table.header) else ""
                    out.append(
                        (doc.doc_id, doc.entity, doc.series, doc.year, t, r, c, row.label)
                        + (head, text, a, e, table.caption)
                    )
    cols = schema.FRAMES["tables"][0]
    return schema.conform(pd.DataFrame(out, columns=cols), "tables")
