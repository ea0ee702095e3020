"""The ``index.html`` of a saved comparison (figures of the main entity inline, the main
tables, a table of entities linking to their pages) and the HTML pieces pages share."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from .._core.schema import records
from .._core.vocab import CHANGED, DOWN, QUALIFIER_CHANGED, REWRITTEN, UP
from .timeaxis import pair_label

__all__ = [
    "CAPTIONS",
    "CSS",
    "index_html",
    "kwic_html",
    "most_changed",
    "moved_facts",
    "table",
]

MAX_ROWS = 60
CAPTIONS = {
    "terms": "Framing terms per 1,000 words by year; dashed: hits inside quotation marks.",
    "similarity": "How much each section changed between consecutive years (1 = same).",
    "coverage": "Which section groups are present in which year.",
    "facts": "Facts over time; bars are intervals, hollow markers with arrows are "
    'open-ended ("more than"). On entity pages: the median stated value per year.',
}
CSS = """
body{font:15px/1.45 Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.5em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
h3{font-size:1em;margin:1.2em 0 .3em}
table{border-collapse:collapse;font:12px/1.3 system-ui,sans-serif;margin:.5em 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3} figure{margin:1em 0} figure svg,figure img{max-width:100%;height:auto}
.note{color:#555;font-size:.9em} nav{font:13px system-ui,sans-serif;margin-bottom:1em}
nav a{margin-right:1em} nav details{margin-top:.4em;line-height:1.8}
table.kwic td.left{text-align:right} table.kwic td.match{text-align:center;font-weight:bold}
table.kwic td.right{text-align:left} table.kwic td{white-space:nowrap;border:0}
.diff{font-size:13px;border-left:3px solid #ccc;padding-left:.6em;max-height:30em;overflow:auto}
"""


def table(frame: pd.DataFrame, columns: list[str] | None = None, total: int | None = None) -> str:
    """The first :data:`MAX_ROWS` rows of ``frame`` as an HTML table (escaped); ``total``:
    the rows of the whole table when ``frame`` holds only its first rows."""
    if frame is None or frame.empty:
        return "<p class='note'>(none)</p>"
    total = len(frame) if total is None else total
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    shown = frame[cols].head(MAX_ROWS).astype(object)
    shown = shown.where(shown.notna(), "").map(_cell)
    more = (
        f"<p class='note'>… {total - MAX_ROWS} more rows in the CSV.</p>"
        if total > MAX_ROWS
        else ""
    )
    return shown.to_html(index=False, border=0) + more


def _cell(v):
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() and abs(v) >= 1 else f"{v:.3f}"
    return v


def kwic_html(kwic: pd.DataFrame, max_rows: int = 20) -> str:
    """Keywords in context as a concordance: the left context right-aligned against the
    match, the right context left-aligned after it, year and document first."""
    if kwic.empty:
        return "<p class='note'>(none)</p>"
    rows = []
    for r in records(kwic.head(max_rows)):
        mark = " <span class='note'>(quoted)</span>" if r.is_quoted else ""
        rows.append(
            f"<tr><td>{r.year}</td><td class='left'>{html.escape(r.left)}</td>"
            f"<td class='match'>{html.escape(r.match)}</td>"
            f"<td class='right'>{html.escape(r.right)}{mark}</td></tr>"
        )
    more = len(kwic) - max_rows
    tail = f"<p class='note'>… {more} more.</p>" if more > 0 else ""
    return "<table class='kwic'><tbody>" + "".join(rows) + "</tbody></table>" + tail


def _svg(data: bytes) -> str:
    text = data.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""


def most_changed(changes: pd.DataFrame, n: int = 3, *, min_tokens: int = 5) -> pd.DataFrame:
    """The ``n`` section pairs that changed most: lowest similarity among ``changed`` and
    ``rewritten`` pairs where both sides changed (at least ``min_tokens`` tokens added and
    removed, so a section emptied or filled in one year does not crowd out real rewrites;
    all pairs when none qualifies); ties: the latest years, then group."""
    ch = changes[changes["status"].isin([CHANGED, REWRITTEN])]
    both = ch[(ch["n_added"] >= min_tokens) & (ch["n_removed"] >= min_tokens)]
    ch = both if len(both) else ch
    return ch.sort_values(
        ["similarity", "year_to", "group"], ascending=[True, False, True], kind="mergesort"
    ).head(n)


def moved_facts(fact_changes: pd.DataFrame) -> pd.DataFrame:
    """Facts whose value or qualifier changed; all links when none did."""
    moved = fact_changes[fact_changes["status"].isin([UP, DOWN, QUALIFIER_CHANGED])]
    return moved if len(moved) else fact_changes


def _options(options: dict) -> str:
    shown = []
    for k, v in sorted(options.items()):
        if k == "lexicon" and isinstance(v, dict):
            v = f"{v.get('name') or 'custom'} ({len(v.get('terms', {}))} terms)"
        shown.append(f"{k}={'built-in' if k == 'lexicon' and v is None else v}")
    return html.escape(", ".join(shown))


def _entities(docs: pd.DataFrame, worst: pd.DataFrame, slugs: dict[str, str]) -> str:
    """One row per entity: a link to its page, documents, years and its most changed
    section (``worst``: each entity's row of :func:`most_changed`)."""
    top: Any = worst.drop_duplicates("entity").set_index("entity")
    rows = []
    for e, slug in slugs.items():
        d = docs[docs["entity"] == e]
        years = d["year"].dropna()
        span = f"{years.min()}–{years.max()}" if len(years) else ""
        w = (
            f"{html.escape(str(top.at[e, 'label']))} "
            f"({pair_label(top.loc[e], '→')}, {top.at[e, 'similarity']:.2f})"
            if e in top.index
            else ""
        )
        rows.append(
            f"<tr><td><a href='entities/{slug}.html'>{html.escape(e)}</a></td>"
            f"<td>{len(d)}</td><td>{span}</td><td>{w}</td></tr>"
        )
    return (
        "<table><thead><tr><th>entity</th><th>documents</th><th>years</th>"
        "<th>most changed section</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def index_html(view: dict, svgs: dict[str, bytes], slugs: dict[str, str]) -> str:
    """HTML page with the entities (links to their pages), every figure of the main
    entity (inline SVG) and the main tables (first rows). ``view``: ``documents``,
    ``options``, ``alignment`` (HTML), ``worst`` (:func:`_entities`) and, as
    ``(first rows, all rows)``, ``changes``, ``fact_changes`` (moved first) and
    ``corroboration``."""
    docs = view["documents"]
    aligned = view["alignment"]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>trendkz report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>trendkz report</h1>",
        f"<p>{len(docs)} documents, {docs['entity'].nunique()} entities; options: "
        f"{_options(view['options'])}</p>",
    ]
    if slugs:
        parts += [
            f"<h2>Entities ({len(slugs)})</h2><p class='note'>Each page has the entity's "
            "figures, word diffs of its most changed sections, framing terms in context, "
            "the facts that moved and its renamed sections.</p>",
            _entities(docs, view["worst"], slugs),
        ]
    parts += [
        "<h2>Documents</h2>",
        table(
            docs,
            [
                "doc_id",
                "entity",
                "series",
                "year",
                "date",
                "kind",
                "title",
                "n_words",
                "date_source",
            ],
        ),
    ]
    for name, data in svgs.items():
        parts.append(
            f"<h2>Figure: {html.escape(name)}</h2><figure>{_svg(data)}"
            f"<figcaption class='note'>{html.escape(CAPTIONS.get(name, ''))}"
            "</figcaption></figure>"
        )
    parts += [
        "<h2>Section alignment</h2>",
        aligned,
        "<h2>What changed</h2><p class='note'><code>n_added</code>: tokens of the later text "
        "the earlier lacks (insertions and the new side of replacements); "
        "<code>n_removed</code>: the reverse.</p>",
        table(
            view["changes"][0],
            [
                "entity",
                "label",
                "year_from",
                "year_to",
                "similarity",
                "n_added",
                "n_removed",
                "status",
            ],
            view["changes"][1],
        ),
        "<h2>Facts that changed</h2><p class='note'>Links whose value or qualifier changed; "
        "every link (new, dropped, same) is in <code>tables/fact_changes.csv</code>.</p>",
        table(
            view["fact_changes"][0],
            [
                "entity",
                "measure",
                "year_from",
                "year_to",
                "value_from",
                "value_to",
                "qualifier_from",
                "qualifier_to",
                "status",
            ],
            view["fact_changes"][1],
        ),
        "<h2>Corroboration</h2>",
        table(view["corroboration"][0], None, view["corroboration"][1]),
        "<p class='note'>Every table is in full in <code>tables/</code>; "
        "<code>manifest.json</code> holds the SHA-256 of every input and output.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
