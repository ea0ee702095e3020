"""The families of issue 13: signs, changes, fractions, units, scales, non-facts, periods."""

import math

import pytest

from trendkz.facts.extract import facts_of_sentence


def _facts(text, year=2021):
    return [
        (f["text"], f["value"], f["low"], f["high"], f["unit"])
        for f in facts_of_sentence(text, year)
    ]


def _one(text, year=2021):
    facts = facts_of_sentence(text, year)
    assert len(facts) == 1, facts
    return facts[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Same-store sales were -4% in the quarter.", -4.0, "percent"),
        ("The margin moved to −0.5% this year.", -0.5, "percent"),
        ("We recorded a loss of $(35) million.", -35e6, "USD"),
        ("Other income was $(1.2) million.", -1.2e6, "USD"),
        ("Our same-store NOI would be negative 4.5%.", -4.5, "percent"),
        ("It was minus 9.3% for the segment.", -9.3, "percent"),
    ],
)
def test_explicit_negatives(text, value, unit):
    f = _one(text)
    assert (f["value"], f["unit"]) == (value, unit)
    assert f["direction"] is None  # a sign, not a change in words


def test_a_subtraction_is_no_sign_and_plus_or_minus_is_a_range():
    assert [f[1] for f in _facts("Then 15 minus 3 gets you 12.")] == [15.0, 3.0, 12.0]
    f = _one("Allow a plus or minus 2 basis points.")
    assert (f["low"], f["high"], f["unit"], f["qualifier"]) == (
        -2.0,
        2.0,
        "basis points",
        "plus or minus",
    )
    f = _one("We see the margin at minus 1% to plus 1% next year.")
    assert (f["low"], f["high"]) == (-1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "value", "direction"),
    [
        ("Net sales decreased 3% in the quarter.", 3.0, "down"),
        ("Operating income was down $2 million.", 2e6, "down"),
        ("Revenue was up 41% in the year.", 41.0, "up"),
        ("It was a 30 basis point improvement.", 30.0, "up"),
        ("Marketing spend was $44 million lower.", 44e6, "down"),
    ],
)
def test_changes_keep_their_magnitude_and_say_their_direction(text, value, direction):
    f = _one(text)
    assert (f["value"], f["direction"]) == (value, direction)


def test_a_change_and_the_level_it_led_to():
    facts = facts_of_sentence("We increased the revolver by $500 million to $1 billion.", 2021)
    assert [(f["value"], f["direction"]) for f in facts] == [(5e8, "up"), (1e9, None)]


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("The rate was raised to 1-1/4 percent.", 1.25, 1.25, 1.25),
        ("It stood above 6-1/2 percent.", 6.5, 6.5, math.nan),
        ("The target range is 0 to 1/4 percent.", math.nan, 0.0, 0.25),
        ("Rates of 4-3/4 to 5 percent were set.", math.nan, 4.75, 5.0),
        ("It was 21 1/2 per cent of the income.", 21.5, 21.5, 21.5),
        ("About ½ of the members voted.", 0.5, 0.45, 0.55),
        ("Two-thirds of Congress must concur.", 2 / 3, 2 / 3, 2 / 3),
        ("More than half the States saw no need.", 0.5, 0.5, math.nan),
        ("Over one and two-thirds billions of dollars was received.", 5e9 / 3, 5e9 / 3, math.nan),
    ],
)
def test_fractions(text, value, low, high):
    f = _one(text)
    for got, want in ((f["value"], value), (f["low"], low), (f["high"], high)):
        assert (math.isnan(want) and math.isnan(got)) or got == pytest.approx(want)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Margins fell approximately 20 basis points.", "basis points", 20.0),
        ("It rose 2 percentage points.", "percentage points", 2.0),
        ("We earned $0.25 per diluted share.", "USD per share", 0.25),
        ("The stock trades at 2.5x earnings.", "multiple", 2.5),
        ("Leverage was 5.0-to-1 at year end.", "ratio", 5.0),
        ("Each pack holds 192 U.S. fluid ounces.", "fluid ounces", 192.0),
        ("Postage will be 5 cents per letter.", "USD", 0.05),
    ],
)
def test_units(text, unit, value):
    f = _one(text)
    assert (f["unit"], f["value"]) == (unit, value)


@pytest.mark.parametrize(
    "text",
    [
        "Net revenue (in millions, except per share data) is shown below.",
        "Call Investor Relations at 210-220-5234 for a copy.",
        "See report A-06-91-00092 for the details.",
        "Freedom of Information Annual Report — FY 2010 3 e. Consultation.",
        "We feel good about water infrastructure going into '22.",
        "Workers may save in 401(k) plans.",
        "See 71 FR 45110 for the rule.",
        "Exclusions apply to: 1) fraud; 2) abuse.",
    ],
)
def test_non_facts(text):
    assert facts_of_sentence(text, 2021) == []


def test_respectively_pairs_values_with_years():
    facts = facts_of_sentence(
        "Revenue was $1,234 million and $882 million in 2022 and 2021, respectively.", 2022
    )
    assert [(f["value"], f["period_start"]) for f in facts] == [(1234e6, 2022), (882e6, 2021)]


def test_a_comparison_base_is_not_the_numbers_period():
    facts = facts_of_sentence(
        "Sales totaled $418.3 million, a decrease of 27% from the prior year quarter.", 2020
    )
    assert [f["period_start"] for f in facts] == [2020, 2020]


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("Inflation stayed near 2 percent.", "near", 1.8, 2.2),
        ("Upward of $23 million was paid.", "upward of", 23e6, math.nan),
        ("It will not exceed 150 persons.", "not exceed", math.nan, 150.0),
        ("Build them within 5 years.", "within", math.nan, 5.0),
        ("It may take perhaps two years.", "perhaps", 1.8, 2.2),
    ],
)
def test_more_qualifiers(text, qualifier, low, high):
    f = _one(text)
    assert f["qualifier"] == qualifier
    for got, want in ((f["low"], low), (f["high"], high)):
        assert (math.isnan(want) and math.isnan(got)) or got == pytest.approx(want)


def test_ranges_and_vague_counts_before_times_are_not_multiples():
    facts = facts_of_sentence(
        "Police raided the office three to five times and dozens times.", 2021
    )
    assert all(f["unit"] != "multiple" for f in facts)


def test_a_list_carries_the_sign_of_its_first_item():
    assert _facts("It was like minus 7%, 8% in the quarter.") == [
        ("minus 7%", -7.0, -7.0, -7.0, "percent"),
        ("8%", -8.0, -8.0, -8.0, "percent"),
    ]
    got = _facts("Margins were negative 2 percent, 3 percent and 4 percent.")
    assert [v for _, v, *_ in got] == [-2.0, -3.0, -4.0]
    # no sign to carry: the list stays positive
    assert [v for _, v, *_ in _facts("Sales were 3%, 4% and 5%.")] == [3.0, 4.0, 5.0]


def test_a_progression_gives_two_levels_not_a_range():
    got = _facts("Quarter to quarter, it went minus 9.3% to minus 9.1%.")
    assert got == [
        ("minus 9.3%", -9.3, -9.3, -9.3, "percent"),
        ("minus 9.1%", -9.1, -9.1, -9.1, "percent"),
    ]
    f = _one("We expect minus 1% to plus 1%.")  # no progression: a range
    assert (f["low"], f["high"]) == (-1.0, 1.0) and math.isnan(f["value"])


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("About a quarter of a million people left.", 250_000.0, "count"),
        ("We spent half a million dollars.", 500_000.0, "USD"),
        ("Three-quarters of a billion dollars was spent.", 750e6, "USD"),
        ("The rate was 7/8 of 1 percent.", 0.875, "percent"),
        ("It was one-tenth of one percent.", 0.1, "percent"),
        ("A third of claims were wrong.", 1 / 3, "fraction"),
        ("It cost a fifth of the budget.", 0.2, "fraction"),
    ],
)
def test_fractions_of_a_whole(text, value, unit):
    f = _one(text)
    assert math.isclose(f["value"], value) and f["unit"] == unit


@pytest.mark.parametrize("text", ["A third party said so.", "It took a quarter of a century."])
def test_ordinals_and_times_are_not_fractions(text):
    assert facts_of_sentence(text, 2021) == []
