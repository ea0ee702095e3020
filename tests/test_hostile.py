"""Hostile and careless input, one test per defect: superscripts in numbers, lexicon
patterns that backtracked or matched empty text, the case policy of lexicon matching."""

from __future__ import annotations

import time

import pandas as pd
import pytest

import trendkz
from trendkz import InputError, Lexicon
from trendkz.facts.numbers import read_number, tokenize
from trendkz.terms.patterns import fold


def _facts(text: str) -> list:
    corpus = trendkz.load_corpus(
        pd.DataFrame({"text": ["Annual report 2019\n\n" + text], "year": [2019]})
    )
    df = trendkz.extract_facts(trendkz.split_sections(corpus))
    return df[["value", "text"]].values.tolist()


@pytest.mark.parametrize(
    "text, facts",
    [
        ("In 2019, 12,000⁴ people were detained.", [[12000.0, "12,000"]]),
        ("In 2019, 600² people and 45%³ of them.", [[600.0, "600"], [45.0, "45%"]]),
        ("In 2019, 10⁶ people fled.", [[1e6, "10⁶"]]),
        ("In 2019, ① 300 people were held.", [[300.0, "300"]]),
        ("In 2019, ²³ 40 people fled.", [[40.0, "40"]]),
    ],
)
def test_superscripts_are_markers_and_powers_of_ten_are_read(text, facts):
    # before: ValueError: could not convert string to float: '⁴'
    assert _facts(text) == facts


def test_only_decimal_digits_start_a_number():
    toks = tokenize("12,000⁴ ① ¹²")
    assert [t.text for t in toks] == ["12,000", "⁴", "①", "¹²"]
    assert read_number(toks, 0).value == 12000.0
    assert [read_number(toks, i) for i in (1, 2, 3)] == [None, None, None]
    assert not any(t.is_digits for t in toks[1:])


@pytest.mark.parametrize("pattern", ["***x", "*a*a*a*b", "x*y*z*", "*a*", "a*b*c*d*e*f"])
def test_wildcards_match_in_bounded_time(pattern):
    # before: "***x" took 12 s on one 2,000-character word, "*a*a*a*b" over 60 s
    lex = Lexicon([pattern])
    text = " ".join(["a" * 2000, "ab" * 1000, "x" * 2000])
    t = time.perf_counter()
    lex.find(text)
    assert time.perf_counter() - t < 0.5


@pytest.mark.parametrize(
    "pattern, text, hits",
    [
        ("*a*a*b", "banana bab aab xaxab", ["aab", "xaxab"]),
        ("count*ism", "counterterrorism countism counts", ["counterterrorism", "countism"]),
        ("radicaliz*", "radicalisation radicalization", ["radicalisation", "radicalization"]),
        ("*ism", "tourism isms", ["tourism"]),
        (
            "counter-terror*",
            "counterterrorism counter-terrorist",
            ["counterterrorism", "counter-terrorist"],
        ),
    ],
)
def test_wildcards_still_match_whole_words(pattern, text, hits):
    assert [text[a:b] for a, b, _ in Lexicon([pattern]).find(text)] == hits


@pytest.mark.parametrize("pattern", ["*", "-", "**", "* *", "violent *", "--*"])
def test_patterns_that_match_empty_text_or_any_word_are_rejected(pattern):
    # before: "*" and "-" gave zero-width hits (12 hits in 7 words)
    with pytest.raises(InputError, match="has no letter"):
        Lexicon({"t": [pattern]})


def test_dotted_capital_i_is_found_whatever_else_the_text_holds():
    # before: "İstanbul" was missed alone and found next to another term's needle
    lex = Lexicon(["istanbul", "ankara"])
    assert lex.find("İstanbul is big") == [(0, 8, "istanbul")]
    assert lex.find("İstanbul and Ankara")[0] == (0, 8, "istanbul")
    assert Lexicon(["kelvin"]).find("\u212aelvin") == [(0, 6, "kelvin")]


def test_fold_keeps_positions():
    for text in ["İİı", "Straße İ", "ﬁne \u212a"]:
        assert len(fold(text)) == len(text)
