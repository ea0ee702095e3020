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
"""

from __future__ import annotations

import re

__all__ = ["SMALL_WORDS", "is_label_line", "is_speaker", "lead_heading", "speaker_names"]

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
