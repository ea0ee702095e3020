"""Ranking a pair's scored digest items: one item per change, however often it is told.

:func:`rank` orders the items by score and folds into one item what tells the same
change more than once, the strongest place cited (or the one in the document's summary,
its short first section, when the change is told there too) and the others named in its
``score_detail`` as "also in":

- the sentences of a new or gone section fold into the section's item, which takes the
  score of the strongest of them when that is higher than its own (× the section's
  ``common to the series`` weight when most of the series' entities gained it alike);
- a sentence item folds into an item ranked above it on the same side when both state
  the same figure (a number of three digits or more that is not a year or a
  day; for a reworded sentence, one that changed), when most of
  their words are the same (Jaccard ≥ :data:`SAME_WORDS`), or when its new words (those
  the other document never uses) are mostly the same as those of the item above (three
  or more, and at least :data:`SAME_NEWS` of the larger set);
- a fact and the sentence that states it are kept once, the higher score.

Ties break by kind (the order of ``DEFAULT_WEIGHTS``), then position in the later
document, then the headline: the ranking is deterministic.
"""

from __future__ import annotations

import bisect
import re

from ..terms.keyness import tokenize
from .digest_items import _short
from .digest_sentences import _stems
from .digest_story import stories

__all__ = ["SAME_NEWS", "SAME_WORDS", "rank"]

SAME_WORDS = 0.5  # Jaccard of content words above which two sentences say the same
SAME_NEWS = 0.6  # share of a sentence's new words already told above
ALSO_SHOWN = 3  # folded places named in an item's score_detail
_SENTENCE_LIKE = (
    "fact moved",
    "qualifier changed",
    "sentence added",
    "sentence removed",
    "sentence changed",
)
_FIGURE = re.compile(r"\d[\d,.]*\d{2}")  # three digits or more
_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+$")


def _figures(text: str) -> set[str]:
    """Numbers of three digits or more in ``text`` that are neither years nor days."""
    out = set()
    for m in _FIGURE.finditer(text):
        num = m.group().replace(",", "").rstrip(".")
        if len(num) == 4 and num.isdigit() and 1700 <= int(num) <= 2100:
            continue
        if _MONTH.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        out.add(num)
    return out


class _Told:
    """What a kept item says: per sentence (its own, and for a section those folded into
    it), the side, the figures and the words; and its new words."""

    def __init__(self, row: dict, bodies):
        self.row = row
        self.says: list[tuple[str, set, set]] = []
        for r in [row, *row.get("_also", []), *row.get("_members", [])]:
            sides = {}
            for side in ("from", "to"):
                span = r.get(f"_sent_{side}")
                if span is not None:
                    text = bodies.body(r[f"doc_{side}"])[span[0] : span[1]]
                    sides[side] = (_figures(text), _stems(set(tokenize(text))))
            if r["kind"] == "sentence changed" and len(sides) == 2:  # what changed
                (fa, wa), (fb, wb) = sides["from"], sides["to"]
                sides = {"from": (fa - fb, wa), "to": (fb - fa, wb)}
            self.says.extend((side, figs, words) for side, (figs, words) in sides.items())
        # new words: the item's, and each of its sentences' when it tells a story
        self.novel = [row.get("_novel") or set()]
        self.novel += [m.get("_novel") or set() for m in row.get("_members", [])]

    def same_event(self, other: _Told) -> bool:
        for mine in self.novel:
            for theirs in other.novel:
                most = SAME_NEWS * max(len(theirs), len(mine))
                if len(theirs & mine) >= max(3, most):
                    return True
        for side, figs, words in other.says:
            for my_side, my_figs, my_words in self.says:
                if side != my_side:
                    continue
                if figs & my_figs:
                    return True
                union = words | my_words
                if len(union) >= 4 and len(words & my_words) >= SAME_WORDS * len(union):
                    return True
        return False


def _fold_into_sections(rows: list[dict], bodies) -> list[dict]:
    """Sentences of a new (gone) section fold into the section's item."""
    sections: list[dict] = []
    by_side: dict[str, list] = {"from": [], "to": []}  # (start, end, index) per side
    for r in rows:
        if r["kind"] in ("section added", "section removed"):
            side = "to" if r["kind"] == "section added" else "from"
            start = r.get(f"_sent_{side}")
            if start is not None:
                extent = bodies.section_span(r[f"doc_{side}"], start[0])
                by_side[side].append((extent[0], extent[1], len(sections)))
                sections.append(r)
    if not sections:
        return rows
    for side in by_side:
        by_side[side].sort()
    starts = {side: [e[0] for e in extents] for side, extents in by_side.items()}
    out = []
    for r in rows:
        host = None
        sides = [side for side in ("from", "to") if r.get(f"_sent_{side}") is not None]
        if r["kind"] in _SENTENCE_LIKE and len(sides) == 1 and by_side[sides[0]]:
            at = r[f"_sent_{sides[0]}"][0]
            i = bisect.bisect_right(starts[sides[0]], at) - 1
            # the first section (in row order) whose extent holds the sentence
            holders = [e[2] for e in by_side[sides[0]][: i + 1] if e[0] <= at < e[1]]
            host = sections[min(holders)] if holders else None
        if host is None:
            out.append(r)
            continue
        host.setdefault("_also", []).append(r)
    for sec in sections:
        best = max(sec.get("_also", []), key=lambda r: r["score"], default=None)
        common = sec.get("_common", 1.0)  # a section the series' entities gained alike
        if best is not None and best["score"] * common > sec["score"]:
            sec["score"] = best["score"] * common
            times = f"{common:g} common to the series × " if common != 1 else ""
            sec["score_detail"] += f"; its strongest change: {times}{best['score_detail']}"
    return out


#: what says where an item is: moved when a folded item's summary place is cited instead
_PLACE = ("kind", "status", "headline", "term", "measure", "_item", "_sent_from", "_sent_to",
          "_lead",
          *(f"{c}_{side}" for c in ("heading", "start", "end", "quote")
            for side in ("from", "to")))  # fmt: skip


_STRONGEST = " (the score of its strongest place, one of those named as also in)"


def _first(r: dict) -> tuple:
    return (r["_sent_to"] or (1 << 62, 0))[0], (r["_sent_from"] or (1 << 62, 0))[0]


def _fold(host: dict, row: dict) -> None:
    """Fold ``row`` into ``host``: one item, scored by its strongest place, citing the
    place in the document's lead section (its summary) when ``row`` is there and the host
    is not, else the host's own place."""
    sentences = host["kind"] in _SENTENCE_LIKE and row["kind"] in _SENTENCE_LIKE
    if sentences and row.get("_lead") and not host.get("_lead") and _first(row) < _first(host):
        moved = {k: host.get(k) for k in _PLACE}
        for k in _PLACE:
            host[k] = row.get(k)
        row = {**row, **moved}
        if not host["score_detail"].endswith(_STRONGEST):
            host["score_detail"] += _STRONGEST
    host.setdefault("_also", []).append(row)


def _also(row: dict) -> None:
    """Name, in ``score_detail``, the places folded into ``row``: a short quote and its
    citation (document, start–end in the body), at most :data:`ALSO_SHOWN`."""
    also = [  # not the place the item cites itself (a section's first sentence)
        r
        for r in row.pop("_also", None) or []
        if not any(r.get(f"start_{s}") is not None and r.get(f"start_{s}") == row.get(f"start_{s}")
                   for s in ("from", "to"))
    ]  # fmt: skip
    if not also:
        return
    shown = []
    for r in also[:ALSO_SHOWN]:
        side = "to" if r.get("quote_to") is not None else "from"
        quote, doc = r.get(f"quote_{side}") or "", r[f"doc_{side}"]
        shown.append(f"“{_short(quote, 60)}” ({doc} {r[f'start_{side}']}–{r[f'end_{side}']})")
    more = f" and {len(also) - ALSO_SHOWN} more" if len(also) > ALSO_SHOWN else ""
    row["score_detail"] += f"; also in {', '.join(shown)}{more}"


def rank(
    rows: list[dict], top: int | None, bodies, order: list[str], cite=None, words=None
) -> list[dict]:
    """The items of one pair, ranked and folded (see the module docs); ``order`` is the
    kinds' tie-break order; ``cite(row)`` fills in a row's citation columns (called only
    for the rows kept and those folded into them); ``words`` each document's word counts."""
    at = {k: i for i, k in enumerate(order)}
    rows = stories(_fold_into_sections(rows, bodies), bodies, words)
    rows.sort(
        key=lambda r: (
            -round(r["score"], 9),
            at.get(r["kind"], 99),
            (r["_sent_to"] or r["_sent_from"] or (0, 0))[0],
            r["headline"],
        )
    )
    kept: list[dict] = []
    told: list[_Told] = []
    seen: dict[str, list[tuple[int, int]]] = {"from": [], "to": []}
    for r in rows:  # a new or gone section speaks for its first sentence
        if r["kind"] in ("section added", "section removed"):
            for side in ("from", "to"):
                if r.get(f"_sent_{side}") is not None:
                    seen[side].append(r[f"_sent_{side}"])
    for r in rows:
        if r["kind"] == "framing shift":  # the sentences that show the shift are cited
            for side in ("from", "to"):
                if r.get(f"_sent_{side}") is not None:
                    seen[side].append(r[f"_sent_{side}"])
        if r["kind"] in ("section added", "section removed"):
            told.append(_Told(r, bodies))
        if r["kind"] in _SENTENCE_LIKE:
            spans = [(side, span) for side in ("from", "to") if (span := r.get(f"_sent_{side}"))]
            if any(s < b and a < e for side, (a, b) in spans for s, e in seen[side]):
                continue  # the same sentence, already cited
            mine = _Told(r, bodies)
            host = next((t for t in told if t.same_event(mine)), None)
            if host is not None:
                _fold(host.row, r)
                continue
            for side, span in spans:
                seen[side].append(span)
            told.append(mine)
        kept.append(r)
        if top is not None and len(kept) >= top:
            break
    for i, r in enumerate(kept, 1):
        r["rank"] = i
        r.pop("_novel", None)
        r.pop("_members", None)
        if cite is not None:
            for one in [r, *r.get("_also", [])]:
                cite(one)
        _also(r)
    return kept
