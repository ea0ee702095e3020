"""Fuzzing load_corpus: hostile texts and years in DataFrames, hostile bytes in files,
hostile names in manifests. Outcome: a TrendkzError or a corpus whose texts are clean."""

from __future__ import annotations

import tempfile
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendkz
from trendkz.load.text import _CONTROL
from trendkz.load.years import YEARS

from .fuzzing import HOSTILE, WITH_YEAR, ci, slow

YEAR_VALUES = st.one_of(
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.booleans(),
    st.none(),
    st.sampled_from([2019, "2019", " 2019 ", 2019.0, "0000", "9999", 1e10, pd.NA]),
)


def _check_corpus(corpus) -> None:
    for doc in corpus:
        assert not _CONTROL.search(doc.text)
        assert unicodedata.is_normalized("NFC", doc.text)
        assert "\r" not in doc.text
        assert YEARS[0] <= doc.year <= YEARS[1] and isinstance(doc.year, int)


def check_frame(texts: list[str], years: list) -> None:
    df = pd.DataFrame(
        {"text": texts, "year": years[: len(texts)] + [None] * (len(texts) - len(years))}
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", trendkz.TrendkzWarning)
            corpus = trendkz.load_corpus(df)
    except trendkz.TrendkzError:
        return
    _check_corpus(corpus)


@ci(60)
@given(
    st.lists(st.one_of(HOSTILE, WITH_YEAR), min_size=1, max_size=3),
    st.lists(YEAR_VALUES, max_size=3),
)
def test_frames(texts, years):
    check_frame(texts, years)


@pytest.mark.slow
@slow()
@given(
    st.lists(st.one_of(HOSTILE, WITH_YEAR), min_size=1, max_size=3),
    st.lists(YEAR_VALUES, max_size=3),
)
def test_frames_slow(texts, years):
    check_frame(texts, years)


BYTES = st.one_of(
    st.binary(max_size=300),
    WITH_YEAR.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(WITH_YEAR, st.sampled_from(["cp1251", "latin-1", "utf-16", "mac_cyrillic"])).map(
        lambda te: te[0].encode(te[1], "replace")
    ),
    st.lists(st.sampled_from(["utf-8", "cp1251"]), min_size=1, max_size=6).map(
        lambda encs: b"".join(f"Line {i} отчёт 2019\n".encode(e) for i, e in enumerate(encs))
    ),
)


def check_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "doc" + suffix)
        path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", trendkz.TrendkzWarning)
                corpus = trendkz.load_corpus([path])
        except trendkz.TrendkzError:
            return
        _check_corpus(corpus)


@ci(60)
@given(BYTES, st.sampled_from([".txt", ".md", ".html"]))
def test_files(data, suffix):
    check_file(data, suffix)


@pytest.mark.slow
@slow()
@given(BYTES, st.sampled_from([".txt", ".md", ".html"]))
def test_files_slow(data, suffix):
    check_file(data, suffix)


NAMES = st.one_of(
    st.sampled_from(
        [
            "r.txt",
            "./r.txt",
            "../secret.txt",
            "sub/../../secret.txt",
            "/etc/hostname",
            "SECRET",
            "sub/../r.txt",
            "",
            " ",
            "r.txt\x00",
            "..",
            ".",
            "C:\\x.txt",
            "\\\\server\\x.txt",
            ".git/r.txt",
            "~/r.txt",
            "r.txt/..",
        ]
    ),
    st.text(max_size=30),
)
SECRET = "Secret report 2015\n\nIn 2015 the secret numbers were 777 and 999.\n"


def check_manifest(names: list[str], years: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "corpus")
        root.mkdir()
        Path(tmp, "secret.txt").write_text(SECRET)
        (root / "r.txt").write_text("Annual report 2019\n\nIn 2019, 40 schools opened.\n")
        names = [str(Path(tmp, "secret.txt")) if n == "SECRET" else n for n in names]
        man = pd.DataFrame({"file": names, "year": (years + [None] * len(names))[: len(names)]})
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", trendkz.TrendkzWarning)
                corpus = trendkz.load_corpus(root, manifest=man)
        except trendkz.TrendkzError:
            return
        _check_corpus(corpus)
        assert not any("secret numbers" in d.text for d in corpus)  # nothing read outside


@ci(60)
@given(st.lists(NAMES, min_size=1, max_size=3), st.lists(YEAR_VALUES, max_size=3))
def test_manifests(names, years):
    check_manifest(names, years)


@pytest.mark.slow
@slow()
@given(st.lists(NAMES, min_size=1, max_size=3), st.lists(YEAR_VALUES, max_size=3))
def test_manifests_slow(names, years):
    check_manifest(names, years)
