"""digest: ranked changes with citations that resolve, renderings, options, determinism."""

from __future__ import annotations

import csv
import tempfile

import pandas as pd
import pytest

import trendkz
from trendkz.report.digest import COLUMNS, DEFAULT_WEIGHTS
from trendkz.report.digest_cite import QUOTE_MAX
from trendkz.report.digest_render import latex_escape
from trendkz.report.digest_story import STORY_CHARS

from .conftest import HRR, needs_hrr


@pytest.fixture(scope="module")
def kz_comparison(kz):
    return trendkz.compare(kz)


@pytest.fixture(scope="module")
def kz_digest(kz_comparison):
    return trendkz.digest(kz_comparison)


def _check_citations(frame: pd.DataFrame, corpus) -> int:
    """Every cited span holds its quote; returns how many citations were checked."""
    n = 0
    for r in frame.itertuples(index=False):
        sides = [s for s in ("from", "to") if not pd.isna(getattr(r, f"start_{s}"))]
        assert sides, f"item without a citation: {r.headline}"
        for side in sides:
            body = corpus[getattr(r, f"doc_{side}")].body
            start, end = int(getattr(r, f"start_{side}")), int(getattr(r, f"end_{side}"))
            assert body[start:end] == getattr(r, f"quote_{side}"), (r.headline, side)
            story = "a story of" in str(r.score_detail)  # a passage of a few sentences
            assert 0 < end - start <= (STORY_CHARS if story else QUOTE_MAX)
            n += 1
    return n


def test_frame_ranks_and_citations(kz, kz_digest):
    f = kz_digest.frame
    assert list(f.columns) == COLUMNS
    assert set(f["kind"]) <= set(DEFAULT_WEIGHTS)
    for _, part in f.groupby(["doc_from", "doc_to"]):
        assert part["rank"].tolist() == list(range(1, len(part) + 1))
        assert len(part) <= 10
        assert part["score"].is_monotonic_decreasing
    assert _check_citations(f, kz) > 20
    # the series' three report pairs; the analysis stands alone
    pairs = f[["year_from", "year_to"]].drop_duplicates().astype(int).values.tolist()
    assert pairs == [[2009, 2012], [2012, 2017], [2017, 2022]]


def test_headlines_a_person_would_write(kz_digest):
    f = kz_digest.frame
    late = f[f["year_to"] == 2022]
    assert "“extremism” now always in quotation marks: 13 of 13 uses, from 10 of 12" in set(
        late["headline"]
    )
    assert "terrorist attacks prevented fell: 11 → 3" in set(late["headline"])
    top = late[late["rank"] == 1].iloc[0]
    weight = DEFAULT_WEIGHTS[top["kind"]]
    assert top["score_detail"].startswith(f"{weight:g} × ")
    strength = float(top["score_detail"].split(" × ")[1].split(" ")[0])
    assert top["score"] == pytest.approx(weight * strength, abs=0.01)


def test_deterministic_and_options(kz_comparison, kz_digest):
    again = trendkz.digest(kz_comparison)
    pd.testing.assert_frame_equal(kz_digest.frame, again.frame)
    assert again.to_markdown() == kz_digest.to_markdown()
    every = trendkz.digest(kz_comparison, top=None, pairs=[(2017, 2022)])
    assert len(every) > 10 and set(every.frame["year_to"]) == {2022}
    quiet = trendkz.digest(kz_comparison, top=None, weights={"sentence added": 0})
    assert "sentence added" not in set(quiet.frame["kind"])
    with pytest.raises(trendkz.OptionError, match="valid:"):
        trendkz.digest(kz_comparison, weights={"sentence moved": 1})
    with pytest.raises(trendkz.OptionError, match="no entity"):
        trendkz.digest(kz_comparison, entity="Atlantis")
    with pytest.raises(trendkz.OptionError, match="top"):
        trendkz.digest(kz_comparison, top=0)
    assert len(kz_comparison.digest(top=3)) == 9


def test_renderings(kz_digest):
    md = kz_digest.to_markdown()
    assert md.startswith("# What changed\n") and "## Kazakhstan: 2017 → 2022" in md
    tex = kz_digest.to_latex()
    assert tex.count("\\begin{table}") == 3 and "\\toprule" in tex and "\\bottomrule" in tex
    assert latex_escape("50% of $5 & a_b {x} #1 ~^\\") == (
        "50\\% of \\$5 \\& a\\_b \\{x\\} \\#1 \\textasciitilde{}\\textasciicircum{}"
        "\\textbackslash{}"
    )
    for line in tex.splitlines():  # nothing unescaped in the cells
        if line.startswith(("1 &", "2 &")):
            assert "%" not in line.replace("\\%", "") and "_" not in line.replace("\\_", "")
    html = kz_digest._repr_html_()
    assert html.count("<table class='digest'>") == 3 and "<q>" in html
    assert kz_digest.to_html("Nowhere").startswith("<p")


def test_report_writes_digest(kz_comparison, tmp_path):
    out = kz_comparison.save(tmp_path / "r")
    md = (out / "digest.md").read_text(encoding="utf-8")
    assert md == trendkz.digest(kz_comparison).to_markdown()
    assert (out / "digest.tex").read_text(encoding="utf-8").startswith("% trendkz digest")


@needs_hrr
def test_every_citation_resolves_over_a_whole_hrr_year():
    """All 190-odd countries, 2022 to 2023: every quoted span is in its document's body."""
    with open(HRR / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    keep = [r for r in rows if r["year"] in ("2022", "2023")]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(keep)
    corpus = trendkz.load_corpus(HRR, manifest=f.name)
    comparison = trendkz.compare(corpus, workers=None)
    ranked = trendkz.digest(comparison)
    assert ranked.frame["entity"].nunique() > 180
    assert _check_citations(ranked.frame, corpus) > 1500
