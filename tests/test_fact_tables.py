"""Facts from tables (hand-made frames of the agreed shape: one row per cell)."""

import math

import pandas as pd
import pytest

import trendkz
from trendkz.facts.tables import extract_table_facts, read_cell, table_scale


def _tables(cells, caption="(in millions, except per share)"):
    rows = []
    pos = 0
    for n, (label, header, text) in enumerate(cells):
        rows.append(
            {
                "doc_id": "acme-2021",
                "entity": "Acme",
                "series": "annual",
                "year": 2021,
                "table": 1,
                "row": n // 2,
                "column": n % 2,
                "label": label,
                "header": header,
                "text": text,
                "start": pos,
                "end": pos + len(text),
                "caption": caption,
            }
        )
        pos += len(text) + 1
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("1,234", (1234.0, "", False)),
        ("(13)", (-13.0, "", True)),
        ("$(1.2)", (-1.2, "$", True)),
        ("$ (35)", (-35.0, "$", True)),
        ("-5", (-5.0, "", True)),
        ("−0.4", (-0.4, "", True)),
        ("12.5%", (12.5, "%", False)),
        ("(2.1)%", (-2.1, "%", True)),
        ("—", None),
        ("n/a", None),
        ("", None),
    ],
)
def test_read_cell(text, want):
    assert read_cell(text) == want


@pytest.mark.parametrize(
    ("caption", "scale"),
    [
        ("(in millions)", 1e6),
        ("Dollars in thousands", 1e3),
        ("(In billions, except per share data)", 1e9),
        ("Table 3. Recoveries ($ millions)", 1e6),
        ("Number of requests", 1.0),
    ],
)
def test_table_scale(caption, scale):
    assert table_scale(caption) == scale


def test_cells_become_facts_with_scale_sign_unit_period_and_measure():
    facts = extract_table_facts(
        _tables(
            [
                ("Net sales", "2021", "$1,234"),
                ("Net sales", "2020", "$882"),
                ("Operating loss(1)", "2021", "(35)"),
                ("Operating loss(1)", "2020", "12"),
                ("Earnings per diluted share", "2021", "$(0.25)"),
                ("Gross margin %", "2021", "41.8%"),
                ("Other", "2021", "—"),
            ]
        )
    )
    assert (facts["fact_kind"] == "table").all()
    got = {(r.measure, r.period_start): (r.value, r.unit) for r in facts.itertuples()}
    assert got[("Net sales", 2021)] == (1234e6, "USD")
    assert got[("Net sales", 2020)] == (882e6, "USD")
    assert got[("Operating loss", 2021)] == (-35e6, "USD")  # the caption's "$"-less scale
    assert got[("Earnings per diluted share", 2021)] == (-0.25, "USD per share")
    assert got[("Gross margin %", 2021)] == (41.8, "percent")
    assert len(facts) == 6  # the dash is no fact, the caption's scale is none either
    assert not facts["period_assumed"].any()
    assert list(facts.columns) == trendkz.facts.extract.schema.FRAMES["facts"][0]


def test_counts_without_money_or_scale_and_an_assumed_period():
    facts = extract_table_facts(
        _tables([("Requests received", "Number", "563"), ("Requests pending", "Number", "18")], "")
    )
    assert facts["unit"].tolist() == ["count", "count"]
    assert facts["value"].tolist() == [563.0, 18.0]
    assert facts["period_assumed"].all() and (facts["period_start"] == 2021).all()


def test_table_facts_link_across_years():
    a = extract_table_facts(_tables([("Net sales", "2021", "$1,234")]))
    b = _tables([("Net sales", "2022", "$1,400")])
    b["doc_id"], b["year"] = "acme-2022", 2022
    facts = pd.concat([a, extract_table_facts(b)], ignore_index=True)
    links = trendkz.diff_facts(facts)
    row = links[links["status"] != "added"].iloc[0] if len(links) else None
    assert row is not None and row["value_from"] == 1234e6 and row["value_to"] == 1400e6
    assert not math.isnan(row["change"])
