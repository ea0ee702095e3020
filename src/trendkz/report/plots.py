"""Axes-level figures. Each takes a tidy frame and column names, draws on ``ax`` (or the
current Axes), returns the Axes, and does no analysis, no ``show()``, no ``savefig`` and no
change to global style. Encodings are redundant (marker shape, line style and grey level), so
figures read in greyscale and at a journal's single-column width (3.5 in).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .._core.errors import OptionError

__all__ = ["plot_coverage", "plot_facts", "plot_similarity", "plot_terms"]

MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p")
LINESTYLES = ("-", "--", ":", "-.")
GREYS = ("0.0", "0.35", "0.55", "0.2", "0.45", "0.65")


def _axes(ax):
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    return ax


def _need(data: pd.DataFrame, cols: list[str], fn: str) -> None:
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
    hue: str = "term",
    count: str = "count",
    quoted: str | None = "quoted",
    words: str = "n_words",
    terms: list[str] | None = None,
    ax=None,
    **kwargs,
):
    """Rate per 1,000 words of each term by ``x``; the quoted part of it drawn dashed.

    ``data`` is a terms frame (``count_terms``): rows are summed per (``hue``, ``x``) and
    the rate recomputed as ``1000 * count / words``. With ``quoted``, a dashed line with
    hollow markers shows the rate of hits inside quotation marks.
    """
    _need(data, [x, hue, count, words, quoted], "plot_terms")
    ax = _axes(ax)
    df = data if terms is None else data[data[hue].isin(terms)]
    units = df.drop_duplicates(
        subset=[c for c in ("doc_id", "section_id", "group", x) if c in df.columns] + [hue]
    )
    order = terms or sorted(df[hue].dropna().unique())
    for i, term in enumerate(order):
        part = units[units[hue] == term]
        if part.empty:
            continue
        agg = part.groupby(x, sort=True).agg(
            c=(count, "sum"), w=(words, "sum"), **({"q": (quoted, "sum")} if quoted else {})
        )
        xs = agg.index.to_numpy()
        style = dict(
            marker=MARKERS[i % len(MARKERS)],
            color=GREYS[i % len(GREYS)],
            linestyle=LINESTYLES[i % len(LINESTYLES)],
        )
        ax.plot(xs, 1000 * agg["c"] / agg["w"], label=str(term), **style, **kwargs)
        if quoted and agg["q"].sum() > 0:
            ax.plot(
                xs,
                1000 * agg["q"] / agg["w"],
                label=f"{term} (in quotes)",
                marker=style["marker"],
                color=style["color"],
                linestyle="--",
                markerfacecolor="white",
                linewidth=0.9,
            )
    ax.set_xlabel(x.replace("_", " "))
    ax.set_ylabel("hits per 1,000 words" if y == "rate" else y)
    _year_ticks(ax, units[x])
    _legend_below(ax)
    return ax


def plot_facts(
    data: pd.DataFrame,
    *,
    measure: str | None = None,
    x: str = "period_end",
    value: str = "value",
    low: str = "low",
    high: str = "high",
    hue: str = "doc_id",
    ax=None,
    **kwargs,
):
    """Values of one measure over time; intervals from qualifiers drawn as such.

    Exact values are filled markers. A bounded interval ("between 12 and 17", "about 600")
    is a vertical bar from ``low`` to ``high``. An open-ended value ("more than 600") is a
    hollow marker at its bound with an arrow pointing the open way. Sources (``hue``) differ
    in marker shape and grey level.
    """
    _need(data, [x, value, low, high, hue], "plot_facts")
    ax = _axes(ax)
    df = data if measure is None else data[data["measure"] == measure]
    for i, (src, part) in enumerate(df.groupby(hue, sort=True)):
        marker, grey = MARKERS[i % len(MARKERS)], GREYS[i % len(GREYS)]
        first = True
        for r in part.sort_values([x, value]).itertuples(index=False):
            xv, v = getattr(r, x), getattr(r, value)
            lo, hi = getattr(r, low), getattr(r, high)
            label = str(src) if first else None
            first = False
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
                continue
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
                continue
            ax.plot([xv], [v], marker=marker, color=grey, linestyle="none", label=label, **kwargs)
    ax.set_xlabel("period" if x.startswith("period") else x.replace("_", " "))
    ax.set_ylabel(measure or value)
    ax.autoscale_view()
    _year_ticks(ax, df[x])
    _legend_below(ax)
    return ax


def plot_similarity(
    data: pd.DataFrame,
    *,
    row: str = "label",
    col: str = "year_to",
    value: str = "similarity",
    col_from: str | None = "year_from",
    annotate: bool = True,
    ax=None,
    **kwargs,
):
    """Heat map of how much each section changed: rows ``row``, columns year pairs.

    Cells are ``value`` in [0, 1] (1 = unchanged, light) in greys; pairs with nothing to
    compare are hatched; each cell carries its number so the figure reads without colour.
    """
    _need(data, [row, col, value, col_from], "plot_similarity")
    ax = _axes(ax)
    df = data.copy()
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
    ax.set_xticks(range(len(cols)), cols, rotation=0, fontsize="small")
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
    ax.set_xlabel("years compared")
    ax.figure.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label=value)
    return ax


def plot_coverage(
    data: pd.DataFrame,
    *,
    row: str = "label",
    col: str = "year",
    status: str = "status",
    present: str = "matched",
    ax=None,
    **kwargs,
):
    """Which groups exist in which year: filled squares present, small hollow ones absent."""
    _need(data, [row, col, status], "plot_coverage")
    ax = _axes(ax)
    df = data.drop_duplicates(subset=[row, col, status])
    rows = list(dict.fromkeys(df[row].astype(str)))
    cols = sorted(df[col].dropna().unique())
    here = df[df[status] == present]
    have = {(str(r), c) for r, c in zip(here[row], here[col], strict=True)}
    xs, ys, xa, ya = [], [], [], []
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            (xs if (r, c) in have else xa).append(j)
            (ys if (r, c) in have else ya).append(i)
    ax.scatter(xs, ys, marker="s", s=kwargs.pop("s", 60), color="0.15", label=present, **kwargs)
    ax.scatter(xa, ya, marker="s", s=18, facecolors="white", edgecolors="0.5", label="absent")
    ax.set_xticks(range(len(cols)), [str(c) for c in cols], fontsize="small")
    ax.set_yticks(range(len(rows)), [_short(r) for r in rows], fontsize="small")
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(-0.5, len(cols) - 0.5)
    ax.set_xlabel(col)
    return ax


def _short(label: str, n: int = 38) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def _year_ticks(ax, values: pd.Series) -> None:
    """Ticks at the years present when few and spread out; else whole-number ticks."""
    from matplotlib.ticker import MaxNLocator

    vals = sorted(pd.Series(values).dropna().unique())
    if not vals or not all(float(v).is_integer() for v in vals):
        return
    gaps = np.diff(vals) if len(vals) > 1 else np.array([np.inf])
    span = (vals[-1] - vals[0]) or 1
    if len(vals) <= 6 and gaps.min() >= span / 5:
        ax.set_xticks([int(v) for v in vals])
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))


def _legend_below(ax) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        ax.legend(
            handles,
            labels,
            fontsize="x-small",
            frameon=False,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.22),
            ncol=2,
            handlelength=2.5,
        )
