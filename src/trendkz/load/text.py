"""Reading bytes as text, once: decoding, HTML to text, and normalization.

One policy for every input route (files and DataFrame texts alike, see :func:`prepare`):

- **Decoding** (files): UTF-8 (with or without BOM) is certain. Otherwise the encoding is
  guessed per file, and the guess is either confident (one legacy encoding, little mess)
  or a :class:`TrendkzWarning` naming the file, the encoding and what to do. A file that
  mixes UTF-8 lines with lines in another encoding is decoded line by line (the UTF-8
  lines as UTF-8, the others in the guessed encoding), with a warning.
- **Control characters** (other than tab, line breaks, form feed): a text with many is
  binary (:class:`InputError`); a few are removed, with a warning naming the file.
- **HTML**: a text that opens as an HTML page (``<!doctype html`` or ``<html`` in its first
  2,000 characters) is read as HTML whatever the file name says; other text has its
  numeric character references (``&#8220;``) and the five XML entities unescaped.

Normalization is NFC, ``\\n`` line endings, non-breaking and other odd spaces made plain
spaces, zero-width characters removed and trailing spaces cut from lines. Quotation marks
are kept exactly as written: they carry meaning.
"""

from __future__ import annotations

import html
import re
import unicodedata
import warnings
from html.parser import HTMLParser
from pathlib import Path

from .._core.errors import DecodeError, InputError, NoTextError, TrendkzWarning

__all__ = [
    "decode",
    "html_to_text",
    "normalize",
    "prepare",
    "read_document",
    "warn_unread",
    "without_scans",
]

# odd spaces become plain spaces; zero-width characters go
_REPLACE = [(chr(c), " ") for c in [0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000]]
_REPLACE += [(chr(c), "") for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)]
# control characters other than tab, newline, carriage return, form feed
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F)]


def normalize(text: str) -> str:
    """Normalize text once: NFC, line endings, odd spaces, control characters, trailing
    blanks; quotes kept."""
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    # "\r\r\n" (a CRLF file converted twice) is one line end; a form feed stays as a line
    text = text.replace("\r\r\n", "\n").replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        text = text.replace("\f", "\n\f\n")
    text = unicodedata.normalize("NFC", text)
    for odd, plain in _REPLACE:  # str.replace and `in` are C-speed scans
        if odd in text:
            text = text.replace(odd, plain)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))  # "\f" lines kept


def decode(data: bytes, where: str) -> str:
    """Decode bytes: UTF-8 (with or without BOM) first, else the guessed encoding, confident
    or with a :class:`TrendkzWarning` naming the file (policy in the module docstring).

    Raises :class:`InputError` for empty or binary data and :class:`DecodeError` when no
    encoding fits.
    """
    if not data.strip():
        raise InputError(f"{where}: the file is empty; remove it or give it some text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            f"{where}: looks like a binary file (NUL bytes); only text, Markdown and HTML "
            "documents can be loaded"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lines = data.splitlines(keepends=True)
    utf8 = [_utf8_with_non_ascii(line) for line in lines]
    other = b"".join(line for line, ok in zip(lines, utf8, strict=True) if ok is None)
    guess = _guess(other, where, first_bad)
    if any(utf8):
        warnings.warn(
            f"{where}: mixes UTF-8 lines with lines in another encoding ({guess[1]}); "
            "decoded line by line, check the text and re-save the file as UTF-8",
            TrendkzWarning,
            stacklevel=2,
        )
        return "".join(
            ok if ok is not None else line.decode(guess[1], errors="replace")
            for line, ok in zip(lines, utf8, strict=True)
        ).removeprefix("\ufeff")
    text, encoding, chaos = guess
    if chaos > _MESSY:
        warnings.warn(
            f"{where}: not UTF-8; decoded as {encoding}, a weak guess ({chaos:.0%} of the "
            "text looks garbled); check the text and re-save the file as UTF-8",
            TrendkzWarning,
            stacklevel=2,
        )
    return text


#: mess ratio (charset-normalizer's ``chaos``) above which a guessed encoding is weak
_MESSY = 0.1


def _utf8_with_non_ascii(line: bytes) -> str | None:
    """The line decoded, when it is valid UTF-8 holding non-ASCII; else None (ASCII lines
    decode alike in every encoding and are left to the guess)."""
    if line.isascii():
        return None
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _guess(data: bytes, where: str, first_bad: int) -> tuple[str, str, float]:
    """``(text, encoding, chaos)`` of charset-normalizer's best guess for ``data``."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError(
            f"{where}: cannot decode the bytes as text (not UTF-8, and no legacy encoding "
            f"fits; first bad byte at offset {first_bad}); re-save the file as UTF-8"
        )
    return str(best), best.encoding, float(best.chaos)


def looks_like_html(text: str) -> bool:
    """The text opens as an HTML page: ``<!doctype html`` or ``<html`` early on."""
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


_REFS = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);")


def prepare(text: str, where: str, *, markup: str | None = None) -> str:
    """Decoded text made ready, the same way for every input route: binary check, control
    characters removed (with a warning), HTML read as HTML (``markup="html"``, or a text
    that looks like a page), character references unescaped, then :func:`normalize`."""
    controls = []
    if any(c in text for c in _CONTROLS):  # 29 C-speed scans beat one regex scan 8 times
        if len(_CONTROL.findall(text[:8192])) > 8:
            raise InputError(f"{where}: looks like a binary file (control characters), not text")
        controls = _CONTROL.findall(text)
        text = _CONTROL.sub("", text)
    if controls:
        warnings.warn(
            f"{where}: removed {len(controls)} control character(s) "
            f"({', '.join(sorted({repr(c) for c in controls})[:4])}); check the text",
            TrendkzWarning,
            stacklevel=2,
        )
    if markup == "html" or looks_like_html(text):
        text = html_to_text(text)
    elif "&" in text:
        text = _REFS.sub(lambda m: html.unescape(m.group()), text)
    return normalize(text)


#: HTML elements whose text is page chrome (outside an ``article``, ``main`` or ``section``
#: for ``header`` and ``footer``, which may also head or close the text itself)
CHROME_TAGS = ("nav", "aside", "header", "footer")
#: marks, each alone on a line, around chrome set aside in HTML (private-use characters)
CHROME_OPEN, CHROME_CLOSE = "\ue000", "\ue001"
_CONTENT = {"article", "main", "section"}
_BLOCK = set(
    "p div br li tr h1 h2 h3 h4 h5 h6 section article header footer nav aside ul ol table "
    "blockquote title main".split()
)
_SKIP = {"script", "style", "noscript", "template", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._open: list[str] = []  # open content and chrome elements
        self._chrome = 0

    def _is_chrome(self, tag: str) -> bool:
        if tag in ("nav", "aside"):
            return True
        return tag in ("header", "footer") and not any(t in _CONTENT for t in self._open)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _CONTENT or tag in CHROME_TAGS:
            chrome = tag in CHROME_TAGS and self._is_chrome(tag)
            self._open.append(tag + ("!" if chrome else ""))
            if chrome:
                self._chrome += 1
                if self._chrome == 1:
                    self.parts.append(f"\n\n{CHROME_OPEN}{tag}\n")
        if tag in _BLOCK:
            self.parts.append("\n\n")
            if tag == "li":
                self.parts.append("- ")
            elif tag[0] == "h" and tag[1:].isdigit() and not self._chrome:
                self.parts.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        if (tag in _CONTENT or tag in CHROME_TAGS) and self._open:
            for k in range(len(self._open) - 1, -1, -1):
                if self._open[k].rstrip("!") == tag:
                    if self._open[k].endswith("!"):
                        self._chrome -= 1
                        if self._chrome == 0:
                            self.parts.append(f"\n{CHROME_CLOSE}\n\n")
                    del self._open[k:]
                    break

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: blocks become paragraphs, ``<h1>``–``<h6>`` Markdown
    headings of their level, scripts and styles are skipped; the text of ``nav``,
    ``aside`` and page-level ``header`` and ``footer`` elements is kept between
    :data:`CHROME_OPEN` and :data:`CHROME_CLOSE` lines, which page chrome sets aside."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    if parser._chrome:  # an element left open: close its mark
        parser.parts.append(f"\n{CHROME_CLOSE}\n")
    text = "".join(parser.parts)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"^(#{1,6}) *\n+", r"\1 ", text, flags=re.M)  # "# " then its text
    text = re.sub(r"^#{1,6} *$", "", text, flags=re.M)  # an empty heading
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")


def read_document(path: Path, where: str | None = None) -> tuple[str, bytes]:
    """Read one document file: its normalized text and its raw bytes."""
    where = where or str(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"{where}: unsupported file type {path.suffix!r}; use one of {', '.join(SUFFIXES)}"
        )
    from .paths import read_regular

    data = read_regular(path, where)  # a FIFO would block forever: refused
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf

        return normalize(read_pdf(path, where)), data
    if suffix == ".docx":
        from .docx import read_docx

        return normalize(read_docx(path, where)), data
    markup = "html" if suffix in (".html", ".htm") else None
    return prepare(decode(data, where), where, markup=markup), data


def warn_unread(root: Path, unread: list[str]) -> None:
    """One warning naming the files of a folder that are not read (``unread``, from
    :func:`~trendkz.load.paths.corpus_files`): of another type than :data:`SUFFIXES`."""
    if unread:
        names = ", ".join(unread[:20])
        more = f" and {len(unread) - 20} more" if len(unread) > 20 else ""
        warnings.warn(
            f"{root}: {len(unread)} file(s) not loaded, of a type trendkz does not read "
            f"(it reads {', '.join(SUFFIXES)}): {names}{more}",
            TrendkzWarning,
            stacklevel=4,
        )


def without_scans(items: list[dict]) -> list[dict]:
    """The documents read, less the scans (``{"no_text": message}``), named in one warning;
    :class:`NoTextError` when nothing else was read."""
    unread = [it["no_text"] for it in items if "no_text" in it]
    items = [it for it in items if "no_text" not in it]
    if unread and not items:
        raise NoTextError("; ".join(unread))
    if unread:
        warnings.warn(
            f"{len(unread)} file(s) not loaded: " + "; ".join(unread),
            TrendkzWarning,
            stacklevel=3,
        )
    return items
