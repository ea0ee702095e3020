"""The digest against the hand-written lists of tests/gold/digest (see its README).

The figures asserted are the ones reported; a change to the ranking that loses a gold
change from a top 10 fails here.
"""

from __future__ import annotations

import pytest

from .conftest import needs_hrr
from .gold.digest import score

GOLD = score._rows("gold.csv")
PAIRS = {p["pair"]: p for p in score._rows("pairs.csv")}


def _hits(name: str) -> int:
    pair = PAIRS[name]
    gold = [g for g in GOLD if g["pair"] == name]
    assert len(gold) == 10
    return score.score_pair(pair, gold, score.comparison_for(pair))["hits"]


def test_gold_lists_are_ten_per_pair_and_name_their_places():
    assert sorted({g["pair"] for g in GOLD}) == sorted(PAIRS)
    for g in GOLD:
        assert g["side"] in ("from", "to", "both")
        assert g["anchor"] or g["terms"], g


@pytest.mark.parametrize(("name", "least"), [("kz-2017-2022", 8), ("kz-2012-2017", 5)])
def test_seed_pairs(name, least):
    assert _hits(name) >= least


@needs_hrr
@pytest.mark.parametrize(
    ("name", "least"), [("hrr-tuvalu-2017-2018", 3), ("hrr-iceland-2019-2020", 1)]
)
def test_hrr_pairs(name, least):
    assert _hits(name) >= least
