import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendkz
from trendkz._core import schema
from trendkz._core.errors import InputError, OptionError
from trendkz.facts.extract import FACT_KINDS, NON_FACT_KINDS, extract_facts, facts_of_sentence

from .conftest import needs_hrr
from .reference import facts_sentence_by_sentence


@pytest.fixture(scope="module")
def facts(kz_sections):
    return extract_facts(kz_sections)


def _one(facts, doc, text):
    rows = facts[(facts["doc_id"] == doc) & (facts["text"] == text)]
    assert len(rows) >= 1, (doc, text)
    return rows.iloc[0]


def test_frame_is_conformed(facts):
    assert list(facts.columns) == schema.FRAMES["facts"][0]
    assert isinstance(facts.index, pd.RangeIndex)
    assert set(facts["fact_kind"]) <= set(FACT_KINDS)
    assert set(facts["kind"]) == {"report", "analysis"}


def test_offsets_point_into_the_body(kz, facts):
    for r in facts.itertuples():
        assert kz[r.doc_id].body[r.start : r.end] == r.text
        assert r.text in r.sentence


@pytest.mark.parametrize(
    "doc, text, value, low, high, qualifier, start, end, measure",
    [
        (
            "kazakhstan-2022",
            "more than 600",
            600,
            600,
            None,
            "more than",
            2019,
            2021,
            "nationals repatriated",
        ),
        (
            "kazakhstan-2022",
            "three",
            3,
            3,
            3,
            None,
            2022,
            2022,
            "terrorist attacks prevented",
        ),
        (
            "kazakhstan-2022",
            "more than 120,000",
            120000,
            120000,
            None,
            "more than",
            2022,
            2022,
            "websites identified",
        ),
        (
            "kazakhstan-2022",
            "more than 11,000",
            11000,
            11000,
            None,
            "more than",
            2022,
            2022,
            "websites blocked",
        ),
        (
            "kazakhstan-2022",
            "$15 million",
            15e6,
            15e6,
            15e6,
            None,
            2022,
            2022,
            "regional program",
        ),
        (
            "kazakhstan-2022",
            "At least 238",
            238,
            238,
            None,
            "at least",
            2022,
            2022,
            "persons died",
        ),
        (
            "kazakhstan-2022",
            "up to 90 percent",
            90,
            None,
            90,
            "up to",
            2022,
            2022,
            "charges filed",
        ),
        ("kazakhstan-2012", "950", 950, 950, 950, None, 2010, 2012, "websites blocked"),
        (
            "kazakhstan-2012",
            "1,800",
            1800,
            1800,
            1800,
            None,
            2012,
            2012,
            "websites scrutinized",
        ),
        (
            "kazakhstan-2012",
            "dozens",
            None,
            24,
            99,
            "dozens",
            2012,
            2012,
            "persons convicted",
        ),
        ("kazakhstan-2009", "12-17 years", None, 12, 17, None, 2009, 2009, "prison term"),
        (
            "kazakhstan-2019",
            "about 600",
            600,
            540,
            660,
            "about",
            2019,
            2019,
            "nationals repatriated",
        ),
        ("kazakhstan-2019", "662", 662, 662, 662, None, 2019, 2019, "nationals convicted"),
        (
            "kazakhstan-2019",
            "more than 620 thousand",
            620000,
            620000,
            None,
            "more than",
            2018,
            2018,
            "materials blocked",
        ),
    ],
)
def test_issue_examples(facts, doc, text, value, low, high, qualifier, start, end, measure):
    r = _one(facts, doc, text)
    for got, want in ((r["value"], value), (r["low"], low), (r["high"], high)):
        assert (want is None and pd.isna(got)) or got == pytest.approx(want)
    assert (r["qualifier"] if pd.notna(r["qualifier"]) else None) == qualifier
    assert (r["period_start"], r["period_end"]) == (start, end)
    assert r["period_assumed"] == (text in ("At least 238", "up to 90 percent"))
    assert r["measure"] == measure


def test_no_period_means_the_report_year_assumed(facts):
    r = _one(facts, "kazakhstan-2022", "56")
    assert (r["period_start"], r["period_end"], r["period_assumed"]) == (2022, 2022, True)


def test_series_become_dated_points(facts):
    cabar = facts[facts["doc_id"] == "kazakhstan-2019"]
    attacks = cabar[cabar["measure"] == "terrorist attacks prevented"]
    assert list(
        zip(attacks["value"], attacks["period_start"], attacks["period_end"], strict=True)
    ) == [(30, 2014, 2019), (3, 2014, 2014), (4, 2015, 2015), (12, 2016, 2016), (11, 2017, 2017)]
    blocked = cabar[cabar["measure"] == "websites blocked"]
    assert list(zip(blocked["value"], blocked["period_start"], strict=True)) == [
        (400, 2011),
        (500, 2012),
        (600, 2013),
    ]
    recruits = cabar[cabar["measure"].str.contains("recruits", na=False)]
    assert list(recruits["value"]) == [546, 168, 136, 151, 91]


def test_no_year_date_or_reference_is_a_fact(facts):
    texts = set(facts["text"])
    for bad in (
        "2396",
        "2178",
        "256",
        "273",
        "174",
        "2022",
        "2019",
        "2014",
        "75",
        "[12]",
        "11 July",
    ):
        assert bad not in texts
    years = facts[facts["text"].str.fullmatch(r"(?:19|20)\d\d")]
    assert years.empty
    assert not facts["text"].str.contains(r"\[\d+\]").any()


def test_non_facts_are_kept_on_request(kz_sections):
    allf = extract_facts(kz_sections, include_non_facts=True)
    kinds = set(allf["fact_kind"])
    assert {"year", "date", "reference", "footnote", "ordinal", "identifier", "age"} <= kinds
    assert kinds <= set(FACT_KINDS) | set(NON_FACT_KINDS)
    nonf = allf[~allf["fact_kind"].isin(FACT_KINDS)]
    assert nonf["measure"].isna().all() and nonf["period_start"].isna().all()
    assert dict(zip(nonf["text"], nonf["fact_kind"], strict=True))["2396"] == "reference"


def test_deterministic(kz_sections, facts):
    assert extract_facts(kz_sections).equals(facts)


def test_sentence_level_helper():
    rows = facts_of_sentence(
        "From 2019 to 2021, Kazakhstan returned more than 600 of its nationals.", 2022
    )
    assert [(r["text"], r["period_start"], r["period_end"]) for r in rows] == [
        ("more than 600", 2019, 2021)
    ]
    assert facts_of_sentence("No numbers here.", 2022) == []


def test_errors(kz_sections):
    with pytest.raises(InputError, match="split_sections"):
        extract_facts([1, 2])
    with pytest.raises(InputError, match="lacks columns"):
        extract_facts(kz_sections.drop(columns=["year"]))
    with pytest.raises(OptionError, match="include_non_facts"):
        extract_facts(kz_sections, include_non_facts="yes")


def test_empty_input(kz_sections):
    out = extract_facts(kz_sections.iloc[:0])
    assert out.empty and list(out.columns) == schema.FRAMES["facts"][0]


@needs_hrr
def test_generality_on_human_rights_reports(hrr_kazakhstan):
    sections = trendkz.split_sections(hrr_kazakhstan)
    f = extract_facts(sections)
    assert len(f) > 1000
    # no bare year, no footnote marker, no day of a month among the facts
    assert not f["text"].str.fullmatch(r"(?:19|20)\d\d").any()
    assert not f["text"].str.contains(r"\[\d+\]").any()
    month = re.compile(
        r"(?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December)\s+$"
    )
    for r in f[f["text"].str.fullmatch(r"\d{1,2}")].itertuples():
        assert not month.search(hrr_kazakhstan[r.doc_id].body[max(0, r.start - 12) : r.start])
    # measured: 77% of facts named (85% of non-durations), 67% without a stated period
    assert f["measure"].notna().mean() > 0.7
    assert f["period_assumed"].mean() < 0.75


def test_intervals_are_consistent(facts):
    for r in facts.itertuples():
        lo = -float("inf") if pd.isna(r.low) else r.low
        hi = float("inf") if pd.isna(r.high) else r.high
        assert lo <= hi, r.text
        if pd.notna(r.value):
            assert lo <= r.value <= hi, r.text
        assert bool(r.low_open) or pd.notna(r.low)
        assert bool(r.high_open) or pd.notna(r.high)
        assert r.period_start <= r.period_end


# ---- the fast path (sentences picked by a scan, recurring sentences read once) gives what
# reading every sentence of every section in order gives


@pytest.mark.parametrize("include_non_facts", [False, True])
def test_extract_facts_equals_reading_every_sentence(kz_sections, include_non_facts):
    # the same sections twice over (as two entities): every sentence recurs
    twice = pd.concat([kz_sections, kz_sections.assign(entity="Twin")], ignore_index=True)
    got = extract_facts(twice, include_non_facts=include_non_facts)
    pd.testing.assert_frame_equal(got, facts_sentence_by_sentence(twice, include_non_facts))


@needs_hrr
def test_extract_facts_equals_reading_every_sentence_on_hrr(hrr_kazakhstan):
    sections = trendkz.split_sections(hrr_kazakhstan)
    pd.testing.assert_frame_equal(
        extract_facts(sections), facts_sentence_by_sentence(sections, False)
    )


def test_case_traps_read_as_written():
    # letters that lower-casing would not match as re.IGNORECASE does: the scan falls back
    s = pd.DataFrame(
        {
            "doc_id": ["d"],
            "entity": ["E"],
            "series": ["s"],
            "year": [2020],
            "kind": ["report"],
            "section_id": ["d/1"],
            "start": [0],
            "text": ["Police detained ſix hundred people in İzmir.\n\nMore than 40 NGOs closed."],
        }
    )
    pd.testing.assert_frame_equal(extract_facts(s), facts_sentence_by_sentence(s, False))


@given(
    st.lists(
        st.sampled_from(
            [
                "one",
                "ten",
                "tens",
                "often",
                "someone",
                "Twenty",
                "hundreds",
                "dozen",
                "zero",
                "x",
                " ",
                "-",
                "_",
                "1",
                "é",
                "ſix",
                "FIFTY",
                "thousandth",
                "million",
                "s",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_number_words_grouped_find_what_the_plain_list_finds(text):
    from trendkz.facts import extract as facts

    plain = re.compile(r"\d|\b(?:" + "|".join(facts._NUMBER_WORDS) + r")\b", re.I)
    assert (facts._MAYBE.search(text) is None) == (plain.search(text) is None)
    assert facts._maybe(text) == (plain.search(text) is not None)
    low = text.lower()
    if len(low) == len(text):
        assert (facts._WORDS_LOWER.search(low) is None) == (
            re.search(r"\b(?:" + "|".join(facts._NUMBER_WORDS) + r")\b", low) is None
        )
