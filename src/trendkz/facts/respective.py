"""Pairing by "respectively": values paired in order with the years written before the word
("$1,234 million and $882 million in 2022 and 2021, respectively")."""

from __future__ import annotations

import re

__all__ = ["respectively"]

_JOIN = re.compile(r"[\s,]*(?:and|or)?[\s,]*")


_YEAR = re.compile(r"(?<![\d$.,])(?:1[89]|20)\d\d(?![\d%])")


def respectively(text: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """ "$1,234 million and $882 million in 2022 and 2021, respectively": ``{index of the
    fact in spans: its year}`` for the facts listed just before "respectively", paired in
    order with as many years written before it (the last ones); ``{}`` when the counts do
    not fit. ``spans`` are the facts' ``(start, end)`` in text order."""
    at = text.find("respectively")
    if at < 0:
        return {}
    before = [n for n, (a, b) in enumerate(spans) if b <= at and text.find(";", b, at) < 0]
    if len(before) < 2:
        return {}
    run = [before[-1]]
    for n in reversed(before[:-1]):
        gap = text[spans[n][1] : spans[run[0]][0]]
        if not _JOIN.fullmatch(gap):
            break
        run.insert(0, n)
    years = [
        int(m.group())
        for m in _YEAR.finditer(text, 0, at)
        if not any(a <= m.start() < b for a, b in spans)
    ]
    if len(run) < 2 or len(years) < len(run):
        return {}
    return dict(zip(run, years[-len(run) :], strict=True))
