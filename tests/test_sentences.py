"""The sentence splitter: offsets, abbreviations, and the fast scan against the plain one."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz.segment.sentences import (
    _is_abbreviation,
    sentence_spans,
    sentence_texts,
    split_sentences,
)

from .reference import plain_abbreviation, plain_spans


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence():
    text = (
        "The U.S. embassy met Mr. A. Gusarova on Dec. 3. Fines rose 2.5 times. "
        "Did it work? No.\n\nA new paragraph"
    )
    got = [text[a:b] for a, b in sentence_spans(text)]
    assert got == [
        "The U.S. embassy met Mr. A. Gusarova on Dec. 3.",
        "Fines rose 2.5 times.",
        "Did it work?",
        "No.",
        "A new paragraph",
    ]


def test_offsets_shift_and_trim():
    assert sentence_spans("  One. Two.  ", 10) == [(12, 16), (17, 21)]
    assert sentence_spans("") == [] and sentence_spans(" \n\n ") == []


WORDS = [
    "a",
    "A",
    "The",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    "!",
    "?",
    "…",
    "U.S.",
    "No.",
    "Dec.",
    "J.R.",
    "e.g.",
    "2.5",
    "“",
    "”",
    "’",
    ")",
    "(",
    "«",
    "»",
    "-",
    "•",
    "\t",
    "x.",
    "...",
]
PIECES = st.sampled_from(WORDS)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(0, 50))
def test_fast_scan_equals_the_regex_scan(text, offset):
    assert sentence_spans(text, offset) == plain_spans(text, offset)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_sentence_texts_are_the_spans(text):
    assert sentence_texts(text) == [text[a:b] for a, b in sentence_spans(text)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WORDS, "\u2003", "(No", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH"]),
        max_size=20,
    ).map("".join)
)
def test_token_before_a_dot_as_the_regex_finds_it(text):
    for dot in [k for k, ch in enumerate(text) if ch == "."]:
        assert _is_abbreviation(text, dot) == plain_abbreviation(text, dot)


def test_split_sentences_rows_point_into_the_body(kz, kz_sections):
    sent = split_sentences(kz_sections)
    bodies = {d.doc_id: d.body for d in kz}
    assert len(sent) > 100
    for r in sent.sample(50, random_state=0).itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text
        assert not re.match(r"\s", r.text) and not re.search(r"\s$", r.text)
