from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import trendkz

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
# the shared corpora sit beside the project; TRENDKZ_CORPORA points elsewhere (a worktree)
CORPORA = Path(os.environ.get("TRENDKZ_CORPORA", ROOT.parent / "shared" / "corpora"))
HRR = CORPORA / "state-hrr"

needs_hrr = pytest.mark.skipif(
    not (HRR / "manifest.csv").is_file(),
    reason="../shared/corpora/state-hrr is absent (it sits beside the project in CI only)",
)


@pytest.fixture(scope="session")
def kz():
    return trendkz.datasets.kazakhstan()


@pytest.fixture(scope="session")
def kz_sections(kz):
    return trendkz.split_sections(kz)


@pytest.fixture(scope="session")
def hrr_central_asia():
    if not (HRR / "manifest.csv").is_file():
        pytest.skip("../shared/corpora/state-hrr is absent (present in CI only)")
    return trendkz.load_corpus(HRR, manifest=HRR / "manifest_central_asia.csv")


@pytest.fixture(scope="session")
def hrr_kazakhstan(hrr_central_asia):
    ids = [d.doc_id for d in hrr_central_asia if d.entity == "Kazakhstan"]
    return hrr_central_asia.subset(ids)


def pytest_addoption(parser):
    parser.addoption(
        "--run-slow",
        action="store_true",
        default=False,
        help="run the tests marked slow (the long fuzz mode); TRENDKZ_SLOW=1 does the same",
    )


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow") or os.environ.get("TRENDKZ_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow fuzz mode: pass --run-slow or set TRENDKZ_SLOW=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def two_entities(sections: pd.DataFrame) -> pd.DataFrame:
    """``sections`` twice: as they are and as a second entity "Other" with its own ids."""
    other = sections.assign(
        entity="Other",
        doc_id="x-" + sections["doc_id"],
        section_id="x-" + sections["section_id"],
        parent_id="x-" + sections["parent_id"],
    )
    return pd.concat([sections, other], ignore_index=True)
