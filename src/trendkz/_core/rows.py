"""Frames from row tuples, each column made with the dtype :data:`trendkz._core.schema.COLUMNS`
declares (so :func:`trendkz._core.schema.conform` has nothing to cast)."""

from __future__ import annotations

from operator import gt

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
    data = {}
    for name, values in zip(columns, zip(*rows, strict=True), strict=True):
        try:
            data[name] = _MAKERS[schema.COLUMNS[name]](values)
        except (TypeError, ValueError):
            data[name] = list(values)
    return pd.DataFrame(data, copy=False)


_PLAIN = {str, int}


def _missing(value) -> bool:
    return value is None or value is pd.NA or value != value


def conformed(rows: list[tuple], columns, frame: str) -> pd.DataFrame:
    """``schema.conform(frame_of_rows(rows, columns), frame)``, with the rows put in the
    frame's order here (a stable sort, missing values first, as ``conform`` sorts): cheaper
    than pandas' sort for these sizes, and nothing to do for rows made in order."""
    columns = list(columns)
    values = list(zip(*rows, strict=True))
    keys = []
    for name in schema.FRAMES[frame][1]:
        if name in columns:
            column = values[columns.index(name)]
            if set(map(type, column)) <= _PLAIN:  # nothing missing: compared as they are
                keys.append(column)
                continue
            missing = [_missing(v) for v in column]
            keys.append(
                [(0, 0) if m else (1, v) for v, m in zip(column, missing, strict=True)]
                if any(missing)
                else column
            )
    try:
        order = list(zip(*keys, strict=True))
        if any(map(gt, order, order[1:])):
            rows = [rows[n] for n in sorted(range(len(rows)), key=order.__getitem__)]
    except TypeError:  # values that do not compare: let pandas sort them
        return schema.conform(frame_of_rows(rows, columns), frame)
    return schema.conform(frame_of_rows(rows, columns), frame, sort=False)
