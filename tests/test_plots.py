from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from trendkz._core.errors import OptionError  # noqa: E402
from trendkz.report import plots  # noqa: E402

TERMS = pd.DataFrame(
    {
        "doc_id": ["a", "a", "b", "b"],
        "year": [2012, 2012, 2022, 2022],
        "term": ["extremism", "violent extremism"] * 2,
        "count": [4, 6, 10, 1],
        "quoted": [1, 0, 9, 0],
        "n_words": [1000, 1000, 2000, 2000],
    }
)


def _ax():
    return Figure().add_subplot()


def test_plot_terms_lines_and_quoted_part():
    rc = dict(matplotlib.rcParams)
    ax = plots.plot_terms(TERMS, ax=_ax())
    labels = [line.get_label() for line in ax.lines]
    assert labels == ["extremism", "extremism (in quotes)", "violent extremism"]
    ext, quoted, violent = ax.lines
    assert np.allclose(ext.get_ydata(), [4.0, 5.0])
    assert np.allclose(quoted.get_ydata(), [1.0, 4.5])
    assert quoted.get_linestyle() == "--" and quoted.get_markerfacecolor() == "white"
    assert ext.get_marker() != violent.get_marker()  # greyscale-safe: shapes differ
    assert list(ax.get_xticks()) == [2012, 2022]
    assert dict(matplotlib.rcParams) == rc  # no global style change


def test_plot_terms_uses_current_axes_and_returns_it():
    fig = plt.figure()
    try:
        ax = plots.plot_terms(TERMS)
        assert ax is fig.axes[0]
    finally:
        plt.close(fig)


def test_plot_facts_draws_open_intervals_differently():
    facts = pd.DataFrame(
        {
            "measure": ["nationals repatriated"] * 3,
            "period_end": [2019, 2021, 2022],
            "value": [600.0, 600.0, 10.0],
            "low": [540.0, 600.0, 10.0],
            "high": [660.0, np.nan, 10.0],
            "doc_id": ["analysis", "report", "report"],
        }
    )
    ax = plots.plot_facts(facts, measure="nationals repatriated", ax=_ax())
    assert len(ax.collections) == 1  # the bounded "about 600" interval
    seg = ax.collections[0].get_segments()[0]
    assert np.allclose(seg[:, 1], [540, 660])
    arrows = [t for t in ax.texts if t.arrow_patch is not None]
    assert len(arrows) == 1  # "more than 600" points up
    assert arrows[0].xy[1] > 600
    hollow = [ln for ln in ax.lines if ln.get_markerfacecolor() == "white"]
    filled = [ln for ln in ax.lines if ln.get_markerfacecolor() != "white"]
    assert len(hollow) == 2 and len(filled) == 1
    markers = {
        ln.get_label(): ln.get_marker() for ln in ax.lines if not ln.get_label().startswith("_")
    }
    assert markers["analysis"] != markers["report"]


def test_plot_similarity_heat_map_cells():
    changes = pd.DataFrame(
        {
            "label": ["Overview", "Overview", "CFT"],
            "year_from": [2012, 2017, 2017],
            "year_to": [2017, 2022, 2022],
            "similarity": [0.4, 0.8, 0.9],
        }
    )
    ax = plots.plot_similarity(changes, ax=_ax())
    data = ax.images[0].get_array()
    assert data.shape == (2, 2)
    assert data[0, 0] == pytest.approx(0.4) and np.ma.is_masked(data[1, 0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2012→\n2017", "2017→\n2022"]
    assert len(ax.patches) == 1  # the pair with nothing to compare is hatched
    assert {t.get_text() for t in ax.texts} == {"0.40", "0.80", "0.90"}


def test_plot_coverage_marks_present_and_absent():
    al = pd.DataFrame(
        {
            "label": ["Overview"] * 2 + ["Incidents"] * 2,
            "year": [2012, 2017] * 2,
            "status": ["matched", "matched", "matched", "absent"],
        }
    )
    ax = plots.plot_coverage(al, ax=_ax())
    present, absent = ax.collections
    assert len(present.get_offsets()) == 3 and len(absent.get_offsets()) == 1
    assert tuple(absent.get_offsets()[0]) == (1, 1)


def test_missing_column_is_a_clear_error():
    with pytest.raises(OptionError, match="lacks column"):
        plots.plot_terms(TERMS.drop(columns="n_words"), ax=_ax())
