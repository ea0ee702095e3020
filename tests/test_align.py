from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import distance, fuzz

import trendkz
from tests.conftest import two_entities
from trendkz._core.errors import InputError, OptionError
from trendkz._core.schema import FRAMES
from trendkz.align.scores import clean_heading, normalize_heading, scorer_matrix
from trendkz.align.sections import align_sections, alignment_table, group_texts

from .conftest import needs_hrr

CRT = "Country Reports on Terrorism"


def make_sections(
    docs: dict[str, tuple[int, list[tuple]]], *, entity="E", series="S"
) -> pd.DataFrame:
    """A sections frame from ``{doc_id: (year, [(heading, text, level), ...])}``."""
    rows = []
    for doc_id, (year, parts) in docs.items():
        start, parents = 0, []
        for pos, (heading, text, level) in enumerate(parts):
            body = f"{heading}\n\n{text}\n\n" if heading else f"{text}\n\n"
            while parents and parents[-1][0] >= level:
                parents.pop()
            sid = f"{doc_id}/{pos:03d}"
            rows.append(
                {
                    "doc_id": doc_id,
                    "entity": entity,
                    "series": series,
                    "year": year,
                    "kind": "report",
                    "section_id": sid,
                    "parent_id": parents[-1][1] if parents else None,
                    "level": level,
                    "position": pos,
                    "heading": heading,
                    "style": "line" if heading else "none",
                    "text": body,
                    "start": start,
                    "end": start + len(body),
                    "n_words": len(body.split()),
                }
            )
            parents.append((level, sid))
            start += len(body)
    frame = pd.DataFrame(rows, columns=FRAMES["sections"][0])
    return trendkz._core.schema.conform(frame, "sections")


def members(alignment: pd.DataFrame, year: int, heading: str) -> pd.DataFrame:
    """All rows of the group holding the section of ``year`` whose heading starts so."""
    hit = alignment[
        (alignment["year"] == year) & alignment["heading"].fillna("").str.startswith(heading)
    ]
    assert len(hit) == 1, (year, heading, hit)
    return alignment[alignment["group"] == hit["group"].item()]


def heading_in(group: pd.DataFrame, year: int) -> str | None:
    row = group[(group["year"] == year) & (group["status"] == "matched")]
    return None if row.empty else row["heading"].iloc[0]


@pytest.fixture(scope="module")
def kz_alignment(kz_sections):
    return align_sections(kz_sections)


# --- the seed corpus -------------------------------------------------------------------


def test_frame_shape(kz_alignment):
    assert kz_alignment.columns.tolist() == FRAMES["alignment"][0]
    assert isinstance(kz_alignment.index, pd.RangeIndex)
    assert set(kz_alignment["status"]) == {"matched", "absent"}
    sim = kz_alignment["similarity"].dropna()
    assert ((sim >= 0) & (sim <= 1)).all()


@pytest.mark.parametrize(
    "headings",
    [
        {2012: "Overview", 2017: "Overview", 2022: "Overview"},
        {2012: "2012 Terrorist Incidents", 2017: None, 2022: "2022 Terrorist Incidents"},
        {
            2012: "Legislation, Law Enforcement, and Border Security",
            2017: "Legislation, Law Enforcement, and Border Security",
            2022: "Legislation, Law Enforcement, and Border Security",
        },
        {
            2012: "Countering Terrorist Finance",
            2017: "Countering the Financing of Terrorism",
            2022: "Countering the Financing of Terrorism",
        },
        {
            2012: "Countering Radicalization and Violent Extremism",
            2017: "Countering Violent Extremism (CVE)",
            2022: "Countering Violent Extremism",
        },
        {
            2012: "Regional and International Cooperation",
            2017: "Regional and International Cooperation",
            2022: "International and Regional Cooperation",
        },
    ],
)
def test_six_terrorism_groups(kz_alignment, headings):
    group = members(kz_alignment, 2012, headings[2012])
    for year, heading in headings.items():
        assert heading_in(group, year) == heading
    if headings[2017] is None:  # an explicit absent row, not a missing one
        row = group[group["year"] == 2017]
        assert row["status"].tolist() == ["absent"]
        assert row["section_id"].isna().all() and row["similarity"].isna().all()


def test_six_groups_and_no_more_in_titled_years(kz_alignment):
    crt = kz_alignment[kz_alignment["series"] == CRT]
    titled = crt[crt["year"].isin([2012, 2017, 2022]) & (crt["status"] == "matched")]
    assert titled["group"].nunique() == 6


@pytest.mark.parametrize(
    "opening, heading",
    [
        ("Kazakhstan has continued to detain and prosecute", "Legislation, Law Enforcement"),
        ("To prevent radicalization", "Countering Radicalization and Violent Extremism"),
        (
            "Kazakhstan also continued to strengthen its engagement in international",
            "Regional and International Cooperation",
        ),
    ],
)
def test_2009_paragraphs_land_by_content(kz_sections, kz_alignment, opening, heading):
    para = kz_sections[(kz_sections["year"] == 2009) & kz_sections["text"].str.startswith(opening)]
    assert len(para) == 1 and para["heading"].item() == ""
    row = kz_alignment[kz_alignment["section_id"] == para["section_id"].item()]
    assert row["method"].item() == "content"
    group = kz_alignment[kz_alignment["group"] == row["group"].item()]
    assert heading_in(group, 2012).startswith(heading)


def test_2009_paragraphs_go_to_different_groups(kz_alignment):
    rows = kz_alignment[(kz_alignment["year"] == 2009) & (kz_alignment["status"] == "matched")]
    assert len(rows) == 5 and rows["group"].nunique() == 5


def test_other_series_forms_its_own_groups(kz_alignment):
    cabar = kz_alignment[kz_alignment["series"] != CRT]
    assert set(cabar["doc_id"]) == {"kazakhstan-2019"}
    assert (cabar["status"] == "matched").all()
    assert (cabar["method"] == "alone").all() and cabar["similarity"].isna().all()
    assert not set(cabar["group"]) & set(kz_alignment[kz_alignment["series"] == CRT]["group"])


def test_every_group_has_a_row_per_document_of_its_series(kz_alignment):
    for _, part in kz_alignment.groupby(["series", "group"]):
        docs = set(kz_alignment[kz_alignment["series"] == part["series"].iloc[0]]["doc_id"])
        assert set(part["doc_id"]) == docs


def test_label_is_the_most_recent_heading(kz_alignment):
    group = members(kz_alignment, 2012, "Countering Terrorist Finance")
    assert set(group["label"]) == {"Countering the Financing of Terrorism"}
    alone = kz_alignment[(kz_alignment["year"] == 2009) & (kz_alignment["method"] == "alone")]
    assert alone["label"].str.startswith("¶ ").all()


def test_group_texts_join_sections_in_order(kz_sections, kz_alignment):
    texts = group_texts(kz_sections, kz_alignment)
    assert texts.columns.tolist() == FRAMES["group_texts"][0]
    cve = members(kz_alignment, 2022, "Countering Violent Extremism")["group"].iloc[0]
    row = texts[(texts["group"] == cve) & (texts["year"] == 2022)]
    sec = kz_sections[kz_sections["heading"] == "Countering Violent Extremism"]
    assert row["text"].item() == sec["text"].item().strip()
    absent = texts[texts["status"] == "absent"]
    assert (absent["text"] == "").all() and (absent["n_words"] == 0).all()
    assert len(texts) == len(kz_alignment.drop_duplicates(["group", "doc_id"]))


def test_several_untitled_sections_of_one_document_join_one_group():
    common = "border guards customs checkpoints smuggling patrols detained crossings"
    docs = {
        "a": (2001, [("Borders", f"{common} east.", 1), ("Money", "banks funds audit.", 1)]),
        "b": (
            2002,
            [
                ("", f"{common} west.", 1),
                ("", f"{common} north.", 1),
                ("", "banks funds audit and more.", 1),
            ],
        ),
    }
    al = align_sections(make_sections(docs))
    borders = members(al, 2001, "Borders")
    assert len(borders[borders["doc_id"] == "b"]) == 2
    texts = group_texts(make_sections(docs), al)
    two = texts[(texts["group"] == borders["group"].iloc[0]) & (texts["doc_id"] == "b")]
    assert two["text"].item() == f"{common} west.\n\n{common} north."


def test_dissimilar_sections_start_their_own_groups():
    docs = {
        "a": (2001, [("Apples", "orchards fruit harvest pickers", 1)]),
        "b": (2002, [("Submarines", "naval sonar torpedoes hull", 1)]),
    }
    al = align_sections(make_sections(docs))
    assert al["group"].nunique() == 2
    assert (al["status"] == "absent").sum() == 2


# --- options and errors ----------------------------------------------------------------


def test_scorers_are_pluggable(kz_sections):
    crt = kz_sections[kz_sections["series"] == CRT]
    base = align_sections(crt)
    unit = align_sections(crt, scorer=lambda a, b: fuzz.token_sort_ratio(a, b) / 100)
    pd.testing.assert_frame_equal(base, unit)
    with pytest.raises(OptionError, match="percentage"):  # not guessed from the values
        align_sections(crt, scorer=lambda a, b: fuzz.token_sort_ratio(a, b))
    other = align_sections(crt, scorer=fuzz.WRatio)
    assert other.columns.tolist() == base.columns.tolist()


def test_scorer_matrix_normalizes():
    m = scorer_matrix(["abc", "xyz"], ["abc"], distance.Levenshtein.normalized_similarity)
    assert m.tolist() == [[1.0], [0.0]]
    assert scorer_matrix([], ["a"], None).shape == (0, 1)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"min_similarity": 1.5}, "min_similarity"),
        ({"min_similarity": "high"}, "min_similarity"),
        ({"weights": {"heading": 1, "colour": 1}}, "colour"),
        ({"weights": {"heading": -1}}, "weights"),
        ({"weights": {"heading": 0}}, "all zero"),
        ({"scorer": "token_sort_ratio"}, "not callable"),
        ({"scorer": distance.Levenshtein.distance}, "distance"),
    ],
)
def test_bad_options(kz_sections, kwargs, message):
    with pytest.raises(OptionError, match=message):
        align_sections(kz_sections, **kwargs)


def test_bad_input():
    with pytest.raises(InputError, match="DataFrame"):
        align_sections([1, 2])
    with pytest.raises(InputError, match="lacks columns"):
        align_sections(pd.DataFrame({"doc_id": ["a"]}))
    empty = align_sections(make_sections({}))
    assert empty.empty and empty.columns.tolist() == FRAMES["alignment"][0]


def test_headings_are_normalized():
    assert clean_heading("Section 5. Governmental Posture") == "Governmental Posture"
    assert clean_heading("a. Freedom of Religion") == "Freedom of Religion"
    assert normalize_heading("2012 Terrorist Incidents") == "terrorist incidents"
    assert normalize_heading("Freedom of the Press") == "freedom press"
    assert normalize_heading("Of The") == "of the"


# --- the table -------------------------------------------------------------------------


def test_alignment_table(kz_sections, kz_alignment):
    table = alignment_table(kz_alignment, kz_sections)
    assert isinstance(table, pd.DataFrame)
    assert table.index.names == ["entity", "series", "group", "label"]
    assert table.columns.tolist() == [2009, 2012, 2017, 2019, 2022]
    assert len(table) == kz_alignment["group"].nunique()
    crt = table.xs(CRT, level="series")
    incidents = crt[crt[2012] == "2012 Terrorist Incidents"]
    assert incidents[2017].item() == "—"
    assert crt[2009].str.startswith("¶ ").sum() == 5
    assert crt[2019].isna().all()  # the series has no document that year
    html = table._repr_html_()
    assert "tkz-align" in html and "Country Reports on Terrorism" in html
    long = "Legislation, Law Enforcement, and Border Security"
    assert f">{long[:35]}…<" in html and f"title='{long}'" in html  # cut, full on hover
    assert "class='absent'" in html
    assert type(table.reset_index()) is pd.DataFrame


# --- properties ------------------------------------------------------------------------

WORDS = [
    "border",
    "money",
    "police",
    "court",
    "press",
    "prison",
    "religion",
    "child",
    "labor",
    "election",
    "refugee",
    "women",
    "torture",
    "internet",
    "union",
]
_text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)
_section = st.tuples(
    st.sampled_from(["", "Overview", "Press", "Prisons", "Labor", "Women"]),
    _text,
    st.integers(1, 3),
)
_doc = st.lists(_section, min_size=1, max_size=6)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(parts=_doc, copies=st.integers(2, 3))
def test_a_series_aligned_with_itself_has_similarity_one(parts, copies):
    docs = {f"d{k}": (2000 + k, parts) for k in range(copies)}
    al = align_sections(make_sections(docs))
    assert (al["status"] == "matched").all()
    assert al["group"].nunique() == len(parts)
    assert (al["similarity"] == 1.0).all()


@SETTINGS
@given(docs=st.lists(_doc, min_size=1, max_size=4), seed=st.integers(0, 2**32 - 1))
def test_document_order_changes_nothing(docs, seed):
    sections = make_sections({f"d{k}": (2000 + k, p) for k, p in enumerate(docs)})
    al = align_sections(sections)
    shuffled = sections.sample(frac=1.0, random_state=np.random.RandomState(seed))
    pd.testing.assert_frame_equal(al, align_sections(shuffled.reset_index(drop=True)))
    sim = al["similarity"].dropna()
    assert ((sim >= 0) & (sim <= 1)).all()
    assert len(al) == al["group"].nunique() * len(docs) + (
        al[al["status"] == "matched"].duplicated(["group", "doc_id"]).sum()
    )


# --- the State Department human-rights reports ------------------------------------------


@pytest.fixture(scope="module")
def hrr_kz(hrr_kazakhstan):
    sections = trendkz.split_sections(hrr_kazakhstan)
    return sections, align_sections(sections)


@needs_hrr
def test_hrr_heading_drift(hrr_kz):
    _, al = hrr_kz
    speech = members(al, 2016, "a. Freedom of Speech and Press")
    assert heading_in(speech, 2019) == "a. Freedom of Expression, Including for the Press"
    assert heading_in(speech, 2022).startswith(
        "a. Freedom of Expression, Including for Members of the Press"
    )
    assert heading_in(speech, 2024) == "a. Freedom of the Press"
    posture = members(al, 2016, "Section 5. Governmental Attitude")
    assert heading_in(posture, 2022).startswith("Section 5. Governmental Posture Towards")
    assert heading_in(posture, 2024) is None
    wages = members(al, 2021, "Wage and Hour Laws")
    assert all(heading_in(wages, y) == "Wage and Hour Laws" for y in (2021, 2022, 2023, 2024))
    assert heading_in(members(al, 2016, "b. Disappearance"), 2024) == "Disappearance"


@needs_hrr
def test_hrr_2024_outline_gives_absent_rows(hrr_kz):
    _, al = hrr_kz
    for heading in (
        "Section 3. Freedom to Participate",
        "Section 4. Corruption",
        "e. Denial of Fair Public Trial",
        "POLITICAL PRISONERS AND DETAINEES",
    ):
        group = members(al, 2016, heading)
        assert group.loc[group["year"] == 2024, "status"].tolist() == ["absent"]
    life = members(al, 2024, "Section 1. Life")
    assert (life.loc[life["year"] < 2024, "status"] == "absent").all()
    y24 = al[(al["year"] == 2024) & (al["status"] == "matched")]
    matched = y24["group"].isin(al.loc[(al["year"] < 2024) & (al["status"] == "matched"), "group"])
    assert 0.3 < matched.mean() < 0.9  # some continue, others are new
    absent = al[(al["year"] == 2024) & (al["status"] == "absent")]
    assert len(absent) > 50


@needs_hrr
def test_hrr_one_section_per_group_and_document(hrr_kz):
    sections, al = hrr_kz
    matched = al[al["status"] == "matched"]
    assert not matched.duplicated(["group", "doc_id"]).any()  # every section has a heading
    assert len(matched) == len(sections)
    assert al["doc_id"].nunique() == 9


def test_a_group_of_a_titled_and_an_untitled_section():
    text = "border guards customs checkpoints smuggling patrols detained crossings"
    docs = {"a": (2001, [("", text, 1)]), "b": (2002, [("Borders", text, 1)])}
    al = align_sections(make_sections(docs))
    assert al["group"].nunique() == 1 and (al["status"] == "matched").all()
    assert (al["method"] != "alone").all() and al["similarity"].notna().all()


# ------------------------------------------------- fast paths against plain references


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(-1, 30), max_size=30), st.integers(0, 2**32 - 1))
def test_subtree_entries_equal_counter_updates(links, seed):
    from collections import Counter

    from trendkz.align.words import count_entries, subtree_entries

    from .reference import subtree_counts

    rng = np.random.default_rng(seed)
    parent = [p if 0 <= p < i else -1 for i, p in enumerate(links)]
    if seed % 5 == 0 and len(parent) > 2:
        parent[0] = len(parent) - 1  # a child before its parent: the plain path
    tokens = [rng.integers(0, 12, rng.integers(0, 9)).tolist() for _ in parent]
    expected = subtree_counts(tokens, parent)
    codes = np.array([c for t in tokens for c in t], dtype=np.int64)
    sizes = np.array([len(t) for t in tokens], dtype=np.int64)
    own = count_entries(codes, sizes)
    rows, words, tf = subtree_entries(own, parent)
    got = [[] for _ in parent]
    for r, w, k in zip(rows.tolist(), words.tolist(), tf.tolist(), strict=True):
        got[r].append((w, k))
    assert got == [list(c.items()) for c in expected]
    rows, words, tf = own
    assert [
        (r, w, k) for r, w, k in zip(rows.tolist(), words.tolist(), tf.tolist(), strict=True)
    ] == [(i, w, k) for i, t in enumerate(tokens) for w, k in Counter(t).items()]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "ab",
                    "Ab",
                    "AB",
                    "a",
                    "x",
                    "é",
                    "Éclair",
                    "naïve",
                    "\u212a",
                    "İ",
                    "Ⅻ",
                    "2019",
                    "_",
                    " ",
                    "  ",
                    "\n",
                    ",",
                    "“",
                    "’",
                    "abcdefghijklmnopq",
                    "abcdefghijklmnopqrstuvwxyz",
                    "abcdefgh",
                    "abcdefghi",
                ]
            ),
            max_size=12,
        ).map("".join),
        max_size=8,
    )
)
def test_word_codes_equal_the_plain_definition(texts):
    from trendkz.align.words import distinct_texts, number_keys, word_codes, word_keys

    from . import reference

    plain_codes, plain_sizes = reference.word_codes(texts)
    codes, sizes = word_codes(texts)
    assert codes.tolist() == plain_codes and sizes.tolist() == plain_sizes
    # the steps: distinct texts; a key per word; one number per distinct key
    distinct, which = distinct_texts(texts)
    assert distinct == list(dict.fromkeys(texts)) and [distinct[k] for k in which] == texts
    keys, key_sizes = word_keys(distinct)
    plain_words = [w for t in distinct for w in reference.words(t)]
    assert key_sizes.tolist() == [len(reference.words(t)) for t in distinct]
    assert len(keys) == len(plain_words) and keys.shape[1:] == (3,)
    by_word: dict[str, tuple] = {}  # equal words have equal keys, different words not
    for w, k in zip(plain_words, map(tuple, keys.tolist()), strict=True):
        assert by_word.setdefault(w, k) == k
    assert len(set(by_word.values())) == len(by_word)
    assert number_keys(keys).tolist() == reference.word_codes(distinct)[0]


def test_word_codes_number_words_by_first_appearance():
    from trendkz.align.words import word_codes

    codes, sizes = word_codes(["b a", "", "c b, a", "b a", "dd"])
    assert sizes.tolist() == [0, 0, 0, 0, 1]  # one-letter words are not words
    codes, sizes = word_codes(["bb aa", "", "cc bb aa", "bb aa", "Éé"])
    assert codes.tolist() == [0, 1, 2, 0, 1, 0, 1, 3] and sizes.tolist() == [2, 0, 3, 2, 1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abZ é_1²½ß İЖ’-\n", max_size=30))
def test_content_words_fast_path(text):
    from trendkz.align.words import _words

    from .reference import words

    assert _words(text) == words(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 6), st.integers(1, 12), st.integers(0, 2**32 - 1))
def test_best_by_group_picks_the_first_best_column(n, m, seed):
    from trendkz.align.sections import _best_by_group

    rng = np.random.default_rng(seed)
    s = rng.integers(0, 4, (n, m)) / 4
    if seed % 3 == 0:
        s[rng.random((n, m)) < 0.2] = np.nan
    groups = rng.integers(0, 4, m)
    ids, best, arg = _best_by_group(s, groups)
    assert ids.tolist() == sorted(set(groups.tolist()))
    for k, g in enumerate(ids):
        cols = np.flatnonzero(groups == g)
        for r in range(n):
            j = cols[np.argmax(s[r, cols])]
            assert arg[r, k] == j
            assert np.array_equal(best[r, k], np.max(s[r, cols]), equal_nan=True)


def test_cosines_are_float64_sums_of_float32_weights():
    from collections import Counter

    from trendkz.align.words import _from_counters, cosines

    from .reference import tfidf_cosines

    rng = np.random.default_rng(7)
    # a few words in many sections (multiplied by BLAS), many in few (paired one by one)
    counts = [
        Counter(
            {
                int(w): int(rng.integers(1, 4))
                for w in np.r_[rng.choice(20, 6, replace=False), rng.integers(20, 400, 25)]
            }
        )
        for _ in range(60)
    ] + [Counter()]
    counts[30] = counts[10]  # a repeated text
    cos, rep, has = cosines(len(counts), *_from_counters(counts))
    assert rep[30] == rep[10] and len(cos) == len(counts) - 1
    cos = cos[np.ix_(rep, rep)]
    expected = tfidf_cosines(counts)
    assert has.tolist() == [True] * 60 + [False]
    assert np.array_equal(cos, expected)
    assert cos.dtype == np.float32


@pytest.mark.parametrize("block", [1, 7, 64])
def test_cosines_do_not_depend_on_the_row_blocks(monkeypatch, block):
    """The matrix is summed one block of rows at a time (memory: only the float32 result is
    held whole): any block size gives the same cosines, symmetric, as one block."""
    from collections import Counter

    from trendkz.align import words

    rng = np.random.default_rng(11)
    counts = [
        Counter({int(w): int(rng.integers(1, 4)) for w in rng.integers(0, 60, 12)})
        for _ in range(150)
    ]
    whole = words.cosines(len(counts), *words._from_counters(counts))[0]
    monkeypatch.setattr(words, "_BLOCK", block)
    parts = words.cosines(len(counts), *words._from_counters(counts))[0]
    assert np.array_equal(whole, parts) and np.array_equal(parts, parts.T)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            *[st.one_of(st.just(float("nan")), st.sampled_from([0.0, 0.3, 0.5, 0.8, 0.9, 1.0]))] * 3
        ),
        min_size=1,
        max_size=12,
    ),
    st.tuples(*[st.sampled_from([0.0, 0.2, 0.4, 1.0])] * 3),
)
def test_methods_of_many_pairs_equal_method(pairs, ws):
    from trendkz.align.scores import method
    from trendkz.align.series import _methods

    weights = dict(zip(("heading", "content", "outline"), ws, strict=True))
    h, c, o = (np.array(v) for v in zip(*pairs, strict=True))
    assert _methods(h, c, o, weights) == [method(*p, weights) for p in pairs]


def test_heading_scores_of_rapidfuzz_and_plain_scorers_agree(kz_sections):
    from trendkz.align.scores import Features

    rows = kz_sections.sort_values(["year", "doc_id", "position"], kind="mergesort").reset_index(
        drop=True
    )
    a, b = np.arange(len(rows)), np.arange(len(rows))[::-1]
    fast = Features(rows, fuzz.token_sort_ratio).heading(a, b)
    plain = Features(rows, lambda x, y: fuzz.token_sort_ratio(x, y) / 100).heading(a, b)
    assert np.array_equal(fast, plain, equal_nan=True) and np.nanmax(fast) == 1.0


def test_rows_are_in_the_frame_order(kz_sections):
    """align_sections puts named series in the frame's order itself; others are sorted."""
    two = two_entities(kz_sections)
    for sections in (two, two.assign(entity=two["entity"].where(two.index % 2 == 0))):
        al = align_sections(sections)
        pd.testing.assert_frame_equal(al, trendkz._core.schema.conform(al, "alignment"))
