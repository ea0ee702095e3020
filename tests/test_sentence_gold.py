"""The sentence-pair gold (tests/gold/sentence_pairs.csv) and the default scorer on it.

The gold stores file names, character offsets and labels only (the earnings-call texts may
not be copied); the sentences are read from ../shared/corpora at run time.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import trendkz
from trendkz.segment.sentences import sentence_texts

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "sentence_pairs.csv"
CORPORA = ROOT.parent / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(
    not all(
        (CORPORA / c / "manifest.csv").is_file() for c in ("state-hrr", "sotu", "earnings-calls")
    ),
    reason="../shared/corpora is absent (it sits beside the project in CI only)",
)


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def gold() -> pd.DataFrame:
    return pd.read_csv(GOLD)


def test_gold_holds_offsets_and_labels_not_text(gold):
    assert gold.columns.tolist() == [
        "split",
        "corpus",
        "file_from",
        "file_to",
        "start_from",
        "end_from",
        "start_to",
        "end_to",
        "label",
    ]
    assert set(gold["label"]) == {"reworded", "lookalike"}
    assert set(gold["split"]) == {"dev", "unseen"}
    assert set(gold["corpus"]) == {"state-hrr", "sotu", "earnings-calls"}
    assert ((gold["end_from"] > gold["start_from"]) & (gold["end_to"] > gold["start_to"])).all()
    assert not gold.duplicated(["file_from", "start_from", "file_to", "start_to"]).any()
    # the development and unseen parts come from different documents
    dev = set(gold.loc[gold["split"] == "dev", "file_from"])
    assert not dev & set(gold.loc[gold["split"] == "unseen", "file_from"])


def _load(corpus: str, files: list[str]) -> trendkz.Corpus:
    folder = CORPORA / corpus
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    return trendkz.load_corpus(folder, manifest=manifest[manifest["file"].isin(files)])


@needs_corpora
def test_default_scorer_pairs_rewordings_not_lookalikes(gold):
    """align_sentences with its default pairs most rewordings and almost no look-alike
    (measured: benchmarks/RESULTS.md); every gold sentence is one sentence of its text."""
    found = np.zeros(len(gold), dtype=bool)
    for (corpus, fa, fb), rows in gold.groupby(["corpus", "file_from", "file_to"]).groups.items():
        docs = _load(corpus, [fa, fb])
        sections = trendkz.split_sections(docs)
        sentences = {_norm(s) for t in sections["text"] for s in sentence_texts(t)}
        out = trendkz.align_sentences(sections, trendkz.align_sections(sections))
        out = out[out["status"].isin(["same", "changed", "moved"])]
        got = {(_norm(a), _norm(b)) for a, b in zip(out["text_from"], out["text_to"], strict=True)}
        raw = {f: (CORPORA / corpus / f).read_text(encoding="utf-8") for f in (fa, fb)}
        for r in rows:
            row = gold.loc[r]
            a = _norm(raw[fa][row["start_from"] : row["end_from"]])
            b = _norm(raw[fb][row["start_to"] : row["end_to"]])
            assert a in sentences and b in sentences, (corpus, fa, r)
            found[r] = (a, b) in got
    reworded = (gold["label"] == "reworded").to_numpy()
    assert found[reworded].mean() >= 0.8  # measured 61 of 72
    assert found[~reworded].sum() <= 3  # measured 2 of 99
