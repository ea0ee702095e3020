"""The candidate changes of one document pair, each with a strength and what it is made of.

Each finder returns plain dicts: ``kind, status, headline, strength, detail, term,
measure`` and ``span_from`` / ``span_to`` (body offsets of what to cite, or ``None``).
:mod:`trendkz.report.digest` weighs, ranks and cites them. Strengths lie roughly in 0–3.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple

import numpy as np
import pandas as pd

from .._core.schema import records
from .._core.vocab import ADDED, CHANGED, DOWN, QUALIFIER_CHANGED, REMOVED, REWRITTEN, UP
from ..terms.keyness import _stats

__all__ = [
    "DocWords",
    "facts_moved",
    "framing_shifts",
    "hit_table",
    "key_terms",
    "lexicon_terms",
    "section_changes",
]

KEY_G2 = 6.63  # p < 0.01 with one degree of freedom (G² without Yates' correction)
KEY_MIN = 4  # uses on the side a key term leans to
KEY_MAX = 12  # key words kept per side (for sentences)
KEY_SHOWN = 5  # key terms shown as items per side
LEXICON_G2 = 6.63  # p < 0.01: a lexicon term is a term the user asked about
SHARE_MIN = 0.2  # smallest change of the quoted (or hedged) share that is a shift


def _n(x) -> int:
    return 0 if x is None or (isinstance(x, float) and math.isnan(x)) or x is pd.NA else int(x)


def _num(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def _short(text: str, n: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: text.rfind(" ", 0, n - 1)].rstrip(",;:") + "…"


def section_changes(changes: pd.DataFrame, words: dict, first: dict, heads: dict) -> list[dict]:
    """Groups added, removed or rewritten between the two documents.

    ``words[(doc, group)]`` is the group's word count in a document, ``first[(doc, group)]``
    the body span of its first sentence, ``heads[(doc, group)]`` its first heading.
    """
    out = []
    wanted = (ADDED, REMOVED, REWRITTEN)
    for r in records(changes[changes["status"].isin(wanted)]):  # the others read no further
        g = _n(r.group)
        nf, nt = words.get((r.doc_from, g), 0), words.get((r.doc_to, g), 0)
        n = max(nf, nt)
        size = min(3.0, math.log10(1 + n)) * min(1.0, n / 60)  # a stub section weighs less
        doc = r.doc_from if r.status == REMOVED else r.doc_to
        label = _short(heads.get((doc, g)) or r.label, 60)
        if r.status == ADDED:
            head, strength = f"New section “{label}” ({nt:,} words)", size
            detail = f"log10(1 + {nt} words) × min(1, {nt} / 60) = {size:.2f}"
        elif r.status == REMOVED:
            head, strength = f"Section “{label}” gone ({nf:,} words)", size
            detail = f"log10(1 + {nf} words) × min(1, {nf} / 60) = {size:.2f}"
        else:
            sim = float(r.similarity)
            head = f"Section “{label}” rewritten (similarity {sim:.2f})"
            strength = (1 - sim) * size
            detail = f"(1 - similarity {sim:.2f}) × size {size:.2f} = {strength:.2f}"
        out.append(
            {
                "kind": f"section {'rewritten' if r.status == REWRITTEN else r.status}",
                "status": r.status,
                "headline": head,
                "strength": strength,
                "detail": detail,
                "term": None,
                "measure": None,
                "span_from": first.get((r.doc_from, g)) if r.status != ADDED else None,
                "span_to": first.get((r.doc_to, g)) if r.status != REMOVED else None,
                "headingless": label.startswith("¶ "),  # a paragraph of a headingless text
            }
        )
    return out


def _fact_text(value, qualifier, text) -> str:
    q = "" if qualifier is None or qualifier is pd.NA else str(qualifier).strip()
    shown = str(text) if value != value and text is not None and text is not pd.NA else _num(value)
    return shown if q and shown.lower().startswith(q.lower()) else f"{q} {shown}".strip()


_FILLER = frozenset(("a", "an", "the", "of"))


def _qualifier(q) -> tuple:
    """A qualifier's words, less articles and "of" ("a maximum of" is "a maximum")."""
    if q is None or q is pd.NA or (isinstance(q, float) and math.isnan(q)):
        return ()
    return tuple(w for w in re.findall(r"\w+", str(q).lower()) if w not in _FILLER)


def facts_moved(fact_changes: pd.DataFrame) -> list[dict]:
    """Facts whose value rose or fell, or whose qualifier changed (in more than its
    articles and "of")."""
    out = []
    wanted = (UP, DOWN, QUALIFIER_CHANGED)
    for r in records(fact_changes[fact_changes["status"].isin(wanted)]):
        if r.status == QUALIFIER_CHANGED and _qualifier(r.qualifier_from) == _qualifier(
            r.qualifier_to
        ):
            continue  # the same measure, said the same way
        a, b = float(r.value_from), float(r.value_to)
        old = _fact_text(a, r.qualifier_from, r.text_from)
        new = _fact_text(b, r.qualifier_to, r.text_to)
        if r.status == QUALIFIER_CHANGED:
            strength, detail = 1.5, "qualifier changed: 1.5"
            kind, head = "qualifier changed", f"{r.measure}: “{old}” now “{new}”"
        else:
            ratio = abs(math.log2(b / a)) if a > 0 and b > 0 else (2.0 if a == 0 or b == 0 else 0.5)
            strength = 1 + min(2.0, ratio)
            detail = f"1 + min(2, |log2({_num(b)} / {_num(a)})|) = {strength:.2f}"
            verb = "rose" if r.status == UP else "fell"
            kind, head = "fact moved", f"{r.measure} {verb}: {old} → {new}"
        out.append(
            {
                "kind": kind,
                "status": r.status,
                "headline": head,
                "strength": strength,
                "detail": detail,
                "term": None,
                "measure": r.measure,
                "span_from": (_n(r.start_from), _n(r.end_from)),
                "span_to": (_n(r.start_to), _n(r.end_to)),
            }
        )
    return out


def _share_headline(term: str, what: str, k1: int, n1: int, k0: int, n0: int) -> str:
    s1, s0 = k1 / n1, k0 / n0
    if s1 == 1:
        how = f"now always {what}"
    elif s1 == 0:
        how = f"no longer {what}"
    elif s0 == 0:
        how = f"now {what}"
    else:
        how = f"{'more' if s1 > s0 else 'less'} often {what}"
    return f"“{term}” {how}: {k1} of {n1} uses, from {k0} of {n0}"


def hit_table(hits: pd.DataFrame) -> dict:
    """``doc -> term -> [(start, end, is_quoted, is_hedged), ...]`` in text order."""
    out: dict = {}
    cols = [hits[c].tolist() for c in ("doc_id", "term", "start", "end", "is_quoted", "is_hedged")]
    for doc, term, s, e, q, h in sorted(zip(*cols, strict=True), key=lambda r: (r[0], r[2])):
        out.setdefault(doc, {}).setdefault(term, []).append((int(s), int(e), bool(q), bool(h)))
    return out


def framing_shifts(uses_from: dict, uses_to: dict) -> list[dict]:
    """Terms whose share of quoted (or hedged) uses changed by at least :data:`SHARE_MIN`.
    ``uses_*`` map each term to its hits in a document (see :func:`hit_table`)."""
    out = []
    terms = sorted(set(uses_from) | set(uses_to))
    for flag, what in ((2, "in quotation marks"), (3, "hedged")):
        for term in terms:
            a, b = uses_from.get(term, []), uses_to.get(term, [])
            n0, n1 = len(a), len(b)
            if min(n0, n1) < 2 or max(n0, n1) < 3:
                continue
            k0, k1 = sum(u[flag] for u in a), sum(u[flag] for u in b)
            delta = k1 / n1 - k0 / n0
            always = k1 == n1 and k0 < n0  # "now always": a change of kind, however small
            if abs(delta) < SHARE_MIN and not always:
                continue
            # "now always" (from not always) or "no longer" (from a quarter or more)
            extreme = 0.5 if always or (k1 == 0 and k0 / n0 >= 0.25) else 0.0
            weight = min(1.0, min(n0, n1) / 4)
            strength = (1 + 3 * abs(delta) + extreme) * weight
            detail = (
                f"(1 + 3 × |Δshare| {abs(delta):.2f} + all-or-none {extreme:.1f})"
                f" × min(1, {min(n0, n1)} uses / 4) = {strength:.2f}"
            )
            # cite a use that shows the change on each side
            pick1 = next((u for u in b if u[flag] == (delta > 0)), b[0])
            pick0 = next((u for u in a if u[flag] == (delta < 0)), a[0])
            out.append(
                {
                    "kind": "framing shift",
                    "status": CHANGED,
                    "headline": _share_headline(term, what, k1, n1, k0, n0),
                    "strength": strength,
                    "detail": detail,
                    "term": term,
                    "measure": None,
                    "span_from": (pick0[0], pick0[1]),
                    "span_to": (pick1[0], pick1[1]),
                }
            )
    return out


class DocWords(NamedTuple):
    """One document's words: ``counts`` of words and word pairs (joined by ``_``),
    ``n_words``, ``n_all`` (words and pairs), ``frequent`` (terms used KEY_MIN times or
    more) and ``vocab`` (the distinct words)."""

    counts: Counter
    n_words: int
    n_all: int
    frequent: frozenset
    vocab: frozenset

    @classmethod
    def of(cls, counts: Counter) -> DocWords:
        vocab = frozenset(t for t in counts if "_" not in t)
        return cls(
            counts,
            sum(counts[t] for t in vocab),
            sum(counts.values()),
            frozenset(t for t, n in counts.items() if n >= KEY_MIN),
            vocab,
        )


def key_terms(w_from: DocWords, w_to: DocWords, doc_from: str, doc_to: str, bodies) -> tuple:
    """Words and word pairs that rose or fell (G² of the later document against the
    earlier, as :func:`trendkz.keyness` with ``ngrams=(1, 2), correction="none"``), and
    the set of key words for the sentence finders."""
    ct, cr = w_to.counts, w_from.counts
    nt, nr = w_to.n_words, w_from.n_words
    if nt == 0 or nr == 0:
        return [], set()
    # only a term used KEY_MIN times on one side can pass; the rest fill the table
    terms = sorted(w_to.frequent | w_from.frequent)
    a = np.array([ct.get(t, 0) for t in terms], dtype="float64")
    b = np.array([cr.get(t, 0) for t in terms], dtype="float64")
    rest = (w_to.n_all - a.sum(), w_from.n_all - b.sum())
    _, g2 = _stats(np.append(a, rest[0]), np.append(b, rest[1]), "none")
    g2 = g2[:-1]
    big = np.flatnonzero(np.abs(g2) >= KEY_G2)  # the few strong terms, before any frame
    k = pd.DataFrame(
        {"term": [terms[i] for i in big], "n_target": a[big], "n_reference": b[big], "g2": g2[big]}
    )
    strong = k[k["g2"].abs() >= KEY_G2]
    strong = strong[
        np.where(strong["g2"] > 0, strong["n_target"], strong["n_reference"]) >= KEY_MIN
    ]
    items, keys = [], set()
    for sign, side in ((1, "rising"), (-1, "falling")):
        part = strong[np.sign(strong["g2"]) == sign]
        part = part.reindex(part["g2"].abs().sort_values(ascending=False, kind="mergesort").index)
        kept: list[str] = []
        for r in part.itertuples(index=False):
            if len(kept) >= KEY_MAX:
                break
            words = set(r.term.split("_"))
            if any(words & set(t.split("_")) for t in kept):  # a kept term already says it
                continue
            kept.append(r.term)
            keys.update(r.term.split("_"))
            if len(kept) > KEY_SHOWN:
                continue
            g2 = abs(float(r.g2))
            strength = min(3.0, math.log2(g2 / 3.84))
            n_to, n_from = int(r.n_target), int(r.n_reference)
            shown = r.term.replace("_", " ")
            head = (
                f"“{shown}” {'rises' if sign > 0 else 'falls'}: {n_from} → {n_to} uses "
                f"({1000 * n_from / nr:.1f} → {1000 * n_to / nt:.1f} per 1,000 words)"
            )
            spans = {doc: bodies.find_words(doc, r.term.split("_")) for doc in (doc_from, doc_to)}
            items.append(
                {
                    "kind": f"term {side}",
                    "status": ADDED if sign > 0 else REMOVED,
                    "headline": head,
                    "strength": strength,
                    "detail": f"log2(G² {g2:.1f} / 3.84) = {strength:.2f}",
                    "term": shown,
                    "measure": None,
                    "span_from": spans[doc_from],
                    "span_to": spans[doc_to],
                }
            )
    return items, keys


def lexicon_terms(uses_from: dict, uses_to: dict, nr: int, nt: int) -> list[dict]:
    """Lexicon terms used more or less often (G² of hit counts against all ``nr`` and
    ``nt`` words of the earlier and later document); ``uses_*`` as for framing."""
    terms = sorted(set(uses_from) | set(uses_to))
    if not terms or nt == 0 or nr == 0:
        return []
    a = np.array([len(uses_to.get(t, [])) for t in terms], dtype="float64")
    b = np.array([len(uses_from.get(t, [])) for t in terms], dtype="float64")
    # the rest of each document's tokens fill the table, as in keyness
    _, g2 = _stats(np.append(a, nt - a.sum()), np.append(b, nr - b.sum()), "none")
    out = []
    for term, ai, bi, g in zip(terms, a, b, g2[:-1], strict=True):
        lean = ai if g > 0 else bi
        if abs(g) < LEXICON_G2 or lean < 3:
            continue
        strength = min(3.0, math.log2(abs(g) / 3.84)) + 0.5
        u0, u1 = uses_from.get(term), uses_to.get(term)
        out.append(
            {
                "kind": f"term {'rising' if g > 0 else 'falling'}",
                "status": ADDED if g > 0 else REMOVED,
                "headline": (
                    f"“{term}” {'rises' if g > 0 else 'falls'}: {int(bi)} → {int(ai)} uses "
                    f"({1000 * bi / nr:.1f} → {1000 * ai / nt:.1f} per 1,000 words)"
                ),
                "strength": strength,
                "detail": f"log2(G² {abs(g):.1f} / 3.84) + 0.5 lexicon term = {strength:.2f}",
                "term": str(term),
                "measure": None,
                "span_from": (u0[0][0], u0[0][1]) if u0 else None,
                "span_to": (u1[0][0], u1[0][1]) if u1 else None,
            }
        )
    return out
