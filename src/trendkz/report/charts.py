"""Light SVG charts for the per-entity pages, written directly (no matplotlib): a report
of 200 entities draws 800 of them in a second or two, the same bytes every run.

Same encodings as :mod:`trendkz.report.plots` (greys, marker shapes, dashed quoted rates),
at fixed row heights, so labels never overlap: year labels turn upright when the columns
are narrow, long section labels are cut with "…" (the full label in a tooltip).
"""

from __future__ import annotations

from html import escape

import numpy as np
import pandas as pd

from .._core.vocab import ADDED, REMOVED

__all__ = ["coverage_svg", "entity_charts", "facts_svg", "similarity_svg", "terms_svg"]

FONT = "font-family='Helvetica,Arial,sans-serif'"
ROW, CELL, LABEL = 16, 22, 230  # row height, column width, label column (px)
GREYS = ("#000", "#595959", "#8c8c8c", "#333", "#737373")
DASHES = ("", "6 3", "2 2", "6 2 2 2")


def _svg(w: float, h: float, body: list[str], title: str) -> str:
    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{w:.0f}' height='{h:.0f}' "
        f"viewBox='0 0 {w:.0f} {h:.0f}' {FONT} font-size='11'>"
        f"<title>{escape(title)}</title>"
        f"<text x='4' y='14' font-size='13' font-weight='bold'>{escape(title)}</text>"
        + "".join(body)
        + "</svg>\n"
    )


def _px(text: str) -> float:
    """Rough width in px at 11 px Helvetica: capitals and wide letters count more."""
    return sum(
        7.8 if c.isupper() or c in "mwMW" else 3.2 if c in " .,;:'ilj|" else 6.0 for c in text
    )


def _short(label: str, n: int = 38, px: float = LABEL - 12) -> str:
    """``label`` cut with "…" to at most ``n`` characters and ``px`` pixels."""
    out = label if len(label) <= n else label[: n - 1] + "…"
    while _px(out) > px and len(out) > 2:
        out = out[:-2] + "…"
    return out


def _columns(labels: list[str], x0: float, top: float, width: float) -> tuple[list[str], float]:
    """Column labels under ``top``: level when they fit, else upright; the height used."""
    upright = max((len(s) for s in labels), default=0) * 6.2 > width - 2
    out = []
    for j, s in enumerate(labels):
        x = x0 + j * width + width / 2
        if upright:
            out.append(
                f"<text x='{x:.1f}' y='{top + 4:.1f}' transform='rotate(-90 {x:.1f} "
                f"{top + 4:.1f})' text-anchor='end' dominant-baseline='middle'>{escape(s)}</text>"
            )
        else:
            out.append(
                f"<text x='{x:.1f}' y='{top + 12:.1f}' text-anchor='middle'>{escape(s)}</text>"
            )
    used = (max(len(s) for s in labels) * 6.2 + 8) if (upright and labels) else 16
    return out, used


def _rows(labels: list[str], top: float) -> list[str]:
    return [
        f"<text x='{LABEL - 6}' y='{top + i * ROW + ROW * 0.7:.1f}' text-anchor='end'>"
        f"<title>{escape(s)}</title>{escape(_short(s))}</text>"
        for i, s in enumerate(labels)
    ]


def coverage_svg(alignment: pd.DataFrame, title: str, max_rows: int = 60) -> str:
    """Section groups (rows) × years: filled square present, small hollow square absent."""
    labels = list(dict.fromkeys(alignment["label"].astype(str)))[:max_rows]
    years = sorted(alignment["year"].dropna().unique().tolist())
    have = {
        (str(r), y)
        for r, y, s in zip(alignment["label"], alignment["year"], alignment["status"], strict=True)
        if s == "matched"
    }
    top = 24
    body = _rows(labels, top)
    for i, r in enumerate(labels):
        for j, y in enumerate(years):
            cx, cy = LABEL + j * CELL + CELL / 2, top + i * ROW + ROW / 2
            if (r, y) in have:
                body.append(
                    f"<rect x='{cx - 6:.1f}' y='{cy - 6:.1f}' width='12' height='12' "
                    "fill='#262626'/>"
                )
            else:
                body.append(
                    f"<rect x='{cx - 3:.1f}' y='{cy - 3:.1f}' width='6' height='6' fill='white' "
                    "stroke='#808080'/>"
                )
    cols, used = _columns([str(y) for y in years], LABEL, top + len(labels) * ROW, CELL)
    body += cols
    return _svg(LABEL + len(years) * CELL + 10, top + len(labels) * ROW + used + 6, body, title)


def similarity_svg(changes: pd.DataFrame, title: str, max_rows: int = 30) -> str:
    """Groups (rows, the most changed first) × year pairs: grey cells with their similarity
    (1 = same, light); hatched where there is no pair to compare."""
    ch = changes[~changes["status"].isin([ADDED, REMOVED])].dropna(subset=["similarity"])
    order = ch.groupby("label")["similarity"].min().sort_values(kind="mergesort")
    labels = [str(x) for x in order.index[:max_rows]]
    ch = ch[ch["label"].astype(str).isin(labels)]
    pairs = sorted({(int(a), int(b)) for a, b in zip(ch["year_from"], ch["year_to"], strict=True)})
    grid = ch.groupby([ch["label"].astype(str), "year_from", "year_to"])["similarity"].mean()
    w, top = 44, 24
    body = _rows(labels, top)
    body.append(
        "<defs><pattern id='h' width='4' height='4' patternUnits='userSpaceOnUse'>"
        "<path d='M0 4L4 0' stroke='#bbb'/></pattern></defs>"
    )
    for i, r in enumerate(labels):
        for j, (a, b) in enumerate(pairs):
            x, y = LABEL + j * w, top + i * ROW
            v = grid.get((r, a, b), np.nan)
            if v != v:
                body.append(
                    f"<rect x='{x}' y='{y}' width='{w - 1}' height='{ROW - 1}' fill='url(#h)'/>"
                )
                continue
            g = int(round(255 * float(v)))
            ink = "black" if v > 0.55 else "white"
            body.append(
                f"<rect x='{x}' y='{y}' width='{w - 1}' height='{ROW - 1}' "
                f"fill='rgb({g},{g},{g})'/>"
                f"<text x='{x + w / 2:.1f}' y='{y + ROW * 0.72:.1f}' text-anchor='middle' "
                f"font-size='9' fill='{ink}'>{v:.2f}</text>"
            )
    cols, used = _columns([f"{a}→{b}" for a, b in pairs], LABEL, top + len(labels) * ROW, w)
    body += cols
    return _svg(LABEL + len(pairs) * w + 10, top + len(labels) * ROW + used + 6, body, title)


def _lines(
    series: list[tuple[str, list, list, str]], x_labels: list, title: str, y_label: str
) -> str:
    """A small line chart: ``(label, xs, ys, dash)`` per line, legend to the right."""
    W, H, L, T, B = 300, 170, 44, 24, 26
    xs_all = sorted(set(x_labels))
    ys_all = [v for _, _, ys, _ in series for v in ys if v == v]
    hi = max(ys_all, default=1.0) or 1.0
    lo_x, hi_x = (xs_all[0], xs_all[-1]) if xs_all else (0, 1)
    span = (hi_x - lo_x) or 1

    def px(x):
        return L + (x - lo_x) / span * (W - L - 10)

    def py(y):
        return T + (1 - y / hi) * (H - T - B)

    body = [
        f"<line x1='{L}' y1='{H - B}' x2='{W - 10}' y2='{H - B}' stroke='#444'/>",
        f"<line x1='{L}' y1='{T}' x2='{L}' y2='{H - B}' stroke='#444'/>",
        f"<text x='{L - 4}' y='{T + 4}' text-anchor='end' font-size='9'>{hi:.3g}</text>",
        f"<text x='{L - 4}' y='{H - B}' text-anchor='end' font-size='9'>0</text>",
        f"<text x='10' y='{(T + H - B) / 2:.0f}' font-size='9' transform='rotate(-90 10 "
        f"{(T + H - B) / 2:.0f})' text-anchor='middle'>{escape(y_label)}</text>",
    ]
    step = max(1, int(np.ceil(len(xs_all) / 6)))
    for x in xs_all[::step]:
        body.append(
            f"<text x='{px(x):.1f}' y='{H - B + 13}' text-anchor='middle' font-size='9'>{x}</text>"
        )
    for k, (label, xs, ys, dash) in enumerate(series):
        grey = GREYS[k % len(GREYS)]
        pts = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys, strict=True) if y == y)
        da = f" stroke-dasharray='{dash}'" if dash else ""
        body.append(
            f"<polyline points='{pts}' fill='none' stroke='{grey}' stroke-width='1.5'{da}/>"
        )
        for x, y in zip(xs, ys, strict=True):
            if y == y:
                fill = "white" if dash else grey
                body.append(
                    f"<circle cx='{px(x):.1f}' cy='{py(y):.1f}' r='2.5' fill='{fill}' "
                    f"stroke='{grey}'/>"
                )
        ly = T + 6 + k * 14
        body.append(
            f"<line x1='{W + 4}' y1='{ly}' x2='{W + 22}' y2='{ly}' stroke='{grey}' "
            f"stroke-width='1.5'{da}/><text x='{W + 26}' y='{ly + 4}'>"
            f"{escape(_short(label, 30, 170))}</text>"
        )
    return _svg(W + 200, max(H, T + 14 * len(series) + 10), body, title)


def terms_svg(terms: pd.DataFrame, title: str, n: int = 4) -> str | None:
    """Hits per 1,000 words of the ``n`` most used terms by year; dashed: in quotes."""
    top = terms.groupby("term")["count"].sum().sort_values(ascending=False, kind="mergesort")
    chosen = sorted(top[top > 0].head(n).index.tolist())
    if not chosen:
        return None
    units = terms.drop_duplicates(subset=["doc_id", "term"])
    series = []
    for i, t in enumerate(chosen):
        agg = (
            units[units["term"] == t]
            .groupby("year", sort=True)[["count", "quoted", "n_words"]]
            .sum()
        )
        xs = [int(y) for y in agg.index]
        rate = (1000 * agg["count"] / agg["n_words"]).tolist()
        series.append((t, xs, rate, DASHES[i % len(DASHES)] if i else ""))
        if agg["quoted"].sum() > 0:
            series.append(
                (f"{t} (in quotes)", xs, (1000 * agg["quoted"] / agg["n_words"]).tolist(), "3 2")
            )
    years = sorted({x for _, xs, _, _ in series for x in xs})
    return _lines(series, years, title, "hits per 1,000 words")


def facts_svg(facts: pd.DataFrame, measure: str, title: str) -> str | None:
    """Values of one measure by year: a dot per fact, a bar for an interval."""
    f = facts[facts["measure"] == measure].dropna(subset=["value"])
    if f.empty:
        return None
    agg = f.groupby("year", sort=True)["value"].median()
    return _lines(
        [(measure, [int(y) for y in agg.index], agg.tolist(), "")],
        list(agg.index),
        title,
        "median value",
    )


def entity_charts(frames: dict, key, measures: list[str]) -> dict[str, str]:
    """Name → SVG text of one entity's charts (``frames`` are its rows)."""

    def of(df):
        return df if key is None else df[(df["entity"] == key[0]) & (df["series"] == key[1])]

    out: dict[str, str] = {}
    name = key[0] if key else ""
    t = terms_svg(of(frames["terms"]), f"Framing terms — {name}")
    if t:
        out["terms"] = t
    ch = of(frames["changes"])
    if len(ch.dropna(subset=["similarity"])):
        out["similarity"] = similarity_svg(ch, f"Section similarity — {name}")
    al = of(frames["alignment"])
    if len(al):
        out["coverage"] = coverage_svg(al, f"Sections present — {name}")
    for i, m in enumerate(measures[:2]):
        s = facts_svg(frames["facts"], m, f"{m} — {name}")
        if s:
            out[f"facts{i + 1}" if i else "facts"] = s
    return out
