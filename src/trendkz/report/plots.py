"""Axes-level figures. Each takes a tidy frame and column names, draws on ``ax`` (or the
current Axes), returns the Axes, and does no analysis, no ``show()``, no ``savefig`` and no
change to global style. Encodings are redundant (marker shape, line style and grey level), so
figures read in greyscale and at a journal's single-column width (3.5 in).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from .._core.errors import OptionError
from .plotstyle import (
    check_legend,
    closest,
    colors_for,
    legend_below,
    one_entity,
    year_ticks,
)
from .timeaxis import several_a_year, time_column

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_coverage", "plot_facts", "plot_similarity", "plot_terms"]

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p")
LINESTYLES = ("-", "--", ":", "-.")


def _axes(ax: Axes | None) -> Axes:
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _need(data: pd.DataFrame, cols: Sequence[str | None], fn: str) -> None:
    if not isinstance(data, pd.DataFrame):
        raise OptionError(f"{fn}: data must be a DataFrame, not {type(data).__name__}")
    missing = [c for c in cols if c and c not in data.columns]
    if missing:
        raise OptionError(f"{fn}: the frame lacks column(s) {missing}; it has {list(data.columns)}")


def plot_terms(
    data: pd.DataFrame,
    *,
    x: str = "year",
    y: str = "rate",
    hue: str | None = "term",
    count: str = "count",
    quoted: str | None = "quoted",
    words: str = "n_words",
    terms: list[str] | None = None,
    entity: str | None = None,
    palette=None,
    color=None,
    legend: bool | str = "brief",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Each term (``hue``) by ``x``: its rate per 1,000 words (``y="rate"``) or the sum of
    another column (``y="count"``, ``"quoted"``, ``"hedged"``); ``hue=None`` sums every term.

    ``data`` is a terms frame (``count_terms``): rows are summed per (``hue``, ``x``); a
    rate is recomputed as ``1000 * count / words``. With ``quoted``, a dashed line with
    hollow markers shows the part of ``y`` inside quotation marks (rates and counts).
    ``terms`` picks terms (an unknown one is an error naming the closest); ``entity`` picks
    one entity of a many-entity frame (required there). ``palette`` (list, dict or colormap
    name) or ``color`` replace the greys; ``legend=False`` draws none.
    """
    need = [x, count, words, hue, quoted] + ([y] if y != "rate" else [])
    _need(data, need, "plot_terms")
    check_legend(legend)
    ax = _axes(ax)
    data = one_entity(data, entity, "plot_terms")
    if terms is not None:
        closest(terms, sorted(data[hue].dropna().unique()) if hue else [], "term(s)", "plot_terms")
    df = data if terms is None or hue is None else data[data[hue].isin(terms)]
    df, x = time_column(df, x)  # dates when a series has several documents a year
    key = hue or "_all"
    if hue is None:
        df = df.assign(_all="all terms")
    units = df.drop_duplicates(
        subset=[c for c in ("doc_id", "section_id", "group", x) if c in df.columns] + [key]
    )
    order = list(terms) if terms is not None and hue else sorted(df[key].dropna().unique())
    colors = colors_for(order, palette, color)
    value = count if y == "rate" else y
    show_quoted = quoted and y in ("rate", count)
    for i, term in enumerate(order):
        part = (units if hue else df)[(units if hue else df)[key] == term]
        if part.empty:
            continue
        agg = part.groupby(x, sort=True).agg(
            c=(value, "sum"), w=(words, "sum"), **({"q": (quoted, "sum")} if show_quoted else {})
        )
        if hue is None:  # every term of a unit shares its words: count them once
            agg["w"] = units.groupby(x, sort=True)[words].sum()
        xs = agg.index.to_numpy()
        scale = 1000 / agg["w"] if y == "rate" else 1
        style = dict(
            marker=MARKERS[i % len(MARKERS)],
            color=colors[i],
            linestyle=LINESTYLES[i % len(LINESTYLES)],
        )
        ax.plot(xs, agg["c"] * scale, label=str(term), **{**style, **kwargs})
        if show_quoted and agg["q"].sum() > 0:
            ax.plot(
                xs,
                agg["q"] * scale,
                label=f"{term} (in quotes)",
                marker=style["marker"],
                color=style["color"],
                linestyle="--",
                markerfacecolor="white",
                linewidth=0.9,
            )
    ax.set_xlabel(x.replace("_", " "))
    ax.set_ylabel("hits per 1,000 words" if y == "rate" else y.replace("_", " "))
    year_ticks(ax, units[x])
    if x == "date (year)":  # dates as years with a fraction: ticks on whole years
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    if legend:
        legend_below(ax)
    return ax


def plot_facts(
    data: pd.DataFrame,
    *,
    measure: str | None = None,
    x: str = "period_end",
    y: str | None = None,
    value: str = "value",
    low: str = "low",
    high: str = "high",
    hue: str | None = "doc_id",
    entity: str | None = None,
    palette=None,
    color=None,
    legend: bool | str = "brief",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Values of one measure over time; intervals from qualifiers drawn as such.

    Exact values are filled markers. A bounded interval ("between 12 and 17", "about 600")
    is a vertical bar from ``low`` to ``high``. An open-ended value ("more than 600") is a
    hollow marker at its bound with an arrow pointing the open way. Sources (``hue``) differ
    in marker shape and grey level (or ``palette`` / ``color``). ``y`` is an alias of
    ``value``. An unknown ``measure`` is an error naming the closest; a frame of several
    entities needs ``entity``.
    """
    value = y or value
    _need(data, [x, value, low, high, hue], "plot_facts")
    check_legend(legend)
    ax = _axes(ax)
    data = one_entity(data, entity, "plot_facts")
    if measure is not None:
        _need(data, ["measure"], "plot_facts")
        closest([measure], sorted(data["measure"].dropna().unique()), "measure", "plot_facts")
    df = data if measure is None else data[data["measure"] == measure]
    if hue is None:
        df, hue = df.assign(_all=value), "_all"
    levels = sorted(df[hue].dropna().unique())
    colors = dict(zip(levels, colors_for(levels, palette, color), strict=True))
    for i, (src, part) in enumerate(df.groupby(hue, sort=True)):
        marker, grey = MARKERS[i % len(MARKERS)], colors[src]
        first = True
        for r in part.sort_values([x, value]).itertuples(index=False):
            mark = (getattr(r, x), getattr(r, value), getattr(r, low), getattr(r, high))
            _fact_mark(ax, *mark, marker, grey, str(src) if first else None, kwargs)
            first = False
    ax.set_xlabel("period" if x.startswith("period") else x.replace("_", " "))
    ax.set_ylabel(measure or value)
    ax.autoscale_view()
    year_ticks(ax, df[x])
    if legend:
        legend_below(ax)
    return ax


def _fact_mark(ax: Axes, xv, v, lo, hi, marker: str, grey, label: str | None, kwargs) -> None:
    """One fact at ``xv``: a hollow marker at its bound with an arrow pointing the open way
    (open-ended), a bar from ``lo`` to ``hi`` with a hollow marker (an interval), or a
    filled marker at ``v`` (exact)."""
    open_up = pd.isna(hi) and pd.notna(lo)
    open_down = pd.isna(lo) and pd.notna(hi)
    if open_up or open_down:
        bound = lo if open_up else hi
        ax.plot(
            [xv],
            [bound],
            marker=marker,
            color=grey,
            markerfacecolor="white",
            linestyle="none",
            label=label,
            **kwargs,
        )
        tip = bound + (1 if open_up else -1) * 0.15 * (abs(bound) or 1.0)
        ax.annotate(
            "",
            xy=(xv, tip),
            xytext=(xv, bound),
            arrowprops=dict(arrowstyle="->", color=grey, lw=1.0),
        )
        ax.update_datalim([(xv, tip)])  # keep the arrow inside the axes
        return
    if pd.notna(lo) and pd.notna(hi) and lo != hi:
        ax.vlines(xv, lo, hi, color=grey, linewidth=1.5)
        ax.plot(
            [xv],
            [v if pd.notna(v) else (lo + hi) / 2],
            marker=marker,
            color=grey,
            markerfacecolor="white",
            linestyle="none",
            label=label,
            **kwargs,
        )
        return
    ax.plot([xv], [v], marker=marker, color=grey, linestyle="none", label=label, **kwargs)


def plot_similarity(
    data: pd.DataFrame,
    *,
    row: str = "label",
    col: str = "year_to",
    value: str = "similarity",
    col_from: str | None = "year_from",
    annotate: bool = True,
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Heat map of how much each section changed: rows ``row``, columns year pairs.

    Cells are ``value`` in [0, 1] (1 = unchanged, light) in greys; pairs with nothing to
    compare are hatched; each cell carries its number so the figure reads without colour.
    """
    _need(data, [row, col, value, col_from], "plot_similarity")
    ax = _axes(ax)
    df = data.copy()
    if (col, col_from) == ("year_to", "year_from") and several_a_year(df, col, "date_to"):
        col, col_from = "date_to", None  # several documents a year: each date, upright
    if col_from:
        df["_col"] = df[col_from].astype(str) + "→\n" + df[col].astype(str)
        cols = (
            df[[col_from, col, "_col"]]
            .drop_duplicates()
            .sort_values([col_from, col])["_col"]
            .tolist()
        )
    else:
        df["_col"] = df[col].astype(str)
        cols = sorted(df["_col"].unique())
    rows = list(dict.fromkeys(df[row].astype(str)))
    grid = (
        df.assign(_row=df[row].astype(str))
        .pivot_table(index="_row", columns="_col", values=value, aggfunc="mean")
        .reindex(index=rows, columns=cols)
    )
    mat = np.ma.masked_invalid(grid.to_numpy(dtype=float))
    image = ax.imshow(
        mat,
        cmap=kwargs.pop("cmap", "Greys_r"),
        vmin=0,
        vmax=1,
        aspect="auto",
        interpolation="nearest",
        **kwargs,
    )
    upright = 90 if col == "date_to" else 0
    ax.set_xticks(range(len(cols)), cols, rotation=upright, fontsize="small")
    ax.set_yticks(range(len(rows)), [_short(r) for r in rows], fontsize="small")
    from matplotlib.patches import Rectangle

    blank = np.ma.getmaskarray(mat)
    for i, j in zip(*np.nonzero(blank), strict=True):  # no pair to compare: hatched
        ax.add_patch(
            Rectangle(
                (j - 0.5, i - 0.5),
                1,
                1,
                facecolor="white",
                hatch="////",
                edgecolor="0.75",
                linewidth=0,
            )
        )
    if annotate:
        for i in range(mat.shape[0]):
            for j in range(mat.shape[1]):
                if not blank[i, j]:
                    v = float(mat[i, j])
                    ax.text(
                        j,
                        i,
                        f"{v:.2f}",
                        ha="center",
                        va="center",
                        fontsize="x-small",
                        color="black" if v > 0.55 else "white",
                    )
    ax.set_xlabel("date (each compared with the one before)" if upright else "years compared")
    ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label=value)
    return ax


def plot_coverage(
    data: pd.DataFrame,
    *,
    row: str = "label",
    col: str = "year",
    status: str = "status",
    present: str = "matched",
    ax: Axes | None = None,
    **kwargs,
) -> Axes:
    """Which groups exist in which year: filled squares present, small hollow ones absent."""
    _need(data, [row, col, status], "plot_coverage")
    ax = _axes(ax)
    if col == "year" and several_a_year(data):
        col = "date"  # several documents a year: one column per date
    df = data.drop_duplicates(subset=[row, col, status])
    rows = list(dict.fromkeys(df[row].astype(str)))
    cols = sorted(df[col].dropna().unique())
    here = df[df[status] == present]
    have = {(str(r), c) for r, c in zip(here[row], here[col], strict=True)}
    xs: list[int] = []  # columns and rows of present cells, then of absent ones
    ys: list[int] = []
    xa: list[int] = []
    ya: list[int] = []
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            (xs if (r, c) in have else xa).append(j)
            (ys if (r, c) in have else ya).append(i)
    ax.scatter(xs, ys, marker="s", s=kwargs.pop("s", 60), color="0.15", label=present, **kwargs)
    ax.scatter(xa, ya, marker="s", s=18, facecolors="white", edgecolors="0.5", label="absent")
    # year labels upright when the columns are narrower than a label: they never overlap
    longest = max((len(_short(r)) for r in rows), default=0)
    fig = cast("Figure", ax.figure)  # (a subfigure has no width of its own)
    width_in = ax.get_position().width * fig.get_figwidth() - 0.055 * longest
    label_in = max((len(str(c)) for c in cols), default=1) * 0.075
    upright = len(cols) * label_in > 0.9 * width_in
    ax.set_xticks(
        range(len(cols)), [str(c) for c in cols], fontsize="small", rotation=90 if upright else 0
    )
    ax.set_yticks(range(len(rows)), [_short(r) for r in rows], fontsize="small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-0.5, len(cols) - 0.5)
    ax.set_xlabel(col)
    return ax


def _short(label: str, n: int = 38) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"
