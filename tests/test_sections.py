from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendkz
from trendkz._core.schema import FRAMES

from .conftest import needs_hrr

CRT_HEADINGS = {  # by reading each chapter
    2012: [
        "Overview",
        "2012 Terrorist Incidents",
        "Legislation, Law Enforcement, and Border Security",
        "Countering Terrorist Finance",
        "Regional and International Cooperation",
        "Countering Radicalization and Violent Extremism",
    ],
    2017: [
        "Overview",
        "Legislation, Law Enforcement, and Border Security",
        "Countering the Financing of Terrorism",
        "Countering Violent Extremism (CVE)",
        "Regional and International Cooperation",
    ],
    2022: [
        "Overview",
        "2022 Terrorist Incidents",
        "Legislation, Law Enforcement, and Border Security",
        "Countering the Financing of Terrorism",
        "Countering Violent Extremism",
        "International and Regional Cooperation",
    ],
}


def _doc(sections, year):
    return sections[sections.year == year]


def test_columns(kz_sections):
    assert kz_sections.columns.tolist() == FRAMES["sections"][0]
    assert isinstance(kz_sections.index, pd.RangeIndex)


@pytest.mark.parametrize("year", sorted(CRT_HEADINGS))
def test_run_in_headings(kz_sections, year):
    part = _doc(kz_sections, year)
    assert part["heading"].tolist() == CRT_HEADINGS[year]
    assert set(part["style"]) == {"runin"} and set(part["level"]) == {1}
    assert part["parent_id"].isna().all()


def test_continuation_paragraphs_stay_in_their_section(kz_sections):
    legis = _doc(kz_sections, 2022).query("heading.str.startswith('Legislation')").iloc[0]
    assert "returned more than 600 of its nationals" in legis.text
    assert "IDEMIA" in legis.text


def test_bullets_stay_with_their_paragraph(kz_sections):
    incidents = _doc(kz_sections, 2012).iloc[1]
    assert incidents.heading == "2012 Terrorist Incidents"
    assert "• On July 11" in incidents.text and "• On September 12" in incidents.text
    y2009 = _doc(kz_sections, 2009)
    assert not y2009["text"].str.lstrip().str.startswith("•").any()


def test_no_headings_gives_untitled_paragraphs(kz_sections):
    part = _doc(kz_sections, 2009)
    assert len(part) == 5
    assert (part["heading"] == "").all() and set(part["style"]) == {"none"}
    assert part.iloc[2].text.count("•") == 2


def test_own_line_headings_of_the_analysis(kz_sections):
    part = _doc(kz_sections, 2019)
    titled = part[part.heading != ""]["heading"].tolist()
    assert titled == [
        "The threat level of extremism and terrorism: expectations vs. reality",
        "Radical ideology in Kazakhstan",
        "Kazakhstan Counter-Terrorism Strategy: State Response",
        "Instead of a conclusion",
    ]
    assert (part.heading == "").sum() == 5  # lede paragraphs before the first heading
    assert not part["heading"].str.startswith(("Table", "Map")).any()


def _check_partition(corpus, sections):
    for doc in corpus:
        part = sections[sections.doc_id == doc.doc_id].sort_values("start")
        assert "".join(part["text"]) == doc.body
        assert part["start"].iloc[0] == 0 and part["end"].iloc[-1] == len(doc.body)
        assert (part["start"].iloc[1:].to_numpy() == part["end"].iloc[:-1].to_numpy()).all()
        for r in part.itertuples():
            assert doc.body[r.start : r.end] == r.text


def test_every_character_in_exactly_one_section(kz, kz_sections):
    _check_partition(kz, kz_sections)


def test_numbered_outline_and_levels():
    text = (
        "Executive Summary\n\nIntro text here. More.\n\n"
        "Section 1. Respect for the Person, Including:\n\n"
        "a. Arbitrary Killings\n\nThere were reports in 2020 of killings.\n\n"
        "PRISON CONDITIONS\n\nPhysical Conditions: Prisons were crowded and hot.\n\n"
        "Another paragraph.\n\n"
        "b. Disappearance\n\nNone reported.\n\n"
        "Section 2. Civil Liberties\n\n- item one\n- item two\n"
    )
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [2020], "entity": ["X"]}))
    sec = trendkz.split_sections(corpus)
    got = list(zip(sec.heading, sec.level, sec["style"], strict=True))
    assert got == [
        ("Executive Summary", 1, "line"),
        ("Section 1. Respect for the Person, Including:", 1, "numbered"),
        ("a. Arbitrary Killings", 2, "numbered"),
        ("PRISON CONDITIONS", 3, "caps"),
        ("Physical Conditions", 4, "runin"),
        ("b. Disappearance", 2, "numbered"),
        ("Section 2. Civil Liberties", 1, "numbered"),
    ]
    parents = dict(zip(sec.section_id, sec.parent_id, strict=True))
    ids = sec.section_id.tolist()
    assert parents[ids[4]] == ids[3] and parents[ids[3]] == ids[2]
    assert parents[ids[2]] == ids[1] and pd.isna(parents[ids[6]])
    assert "Another paragraph." in sec.text.iloc[4]
    _check_partition(corpus, sec)


def test_markdown_headings():
    text = "# Report 2021\n\nIntro.\n\n## Part A\n\nText a.\n\n### Detail\n\nMore.\n"
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [2021]}))
    sec = trendkz.split_sections(corpus)
    # the document's title line is set aside as its title, not made a section
    assert next(iter(corpus)).title == "Report 2021"  # without its Markdown marks
    assert list(zip(sec.heading, sec.level, strict=True)) == [("", 1), ("Part A", 2), ("Detail", 3)]


def test_section_tree_prints(kz_sections):
    tree = trendkz.section_tree(kz_sections, "kazakhstan-2012")
    assert tree.splitlines()[1].strip().startswith("Overview")


@needs_hrr
def test_hrr_kazakhstan_outline(hrr_kazakhstan):
    sec = trendkz.split_sections(hrr_kazakhstan)
    _check_partition(hrr_kazakhstan, sec)
    y2020 = sec[sec.year == 2020]
    top = y2020[y2020.level == 1]["heading"].tolist()
    assert top[0] == "Executive Summary"
    assert [h.split(".")[0] for h in top[1:8]] == [f"Section {i}" for i in range(1, 8)]
    sub = y2020[y2020.heading == "Physical Conditions"].iloc[0]
    parent = y2020[y2020.section_id == sub.parent_id].iloc[0]
    assert parent.heading == "Prison and Detention Center Conditions"
    y2024 = sec[sec.year == 2024]
    assert "Section 1. Life" in y2024["heading"].tolist()


@pytest.mark.parametrize(
    "line",
    [
        "Section 2. Respect for Civil Liberties",
        "Part IV: Law",
        "2.1 Legal Framework",
        "3. Elections",
        "IV. Annex",
        "a. Arbitrary Arrest",
        "B. Prison Conditions",
        "2.5 percent",
        "iv. minor",
        "Chapter",
        "No heading",
        "",
    ],
)
def test_numbered_styles_are_tried_in_order(line):
    from trendkz.segment.sections import _NUMBERED, _numbered

    first = next((style for style, p in _NUMBERED if p.match(line)), None)
    assert _numbered(line) == first


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab_1 .'-’\n,é²İЖ\u00a0٣‐", max_size=40), st.data())
def test_word_counts_of_spans_equal_count_words(body, data):
    from trendkz.load.corpus import count_words
    from trendkz.segment.sections import _word_counts

    cuts = sorted(data.draw(st.lists(st.integers(0, len(body)), max_size=4)))
    spans = list(zip([0, *cuts], [*cuts, len(body)], strict=True))
    assert _word_counts(body, spans) == [count_words(body[a:e]) for a, e in spans]


def test_documents_in_any_order_give_the_same_frame(kz):
    """Sections of documents given in the frame's order skip conform's sort; any other
    order is sorted (the same frame either way)."""
    from trendkz.segment.sections import split_sections

    docs = list(kz)
    pd.testing.assert_frame_equal(split_sections(docs[::-1]), split_sections(docs))
