"""One page per entity: its figures, its most changed sections as word diffs, its framing
terms in context, the facts that moved and its section alignment.

Pages and figures of many entities are made in worker processes, one entity per job, from
that entity's rows only. A page is a list of ``(title, html)`` sections
(:func:`entity_sections`); other analyses add theirs through ``extras``.
"""

from __future__ import annotations

import html

import pandas as pd

from .figures import FIGURE_FRAMES, chosen_entities, entity_slugs, main_series
from .html import CAPTIONS, CSS, kwic_html, most_changed, moved_facts, table
from .timeaxis import pair_label

__all__ = ["CAPTIONS", "PAGE_FRAMES", "entity_outputs", "entity_page", "entity_sections"]

#: the frames an entity page is made from
PAGE_FRAMES = (*FIGURE_FRAMES, "sections")


def _diffs(frames: dict, rows: pd.DataFrame) -> str:
    from ..diff.changes import section_diff

    if rows.empty:
        return "<p class='note'>(no section changed)</p>"
    parts = []
    for r in rows.to_dict("records"):
        d = section_diff(frames["sections"], frames["alignment"], r)
        parts.append(
            f"<h3>{html.escape(str(r['label']))}: {pair_label(r)} "
            f"<span class='note'>(similarity {r['similarity']:.2f})</span></h3>"
            f"<div class='diff'>{d.to_html(context=8)}</div>"
        )
    return "\n".join(parts)


def _framing(frames: dict, lexicon) -> str:
    from ..terms.kwic import keywords_in_context

    t = frames["terms"]
    if t.empty or t["count"].sum() == 0:
        return "<p class='note'>(no lexicon term occurs)</p>"
    g = t.groupby(["term", "year"], sort=True)[["count", "quoted", "hedged"]].sum()
    top = g.groupby("term")["count"].sum().sort_values(ascending=False, kind="mergesort")
    top = top[top > 0].head(5).index.tolist()
    cells = (g["quoted"].astype(str) + "/" + g["count"].astype(str)).unstack("year")
    shown = cells.loc[top].fillna("").rename_axis(columns=None).reset_index()
    shown.columns = [str(c) for c in shown.columns]
    out = [
        "<p class='note'>Hits in quotation marks / all hits, by year.</p>",
        table(shown),
    ]
    sec = frames["sections"]
    recent = sec[sec["year"] >= sorted(sec["year"].unique())[-2:][0]] if len(sec) else sec
    k = keywords_in_context(recent, top[0], window=8, lexicon=lexicon)
    out.append(f"<h3>“{html.escape(top[0])}” in context, last two years</h3>{kwic_html(k)}")
    return "\n".join(out)


def entity_sections(frames: dict, figures: dict[str, str], lexicon=None) -> list[tuple[str, str]]:
    """The sections of one entity's page, ``(title, html)`` in order. ``frames`` are the
    entity's rows of :data:`PAGE_FRAMES`; ``figures`` name → relative SVG path."""
    from ..align.table import group_headings

    docs = frames["documents"]
    figs = "".join(
        f"<figure><img src='{html.escape(src)}' alt='{html.escape(name)} figure'>"
        f"<figcaption class='note'>{html.escape(CAPTIONS.get(name.rstrip('0123456789'), ''))}"
        "</figcaption></figure>"
        for name, src in figures.items()
    )
    changes = frames["changes"]
    cols = ["label", "year_from", "year_to", "similarity", "n_added", "n_removed", "status"]
    heads = group_headings(frames["alignment"])
    renamed = heads[heads["n_headings"] > 1]
    fact_cols = ["measure", "year_from", "year_to", "value_from", "value_to", "status"]
    sections = [
        ("Documents", table(docs, ["doc_id", "series", "year", "kind", "title", "n_words"])),
        ("Figures", figs or "<p class='note'>(nothing to draw)</p>"),
        ("Most changed sections", table(most_changed(changes, 10), cols)),
        ("Word diffs of the most changed sections", _diffs(frames, most_changed(changes, 3))),
        ("Framing terms", _framing(frames, lexicon)),
        ("Facts that changed", table(moved_facts(frames["fact_changes"]), fact_cols)),
        (
            "Sections renamed",
            "<p class='note'>Groups whose heading changed over the years: each heading with "
            "its years, the most used first (the group's label). Which group is present in "
            "which year is in the coverage figure; every row is in "
            "<code>tables/alignment.csv</code>.</p>" + table(renamed, ["label", "headings"]),
        ),
    ]
    return sections


def _nav(entity: str, slugs: dict[str, str]) -> str:
    names = list(slugs)
    i = names.index(entity)
    prev = f"<a href='{slugs[names[i - 1]]}.html'>← {html.escape(names[i - 1])}</a>" if i else ""
    nxt = (
        f"<a href='{slugs[names[i + 1]]}.html'>{html.escape(names[i + 1])} →</a>"
        if i + 1 < len(names)
        else ""
    )
    every = " · ".join(f"<a href='{slugs[e]}.html'>{html.escape(e)}</a>" for e in names)
    return (
        f"<nav><a href='../index.html'>↑ all entities</a> {prev} {nxt}"
        f"<details><summary>every entity ({len(names)})</summary>{every}</details></nav>"
    )


def _page(entity: str, slugs: dict, sections: list[tuple[str, str]]) -> str:
    body = "\n".join(
        f"<section id='s{i}'><h2>{html.escape(title)}</h2>\n{part}</section>"
        for i, (title, part) in enumerate(sections)
    )
    toc = " · ".join(f"<a href='#s{i}'>{html.escape(t)}</a>" for i, (t, _) in enumerate(sections))
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(entity)} — trendkz report</title><style>{CSS}</style></head><body>"
        f"{_nav(entity, slugs)}<h1>{html.escape(entity)}</h1><p class='note'>{toc}</p>\n"
        f"{body}\n</body></html>\n"
    )


def entity_page(entity: str, slugs: dict, frames: dict, lexicon=None, extras=()) -> dict:
    """``entities/<slug>.html`` and its figures → bytes, from the entity's rows of
    :data:`PAGE_FRAMES`; ``extras``: ``(title, html)`` sections appended to the page."""
    from .charts import entity_charts
    from .figures import top_measures

    slug = slugs[entity]
    key = main_series(frames["documents"])
    measures = top_measures(frames["facts"], frames["fact_changes"], n=2)
    charts = entity_charts(frames, key, measures)
    out = {f"entities/{slug}/{n}.svg": svg.encode() for n, svg in charts.items()}
    srcs = {n: f"{slug}/{n}.svg" for n in charts}
    sections = entity_sections(frames, srcs, lexicon) + list(extras)
    out[f"entities/{slug}.html"] = _page(entity, slugs, sections).encode()
    return out


def _one(job: tuple) -> dict[str, bytes]:
    return entity_page(*job)


def entity_outputs(
    comparison,
    entities=None,
    *,
    extras: dict | None = None,
    workers: int | None = None,
    progress: bool = False,
) -> dict[str, bytes]:
    """``entities/<slug>.html`` and ``entities/<slug>/<figure>.svg`` → bytes for every
    chosen entity (default: all). ``extras``: entity → ``[(title, html), ...]`` sections
    appended to its page."""
    from .._core.parallel import map_parts
    from ..terms.lexicon import Lexicon

    chosen = chosen_entities(comparison.documents, entities)
    if not chosen:
        return {}
    slugs = entity_slugs(chosen)
    record = comparison.options.get("lexicon")
    lexicon = None if record is None else Lexicon.coerce(record)
    frames = comparison.frames
    split = {
        name: dict(tuple(frames[name].groupby("entity", sort=False, observed=True)))
        for name in PAGE_FRAMES
    }
    extras = extras or {}
    jobs = [
        (
            e,
            slugs,
            {n: split[n].get(e, frames[n].iloc[:0]) for n in PAGE_FRAMES},
            lexicon,
            tuple(extras.get(e, ())),
        )
        for e in chosen
    ]
    del split
    backend = "serial" if len(jobs) < 8 or workers == 1 else "processes"
    parts = map_parts(
        _one, jobs, workers=workers, backend=backend, progress=progress, units=("pages", "entity")
    )
    out: dict[str, bytes] = {}
    for part in parts:
        out.update(part)
    return out
