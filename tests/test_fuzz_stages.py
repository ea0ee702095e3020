"""Fuzzing the stages after loading, one entry point each: split_sections, split_sentences,
extract_facts, Lexicon/term_hits/count_terms, diff_text and compare, on hostile text.
Outcome: no exception but TrendkzError, and each stage's invariant holds."""

from __future__ import annotations

import math
import time
import warnings

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendkz
from trendkz import InputError, Lexicon
from trendkz.diff.tokens import tokenize

from .fuzzing import HOSTILE, WITH_YEAR, ci, slow


def _corpus(texts: list[str]):
    df = pd.DataFrame({"text": texts, "year": [2019 + i for i in range(len(texts))]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", trendkz.TrendkzWarning)
        return trendkz.load_corpus(df)


def check_sections(text: str) -> None:
    """split_sections, split_sentences, extract_facts, term_hits and count_terms on one
    hostile document: spans point at their text, facts are finite or NaN, counts add up."""
    try:
        corpus = _corpus([text])
    except trendkz.TrendkzError:
        return
    sections = trendkz.split_sections(corpus)
    body = next(iter(corpus)).body
    for r in sections.itertuples():
        assert body[r.start : r.end] == r.text
    sentences = trendkz.split_sentences(sections)
    for r in sentences.itertuples():
        assert body[r.start : r.end] == r.text
    facts = trendkz.extract_facts(sections, include_non_facts=True)
    for r in facts.itertuples():
        assert r.text == body[r.start : r.end]
        assert math.isnan(r.value) or math.isfinite(r.value)
    hits = trendkz.term_hits(sections)
    counts = trendkz.count_terms(sections)
    assert int(counts["count"].sum()) == len(hits)


@ci(50)
@given(WITH_YEAR)
def test_sections_facts_terms(text):
    check_sections(text)


@pytest.mark.slow
@slow()
@given(WITH_YEAR)
def test_sections_facts_terms_slow(text):
    check_sections(text)


PATTERN_PIECES = st.sampled_from(
    ["*", "**", "-", "'", "a", "b", "x", "ab", "terror", "ism", "İ", "ı", "K", "ß", " ", "...", "9"]
)
PATTERNS = st.lists(PATTERN_PIECES, min_size=1, max_size=8).map("".join)
LEX_TEXT = st.one_of(
    HOSTILE,
    st.lists(
        st.sampled_from(["a" * 50, "ab" * 40, "x", "terrorism", "İSM", "ıx", " ", "-"]), max_size=40
    ).map("".join),
)


def check_lexicon(patterns: list[str], text: str) -> None:
    try:
        lex = Lexicon({f"t{i}": [p] for i, p in enumerate(dict.fromkeys(patterns))})
    except InputError:
        return
    t = time.process_time()  # CPU time: a loaded machine does not make it flaky
    hits = lex.find(text)
    assert time.process_time() - t < 2.0  # bounded: no catastrophic backtracking
    full = [(m.start(), m.end()) for m in lex.regex.finditer(text)]
    assert [(a, b) for a, b, _ in hits] == full  # the prefilter never changes the result
    ends = 0
    for a, b, _ in hits:
        assert ends <= a < b  # non-empty, in order, not overlapping
        ends = b


@ci(80)
@given(st.lists(PATTERNS, min_size=1, max_size=4), LEX_TEXT)
def test_lexicons(patterns, text):
    check_lexicon(patterns, text)


@pytest.mark.slow
@slow()
@given(st.lists(PATTERNS, min_size=1, max_size=4), LEX_TEXT)
def test_lexicons_slow(patterns, text):
    check_lexicon(patterns, text)


def check_diff(a: str, b: str) -> None:
    d = trendkz.diff_text(a, b)
    assert d.apply() == [t.text for t in tokenize(b)]  # applying the opcodes rebuilds b
    assert all(o.tag == "equal" for o in trendkz.diff_text(a, a).opcodes)


@ci(60)
@given(HOSTILE, HOSTILE)
def test_diff_text(a, b):
    check_diff(a, b)


@pytest.mark.slow
@slow()
@given(HOSTILE, HOSTILE)
def test_diff_text_slow(a, b):
    check_diff(a, b)


def check_compare(texts: list[str]) -> None:
    try:
        corpus = _corpus(texts)
    except trendkz.TrendkzError:
        return
    result = trendkz.compare(corpus)
    assert set(result.sections["doc_id"]) <= {d.doc_id for d in corpus}


@ci(8)
@given(st.lists(WITH_YEAR, min_size=2, max_size=2))
def test_compare(texts):
    check_compare(texts)


@pytest.mark.slow
@slow()
@given(st.lists(WITH_YEAR, min_size=2, max_size=2))
def test_compare_slow(texts):
    check_compare(texts)
