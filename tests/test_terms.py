from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendkz
from trendkz._core.errors import InputError, OptionError
from trendkz._core.schema import FRAMES
from trendkz.terms.counts import count_terms, quote_spans, term_hits
from trendkz.terms.kwic import keywords_in_context
from trendkz.terms.lexicon import Lexicon

from .conftest import needs_hrr

CT = Lexicon.builtin()
SEEDS = [2009, 2012, 2017, 2022]


def sections(*texts: str, year: int = 2020) -> pd.DataFrame:
    """A tiny sections frame: one document, one section per text."""
    rows, start = [], 0
    for k, text in enumerate(texts):
        rows.append(
            dict(
                doc_id="d",
                entity="X",
                series="s",
                year=year,
                kind="report",
                section_id=f"d/{k:03d}",
                text=text,
                start=start,
                n_words=len(text.split()),
            )
        )
        start += len(text)
    return pd.DataFrame(rows)


def flags(text: str, lexicon: Lexicon = CT) -> list[tuple[str, bool, bool]]:
    h = term_hits(sections(text), lexicon)
    return [
        (t, bool(q), bool(d))
        for t, q, d in zip(h["text"], h["is_quoted"], h["is_hedged"], strict=True)
    ]


def quoted(text: str) -> list[bool]:
    return [q for _, q, _ in flags(text)]


def hedged(text: str) -> list[bool]:
    return [h for _, _, h in flags(text)]


# -- quotation marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "combating what it considers “extremism.”",
        "“extremism”-related offenses",
        "answered questions about “religious extremism.”",
        'dissemination of so-called "extremist materials."',
        'outlets were declared "extremist" by courts',
        "the ‘extremism’ label",
        "the 'extremist' label",
        "the law «On Countering Extremism» of 2005",
        "das „Extremismus“-Gesetz und „extremism“",
        "(“extremism”)",
        "“extremism,” he said",
        '“extremism" with a straight closing mark',
        "‹extremism› in angle quotes",
        "he said “the ‘extremist’ label” today",
        "“grave terrorism and extremism-related crimes,”",
    ],
)
def test_quoted(text):
    q = quoted(text)
    assert q and all(q)


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan’s extremism law",
        "don’t call it extremism",
        "five years’ imprisonment for extremism",
        "the workers' extremism",
        "al-Qa’ida and extremism",
        "’90s extremism’ nothing opens here",
        "rock ’n’ roll extremism",
        "causing ‘grave harm to the state’ and extremism",
        "the “law” on extremism",
        "He said “enough. Then extremism grew",
        'a "b" extremism "c"',
        "“Nur Otan”’s extremism",
        "foundations that financed extremist activities.” Hora said",  # a stray closing mark
    ],
)
def test_not_quoted(text):
    assert quoted(text) == [False]


def test_quote_state_per_hit():
    assert quoted("the “extremism” and extremism and ‘extremist’ groups") == [True, False, True]
    # a phrase with two terms inside one pair of quotes
    assert quoted("“terrorism and extremism” then terrorism") == [True, True, False]


def test_nested_and_guillemets():
    text = "«No term “violent extremism” exists; extremism is vague», she said. extremism"
    assert flags(text) == [
        ("violent extremism", True, False),
        ("extremism", True, False),
        ("extremism", False, False),
    ]


def test_quotes_stay_in_their_paragraph():
    assert quoted("He said “no\n\nextremism” is here") == [False]
    # a quotation running over paragraphs opens each one and closes only at its end
    assert quoted("“Extremism grows, he said.\n\n“It is extremism,” he added.") == [True, True]


def test_quote_spans_literal():
    text = "a “b ‘c’ d” e’s «f»"
    spans = quote_spans(text)
    assert [text[a:b] for a, b in spans] == ["b ‘c’ d", "c", "f"]


@given(st.text(alphabet="ab .,-\n\"'“”‘’«»", max_size=60))
def test_quote_spans_are_well_formed(text):
    spans = quote_spans(text)
    assert spans == sorted(spans)
    for a, b in spans:
        assert 0 < a <= b <= len(text)


words = st.text(alphabet="abcdefghij ", min_size=0, max_size=20).map(lambda s: " ".join(s.split()))


@given(words, words, st.sampled_from(["“”", '""', "‘’", "''", "«»"]))
def test_wrapping_a_term_in_quotes_quotes_it(before, after, pair):
    text = f"{before} {pair[0]}extremism{pair[1]} {after}".strip()
    assert quoted(text) == [True]
    assert quoted(f"{before} extremism {after}".strip()) == [False]


# -- hedges ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'dissemination of so-called "extremist materials."',
        "combating what it considers “extremism.”",
        "ideas what the government deemed “extremist” ideas",
        "what the government considered “extremism”-related offenses",
        "The six alleged terrorists reportedly planned",
        "The government described widespread civil unrest in early January as a terrorist attack",
        "content it considered “extremist.”",
        "a party banned as an “extremist” organization",
        "what qualifies as terrorism or “extremism,”",
        "people they described as terrorists",
        "groups the government labelled as extremist",
    ],
)
def test_hedged(text):
    assert hedged(text)[-1] is True


@pytest.mark.parametrize(
    "text",
    [
        "the fight against terrorism and extremism",
        "He was alleged to be rich. Extremism grew",
        "alleged participation in a political banned extremist group",
        "extremism, so-called",
        "alleged\n\nextremism",
        "suspected violent extremists set off an explosion",  # suspicion of a crime, not a label
    ],
)
def test_not_hedged(text):
    assert hedged(text)[-1] is False


def test_lexicon_hedges_are_used():
    lex = Lexicon({"e": "extremis*"}, hedges=["notorious"])
    assert hedged("so-called extremism; notorious extremists") == [True, False]
    assert [h for _, _, h in flags("so-called extremism; notorious extremists", lex)] == [
        False,
        True,
    ]


# -- hits -----------------------------------------------------------------------------------


def test_hits_frame(kz, kz_sections):
    h = term_hits(kz_sections)
    assert h.columns.tolist() == FRAMES["hits"][0]
    assert isinstance(h.index, pd.RangeIndex)
    bodies = {d.doc_id: d.body for d in kz}
    for r in h.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.text
    assert set(h["term"]) <= set(CT.terms)
    assert term_hits(kz).equals(h)  # a Corpus is split first


# -- counts: the headline of the seeds --------------------------------------------------------

#: Counted by reading the four chapters (fixtures/kazakhstan/crt-*.txt), body only:
#: year -> (extremism, of which in quotation marks, violent extremism)
#: 2009: "terrorism and extremism" twice, no quotes; no "violent extremism".
#: 2012: extremism x3 bare (charges of/spread of/convicted of), so-called "extremist
#:       materials" and declared "extremist" in straight quotes; violent extremism/-ist(s)
#:       15 times, the heading "Countering Radicalization and Violent Extremism" included.
#: 2017: 12 extremism, of which 10 in curly quotes; bare: "religious extremism and
#:       terrorism", "terrorist and extremist organizations"; violent extremism 3
#:       (countering violent extremism x2, the CVE heading).
#: 2022: 13 extremism, every one quoted (“extremism”, “extremist”, “religious
#:       extremism”); violent extremism 2 (the heading, "resilience to violent extremism").
HAND_COUNT = {2009: (2, 0, 0), 2012: (5, 2, 15), 2017: (12, 10, 3), 2022: (13, 13, 2)}


def seed_table(kz_sections) -> pd.DataFrame:
    c = count_terms(kz_sections)
    c = c[c["kind"].eq("report") & c["term"].isin(["extremism", "violent extremism"])]
    return c.set_index(["year", "term"])


def test_hand_count(kz_sections):
    t = seed_table(kz_sections)
    for year, (ext, ext_quoted, violent) in HAND_COUNT.items():
        assert t.loc[(year, "extremism"), "count"] == ext
        assert t.loc[(year, "extremism"), "quoted"] == ext_quoted
        assert t.loc[(year, "violent extremism"), "count"] == violent
        assert t.loc[(year, "violent extremism"), "quoted"] == 0


def test_headline_scare_quotes_rise_violent_extremism_falls(kz_sections):
    t = seed_table(kz_sections)
    share = [t.loc[(y, "extremism"), "quoted"] / t.loc[(y, "extremism"), "count"] for y in SEEDS]
    assert share == sorted(share) and share[0] == 0 and share[-1] == 1
    rate = [t.loc[(y, "violent extremism"), "rate"] for y in SEEDS[1:]]
    assert rate == sorted(rate, reverse=True)


def test_hedged_hand_count(kz_sections):
    t = seed_table(kz_sections)
    # 2012: so-called "extremist materials", declared "extremist"; 2017: what it
    # considers, identified as, what the government considered / deemed; 2022: what
    # qualifies as, banned as an, content it considered
    assert [t.loc[(y, "extremism"), "hedged"] for y in SEEDS] == [0, 2, 4, 3]
    # 2012: "perceived terrorist and violent extremist"; "suspected" (of a crime) is not a
    # hedge on the label
    assert t.loc[(2012, "violent extremism"), "hedged"] == 1


# -- counts: shape and options ----------------------------------------------------------------


def test_terms_frame(kz, kz_sections):
    c = count_terms(kz_sections)
    assert c.columns.tolist() == FRAMES["terms"][0]
    assert isinstance(c.index, pd.RangeIndex)
    assert len(c) == len(kz) * len(CT)  # zeros kept: every term in every document
    assert c["section_id"].isna().all() and c["group"].isna().all()
    words = {d.doc_id: d.n_words for d in kz}
    assert (c["n_words"] == c["doc_id"].map(words)).all()
    assert c["rate"].tolist() == pytest.approx((c["count"] * 1000 / c["n_words"]).tolist())
    nonzero = count_terms(kz_sections, zeros=False)
    assert (nonzero["count"] > 0).all()
    assert nonzero.reset_index(drop=True).equals(c[c["count"] > 0].reset_index(drop=True))


def test_by_section_sums_to_by_doc(kz_sections):
    by_doc = count_terms(kz_sections)
    by_sec = count_terms(kz_sections, by="section")
    assert len(by_sec) == len(kz_sections) * len(CT)
    assert by_sec["section_id"].notna().all()
    summed = by_sec.groupby(["doc_id", "term"])[["count", "quoted", "hedged"]].sum()
    mine = by_doc.set_index(["doc_id", "term"])[["count", "quoted", "hedged"]]
    assert summed.sort_index().equals(mine.sort_index())


def test_hits_agree_with_counts(kz_sections):
    h = term_hits(kz_sections)
    c = count_terms(kz_sections, zeros=False).set_index(["doc_id", "term"])
    n = h.groupby(["doc_id", "term"]).agg(count=("start", "size"), quoted=("is_quoted", "sum"))
    assert (n["count"] == c.loc[n.index, "count"]).all()
    assert (n["quoted"] == c.loc[n.index, "quoted"]).all()


def hand_alignment(kz_sections) -> pd.DataFrame:
    """Overview sections of 2012/2017/2022 in group 0, CVE sections in group 1; the 2009
    chapter and the analysis are left out on purpose."""
    picks = {
        0: [
            "kazakhstan-2012/000",
            "kazakhstan-2017/000",
            "kazakhstan-2022/000",
        ],
        1: [
            "kazakhstan-2012/005",
            "kazakhstan-2017/003",
            "kazakhstan-2022/004",
        ],
    }
    rows = []
    for group, ids in picks.items():
        for sid in ids:
            s = kz_sections[kz_sections.section_id == sid].iloc[0]
            rows.append(
                dict(
                    entity=s.entity,
                    series=s.series,
                    group=group,
                    label=["Overview", "CVE"][group],
                    doc_id=s.doc_id,
                    year=s.year,
                    section_id=sid,
                    status="kept",
                )
            )
    return pd.DataFrame(rows)


def test_by_group(kz_sections):
    al = hand_alignment(kz_sections)
    c = count_terms(kz_sections, by="group", alignment=al)
    ext = c[c.term.eq("extremism") & c.group.eq(1)].set_index("year")
    assert ext["count"].to_dict() == {2012: 1, 2017: 5, 2022: 4}
    assert ext["quoted"].to_dict() == {2012: 1, 2017: 4, 2022: 4}
    # sections outside the alignment are kept, in group <NA>, not dropped
    rest = c[c.group.isna()]
    assert set(rest.doc_id) == set(kz_sections.doc_id)
    assert (
        c.groupby("term")["count"]
        .sum()
        .equals(count_terms(kz_sections).groupby("term")["count"].sum())
    )
    by_sec = count_terms(kz_sections, by="section", alignment=al)
    assert by_sec.loc[by_sec.section_id.eq("kazakhstan-2017/003"), "group"].eq(1).all()


def test_bad_options(kz_sections):
    with pytest.raises(OptionError, match="'doc', 'section', 'group'"):
        count_terms(kz_sections, by="year")
    with pytest.raises(OptionError, match="alignment"):
        count_terms(kz_sections, by="group")
    al = hand_alignment(kz_sections)
    with pytest.raises(InputError, match="more than one group"):
        count_terms(kz_sections, by="group", alignment=pd.concat([al, al.assign(group=7)]))
    with pytest.raises(InputError, match="lacks columns"):
        count_terms(kz_sections, by="group", alignment=al.drop(columns="group"))
    with pytest.raises(InputError, match="lacks columns"):
        count_terms(kz_sections.drop(columns="text"))
    with pytest.raises(InputError, match="sections frame"):
        count_terms(["text"])
    with pytest.raises(OptionError, match="not a lexicon"):
        count_terms(kz_sections, 42)
    with pytest.raises(OptionError, match="no such lexicon file"):
        count_terms(kz_sections, "no/such/file.lex")


def test_empty_input():
    empty = sections().reindex(columns=sections("x").columns)
    assert count_terms(empty).empty and term_hits(empty).empty
    assert count_terms(empty).columns.tolist() == FRAMES["terms"][0]
    c = count_terms(sections("nothing here", ""), by="section")
    assert c["count"].eq(0).all() and c["rate"].isna().tolist().count(True) == len(CT)


# -- keywords in context ----------------------------------------------------------------------


def test_kwic_by_term_name(kz, kz_sections):
    k = keywords_in_context(kz_sections, "extremism", window=5)
    assert k.columns.tolist() == FRAMES["kwic"][0]
    assert (
        len(k) == count_terms(kz_sections, zeros=False).query("term == 'extremism'")["count"].sum()
    )
    bodies = {d.doc_id: d.body for d in kz}
    for r in k.itertuples():
        assert bodies[r.doc_id][r.start : r.end] == r.match
        for side in (r.left, r.right):
            assert sum(any(c.isalnum() for c in w) for w in side.split()) <= 5
    row = k[(k.year == 2017) & k.left.str.endswith("what it considers “")].iloc[0]
    assert (row.left, row.match, row.right, row.is_quoted, row.is_hedged) == (
        "of combating what it considers “",
        "extremism",
        ".”",
        True,
        True,
    )  # the section ends there


def test_kwic_raw_pattern_and_window():
    s = sections("One two three four five “religious extremism” six seven eight nine.")
    k = keywords_in_context(s, "religious extremis*", window=3)
    assert k[["left", "match", "right", "term"]].values.tolist() == [
        ["three four five “", "religious extremism", "” six seven eight", "religious extremis*"]
    ]
    assert k["is_quoted"].tolist() == [True]
    assert keywords_in_context(s, "extremism", window=1)["match"].tolist() == ["extremism"]
    for bad in (0, -1, 2.5, True):
        with pytest.raises(OptionError, match="window"):
            keywords_in_context(s, "extremism", window=bad)
    with pytest.raises(OptionError, match="term"):
        keywords_in_context(s, "  ")


def test_kwic_collapses_white_space_and_stays_in_section():
    s = sections("first section ends", "extremism\n\nand   more")
    k = keywords_in_context(s, "extremism", window=4)
    assert (k.left.tolist(), k.right.tolist()) == ([""], ["and more"])
    assert (k.start.tolist(), k.end.tolist()) == ([18], [27])


# -- the real-world corpus --------------------------------------------------------------------


@needs_hrr
def test_hrr_kazakhstan(hrr_kazakhstan):
    s = trendkz.split_sections(hrr_kazakhstan)
    c = count_terms(s)
    assert len(c) == len(hrr_kazakhstan) * len(CT)
    h = term_hits(s)
    bodies = {d.doc_id: d.body for d in hrr_kazakhstan}
    assert all(bodies[r.doc_id][r.start : r.end] == r.text for r in h.itertuples())
    ext = c[c.term.eq("extremism")]
    assert ext["count"].gt(0).all() and ext["quoted"].gt(0).any()


@pytest.mark.parametrize("by", ["doc", "section", "group"])
def test_units_are_the_groupby_units(kz_sections, by):
    """count_terms' units (built without pandas) equal a plain groupby: first value
    present per unit, words summed, NA groups kept, in order of first appearance."""
    sec = kz_sections.reset_index(drop=True).copy()
    sec.loc[:4, "n_words"] = pd.NA
    al = trendkz.align_sections(kz_sections)
    al = al[al["year"] != 2012]  # the 2012 sections are in no group
    got = count_terms(sec, by=by, alignment=al)
    base = sec[["doc_id", "entity", "series", "year", "kind", "section_id", "n_words"]].copy()
    base["group"] = (
        sec["section_id"].map(dict(zip(al["section_id"], al["group"], strict=True))).astype("Int64")
    )
    if by == "section":
        units = base
    else:
        keys = ["doc_id"] if by == "doc" else ["doc_id", "group"]
        g = base.groupby(keys, sort=False, dropna=False)
        units = (
            g[["entity", "series", "year", "kind"]].first().join(g[["n_words"]].sum()).reset_index()
        )
        units["section_id"] = pd.NA
        if by == "doc":
            units["group"] = pd.NA
    terms = Lexicon.builtin().terms
    want = units.loc[units.index.repeat(len(terms))].reset_index(drop=True)
    want["term"] = list(terms) * len(units)
    want = trendkz._core.schema.conform(want.assign(count=0, quoted=0, hedged=0, rate=0.0), "terms")
    cols = ["doc_id", "entity", "series", "year", "kind", "section_id", "group", "term", "n_words"]
    pd.testing.assert_frame_equal(got[cols], want[cols])
