"""Citations for digest items: a short span of a document's body and the words it holds.

A :class:`Bodies` rebuilds each document's body from its sections (they partition it:
``body[start:end] == text``), finds sentences in it and cuts a quote around any span: the
sentence holding the span, trimmed at word boundaries to at most :data:`QUOTE_MAX`
characters. Every citation is ``(heading, start, end, quote)`` with
``body[start:end] == quote``.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from ..segment.sentences import sentence_spans

__all__ = ["QUOTE_MAX", "Bodies"]

QUOTE_MAX = 200
_WS = re.compile(r"\s+")


class Bodies:
    """Document bodies, their sections and sentences, rebuilt from a sections frame."""

    def __init__(self, sections: pd.DataFrame):
        self._secs: dict[str, tuple[list[int], list[int], list[str], list[str]]] = {}
        self._body: dict[str, str] = {}
        self._sent: dict[str, list[tuple[int, int]]] = {}
        self._lower: dict[str, str | None] = {}
        self._lead: dict[tuple[str, float], tuple[int, int] | None] = {}
        self._found: dict[tuple[str, str, int], tuple[int, int] | None] = {}
        self.cache: dict = {}  # what the digest's stages keep per document
        cols = ["doc_id", "start", "end", "text", "heading"]
        sec = sections[cols].sort_values(["doc_id", "start"], kind="mergesort")
        for doc, part in sec.groupby("doc_id", sort=True):
            starts = part["start"].astype("int64").tolist()
            ends = part["end"].astype("int64").tolist()
            texts = part["text"].fillna("").astype(str).tolist()
            heads = part["heading"].fillna("").astype(str).tolist()
            self._secs[str(doc)] = (starts, ends, texts, heads)

    def body(self, doc: str) -> str:
        """The body of ``doc`` as far as its sections reach (gaps as spaces)."""
        if doc not in self._body:
            starts, ends, texts, _ = self._secs[doc]
            parts, at = [], 0
            for s, e, t in zip(starts, ends, texts, strict=True):
                if s > at:
                    parts.append(" " * (s - at))
                parts.append(t[: e - max(s, at)] if s < at else t)
                at = max(at, e)
            self._body[doc] = "".join(parts)
        return self._body[doc]

    def heading(self, doc: str, pos: int) -> str:
        """The heading of the section of ``doc`` that holds offset ``pos``."""
        starts, _, _, heads = self._secs[doc]
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return heads[i]

    def section_span(self, doc: str, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the section of ``doc`` that holds offset ``pos``."""
        starts, ends, _, _ = self._secs[doc]
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return starts[i], ends[i]

    def lead(self, doc: str, share: float = 0.2) -> tuple[int, int] | None:
        """``(start, end)`` of the first section of ``doc`` when it has a heading and
        holds less than ``share`` of the body (a summary or overview), else ``None``."""
        key = (doc, share)
        if key not in self._lead:
            starts, ends, texts, heads = self._secs[doc]
            lead = None
            if len(starts) >= 2 and heads[0].strip():
                total = sum(len(t) for t in texts)
                lead = (starts[0], ends[0]) if len(texts[0]) < share * total else None
            self._lead[key] = lead
        return self._lead[key]

    def sentences(self, doc: str) -> list[tuple[int, int]]:
        """Body spans of the sentences of ``doc``, section by section."""
        if doc not in self._sent:
            starts, _, texts, _ = self._secs[doc]
            spans: list[tuple[int, int]] = []
            for s, t in zip(starts, texts, strict=True):
                spans.extend(sentence_spans(t, s))
            self._sent[doc] = spans
        return self._sent[doc]

    def sentence_at(self, doc: str, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence of ``doc`` holding ``start`` (or the span itself if none does)."""
        spans = self.sentences(doc)
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        if i >= 0 and spans[i][0] <= start < spans[i][1]:
            return spans[i]
        return (start, end if end is not None else start)

    def find(self, doc: str, text: str, near: int = 0) -> tuple[int, int] | None:
        """Span of ``text`` in ``doc`` (the occurrence at or after ``near`` first)."""
        key = (doc, text, near)
        if key not in self._found:  # a sentence is looked for again in the next pair
            self._found[key] = self._find(doc, text, near)
        return self._found[key]

    def _find(self, doc: str, text: str, near: int) -> tuple[int, int] | None:
        body = self.body(doc)
        text = text.strip()
        if not text:
            return None
        at = body.find(text, near)
        if at < 0 and near > 0:
            at = body.find(text)
        if at < 0:  # spacing may differ: match the words with any white space between
            words = [re.escape(w) for w in text.split()]
            m = re.compile(r"\s+".join(words)).search(body) if words else None
            return (m.start(), m.end()) if m else None
        return (at, at + len(text))

    def find_words(self, doc: str, words: list[str]) -> tuple[int, int] | None:
        """Span of the first use of ``words`` (any case, anything but a word character
        between them) in ``doc``."""
        body = self.body(doc)
        pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
        if doc not in self._lower:
            low = body.lower()
            self._lower[doc] = low if len(low) == len(body) else None  # same offsets only
        folded = self._lower[doc]
        if folded is None:
            m = re.search(pattern, body, re.I)
            return (m.start(), m.end()) if m else None
        # a match starts with the first word as written: try only where it occurs (the
        # pattern's look-behind keeps the regex engine from skipping ahead by itself)
        rx, first = re.compile(pattern), words[0]
        at = folded.find(first)
        while at >= 0:
            m = rx.match(folded, at)
            if m:
                return (m.start(), m.end())
            at = folded.find(first, at + 1)
        return None

    def cite(
        self, doc: str, start: int, end: int, *, whole: bool = False
    ) -> tuple[str, int, int, str]:
        """``(heading, start, end, quote)``: the sentence around the span, trimmed (with
        ``whole``, the span itself, untrimmed: a passage of several sentences)."""
        body = self.body(doc)
        s, e = (start, end) if whole else self.sentence_at(doc, start, end)
        s, e = min(s, start), max(e, end)
        if e - s > QUOTE_MAX and not whole:  # a window around the span, cut at word boundaries
            lo = max(s, min(start, end - QUOTE_MAX // 2) - QUOTE_MAX // 3)
            hi = min(e, lo + QUOTE_MAX)
            if lo > s:
                m = re.search(r"\s\S", body[lo:hi])
                lo = lo + m.start() + 1 if m and lo + m.start() + 1 <= start else lo
            if hi < e:
                cut = body.rfind(" ", max(lo, end), hi)
                hi = cut if cut > lo else hi
            s, e = lo, hi
        while e > s and body[e - 1].isspace():
            e -= 1
        while s < e and body[s].isspace():
            s += 1
        return self.heading(doc, s), s, e, body[s:e]
