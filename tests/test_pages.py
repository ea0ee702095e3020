"""Many entities shown: a page per entity with its figures, word diffs, KWIC and navigation;
--entity; the light SVG charts; plots in seaborn's shape; group labels."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import trendkz  # noqa: E402
from trendkz._core.errors import OptionError  # noqa: E402
from trendkz.report import plots  # noqa: E402
from trendkz.report.charts import coverage_svg  # noqa: E402
from trendkz.report.cli import main  # noqa: E402
from trendkz.report.html import kwic_html  # noqa: E402
from trendkz.report.pages import entity_outputs  # noqa: E402
from trendkz.report.save import figure_bytes  # noqa: E402


@pytest.fixture(scope="module")
def two(kz):
    """The Kazakhstan reports twice, as two entities (the second with edits)."""
    rows = []
    for d in kz:
        if d.kind != "report":
            continue
        one = {"year": d.year, "series": "CRT"}
        rows.append({"file": f"a-{d.year}", "text": d.text, "entity": "Alpha", **one})
        text = d.text.replace("terrorism", "violent extremism") if d.year > 2012 else d.text
        rows.append({"file": f"b-{d.year}", "text": text, "entity": "Côte Beta", **one})
    return trendkz.compare(trendkz.load_corpus(pd.DataFrame(rows)))


def test_a_page_per_entity_with_figures_diffs_kwic_and_navigation(two):
    out = entity_outputs(two, extras={"Alpha": [("Digest", "<p id='dg'>digest here</p>")]})
    assert {"entities/alpha.html", "entities/cote-beta.html"} <= set(out)
    page = out["entities/alpha.html"].decode()
    assert "href='cote-beta.html'" in page and "href='../index.html'" in page
    for src in re.findall(r"<img src='([^']+)'", page):
        assert f"entities/{src}" in out  # every figure the page shows exists
    assert {"alpha/coverage.svg", "alpha/similarity.svg", "alpha/terms.svg"} <= set(
        re.findall(r"<img src='([^']+)'", page)
    )
    assert "<del>" in page or "<ins>" in page  # word diffs of the most changed sections
    assert "class='kwic'" in page
    assert "<p id='dg'>digest here</p>" in page  # the place for other analyses
    beta = out["entities/cote-beta.html"].decode()
    assert "violent extremism" in beta and "Côte Beta" in beta


def test_index_links_every_entity(two, tmp_path):
    folder = two.save(tmp_path / "r", pngs=False)
    index = (folder / "index.html").read_text()
    assert "href='entities/alpha.html'" in index and "href='entities/cote-beta.html'" in index
    assert (folder / "entities" / "cote-beta" / "coverage.svg").is_file()


def test_cli_entity_chooses_and_suggests(tmp_path, capsys):
    src = trendkz.datasets.kazakhstan_path()
    out = tmp_path / "r"
    assert main(["report", str(src), "--out", str(out), "--entity", "Kazakhstan", "--quiet"]) == 0
    assert main(["verify", str(out), "--quiet"]) == 0
    assert main(["report", str(src), "--out", str(tmp_path / "x"), "--entity", "Kazakstan"]) == 2
    assert "closest: 'Kazakhstan'" in capsys.readouterr().err


def test_coverage_year_labels_never_overlap():
    years = list(range(2001, 2025))
    al = pd.DataFrame(
        {"label": ["A long section label"] * len(years), "year": years, "status": "matched"}
    )
    svg = coverage_svg(al, "t")
    assert svg.count("rotate(-90") == len(years)  # narrow columns: labels upright
    fig = Figure(figsize=(4.7, 2.5), layout="constrained")
    ax = plots.plot_coverage(al.assign(label="x"), ax=fig.add_subplot())
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in ax.get_xticklabels()]
    assert all(not a.overlaps(b) for a, b in zip(boxes, boxes[1:], strict=False))


TERMS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b"],
        "entity": "X",
        "year": [2012, 2012, 2022, 2022],
        "term": ["extremism", "violent extremism"] * 2,
        "count": [4, 6, 10, 1],
        "quoted": [1, 0, 9, 0],
        "hedged": [0, 1, 0, 0],
        "n_words": [1000, 1000, 2000, 2000],
    }
)


def test_plot_terms_y_hue_palette_color_legend():
    ax = plots.plot_terms(TERMS, y="count", ax=Figure().add_subplot())
    assert ax.get_ylabel() == "count"
    assert np.allclose(ax.lines[0].get_ydata(), [4, 10])  # counts, not rates
    ax = plots.plot_terms(TERMS, y="hedged", quoted=None, ax=Figure().add_subplot())
    assert np.allclose(ax.lines[1].get_ydata(), [1, 0])
    ax = plots.plot_terms(TERMS, hue=None, quoted=None, ax=Figure().add_subplot())
    assert len(ax.lines) == 1 and np.allclose(ax.lines[0].get_ydata(), [10.0, 5.5])
    pal = {"extremism": "red", "violent extremism": "blue"}
    ax = plots.plot_terms(TERMS, palette=pal, legend=False, ax=Figure().add_subplot())
    assert ax.get_legend() is None
    assert ax.lines[0].get_color() == "red" and ax.lines[-1].get_color() == "blue"
    ax = plots.plot_terms(TERMS, color="green", ax=Figure().add_subplot())
    assert {line.get_color() for line in ax.lines} == {"green"}
    ax = plots.plot_terms(TERMS, palette="viridis", ax=Figure().add_subplot())
    assert ax.lines[0].get_color() != ax.lines[-1].get_color()


def test_plot_errors_name_the_closest():
    with pytest.raises(OptionError, match="did you mean 'extremism'"):
        plots.plot_terms(TERMS, terms=["extremsm"], ax=Figure().add_subplot())
    facts = pd.DataFrame(
        {
            "entity": ["X", "Y"],
            "measure": ["websites blocked", "websites blocked"],
            "period_end": [2019, 2020],
            "value": [1.0, 2.0],
            "low": [1.0, 2.0],
            "high": [1.0, 2.0],
            "doc_id": ["a", "b"],
        }
    )
    with pytest.raises(OptionError, match="2 entities"):
        plots.plot_facts(facts, measure="websites blocked", ax=Figure().add_subplot())
    with pytest.raises(OptionError, match="did you mean 'websites blocked'"):
        plots.plot_facts(facts, measure="website blocked", entity="X", ax=Figure().add_subplot())
    ax = plots.plot_facts(facts, measure="websites blocked", entity="Y", ax=Figure().add_subplot())
    assert [tuple(line.get_xydata()[0]) for line in ax.lines] == [(2020.0, 2.0)]
    with pytest.raises(OptionError, match="legend"):
        plots.plot_terms(TERMS, legend="big", ax=Figure().add_subplot())


def test_legend_never_covers_labels_at_a_column_width():
    many = pd.concat([TERMS.assign(term=f"term number {i}") for i in range(8)])
    for height in (2.0, 3.6):
        fig = Figure(figsize=(3.5, height), layout="constrained")
        ax = plots.plot_terms(many, ax=fig.add_subplot())
        fig.canvas.draw()
        legend = ax.get_legend().get_window_extent()
        taken = [ax.xaxis.label.get_window_extent()]
        taken += [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
        assert not any(legend.overlaps(b) for b in taken)


def test_pdf_and_ps_embed_truetype_fonts():
    fig = Figure(figsize=(3.5, 2.5))
    plots.plot_terms(TERMS, ax=fig.add_subplot())
    pdf = figure_bytes(fig, "pdf")
    assert b"/Subtype /Type3" not in pdf and b"/Subtype /CIDFontType2" in pdf  # TrueType
    assert matplotlib.rcParams["pdf.fonttype"] == 3  # never changed globally
    assert b"Type42" in figure_bytes(fig, "ps") or b"/FontType 42" in figure_bytes(fig, "ps")


def test_kwic_html_aligns_contexts(kz_sections):
    k = trendkz.keywords_in_context(kz_sections, "extremism", window=4)
    html = kwic_html(k)
    assert "table.kwic td.left" not in html  # styles live in the page's CSS
    first = k.iloc[0]
    assert f"<td class='left'>{first.left}" in html or "<td class='left'>" in html
    assert html.index("class='left'") < html.index("class='match'") < html.index("class='right'")


def test_group_label_is_the_most_frequent_heading():
    from trendkz.align.sections import _labels
    from trendkz.align.table import group_headings

    labels = _labels(
        [0, 0, 0, 1, 1], ["Old", "Old", "New", "A", "B"], ["t"] * 5, [2016, 2017, 2018, 2016, 2017]
    )
    assert labels == {0: "Old", 1: "B"}  # most often; a tie goes to the latest
    al = pd.DataFrame(
        {
            "entity": "X",
            "series": "s",
            "group": [0, 0, 0],
            "label": "Old",
            "year": [2016, 2017, 2018],
            "heading": ["Old", "Old", "New"],
            "status": "matched",
        }
    )
    assert group_headings(al)["headings"].tolist() == ["Old (2016, 2017); New (2018)"]
