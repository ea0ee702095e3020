"""Cutting each document's body into a tree of sections: ``split_sections``.

Headings recognized, in the order they are tried on each block (a run of lines between
blank lines):

- Markdown headings (``# Title``), level from the number of ``#``;
- numbered outlines (``Section 1. …``, ``1. …``, ``a. …``, ``IV. …``) on their own line,
  each numbering style taking the next level the first time it appears (in a document
  with Markdown headings, not a bare ``Section 4`` the reader left unmarked);
- other headings on their own line, ALL CAPS or not: short, no closing sentence
  punctuation, not a table or figure caption; one level below the open numbered section;
  not in a document whose outline is given by Markdown headings (there the reader, who
  saw the type, has marked its headings);
- run-in headings that open a paragraph (``Overview: Kazakhstan has …``): a short
  title-case label and a colon; one level below the own-line section they stand in; not
  in a document whose outline is given by Markdown headings (PDF and Word files read).

Paragraphs without a heading continue the section before them. Bulleted lists stay with
the paragraph that introduces them. A document with no headings at all is cut into its
paragraphs, each an untitled section (heading ``""``), for alignment to place by content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._core import schema
from ..load.corpus import Corpus
from ..load.fields import is_data_line
from .lines import (
    BULLET,
    SMALL_WORDS,
    is_label_line,
    is_list_item,
    is_own_line,
    is_speaker,
    is_title_case,
    lead_heading,
    speaker_names,
)
from .tables import find_tables, without_tables

__all__ = ["split_sections", "section_tree"]

_BLOCK_SEP = re.compile(r"\n[ \t]*\n\s*")
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_NUMBERED = [
    ("section", re.compile(r"^(?:Section|Part|Chapter)\s+(?:\d+|[IVXLC]+)\b[.:]?\s*")),
    ("decimal", re.compile(r"^\d+\.\d+(?:\.\d+)*\.?\s+(?=[A-Z])")),
    ("arabic", re.compile(r"^\d{1,2}[.)]\s+(?=[A-Z])")),
    ("roman", re.compile(r"^(?:[IVX]{1,5})\.\s+(?=[A-Z])")),
    ("alpha", re.compile(r"^[a-z][.)]\s+(?=[A-Z])")),
    ("ALPHA", re.compile(r"^[A-Z]\.\s+(?=[A-Z][a-z])")),
]
_NUMBER_ONLY = re.compile(r"^(?:Section|Part|Chapter)\s+(?:\d+|[IVXLC]+)$")  # no title
_RUNIN = re.compile(r"^([^\n:]{2,90}?):[ \t]+(?=\S)")
_SMALL = SMALL_WORDS
_NOT_LABELS = set(
    "note notes source sources example update q a tel email e-mail fax url http https"
    " see also".split()
)
_WORD = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*")


class _Block(NamedTuple):
    start: int
    end: int  # start of the next block, or end of body: blocks partition the body
    text: str
    table: bool = False  # a table, set aside from the sections


@dataclass
class _Head:
    block: int
    style: str
    level: int
    heading: str
    start: int  # offset of the section's first character


def _blocks(body: str) -> list[_Block]:
    starts = [0] + [m.end() for m in _BLOCK_SEP.finditer(body)]
    tables = find_tables(body)
    for t in tables:  # a table is a block of its own, what follows it another
        e = t.end
        while e < len(body) and body[e].isspace():
            e += 1
        starts += [t.start, e]
    starts = sorted(set(s for s in starts if s < len(body)))
    spans = {t.start for t in tables}
    out = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(body)
        out.append(_Block(s, e, body[s:e].strip(), s in spans))
    return out


# the first style of _NUMBERED whose pattern matches: the alternatives are tried in order
_NUMBERED_ANY = re.compile(
    "|".join(f"(?P<{style}_{k}>{pattern.pattern})" for k, (style, pattern) in enumerate(_NUMBERED))
)


def _numbered(line: str) -> str | None:
    m = _NUMBERED_ANY.match(line)
    return str(m.lastgroup).rsplit("_", 1)[0] if m else None  # a group always matched


def _short_runs(blocks: list[_Block], own: list[bool]) -> set[int]:
    """Blocks in a run of four or more short single lines (a list of names or terms, a
    table's cells): none of them heads a section. ``own``: which blocks pass is_own_line."""
    out: set[int] = set()
    run: list[int] = []
    for k, o in enumerate(own):
        if o and not blocks[k].table and blocks[k].text[:1] != "#":
            run.append(k)
            continue
        if len(run) >= 4:
            out.update(run)
        run = []
    if len(run) >= 4:
        out.update(run)
    return out


def _turn_follows(blocks: list[_Block], i: int, names: set[str]) -> bool:
    """A speaker's turn opens the next block (a label line heads a transcript's part)."""
    nxt = blocks[i + 1].text.split("\n", 1)[0].strip() if i + 1 < len(blocks) else ""
    return nxt in names or is_speaker(nxt)


def _run_in(text: str) -> str | None:
    if text.find(":", 0, 91) < 2:  # no colon where _RUNIN needs one (the first one)
        return None
    m = _RUNIN.match(text)
    if not m:
        return None
    label = m.group(1).strip()
    words = _WORD.findall(label)
    rest = len(list(islice(_WORD.finditer(text, m.end(), m.end() + 200), 3)))  # up to 3
    if (
        not words
        or len(words) > 10
        or rest < 3
        or label.lower() in _NOT_LABELS
        or re.search(r"[.!?;]\s|[“”\"«»]|https?$", label)
        or re.match(r"\S*\d", text[m.end() :])  # a code or number after it: a field
        or (len(text.split("\n", 1)[0]) <= 100 and is_data_line(text.split("\n", 1)[0]))
    ):
        return None
    return label if is_title_case(label) else None


def _heads(blocks: list[_Block]) -> list[_Head]:
    heads: list[_Head] = []
    numbered_stack: list[str] = []
    line_level = 0  # level of the open own-line section
    names = speaker_names([b.text for b in blocks if "\n" not in b.text])
    owns = [len(b.text) <= 140 and is_own_line(b.text) for b in blocks]
    listed = _short_runs(blocks, owns)
    # an outline given by Markdown headings (a PDF or Word file read, a Markdown source)
    # already says where sections start: a label run into its paragraph stays text
    marked = any(b.text[:1] == "#" and _MARKDOWN.match(b.text.split("\n", 1)[0]) for b in blocks)
    for i, b in enumerate(blocks):
        first = b.text.split("\n", 1)[0].strip()
        speaker = (" -- " in first or first[:1] in "OU") and is_speaker(first)
        if b.table or speaker or first in names:
            continue  # tables are set aside; a speaker's turn stays in its section
        if m := _MARKDOWN.match(first):
            level = len(m.group(1))
            heads.append(_Head(i, "markdown", level, m.group(2), b.start))
            line_level = level
            continue
        style = _numbered(first)
        single = "\n" not in b.text
        if (
            style
            and single
            and not (marked and style == "section" and _NUMBER_ONLY.match(first))
            and len(_WORD.findall(first)) <= 24
            and first[-1] not in ".;,"
            and not is_list_item(first)
            and not is_data_line(first)
        ):
            if style in numbered_stack:
                del numbered_stack[numbered_stack.index(style) + 1 :]
            else:
                numbered_stack.append(style)
            line_level = len(numbered_stack)
            heads.append(_Head(i, "numbered", line_level, first, b.start))
            continue
        lead = None if single else lead_heading(b.text)
        own = owns[i] and i not in listed and not re.search(r"\w: \d", b.text)
        label_line = (
            b.text[-1:] == ":" and is_label_line(b.text) and _turn_follows(blocks, i, names)
        )
        if (own or label_line or lead) and i + 1 < len(blocks) and not marked:
            text = (lead or b.text).rstrip(":")
            line_level = len(numbered_stack) + 1
            caps = text.upper() == text and any(c.isalpha() for c in text)
            heads.append(_Head(i, "caps" if caps else "line", line_level, text, b.start))
            continue
        if not marked and (label := _run_in(b.text)):
            heads.append(_Head(i, "runin", line_level + 1, label, b.start))
    return heads


_WORD_CHAR, _JOINER = 1, 2  # classes of characters for _word_counts
_ASCII_CLASS = np.array(
    [
        _WORD_CHAR if (chr(c).isalnum() or chr(c) == "_") else _JOINER if chr(c) in "'.-" else 0
        for c in range(128)
    ]
    + [0],
    dtype=np.int8,
)  # [128]: any other character, classified apart


def _word_counts(body: str, spans: list[tuple[int, int]]) -> list[int]:
    """``count_words(body[a:e])`` for every span, in one pass over the body.

    A word (``\\w+(?:[’'.-]\\w+)*``) is a run of word characters, joined to the next run
    by one joiner between them: words = runs - joins, both counted inside the span."""
    if not spans or not body:
        return [0] * len(spans)
    codes = np.frombuffer(body.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls = _ASCII_CLASS[np.minimum(codes, 128)]
    high = codes >= 128
    if high.any():  # every other character classified once, as the regex reads it
        chars, where = np.unique(codes[high], return_inverse=True)
        cls[high] = np.array(
            [
                _WORD_CHAR
                if (chr(c).isalnum() or chr(c) == "_")
                else _JOINER
                if chr(c) == "’"
                else 0
                for c in chars.tolist()
            ],
            dtype=np.int8,
        )[where]
    word = cls == _WORD_CHAR
    starts = np.flatnonzero(word[1:] & ~word[:-1]) + 1  # where a run starts (but 0)
    joins = np.flatnonzero((cls[1:-1] == _JOINER) & word[:-2] & word[2:]) + 1
    a, e = (np.array(x, dtype=np.int64) for x in zip(*spans, strict=True))
    # the runs starting after a, and the one at a (starting there, or cut by the span)
    runs = np.searchsorted(starts, e) - np.searchsorted(starts, a, "right")
    runs += word[np.minimum(a, len(word) - 1)] & (a < e)
    inner = np.where(
        e - 1 > a + 1, np.searchsorted(joins, e - 1) - np.searchsorted(joins, a + 1), 0
    )
    return np.where(e > a, runs - inner, 0).tolist()


_COLUMNS = (
    "doc_id",
    "entity",
    "series",
    "year",
    "date",
    "kind",
    "section_id",
    "parent_id",
    "level",
    "position",
    "heading",
    "style",
    "text",
    "start",
    "end",
    "n_words",
)


def _doc_sections(doc) -> list[tuple]:
    """The rows of one document, values in the order of ``_COLUMNS``."""
    body = doc.body
    blocks = _blocks(body)
    heads = _heads(blocks)
    spans: list[tuple[int, int, str, str, int]] = []  # start, end, heading, style, level
    if not heads:
        # no headings: every paragraph is an untitled section; lists join their paragraph
        for b in blocks:
            if spans and (BULLET.match(b.text) or spans[-1][4] == -1):
                s = spans.pop()
                spans.append((s[0], b.end, "", "none", 1 if BULLET.match(b.text) else -1))
            else:
                spans.append((b.start, b.end, "", "none", 1))
        spans = [(a, e, h, st, 1) for a, e, h, st, _ in spans]
    else:
        first = blocks[heads[0].block].start
        for b in blocks:
            if b.start >= first:
                break
            if spans and BULLET.match(b.text):
                s = spans.pop()
                spans.append((s[0], b.end, "", "none", 1))
            else:
                spans.append((b.start, b.end, "", "none", 1))
        for k, h in enumerate(heads):
            end = blocks[heads[k + 1].block].start if k + 1 < len(heads) else len(body)
            spans.append((h.start, end, h.heading, h.style, h.level))
    if spans:  # the first section starts at the very start of the body
        a, e, hd, st, lv = spans[0]
        spans[0] = (0, e, hd, st, lv)
    spans = without_tables(spans, [(b.start, b.end) for b in blocks if b.table])
    rows = []
    parents: list[tuple[int, str]] = []  # (level, section_id)
    n_words = _word_counts(body, [(a, e) for a, e, *_ in spans])
    for pos, (a, e, heading, style, level) in enumerate(spans):
        sid = f"{doc.doc_id}/{pos:03d}"
        while parents and parents[-1][0] >= level:
            parents.pop()
        parent = parents[-1][1] if parents else None
        parents.append((level, sid))
        text = body[a:e]
        rows.append(
            (
                doc.doc_id,
                doc.entity,
                doc.series,
                doc.year,
                doc.date,
                doc.kind,
                sid,
                parent,
                level,
                pos,
                heading,
                style,
                text,
                a,
                e,
                n_words[pos],
            )
        )
    return rows


def split_sections(corpus: Corpus) -> pd.DataFrame:
    """Cut every document of ``corpus`` into sections.

    Returns
    -------
    DataFrame
        One row per section in document order, with columns ``doc_id, entity, series,
        year, date, kind`` (copied from the document), ``section_id`` (``"<doc_id>/<position>"``),
        ``parent_id`` (the enclosing section or missing), ``level`` (1 = top),
        ``position`` (0-based order in the document), ``heading`` (as written, without a
        run-in colon; ``""`` when untitled), ``style`` (``runin``, ``line``, ``caps``,
        ``numbered``, ``markdown`` or ``none``), ``text`` (the section's own text, heading
        included: exactly ``Document.body[start:end]``), ``start``, ``end`` (character
        offsets into the document body) and ``n_words``.

        The sections of a document partition its body: every character belongs to exactly
        one row. A parent's row holds only its own text (its heading and the paragraphs
        before its first child).

    Examples
    --------
    >>> import trendkz
    >>> sections = trendkz.split_sections(trendkz.datasets.kazakhstan())
    >>> sections.query("year == 2012")["heading"].tolist()[:2]
    ['Overview', '2012 Terrorist Incidents']
    """
    schema.require_corpus(corpus, fn="split_sections", documents=True)
    rows = []
    for doc in corpus:
        rows += _doc_sections(doc)
    return schema.conform(pd.DataFrame(rows, columns=_COLUMNS), "sections")


def _sort_key(doc) -> tuple | None:
    """How the sections frame orders a document's rows (year, date, entity, series, doc_id;
    missing first), or None when a value is not plainly an int or str."""
    key: list[tuple[int, int | str]] = []
    for value, kind in (
        (doc.year, int),
        (doc.date, str),
        (doc.entity, str),
        (doc.series, str),
        (doc.doc_id, str),
    ):
        if value is None:
            key.append((0, ""))
        elif type(value) is kind:
            key.append((1, value))
        else:
            return None
    return tuple(key)


def section_tree(sections: pd.DataFrame, doc_id: str | None = None) -> str:
    """An indented outline of the sections (of one document, or of all), for printing."""
    schema.require(
        sections,
        ["doc_id", "heading", "text", "level", "n_words"],
        name="sections",
        maker="split_sections",
    )
    lines = []
    for did, part in sections.groupby("doc_id", sort=False):
        if doc_id is not None and did != doc_id:
            continue
        lines.append(f"{did}")
        for r in schema.records(part):
            name = r.heading or f"(untitled) {r.text.strip()[:50]}…"
            lines.append(f"{'  ' * int(r.level)}{name}  [{r.n_words} words]")
    return "\n".join(lines)
