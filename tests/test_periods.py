import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz.facts.periods import assign_period, find_periods, period_matches, resolve_periods

from .reference import periods_as_written


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("In 2022, the government concluded", 2022, 2022),
        ("From 2019 to 2021, Kazakhstan returned", 2019, 2021),
        ("between 2015 and 2017 the courts", 2015, 2017),
        ("a program for 2018-2022.", 2018, 2022),
        ("have been shut down since 2010.", 2010, 2020),
        ("as of June 27, 2019, for crimes", 2019, 2019),
        ("in the first nine months of the year.", 2020, 2020),
        ("in only 10 months of 2019, Kazakhstan", 2019, 2019),
        ("during the year", 2020, 2020),
        ("were ongoing at year’s end.", 2020, 2020),
        ("As of October, the NGO", 2020, 2020),
        ("In April, five people", 2020, 2020),
        ("On July 11, a blast", 2020, 2020),
        ("On December 3, 2021, and", 2021, 2021),
        ("in September 2019, seven citizens", 2019, 2019),
        ("from the beginning of 2019 revealed", 2019, 2019),
        ("last year’s amendments", 2019, 2019),
        ("over the past five to six years", 2014, 2020),
        ("the attacks of the last ten years", 2010, 2020),
        ("in the 1990s", 1990, 1999),
        ("The NPM’s 2021 report noted", 2021, 2021),
        ("in mid-2021 the", 2021, 2021),
    ],
)
def test_find_periods(text, first, last):
    periods = find_periods(text, 2020)
    assert len(periods) == 1
    p = periods[0]
    assert (p.first, p.last) == (first, last)
    assert text[p.start : p.end] == p.text


def test_since_a_later_year_does_not_run_backwards():
    (p,) = find_periods("since 2021", 2019)
    assert (p.first, p.last) == (2021, 2021)


@pytest.mark.parametrize(
    "text",
    [
        "the 2014 – 3 point",
        "resolution 2178",
        "On the one hand",
        "(2014 – 3, 2015 – 4)",
        "5 percent",
    ],
)
def test_no_period(text):
    assert [p for p in find_periods(text, 2020) if "2178" in p.text or "one" in p.text] == []


def test_assign_nearest_period_and_assumed_default():
    text = "In 2021 there were 50 cases, compared with 40 in 2020."
    periods = find_periods(text, 2022)
    assert assign_period(text.index("50"), text.index("50") + 2, periods, text, 2022) == (
        2021,
        2021,
        False,
    )
    assert assign_period(text.index("40"), text.index("40") + 2, periods, text, 2022) == (
        2020,
        2020,
        False,
    )
    assert assign_period(0, 2, [], "12 cases", 2022) == (2022, 2022, True)


def test_semicolon_keeps_periods_apart():
    text = "In 2020 the courts closed 5 cases; 7 cases were opened later in 2021"
    periods = find_periods(text, 2022)
    k = text.index("7 cases")
    assert assign_period(k, k + 1, periods, text, 2022)[:2] == (2021, 2021)


# ---- the fast path (pre-checks, lower-cased rules) finds what the rules as written find

_PIECES = [
    "in ",
    "In ",
    "since ",
    "SINCE ",
    "as of ",
    "by ",
    "from ",
    "to ",
    "the ",
    "year",
    "years",
    "period",
    "reporting ",
    "May ",
    "may ",
    "Jan. ",
    "June 5, ",
    "2019",
    "2021",
    "1990s",
    "2019-20",
    " ",
    ", ",
    "-",
    "–",
    "/",
    "past ",
    "five ",
    "report",
    "census ",
    "\u0130",
    "\u0131",
    "\u017f",
    "s",
    "ſince ",
    "İn ",
    "end of ",
    "first nine months of ",
    "next ",
    "coming ",
    "fiscal ",
    "'20",
    "’21",
    "FY",
    "China was ",
    "joined ",
    "maturities",
    "and ",
    "July, ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_period_matches_equal_the_rules_as_written(text):
    assert [(n, a, b) for n, a, b, _ in period_matches(text)] == periods_as_written(text)
    assert resolve_periods(text, period_matches(text), 2020) == find_periods(text, 2020)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        # a comparison clause is the base of the number outside it
        (
            "Income was $2.7 million compared with $0.5 million in the prior year.",
            "$2.7",
            (2021, 2021, True),
        ),
        (
            "Income was $2.7 million compared with $0.5 million in the prior year.",
            "$0.5",
            (2020, 2020, False),
        ),
        # a possessive period is about the noun after it
        ("We expect 1% growth, offset by last year's one-time costs.", "1%", (2021, 2021, True)),
        # relative years, dates without a preposition, dates after two months
        (
            "Our war program for the coming fiscal year will cost 56 billion dollars.",
            "56",
            (2022, 2022, False),
        ),
        ("Blue Cross, November 1996, $8,978,998", "$8", (1996, 1996, False)),
        (
            "The two installments due in April and July, 1844, are still due.",
            "two",
            (1844, 1844, False),
        ),
        (
            "We lost 60,000 factories since China joined the WTO in 2001.",
            "60,000",
            (2001, 2021, False),
        ),
        ("We lost a fourth of our jobs since NAFTA was approved.", "fourth", (2021, 2021, False)),
        ("There is $4 billion of the 2022 maturities.", "$4", (2022, 2022, False)),
        ("It was a benefit of $3 million in fiscal '20.", "$3", (2020, 2020, False)),
    ],
)
def test_period_families(text, number, expected):
    at = text.index(number)
    got = assign_period(at, at + len(number), find_periods(text, 2021), text, 2021)
    assert got == expected


def test_a_change_between_two_stated_levels_spans_both_years():
    from trendkz.facts.extract import facts_of_sentence

    text = (
        "The margin was 27.9% in 2017, compared to 30.4% in 2016, a decrease of 250 basis points."
    )
    got = {f["text"]: (f["period_start"], f["period_end"]) for f in facts_of_sentence(text, 2017)}
    assert got == {"27.9%": (2017, 2017), "30.4%": (2016, 2016), "250 basis points": (2016, 2017)}
    text = "The margin was 8.3% for the year, a decrease against 2014 of 220 basis points."
    got = {f["text"]: (f["period_start"], f["period_end"]) for f in facts_of_sentence(text, 2016)}
    assert got["220 basis points"] == (2014, 2016)


def test_a_far_next_year_is_not_the_period():
    from trendkz.facts.extract import facts_of_sentence

    text = (
        "We will finish the project in the third quarter of next year, and as we have said many "
        "times over the years about the business and its prospects in the market, when you look "
        "at the second quarter we had a gross margin of 12%."
    )
    (f,) = [f for f in facts_of_sentence(text, 2021) if f["text"] == "12%"]
    assert (f["period_start"], f["period_end"]) == (2021, 2021)
