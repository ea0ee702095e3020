"""keyness: quanteda's textstat_keyness formulas checked by hand on small tables."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import trendkz
from trendkz.terms.keyness import STOPWORDS, keyness, tokenize

from .reference import chisq_by_cells, g2_by_cells


def _frame(**docs):
    return pd.DataFrame(
        {
            "doc_id": list(docs),
            "year": [2000 + i for i in range(len(docs))],
            "text": list(docs.values()),
        }
    )


def test_chi2_matches_quanteda_test_case_by_hand():
    # quanteda's own test: d1 = "b b b b b b b a a a", d2 = "a a a a a a a b b"
    df = _frame(d1="b b b b b b b a a a", d2="a a a a a a a b b")
    k = keyness(df, target="d1", measure="chi2", stopwords=False).set_index("term")
    table = [[3, 7], [7, 2]]  # rows: target, reference; columns: a, b
    assert k.loc["b", "chi2"] == pytest.approx(chisq_by_cells(table, True), abs=1e-6)
    assert k.loc["a", "chi2"] == pytest.approx(-chisq_by_cells(table, True), abs=1e-6)
    none = keyness(df, target="d1", measure="chi2", correction="none", stopwords=False)
    assert none.set_index("term").loc["b", "chi2"] == pytest.approx(
        chisq_by_cells(table, False), abs=1e-6
    )
    assert (
        round(k.loc["b", "chi2"], 6) == 2.632438
    )  # by hand: 19 * (|3*2 - 7*7| - 19/2)^2 / (10*9*10*9)


def test_g2_without_correction_and_large_counts_by_hand():
    target = " ".join(["war"] * 40 + ["peace"] * 60 + ["trade"] * 100)
    ref = " ".join(["war"] * 10 + ["peace"] * 90 + ["trade"] * 100)
    df = _frame(t=target, r=ref)
    k = keyness(df, target="t", correction="none").set_index("term")
    table = [[40, 160], [10, 190]]
    assert k.loc["war", "g2"] == pytest.approx(g2_by_cells(table), abs=1e-6)
    assert k.loc["war", "leans"] == "target" and k.loc["peace", "leans"] == "reference"
    assert k.loc["war", "log_ratio"] == pytest.approx(2.0, abs=1e-12)
    assert k.loc["war", "p"] == pytest.approx(math.erfc(math.sqrt(k.loc["war", "g2"] / 2)))
    # default (Yates) leaves large tables alone: no expected cell under 5
    assert keyness(df, target="t").set_index("term").loc["war", "g2"] == pytest.approx(
        k.loc["war", "g2"], abs=1e-9
    )


def test_tokens_as_quanteda_users_expect():
    toks = tokenize("The U.S. government's “extremism” law, in 2017: 1,200 well-known cases!")
    assert toks == ["u.s", "government's", "extremism", "law", "well-known", "cases"]
    assert {"the", "of", "not", "don't"} <= STOPWORDS and "government" not in STOPWORDS
    assert "2017" in tokenize("in 2017", remove_numbers=False)


def test_targets_years_lists_and_ngrams(kz_sections):
    k = keyness(kz_sections, target=2022, reference=[2012, 2017], ngrams=(1, 2))
    assert list(k.columns) == [
        "term", "n_target", "n_reference", "g2", "chi2", "p", "log_ratio", "leans",
    ]  # fmt: skip
    assert k["g2"].is_monotonic_decreasing
    assert "terrorist_attacks" in set(k["term"])
    with pytest.raises(trendkz.OptionError, match="matches no section"):
        keyness(kz_sections, target=1999)
    with pytest.raises(trendkz.OptionError, match="measure must be one of"):
        keyness(kz_sections, target=2022, measure="pmi")
