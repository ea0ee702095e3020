"""Facts from tables: one fact per cell that holds a number.

``extract_table_facts(tables)`` takes the tables frame (one row per cell: ``doc_id, entity,
series, year, table, row, column, label`` (the row's label), ``header`` (the column's
header, e.g. "2021"), ``text`` (the cell as written), ``start, end`` (offsets in the body),
``caption`` (the text just above the table, e.g. "(in millions, except per share)")) and
reads each cell:

- the value with its sign: ``(13)`` and ``$(1.2)`` are negative (accounting parentheses),
  so are ``-5`` and ``−5``; ``—``, ``-``, ``n/a`` and empty cells are no facts;
- the scale the caption (or the header, or the row label) declares: "(in millions)",
  "Dollars in thousands", "in billions, except per share" multiplies the cell, except
  percentages and, under "except per share", rows about per-share amounts; the declared
  scale itself is never a fact;
- the unit: ``USD`` (a ``$`` in the cell, caption, header or label, or "dollars"), ``USD per
  share`` (a per-share row), ``percent`` (``%`` in the cell, or a label or header saying
  percent), else ``count``;
- the measure: the row label as written (footnote marks and a trailing colon dropped);
- the period: the year in the column header ("2021", "FY 2021", "Fiscal 2021"), else in the
  row label, else the document's year (assumed).

The frame has the columns of :func:`trendkz.facts.extract.extract_facts` (``kind`` and
``section_id`` empty, ``sentence`` = "label | header: cell") with ``fact_kind`` ``table``.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .._core import schema
from .._core.rows import conformed

__all__ = ["TABLE_KIND", "extract_table_facts", "read_cell", "table_scale"]

TABLE_KIND = "table"
_NEEDED = (
    "doc_id",
    "entity",
    "series",
    "year",
    "table",
    "row",
    "column",
    "label",
    "header",
    "text",
    "start",
    "end",
    "caption",
)
_SCALES = {"thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9}
_SCALES["billions"] = 1e9
_DECLARED = re.compile(
    r"\bin\s+(thousands|millions|billions)\b|\b(?:dollars|amounts|\$)\s+in\s+"
    r"(thousands|millions|billions)\b|\((thousands|millions|billions)\)|"
    r"(?:\$|\bUSD)\s*(thousands|millions|billions|000s|000)\b",
    re.I,
)
_EXCEPT_SHARE = re.compile(r"except\s+(?:for\s+)?per[\s-]+share", re.I)
_PER_SHARE = re.compile(r"per[\s-]+(?:diluted\s+|basic\s+|common\s+)?share|\bEPS\b", re.I)
_CELL = re.compile(
    r"^\s*(?P<lp>\()?\s*(?P<cur>[$€£])?\s*(?P<lp2>\()?\s*(?P<minus>[-−–])?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+)\s*(?P<rp>\))?\s*(?P<pct>%)?\s*"
    r"(?P<rp2>\))?\s*$"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FOOTNOTE = re.compile(r"(?:\(\d\)|\[\d+\]|\*+|\d\)$)\s*$")


def table_scale(caption: str) -> float:
    """The multiplier a caption declares ("(in millions)" -> 1e6), 1 when none."""
    m = _DECLARED.search(caption or "")
    if not m:
        return 1.0
    word = next(g for g in m.groups() if g).lower()
    return 1e3 if word.startswith("000") else _SCALES[word]


def read_cell(text: str) -> tuple[float, str, bool] | None:
    """``(value with its sign, currency sign or "%" or "", negative)`` of a cell, or
    ``None`` when it holds no number ("—", "n/a", "", text)."""
    m = _CELL.match(text or "")
    if not m:
        return None
    value = float(m["num"].replace(",", ""))
    paren = bool((m["lp"] or m["lp2"]) and (m["rp"] or m["rp2"]))
    negative = paren or bool(m["minus"])
    unit = "%" if m["pct"] else (m["cur"] or "")
    return (-value if negative else value), unit, negative


def _clean_label(label: str) -> str:
    label = _FOOTNOTE.sub("", str(label or "")).strip()
    return label.rstrip(":").strip()


def _text(v) -> str:
    return "" if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) else str(v)


def _unit_and_scale(sign_unit: str, label: str, header: str, caption: str) -> tuple[str, float]:
    """The unit of a cell (``percent``, ``USD per share``, a currency, or ``count``) from its
    sign (``sign_unit``: "$", "%" ... or the table's currency) and the words of its row
    ``label``, column ``header`` and table ``caption``; and the scale its value is multiplied
    by: one declared in the header or label, else in the caption; 1 for percentages and for
    per-share values the caption excepts ("in millions, except per share")."""
    context = f"{caption} {header} {label}"
    per_share = bool(_PER_SHARE.search(label))
    money = sign_unit in ("$", "€", "£") or "$" in context or "dollar" in context.lower()
    percent = sign_unit == "%" or bool(re.search(r"%|\bpercent\b", f"{header} {label}", re.I))
    if percent:
        unit = "percent"
    elif per_share and money:
        unit = "USD per share"
    elif money:
        unit = {"€": "EUR", "£": "GBP"}.get(sign_unit, "USD")
    else:
        unit = "count"
    own = f"{header} {label}"  # a scale in the header or label wins over the caption's
    scale = table_scale(own) if _DECLARED.search(own) else table_scale(caption)
    if percent or (per_share and _EXCEPT_SHARE.search(caption + header)):
        scale = 1.0
    return unit, scale


def extract_table_facts(tables: pd.DataFrame) -> pd.DataFrame:
    """One fact per table cell holding a number (see the module docstring).

    Parameters
    ----------
    tables
        One row per cell: ``doc_id, entity, series, year, table, row, column, label,
        header, text, start, end, caption``.

    Returns
    -------
    DataFrame
        The columns of the facts frame: ``doc_id, entity, series, year, date, kind, section_id,
        fact_kind`` (``table``), ``value`` (scaled, signed), ``low``, ``high`` (= value),
        ``low_open``, ``high_open`` (False), ``unit``, ``qualifier`` (empty), ``direction``
        (empty), ``measure`` (the row label), ``period_start``, ``period_end`` (the header's
        year), ``period_assumed``, ``start``, ``end`` (the cell's offsets), ``text`` (the cell),
        ``sentence`` ("label | header: cell"). Sorted as the facts frame.
    """
    schema.require(tables, _NEEDED, name="tables", maker="the PDF table reader")
    rows = []
    cols = [tables[c].tolist() for c in _NEEDED]
    # a table with a currency sign in any cell is in that currency ("$1,234" heads a column
    # whose other cells are bare)
    money_tables = {
        (d, t): c
        for d, t, x in zip(cols[0], cols[4], cols[9], strict=True)
        for c in "$€£"
        if c in _text(x)
    }
    dates = schema.with_date(tables)["date"].tolist()
    for doc_id, entity, series, year, t, _r, _c, label, header, text, a, b, caption, date in zip(
        *cols, dates, strict=True
    ):
        cell = read_cell(_text(text))
        if cell is None:
            continue
        value, sign_unit, _ = cell
        label, header, caption = _clean_label(_text(label)), _text(header), _text(caption)
        if sign_unit not in ("$", "€", "£"):
            sign_unit = money_tables.get((doc_id, t), sign_unit)
        unit, scale = _unit_and_scale(sign_unit, label, header, caption)
        value *= scale
        years = _YEAR.findall(header) or _YEAR.findall(label)
        if years:
            first, last, assumed = int(years[0]), int(years[-1]), False
        else:
            first = last = int(year)
            assumed = True
        rows.append(
            (
                doc_id,
                entity,
                series,
                year,
                date,
                None,
                None,
                TABLE_KIND,
                value,
                value,
                value,
                False,
                False,
                unit,
                None,
                None,
                label or None,
                first,
                last,
                assumed,
                int(a),
                int(b),
                _text(text),
                f"{label} | {header}: {_text(text)}",
            )
        )
    if not rows:
        return schema.empty("facts")
    return conformed(rows, schema.FRAMES["facts"][0], "facts")
