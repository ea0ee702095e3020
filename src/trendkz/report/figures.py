"""The standard figures of a comparison, as matplotlib ``Figure`` objects (no pyplot state).

Each figure is one of the axes-level ``plot_*`` functions on a figure sized for a journal's
single column (3.5 in wide). For corpora with many entities, the figures show the entity
and series with the most documents (named in the title; the facts figure keeps every series
of that entity, so that reports and analyses of it meet).
"""

from __future__ import annotations

import io
import re

import pandas as pd
from matplotlib.figure import Figure

from .._core.vocab import ADDED, REMOVED
from .plots import plot_coverage, plot_facts, plot_similarity, plot_terms
from .timeaxis import several_a_year

__all__ = [
    "chosen_entities",
    "entity_slugs",
    "figure_bytes",
    "figures_of",
    "make_figures",
    "main_series",
    "top_measures",
]

WIDTH = 3.5  # inches: one journal column
MAX_ROWS = 30


def figure_bytes(fig, fmt: str) -> bytes:
    """A figure as SVG or PNG bytes with nothing that changes between runs; PDF and PS
    embed TrueType fonts (Type 42), which journals accept, never Type 3."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context(
        {"svg.hashsalt": "trendkz", "svg.fonttype": "path", "pdf.fonttype": 42, "ps.fonttype": 42}
    ):
        if fmt == "svg":
            fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
        elif fmt == "png":
            fig.savefig(buf, format="png", dpi=200, metadata={"Software": None})
        elif fmt == "pdf":
            fig.savefig(buf, format="pdf", metadata={"CreationDate": None, "Creator": None})
        else:
            fig.savefig(buf, format=fmt)
    return buf.getvalue()


def main_series(documents: pd.DataFrame) -> tuple[str, str] | None:
    """(entity, series) with the most documents; ties broken by name."""
    docs = documents.dropna(subset=["entity", "series"])
    if docs.empty:
        return None
    n = docs.groupby(["entity", "series"]).size().reset_index(name="n")
    n = n.sort_values(["n", "entity", "series"], ascending=[False, True, True], kind="mergesort")
    return n.iloc[0]["entity"], n.iloc[0]["series"]


def top_measures(facts: pd.DataFrame, fact_changes: pd.DataFrame, n: int = 4) -> list[str]:
    """Measures worth a panel, at most ``n``: counts before durations and money, named
    with their verb ("websites blocked") before bare nouns ("members"), then those stated in
    the most distinct documents, then the most facts; ties by name."""
    if facts.empty:
        return []
    linked = set(fact_changes["measure"]) if len(fact_changes) else set()
    f = facts.dropna(subset=["measure"])
    f = f[f["measure"].isin(linked)] if linked else f
    f = f.assign(_count=(f["unit"] == "count").astype(float))
    score = f.groupby("measure").agg(
        docs=("doc_id", "nunique"),
        facts=("doc_id", "size"),
        counts=("_count", "mean"),
    )
    score = score[score["docs"] >= 2] if (score["docs"] >= 2).any() else score
    score = score.reset_index()
    score["named"] = score["measure"].str.contains(" ")
    score = score.sort_values(
        ["counts", "named", "docs", "facts", "measure"],
        ascending=[False, False, False, False, True],
        kind="mergesort",
    )
    return score["measure"].head(n).tolist()


def _of(frame: pd.DataFrame, key: tuple[str, str] | None) -> pd.DataFrame:
    if key is None or frame.empty:
        return frame
    return frame[(frame["entity"] == key[0]) & (frame["series"] == key[1])]


def make_figures(comparison) -> dict[str, Figure]:
    """Name → Figure for ``terms``, ``similarity``, ``coverage`` and ``facts`` of the main
    entity (the entity and series with the most documents; see :func:`main_series`)."""
    several = comparison.documents["entity"].nunique() > 1
    return figures_of(comparison.frames, main_series(comparison.documents), several=several)


def figures_of(
    frames: dict[str, pd.DataFrame], key: tuple[str, str] | None, *, several: bool = False
) -> dict[str, Figure]:
    """The standard figures of ``frames`` for the entity and series ``key``; with
    ``several`` the facts figure keeps to the entity (every series of it) and says so."""
    suffix = f" — {key[0]}" if key else ""
    figs: dict[str, Figure] = {}

    terms = _of(frames["terms"], key)
    if len(terms):
        top = terms.groupby("term")["count"].sum().sort_values(ascending=False, kind="mergesort")
        chosen = sorted(top[top > 0].head(4).index.tolist())
        if chosen:
            fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
            plot_terms(terms, terms=chosen, ax=fig.add_subplot())
            fig.axes[0].set_title(f"Framing terms{suffix}", fontsize="medium")
            figs["terms"] = fig

    changes = _of(frames["changes"], key)  # new or gone sections have no similarity
    changes = changes[~changes["status"].isin([ADDED, REMOVED])].dropna(subset=["similarity"])
    if len(changes):
        groups = (
            changes.groupby("label")["similarity"]
            .min()
            .sort_values(kind="mergesort")
            .head(MAX_ROWS)
            .index
        )
        part = changes[changes["label"].isin(groups)]
        pairs = part[["year_from", "year_to"]].drop_duplicates().shape[0]
        width = max(WIDTH + 1.2, 2.9 + 0.5 * pairs)  # wider than a column past 4 pairs
        dated = several_a_year(part, "year_to", "date_to")  # upright dates below
        if dated:
            pairs = part["date_to"].nunique()
            width = max(WIDTH + 1.2, 2.9 + 0.32 * pairs)
        height = 0.9 + 0.28 * len(groups) + (0.9 if dated else 0)
        fig = Figure(figsize=(width, height), layout="constrained")
        plot_similarity(part, ax=fig.add_subplot())
        fig.axes[0].set_title(f"Section similarity{suffix}", fontsize="medium")
        figs["similarity"] = fig

    alignment = _of(frames["alignment"], key)
    if len(alignment):
        labels = list(dict.fromkeys(alignment["label"]))[: MAX_ROWS * 2]
        part = alignment[alignment["label"].isin(labels)]
        dated = several_a_year(part)  # upright dates below
        height = 1.2 + 0.22 * len(labels) + (0.9 if dated else 0)
        width = max(WIDTH + 1.2, 2.9 + 0.2 * part["date"].nunique()) if dated else WIDTH + 1.2
        fig = Figure(figsize=(width, height), layout="constrained")
        plot_coverage(part, ax=fig.add_subplot())
        fig.axes[0].set_title(f"Sections present{suffix}", fontsize="medium")
        figs["coverage"] = fig

    facts, fact_changes = frames["facts"], frames["fact_changes"]
    if key and several:  # one entity's numbers: reports and analyses of it, any series
        facts = facts[facts["entity"] == key[0]]
        fact_changes = fact_changes[fact_changes["entity"] == key[0]]
    measures = top_measures(facts, fact_changes)
    if measures:
        facts = facts.assign(source=facts["kind"].astype(str) + " " + facts["year"].astype(str))
        n = len(measures)
        fig = Figure(
            figsize=(WIDTH * (2 if n > 1 else 1), 3.0 * ((n + 1) // 2)), layout="constrained"
        )
        for i, m in enumerate(measures):
            ax = fig.add_subplot((n + 1) // 2, 2 if n > 1 else 1, i + 1)
            plot_facts(facts, measure=m, hue="source", ax=ax)
            ax.set_title(m, fontsize="small")
            ax.set_ylabel("value")
        if key and several:
            fig.suptitle(f"Facts{suffix}", fontsize="medium")
        figs["facts"] = fig
    return figs


#: the frames the figures of one entity are drawn from
FIGURE_FRAMES = ("documents", "terms", "changes", "alignment", "facts", "fact_changes")


def entity_slug(entity: str) -> str:
    """A file name for ``entity``: lower case ASCII letters, digits and hyphens."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", str(entity)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "entity"


def entity_slugs(entities) -> dict[str, str]:
    """Entity → unique slug (a number added when two entities slug alike)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for e in sorted(set(entities)):
        base = slug = entity_slug(e)
        k = 1
        while slug in used:
            k += 1
            slug = f"{base}-{k}"
        used.add(slug)
        out[e] = slug
    return out


def chosen_entities(documents: pd.DataFrame, entities=None) -> list[str]:
    """The entities of ``documents`` named in ``entities`` (each checked to exist, an
    unknown one reported with the closest names), or all of them; sorted."""
    from .._core.errors import OptionError

    known = sorted(documents["entity"].dropna().unique().tolist())
    if entities is None:
        return known
    missing = [e for e in entities if e not in known]
    if missing:
        from rapidfuzz import process

        hints = {m: [c for c, *_ in process.extract(m, known, limit=3)] for m in missing}
        raise OptionError(
            "entities not in the corpus: "
            + "; ".join(f"{m!r} (closest: {', '.join(map(repr, h))})" for m, h in hints.items())
        )
    return [e for e in known if e in set(entities)]
