"""Reading PDF files with pypdfium2 (the ``pdf`` extra): text, paragraphs and headings.

Each page's text layer is read line by line with the font size, weight and position of
each line's first character. From those the text is laid out as trendkz reads text:

- a line set in a larger type than the body text (at least 1.15 times the most common
  size) is a heading, and so is a short bold line in the body size when a line of text
  follows it (see :func:`_headings`). Headings are written as Markdown headings (``#``
  to ``######``), the largest size taking level 1, so the sections keep the document's
  outline; a heading goes on over the next line when that line starts in lower case,
  the first ends open (``of``, ``the``, ``–``) or both are in capitals;
- a blank line (a new paragraph) comes where a line lies further below the one before
  than 1.35 times the usual line pitch of the body text (or above it: a new column), or
  the type size changes, but not between two short lines (four words at most: a table's
  cells, an address); other line breaks are kept (wrapped lines of a paragraph);
- pages are separated by a blank line. Running headers, footers and page numbers stay in
  the text, where :mod:`trendkz.load.furniture` finds and sets them aside.

A file with no text layer at all (a scan) is an error naming the file; when a quarter of
the pages or more have no text (a partly scanned file) they are listed in one warning
(a cover or a blank page without text is common and not worth one). Encrypted and
damaged files are errors.
"""

from __future__ import annotations

import ctypes
import re
import warnings
from collections import Counter
from pathlib import Path

from .._core.errors import InputError, MissingExtraError, NoTextError, TrendkzWarning
from .fields import is_data_line
from .pdf_grid import Line as _Line
from .pdf_grid import cell_starts, mark_grid, spaced, split_cells, table_rows, table_runs, unspace
from .pdf_order import reading_order
from .pdf_outline import mark_outline, mark_typed
from .pdf_titles import caption, not_headings, number_only
from .pdf_wrap import NUMBERED, OPEN_ENDS, aligned, joins, label, same_type, wraps

__all__ = ["read_pdf"]


def _pdfium():
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:
        raise MissingExtraError(
            "reading PDF files needs the 'pdf' extra: pip install 'trendkz[pdf]'"
        ) from None
    return pdfium, raw


def _page_lines(page, raw) -> list[_Line]:
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        if n <= 0:
            return []
        text = tp.get_text_range(0, n)
        if len(text) != n:  # indices would not match the characters: no font details
            return [_Line(s, 0.0, False, 0.0, 0.0) for s in text.splitlines() if s.strip()]
        name = ctypes.create_string_buffer(96)
        flags = ctypes.c_int()
        matrix = raw.FS_MATRIX()
        x0, x1, y0, y1 = (ctypes.c_double() for _ in range(4))
        refs = (ctypes.byref(x0), ctypes.byref(x1), ctypes.byref(y0), ctypes.byref(y1))
        box = raw.FPDFText_GetCharBox
        found = []
        pos = 0
        for chunk in text.splitlines(keepends=True):
            line = chunk.rstrip("\r\n")
            lead = len(line) - len(line.lstrip())
            if line.strip():
                i = pos + lead
                if line[lead].isdigit():  # a footnote's number is set smaller: read its text
                    first = next((k for k, c in enumerate(line) if c.isalpha()), lead)
                    if first > lead and line[lead:first].strip().isdigit():
                        i = pos + first
                raw.FPDFText_GetMatrix(tp, i, matrix)
                size = raw.FPDFText_GetFontSize(tp, i) * (abs(matrix.d) or 1.0)
                raw.FPDFText_GetFontInfo(tp, i, name, 96, flags)
                bold = raw.FPDFText_GetFontWeight(tp, i) >= 600 or b"Bold" in name.value
                box(tp, i, *refs)
                left, bottom, top = x0.value, y0.value, y1.value
                if i != pos + lead:
                    box(tp, pos + lead, *refs)
                    left = x0.value
                box(tp, pos + len(line.rstrip()) - 1, *refs)
                font = name.value.split(b"+")[-1].decode("latin-1")  # subset tag aside
                found.append((line, pos, size, bold, top, bottom, left, x1.value, font))
            pos += len(chunk)
        # a line wider than its characters need may hold wide gaps: only then read the
        # page's text rects for cells (most pages are prose)
        height = page.get_height()
        wide = [
            ln[7] - ln[6] > 0.55 * ln[2] * len(ln[0].strip())
            and 0.07 * height <= ln[5]
            and ln[4] <= 0.93 * height  # not in a margin: never a table
            for ln in found
        ]
        starts = cell_starts(tp, raw) if any(wide) else {}
        out = []
        for (line, pos, size, bold, top, bottom, left, right, font), w in zip(
            found, wide, strict=True
        ):
            if spaced(line):  # one cell: its character positions changed
                cells = [(unspace(tp, pos, line), left, right)]
            elif w and starts:
                cells = split_cells(line, pos, starts, left, right)
            else:
                cells = [(line.strip(), left, right)]
            tabbed = "\t" in line
            if tabbed:  # the text layer's own tabs (after a list mark): spaces
                cells = [(" ".join(c.split()), a, e) for c, a, e in cells]
            text_ = " ".join(c for c, _, _ in cells) if len(cells) > 1 else cells[0][0]
            ln = _Line(text_, round(size * 2) / 2, bold, top, bottom, left, right, cells)
            ln.font = font
            ln.tabbed = tabbed
            out.append(ln)
        for ln in out:
            ln.margin = ln.bottom < 0.07 * height or ln.top > 0.93 * height
        mark_grid(out)
        return reading_order(out)
    finally:
        tp.close()


# a heading line ending so goes on on the next line
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # words of letters
_FOLIO = re.compile(r"^(?:Page\s+)?[-–]?\s*(?:\d{1,4}|[ivxlc]{1,7})\s*[-–]?$", re.I)


# a sentence starting after a run-in title, a table's or figure's caption
# a table's total or row set in bold: a few words and an amount (``Total 595``)
_TOTAL = re.compile(
    r"^(?:\S+\s+){1,3}(?!(?:19|20)\d\d$)\(?[$€£]?(?:\d{1,3}(?:,\d{3})+|\d{3,})(?:\.\d+)?\)?$"
    r"|^[^\W\d_][\w /&-]{0,40}:\s*[$€£]?\d[\d,]*(?:\.\d+)?$"  # ``TOTAL CINS: 77``
)
_NOT_TITLE = re.compile(r"[a-z]\. [A-Z]|^(?:Table|Figure|Exhibit|Chart)\s+[\dIVX]+\b")


def _titled(text: str) -> bool:
    """Title case or capitals: most words of four letters or more start with a capital."""
    long = [w for w in _LETTERS.findall(text) if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def _is_heading(line: _Line, body: float) -> bool:
    large = line.size >= body * 1.15
    if not large and not (line.bold and line.size >= body):
        return False  # most lines: body text
    words = line.text.split()
    if line.tabbed or line.grid or not words or len(words) > 20:
        return False
    letters = sum(c.isalpha() for c in line.text)
    if letters < 3 or letters < len(line.text) / 2:
        return False
    if line.text[-1] in ".;," and not line.text.endswith("..."):
        return False
    if line.text[-1] == ":" and not (_titled(line.text) and len(line.text.split()) >= 2):
        return False  # a label line in title case (``Payment Error Rate (PERM):``) may head
    if is_data_line(line.text) or _NOT_TITLE.search(line.text) or _TOTAL.match(line.text):
        return False
    most = 20 if _titled(line.text) else 12  # a title in title case may run longer
    return large or len(words) <= most


def _layout(pages: list[list[_Line]]) -> str:
    weights: Counter = Counter()
    for lines in pages:
        for ln in lines:
            weights[ln.size] += len(ln.text)
    body = weights.most_common(1)[0][0] if weights else 0.0
    heading_sizes = sorted(
        {ln.size for lines in pages for ln in lines if _is_heading(ln, body) and body},
        reverse=True,
    )
    level = {s: min(k + 1, 6) for k, s in enumerate(heading_sizes[:6])}
    if body:
        mark_outline(pages, body)
        mark_typed(pages, body)
    pitches = sorted(
        round(a.bottom - b.bottom, 1)
        for lines in pages
        for a, b in zip(lines, lines[1:], strict=False)
        if a.size == b.size == body and 0 < a.bottom - b.bottom < 3 * body
    )
    pitch = pitches[len(pitches) // 2] if pitches else 1.2 * body
    blocks: list[str] = []
    first = next((lines for lines in pages if lines), None)
    for lines in pages:
        current: list[str] = []
        head: list[str] = []
        head_size = 0.0  # the size of the heading lines in ``head``
        head_level = 6
        head_top = False  # the heading is the page's first line (a chart's title)
        prev: _Line | None = None
        flags = not_headings(lines, _headings(lines, body), cover=lines is first)
        runs = dict(table_runs(lines))
        skip = 0
        for k, (ln, heading) in enumerate(zip(lines, flags, strict=True)):
            if k < skip:
                continue
            if k in runs:  # a table: its rows, a block of their own
                if head:  # a heading in the body size right over a table: its caption
                    cap = caption(head, head_size, body, top=head_top)
                    cap = cap or number_only(head, head_size, body)
                    mark = "" if cap else "#" * head_level + " "
                    blocks.append(mark + " ".join(head))
                    head = []
                if current:
                    blocks.append("\n".join(current))
                    current = []
                blocks.append("\n".join(table_rows(lines[k : runs[k]])))
                skip, prev = runs[k], None
                continue
            if (
                heading
                and head
                and (ln.cont or same_type(head_size, ln, body) or label(head, prev, ln))
                and (
                    ln.cont
                    or label(head, prev, ln)
                    or (joins(head, ln.text) and aligned(prev, ln))
                    or wraps(head, prev, ln, body)
                )
            ):
                head.append(ln.text)
                prev = ln
                continue
            if head:
                mark = "" if number_only(head, head_size, body) else "#" * head_level + " "
                blocks.append(mark + " ".join(head))
                head = []
            if heading:
                if current:
                    blocks.append("\n".join(current))
                    current = []
                head, head_size = [ln.text], ln.size
                head_top = ln is next((x for x in lines if not x.margin), None)
                head_level = level.get(ln.size, 6)
                if ln.outline and ln.size not in level:  # numbering gives the level
                    head_level = min(len(level) + ln.outline, 6)
            else:
                step = prev.bottom - ln.bottom if prev is not None else 0.0
                if (
                    current
                    and prev is not None
                    and not prev.grid
                    and not ln.grid
                    and abs(prev.top - ln.top) < 0.5 * ln.size
                    and 0 <= ln.left - prev.right < 2 * ln.size
                    and ln.text[:1].islower()
                    and not (prev.margin or ln.margin)
                ):  # the rest of the same printed sentence (after a footnote's mark)
                    current[-1] += " " + ln.text
                    prev = ln
                    continue
                gap = prev is not None and not (0 < step <= 1.35 * max(pitch, 1.0))
                cells = prev is not None and _short(prev) and _short(ln)  # a table's cells
                cells = cells and k + 1 < len(lines)  # a page's last line stands alone
                folio = k + 1 == len(lines) and _FOLIO.match(ln.text)  # the page's number
                if current and not cells and (gap or folio or (prev and prev.size != ln.size)):
                    blocks.append("\n".join(current))
                    current = []
                # a lone line of cells (a total, a header with its page number): tabs
                current.append("\t".join(c[0] for c in ln.cells) if ln.grid else ln.text)
            prev = ln
        if head:
            mark = "" if number_only(head, head_size, body) else "#" * head_level + " "
            blocks.append(mark + " ".join(head))
        if current:
            blocks.append("\n".join(current))
    return "\n\n".join(blocks) + "\n"


def _short(line: _Line) -> bool:
    return len(line.text) <= 30 and len(line.text.split()) <= 4


def _headings(lines: list[_Line], body: float) -> list[bool]:
    """Which lines of a page are headings. A bold line in the body size (not numbered)
    is one only when a line of text (four words of letters or more) follows it, and, unless in
    capitals, it does not end open (``Number of``) without running on: else it is a
    table's column header or a label."""
    flags = [bool(body) and (_is_heading(ln, body) or ln.outline > 0 or ln.typed) for ln in lines]
    keep = list(flags)
    for i, ln in enumerate(lines):
        if ln.cont and i and keep[i - 1]:
            keep[i] = True  # the title or the rest of the outline heading above it
        if not flags[i] or ln.size >= body * 1.15 or NUMBERED.match(ln.text) or ln.outline:
            continue
        if (
            i
            and flags[i - 1]
            and ln.size == lines[i - 1].size
            and wraps([""], lines[i - 1], ln, body)
        ):
            continue  # the second line of a long heading
        j = i + 1
        while (
            j < len(lines)
            and flags[j]
            and (
                joins([lines[j - 1].text], lines[j].text)
                or wraps([lines[j - 1].text], lines[j - 1], lines[j], body)
            )
        ):
            j += 1
        ends = j
        while j < len(lines) and not flags[j] and is_data_line(lines[j].text):
            j += 1  # a report's number and date between its title and its text
        if ln.text.split()[-1].lower() in OPEN_ENDS and ends == i + 1:
            keep[i] = False  # ends open and runs on into nothing
        elif (
            not ln.text.isupper()
            and j == ends  # a report's title over its number and date stays
            and (
                j == len(lines)
                or (flags[j] and not lines[j].typed)  # a sub-heading in the body type may follow
                or _words(lines, j) < 4
            )
        ):
            keep[i] = False  # no text after it: a column header or a label
    return keep


def _words(lines: list[_Line], j: int) -> int:
    """Words of letters on line ``j`` and on the lines set at its height to its right (a
    run-in label, ``• WISCONSIN –``, whose sentence the text layer lists apart)."""
    ln = lines[j]
    return sum(
        len(_LETTERS.findall(x.text))
        for x in lines
        if x is ln or (abs(x.top - ln.top) < 0.5 * ln.size and x.left > ln.left)
    )


def read_pdf(path: Path, where: str | None = None) -> str:
    """The text of a PDF file, laid out in paragraphs with Markdown headings.

    Raises :class:`MissingExtraError` without pypdfium2, and :class:`InputError` for an
    encrypted or damaged file, :class:`NoTextError` for a scanned one (no text layer on
    any page). Pages without text, when a quarter or more, are named in one warning.
    """
    where = where or str(path)
    pdfium, raw = _pdfium()
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise InputError(
                f"{where}: the PDF is encrypted (password protected); save an unprotected "
                "copy and load that"
            ) from None
        raise InputError(
            f"{where}: cannot read the PDF ({msg}); the file may be damaged or not a PDF"
        ) from None
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            try:
                pages.append(_page_lines(page, raw))
            finally:
                page.close()
    finally:
        doc.close()
    empty = [i + 1 for i, lines in enumerate(pages) if not lines]
    if len(empty) == len(pages):
        raise NoTextError(
            f"{where}: no text layer on any of its {len(pages)} pages (a scanned PDF?); "
            "run OCR on it first (e.g. ocrmypdf) and load the result"
        )
    if len(empty) >= max(3, len(pages) / 4):  # more than covers and blank pages
        warnings.warn(
            f"{where}: {len(empty)} of {len(pages)} pages have no text layer (pages "
            f"{_ranges(empty)}); their content, if any, is not in the document",
            TrendkzWarning,
            stacklevel=2,
        )
    return _layout(pages)


def _ranges(numbers: list[int]) -> str:
    out, start = [], None
    for k, n in enumerate(numbers):
        if start is None:
            start = n
        if k + 1 == len(numbers) or numbers[k + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(out)
