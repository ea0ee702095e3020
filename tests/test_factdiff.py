import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trendkz._core import schema
from trendkz._core.errors import InputError, OptionError
from trendkz.facts import diff as factdiff
from trendkz.facts import pairs as factpairs
from trendkz.facts.corroborate import corroborate
from trendkz.facts.diff import diff_facts
from trendkz.facts.extract import extract_facts
from trendkz.facts.pairs import compare, overlaps, similarity

from .reference import corroborate_all_pairs, diff_plain, link_all_pairs


@pytest.fixture(scope="module")
def facts(kz_sections):
    return extract_facts(kz_sections)


def _fact(
    value=math.nan, low=None, high=None, qualifier="", kind="exact", lo_open=False, hi_open=False
):
    low = value if low is None else low
    high = value if high is None else high
    return {
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "fact_kind": kind,
        "low_open": lo_open,
        "high_open": hi_open,
    }


@pytest.mark.parametrize(
    "a, b, status",
    [
        (_fact(600), _fact(600), "same"),
        (_fact(600), _fact(700), "up"),
        (_fact(11), _fact(3), "down"),
        (
            _fact(600, 600, math.nan, "more than", "bound", True, True),
            _fact(600, 540, 660, "about", "approximate"),
            "qualifier changed",
        ),
        (_fact(math.nan, 24, 99, "dozens", "approximate"), _fact(56), "qualifier changed"),
        (_fact(math.nan, 24, 99, "dozens", "approximate"), _fact(300), "up"),
        (_fact(math.nan, 12, 17, "", "range"), _fact(math.nan, 5, 15, "", "range"), "down"),
        (_fact(950), _fact(11000, 11000, math.nan, "more than", "bound", True, True), "up"),
    ],
)
def test_compare(a, b, status):
    assert compare(a, b) == status


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (_fact(600, 540, 660), _fact(600, 600, math.nan, lo_open=True, hi_open=True), True),
        (_fact(500), _fact(600, 600, math.nan, lo_open=True, hi_open=True), False),
        (_fact(600), _fact(600, 600, math.nan, lo_open=True, hi_open=True), False),
        (_fact(600), _fact(600, 600, math.nan, lo_open=False, hi_open=True), True),
        (_fact(11), _fact(11), True),
    ],
)
def test_overlaps(a, b, expected):
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_similarity_is_symmetric_and_bounded(a, b):
    s = similarity(a, b)
    assert 0.0 <= s <= 1.0 and s == similarity(b, a)
    assert similarity(a, a) == 1.0


def test_diff_on_the_seeds(facts):
    d = diff_facts(facts)
    assert list(d.columns) == schema.FRAMES["fact_changes"][0]
    assert isinstance(d.index, pd.RangeIndex)
    assert set(d["status"]) <= {"same", "up", "down", "qualifier changed", "added", "removed"}
    links = {(r.measure, r.year_from, r.year_to): r for r in d.itertuples()}
    r = links[("websites blocked", 2012, 2022)]
    assert (r.value_from, r.value_to, r.status, r.qualifier_to) == (950, 11000, "up", "more than")
    assert (r.text_from, r.text_to) == ("950", "more than 11,000")
    r = links[("terrorist attacks prevented", 2017, 2022)]
    assert (r.value_from, r.value_to, r.change, r.status) == (11, 3, -8, "down")
    r = links[("terrorist financing cases transferred to court", 2017, 2022)]
    assert (r.value_from, r.value_to, r.status) == (9, 3, "down")
    assert r.doc_from == "kazakhstan-2017" and r.doc_to == "kazakhstan-2022"
    new = d[(d["status"] == "added") & (d["measure"] == "nationals repatriated")]
    assert list(new["year_to"]) == [2022] and new["value_from"].isna().all()
    # the analysis is its own series: never linked with the reports
    assert not (d["doc_from"].str.contains("analysis") & d["doc_to"].str.contains("report")).any()


def test_diff_spans_point_at_the_facts(kz, facts):
    d = diff_facts(facts)
    for r in d.dropna(subset=["start_from", "start_to"]).itertuples():
        assert kz[r.doc_from].body[r.start_from : r.end_from] == r.text_from
        assert kz[r.doc_to].body[r.start_to : r.end_to] == r.text_to


def test_a_document_against_its_copy_is_all_same(facts):
    one = facts[facts["doc_id"] == "kazakhstan-2022"]
    copy = one.assign(doc_id="copy", year=2023)
    d = diff_facts(pd.concat([one, copy], ignore_index=True))
    assert set(d["status"]) == {"same"}
    assert (d["change"] == 0).all()


def test_aligned_groups_are_linked_first():
    base = {
        "entity": "X",
        "series": "S",
        "kind": "report",
        "fact_kind": "exact",
        "low_open": False,
        "high_open": False,
        "unit": "count",
        "qualifier": pd.NA,
        "period_assumed": False,
        "end": 5,
        "text": "t",
    }
    rows = [
        {
            **base,
            "doc_id": "a",
            "year": 2020,
            "section_id": "a/1",
            "value": 10.0,
            "measure": "persons detained",
            "start": 0,
        },
        {
            **base,
            "doc_id": "a",
            "year": 2020,
            "section_id": "a/2",
            "value": 99.0,
            "measure": "persons detained at protests",
            "start": 100,
        },
        {
            **base,
            "doc_id": "b",
            "year": 2021,
            "section_id": "b/7",
            "value": 12.0,
            "measure": "persons detained at protests",
            "start": 0,
        },
    ]
    facts = pd.DataFrame(rows).assign(
        low=lambda d: d["value"],
        high=lambda d: d["value"],
        period_start=lambda d: d["year"],
        period_end=lambda d: d["year"],
    )
    # alone, the identical measure wins
    d = diff_facts(facts)
    link = d[d["status"].isin(["up", "down", "same"])]
    assert list(link["value_from"]) == [99.0]
    # aligned: section a/1 and b/7 are the same section group, so they are linked first
    alignment = pd.DataFrame(
        {
            "entity": "X",
            "series": "S",
            "group": [0, 1, 0],
            "label": ["Arrest", "Protest", "Arrest"],
            "doc_id": ["a", "a", "b"],
            "year": [2020, 2020, 2021],
            "section_id": ["a/1", "a/2", "b/7"],
            "heading": "",
            "similarity": 1.0,
            "method": "heading",
            "status": "matched",
        }
    )
    d = diff_facts(facts, alignment=alignment, min_similarity=0.6)
    link = d[d["status"].isin(["up", "down", "same"])]
    got = list(zip(link["value_from"], link["value_to"], link["group"], strict=True))
    assert got == [(10.0, 12.0, 0)]
    assert list(d.loc[d["status"] == "removed", "value_from"]) == [99.0]


def test_corroborate_on_the_seeds(facts):
    c = corroborate(facts)
    assert list(c.columns) == schema.FRAMES["corroboration"][0]
    agree = c[c["status"] == "agree"]
    rep = agree[agree["measure"] == "nationals repatriated"]
    assert len(rep) == 1
    r = rep.iloc[0]
    assert {r["doc_a"], r["doc_b"]} == {"kazakhstan-2019", "kazakhstan-2022"}
    assert {r["kind_a"], r["kind_b"]} == {"analysis", "report"}
    assert {r["text_a"], r["text_b"]} == {"about 600", "more than 600"}
    assert (r["period_start"], r["period_end"], r["period_match"]) == (2019, 2019, "nested")
    same = agree[(agree["measure"] == "terrorist attacks prevented")]
    assert list(same["period_match"]) == ["same"] and list(same["value_a"]) == [11]
    consistent = c[c["status"] == "consistent"]
    assert set(consistent["measure"]) == {"websites blocked"}


def test_corroborate_options(facts):
    assert len(corroborate(facts, periods="same")) < len(corroborate(facts))
    assert set(corroborate(facts, periods="same")["period_match"]) <= {"same"}
    assert len(corroborate(facts, assumed=True)) >= len(corroborate(facts))
    with pytest.raises(OptionError, match="periods"):
        corroborate(facts, periods="any")
    with pytest.raises(OptionError, match="min_similarity"):
        diff_facts(facts, min_similarity=2)


def test_errors():
    with pytest.raises(InputError, match="extract_facts"):
        diff_facts("facts")
    with pytest.raises(InputError, match="lacks columns"):
        corroborate(pd.DataFrame({"doc_id": []}))


def test_empty(facts):
    assert diff_facts(facts.iloc[:0]).empty
    assert list(corroborate(facts.iloc[:0]).columns) == schema.FRAMES["corroboration"][0]


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(8)))
def test_diff_does_not_depend_on_row_order(facts, order):
    part = facts[facts["doc_id"].str.contains("report")].reset_index(drop=True)
    chunks = [part.iloc[i::8] for i in order]
    shuffled = pd.concat(chunks, ignore_index=True)
    assert diff_facts(shuffled).equals(diff_facts(part))


# ---- the vectorized pairing gives what the plain all-pairs loops give

_MEASURES = [
    "persons detained",
    "detained persons",
    "persons arrested",
    "websites blocked",
    "blocked sites",
    "nationals repatriated",
    "terrorist attacks prevented",
    "x",
]


def _record(draw_measure, unit, group, year, start):
    return {"measure": draw_measure, "unit": unit, "group": group, "year": year, "start": start}


_RECORD = st.builds(
    _record,
    st.sampled_from(_MEASURES),
    st.sampled_from(["count", "percent"]),
    st.sampled_from([None, 0, 1]),
    st.integers(2016, 2020),
    st.integers(0, 50),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_RECORD, max_size=12),
    st.lists(_RECORD, max_size=12),
    st.booleans(),
    st.sampled_from([0.0, 0.5, 0.8, 1.0]),
)
def test_link_equals_all_pairs(lasts, reps, grouped, min_similarity):
    chains = [[r] for r in lasts]
    assert factpairs.link(lasts, reps, min_similarity, grouped) == link_all_pairs(
        chains, reps, min_similarity, grouped
    )


@pytest.mark.parametrize("periods", ["same", "nested", "overlap"])
@pytest.mark.parametrize("assumed, min_similarity", [(False, 0.8), (True, 0.5)])
def test_corroborate_equals_all_pairs(facts, periods, assumed, min_similarity):
    # two more "documents" restating the seeds a year later: many more candidate pairs
    more = pd.concat(
        [facts, facts.assign(doc_id=facts["doc_id"] + "-copy", period_end=facts["period_end"] + 1)],
        ignore_index=True,
    )
    for f in (facts, more):
        pd.testing.assert_frame_equal(
            corroborate(f, periods=periods, assumed=assumed, min_similarity=min_similarity),
            corroborate_all_pairs(f, periods, assumed, min_similarity),
        )


# ---- diff_facts keeps its open chains filed by key: same links as asking every chain


_FACT_ROW = st.tuples(
    st.integers(0, 3),
    st.integers(0, 2),
    st.sampled_from(_MEASURES),
    st.sampled_from(["count", "percent"]),
    st.integers(1, 9),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_FACT_ROW, max_size=30))
def test_diff_equals_every_chain_asked(rows):
    facts = pd.DataFrame(
        [
            {
                "doc_id": f"d{doc}",
                "entity": "X",
                "series": "s",
                "year": 2016 + doc,
                "kind": "report",
                "section_id": f"d{doc}/{sec}",
                "fact_kind": "exact",
                "value": float(value),
                "low": float(value),
                "high": float(value),
                "unit": unit,
                "qualifier": None,
                "measure": measure,
                "period_start": 2016 + doc,
                "period_end": 2016 + doc,
                "period_assumed": False,
                "start": 10 * n,
                "end": 10 * n + 2,
                "text": str(value),
            }
            for n, (doc, sec, measure, unit, value) in enumerate(rows)
        ],
        columns=list(factdiff._NEEDED),
    )
    alignment = pd.DataFrame(
        {
            "doc_id": [f"d{d}" for d in range(4) for _ in range(3)],
            "section_id": [f"d{d}/{s}" for d in range(4) for s in range(3)],
            "group": [s % 2 for _ in range(4) for s in range(3)],
        }
    )
    pd.testing.assert_frame_equal(
        diff_facts(facts, alignment=alignment), diff_plain(facts, alignment)
    )


def test_links_say_how_they_were_made_and_carry_both_sentences():
    def fact(doc, year, sec, measure, value, sentence):
        return {
            "doc_id": doc,
            "entity": "X",
            "series": "s",
            "year": year,
            "kind": "report",
            "section_id": sec,
            "fact_kind": "exact",
            "value": value,
            "low": value,
            "high": value,
            "unit": "EUR",
            "qualifier": None,
            "measure": measure,
            "period_start": year,
            "period_end": year,
            "period_assumed": False,
            "start": 0,
            "end": 3,
            "text": str(value),
            "sentence": sentence,
        }

    facts = pd.DataFrame(
        [
            fact("a", 2020, "a/echr", "amount", 11000.0, "The ECHR awarded EUR 11,000."),
            fact("b", 2021, "b/court", "amount", 367000.0, "A court awarded EUR 367,000."),
            fact("a", 2020, "a/echr", "compensation awarded", 5.0, "s1"),
            fact("b", 2021, "b/court", "compensation awarded", 6.0, "s2"),
        ]
    )
    alignment = pd.DataFrame(
        {"doc_id": ["a", "b"], "section_id": ["a/echr", "b/court"], "group": [1, 2]}
    )
    links = diff_facts(facts, alignment=alignment)
    linked = links[links["status"].isin(["same", "up", "down"])]
    # "amount" alone across two unaligned groups is no link; a two-word exact measure is
    assert linked["measure"].tolist() == ["compensation awarded"]
    assert linked["link"].tolist() == ["strong"]
    assert linked["sentence_text_from"].tolist() == ["s1"]
    assert linked["sentence_text_to"].tolist() == ["s2"]
    plain = diff_facts(facts)
    assert set(plain.loc[plain["status"] == "up", "link"]) == {"document"}
    assert "The ECHR awarded EUR 11,000." in set(plain["sentence_text_from"].dropna())
