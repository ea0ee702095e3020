from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

import trendkz  # noqa: E402
from trendkz.report import figures  # noqa: E402


def _two_entities():
    rows = [
        {"text": doc.text, "file": f"{entity}-{doc.source}", "entity": entity, "year": doc.year}
        for doc in trendkz.datasets.kazakhstan()
        for entity in ("Kazakhstan", "Oz")
    ]
    return trendkz.load_corpus(pd.DataFrame(rows))


def test_facts_figure_keeps_to_the_main_entity(monkeypatch):
    seen, real = [], figures.plot_facts

    def spy(facts, **kw):
        seen.append(set(facts["entity"]))
        return real(facts, **kw)

    monkeypatch.setattr(figures, "plot_facts", spy)
    figs = figures.make_figures(trendkz.compare(_two_entities()))
    assert seen and all(s == {"Kazakhstan"} for s in seen)  # most documents; ties by name
    assert figs["facts"].get_suptitle() == "Facts — Kazakhstan"


def test_one_entity_facts_figure_has_no_suptitle(kz):
    figs = figures.make_figures(trendkz.compare(kz))
    assert figs["facts"].get_suptitle() == ""
