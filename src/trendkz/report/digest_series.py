"""What most entities of a series changed alike: the series' own boilerplate.

When most countries' reports gain the same heading in the same year ("Reproductive
Rights" in every 2020 human rights report), or the same sentence, that change says
something about the series, not about the country: the digest weighs it less and says so
("also in 180 of 197 documents of the series").

:func:`series_table` reads the bodies of every document once, before any per-entity work
(a report computes each entity's digest apart, in worker processes, and passes them this
table), and counts, for each series and consecutive pair of years, in how many entities a
line (a heading or paragraph) or a sentence of a line is new in the later document or gone
from it (a run-in heading, "Physical Conditions: ..." at the start of a paragraph,
counts as a line too). Lines and sentences are compared lower-cased, with the entity's own name set
aside ("the constitution of Iceland" and "the constitution of Chile" are one line), cut
into sentences at ". " (a quick cut: a sentence it misses is simply not found); words
count too (a word most entities began to use that year is the series' word). Only what
at least :data:`COMMON` of a pair's entities (and :data:`COMMON_MIN` or more) changed is
kept: the table is small, and the same whatever the workers.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

import pandas as pd

__all__ = ["COMMON", "COMMON_MIN", "SeriesTable", "item_common", "series_table", "text_key"]

COMMON = 0.5  # share of a pair's entities that made the same change
COMMON_MIN = 5  # entities a pair needs before anything is called common
WORD = "\x01"  # marks a word's key (a line's never starts so)
_PUNCT = ".,;:!?()[]{}\"'“”‘’"


def _name(series) -> str:
    """A series' name as the table keys it ("" when it has none, however missing)."""
    return "" if series is None or pd.isna(series) else str(series)


def text_key(text: str, entity: str | None) -> str:
    """How a heading or sentence is compared across entities (see the module docs)."""
    low = str(text).lower()
    if entity:
        low = low.replace(str(entity).lower(), "#")
    return " ".join(low.split()).rstrip(".").strip()


def _keys(body: str, entity: str | None) -> set[str]:
    low = body.lower()
    if entity:
        low = low.replace(str(entity).lower(), "#")
    out = set()
    for line in low.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        out.add(line.rstrip(".").strip())
        label = line.split(": ", 1)[0] if ": " in line[:100] else ""
        if label and len(label.split()) <= 10:  # a run-in heading ("Physical Conditions: ...")
            out.add(label)
        if ". " in line:
            out.update(p.strip().rstrip(".").strip() for p in line.split(". "))
    out.discard("")
    out.update(WORD + w.strip(_PUNCT) for w in set(low.split()))
    out.discard(WORD)
    return out


class SeriesTable:
    """``pairs[(series, year_from, year_to)] = (n_entities, added, removed)``: how many
    entities have that pair, and for each common key how many of them added or dropped it."""

    def __init__(self, pairs: dict | None = None):
        self.pairs = pairs or {}
        self._firsts: dict[tuple, set] = {}  # first words of each key set (made on demand)

    def __len__(self) -> int:
        return len(self.pairs)

    def __repr__(self) -> str:
        return f"SeriesTable({len(self.pairs)} year pairs)"

    def common(self, series, year_from, year_to, text: str, entity, added: bool):
        """``(k, n)`` when ``text`` was added (``added``) or dropped alike in ``k`` of the
        ``n`` entities of that pair of the series, else ``None``."""
        if pd.isna(year_from) or pd.isna(year_to):
            return None
        got = self.pairs.get((_name(series), int(year_from), int(year_to)))
        if got is None:
            return None
        n, plus, minus = got
        keys = plus if added else minus
        if not keys:
            return None
        # a quick look at the first word before the whole text is made a key
        at = (_name(series), int(year_from), int(year_to), added)
        firsts = self._firsts.get(at)
        if firsts is None:
            firsts = self._firsts[at] = {t.split(" ", 1)[0] for t in keys}
        head = text.split(None, 1)[0].lower() if text.strip() else ""
        ent = str(entity).lower().split() if entity else []
        if head not in firsts and head.rstrip(".") not in firsts and not (ent and ent[0] in head):
            return None
        k = keys.get(text_key(text, entity))
        return (k, n) if k else None

    def words(self, series, year_from, year_to, added: bool) -> tuple[dict, int]:
        """``({word: k}, n)``: the words ``k`` of the ``n`` entities of that pair of the
        series began (``added``) or ceased to use, when most did (the series' vocabulary
        of the year, news of no one entity)."""
        if pd.isna(year_from) or pd.isna(year_to):
            return {}, 0
        got = self.pairs.get((_name(series), int(year_from), int(year_to)))
        if got is None:
            return {}, 0
        keys = got[1] if added else got[2]
        return {t[1:]: k for t, k in keys.items() if t.startswith(WORD)}, got[0]


#: kinds the series table is asked about: the side they show on, and whether added there
_SERIES_KINDS = {"section added": ("to", True), "section removed": ("from", False),
                 "sentence added": ("to", True), "sentence removed": ("from", False),
                 "sentence changed": ("to", True)}  # fmt: skip


def item_common(it: dict, p, bodies, table: SeriesTable, words: tuple):
    """``(k, n)`` when the item's heading, sentence or term changed alike in ``k`` of the
    ``n`` entities of its pair of the series (``words``
    the series' words new and gone in the pair, with ``n``), else None."""
    if it["kind"] in ("term rising", "term falling") and it.get("term"):
        counts = words[0] if it["kind"] == "term rising" else words[1]
        ks = [counts.get(w) for w in str(it["term"]).lower().split()]
        return (min(ks), words[2]) if ks and all(ks) else None
    how = _SERIES_KINDS.get(it["kind"])
    span = it.get(f"span_{how[0]}") if how else None
    if how is None or not table or not span:
        return None
    doc = p.doc_to if how[0] == "to" else p.doc_from
    if it["kind"].startswith("section"):
        text = bodies.heading(doc, span[0])
    else:
        text = bodies.body(doc)[span[0] : span[1]]
    return table.common(p.series, p.year_from, p.year_to, text, p.entity, how[1])


def series_table(docs: Iterable[tuple]) -> SeriesTable:
    """The table of ``docs``: ``(series, entity, year, body)`` per document."""
    groups: dict[tuple, list[tuple[int, str]]] = {}
    for series, entity, year, body in docs:
        if entity is None or pd.isna(entity) or year is None or pd.isna(year):
            continue
        groups.setdefault((_name(series), str(entity)), []).append((int(year), str(body)))
    counts: dict[tuple, list] = {}
    for (series, entity), bodies in groups.items():  # one entity's key sets at a time
        by_year: dict[int, set] = {}
        for year, body in bodies:
            by_year.setdefault(year, set()).update(_keys(body, entity))
        ys = sorted(by_year)
        for y0, y1 in zip(ys, ys[1:], strict=False):
            c = counts.setdefault((series, y0, y1), [0, Counter(), Counter()])
            c[0] += 1
            c[1].update(by_year[y1] - by_year[y0])
            c[2].update(by_year[y0] - by_year[y1])
    pairs = {}
    for key, (n, plus, minus) in counts.items():
        if n < COMMON_MIN:
            continue
        least = max(COMMON_MIN, math.ceil(COMMON * n))
        pairs[key] = (
            n,
            {t: k for t, k in sorted(plus.items()) if k >= least},
            {t: k for t, k in sorted(minus.items()) if k >= least},
        )
    return SeriesTable(pairs)


def of_corpus(corpus) -> SeriesTable:
    """The table of a corpus's documents (their bodies as loaded)."""
    if len({d.entity for d in corpus}) < COMMON_MIN:
        return SeriesTable()
    return series_table((d.series, d.entity, d.year, d.body) for d in corpus)


def of_frames(sections: pd.DataFrame, documents: pd.DataFrame) -> SeriesTable:
    """The table of a comparison's documents (their bodies rebuilt from ``sections``)."""
    from .digest_cite import Bodies

    if documents["entity"].nunique() < COMMON_MIN:
        return SeriesTable()
    bodies = Bodies(sections)
    have = set(sections["doc_id"].astype(str))
    rows = documents[["doc_id", "series", "entity", "year"]].astype(object)
    return series_table(  # a document without sections has an empty body, as loaded
        (s, e, y, bodies.body(str(d)) if str(d) in have else "")
        for d, s, e, y in rows.itertuples(index=False)
    )
