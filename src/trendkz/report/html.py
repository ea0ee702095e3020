"""The self-contained ``index.html`` of a saved comparison: figures inline, main tables."""

from __future__ import annotations

import html

import pandas as pd

from .._core.vocab import DOWN, QUALIFIER_CHANGED, UP

__all__ = ["index_html"]

MAX_ROWS = 60
_CSS = """
body{font:15px/1.45 Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.5em} h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font:12px/1.3 system-ui,sans-serif;margin:.5em 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3} figure{margin:1em 0} figure svg{max-width:100%;height:auto}
.note{color:#555;font-size:.9em}
"""


def _table(frame: pd.DataFrame, columns: list[str] | None = None) -> str:
    if frame is None or frame.empty:
        return "<p class='note'>(none)</p>"
    cols = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    shown = frame[cols].head(MAX_ROWS).astype(object)
    shown = shown.where(shown.notna(), "").map(_cell)
    more = (
        f"<p class='note'>… {len(frame) - MAX_ROWS} more rows in the CSV.</p>"
        if len(frame) > MAX_ROWS
        else ""
    )
    return shown.to_html(index=False, border=0) + more


def _cell(v):
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() and abs(v) >= 1 else f"{v:.3f}"
    return v


def _svg(data: bytes) -> str:
    text = data.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else ""


def _moved(fact_changes: pd.DataFrame) -> pd.DataFrame:
    """Facts whose value or qualifier changed; all links when none did."""
    moved = fact_changes[fact_changes["status"].isin([UP, DOWN, QUALIFIER_CHANGED])]
    return moved if len(moved) else fact_changes


def index_html(comparison, svgs: dict[str, bytes]) -> str:
    """HTML page with every figure (inline SVG) and the main tables (first rows)."""
    docs = comparison.documents
    aligned = (
        comparison.alignment_table().to_html_compact(max_rows=MAX_ROWS)
        if len(comparison.alignment)
        else "<p class='note'>(none)</p>"
    )
    captions = {
        "terms": "Framing terms per 1,000 words by year; dashed: hits inside quotation marks.",
        "similarity": "How much each section changed between consecutive years (1 = same).",
        "coverage": "Which section groups are present in which year.",
        "facts": "Facts over time; bars are intervals, hollow markers with arrows are "
        'open-ended ("more than").',
    }
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<title>trendkz report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>trendkz report</h1>",
        f"<p>{len(docs)} documents; options: "
        f"{html.escape(', '.join(f'{k}={v}' for k, v in sorted(comparison.options.items())))}"
        "</p>",
        "<h2>Documents</h2>",
        _table(
            docs, ["doc_id", "entity", "series", "year", "kind", "title", "n_words", "date_source"]
        ),
    ]
    for name, data in svgs.items():
        parts.append(
            f"<h2>Figure: {html.escape(name)}</h2><figure>{_svg(data)}"
            f"<figcaption class='note'>{html.escape(captions.get(name, ''))}"
            "</figcaption></figure>"
        )
    parts += [
        "<h2>Section alignment</h2>",
        aligned,
        "<h2>What changed</h2>",
        _table(
            comparison.changes,
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
        ),
        "<h2>Facts that changed</h2><p class='note'>Links whose value or qualifier changed; "
        "every link (new, dropped, same) is in <code>tables/fact_changes.csv</code>.</p>",
        _table(
            _moved(comparison.fact_changes),
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
        ),
        "<h2>Corroboration</h2>",
        _table(comparison.corroboration),
        "<p class='note'>Every table is in full in <code>tables/</code>; "
        "<code>manifest.json</code> holds the SHA-256 of every input and output.</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
