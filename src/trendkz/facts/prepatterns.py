"""Spans set aside before numbers are read: URLs, phone numbers, times, footnote markers,
ISO dates, report numbers and declared scales (kinds of :data:`trendkz.facts.nonfacts.
NON_FACT_KINDS`)."""

from __future__ import annotations

import re

__all__ = ["PRE_PATTERNS", "pre_patterns"]

PRE_PATTERNS = [  # sentence-level non-facts found before reading numbers: (kind, pattern)
    (
        "url",
        re.compile(
            r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*"
            r"\.(?:com|org|net|gov|edu|int|kz|ru|kg|tj|uz|tm|asia|info|uk|io)"
            r"(?:/\S*)?\b"
        ),
    ),
    (
        "phone",
        re.compile(
            r"\+\d{1,3}[\s(.-]*\d{2,4}\)?(?:[\s.-]*\d{2,4}){2,4}\b|\(\d{3,4}\)\s*"
            r"\d{2,3}[\s-]\d{2}[\s-]?\d{2}\b|\b\d{1,4}-\d{3}-\d{2,4}-\d{2,4}\b|"
            r"\(\d{3}\)\s*\d{3}-\d{4}\b|(?<![\d-])\d{3}-\d{3}-\d{4}\b"
        ),
    ),
    (
        "time",
        re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.", re.I),
    ),
    ("footnote", re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]")),
    (
        "date",
        re.compile(r"\b(?:1[89]|20)\d\d-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:1[89]|20)\d\d\b"),
    ),
    # report and case numbers: "A-06-91-00092", "OEI-07-98-00410", "96-01177"
    ("identifier", re.compile(r"\b(?:[A-Z]{1,5}-)?\d{2}-\d{2}-\d{5}\b|\b\d{2}-\d{5}\b")),
    # a declared scale: "(in millions)", "in thousands of dollars", "Dollars in millions"
    (
        "scale",
        re.compile(
            r"\(?\b(?:(?:dollars|amounts|USD|\$)\s+)?in\s+(?:thousands|millions|billions)"
            r"(?:\s+of\s+(?:dollars|USD))?(?:,\s*except[^)]*)?\)?",
            re.I,
        ),
    ),
]
#: what the phone, time and date patterns cannot match without (found by a fast scan)
_PHONE_HINT = re.compile(r"\+\d|\(\d{3,4}\)|\d-\d{3}-")
_TIME_HINT = re.compile(r"\d(?::\d\d|\s*[ap]\.m\.)", re.I)
_DATE_HINT = re.compile(r"\d-\d\d-\d\d|\d[./]\d")
_ID_HINT = re.compile(r"\d-\d{5}")
_SCALE_HINT = re.compile(r"in\s+(?:thousands|millions|billions)\b(?!\s+of\s+(?!dollars|USD))", re.I)
_TLD = re.compile(r"\.(?:com|org|net|gov|edu|int|kz|ru|kg|tj|uz|tm|asia|info|uk|io)")


def _has_scale_word(text: str) -> bool:
    """A quick look for "millions", "thousands", "billions" in any case."""
    return "illion" in text or "housand" in text or "ILLION" in text or "HOUSAND" in text


def pre_patterns(text: str, yearish: bool, has_digit: bool = True) -> list[tuple[str, re.Pattern]]:
    """The ``(kind, pattern)`` of :data:`PRE_PATTERNS` that can match ``text`` (``yearish``:
    it holds a year's digits), in their order: each is tried only when the text has what it
    cannot match without (most sentences have none of it)."""
    url, phone, clock, footnote, date, ident, scale = PRE_PATTERNS
    scaled = _has_scale_word(text) and _SCALE_HINT.search(text) is not None
    if not has_digit:  # only a declared scale can be found without a digit
        return [scale] if scaled else []
    out = []
    if "://" in text or "www." in text or "@" in text or _TLD.search(text) is not None:
        out.append(url)
    # each hint needs a character a plain substring test finds faster than the hint's scan
    if ("+" in text or "(" in text or "-" in text) and _PHONE_HINT.search(text):
        out.append(phone)
    if (":" in text or ".m." in text or ".M." in text) and _TIME_HINT.search(text):
        out.append(clock)
    if "[" in text:
        out.append(footnote)
    if yearish and _DATE_HINT.search(text):
        out.append(date)
    if "-" in text and _ID_HINT.search(text):
        out.append(ident)
    if scaled:
        out.append(scale)
    return out
