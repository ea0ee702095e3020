import math

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz._core import schema
from trendkz._core.rows import conformed, frame_of_rows
from trendkz.facts.extract import extract_facts

_COLUMNS = ("entity", "year", "value", "low_open", "text")
_ROWS = [
    ("Kazakhstan", 2019, 1.5, True, "1.5"),
    (None, None, math.nan, None, pd.NA),
    (pd.NA, pd.NA, 3.0, False, "three"),
]


def test_columns_have_their_declared_dtypes():
    df = frame_of_rows(_ROWS, _COLUMNS)
    assert {c: str(df[c].dtype) for c in _COLUMNS} == {
        c: str(pd.api.types.pandas_dtype(schema.COLUMNS[c])) for c in _COLUMNS
    }
    assert df["entity"].isna().tolist() == [False, True, True]


def test_same_frame_as_the_generic_path(kz_sections):
    facts = extract_facts(kz_sections, include_non_facts=True)
    rows = list(facts.astype(object).itertuples(index=False, name=None))
    columns = tuple(facts.columns)
    pd.testing.assert_frame_equal(
        schema.conform(frame_of_rows(rows, columns), "facts"),
        schema.conform(pd.DataFrame.from_records(rows, columns=columns), "facts"),
    )


def test_values_that_do_not_fit_are_left_for_conform():
    df = frame_of_rows([("2019", pd.NA)], ("year", "value"))
    assert df["year"].tolist() == ["2019"] or str(df["year"].dtype) == "Int64"
    assert df["value"].tolist()[0] is pd.NA


_KEYED = (
    "entity",
    "measure",
    "period_start",
    "period_end",
    "doc_a",
    "doc_b",
    "start_a",
    "start_b",
    "similarity",
)
_VALUE = {
    "entity": st.sampled_from(["B", "A", None, pd.NA]),
    "measure": st.sampled_from(["x", "y", "x y"]),
    "period_start": st.sampled_from([2019, 2020, None]),
    "period_end": st.sampled_from([2020, 2021]),
    "doc_a": st.sampled_from(["d1", "d2"]),
    "doc_b": st.sampled_from(["d2", "d3", None]),
    "start_a": st.integers(0, 3),
    "start_b": st.sampled_from([0, 5, pd.NA]),
    "similarity": st.sampled_from([0.5, 1.0, math.nan]),
}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(*(_VALUE[c] for c in _KEYED)), max_size=12))
def test_conformed_sorts_as_conform(rows):
    columns = (*_KEYED, *[c for c in schema.FRAMES["corroboration"][0] if c not in _KEYED])
    rows = [(*r, *[None] * (len(columns) - len(_KEYED))) for r in rows]
    if not rows:
        return
    pd.testing.assert_frame_equal(
        conformed(rows, columns, "corroboration"),
        schema.conform(pd.DataFrame.from_records(rows, columns=list(columns)), "corroboration"),
    )
