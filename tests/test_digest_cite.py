"""digest_cite and the digest's fast paths: each checked against the plain definition."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz.report.digest_cite import Bodies
from trendkz.report.digest_sentences import Tokens, _between
from trendkz.terms.keyness import _count, tokenize

_WORDS = ["press", "pressure", "freedom", "free", "Press", "PRESS-freedom", "of", "the", "İ"]


def _body(words: list[str], seps: list[str]) -> Bodies:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    return Bodies(pd.DataFrame({"doc_id": ["d"], "start": [0], "end": [len(text)],
                                "text": [text], "heading": [""]}))  # fmt: skip


def _find_words_plain(body: str, words: list[str]) -> tuple[int, int] | None:
    """The definition: the first match of the words (any case, non-word characters
    between them) in the body."""
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w) for w in words) + r"(?!\w)"
    low = body.lower()
    m = re.search(pattern, low) if len(low) == len(body) else re.search(pattern, body, re.I)
    return (m.start(), m.end()) if m else None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30),
    st.lists(st.sampled_from([" ", "-", ", ", "_", "", "\n"]), min_size=30, max_size=30),
    st.lists(st.sampled_from(["press", "freedom", "free", "the"]), min_size=1, max_size=2),
)
def test_find_words_is_the_first_match(words, seps, term):
    bodies = _body(words, seps)
    assert bodies.find_words("d", term) == _find_words_plain(bodies.body("d"), term)


def test_find_words_skips_a_first_word_that_does_not_start_the_term():
    bodies = _body(["pressure", "press", "of", "press", "freedom"], [" "] * 5)
    assert bodies.find_words("d", ["press", "freedom"]) == (18, 31)
    assert bodies.find_words("d", ["press"]) == (9, 14)
    assert bodies.find_words("d", ["censorship"]) is None


def test_find_is_remembered_and_the_same():
    bodies = _body(["a", "b.", "a", "b."], [" "] * 4)
    assert bodies.find("d", "a b.") == bodies.find("d", "a b.") == (0, 4)
    assert bodies.find("d", "a b.", near=1) == (5, 9)
    assert bodies.find("d", "a  b.") == (0, 4)  # other spacing: matched word by word
    assert bodies.find("d", "c") is None


@given(st.lists(st.text(alphabet="ab c.1’'", max_size=12), max_size=8))
def test_tokens_memo_is_tokenize(texts):
    tokens = Tokens()
    for t in texts + texts:
        assert tokens[t] == tokenize(t)


@given(
    st.lists(st.integers(0, 50), max_size=20),
    st.integers(0, 50),
    st.integers(0, 50),
)
def test_between_counts_as_searchsorted(starts, s, e):
    starts = sorted(starts)
    arr = np.array(starts, dtype="int64")
    expected = int(np.searchsorted(arr, e) - np.searchsorted(arr, s)) if starts else 0
    assert _between(starts, s, e) == expected
    assert _between(None, s, e) == 0


@given(st.lists(st.text(alphabet="ab c-", max_size=15), max_size=5))
def test_ngram_counts_as_the_plain_loop(texts):
    plain: Counter = Counter()
    for t in texts:
        toks = tokenize(t, stopwords=False)
        plain.update(toks)
        plain.update("_".join(toks[i : i + 2]) for i in range(len(toks) - 1))
        plain.update("_".join(toks[i : i + 3]) for i in range(len(toks) - 2))
    got = _count(texts, (1, 2, 3), stopwords=False)
    assert got == plain
    assert list(got) == list(plain)  # the same order of first use
