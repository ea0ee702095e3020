"""schema.sort_order puts rows in the declared order exactly as pandas' stable sort does."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz._core.schema import FRAMES, conform, sort_order

_VALUES = st.tuples(
    st.one_of(st.none(), st.sampled_from(["a", "b", "B", "é", ""])),
    st.one_of(st.none(), st.integers(-3, 3)),
    st.one_of(st.none(), st.floats(-2, 2, allow_nan=False)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_VALUES, min_size=2, max_size=30))
def test_sort_order_is_pandas_stable_sort(rows):
    df = pd.DataFrame(rows, columns=["s", "i", "f"]).astype(
        {"s": "string", "i": "Int64", "f": "float64"}
    )
    df["n"] = range(len(df))
    expected = df.sort_values(["s", "i", "f"], kind="mergesort", na_position="first")["n"]
    order = sort_order(df, ["s", "i", "f"])
    got = df["n"].tolist() if order is None else df["n"].to_numpy()[order].tolist()
    assert got == expected.tolist()


def test_rows_in_order_are_not_moved_and_others_are_sorted():
    cols = FRAMES["chrome"][0]
    df = pd.DataFrame({c: [None] * 3 for c in cols}).assign(
        doc_id=["a", "a", "b"], start=[5, 9, 1], year=[2020] * 3, rule="x", end=[6, 10, 2], text="t"
    )
    assert sort_order(conform(df, "chrome", sort=False), ["doc_id", "start"]) is None
    shuffled = df.iloc[[2, 0, 1]]
    assert conform(shuffled, "chrome")["start"].tolist() == [5, 9, 1]
