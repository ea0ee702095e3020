"""What the plots share: names checked with the closest suggested, one entity at a time,
colors from a palette, legends placed clear of the axis labels, year ticks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .._core.errors import OptionError

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "GREYS",
    "check_legend",
    "closest",
    "colors_for",
    "legend_below",
    "one_entity",
    "year_ticks",
]

GREYS = ("0.0", "0.35", "0.55", "0.2", "0.45", "0.65")


def closest(wanted, known, what: str, fn: str) -> None:
    """Raise :class:`OptionError` for names not in ``known``, with the closest ones."""
    from rapidfuzz import process

    known = [str(k) for k in known]
    missing = [w for w in wanted if str(w) not in set(known)]
    if missing:

        def hint(m) -> str:
            near = [repr(c) for c, *_ in process.extract(str(m), known, limit=3)]
            return f"{m!r} (did you mean {', '.join(near)}?)" if near else f"{m!r} (there are none)"

        hints = "; ".join(hint(m) for m in missing)
        raise OptionError(f"{fn}: unknown {what} {hints}")


def one_entity(data: pd.DataFrame, entity: str | None, fn: str) -> pd.DataFrame:
    """The rows of ``entity``; a frame of several entities needs one named (never mixed)."""
    if "entity" not in data.columns:
        return data
    if entity is not None:
        closest([entity], sorted(data["entity"].dropna().unique()), "entity", fn)
        return data[data["entity"] == entity]
    many = sorted(data["entity"].dropna().unique())
    if len(many) > 1:
        shown = ", ".join(map(repr, many[:5])) + (" …" if len(many) > 5 else "")
        raise OptionError(
            f"{fn}: the frame holds {len(many)} entities ({shown}); pass entity= to draw one"
        )
    return data


def colors_for(levels: list, palette, color) -> list:
    """A color per hue level: ``palette`` (a list, a dict level → color, or a colormap
    name), else one ``color`` for all, else the greys."""
    if palette is None:
        return [color or GREYS[i % len(GREYS)] for i in range(len(levels))]
    if isinstance(palette, dict):
        closest(levels, list(palette), "palette key(s) for levels", "palette")
        return [palette[lv] for lv in levels]
    if isinstance(palette, str):
        import matplotlib

        cmap = matplotlib.colormaps[palette]
        n = max(len(levels), 1)
        return [cmap(i / max(n - 1, 1)) for i in range(len(levels))]
    palette = list(palette)
    return [palette[i % len(palette)] for i in range(len(levels))]


def check_legend(legend) -> None:
    if legend not in (False, True, "brief", "auto", "full"):
        raise OptionError(f"legend={legend!r} is not valid; choose False, True, 'brief' or 'full'")


def year_ticks(ax: Axes, values: pd.Series) -> None:
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


def legend_below(ax) -> None:
    """The legend under the axes, below the tick labels and the axis label whatever their
    sizes (an offset in points from the fonts in use, not a fixed fraction of the axes), so
    it never covers them; a constrained layout makes room for it."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.transforms import offset_copy

    handles, labels = ax.get_legend_handles_labels()
    if not handles:
        return
    ticks = ax.xaxis.get_ticklabels() or [None]
    tick_pt = max(
        (t.get_fontsize() for t in ticks if t is not None),
        default=FontProperties(size=None).get_size_in_points(),
    )
    major = ax.xaxis.get_major_ticks()
    tick = major[0] if major else None
    length = tick.tick1line.get_markersize() if tick is not None else 3.5
    pad = tick.get_pad() if tick is not None else 3.5
    label_pt = ax.xaxis.label.get_fontsize() if ax.xaxis.label.get_text() else 0
    drop = length + pad + 1.25 * tick_pt + ax.xaxis.labelpad + 1.25 * label_pt + 6
    where = offset_copy(ax.transAxes, fig=ax.figure, x=0, y=-drop, units="points")
    ax.legend(
        handles,
        labels,
        fontsize="x-small",
        frameon=False,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        bbox_transform=where,
        ncol=2,
        handlelength=2.5,
    )
