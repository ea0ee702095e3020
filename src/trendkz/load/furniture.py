"""Page furniture: the lines a printed page adds around its text, found without pages.

The rules read the lines of a whole document, so they work as well on text that someone
else extracted from PDFs (no page boundaries known) as on PDFs trendkz reads itself:

- ``page-number``: a line that is only a page number (``12``, ``- 12 -``, ``Page 12``,
  ``Page 12 of 40``, ``iv``) standing alone between blank lines, or ``Page N`` anywhere;
- ``running-header`` / ``running-footer``: a short line that recurs at least three times
  with a number that grows from one occurrence to the next (``Company Inc. | 2019 Annual
  Report | 21``, ``HHS Office of Inspector General  Page 8``), and a line that recurs
  right beside such a line (``Semiannual Report to Congress | Fall 2015``), unchanged or
  with the same first four words (``HHS Office of Inspector General Highlights``), one
  that opens with the same four words, and a dated line repeated five times or more; a
  header when it opens its block, a footer when it closes one;
- ``table-of-contents``: dot-leader lines (``Overview ........ 3``) and, after a line
  ``Contents`` or ``Table of Contents``, the run of lines ending in a page number, with
  the short lines among them (a part's name, a wrapped entry, the ``Page`` column head);
- ``form-feed``: a form feed (page break) standing as its own line; ``separator``: a line
  drawn with characters (``______``).
"""

from __future__ import annotations

import re
from collections import defaultdict

__all__ = ["furniture_lines"]

_ROMAN = r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})"
_PAGE_ALONE = re.compile(
    rf"^(?:page\s+)?[-–—]?\s*(?:\d{{1,4}}|{_ROMAN})\s*[-–—]?(?:\s+of\s+\d{{1,4}})?$", re.I
)
_PAGE_WORD = re.compile(rf"^(?:page|p\.)\s+(?:\d{{1,4}}|{_ROMAN})(?:\s+of\s+\d{{1,4}})?$", re.I)
_FOLIO = rf"(?:[A-Z][-‐–]\d{{1,3}}|\d{{1,4}}|{_ROMAN})"  # 12, iv, A-1 (an appendix's page)
_LEADER = re.compile(rf"(?:\.\s?){{4,}}\s*{_FOLIO}$|\s[._]{{6,}}\s*\d{{0,4}}$", re.I)
_CONTENTS = re.compile(r"^(?:#+\s*)?(?:table of )?contents$", re.I)
_ENDS_PAGE = re.compile(rf"\S.*?(?:\s|(?<=[a-z]))(?:{_FOLIO})$", re.I)
_NUMBER = re.compile(r"\d+")
_HINT = re.compile(r"\d|(?<!\S)[ivx]{1,7}(?!\S)")  # a number a running line may carry
_DATED = re.compile(r"\b(?:19|20)\d\d\b")
_SEPARATOR = re.compile(r"^[_=*~-]{5,}$")
_WORD = re.compile(r"[^\W\d_]{2,}")


# a page number in lower-case roman numerals, anywhere in a running line ("iv", "xii")
_LAST_ROMAN = re.compile(r"(?<!\S)(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})(?!\S)(?!.*\s[ivx]+(?:\s|$))")
_ROMAN_VALUE = {"i": 1, "v": 5, "x": 10}


def _key(line: str) -> str:
    line = _LAST_ROMAN.sub("\x01", " ".join(line.split()))  # a page number such as "iv"
    return _NUMBER.sub("\x00", line.lower())


def _page(line: str) -> int:
    """The last number of a line: digits, or a roman page number at its end."""
    m = _LAST_ROMAN.search(" ".join(line.split()))
    if m:
        values = [_ROMAN_VALUE[c] for c in m.group().lower()]
        return sum(
            -v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values)
        )
    return int(_NUMBER.findall(line)[-1])


def _growing(numbers: list[int]) -> bool:
    """Page numbers: mostly rising from one occurrence to the next."""
    steps = list(zip(numbers, numbers[1:], strict=False))
    up = sum(b > a for a, b in steps)
    return len(set(numbers)) >= 3 and up >= 0.7 * len(steps)


def _running(lines: list[str]) -> set[int]:
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(lines):
        if s and len(s) <= 120 and _HINT.search(s) and len(s.split()) <= 16:
            key = _key(s)
            if "\x00" in key or "\x01" in key:
                by_key[key].append(i)
    found: set[int] = set()
    for key, where in by_key.items():
        if len(where) < 3 or len(_WORD.findall(key)) < 1:
            continue
        last = [_page(lines[i]) for i in where]
        if _growing(last):
            found.update(where)
    # a dated line repeated unchanged page after page (``Fall 2010``, ``2019 Annual Report``)
    same: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(lines):
        if s and len(s) <= 120 and _DATED.search(s) and len(s.split()) <= 12 and s[-1] != ".":
            same[s].append(i)
    for where in same.values():
        if len(where) >= 5:
            found.update(where)
    if not found:
        return found
    # variants: a recurring line that opens with the first four words of a running line
    # (numbers aside: ``… C-1 Appendix C``, ``… C-2 Appendix C``), or once when it opens
    # with a whole running title of five words or more (``… to Congress Appendix A``)
    heads = {" ".join(lines[i].split()[:4]).lower() for i in found}
    titles = {_title(lines[i]) for i in found} - {""}
    seen: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(lines):
        if i not in found and s and len(s) <= 120 and len(s.split()) >= 4:
            if " ".join(s.split()[:4]).lower() in heads:
                seen[_key(s)].append(i)
    for where in seen.values():
        if len(where) >= 2 or any(
            lines[where[0]].lower().startswith(t) and len(lines[where[0]].split()) <= 16
            for t in titles
        ):
            found.update(where)
    # companions: a line recurring right beside a running line, unchanged or with the same
    # first four words (``HHS Office of Inspector General Highlights`` / ``... Message``)
    beside: dict[str, list[int]] = defaultdict(list)
    for i in sorted(found):
        for j in (_near(lines, i, -1), _near(lines, i, 1)):
            if j is not None and j not in found and len(lines[j]) <= 120:
                words = lines[j].split()
                key = " ".join(words[:4]).lower() if len(words) > 4 else lines[j]
                beside[key].append(j)
    for where in beside.values():
        texts = {lines[j] for j in where}
        sentence = any(t.endswith((".", "?", "!")) for t in texts)
        if (
            len(set(where)) >= max(3, 0.3 * len(found))
            and any(_WORD.search(t) for t in texts)
            and not sentence
        ):
            found.update(where)
    return found


def _title(line: str) -> str:
    """A running line's words before its first number, when five or more (lower case)."""
    words = []
    for w in line.split():
        if _HINT.search(w):
            break
        words.append(w)
    return " ".join(words).lower() + " " if len(words) >= 5 else ""


def _near(lines: list[str], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j]:
        j += step
    return j if 0 <= j < len(lines) and abs(j - i) <= 2 else None


def _contents(lines: list[str]) -> set[int]:
    whole = "\n".join(lines)
    found: set[int] = set()
    if "...." in whole or ". . . ." in whole or "______" in whole:
        found = {
            i
            for i, s in enumerate(lines)
            if ("...." in s or ". . . ." in s or "______" in s) and _LEADER.search(s)
        }
    if "ontents" not in whole and "ONTENTS" not in whole:
        return found
    for i, s in enumerate(lines):
        if "ontents" not in s and "ONTENTS" not in s or not _CONTENTS.match(s):
            continue
        run, j, misses = [i], i + 1, 0
        while j < len(lines) and misses <= 2:
            t = lines[j]
            if not t:
                j += 1
                continue
            if (
                _ENDS_PAGE.match(t) and len(t.split()) <= 20 and not t.endswith(".")
            ) or _LEADER.search(t):
                run.append(j)
                misses = 0
            else:
                misses += 1
            j += 1
        if len(run) >= 3:  # the title and at least two entries
            found.update(run)
            # between its entries: a part's name, a wrapped entry, the ``Page`` column's head
            found.update(
                k
                for k in range(run[0], run[-1])
                if lines[k] and len(lines[k].split()) <= 14 and lines[k][-1] not in ".;"
            )
    return found


def furniture_lines(raw: list[str]) -> dict[int, str]:
    """The furniture among the lines of a document: line index -> rule."""
    lines = ["\f" if r.strip(" \t") == "\f" else r.strip() for r in raw]
    tag: dict[int, str] = {}
    for i in _contents(lines):
        tag[i] = "table-of-contents"
    for i in _running(lines):
        first = i == 0 or not lines[i - 1] or (i - 1) in tag
        last = i + 1 >= len(lines) or not lines[i + 1]
        tag.setdefault(i, "running-footer" if last and not first else "running-header")
    for i, s in enumerate(lines):
        if i in tag or not s or (len(s) > 20 and s[0] not in "_=*~-"):
            continue  # page numbers are short; separators drawn with these
        if s == "\f":
            tag[i] = "form-feed"
        elif _SEPARATOR.match(s):
            tag[i] = "separator"
        elif _PAGE_WORD.match(s):
            tag[i] = "page-number"
        elif _PAGE_ALONE.match(s):
            alone = (i == 0 or not lines[i - 1] or lines[i - 1] == "\f") and (
                i + 1 == len(lines) or not lines[i + 1] or lines[i + 1] == "\f"
            )
            if alone:
                tag[i] = "page-number"
    return tag
