"""Single lines that open a block: speaker lines, label lines and headings run into text.

- A **speaker line** opens a turn in a transcript: ``Name -- Role`` (``Jane Roe -- Chief
  Financial Officer``, ``John Doe -- Big Bank -- Analyst``) or the word ``Operator`` alone.
  A bare name alone on a line that opens two or more blocks is one too (``Jane Roe``).
  A *speaker turn* is that line and the paragraphs after it, up to the next speaker line or
  heading. Turns are not sections: they stay in the text of the section they are spoken
  in (``Prepared Remarks``, ``Questions and Answers``), so alignment compares parts of a
  call, not who spoke when.
- A **label line** is a short title on its own line ending in a colon (``Prepared
  Remarks:``, ``Questions and Answers:``): at most four words; it heads a section when a
  speaker's turn follows it (elsewhere, as in ``Birth Registration:`` over its paragraph,
  the label stays in the text).
- A **heading run into text** is a block's first line that is a heading although the text
  starts on the very next line (``Results of Operations`` then ``Revenue rose ...``). It
  is short, in title case or capitals, and its line break is deliberate: the next line's
  first word would have fitted on it, so it is not a wrapped line of a paragraph.
- A **heading on its own line** (:func:`is_own_line`) is one short line without a
  sentence's end, not a caption, a bullet or a data line (an address, a form's field, see
  :mod:`..load.fields`), nor a row of tab-separated cells; a **list item**
  (:func:`is_list_item`) is a numbered line that defines a term or opens a list, not a
  numbered heading.
"""

from __future__ import annotations

import re

from ..load.fields import is_data_line

__all__ = [
    "BULLET",
    "SMALL_WORDS",
    "is_label_line",
    "is_list_item",
    "is_own_line",
    "is_speaker",
    "is_title_case",
    "lead_heading",
    "speaker_names",
]

_SPEAKER = re.compile(
    r"^(?:Operator|Unknown [Ss]peaker|[A-Z][\w.’'-]*(?:\s+[\w.’'()-]+){0,5}\s+--\s+[^\n]{1,120})$"
)
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")
_SMALL = set(
    "a an the and or of for in on to with by at from against including into vs via as per "
    "under over between its their nor but without within among not".split()
)
SMALL_WORDS = frozenset(_SMALL)  #: words a title leaves in lower case


def is_speaker(line: str) -> bool:
    """A transcript's speaker line (``Name -- Role`` or ``Operator``)."""
    if " -- " not in line and not line.lstrip().startswith(("Operator", "Unknown")):
        return False
    line = line.strip()
    return bool(_SPEAKER.match(line)) and not line.endswith((".", "?", "!"))


_NAME = re.compile(r"^[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]*){1,3}$")


def speaker_names(lines: list[str]) -> set[str]:
    """Bare names that open turns: a line of two to four capitalized words standing
    alone as a block at least twice in the document (``Jane Roe``)."""
    seen: dict[str, int] = {}
    for line in lines:
        if len(line) <= 60 and _NAME.match(line) and not line.isupper():
            seen[line] = seen.get(line, 0) + 1
    return {name for name, n in seen.items() if n >= 2}


def is_label_line(text: str) -> bool:
    """A one-line block such as ``Prepared Remarks:``: at most four words, no digits."""
    if "\n" in text or not text.endswith(":") or not text[:1].isupper():
        return False
    words = _WORD.findall(text[:-1])
    return 0 < len(words) <= 4 and not any(c.isdigit() for c in text)


def _titled(line: str) -> bool:
    words = _WORD.findall(line)
    if not words or not (line[0].isupper() or line[0].isdigit()):
        return False
    if line.upper() == line:
        return True
    big = [w for w in words if w.lower() not in _SMALL]
    return all(w[0].isupper() or w[0].isdigit() for w in big)


def lead_heading(text: str) -> str | None:
    """The first line of a multi-line block when it is a heading with text right after it."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if not rest.strip() or not first or len(first) > 90:
        return None
    words = _WORD.findall(first)
    if not words or len(words) > 10 or first[-1] in '.!?;,:…"”’)-–' or not _titled(first):
        return None
    if is_speaker(first) or re.search(r"\.\s+[A-Z]|https?://|www\.", first):
        return None
    if words[-1].lower() in _SMALL:  # "Number of": goes on, so not a heading
        return None
    lines = [s.strip() for s in rest.split("\n") if s.strip()]
    nxt = lines[0]
    if not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"‘'(•-–"):
        return None
    width = max(len(s) for s in lines)
    if len(first) + 1 + len(nxt.split()[0]) > width:  # the next word would not have fitted
        return None
    return first


BULLET = re.compile(r"^\s*(?:[•·▪◦●*–-]|\d{1,2}\))\s+")
_CAPTION = re.compile(
    r"^(Table|Figure|Fig\.|Map|Chart|Graph|Diagram|Box|Source|Note|Photo)"
    r"s?\b\s*[\dIVX]*",
    re.I,
)


def is_title_case(label: str) -> bool:
    """Every word capitalized but the small ones (``Results of Operations``)."""
    words = _WORD.findall(label)
    if not words or not (label[0].isupper() or label[0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in SMALL_WORDS for w in words)


_DEFINITION = re.compile(r"^\S+\s+[^:]{1,60}:\s+[a-z0-9]")


def is_list_item(line: str) -> bool:
    """A numbered line that is an item, not a heading: a term and its definition
    (``a. Exemption 1: classified national defense ...``) or a sentence that opens a list
    (``1. Agency-specific acronyms or other terms:``)."""
    if _DEFINITION.match(line):
        return True
    if not line.endswith(":"):
        return False
    text = line.split(None, 1)[-1][:-1]
    return not (is_title_case(text) or text.upper() == text)


def is_own_line(text: str) -> bool:
    """A heading standing alone: one short line, no sentence end, not a caption."""
    if (
        "\n" in text
        or "\t" in text  # a row of cells
        or not text
        or len(text) > 140
        or text[-1] in '.!?;,:…"”’)»'
        or _CAPTION.match(text)
        or BULLET.match(text)
    ):
        return False
    words = _WORD.findall(text)
    if not words or len(words) > 16 or not re.search(r"[^\W\d_]{2}", text):
        return False
    if not (text[0].isupper() or text[0].isdigit()) or re.search(r"\.\s+[A-Z]", text):
        return False
    return not is_data_line(text)
