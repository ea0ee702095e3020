from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

import trendkz
from tests.conftest import two_entities
from trendkz._core.errors import OptionError
from trendkz._core.schema import FRAMES
from trendkz.align.sections import align_sections, group_texts
from trendkz.align.sentences import align_sentences, monotone_matching, weighted_lcs
from trendkz.segment.sentences import sentence_spans

from .conftest import needs_hrr
from .reference import best_total
from .test_align import make_sections

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

A = "The committee met in March to review the new law on public associations."
B = "Police detained eleven journalists during the protests in the capital."
C = "The U.S. embassy raised the case with the Ministry of Foreign Affairs on Dec. 3."
D = "No. 12 of the decree sets a fine of 2.5 times the monthly wage."
E = "Officials said the program would expand to every region by next year."


def sentences_of(docs):
    sections = make_sections(docs)
    alignment = align_sections(sections)
    return sections, alignment, align_sentences(sections, alignment)


@pytest.fixture(scope="module")
def kz_sentences(kz_sections):
    alignment = align_sections(kz_sections)
    return alignment, align_sentences(kz_sections, alignment)


def test_frame_shape(kz_sentences):
    _, sent = kz_sentences
    assert sent.columns.tolist() == FRAMES["sentences"][0]
    assert isinstance(sent.index, pd.RangeIndex)
    assert set(sent["status"]) <= {"same", "changed", "moved", "added", "removed"}
    sim = sent["similarity"].dropna()
    assert ((sim >= 0) & (sim <= 1)).all()
    assert set(zip(sent["year_from"], sent["year_to"], strict=True)) == {
        (2009, 2012),
        (2012, 2017),
        (2017, 2022),
    }  # consecutive years, CRT series only


def test_rows_are_in_the_frame_order(kz_sections, kz_sentences):
    from trendkz._core import schema

    sent = kz_sentences[1]  # sorted by align_sentences itself: as conform sorts
    pd.testing.assert_frame_equal(sent, schema.conform(sent, "sentences"))
    two = two_entities(kz_sections)
    sent = align_sentences(two, align_sections(two))
    pd.testing.assert_frame_equal(sent, schema.conform(sent, "sentences"))
    assert sent["entity"].nunique() == 2


def test_every_sentence_once_on_each_side(kz_sections, kz_sentences):
    alignment, sent = kz_sentences
    texts = group_texts(kz_sections, alignment)
    n = {
        (g, d): len(sentence_spans(t))
        for g, d, t in texts[["group", "doc_id", "text"]].itertuples(index=False)
    }
    for (da, db), part in sent.groupby(["doc_from", "doc_to"]):
        froms = part.dropna(subset=["sentence_from"])
        tos = part.dropna(subset=["sentence_to"])
        got_from = sorted(zip(froms["group"], froms["sentence_from"], strict=True))
        got_to = sorted(zip(tos["group_to"], tos["sentence_to"], strict=True))
        assert got_from == sorted((g, k) for (g, d), m in n.items() if d == da for k in range(m))
        assert got_to == sorted((g, k) for (g, d), m in n.items() if d == db for k in range(m))


def test_sentence_numbers_index_the_group_text(kz_sections, kz_sentences):
    alignment, sent = kz_sentences
    texts = group_texts(kz_sections, alignment).set_index(["group", "doc_id"])["text"]
    for r in sent.dropna(subset=["sentence_from"]).head(60).itertuples():
        text = texts[(r.group, r.doc_from)]
        a, b = sentence_spans(text)[r.sentence_from]
        assert text[a:b] == r.text_from


def test_statuses_on_a_small_series():
    docs = {
        "a": (2001, [("Press", f"{A} {B} {C}", 1), ("Law", f"{D} {E}", 1)]),
        "b": (
            2002,
            [
                (
                    "Press",
                    f"{C} {A} Police detained twelve journalists during the "
                    "protests in the capital.",
                    1,
                ),
                ("Law", f"{D.replace('2.5', '3.5')} Something new here.", 1),
            ],
        ),
    }
    _, _, sent = sentences_of(docs)
    by = {
        (r.text_from, None if pd.isna(r.text_to) else r.text_to): (
            r.status,
            r.group,
            None if pd.isna(r.group_to) else r.group_to,
        )
        for r in sent.itertuples()
    }
    press, law = sorted(set(sent["group"]))
    assert by[(A, A)][0] == "same"
    assert by[(C, C)] == ("moved", press, press)  # to the front: A and B kept their order
    assert (
        by[(B, "Police detained twelve journalists during the protests in the capital.")][0]
        == "changed"
    )
    assert by[(D, D.replace("2.5", "3.5"))] == ("changed", law, law)
    assert by[(E, None)] == ("removed", law, None)
    added = sent[sent["status"] == "added"]
    assert added["text_to"].tolist() == ["Something new here."]
    assert added["group"].item() == law and added["sentence_from"].isna().all()


def test_a_sentence_moved_to_another_group():
    docs = {
        "a": (2001, [("Press", f"{A} {B}", 1), ("Law", f"{D}", 1)]),
        "b": (2002, [("Press", f"{A}", 1), ("Law", f"{D} {B}", 1)]),
    }
    _, _, sent = sentences_of(docs)
    moved = sent[sent["status"] == "moved"]
    assert len(moved) == 1 and moved["text_from"].item() == B
    assert moved["group"].item() != moved["group_to"].item()
    assert moved["sentence_from"].item() == 2 and moved["sentence_to"].item() == 2  # 0: heading
    assert "added" not in set(sent["status"]) and "removed" not in set(sent["status"])


def test_abbreviations_and_decimals_do_not_split():
    docs = {"a": (2001, [("Law", f"{C} {D}", 1)]), "b": (2002, [("Law", f"{C} {D}", 1)])}
    _, _, sent = sentences_of(docs)
    heading_and_two = sent["text_from"].tolist()
    assert heading_and_two[1:] == [C, D]


def test_empty_and_single_document_series():
    sections = make_sections({"a": (2001, [("Law", A, 1)])})
    sent = align_sentences(sections, align_sections(sections))
    assert sent.empty and sent.columns.tolist() == FRAMES["sentences"][0]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"min_similarity": -0.1}, "min_similarity"),
        ({"min_moved": 2}, "min_moved"),
        ({"scorer": 3}, "not callable"),
    ],
)
def test_bad_options(kz_sections, kwargs, message):
    with pytest.raises(OptionError, match=message):
        align_sentences(kz_sections, align_sections(kz_sections), **kwargs)


def test_custom_scorer(kz_sections, kz_sentences):
    alignment, _ = kz_sentences
    base = align_sentences(kz_sections, alignment, scorer=fuzz.ratio)
    same = align_sentences(kz_sections, alignment, scorer=lambda a, b: fuzz.ratio(a, b) / 100)
    pd.testing.assert_frame_equal(base, same)


# --- properties ------------------------------------------------------------------------

_sentence = st.lists(
    st.sampled_from(["law", "court", "press", "police", "union", "fine", "women", "camp"]),
    min_size=1,
    max_size=8,
).map(lambda ws: " ".join(ws).capitalize() + ".")
_body = st.lists(_sentence, min_size=1, max_size=6).map(" ".join)


@SETTINGS
@given(bodies=st.lists(_body, min_size=1, max_size=4))
def test_identical_sentences_are_same(bodies):
    parts = [(f"Heading {k}", b, 1) for k, b in enumerate(bodies)]
    _, _, sent = sentences_of({"a": (2001, parts), "b": (2002, parts)})
    assert (sent["status"] == "same").all()
    assert (sent["similarity"] == 1.0).all()
    assert (sent["sentence_from"] == sent["sentence_to"]).all()


@SETTINGS
@given(
    n=st.integers(0, 4),
    m=st.integers(0, 4),
    seed=st.integers(0, 10_000),
    threshold=st.sampled_from([0.0, 0.3, 0.6]),
)
def test_monotone_matching_is_optimal_and_ordered(n, m, seed, threshold):
    sim = np.round(np.random.default_rng(seed).random((n, m)), 2)
    pairs = monotone_matching(sim, threshold)
    assert all(sim[p] >= threshold for p in pairs)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in zip(pairs, pairs[1:], strict=False))
    assert sum(sim[p] for p in pairs) == pytest.approx(best_total(sim, threshold))


# --- the State Department human-rights reports ------------------------------------------


@needs_hrr
def test_hrr_sentences(hrr_kazakhstan):
    sections = trendkz.split_sections(hrr_kazakhstan)
    alignment = align_sections(sections)
    sent = align_sentences(sections, alignment)
    assert set(sent["status"]) == {"same", "changed", "moved", "added", "removed"}
    assert sorted(set(sent["year_from"])) == list(range(2016, 2024))
    counts = sent.groupby(["year_from", "status"]).size().unstack(fill_value=0)
    # the 2024 outline is new and much shorter: most 2023 sentences are removed
    assert counts.loc[2023, "removed"] > 3 * counts.loc[2023, "same"]
    assert counts.loc[2021, "same"] > counts.loc[2021, "removed"]
    across = sent[(sent["status"] == "moved") & (sent["group"] != sent["group_to"])]
    assert len(across) > 20


# ------------------------------------------------- fast paths against plain references


@SETTINGS
@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.integers(0, 2**32 - 1),
    st.sampled_from([0.3, 0.6, 0.9]),
)
def test_monotone_matching_equals_the_dp(n, m, seed, density):
    rng = np.random.default_rng(seed)
    sim = np.round(np.where(rng.random((n, m)) < density, rng.random((n, m)), 0.0), 2)
    if seed % 2:  # compatible candidates only (the fast path)
        sim = np.where(np.eye(n, m, k=int(seed % 3)) > 0, 0.5 + sim / 2, 0.0)
    assert monotone_matching(sim, 0.4) == weighted_lcs(sim, 0.4)


SENT = st.lists(
    st.sampled_from(
        [
            "The court",
            "fined",
            "the",
            "editor",
            "of",
            "Ak Zhaiyk",
            "on",
            "March",
            "3.",
            "“extremism”",
            "police",
            "said",
        ]
    ),
    min_size=1,
    max_size=14,
).map(" ".join)


@SETTINGS
@given(
    st.lists(SENT, min_size=17, max_size=30),
    st.lists(SENT, min_size=17, max_size=30),
    st.sampled_from([0.5, 0.8, 0.95]),
)
def test_moved_matrix_scores_every_pair_that_reaches_the_cutoff(a, b, cutoff):
    from trendkz.align.scores import scorer_matrix
    from trendkz.align.sentences import _moved_matrix

    full = scorer_matrix(a, b, fuzz.ratio, cutoff=cutoff)
    fast = _moved_matrix(a, b, fuzz.ratio, cutoff)
    assert np.array_equal(np.where(full >= cutoff, full, 0), np.where(fast >= cutoff, fast, 0))


def test_unchanged_group_with_repeated_sentences():
    for text in (f"{A} {B} {A} {C}", f"{A} {B} {C}"):  # the general path, the shortcut
        _, _, sent = sentences_of(
            {"a": (2020, [("Overview", text, 1)]), "b": (2021, [("Overview", text, 1)])}
        )
        n = len(sent)
        assert n >= 3 and sent["status"].tolist() == ["same"] * n
        assert sent["sentence_from"].tolist() == sent["sentence_to"].tolist() == list(range(n))
        assert (sent["similarity"] == 1.0).all()


# --- the scorer contract ----------------------------------------------------------------


def test_a_hair_over_one_is_clipped_not_read_as_percent(kz_sections, kz_sentences):
    """A float32 cosine of equal texts is 1.0000001: it must not rescale the matrix."""
    alignment, _ = kz_sentences
    base = align_sentences(kz_sections, alignment, scorer=fuzz.ratio)
    over = align_sentences(
        kz_sections,
        alignment,
        scorer=lambda a, b: 1 + 1e-7 if a == b else fuzz.ratio(a, b) / 100,
    )
    pd.testing.assert_frame_equal(base, over)
    sections, alignment, _ = sentences_of(
        {
            "a": (2001, [("H", f"{A} {B} {C}", 1), ("K", D, 1)]),
            "b": (2002, [("H", f"{C} {A} {E}", 1), ("K", B, 1)]),
        }
    )
    base = align_sentences(sections, alignment, scorer=fuzz.ratio)
    over = align_sentences(
        sections, alignment, scorer=lambda a, b: 1 + 1e-7 if a == b else fuzz.ratio(a, b) / 100
    )
    pd.testing.assert_frame_equal(base, over)
    assert set(over["status"]) == {"same", "moved", "added", "removed"}
    assert over["similarity"].max() == 1.0


@pytest.mark.parametrize(
    "value, message",
    [(87.5, "percentage"), (1.01, r"returned 1\.01"), (-0.2, "returned -0.2"), (np.nan, "nan")],
)
def test_scores_clearly_outside_are_an_error_naming_the_scorer(kz_sections, value, message):
    def my_scorer(a, b):
        return value

    with pytest.raises(OptionError, match=message) as err:
        align_sentences(kz_sections, align_sections(kz_sections), scorer=my_scorer)
    assert "my_scorer" in str(err.value) and "[0, 1]" in str(err.value)


def test_rapidfuzz_scales_are_read_from_the_scorer():
    import functools

    from rapidfuzz import distance

    from trendkz.align.scores import _scale, scorer_matrix

    assert _scale(fuzz.ratio) == 100.0 and _scale(fuzz.token_set_ratio) == 100.0
    assert _scale(distance.Indel.normalized_similarity) == 1.0
    assert _scale(lambda a, b: 0.5) is None
    part = functools.partial(fuzz.ratio, processor=str.lower)
    assert _scale(part) == 100.0
    assert scorer_matrix(["Abc"], ["abc"], part).tolist() == [[1.0]]
    # a rapidfuzz scorer scoring nothing alike is 0, not "percent because > 1"
    assert scorer_matrix(["abc"], ["xyz"], fuzz.ratio).tolist() == [[0.0]]
    with pytest.raises(OptionError, match="distance"):
        scorer_matrix(["a"], ["b"], distance.Levenshtein.distance)
    with pytest.raises(OptionError, match="distance"):
        align_sentences(
            *sentences_of({"a": (2001, [("H", A, 1)])})[:2], scorer=distance.Indel.distance
        )


def test_thresholds_are_per_scorer():
    from trendkz.align.sentences import THRESHOLDS, thresholds

    assert thresholds(fuzz.ratio) == (0.6, 0.8)
    assert thresholds(fuzz.token_set_ratio) == THRESHOLDS[fuzz.token_set_ratio]
    tf = trendkz.TfidfCosine()
    assert thresholds(tf) == (tf.min_similarity, tf.min_moved)
    assert thresholds(lambda a, b: 0.0) == (0.6, 0.8)
    # an explicit threshold wins over the scorer's own
    sections, alignment, _ = sentences_of(
        {"a": (2001, [("H", f"{A} {B}", 1)]), "b": (2002, [("H", f"{A} {E}", 1)])}
    )
    loose = align_sentences(sections, alignment, scorer=tf, min_similarity=0.0)
    assert (loose["status"] == "changed").sum() == 1


# --- the TF-IDF cosine scorer -----------------------------------------------------------


def test_tfidf_cosine_reads_words_not_characters():
    tf = trendkz.TfidfCosine()
    reworded = "Journalists were detained by police during the protests in the capital."
    assert tf(B, B) == 1.0
    assert tf(B, "") == 0.0 and tf("", "") == 0.0
    assert tf(B, reworded) > tf(B, A)
    assert tf(B, reworded) == tf(reworded, B)  # symmetric
    m = tf.matrix([A, B, C], [B, A])
    assert m.shape == (3, 2) and m[1, 0] == 1.0 and m[0, 1] == 1.0
    assert ((m >= 0) & (m <= 1)).all()
    bound = tf.documents([A, B, C], [A, E])
    assert bound.matrix([A], [A]).tolist() == [[1.0]]


@SETTINGS
@given(st.lists(SENT, min_size=1, max_size=6), st.lists(SENT, min_size=1, max_size=6))
def test_tfidf_cosine_matrix_equals_pairwise_cosines(a, b):
    from .reference import tfidf_sentence_cosines

    tf = trendkz.TfidfCosine().documents(a, b)
    m = tf.matrix(a, b)
    # the plain definition; with sentences the scorer did not meet when bound, too
    assert np.abs(m - tfidf_sentence_cosines(a, b, a, b)).max() <= 1e-6
    extra = [A, "Police said 12."]
    got = trendkz.TfidfCosine().documents(a, b).matrix(a + extra, b)
    assert np.abs(got - tfidf_sentence_cosines(a + extra, b, a, b)).max() <= 1e-6
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            assert m[i, j] == pytest.approx(tf.matrix([x], [y])[0, 0], abs=2e-6)
            assert m[i, j] == pytest.approx(tf.matrix([y], [x])[0, 0], abs=2e-6)


def test_tfidf_cosine_inside_align_sentences(kz_sections, kz_sentences):
    alignment, base = kz_sentences
    sent = align_sentences(kz_sections, alignment, scorer=trendkz.TfidfCosine())
    assert sent.columns.tolist() == base.columns.tolist()
    assert set(sent["status"]) <= {"same", "changed", "moved", "added", "removed"}
    assert sent["similarity"].dropna().between(0, 1).all()
    same = sent["status"] == "same"
    assert (sent.loc[same, "text_from"] == sent.loc[same, "text_to"]).all()
    again = align_sentences(kz_sections, alignment, scorer=trendkz.TfidfCosine())
    pd.testing.assert_frame_equal(sent, again)


@SETTINGS
@given(st.lists(st.one_of(SENT, st.just("2019."), st.just("—")), min_size=1, max_size=8))
def test_unchanged_group_shortcut_equals_the_general_path(sentences):
    from trendkz.align import sentences as mod

    groups = {0: list(sentences)}
    for scorer in (fuzz.ratio, trendkz.TfidfCosine().documents(sentences, sentences)):
        fast = mod._pair_rows(groups, groups, [0], scorer, 0.4, 0.65)
        general = mod._pair_rows(groups, {0: list(sentences) + ["Zz."]}, [0], scorer, 0.4, 0.65)
        assert [r for r in general if r[2] != len(sentences)] == fast or len(set(sentences)) < len(
            sentences
        )
