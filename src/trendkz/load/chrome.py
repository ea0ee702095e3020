"""Setting page chrome aside: wrappers, site headers and footers, titles and footnote lists.

Nothing is deleted. :func:`split_chrome` returns the body and a list of :class:`Chrome`
spans (rule name, offsets into the normalized text, the text itself) so a user can see
exactly what was set aside and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .furniture import furniture_lines
from .text import CHROME_CLOSE, CHROME_OPEN

__all__ = ["Chrome", "split_chrome"]

_F = re.I

#: rules for single lines near the top or bottom of a page
LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "wrapper",
        re.compile(
            r"^(Last Updated:|Publisher\s|Publication Date\s|Cite as\s|"
            r"Disclaimer|Search Refworld$|Countries\s*$|Topics\s*$)",
            _F,
        ),
    ),
    ("copyright", re.compile(r"^(©|\(c\)\s|Copyright\b|All rights reserved)", _F)),
    ("attribution", re.compile(r"^Please (make active links|cite|credit|refer)\b", _F)),
    (
        "social",
        re.compile(
            r"^((Follow|Like|Join|Subscribe to) us\b|Share (this|on)\b|"
            r"Print this (page|article)$)",
            _F,
        ),
    ),
    (
        "photo-credit",
        re.compile(
            r"^(Photo|Image|Cover photo|Photo of the cover)"
            r"( credit)?\s*:",
            _F,
        ),
    ),
    (
        "credit",
        re.compile(
            r"^This (publication|article|material|report) (was|is|has been) "
            r"(produced|prepared|published|made possible)\b",
            _F,
        ),
    ),
    ("footnote", re.compile(r"^\[\d{1,3}\]\s*\S")),
]

_ANYWHERE = re.compile(
    "|".join(p.pattern for name, p in LINE_RULES if name in ("social", "photo-credit")), _F
)

#: a line from which everything to the end of the page is site chrome
TAIL_STARTS = re.compile(
    r"^(On This Page|Spelling error report|Related (Articles|Posts)|"
    r"Back to top|Skip to (main )?content)\s*$",
    _F,
)

_WORD = re.compile(r"\w+")
_REPORTS = re.compile(r"\bReports?\b")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_NUMBERED = re.compile(
    r"^(Section|Part|Chapter)\s+\w+\.|^[a-zA-Z]\.\s|^\d+(\.\d+)*\.?\s|^[IVX]+\.\s"
)


@dataclass(frozen=True)
class Chrome:
    """A span of the normalized text set aside as page chrome."""

    rule: str
    start: int
    end: int
    text: str


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    return out


#: any of :data:`LINE_RULES` (the same patterns, one scan): most lines match none
_ANY_RULE = re.compile("|".join(f"(?:{p.pattern})" for _, p in LINE_RULES), _F)


def _rule(line: str) -> str | None:
    if not _ANY_RULE.match(line):
        return None
    for name, pattern in LINE_RULES:
        if pattern.match(line):
            return name
    return None


def _is_title(line: str) -> bool:
    words = _WORD.findall(line)
    if not line or len(words) > 25 or line[-1] in '.!?;:,"”' or _NUMBERED.match(line):
        return False
    return bool(_YEAR.search(line) or _REPORTS.search(line) or len(words) >= 4)


def split_chrome(text: str) -> tuple[str, list[Chrome]]:
    """Split normalized text into its body and the chrome spans set aside.

    Rules, in order: the text of HTML ``nav``, ``aside`` and page ``header`` and ``footer``
    elements (``html-nav`` ...); wrapper lines at the top (with the short lines between
    them, such as a wrapper's title line); lines matching :data:`LINE_RULES` at the top or bottom; a
    footer starting at a :data:`TAIL_STARTS` line in the last lines; a footnote list
    (``[n] ...``) at the end; and a title line standing alone at the top of the body.
    """
    lines = _lines(text)
    nonblank = [i for i, (_, _, s) in enumerate(lines) if s]
    tag: dict[int, str] = {}  # line index -> rule
    if not nonblank:
        return text, []
    if CHROME_OPEN in text:
        _tag_html(lines, tag)
    _tag_top(lines, nonblank, tag)
    _tag_bottom(lines, nonblank, tag)
    _tag_anywhere(lines, nonblank, tag)
    # page furniture: page numbers, running headers and footers, contents, form feeds
    for i, rule in furniture_lines([text[a:b] for a, b, _ in lines]).items():
        tag.setdefault(i, rule)
    _tag_title(lines, nonblank, tag)
    return _set_aside(text, lines, tag)


_Lines = list[tuple[int, int, str]]  # (start, end, stripped text) of each line


def _tag_html(lines: _Lines, tag: dict[int, str]) -> None:
    """HTML chrome (nav, aside, page header and footer) between its marks."""
    rule = None
    for i, (_, _, s) in enumerate(lines):
        if s.startswith(CHROME_OPEN):
            rule = "html-" + s[1:]
        if rule:
            tag[i] = rule
        if s == CHROME_CLOSE:
            rule = None


def _tag_top(lines: _Lines, nonblank: list[int], tag: dict[int, str]) -> None:
    """Top: rule lines, and short lines lying between rule lines (``wrapper``)."""
    pending: list[int] = []
    for i in nonblank[:15]:
        s = lines[i][2]
        if i in tag:
            continue
        rule = _rule(s)
        if rule and rule != "footnote":
            for j in pending:
                tag[j] = "wrapper"
            pending = []
            tag[i] = rule
        elif len(_WORD.findall(s)) <= 20 and not s.endswith("."):
            pending.append(i)
        else:
            break


def _tag_bottom(lines: _Lines, nonblank: list[int], tag: dict[int, str]) -> None:
    """Bottom: a footer from a tail-start line, then rule lines and footnotes upward."""
    tail = nonblank[-40:]
    for i in tail:
        if TAIL_STARTS.match(lines[i][2]) and i >= nonblank[max(0, len(nonblank) - 12)]:
            for j in nonblank:
                if j >= i:
                    tag[j] = "footer"
            break
    for i in reversed(nonblank):
        if i in tag:
            continue
        rule = _rule(lines[i][2]) or ("footnote" if lines[i][2].lower() == "ibid" else None)
        if rule is None:
            break
        tag[i] = "footnotes" if rule == "footnote" else rule


def _tag_anywhere(lines: _Lines, nonblank: list[int], tag: dict[int, str]) -> None:
    """Anywhere: social buttons and photo credits on their own line."""
    for i in nonblank:
        if i not in tag and _ANYWHERE.match(lines[i][2]):
            rule = _rule(lines[i][2])  # an earlier rule may claim the line first
            if rule in ("social", "photo-credit"):
                tag[i] = rule


def _tag_title(lines: _Lines, nonblank: list[int], tag: dict[int, str]) -> None:
    """A title standing alone as the first line of what is left."""
    rest = [i for i in nonblank if i not in tag]
    if len(rest) > 1:
        first = rest[0]
        after_blank = first + 1 < len(lines) and not lines[first + 1][2]
        if after_blank and _is_title(lines[first][2]):
            tag[first] = "title"


def _set_aside(text: str, lines: _Lines, tag: dict[int, str]) -> tuple[str, list[Chrome]]:
    """The body (the untagged lines, runs of blank lines cut to one) and the chrome spans
    (tagged lines, a run of one rule with only blank lines between them joined)."""
    chrome: list[Chrome] = []
    keep: list[str] = []
    last = -1  # index of the last line that joined a chrome span
    for i, (a, b, _) in enumerate(lines):
        if i in tag:
            joins = (
                chrome
                and chrome[-1].rule == tag[i]
                and all(not lines[k][2] for k in range(last + 1, i))
            )
            if joins:
                prev = chrome.pop()
                chrome.append(Chrome(tag[i], prev.start, b, text[prev.start : b]))
            else:
                chrome.append(Chrome(tag[i], a, b, text[a:b]))
            last = i
        else:
            keep.append(text[a:b])
    body = "\n".join(keep).strip("\n")
    while "\n\n\n" in body:  # as re.sub(r"\n{3,}", "\n\n"), several times faster
        body = body.replace("\n\n\n", "\n\n")
    return (body + "\n" if body else ""), chrome
