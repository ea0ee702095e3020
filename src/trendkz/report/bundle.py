"""Everything a report needs from one entity, made where that entity's frames are.

:func:`entity_bundle` runs in a worker process (or in the caller with one worker), one
entity at a time: it runs the comparison chain on the entity's documents (or takes its rows
of a finished comparison), writes its rows of every table as CSV blocks into a staging file
(:mod:`trendkz.report.blocks`), computes its digest, makes its page and figures, and returns
only small things: the documents, the block index, the digest rows, the page files and the
first rows the index page shows. The caller never holds a whole table.
"""

from __future__ import annotations

import os

import pandas as pd

from .._core import schema
from .blocks import Joined, write_blocks
from .frames import FRAME_NAMES
from .html import MAX_ROWS as HEAD_ROWS  # rows of each table the index page shows

__all__ = ["DIGEST_TITLE", "HEAD_ROWS", "conform_frame", "draw_figures", "entity_bundle"]

#: the title of the digest section on each entity page
DIGEST_TITLE = "What changed most (digest)"


def conform_frame(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` typed and sorted as :mod:`trendkz._core.schema` declares the frame kind
    ``name`` (columns it does not declare kept after the declared ones)."""
    declared = schema.FRAMES[name][0]
    return schema.conform(frame, name, extra=tuple(c for c in frame.columns if c not in declared))


def _heads(frames: dict) -> dict:
    """What the index page shows of this entity: first rows and row counts."""
    from .._core.vocab import DOWN, QUALIFIER_CHANGED, UP
    from ..align.table import alignment_table
    from .html import most_changed

    fc = frames["fact_changes"]
    moved = fc[fc["status"].isin([UP, DOWN, QUALIFIER_CHANGED])]
    al = frames["alignment"]
    wide = alignment_table(al) if len(al) else None
    return {
        "changes": (frames["changes"].head(HEAD_ROWS), len(frames["changes"])),
        "moved": (moved.head(HEAD_ROWS), len(moved)),
        "fact_changes": (fc.head(HEAD_ROWS), len(fc)),
        "corroboration": (frames["corroboration"].head(HEAD_ROWS), len(frames["corroboration"])),
        "worst": most_changed(frames["changes"], 1),
        "wide": None if wide is None else (wide.head(HEAD_ROWS), len(wide), list(wide.columns)),
    }


def draw_figures(frames: dict, ctx: dict) -> dict[str, bytes]:
    """The report's main figures (``figures/<name>.svg``, and ``.png`` unless turned off,
    in :func:`~trendkz.report.figures.figures_of` order) from these frames."""
    from .figures import figure_bytes, figures_of

    out = {}
    for name, fig in figures_of(frames, ctx["key"], several=ctx["several"]).items():
        out[f"figures/{name}.svg"] = figure_bytes(fig, "svg")
        if ctx["pngs"]:
            out[f"figures/{name}.png"] = figure_bytes(fig, "png")
    return out


def _staged(files: dict[str, bytes], path: str) -> dict[str, Joined]:
    """``files`` written one after another into the staging file ``path``, each given
    back as a :class:`Joined` range of it (the caller reads them when it writes them)."""
    out = {}
    with open(path, "wb") as fh:
        for name, data in files.items():
            out[name] = Joined(b"", [(path, fh.tell(), len(data))], compress=False)
            fh.write(data)
    return out


def entity_bundle(job: tuple) -> dict:
    """One entity's share of a report. ``job``: ``(index, entity, part, ctx)`` where
    ``part`` is a :class:`~trendkz.Corpus` (the chain runs on it) or the entity's frames,
    and ``ctx`` the report's settings (see :func:`trendkz.report.assemble.run_parts`)."""
    from types import SimpleNamespace

    from .chain import _chain
    from .digest import digest
    from .figures import FIGURE_FRAMES
    from .pages import PAGE_FRAMES, entity_page

    index, entity, part, ctx = job
    frames = part if isinstance(part, dict) else _chain(part, ctx["opts"])
    frames = {name: conform_frame(frames[name], name) for name in FRAME_NAMES}
    out: dict = {"entity": entity, "documents": frames["documents"]}
    out["rows"] = {name: len(frames[name]) for name in FRAME_NAMES}
    path = os.path.join(ctx["staging"], f"part{index:05d}.csv")
    with open(path, "wb") as fh:
        out["tables"] = {name: write_blocks(frames[name], name, fh) for name in ctx["tables"]}
    out["path"] = path
    ranked = digest(SimpleNamespace(**frames), lexicon=ctx["lexicon"], series=ctx.get("series"))
    out["digest"] = ranked.frame
    del frames["sentences"], frames["chrome"]  # not needed below: let them go early
    out["index"] = _heads(frames)
    out["files"] = {}
    if entity in ctx["slugs"]:
        extras = [(DIGEST_TITLE, ranked.to_html(entity))]
        page = {n: frames[n] for n in PAGE_FRAMES}
        made = entity_page(entity, ctx["slugs"], page, ctx["lexicon"], extras)
        out["files"] = _staged(made, os.path.join(ctx["staging"], f"page{index:05d}"))
    if ctx["figures"] == "all":  # the caller draws from every part's rows
        out["figure_frames"] = {n: frames[n] for n in FIGURE_FRAMES}
    elif ctx["figures"] == entity:
        out["figures"] = draw_figures(frames, ctx)
    return out
