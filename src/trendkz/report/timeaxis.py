"""The time axis of figures: years, or dates when a series has several documents a year."""

from __future__ import annotations

import pandas as pd

from ..load.dates import decimal_year

__all__ = ["pair_label", "several_a_year", "time_column"]


def several_a_year(df: pd.DataFrame, year: str = "year", date: str = "date") -> bool:
    """Whether some entity and series of ``df`` has more than one date in one year."""
    if year not in df.columns or date not in df.columns or df.empty:
        return False
    keys = [c for c in ("entity", "series") if c in df.columns] + [year]
    per = df[[*keys, date]].drop_duplicates().groupby(keys, dropna=False)[date].nunique()
    return bool(len(per)) and int(per.max()) > 1


def time_column(df: pd.DataFrame, x: str) -> tuple[pd.DataFrame, str]:
    """``(df, x)`` to draw: with ``x == "year"`` and several documents a year, ``df`` gains
    ``date (year)``, the date as a year with a fraction (2012-07-01 -> 2012.5), and ``x``
    names it."""
    if x != "year" or not several_a_year(df):
        return df, x
    when = [decimal_year(d, y) for d, y in zip(df["date"], df["year"], strict=True)]
    return df.assign(**{"date (year)": when}), "date (year)"


def pair_label(row, sep: str = " → ") -> str:
    """``2021 → 2022`` for a pair of documents, or their dates when a date says more than
    its year (several documents a year): ``2021-Q3 → 2021-Q4``."""

    def when(side: str) -> str:
        year, date = _get(row, f"year_{side}"), _get(row, f"date_{side}")
        if date is None or pd.isna(date) or str(date) == str(year):
            return "" if year is None or pd.isna(year) else str(year)
        return str(date)

    return f"{when('from')}{sep}{when('to')}"


def _get(row, key: str):
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return getattr(row, key, None)
