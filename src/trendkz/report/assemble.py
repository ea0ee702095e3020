"""A report made entity by entity: the parts run (in workers), then joined here.

:func:`run_bundles` hands each entity to :func:`trendkz.report.bundle.entity_bundle` (one
per worker job) and :func:`report_outputs` joins what they return into the report's files:
every table as a :class:`~trendkz.report.blocks.Joined` file of the parts' CSV blocks, the
pages and figures, the digest, and the index page from the parts' first rows. The files are
the same bytes whatever the workers, and the same as a comparison saved whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from .blocks import Joined, block_order
from .bundle import HEAD_ROWS, conform_frame, draw_figures, entity_bundle
from .frames import FRAME_NAMES

__all__ = ["context", "report_outputs", "rows_summary", "run_bundles", "split_comparison"]


def context(documents: pd.DataFrame, settings: dict, opts: dict, staging: str, series=None) -> dict:
    """What every part needs to know of the whole report (sent with each job); ``series``
    is the digest's table of what the series' entities changed alike
    (:mod:`trendkz.report.digest_series`), made once from every document."""
    from .figures import chosen_entities, entity_slugs, main_series

    key = main_series(documents)
    several = documents["entity"].nunique() > 1
    parts = sorted(set(documents["entity"].fillna("")))
    if len(parts) == 1:  # who draws the main figures: the one part,
        figures = parts[0]
    elif several and key is not None:  # the part of the main entity,
        figures = key[0]
    else:  # or the caller, from every part's rows
        figures = "all"
    return {
        "opts": opts,
        "lexicon": opts.get("lexicon"),
        "tables": list(settings["tables"]),
        "slugs": entity_slugs(chosen_entities(documents, settings["entities"])),
        "key": key,
        "several": several,
        "pngs": settings["pngs"],
        "figures": figures,
        "staging": staging,
        "series": series,
    }


def split_comparison(comparison) -> list[tuple[str, dict]]:
    """``(entity, frames)`` per entity of a finished comparison, in entity order (the
    documents without one first, as :meth:`trendkz.Corpus.by_entity` orders them)."""
    docs = comparison.documents
    entity_of = dict(zip(docs["doc_id"], docs["entity"].fillna(""), strict=True))
    keys = sorted(set(entity_of.values()))
    split = {}
    for name, frame in comparison.frames.items():
        if "entity" in frame.columns:
            by = frame["entity"].fillna("").astype(object)
        else:
            by = frame["doc_id"].map(entity_of).fillna("")
        split[name] = dict(tuple(frame.groupby(by.to_numpy(), sort=False)))
        split[name] = {k: split[name].get(k, frame.iloc[:0]) for k in keys}
    return [(k, {name: split[name][k] for name in FRAME_NAMES}) for k in keys]


def run_bundles(parts: Sequence[tuple[str, Any]], ctx: dict, *, workers, backend, progress):
    """:func:`entity_bundle` of every ``(entity, corpus or frames)``, in order."""
    from .._core.parallel import map_parts

    jobs = [(i, entity, part, ctx) for i, (entity, part) in enumerate(parts)]
    return map_parts(
        entity_bundle,
        jobs,
        workers=workers,
        backend=backend,
        progress=progress and len(jobs) > 1,
        units=("entities", "entity"),
    )


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0]
    return pd.concat(full, ignore_index=True) if len(full) > 1 else full[0]


def _head(pairs: list[tuple[pd.DataFrame, int]]) -> tuple[pd.DataFrame, int]:
    """The first rows and the row count of the parts' first rows and counts joined."""
    return _concat([f for f, _ in pairs]).head(HEAD_ROWS), sum(n for _, n in pairs)


def _alignment_html(results: list[dict]) -> str:
    from ..align.table import AlignmentTable

    wides = [r["index"]["wide"] for r in results if r["index"]["wide"] is not None]
    if not wides:
        return "<p class='note'>(none)</p>"
    years = sorted({y for _, _, cols in wides for y in cols})
    head = pd.concat([w for w, _, _ in wides]).head(HEAD_ROWS).reindex(columns=years)
    head.columns.name = "year"
    n_groups = sum(n for _, n, _ in wides)
    return AlignmentTable(head).to_html_compact(max_rows=HEAD_ROWS, n_groups=n_groups)


def _index_view(results: list[dict], documents: pd.DataFrame, options: dict) -> dict:
    idx = [r["index"] for r in results]
    moved = _head([i["moved"] for i in idx])
    return {
        "documents": documents,
        "options": options,
        "alignment": _alignment_html(results),
        "worst": _concat(
            [i["worst"] for i, r in zip(idx, results, strict=True) if r["entity"]]
            or [idx[0]["worst"]]
        ),  # fmt: skip
        "changes": _head([i["changes"] for i in idx]),
        "fact_changes": moved if moved[1] else _head([i["fact_changes"] for i in idx]),
        "corroboration": _head([i["corroboration"] for i in idx]),
    }


def _digest(results: list[dict]):
    from .digest import Digest

    frame = _concat([r["digest"] for r in results])
    order = frame["entity"].sort_values(kind="mergesort", na_position="last").index
    return Digest(frame=frame.loc[order].reset_index(drop=True))


def _figures(results: list[dict], ctx: dict) -> dict[str, bytes]:
    """The main figures: drawn by the part that holds the main entity, or here from every
    part's rows when no one entity has them."""
    from .figures import FIGURE_FRAMES

    if ctx["figures"] != "all":
        return next((r["figures"] for r in results if "figures" in r), {})
    parts = [r.pop("figure_frames") for r in results]
    frames = {n: conform_frame(_concat([p[n] for p in parts]), n) for n in FIGURE_FRAMES}
    return draw_figures(frames, ctx)


def report_outputs(results: list[dict], ctx: dict, settings: dict, options: dict) -> tuple:
    """The report's files (name → bytes or :class:`Joined`) from the parts, in the usual
    order, and the combined ``documents`` frame."""
    from .html import index_html

    documents = conform_frame(_concat([r["documents"] for r in results]), "documents")
    out: dict = {}
    ext = ".csv.gz" if settings["compress"] else ".csv"
    for name in settings["tables"]:
        tables = [r["tables"][name] for r in results]
        header = tables[0]["header"]
        if any(t["header"] != header for t in tables):
            raise RuntimeError(f"trendkz: the parts of table {name!r} have different columns")
        order = block_order(name, [t["blocks"] for t in tables])
        pieces = [(results[i]["path"], off, n) for i, off, n in order]
        out[f"tables/{name}{ext}"] = Joined(header, pieces, settings["compress"])
    figures = _figures(results, ctx)
    out.update(figures)
    svgs = {n[8:-4]: data for n, data in figures.items() if n.endswith(".svg")}
    for r in results:
        out.update(r.pop("files"))
    view = _index_view(results, documents, options)
    out["index.html"] = index_html(view, svgs, ctx["slugs"]).encode()
    ranked = _digest(results)
    out["digest.md"] = ranked.to_markdown().encode()
    out["digest.tex"] = ranked.to_latex().encode()
    return out, documents


def rows_summary(results: list[dict]) -> str:
    """``Comparison(documents=…, …)``: the rows of every frame, as a comparison prints."""
    sizes = ", ".join(f"{n}={sum(r['rows'][n] for r in results)}" for n in FRAME_NAMES)
    return f"Comparison({sizes})"
