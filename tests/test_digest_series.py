"""The digest's series table: what most entities of a series changed alike (a heading
every report gained that year) weighs less and says so; the table is the same from a
corpus and from a comparison, and a report made entity by entity is the same bytes as
the comparison saved whole."""

from __future__ import annotations

import pandas as pd
import pytest

import trendkz
from trendkz.report.digest_series import (
    COMMON_MIN,
    SeriesTable,
    of_corpus,
    of_frames,
    series_table,
)
from trendkz.report.save import report_corpus, report_settings

from .conftest import HRR, needs_hrr

ENTITIES = ["Arland", "Borduria", "Carpania", "Dorvia", "Elbonia", "Freedonia"]
STOCK = (
    "\n\nReproductive Health\n\nCouples and individuals had the right to decide the number"
    " and spacing of their children, and the government of {name} provided access to"
    " sexual and reproductive health services for survivors of sexual violence.\n\n"
)
OWN = "\n\nHarbour Works\n\nIn June the {name} port authority opened 37 new berths at a cost of 12 million.\n\n"


@pytest.fixture(scope="module")
def corpus(kz):
    """Six entities, two reports each (the Kazakhstan reports of 2012 and 2017); in 2017
    all six gain the same stock section, and only the first one a section of its own."""
    texts = {d.year: d.text for d in kz if d.kind == "report" and d.year in (2012, 2017)}
    rows = []
    for i, name in enumerate(ENTITIES):
        for year, text in sorted(texts.items()):
            if year == 2017:
                cut = text.index("\n\n", len(text) // 2)
                extra = STOCK.format(name=name) + (OWN.format(name=name) if i == 0 else "")
                text = text[:cut] + extra + text[cut:]
            rows.append({"file": f"{name}-{year}", "text": text, "entity": name,
                         "year": year, "series": "CRT"})  # fmt: skip
    return trendkz.load_corpus(pd.DataFrame(rows))


@pytest.fixture(scope="module")
def comparison(corpus):
    return trendkz.compare(corpus)


def test_table_is_the_same_from_the_corpus_and_from_the_comparison(corpus, comparison):
    table = of_corpus(corpus)
    assert table.pairs == of_frames(comparison.sections, comparison.documents).pairs
    n, added, _ = table.pairs[("CRT", 2012, 2017)]
    assert n == len(ENTITIES) >= COMMON_MIN
    assert added["reproductive health"] == len(ENTITIES)
    assert "harbour works" not in added  # one entity's own change is not the series'
    assert table.common("CRT", 2012, 2017, "Reproductive Health", "Dorvia", True) == (6, 6)
    assert table.common("CRT", 2012, 2017, "Reproductive Health", "Dorvia", False) is None


def test_a_change_most_entities_made_alike_weighs_less_and_says_so(comparison):
    d = trendkz.digest(comparison, top=None, entity="Arland").frame
    stock = d[d["headline"].str.contains("Reproductive Health", regex=False)]
    own = d[d["headline"].str.contains("Harbour Works", regex=False)]
    assert len(stock) == 1 and len(own) == 1
    assert "(also in 6 of 6 documents of the series)" in stock["headline"].iloc[0]
    assert "× 0.3 common to the series (in 6 of 6 entities)" in stock["score_detail"].iloc[0]
    assert "common to the series" not in own["score_detail"].iloc[0]
    assert own["rank"].iloc[0] < stock["rank"].iloc[0]
    plain = trendkz.digest(comparison, top=None, entity="Arland", series=SeriesTable()).frame
    same = plain[plain["headline"].str.contains("Reproductive Health", regex=False)]
    assert same["score"].iloc[0] > stock["score"].iloc[0]
    off = trendkz.digest(
        comparison, top=None, entity="Arland", weights={"common to the series": 1}
    ).frame
    assert not off["score_detail"].str.contains("common to the series").any()


def test_report_by_entity_is_the_comparison_saved(corpus, comparison, tmp_path):
    settings = report_settings(pngs=False, tables=["documents"])
    whole = comparison.save(tmp_path / "whole", pngs=False, tables=["documents"])
    two, _ = report_corpus(corpus, tmp_path / "two", settings=settings, workers=2)
    for name in ("digest.md", "digest.tex", "entities/arland.html"):
        assert (whole / name).read_bytes() == (two / name).read_bytes(), name
    text = (two / "digest.md").read_text()
    assert "New section “Harbour Works”" in text  # the series' stock section ranks lower
    assert "New section “Reproductive Health”" not in text


@needs_hrr
def test_hrr_year_pair_tables_agree():
    """Every country, 2019 and 2020: the table from the loaded reports equals the one
    from their sections (what a report made entity by entity and a comparison saved whole
    each use), and "Reproductive Rights" is new in most of them."""
    from trendkz.segment.sections import split_sections

    manifest = pd.read_csv(HRR / "manifest.csv")
    rows = manifest[manifest["year"].isin([2019, 2020])]
    corpus = trendkz.load_corpus(HRR, manifest=rows)
    table = of_corpus(corpus)
    assert table.pairs == of_frames(split_sections(corpus), corpus.documents).pairs
    k, n = table.common(
        corpus.documents["series"].iloc[0], 2019, 2020, "Reproductive Rights", None, True
    )
    assert n > 150 and k > 0.9 * n


def test_a_series_without_a_name_is_keyed_the_same_from_both_sources(corpus):
    """Missing series names (None in a corpus, NA in a frame) are one key."""
    docs = [(None, d.entity, d.year, d.body) for d in corpus]
    from_none = series_table(docs)
    from_na = series_table([(pd.NA, *rest) for _, *rest in docs])
    assert from_none.pairs == from_na.pairs and ("", 2012, 2017) in from_none.pairs
    assert from_none.common(float("nan"), 2012, 2017, "Reproductive Health", "Arland", True)
