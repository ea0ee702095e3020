"""The alignment for people: ``alignment_table``, groups x years.

:func:`alignment_table` returns an :class:`AlignmentTable`: a plain wide DataFrame (one
row per group, one column per year) whose only addition is a compact ``_repr_html_`` for
notebooks. Anything computed from it (``reset_index``, ``loc`` …) is a plain DataFrame.
"""

from __future__ import annotations

import html
from typing import cast

import pandas as pd

from .._core import schema
from .scores import clean_heading

__all__ = ["ABSENT", "AlignmentTable", "alignment_table", "group_headings"]

#: the cell of a group absent from a document
ABSENT = "—"
_INDEX = ["entity", "series", "group", "label"]
_NEEDED = (
    "entity",
    "series",
    "group",
    "label",
    "doc_id",
    "year",
    "section_id",
    "heading",
    "status",
)
_WIDTH = 36
_MAX_ROWS = 60
_CSS = (
    "<style>.tkz-align{border-collapse:collapse;font:11px/1.25 system-ui,sans-serif}"
    ".tkz-align td,.tkz-align th{border:1px solid #ddd;padding:1px 5px;text-align:left;"
    "vertical-align:top;white-space:nowrap}.tkz-align th{background:#f3f3f3}"
    ".tkz-align .absent{color:#bbb;text-align:center}.tkz-align .series th{"
    "background:#e8eef6}</style>"
)


def _cell(heading: object, text: object) -> str:
    if isinstance(heading, str) and heading.strip():
        return heading.strip()
    words = str(text or "").split()
    if not words:
        return "¶"
    return "¶ " + " ".join(words[:5]) + ("…" if len(words) > 5 else "")


class AlignmentTable(pd.DataFrame):
    """A DataFrame of groups x years with a compact notebook display."""

    _metadata: list[str] = []

    @property
    def _constructor(self):
        return pd.DataFrame

    def _repr_html_(self) -> str:  # pragma: no cover - exercised through to_html_compact
        return self.to_html_compact()

    def to_html_compact(
        self, width: int = _WIDTH, max_rows: int = _MAX_ROWS, n_groups: int | None = None
    ) -> str:
        """HTML table: cells cut to ``width`` characters (full text on hover), absent grey,
        one header row per entity/series, at most ``max_rows`` groups (the rest counted;
        ``n_groups``: the whole table's groups when this holds only its first rows)."""
        frame = pd.DataFrame(self).head(max_rows)
        n_groups = len(self) if n_groups is None else n_groups
        years = list(frame.columns)
        out = [_CSS, "<table class='tkz-align'><thead><tr><th>group</th><th>label</th>"]
        out += [f"<th>{html.escape(str(y))}</th>" for y in years]
        out.append("</tr></thead><tbody>")
        last = None
        for key, row in frame.iterrows():
            entity, series, group, label = cast(tuple, key)  # the index's four levels
            if (entity, series) != last:
                last = (entity, series)
                name = " · ".join(str(v) for v in last if isinstance(v, str) and v)
                out.append(
                    f"<tr class='series'><th colspan='{len(years) + 2}'>"
                    f"{html.escape(name or '(no series)')}</th></tr>"
                )
            out.append(
                f"<tr><td>{group}</td><td title='{html.escape(str(label))}'>"
                f"{html.escape(_cut(str(label), width))}</td>"
            )
            for v in row.tolist():
                v = "" if pd.isna(v) else str(v)
                cls = " class='absent'" if v == ABSENT else ""
                out.append(f"<td{cls} title='{html.escape(v)}'>{html.escape(_cut(v, width))}</td>")
            out.append("</tr>")
        out.append("</tbody></table>")
        if n_groups > len(frame):
            out.append(
                f"<p>… {n_groups - len(frame)} more groups (the table itself has them all).</p>"
            )
        return "".join(out)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def alignment_table(
    alignment: pd.DataFrame, sections: pd.DataFrame | None = None
) -> AlignmentTable:
    """Groups x years: each group's heading in each year, ``"—"`` where it is absent.

    Parameters
    ----------
    alignment
        The frame :func:`trendkz.align_sections` returns.
    sections
        Optional: the sections it was made from, to show untitled sections as ``"¶ "`` and
        their first words (without it they show as ``"¶"``).

    Returns
    -------
    AlignmentTable
        A DataFrame indexed by ``entity, series, group, label`` (groups in reading order),
        one column per year. A cell holds the heading as written, ``"¶ …"`` for an
        untitled section, several sections of one document joined by ``" + "`` (and
        several documents of one year by ``" | "``), ``"—"`` when the group is absent from
        the series' document of that year, and is missing when the series has no document
        that year. Its ``_repr_html_`` is a compact table for notebooks.
    """
    schema.require(alignment, _NEEDED, name="alignment", maker="align_sections")
    texts = {}
    if sections is not None:
        texts = dict(zip(sections["section_id"], sections["text"], strict=True))
    a = alignment.copy()
    a["entity"] = a["entity"].fillna("")
    a["series"] = a["series"].fillna("")
    a["cell"] = [
        ABSENT if s != "matched" else _cell(h, texts.get(sid, ""))
        for s, h, sid in zip(a["status"], a["heading"], a["section_id"], strict=True)
    ]
    per_doc = (
        a.groupby(_INDEX + ["year", "doc_id"], sort=False, dropna=False)["cell"]
        .agg(" + ".join)
        .reset_index()
    )
    per_year = (
        per_doc.groupby(_INDEX + ["year"], sort=False, dropna=False)["cell"]
        .agg(" | ".join)
        .reset_index()
    )
    wide = per_year.pivot(index=_INDEX, columns="year", values="cell")
    wide = wide.sort_index(level=["entity", "series", "group"], sort_remaining=False)
    wide.columns = [int(y) for y in wide.columns]
    wide.columns.name = "year"
    return AlignmentTable(wide)


def group_headings(alignment: pd.DataFrame) -> pd.DataFrame:
    """Every heading each group carried: one row per group with ``entity, series, group,
    label`` and ``headings`` (each distinct heading, outline number set aside, with its
    years, most used first, e.g. ``"Terrorist Finance (2016, 2017); Financing (2018)"``)
    and ``n_headings`` (how many distinct headings)."""
    m = alignment[alignment["status"] == "matched"].dropna(subset=["heading"])
    rows = []
    for (e, s, g, label), part in m.groupby(
        ["entity", "series", "group", "label"], sort=True, dropna=False
    ):
        years: dict[str, list] = {}
        for h, y in zip(part["heading"], part["year"], strict=True):
            name = " ".join(str(h).split())
            years.setdefault(clean_heading(name) or name, []).append(y)
        order = sorted(years.items(), key=lambda kv: (-len(kv[1]), -max(kv[1])))
        text = "; ".join(f"{h} ({', '.join(str(y) for y in sorted(ys))})" for h, ys in order)
        rows.append((e, s, g, label, text, len(years)))
    return pd.DataFrame(
        rows, columns=["entity", "series", "group", "label", "headings", "n_headings"]
    )
