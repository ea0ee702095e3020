"""Frames from row tuples, each column made with the dtype :data:`trendkz._core.schema.COLUMNS`
declares (so :func:`trendkz._core.schema.conform` has nothing to cast)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from . import schema

__all__ = ["conformed", "frame_of_rows"]

_MAKERS = {
    "string": lambda values: pd.array(values, dtype="string"),
    "Int64": lambda values: pd.array(values, dtype="Int64"),
    "float64": lambda values: np.array(values, dtype=np.float64),
    "boolean": lambda values: pd.array(values, dtype="boolean"),
}


def frame_of_rows(rows: list[tuple], columns) -> pd.DataFrame:
    """A frame of ``rows`` (tuples of the ``columns``' values; missing values ``None``,
    ``pd.NA`` or NaN). A column whose values do not fit its dtype as they are is left as
    a list, for ``conform`` to cast as it would any other."""
    data: dict[str, Any] = {}
    for name, values in zip(columns, zip(*rows, strict=True), strict=True):
        try:
            data[name] = _MAKERS[schema.COLUMNS[name]](values)
        except (TypeError, ValueError):
            data[name] = list(values)
    return pd.DataFrame(data, copy=False)


def conformed(rows: list[tuple], columns, frame: str) -> pd.DataFrame:
    """``schema.conform(frame_of_rows(rows, columns), frame)``: a frame of ``frame``'s kind
    from row tuples."""
    return schema.conform(frame_of_rows(rows, list(columns)), frame)
