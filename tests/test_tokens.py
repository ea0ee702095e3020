import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz.diff.tokens import Token, token_spans, tokenize


def texts(s):
    return [t.text for t in tokenize(s)]


def test_words_punctuation_and_quotes_are_separate_tokens():
    assert texts('laws on “extremism”, "terrorism" and «radicalism».') == [
        "laws",
        "on",
        "“",
        "extremism",
        "”",
        ",",
        '"',
        "terrorism",
        '"',
        "and",
        "«",
        "radicalism",
        "»",
        ".",
    ]


def test_quote_then_suffix_and_single_quotes():
    assert texts("“extremism”-related ‘extremists’ 'x'") == [
        "“",
        "extremism",
        "”",
        "-",
        "related",
        "‘",
        "extremists",
        "’",
        "'",
        "x",
        "'",
    ]


def test_words_keep_internal_joiners():
    assert texts("so-called government’s don't U.S. e.g. Law-enforcement") == [
        "so-called",
        "government’s",
        "don't",
        "U.S",
        ".",
        "e.g",
        ".",
        "Law-enforcement",
    ]


def test_numbers_keep_decimal_point_and_thousands_comma():
    assert texts("2,500 people, 2.5 percent, in 2022.") == [
        "2,500",
        "people",
        ",",
        "2.5",
        "percent",
        ",",
        "in",
        "2022",
        ".",
    ]
    # a comma between words is punctuation
    assert texts("a,b") == ["a", ",", "b"]


def test_offsets_and_offset_shift():
    s = "Hi,  “you”\nthere."
    toks = tokenize(s)
    assert toks[0] == Token("Hi", 0, 2)
    assert all(s[t.start : t.end] == t.text for t in toks)
    shifted = tokenize(s, offset=100)
    assert [(t.start - 100, t.end - 100) for t in shifted] == [(t.start, t.end) for t in toks]


def test_whitespace_is_never_a_token():
    assert texts("a \n\n\t b") == texts("a b")
    assert tokenize("   \n") == []


def test_token_spans_matches_tokenize():
    s = "The KNB (National Security Committee) said: “no”."
    words, starts, ends = token_spans(s)
    assert list(zip(words, starts, ends, strict=True)) == [tuple(t) for t in tokenize(s)]


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_tokens_cover_every_non_space_character(s):
    toks = tokenize(s)
    assert all(s[t.start : t.end] == t.text for t in toks)
    assert "".join(t.text for t in toks) == "".join(s.split())
    assert list(zip(*token_spans(s), strict=True)) == [tuple(t) for t in toks]
    pos = 0
    for t in toks:
        assert t.start >= pos and s[pos : t.start].strip() == ""
        pos = t.end


def test_token_ids_number_tokens_across_texts():
    from trendkz.diff.tokens import TokenIds

    ids = TokenIds()
    a, b = "“Extremism” rose 2.5 times, police said.", "Police said extremism rose."
    ia, ib = ids(a), ids(b)
    ta, tb = [t.text for t in tokenize(a)], [t.text for t in tokenize(b)]
    assert len(ia) == len(ta) and len(ib) == len(tb)
    pairs = {(x, y) for x, y in zip(ia + ib, ta + tb, strict=True)}
    assert len(pairs) == len({x for x, _ in pairs}) == len({y for _, y in pairs})
    assert ids("") == "" and ids(a) == ia


def test_token_ids_stop_at_their_limit():
    from trendkz.diff.tokens import TokenIds

    class Small(TokenIds):
        LIMIT = 3

    with pytest.raises(TokenIds.Full):
        Small()("one two three four")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "word",
                "Word",
                "2019",
                "2,500",
                "U.S",
                "a",
                "_",
                "x_",
                ",",
                ".",
                "’",
                "'",
                "-",
                "“",
                "”",
                "²",
                "é",
                "e\u0301",
                "ﬁ",
                " ",
                "  ",
                "\n",
            ]
        ),
        max_size=25,
    ).map("".join)
)
def test_token_ids_are_one_per_token_and_equal_for_equal_tokens(text):
    from trendkz.diff.tokens import TokenIds

    ids = TokenIds()
    got = ids(text)
    tokens = [t.text for t in tokenize(text)]
    assert len(got) == len(tokens)
    assert {(c, t) for c, t in zip(got, tokens, strict=True)} == {(ids(t), t) for t in tokens}
