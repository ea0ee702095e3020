"""Quality of ``extract_facts`` on the hand-labelled gold (tests/gold/README.md).

The floors are the figures reached when the gold was written, minus a small margin: a
change that loses facts, qualifiers or periods fails here.
"""

import pandas as pd
import pytest

from trendkz.facts.extract import extract_facts

from .gold import score

# reached: seeds P 0.990 R 1.000; HRR P 1.000 R 0.992; all P/R 0.996, value 1.0,
# qualifier 1.0 (qualified facts 1.0), period 0.991, measure agreement 0.806
FLOORS = {
    "seeds": {"precision": 0.96, "recall": 0.97},
    "hrr": {"precision": 0.97, "recall": 0.96},
    "all": {
        "precision": 0.97,
        "recall": 0.97,
        "value_accuracy": 0.97,
        "qualifier_accuracy": 0.97,
        "qualified_accuracy": 0.93,
        "period_accuracy": 0.96,
        "measure_agreement": 0.75,
    },
}


@pytest.fixture(scope="module")
def scored(kz_sections):
    gold = score.load_gold(kz_sections)
    pred = extract_facts(pd.concat([kz_sections, score.hrr_sections()], ignore_index=True))
    parts = {
        "seeds": gold["doc_id"].isin(score.SEED_DOCS),
        "hrr": ~gold["doc_id"].isin(score.SEED_DOCS),
        "all": gold["doc_id"].notna(),
    }
    return {
        name: score.score(pred, gold[mask].reset_index(drop=True)) for name, mask in parts.items()
    }


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_quality_floors(scored, part):
    got = scored[part]
    for metric, floor in FLOORS[part].items():
        assert got[metric] >= floor, (part, metric, got[metric])


def test_gold_covers_the_seeds_and_three_or_more_hrr_reports(kz_sections):
    gold = score.load_gold(kz_sections)
    assert set(score.SEED_DOCS) <= set(gold["doc_id"])
    assert gold.loc[~gold["doc_id"].isin(score.SEED_DOCS), "doc_id"].nunique() >= 3
    assert len(gold) >= 200
    assert {"dev", "heldout"} == set(gold["split"])
