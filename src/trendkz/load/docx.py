"""Reading Word files (.docx) with python-docx (the ``docx`` extra).

Paragraphs and tables are read in document order. A paragraph in a heading style
(``Heading 1`` … ``Heading 6``, or ``Title``) becomes a Markdown heading of that level, so
the sections keep the outline the author gave; other paragraphs are separated by blank
lines. A table becomes a block of lines, one per row, its cells separated by tabs, which
:func:`trendkz.segment.tables.split_tables` reads as a table.
"""

from __future__ import annotations

import re
from pathlib import Path

from .._core.errors import InputError, MissingExtraError

__all__ = ["read_docx"]

_HEADING = re.compile(r"^(?:Heading|Überschrift|Titre)\s*(\d)$", re.I)


def _level(style_name: str) -> int | None:
    if style_name.lower() == "title":
        return 1
    m = _HEADING.match(style_name.strip())
    return min(int(m.group(1)), 6) if m else None


def read_docx(path: Path, where: str | None = None) -> str:
    """The text of a .docx file: Markdown headings from heading styles, tables as tab rows.

    Raises :class:`MissingExtraError` without python-docx and :class:`InputError` for a
    damaged file or one with no text.
    """
    where = where or str(path)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise MissingExtraError(
            "reading Word files needs the 'docx' extra: pip install 'trendkz[docx]'"
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises zipfile, lxml and KeyError alike
        raise InputError(
            f"{where}: cannot read the Word file ({type(exc).__name__}: {exc}); is it a "
            ".docx (not an old .doc) and undamaged?"
        ) from None
    blocks: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if not text:
                continue
            level = _level(item.style.name if item.style is not None else "")
            blocks.append(f"{'#' * level} {text}" if level else text)
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                if any(cells):
                    rows.append("\t".join(cells))
            if rows:
                blocks.append("\n".join(rows))
    if not blocks:
        raise InputError(f"{where}: the Word file holds no text")
    return "\n\n".join(blocks) + "\n"
