from __future__ import annotations

import os
from pathlib import Path

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
