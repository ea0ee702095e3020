import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trendkz.facts.numbers import read_number, tokenize
from trendkz.facts.qualifiers import _PREFIX, interval, postfix_qualifier, prefix_qualifier
from trendkz.facts.units import unit_after


def _read(text: str):
    toks = tokenize(text)
    for i in range(len(toks)):
        n = read_number(toks, i)
        if n is not None:
            return n, text[toks[n.i].start : toks[n.j - 1].end]
    return None, ""


@pytest.mark.parametrize(
    "text, value, span",
    [
        ("1,800 websites", 1800, "1,800"),
        ("more than 120,000", 120000, "120,000"),
        ("2.5 percent", 2.5, "2.5"),
        ("three attacks", 3, "three"),
        ("eleven cases", 11, "eleven"),
        ("twenty-four hours", 24, "twenty-four"),
        ("six hundred people", 600, "six hundred"),
        ("Two hundred thirty-eight persons", 238, "Two hundred thirty-eight"),
        ("one hundred and five", 105, "one hundred and five"),
        ("one hundred thousand", 100000, "one hundred thousand"),
        ("620 thousand materials", 620000, "620 thousand"),
        ("$15 million", 15e6, "15 million"),
        ("2.2 billion naira", 2.2e9, "2.2 billion"),
        ("three million persons", 3e6, "three million"),
        ("a dozen cases", 12, "a dozen"),
        ("two dozen cases", 24, "two dozen"),
        ("a thousand people", 1000, "a thousand"),
        ("four and one-half years", 4.5, "four and one-half"),
        ("five-and-one-half to seven years", 5.5, "five-and-one-half"),
        ("one-half the regions", 0.5, "one-half"),
        ("two-thirds of", 2 / 3, "two-thirds"),
    ],
)
def test_read_number(text, value, span):
    n, got = _read(text)
    assert n is not None and math.isclose(n.value, value)
    assert got == span


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("dozens of people", 24, 99),
        ("several hundred protesters", 300, 900),
        ("a few thousand", 2000, 5000),
        ("hundreds of detainees", 200, 999),
        ("tens of thousands of people", 2e4, 99999),
        ("thousands of civilian deaths", 2000, 9999),
        ("several dozen individuals", 36, 108),
    ],
)
def test_vague_counts_have_bounds_and_no_value(text, low, high):
    n, _ = _read(text)
    assert math.isnan(n.value) and (n.low, n.high) == (low, high) and n.vague


@pytest.mark.parametrize("text", ["several cases", "a few days", "the one hand", "a man"])
def test_not_numbers(text):
    n, _ = _read(text)
    assert n is None or n.value == 1  # "one" is read; deciding it counts is done later


def test_tokens_keep_thousands_and_decimals_whole():
    assert [t.text for t in tokenize("1,800, 2.5 and 12-17")] == [
        "1,800",
        ",",
        "2.5",
        "and",
        "12",
        "-",
        "17",
    ]


@pytest.mark.parametrize(
    "text, words, relation",
    [
        ("returned more than 600", "more than", "gt"),
        ("At least 238", "At least", "ge"),
        ("up to 90", "up to", "le"),
        ("fewer than 50", "fewer than", "lt"),
        ("approximately 10,000", "approximately", "approx"),
        ("nearly 600", "nearly", "near"),
        ("over 1,400", "over", "gt"),
        ("some 600", "some", "approx"),
        ("the 600", "", ""),
    ],
)
def test_prefix_qualifier(text, words, relation):
    start = text.rfind(" ") + 1
    got = prefix_qualifier(text, start)
    assert got[:2] == (words, relation)


def test_postfix_qualifier():
    text = "11 years or more of imprisonment"
    assert postfix_qualifier(text, 8)[:2] == ("or more", "ge")
    assert postfix_qualifier(text, 2)[0] == ""


@pytest.mark.parametrize(
    "relation, expected",
    [
        ("", (600, 600, False, False, "exact")),
        ("gt", (600, math.nan, True, True, "bound")),
        ("ge", (600, math.nan, False, True, "bound")),
        ("lt", (math.nan, 600, True, True, "bound")),
        ("le", (math.nan, 600, True, False, "bound")),
        ("approx", (540, 660, False, False, "approximate")),
        ("near", (540, 600, False, True, "approximate")),
    ],
)
def test_interval(relation, expected):
    got = interval(600.0, relation)
    for g, e in zip(got, expected, strict=True):
        assert (isinstance(e, float) and math.isnan(e) and math.isnan(g)) or g == pytest.approx(e)


@pytest.mark.parametrize(
    "text, unit",
    [
        ("5 percent", "percent"),
        ("5 per cent", "percent"),
        ("5 %", "percent"),
        ("5 percentage points", "percentage points"),
        ("5 years", "years"),
        ("5-day", "days"),
        ("5 tenge", "KZT"),
        ("5 US dollars", "USD"),
        ("5 km", "km"),
        ("5 people", ""),
    ],
)
def test_unit_after(text, unit):
    toks = tokenize(text)
    assert unit_after(toks, 1)[0] == unit


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split()
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """A plain reference spelling (no "and"), for round trips."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" " + _words(n % 100) if n % 100 else "")
    return _words(n // 1000) + " thousand" + (" " + _words(n % 1000) if n % 1000 else "")


@given(st.integers(min_value=2, max_value=999_999))
def test_words_round_trip(n):
    got, span = _read(f"about {_words(n)} cases")
    assert got.value == n and span == _words(n)


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_thousands_separators_round_trip(n):
    got, span = _read(f"recorded {n:,} cases")
    assert got.value == n and span == f"{n:,}"


# ---- fast paths equal their plain definitions

# superscript digits ("²") are a token of their own, never part of a word or number
_TOKEN_DEF = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|,\d)|\d+(?:\.\d+)?|[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\S"
)
_TEXT = st.lists(
    st.sampled_from(
        [
            "1,800",
            "2.5",
            "12",
            "-",
            " ",
            "\u00a0",
            "\n",
            "More",
            "than",
            "İ",
            "ı",
            "ſ",
            "é",
            "²",
            "_",
            "’",
            "$",
            "approx.",
            "at least",
            "as many as",
            "(",
            "some",
            "  ",
            "x",
        ]
    ),
    max_size=12,
).map("".join)


@given(_TEXT)
def test_tokenize_is_the_token_pattern(text):
    assert [tuple(t) for t in tokenize(text)] == [
        (m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_DEF.finditer(text)
    ]


@given(_TEXT, st.integers(min_value=0, max_value=60))
def test_prefix_qualifier_precheck_never_hides_a_match(text, start):
    start = min(start, len(text))
    m = _PREFIX.search(text, max(0, start - 40), start)
    assert prefix_qualifier(text, start)[0] == (m.group(1) if m else "")


def test_has_case_trap_knows_every_trap():
    from trendkz.facts.qualifiers import CASE_TRAPS, has_case_trap

    assert all(has_case_trap(f"a{c}b") for c in CASE_TRAPS)
    assert not has_case_trap("Istanbul, Kazakhstan, ss")
