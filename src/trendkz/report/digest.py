"""What changed, on one page: ``digest(comparison) -> Digest``, a ranked list per pair.

For every entity and every consecutive pair of documents in a series, :func:`digest`
collects the candidate changes (:mod:`trendkz.report.digest_items`,
:mod:`trendkz.report.digest_sentences`), scores each as ``weight[kind] × strength`` (×
the multipliers below) and ranks them (:mod:`trendkz.report.digest_rank`). Every item
cites both sides where it has one: document, section heading, character span in the body
and the quote that span holds.

Kinds, their default weights (``DEFAULT_WEIGHTS``, tunable with ``weights=``; 0 leaves a
kind out) and the strength each is given (roughly 0–5; ``score_detail`` spells it out):

==================== ====== ===========================================================
kind                 weight strength
==================== ====== ===========================================================
framing shift        1.6    share of a lexicon term's uses in quotation marks (or
                            hedged) changed by ≥ 0.2: ``1 + 3|Δshare|``, +0.5 when the
                            share becomes all or none, × ``min(1, fewer uses / 4)``
fact moved           1.3    a fact rose or fell: ``1 + min(2, |log2(new / old)|)``
qualifier changed    1.0    same measure stated differently ("about" → "more than"): 1.5
section added        1.4    ``log10(1 + words) × min(1, words / 60)``, at most 3
section removed      1.2    the same
section rewritten    0.6    ``(1 - similarity) × size``
term rising/falling  1.3    keyness of a word or word pair (G² of the pair, p < 0.01,
                            ≥ 4 uses): ``log2(G² / 3.84)``, at most 3; +0.5 for a
                            lexicon term
sentence added       1.0    ``0.6 + 0.9·numbers + 0.5·dated + 0.15·lexicon terms +
                            0.3·key words + 0.15·new words`` (capped at 2, 2, 3 and
                            6): numbers are the facts it
                            states (a duration, "a five-year program", counts half);
                            dated: it names a month (an event of the year); new words:
                            words the other document never uses
sentence removed     0.7    the same without "dated" (last year's events are expected to
                            go: a dropped sentence weighs less than a new one)
sentence changed     1.0    ``0.2 + words changed + 1.0·figures changed + 0.3·dates
                            changed + 0.5·now dated + 1.5·negation flipped + 0.3·key
                            words + 0.15·new words``: a rewording whose words are mostly
                            new, a figure that changed, "not sufficient" → "sufficient".
                            Words changed: the words in, plus half the words out, over
                            all words (a list cut short is less news), compared less a
                            plural or third-person "s", an acronym spelled out ("FAA" →
                            "Fusi Alofa Association") the same words; each figure
                            changed weighs ``min(1, 0.5 + |log2(new / old)|)`` (a yearly
                            statistic refreshed by a tenth 0.64, one that doubled 1);
                            now dated: it names a month the old one did not (an event)
==================== ====== ===========================================================

A qualifier that differs only in articles or "of" ("a maximum of 6" → "a maximum 6") is
no change.

A sentence counts half under five words, 0.3 when it points elsewhere ("See the ...
report", a web address) and 0.6 when it opens with "For example" (an example of what the
sentence before says). Multipliers, also in ``weights=``: ``lead section`` (1.25) for a
sentence item in a document's first section when that section has a heading and is short
(a summary or overview: the authors' own choice of what matters); ``paragraph section``
(0.5) for a section item in a headingless text, where every paragraph is a section (its
size says little; the strongest sentence it holds speaks for it, see below); ``common to
the series`` (0.3) for a heading, sentence or term that most entities of the series
changed alike in the same pair of years (:mod:`trendkz.report.digest_series`: a
"Reproductive Rights" subsection every 2020 human rights report gained is the series'
news, not the country's; the headline says "also in 184 of 193 documents of the
series"). The series' own new words ("covid-19" in 2020) count as no sentence's new or
key words.

Stories (:mod:`trendkz.report.digest_story`): consecutive changed sentences of one
passage, on one topic, are one item citing the whole passage, scored by its strongest
sentence; sentences dropped beside a reworded one's earlier place join its story.

The ranking then tells each change once (:mod:`trendkz.report.digest_rank`): sentences of
a new or gone section fold into the section's item (which takes the strongest one's score
when higher); a sentence restating a change ranked above it (the same figure, mostly the
same words, or mostly the same new words: a summary and its body, an event told in two
sections) folds into that item; a fact and the sentence that states it are kept once.
Folded places are cited in ``score_detail`` as "also in “quote” (document start–end)";
the item cites its strongest place, or the one in the document's summary (its short,
headed first section) when the change is told there too.
Ties break by kind (the order of ``DEFAULT_WEIGHTS``), then position in the later
document, then the headline: the ranking is deterministic.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

import numpy as np
import pandas as pd

from .._core import schema
from .._core.errors import OptionError
from ..terms.counts import term_hits
from ..terms.keyness import _count
from . import digest_items as items_module
from . import digest_sentences
from .digest_cite import Bodies
from .digest_rank import rank
from .digest_render import PAIR_KEYS
from .digest_series import SeriesTable, item_common, of_frames

__all__ = ["COLUMNS", "DEFAULT_WEIGHTS", "Digest", "digest"]

DEFAULT_WEIGHTS = {
    "framing shift": 1.6,
    "fact moved": 1.3,
    "qualifier changed": 1.0,
    "section added": 1.4,
    "section removed": 1.2,
    "section rewritten": 0.6,
    "term rising": 1.3,
    "term falling": 1.3,
    "sentence added": 1.0,
    "sentence removed": 0.7,
    "sentence changed": 1.0,
    "lead section": 1.25,
    "paragraph section": 0.5,
    "common to the series": 0.3,
}
#: kinds about a whole document or section (the lead multiplier does not apply)
_WHOLE = ("term rising", "term falling", "framing shift", "section added", "section removed",
          "section rewritten")  # fmt: skip


def _in(span, extent) -> bool:
    return bool(span) and extent is not None and extent[0] <= span[0] < extent[1]


#: the digest frame's columns, in order (declared in ``_core.schema``)
COLUMNS = schema.FRAMES["digest"][0]


@dataclass
class Digest:
    """A ranked digest: ``frame`` (columns :data:`COLUMNS`) and its renderings."""

    frame: pd.DataFrame
    weights: dict = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.frame)

    def __repr__(self) -> str:
        pairs = self.frame[["entity", "doc_from", "doc_to"]].drop_duplicates()
        return f"Digest({len(self.frame)} items, {len(pairs)} document pairs)"

    def to_frame(self) -> pd.DataFrame:
        """A copy of the ranked frame."""
        return self.frame.copy()

    def to_markdown(self) -> str:
        """Markdown: a heading per entity and pair, then the ranked items with citations."""
        from .digest_render import to_markdown

        return to_markdown(self.frame)

    def to_latex(self) -> str:
        """LaTeX ready for ``\\input``: one booktabs table per pair, text escaped."""
        from .digest_render import to_latex

        return to_latex(self.frame)

    def to_html(self, entity: str | None = None) -> str:
        """An HTML fragment (no page around it), for one entity or all."""
        from .digest_render import to_html

        return to_html(self.frame, entity)

    def _repr_html_(self) -> str:
        return self.to_html()


def _pairs(changes: pd.DataFrame, entity, pairs) -> pd.DataFrame:
    cols = PAIR_KEYS
    changes = schema.with_date(
        schema.with_date(changes, "year_from", "date_from"), "year_to", "date_to"
    )
    p = changes[cols].dropna(subset=["doc_from", "doc_to"]).drop_duplicates()
    if entity is not None:
        wanted = [entity] if isinstance(entity, str) else list(entity)
        missing = sorted(set(wanted) - set(p["entity"].astype(str)))
        if missing:
            known = ", ".join(sorted(set(p["entity"].astype(str)))[:10])
            raise OptionError(f"digest: no entity {missing}; known: {known}")
        p = p[p["entity"].isin(wanted)]
    if pairs is not None:
        keep = np.zeros(len(p), dtype=bool)
        for a, b in pairs:
            if isinstance(a, str):
                keep |= (p["doc_from"] == a).to_numpy() & (p["doc_to"] == b).to_numpy()
            else:
                keep |= (p["year_from"] == a).to_numpy() & (p["year_to"] == b).to_numpy()
        p = p[keep]
    return p.sort_values(cols, kind="mergesort").reset_index(drop=True)


def _by_pair(frame: pd.DataFrame) -> dict:
    if frame.empty:
        return {}
    return {k: g for k, g in frame.groupby(["doc_from", "doc_to"], sort=False, dropna=True)}


def _starts(frame: pd.DataFrame) -> dict[str, list[int]]:
    """Per document, the sorted start offsets of ``frame``'s rows (plain ints: bisected
    once per sentence, where a list is faster than an array)."""
    return {
        str(d): np.sort(g["start"].to_numpy(dtype="int64")).tolist()
        for d, g in frame.groupby("doc_id", sort=False)
    }


def _groups(comparison, secs: pd.DataFrame, bodies: Bodies) -> tuple[dict, dict, dict]:
    """Words, first sentence span and first heading of each (document, group)."""
    al = comparison.alignment.dropna(subset=["section_id"])
    g = secs[["doc_id", "section_id", "n_words", "start"]].merge(
        al[["doc_id", "section_id", "group"]], on=["doc_id", "section_id"]
    )
    agg = g.groupby(["doc_id", "group"], sort=False).agg(
        n_words=("n_words", "sum"), start=("start", "min")
    )
    words, first, heads = {}, {}, {}
    for (doc, grp), n, start in zip(
        agg.index.tolist(), agg["n_words"].tolist(), agg["start"].tolist(), strict=True
    ):
        key = (doc, int(grp))
        words[key] = int(n)
        first[key] = span = bodies.sentence_at(doc, int(start))
        lead = " ".join(bodies.body(doc)[span[0] : span[1]].split()[:6])
        heads[key] = bodies.heading(doc, int(start)) or f"¶ {lead}…"
    return words, first, heads


def _tokens(secs: pd.DataFrame) -> dict:
    """Per document, its words and word pairs (:class:`digest_items.DocWords`)."""
    return {
        doc: items_module.DocWords.of(_count(part["text"].fillna("").astype(str), (1, 2)))
        for doc, part in secs.groupby("doc_id", sort=True)
    }


def _weights(weights: dict | None) -> dict:
    unknown = sorted(set(weights or {}) - set(DEFAULT_WEIGHTS))
    if unknown:
        raise OptionError(
            f"digest: unknown kind(s) or multiplier(s) {unknown} in weights;"
            f" valid: {list(DEFAULT_WEIGHTS)}"
        )
    return {**DEFAULT_WEIGHTS, **(weights or {})}


def _cite_row(row: dict, bodies: Bodies) -> None:
    """Fill in a ranked row's citation columns (heading, start, end, quote per side)."""
    it = row.pop("_item", None)
    if it is not None:
        row.update(_cite(it, "from", row["doc_from"], bodies))
        row.update(_cite(it, "to", row["doc_to"], bodies))


def _cite(item: dict, side: str, doc: str, bodies: Bodies) -> dict:
    span = item.get(f"span_{side}")
    if not span or span[1] <= span[0]:
        return {f"heading_{side}": None, f"start_{side}": None, f"end_{side}": None,
                f"quote_{side}": None}  # fmt: skip
    head, s, e, quote = bodies.cite(doc, span[0], span[1], whole=bool(item.get("story")))
    return {f"heading_{side}": head, f"start_{side}": s, f"end_{side}": e, f"quote_{side}": quote}


def digest(
    comparison,
    *,
    top: int | None = 10,
    entity=None,
    pairs=None,
    weights: dict | None = None,
    lexicon=None,
    series: SeriesTable | None = None,
) -> Digest:
    """The changes that matter, ranked, for each entity and consecutive document pair.

    ``top`` items per pair (``None``: all); ``entity`` one entity or a list; ``pairs`` a
    list of ``(year_from, year_to)`` or ``(doc_from, doc_to)``; ``weights`` maps a kind to
    its weight, or a multiplier (``lead section``, ``paragraph section``, ``common to the
    series``) to its value
    (see the module docs; 0 leaves a kind out); ``lexicon`` the one the
    comparison was counted with (``None``: the built-in lexicon); ``series`` what the
    series' entities changed alike (:func:`trendkz.report.digest_series.series_table`;
    ``None``: worked out from the comparison's own documents, when it holds five
    entities or more).

    Returns
    -------
    Digest
        ``.frame`` with columns ``entity, series, year_from, year_to, date_from, date_to,
        doc_from, doc_to, rank, kind, status, headline, score, score_detail, term,
        measure`` and the citation of each side, ``heading_from, start_from, end_from,
        quote_from, heading_to, start_to, end_to, quote_to`` (``body[start:end] ==
        quote``), pairs in order, each pair's items by ``rank``; ``to_markdown()``,
        ``to_latex()``, ``to_html()``.
    """
    if top is not None and (not isinstance(top, int) or top < 1):
        raise OptionError(f"digest: top must be a positive int or None, got {top!r}")
    w = _weights(weights)
    todo = _pairs(comparison.changes, entity, pairs)
    docs = sorted(set(todo["doc_from"]) | set(todo["doc_to"]))
    secs = comparison.sections[comparison.sections["doc_id"].isin(docs)]
    rows: list[dict] = []
    if series is None:
        series = of_frames(comparison.sections, comparison.documents) if len(todo) else None
    table = series if series is not None else SeriesTable()
    if len(todo):
        bodies = Bodies(secs)
        hits = term_hits(secs, lexicon)
        hit_starts = _starts(hits)
        facts_here = comparison.facts[comparison.facts["doc_id"].isin(docs)]
        lasting = facts_here["unit"].isin(digest_sentences.DURATIONS).to_numpy(dtype=bool)
        fact_starts = (_starts(facts_here[~lasting]), _starts(facts_here[lasting]))
        words_of = _tokens(secs)
        empty = items_module.DocWords.of(Counter())
        totals = {d: w.n_words for d, w in words_of.items()}
        vocab = {d: w.vocab for d, w in words_of.items()}
        words, first, heads = _groups(comparison, secs, bodies)
        changes = _by_pair(comparison.changes)
        facts = _by_pair(comparison.fact_changes)
        sents = digest_sentences.rows_by_pair(comparison.sentences)
        uses = items_module.hit_table(hits)
        tokens = digest_sentences.Tokens()  # a sentence is tokenized once, not per pair
        for p in schema.records(todo):
            key = (p.doc_from, p.doc_to)
            u0, u1 = uses.get(p.doc_from, {}), uses.get(p.doc_to, {})
            (new, n), (gone, _) = (table.words(p.series, p.year_from, p.year_to, up)
                                   for up in (True, False))  # fmt: skip
            pair_vocab = vocab
            if new or gone:  # the series' own new words are news of no one entity
                pair_vocab = {**vocab, p.doc_from: vocab.get(p.doc_from, frozenset()) | set(new),
                              p.doc_to: vocab.get(p.doc_to, frozenset()) | set(gone)}  # fmt: skip
            found = items_module.section_changes(
                changes.get(key, comparison.changes.iloc[:0]), words, first, heads
            )
            if key in facts:
                found += items_module.facts_moved(facts[key])
            found += items_module.framing_shifts(u0, u1)
            terms, keys = items_module.key_terms(
                words_of.get(p.doc_from, empty), words_of.get(p.doc_to, empty),
                p.doc_from, p.doc_to, bodies,
            )  # fmt: skip
            lex = items_module.lexicon_terms(
                u0, u1, totals.get(p.doc_from, 0), totals.get(p.doc_to, 0)
            )
            shown = {it["term"] for it in lex}
            found += lex + [it for it in terms if it["term"] not in shown]
            if key in sents:
                keys = keys - set(new) - set(gone)
                found += digest_sentences.sentence_changes(
                    sents[key], bodies, fact_starts, hit_starts, keys, pair_vocab, tokens
                )
                found += digest_sentences.sentences_reworded(
                    sents[key], bodies, keys, pair_vocab, tokens
                )
            scored = []
            for it in found:
                weight = w.get(it["kind"], 0.0)
                if weight <= 0:
                    continue
                times = []  # multipliers: a change in the lead section, a paragraph
                side = "to" if it.get("span_to") else "from"
                doc = p.doc_to if side == "to" else p.doc_from
                in_lead = it["kind"] not in _WHOLE and _in(it.get(f"span_{side}"), bodies.lead(doc))
                if in_lead:
                    times.append("lead section")
                if it.get("headingless"):
                    times.append("paragraph section")
                alike = item_common(it, p, bodies, table, (new, gone, n))
                if alike:
                    times.append("common to the series")
                times = [t for t in times if w[t] != 1]
                factor = float(np.prod([w[t] for t in times])) if times else 1.0
                lead = "".join(f" × {w[t]:g} {t}" for t in times)
                if alike and "common to the series" in times:
                    lead += f" (in {alike[0]} of {alike[1]} entities)"
                    it = {**it, "headline": f"{it['headline']} (also in {alike[0]} of"
                          f" {alike[1]} documents of the series)"}  # fmt: skip
                row = {
                    "entity": p.entity, "series": p.series, "year_from": p.year_from,
                    "year_to": p.year_to, "date_from": p.date_from, "date_to": p.date_to,
                    "doc_from": p.doc_from, "doc_to": p.doc_to,
                    "kind": it["kind"], "status": it["status"], "headline": it["headline"],
                    "score": weight * it["strength"] * factor,
                    "score_detail": f"{weight:g}{lead} × {it['strength']:.2f} ({it['detail']})",
                    "term": it["term"], "measure": it["measure"],
                }  # fmt: skip
                spans = {side: it.get(f"span_{side}") for side in ("from", "to")}
                if not any(sp and sp[1] > sp[0] for sp in spans.values()):
                    continue  # nothing to cite
                row["_item"] = it  # cited once ranked (:func:`_cite_row`)
                row["_novel"] = it.get("novel")
                row["_lead"] = in_lead
                if alike and "common to the series" in times:
                    row["_common"] = w["common to the series"]
                for side, doc in (("from", p.doc_from), ("to", p.doc_to)):
                    span = it.get(f"span_{side}")
                    row[f"_sent_{side}"] = bodies.sentence_at(doc, *span) if span else None
                scored.append(row)
            cite = partial(_cite_row, bodies=bodies)
            rows.extend(rank(scored, top, bodies, list(DEFAULT_WEIGHTS), cite, words_of))
    # the rows are in order already: pairs as _pairs sorts them, then rank
    frame = schema.conform(pd.DataFrame(rows, columns=COLUMNS), "digest", sort=False)
    return Digest(frame=frame, weights=w)
