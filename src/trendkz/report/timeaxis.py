"""The time axis of figures: years, or dates when a series has several documents a year."""

from __future__ import annotations

import pandas as pd

from ..load.dates import decimal_year

__all__ = ["several_a_year", "time_column"]


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
