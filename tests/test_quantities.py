import math

import pytest

from trendkz.facts.periods import find_periods
from trendkz.facts.quantities import FACT_KINDS, find_quantities


def _q(text: str, year: int = 2022):
    return find_quantities(text, find_periods(text, year))


def _facts(text: str):
    return [(text[q.start : q.end], q) for q in _q(text) if q.is_fact]


def _kinds(text: str):
    return {text[q.start : q.end]: q.kind for q in _q(text) if not q.is_fact}


@pytest.mark.parametrize(
    "text, span, value, low, high, unit, qualifier, kind",
    [
        (
            "Kazakhstan returned more than 600 of its nationals",
            "more than 600",
            600,
            600,
            math.nan,
            "count",
            "more than",
            "bound",
        ),
        (
            "At least 238 individuals died.",
            "At least 238",
            238,
            238,
            math.nan,
            "count",
            "at least",
            "bound",
        ),
        (
            "up to 90 percent of charges",
            "up to 90 percent",
            90,
            math.nan,
            90,
            "percent",
            "up to",
            "bound",
        ),
        ("about 600 citizens", "about 600", 600, 540, 660, "count", "about", "approximate"),
        ("nearly 600 citizens", "nearly 600", 600, 540, 600, "count", "nearly", "approximate"),
        (
            "fewer than 50 employees",
            "fewer than 50",
            50,
            math.nan,
            50,
            "count",
            "fewer than",
            "bound",
        ),
        (
            "sentenced to 12-17 years in prison",
            "12-17 years",
            math.nan,
            12,
            17,
            "years",
            "",
            "range",
        ),
        (
            "ranging from five to 15 years",
            "five to 15 years",
            math.nan,
            5,
            15,
            "years",
            "",
            "range",
        ),
        ("for three to six years", "three to six years", math.nan, 3, 6, "years", "", "range"),
        (
            "between 2 and 4 percent of the vote",
            "2 and 4 percent",
            math.nan,
            2,
            4,
            "percent",
            "",
            "range",
        ),
        (
            "ranged from five years to life in prison",
            "five years to life",
            math.nan,
            5,
            math.nan,
            "years",
            "to life",
            "range",
        ),
        (
            "a five-year, $15 million regional program",
            "$15 million",
            15e6,
            15e6,
            15e6,
            "USD",
            "",
            "exact",
        ),
        (
            "fines from 5,000 rubles to six million rubles",
            "5,000 rubles to six million rubles",
            math.nan,
            5000,
            6e6,
            "RUB",
            "",
            "range",
        ),
        (
            "convicted dozens of people",
            "dozens",
            math.nan,
            24,
            99,
            "count",
            "dozens",
            "approximate",
        ),
        (
            "sentenced to 11 years or more",
            "11 years or more",
            11,
            11,
            math.nan,
            "years",
            "or more",
            "bound",
        ),
        ("85% of the victims", "85%", 85, 85, 85, "percent", "", "exact"),
        ("a 15-day state of emergency", "15-day", 15, 15, 15, "days", "", "exact"),
        (
            "a payment of 200,000 soms ($2,865)",
            "200,000 soms",
            200000,
            200000,
            200000,
            "KGS",
            "",
            "exact",
        ),
    ],
)
def test_facts_with_intervals(text, span, value, low, high, unit, qualifier, kind):
    found = dict(_facts(text))
    q = found[span]
    for got, want in ((q.value, value), (q.low, low), (q.high, high)):
        assert (math.isnan(want) and math.isnan(got)) or got == pytest.approx(want)
    assert (q.unit, q.qualifier, q.kind) == (unit, qualifier, kind)
    assert q.kind in FACT_KINDS


def test_open_flags():
    ((_, q),) = _facts("more than 600 people")
    assert (q.low_open, q.high_open) == (True, True)
    ((_, q),) = _facts("at least 600 people")
    assert (q.low_open, q.high_open) == (False, True)


@pytest.mark.parametrize(
    "text, span, kind",
    [
        ("In 2022, the government", "2022", "year"),
        ("On July 11, a blast", "11", "date"),
        ("a September 29-October 1 workshop", "29", "date"),
        ("in Astana July 1-2, and", "2", "date"),
        ("On January 5 through 8, as part", "8", "date"),
        ("UN Security Council resolution 2396 on returning", "2396", "reference"),
        ("in line with UNSC 2396.", "2396", "reference"),
        ("under the Article 256 of the Code", "256", "reference"),
        ("articles 256 and 273 of the Code", "273", "reference"),
        ("Volume 2, Money Laundering", "2", "reference"),
        ("Army Unit 32363 in", "32363", "reference"),
        ("Before and during EXPO 2017 in Astana", "2017", "year"),
        ("the trade port in Aktau.[2] On", "[2]", "footnote"),
        ("the 75th and 64th places", "75", "ordinal"),
        ("a member of the C5+1 platform", "5", "identifier"),
        ("as well as K9 unit training", "9", "identifier"),
        ("the COVID-19 pandemic", "19", "identifier"),
        ("in prison LA-155/18 near", "155", "identifier"),
        ("see https://example.org/2019/report-12 for", "https://example.org/2019/report-12", "url"),
        ("call +7 (727) 250-10-20 now", "+7 (727) 250-10-20", "phone"),
        ("detained a 23-year-old Uzbek citizen", "23", "age"),
        ("prisons were 70 to 80 years old", "70", "age"),
        ("It is a three-step procedure: (1) the investigator", "1", "enumerator"),
        ("On the one hand, the figure", "one", "determiner"),
        ("a two-pronged approach", "two", "compound"),
        ("zero tolerance for", "zero", "determiner"),
        ("for violent content in the first nine months of the year", "nine", "period"),
        ("over the past five to six years", "five", "period"),
        ("at 10:30 the police", "10:30", "time"),
    ],
)
def test_non_facts(text, span, kind):
    assert _kinds(text).get(span) == kind
    assert all(not s.startswith(span) for s, _ in _facts(text))


def test_comma_after_a_reference_does_not_swallow_a_count():
    text = "under the Article 256, paragraph 1, 10 people were convicted"
    assert [s for s, _ in _facts(text)] == ["10"]


def test_series_points_get_their_years():
    text = (
        "whereas 30 terrorist attacks have been prevented and foiled since 2014 "
        "(2014 – 3, 2015 – 4, 2016 – 12, 2017 – 11)."
    )
    facts = _facts(text)
    assert [(s, q.series_year) for s, q in facts] == [
        ("30", None),
        ("3", 2014),
        ("4", 2015),
        ("12", 2016),
        ("11", 2017),
    ]


def test_series_with_in_and_scale():
    text = (
        "in 2018, more than 620 thousand materials were blocked (for comparison, in 2015 – "
        "150 thousand, in 2016 – 700 thousand)"
    )
    facts = _facts(text)
    assert [(q.value, q.series_year) for _, q in facts] == [
        (620000, None),
        (150000, 2015),
        (700000, 2016),
    ]


def test_a_change_from_to_is_two_facts_not_a_range():
    text = "lower the number of required members from 20,000 to 5,000 in early November"
    assert [s for s, _ in _facts(text)] == ["20,000", "5,000"]


@pytest.mark.parametrize(
    "text, counts",
    [
        ("security forces killed one of their own", True),
        ("One of the three defendants was convicted", True),
        ("one corrections official and nine prisoners were killed", True),
        ("four detachments under the Ministry, and one under the KNB", True),
        ("on one of the main streets of the city", False),
        ("In one case, defenders reported", False),
        ("at least one prisoner attempted suicide", True),
    ],
)
def test_counting_one(text, counts):
    ones = [q for q in _q(text) if text[q.start : q.end].lower().endswith("one")]
    assert ones and ones[0].is_fact is counts
