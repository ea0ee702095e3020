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
from dataclasses import dataclass
from pathlib import Path

from .._core.errors import InputError, MissingExtraError, NoTextError, TrendkzWarning

__all__ = ["read_pdf"]


@dataclass
class _Line:
    text: str
    size: float
    bold: bool
    top: float
    bottom: float


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
        out = []
        pos = 0
        for chunk in text.splitlines(keepends=True):
            line = chunk.rstrip("\r\n")
            lead = len(line) - len(line.lstrip())
            if line.strip():
                i = pos + lead
                raw.FPDFText_GetMatrix(tp, i, matrix)
                size = raw.FPDFText_GetFontSize(tp, i) * (abs(matrix.d) or 1.0)
                raw.FPDFText_GetFontInfo(tp, i, name, 96, flags)
                bold = raw.FPDFText_GetFontWeight(tp, i) >= 600 or b"Bold" in name.value
                _, bottom, _, top = tp.get_charbox(i)
                out.append(_Line(line.strip(), round(size * 2) / 2, bold, top, bottom))
            pos += len(chunk)
        return out
    finally:
        tp.close()


# a heading line ending so goes on on the next line
_NUMBERED = re.compile(r"^(?:[IVX]{1,5}|[A-Z]|\d{1,2}(?:\.\d{1,2})*)[.)]\s")
_LETTERS = re.compile(r"[^\W\d_]{2,}")  # words of letters
_OPEN_ENDS = set("the of and or for to in on at by with from a an – - — & ,".split())


def _is_heading(line: _Line, body: float) -> bool:
    words = line.text.split()
    letters = sum(c.isalpha() for c in line.text)
    if (
        "\t" in line.text
        or not words
        or len(words) > 20
        or letters < 3
        or letters < len(line.text) / 2
    ):
        return False
    if line.text[-1] in ".;,:" and not line.text.endswith("..."):
        return False
    return line.size >= body * 1.15 or (line.bold and line.size >= body and len(words) <= 12)


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
    pitches = sorted(
        round(a.bottom - b.bottom, 1)
        for lines in pages
        for a, b in zip(lines, lines[1:], strict=False)
        if a.size == b.size == body and 0 < a.bottom - b.bottom < 3 * body
    )
    pitch = pitches[len(pitches) // 2] if pitches else 1.2 * body
    blocks: list[str] = []
    for lines in pages:
        current: list[str] = []
        head: list[str] = []
        head_size = 0.0  # the size of the heading lines in ``head``
        prev: _Line | None = None
        flags = _headings(lines, body)
        for k, (ln, heading) in enumerate(zip(lines, flags, strict=True)):
            if heading and head and ln.size == head_size and _joins(head, ln.text):
                head.append(ln.text)
                prev = ln
                continue
            if head:
                blocks.append("#" * level.get(head_size, 6) + " " + " ".join(head))
                head = []
            if heading:
                if current:
                    blocks.append("\n".join(current))
                    current = []
                head, head_size = [ln.text], ln.size
            else:
                step = prev.bottom - ln.bottom if prev is not None else 0.0
                gap = prev is not None and not (0 < step <= 1.35 * max(pitch, 1.0))
                cells = prev is not None and _short(prev) and _short(ln)  # a table's cells
                cells = cells and k + 1 < len(lines)  # a page's last line stands alone
                if current and not cells and (gap or prev is not None and prev.size != ln.size):
                    blocks.append("\n".join(current))
                    current = []
                current.append(ln.text)
            prev = ln
        if head:
            blocks.append("#" * level.get(head_size, 6) + " " + " ".join(head))
        if current:
            blocks.append("\n".join(current))
    return "\n\n".join(blocks) + "\n"


def _short(line: _Line) -> bool:
    return len(line.text) <= 30 and len(line.text.split()) <= 4


def _joins(head: list[str], text: str) -> bool:
    """Whether a heading line goes on over the next one."""
    return (
        len(head) < 3
        and len(" ".join(head).split()) + len(text.split()) <= 20
        and (
            text[0].islower()
            or head[-1].split()[-1].lower() in _OPEN_ENDS
            or (head[-1].isupper() and text.isupper())  # a heading in capitals goes on
        )
    )


def _headings(lines: list[_Line], body: float) -> list[bool]:
    """Which lines of a page are headings. A bold line in the body size (not numbered)
    is one only when a line of text (four words of letters or more) follows it, and, unless in
    capitals, it does not end open (``Number of``) without running on: else it is a
    table's column header or a label."""
    flags = [bool(body) and _is_heading(ln, body) for ln in lines]
    keep = list(flags)
    for i, ln in enumerate(lines):
        if not flags[i] or ln.size >= body * 1.15 or _NUMBERED.match(ln.text):
            continue
        j = i + 1
        while j < len(lines) and flags[j] and _joins([lines[j - 1].text], lines[j].text):
            j += 1
        if ln.text.split()[-1].lower() in _OPEN_ENDS and j == i + 1:
            keep[i] = False  # ends open and runs on into nothing
        elif not ln.text.isupper() and (
            j == len(lines) or flags[j] or len(_LETTERS.findall(lines[j].text)) < 4
        ):
            keep[i] = False  # no text after it: a column header or a label
    return keep


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
