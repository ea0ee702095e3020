import math

import pandas as pd

from trendkz import schema
from trendkz.facts import extract_facts
from trendkz.rows import frame_of_rows

_COLUMNS = ("entity", "year", "value", "low_open", "text")
_ROWS = [("Kazakhstan", 2019, 1.5, True, "1.5"), (None, None, math.nan, None, pd.NA),
         (pd.NA, pd.NA, 3.0, False, "three")]


def test_columns_have_their_declared_dtypes():
    df = frame_of_rows(_ROWS, _COLUMNS)
    assert {c: str(df[c].dtype) for c in _COLUMNS} == {
        c: str(pd.api.types.pandas_dtype(schema.COLUMNS[c])) for c in _COLUMNS}
    assert df["entity"].isna().tolist() == [False, True, True]


def test_same_frame_as_the_generic_path(kz_sections):
    facts = extract_facts(kz_sections, include_non_facts=True)
    rows = list(facts.astype(object).itertuples(index=False, name=None))
    columns = tuple(facts.columns)
    pd.testing.assert_frame_equal(
        schema.conform(frame_of_rows(rows, columns), "facts"),
        schema.conform(pd.DataFrame.from_records(rows, columns=columns), "facts"))


def test_values_that_do_not_fit_are_left_for_conform():
    df = frame_of_rows([("2019", pd.NA)], ("year", "value"))
    assert df["year"].tolist() == ["2019"] or str(df["year"].dtype) == "Int64"
    assert df["value"].tolist()[0] is pd.NA
