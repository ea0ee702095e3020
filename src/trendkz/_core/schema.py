"""The one column vocabulary of trendkz frames: names, dtypes and sort orders.

Every compute function returns a long-form frame with a plain RangeIndex whose columns come
from :data:`COLUMNS`, in the order and sort order given by :data:`FRAMES`. Use
:func:`conform` as the last step of every compute function.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final, Literal

import numpy as np
import pandas as pd

__all__ = [
    "COLUMNS",
    "FRAMES",
    "conform",
    "empty",
    "is_missing",
    "records",
    "require",
    "sort_order",
]

#: the pandas dtypes of frame columns
Dtype = Literal["string", "Int64", "float64", "boolean"]
S: Final = "string"
I: Final = "Int64"  # noqa: E741 - one-letter dtype aliases keep the table readable
F: Final = "float64"
B: Final = "boolean"

#: column name -> pandas dtype. One meaning per name across every frame.
COLUMNS: dict[str, Dtype] = {
    # provenance
    "doc_id": S,
    "entity": S,
    "series": S,
    "year": I,
    "kind": S,
    "title": S,
    "publisher": S,
    "source": S,
    "sha256": S,
    "date": S,
    "date_source": S,
    "date_from": S,
    "date_to": S,
    "n_words": I,
    "n_chrome": I,
    "section_id": S,
    "parent_id": S,
    "level": I,
    "position": I,
    "heading": S,
    "style": S,
    "text": S,
    "start": I,
    "end": I,
    "rule": S,
    # alignment
    "group": I,
    "label": S,
    "similarity": F,
    "method": S,
    "status": S,
    "year_from": I,
    "year_to": I,
    "doc_from": S,
    "doc_to": S,
    "sentence_id": I,
    "sentence_from": I,
    "sentence_to": I,
    "group_to": I,
    "text_from": S,
    "text_to": S,
    # text diffs
    "n_added": I,
    "n_removed": I,
    "n_changed": I,
    # terms
    "term": S,
    "frame": S,
    "count": I,
    "quoted": I,
    "hedged": I,
    "rate": F,
    "is_quoted": B,
    "is_hedged": B,
    "left": S,
    "match": S,
    "right": S,
    # facts
    "value": F,
    "low": F,
    "high": F,
    "low_open": B,
    "high_open": B,
    "unit": S,
    "qualifier": S,
    "direction": S,
    "measure": S,
    "period_start": I,
    "period_end": I,
    "period_assumed": B,
    "sentence": S,
    "value_from": F,
    "value_to": F,
    "change": F,
    "qualifier_from": S,
    "qualifier_to": S,
    "start_from": I,
    "end_from": I,
    "start_to": I,
    "end_to": I,
    "doc_a": S,
    "doc_b": S,
    "value_a": F,
    "value_b": F,
    "text_a": S,
    "text_b": S,
    "kind_a": S,
    "kind_b": S,
    "fact_kind": S,
    "start_a": I,
    "end_a": I,
    "start_b": I,
    "end_b": I,
    "period_match": S,
    "link": S,
    "sentence_text_from": S,
    "sentence_text_to": S,
    # tables (one row per cell)
    "table": I,
    "row": I,
    "column": I,
    "header": S,
    "caption": S,
    # keyness
    "n_target": I,
    "n_reference": I,
    "g2": F,
    "chi2": F,
    "p": F,
    "log_ratio": F,
    "leans": S,
    # digest (its ``kind`` is the kind of change: "fact moved", "section added" ...)
    "rank": I,
    "headline": S,
    "score": F,
    "score_detail": S,
    "heading_from": S,
    "quote_from": S,
    "heading_to": S,
    "quote_to": S,
}

#: frame name -> (columns in order, sort keys with explicit tie-breaks)
#: (written as space-separated names: one frame per entry, easy to read whole)
FRAMES: dict[str, tuple[list[str], list[str]]] = {
    "documents": (
        (
            "doc_id entity series year date kind title publisher n_words n_chrome sha256 source "
            "date_source"
        ).split(),
        "year date entity series kind doc_id".split(),
    ),
    "chrome": (
        "doc_id year date rule start end text".split(),
        "doc_id start".split(),
    ),
    "tables": (
        "doc_id entity series year table row column label header text start end caption".split(),
        ["year", "entity", "series", "doc_id", "table", "row", "column"],
    ),
    "sections": (
        (
            "doc_id entity series year date kind section_id parent_id level position heading "
            "style text start end n_words"
        ).split(),
        "year date entity series doc_id start".split(),
    ),
    "alignment": (
        (
            "entity series group label doc_id year date section_id heading similarity method status"
        ).split(),
        "entity series group year date doc_id section_id".split(),
    ),
    "group_texts": (
        "entity series group label doc_id year date status text n_words".split(),
        "entity series group year date doc_id".split(),
    ),
    "sentences": (
        (
            "entity series group year_from year_to date_from date_to doc_from doc_to "
            "sentence_from sentence_to group_to text_from text_to similarity status"
        ).split(),
        "entity series group year_from date_from doc_from sentence_from sentence_to".split(),
    ),
    "changes": (
        (
            "entity series group label year_from year_to date_from date_to doc_from doc_to "
            "similarity n_added n_removed n_changed status"
        ).split(),
        "entity series group year_from date_from".split(),
    ),
    "terms": (
        (
            "doc_id entity series year date kind section_id group term count quoted hedged "
            "n_words rate"
        ).split(),
        "entity series year date doc_id section_id group term".split(),
    ),
    "hits": (
        "doc_id entity series year date section_id term start end text is_quoted is_hedged".split(),
        "entity series year date doc_id start term".split(),
    ),
    "sentence_list": (
        "doc_id entity series year date section_id sentence_id text start end".split(),
        "year date entity series doc_id start".split(),
    ),
    "kwic": (
        (
            "doc_id entity series year date section_id term left match right is_quoted "
            "is_hedged start end"
        ).split(),
        "entity series year date doc_id start".split(),
    ),
    "facts": (
        (
            "doc_id entity series year date kind section_id fact_kind value low high low_open "
            "high_open unit qualifier direction measure period_start period_end period_assumed "
            "start end text sentence"
        ).split(),
        "entity series year date doc_id start period_start".split(),
    ),
    "fact_changes": (
        (
            "entity series group measure unit year_from year_to date_from date_to value_from "
            "value_to qualifier_from qualifier_to change status similarity doc_from doc_to "
            "start_from end_from start_to end_to text_from text_to link sentence_text_from "
            "sentence_text_to"
        ).split(),
        (
            "entity series measure unit year_from year_to date_from date_to start_from start_to"
        ).split(),
    ),
    "corroboration": (
        (
            "entity measure unit period_start period_end doc_a doc_b kind_a kind_b value_a "
            "value_b text_a text_b start_a end_a start_b end_b similarity period_match status"
        ).split(),
        "entity measure period_start period_end doc_a doc_b start_a start_b".split(),
    ),
    # rows by the statistic asked for (descending, rounded to 9 digits), then term: the
    # order depends on an option, so keyness sorts its rows and no key is declared
    "keyness": ("term n_target n_reference g2 chi2 p log_ratio leans".split(), []),
    # document pairs, then each pair's items by rank (the digest sorts its pairs itself)
    "digest": (
        (
            "entity series year_from year_to date_from date_to doc_from doc_to rank kind "
            "status headline score score_detail term measure heading_from start_from end_from "
            "quote_from heading_to start_to end_to quote_to"
        ).split(),
        "entity series year_from year_to date_from date_to doc_from doc_to rank".split(),
    ),
}


def empty(frame: str) -> pd.DataFrame:
    """An empty frame of the given kind, with its columns and dtypes."""
    return conform(pd.DataFrame({c: [] for c in FRAMES[frame][0]}), frame)


def conform(
    df: pd.DataFrame, frame: str, *, extra: tuple[str, ...] = (), sort: bool = True
) -> pd.DataFrame:
    """Order, type and stably sort ``df`` as the frame kind ``frame`` declares.

    Columns not declared are dropped unless named in ``extra`` (kept after the declared
    ones). Missing declared columns are an internal error. Rows are put in the declared
    sort order (stable, missing values first) by :func:`sort_order`, which first checks
    cheaply whether they are in order already; ``sort=False`` keeps the rows as given.
    """
    cols, keys = FRAMES[frame]
    for year, date in (("year", "date"), ("year_from", "date_from"), ("year_to", "date_to")):
        if date in cols and date not in df.columns:  # a frame made by hand: dates = years
            df = with_date(df, year, date)
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"frame {frame!r} lacks columns {missing}")
    data = {c: _cast(df[c], COLUMNS[c]) for c in cols}
    data.update((c, df[c]) for c in extra if c in df.columns and c not in data)
    out = pd.DataFrame(data)  # copy-on-write: no column is shared with ``df`` for writing
    if sort and len(out) > 1:
        order = sort_order(out, [k for k in keys if k in out.columns])
        if order is not None:
            return out.take(order).reset_index(drop=True)
    return out.reset_index(drop=True)


def sort_order(frame: pd.DataFrame, keys: list[str]) -> np.ndarray | None:
    """The stable order of ``frame``'s rows by ``keys`` (missing values first), or None
    when the rows are in that order already (the cheap, common case).

    The same order as ``frame.sort_values(keys, kind="mergesort", na_position="first")``:
    each key is coded by rank (missing: -1) and the codes are compared as a whole.
    """
    codes = [pd.factorize(frame[k], sort=True, use_na_sentinel=True)[0] for k in keys]
    if not codes:
        return None
    tie = np.ones(len(frame) - 1, dtype=bool)
    for c in codes:
        prev, nxt = c[:-1], c[1:]
        if (tie & (prev > nxt)).any():
            return np.lexsort(codes[::-1])
        tie &= prev == nxt
    return None


#: the dtype objects of COLUMNS' names, to tell a column that already has its dtype
_DTYPES = {name: pd.api.types.pandas_dtype(name) for name in (S, I, F, B)}


def _cast(s: pd.Series, dtype: Dtype) -> pd.Series:
    target = _DTYPES[dtype]
    if repr(s.dtype) == repr(target):  # not ==: the "str" dtype == "string" is True
        return s
    if dtype == I:
        return pd.to_numeric(s, errors="raise").astype(I) if len(s) else s.astype(I)
    if dtype == F:
        return pd.to_numeric(s, errors="raise").astype(F)
    if dtype == B:
        return s.astype(B)
    return s.astype(S)


def records(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of ``frame`` as named tuples (``itertuples(index=False)``), typed ``Any``:
    the fields of a row carry no static types."""
    return frame.itertuples(index=False)


def is_missing(value: object) -> bool:
    """``value`` is a missing cell: None, ``pd.NA`` or a float NaN."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def require_corpus(corpus, *, fn: str, documents: bool = False) -> None:
    """Raise :class:`~trendkz._core.errors.InputError` unless ``corpus`` is a Corpus (what
    ``trendkz.load_corpus`` returns), or with ``documents`` a list of its Documents."""
    from .errors import InputError

    if documents and isinstance(corpus, (list, tuple)):
        if all(hasattr(d, "body") and hasattr(d, "doc_id") for d in corpus):
            return
    elif hasattr(corpus, "by_entity") and hasattr(corpus, "documents"):
        return
    raise InputError(f"{fn} takes a Corpus from trendkz.load_corpus, not {type(corpus).__name__}")


def require(frame, columns, *, name: str, maker: str) -> None:
    """Raise :class:`~trendkz._core.errors.InputError` unless ``frame`` is a DataFrame holding
    ``columns``; ``name`` is what the caller calls it, ``maker`` the function that makes it."""
    from .errors import InputError

    if not isinstance(frame, pd.DataFrame):
        raise InputError(
            f"{name} must be a DataFrame from trendkz.{maker}, not {type(frame).__name__}"
        )
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(f"{name} lacks columns {missing}; pass the frame trendkz.{maker} returns")


def with_date(frame: pd.DataFrame, year: str = "year", date: str = "date") -> pd.DataFrame:
    """``frame`` with a ``date`` column: as it is, or the year as text where a frame made
    before dates existed (or by hand) has none."""
    if date in frame.columns or year not in frame.columns:
        return frame
    years = frame[year]
    return frame.assign(
        **{date: years.map(lambda y: None if pd.isna(y) else f"{int(y):04d}").astype(S)}
    )
