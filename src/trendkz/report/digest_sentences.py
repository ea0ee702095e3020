"""Candidate sentence changes of one document pair (see :mod:`trendkz.report.digest_items`).

``sentence_changes``: sentences added or removed that carry a number, a lexicon term, a
key word or words the other document never uses. ``sentences_reworded``: sentences kept
but changed, weighed by numbers changed, a negation flipped and the words in or out.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left

import pandas as pd

from .._core.vocab import ADDED, CHANGED, REMOVED
from ..terms.keyness import tokenize
from .digest_items import _short

__all__ = ["Tokens", "rows_by_pair", "sentence_changes", "sentences_reworded"]

_NEGATION = re.compile(r"\b(?:not|no|never|none|cannot)\b|n['’]t\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_SEE_SECTION = re.compile(
    r"\(?\bsee (?:also )?sections? \d[\w.]*(?:,? (?:and )?\d[\w.]*)*\)?", re.I
)
_MONTH_BEFORE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d+\W+)?$"
)
#: fact units that are durations (counted half in a sentence's numbers)
DURATIONS = ("years", "months", "weeks", "days", "hours")
#: an example of what the sentence before says ("For example, ...")
_EXAMPLE_OPENINGS = ("for example", "for instance", "e.g.", "in one case", "in one instance")
EXAMPLE = 0.6  # its weight
#: a pointer to another document ("See the Department's report", "available at http...")
_REFERENCE_OPENINGS = ("see ", "for further information", "for more information")
_REFERENCE_MARKS = ("available at", "http://", "https://", "www.")
REFERENCE = 0.3  # its weight
#: a month named (a day or month of an event); "May" only with a day
_EVENT_DATE = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October|November|"
    r"December|May \d)"
)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty"
    " forty fifty hundred thousand million billion".split()
)


#: the sentence columns the finders read, in this order
COLUMNS = ["status", "doc_from", "doc_to", "text_from", "text_to"]


def rows_by_pair(sentences: pd.DataFrame) -> dict:
    """``(doc_from, doc_to) -> [(status, doc_from, doc_to, text_from, text_to), ...]``,
    plain Python values (``None`` for missing): fast to loop over, made once."""
    lists = [
        sentences[c].astype(object).where(sentences[c].notna(), None).tolist() for c in COLUMNS
    ]
    out: dict = {}
    for row in zip(*lists, strict=True):
        out.setdefault((row[1], row[2]), []).append(row)
    return out


class Tokens(dict):
    """``tokens[text]``: :func:`~trendkz.terms.keyness.tokenize` of ``text``, each distinct
    text tokenized once (a sentence of a document is read again in its next pair); the
    lists are shared, not to be changed."""

    def __missing__(self, text: str) -> list[str]:
        toks = self[text] = tokenize(text)
        return toks


def _between(starts: list[int] | None, s: int, e: int) -> int:
    """How many of the sorted ``starts`` fall in ``[s, e)``."""
    if not starts:
        return 0
    return bisect_left(starts, e) - bisect_left(starts, s)


def _novel(tokens: list[str], vocab: set) -> set:
    """Distinct content words the other document never uses."""
    return {t for t in tokens if t not in vocab}


def _has_month(text: str) -> bool:
    """Whether ``text`` names a month (a day or month of an event; "May" with a day)."""
    return any(m in text for m in _MONTHS) and bool(_EVENT_DATE.search(text))


def _lesser(text: str, tokens: list) -> float:
    """How much a sentence counts: half when under five words, :data:`REFERENCE` when it
    points elsewhere ("see the ... report", a web address), :data:`EXAMPLE` when it gives
    an example of the sentence before it ("For example, ..."); else 1."""
    if len(tokens) < 5:
        return 0.5
    head = text.lstrip(" \t\n\"“‘'(-•").lower()
    if head.startswith(_REFERENCE_OPENINGS) or any(m in text for m in _REFERENCE_MARKS):
        return REFERENCE
    return EXAMPLE if head.startswith(_EXAMPLE_OPENINGS) else 1.0


def sentence_changes(
    sentences: list,
    bodies,
    facts: tuple,
    hits: dict,
    keys: set,
    vocab: dict,
    tokens: Tokens | None = None,
) -> list[dict]:
    """Sentences added or removed that carry a number, a lexicon term, a key word or a
    word the other document never uses. ``facts`` is a pair of ``doc -> sorted start
    offsets`` (quantities, then durations), ``hits[doc]`` sorted start offsets;
    ``vocab[doc]`` the lower-cased tokens of a document; ``sentences`` the pair's rows
    from :func:`rows_by_pair`; ``tokens`` a :class:`Tokens` shared by the pairs."""
    tokens = Tokens() if tokens is None else tokens
    out = []
    for status, doc_from, doc_to, text_from, text_to in sentences:
        if status not in (ADDED, REMOVED):
            continue
        doc, other, text = (
            (doc_to, doc_from, text_to) if status == ADDED else (doc_from, doc_to, text_from)
        )
        if text is None:
            continue
        span = bodies.find(doc, str(text))
        if span is None:
            continue
        s, e = span
        # a duration ("a five-year program") counts half: an attribute more than a count
        n_fact = _between(facts[0].get(doc), s, e) + 0.5 * _between(facts[1].get(doc), s, e)
        n_lex = _between(hits.get(doc), s, e)
        toks = tokens[str(text)]
        n_key = len(set(toks) & keys)
        novel = _novel(toks, vocab.get(other, set()))
        n_new = len(novel)
        if not (n_fact or n_lex or n_key or n_new):
            continue
        # a short sentence, or an example of what the sentence before it says, weighs less
        short = _lesser(str(text), toks)
        dated = int(status == ADDED and _has_month(str(text)))  # an event of the year
        strength = short * (
            0.6
            + 0.9 * min(2, n_fact)
            + 0.5 * dated
            + 0.15 * min(2, n_lex)
            + 0.3 * min(3, n_key)
            + 0.15 * min(6, n_new)
        )
        detail = (
            f"{f'{short:g} × (' if short < 1 else '('}0.6 + 0.9 × {min(2, n_fact):g} numbers"
            f" + 0.5 × {dated} dated + 0.15 × {min(2, n_lex)} lexicon terms"
            f" + 0.3 × {min(3, n_key)} key words + 0.15 × {min(6, n_new)} new words)"
            f" = {strength:.2f}"
        )
        verb = "New" if status == ADDED else "Dropped"
        out.append(
            {
                "kind": f"sentence {status}",
                "status": status,
                "headline": f"{verb}: “{_short(text)}”",
                "strength": strength,
                "detail": detail,
                "term": None,
                "measure": None,
                "span_from": span if status == REMOVED else None,
                "span_to": span if status == ADDED else None,
                "novel": novel,
            }
        )
    return out


def _figures(text: str, tokens=None) -> tuple[set, set]:
    """The numbers of ``text`` that are figures (digits, or number words among
    ``tokens``, by default its own), and those that are dates (a year, or a day after a
    month name)."""
    figures: set[str] = set()
    dates: set[str] = set()
    if "ee " in text:  # "see section 7.d." is no figure
        text = _SEE_SECTION.sub(" ", text)
    for m in _DIGITS.finditer(text):
        num = m.group().replace(",", "")
        before = text[max(0, m.start() - 14) : m.start()]
        year = len(num) == 4 and num.isdigit() and 1700 <= int(num) <= 2100
        (dates if year or _MONTH_BEFORE.search(before) else figures).add(num)
    words = tokenize(text) if tokens is None else tokens
    figures |= _NUMBER_WORDS.intersection(words)
    return figures, dates


def _numbers(text: str, figures: set) -> list[float]:
    """The values of ``figures`` in the order ``text`` states them."""
    out = []
    for m in _DIGITS.finditer(text):
        num = m.group().replace(",", "")
        if num in figures:
            try:
                out.append(float(num.rstrip(".")))
            except ValueError:
                continue
    return out


def _figure_weight(a: str, b: str, gone: set, new: set) -> float:
    """How much the changed figures of a reworded sentence weigh: each figure the newer
    text states in place of an older one weighs ``min(1, 0.5 + |log2(new / old)|)`` (a
    figure updated by a tenth weighs 0.64, one that doubled 1: a yearly statistic
    refreshed is less news than one that moved); a figure with none to pair weighs 1."""
    olds, news = _numbers(a, gone), _numbers(b, new)
    total = float(max(len(gone), len(new)))
    for u, v in zip(olds, news, strict=False):
        if u > 0 and v > 0:
            total -= 1 - min(1.0, 0.5 + abs(math.log2(v / u)))
    return total


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


def _spelled_out(a: str, b: str) -> tuple[set, set]:
    """Acronyms of ``a`` that ``b`` spells out instead ("FAA" → "Fusi Alofa
    Association"): the acronyms and the words that spell them, lower-cased."""
    gone: set[str] = set()
    spelled: set[str] = set()
    for acr in set(_ACRONYM.findall(a)) - set(_ACRONYM.findall(b)):
        words = re.findall(r"\b[A-Z][\w’'-]*", b)
        for i in range(len(words) - len(acr) + 1):
            run = words[i : i + len(acr)]
            if "".join(w[0] for w in run) == acr:
                gone.add(acr.lower())
                spelled.update(w.lower() for w in run)
                break
    return gone, spelled


def _stems(words: set) -> set:
    """Words less a plural or third-person "s" ("laws", "requires"): an inflection is
    no rewording."""
    return {w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2] not in "su" else w for w in words}


def sentences_reworded(
    sentences: list, bodies, keys: set, vocab: dict, tokens: Tokens | None = None
) -> list[dict]:
    """Sentences kept but changed, weighed by how much of them changed (a pair whose words
    are mostly new is news), figures changed, dates changed, a negation flipped and the
    key and new words in or out."""
    tokens = Tokens() if tokens is None else tokens
    out = []
    for status, doc_from, doc_to, text_from, text_to in sentences:
        if status != CHANGED or text_from is None or text_to is None:
            continue
        sa, sb = bodies.find(doc_from, str(text_from)), bodies.find(doc_to, str(text_to))
        if sa is None or sb is None:
            continue
        a, b = str(text_from), str(text_to)
        if "ee " in a or "ee " in b:  # "(see section 7.d.)": a pointer, not a change
            a, b = _SEE_SECTION.sub(" ", a), _SEE_SECTION.sub(" ", b)
        neg = int(len(_NEGATION.findall(a)) != len(_NEGATION.findall(b)))
        toks_b = tokens[b]
        content_a, content_b = set(tokens[a]), set(toks_b)
        if sorted(_DIGITS.findall(a)) == sorted(_DIGITS.findall(b)):  # the fast, usual case
            words_a, words_b = _NUMBER_WORDS & content_a, _NUMBER_WORDS & content_b
            nums: float = max(len(words_a - words_b), len(words_b - words_a))
            dated = 0
        else:
            (fa, da), (fb, db) = _figures(a, content_a), _figures(b, content_b)
            nums, dated = _figure_weight(a, b, fa - fb, fb - fa), int(da != db)
        if _ACRONYM.search(a):  # an acronym spelled out is the same words
            acronyms, spelled = _spelled_out(a, b)
            content_a, content_b = content_a - acronyms, content_b - spelled
        stem_a, stem_b = _stems(content_a), _stems(content_b)  # "laws" is "law"
        union = stem_a | stem_b
        # words in count fully, words out half: what a rewording drops (a list cut
        # short, a detail left out) is less news than what it adds
        novelty = (len(stem_b - stem_a) + 0.5 * len(stem_a - stem_b)) / len(union) if union else 0.0
        event = int(_has_month(b) and not _has_month(a))  # it now dates an event
        moved = content_a ^ content_b
        n_key = len(moved & keys)
        n_new = len((content_b - content_a) - vocab.get(doc_from, set())) + len(
            (content_a - content_b) - vocab.get(doc_to, set())
        )
        lesser = _lesser(b, toks_b)
        strength = lesser * (
            0.2
            + 1.0 * novelty
            + 1.0 * min(2, nums)
            + 0.3 * dated
            + 0.5 * event
            + 1.5 * neg
            + 0.3 * min(3, n_key)
            + 0.15 * min(6, n_new)
        )
        out.append(
            {
                "kind": "sentence changed",
                "status": CHANGED,
                "headline": f"Reworded: “{_short(str(text_to))}”",
                "strength": strength,
                "detail": (
                    f"{f'{lesser:g} × (' if lesser < 1 else '('}0.2 + {novelty:.2f} words"
                    f" changed + 1.0 × {min(2, nums):.2g} figures changed + 0.3 × {dated} dates"
                    f" changed + 0.5 × {event} now dated + 1.5 × {neg} negation flipped"
                    f" + 0.3 × {min(3, n_key)} key words + 0.15 × {min(6, n_new)} new words)"
                    f" = {strength:.2f}"
                ),
                "term": None,
                "measure": None,
                "span_from": sa,
                "span_to": sb,
                "novel": (content_b - content_a) - vocab.get(doc_from, set()),
            }
        )
    return out
