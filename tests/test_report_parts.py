"""A report made entity by entity (tables joined from CSV blocks the workers wrote) is the
same bytes as a comparison saved whole, whatever the workers; each page carries its digest."""

from __future__ import annotations

import gzip
import io
import random

import pandas as pd
import pytest

import trendkz
from trendkz.report.blocks import gzip_stream
from trendkz.report.bundle import DIGEST_TITLE
from trendkz.report.save import report_corpus, report_settings


@pytest.fixture(scope="module")
def corpus(kz):
    """The Kazakhstan reports three times: two entities and a series without one, with
    the same years (so year-major tables interleave the parts)."""
    rows = []
    for d in kz:
        if d.kind != "report":
            continue
        for name in ("Zeta", "Alpha", None):
            text = d.text if name != "Alpha" or d.year < 2013 else d.text.replace("terror", "T")
            rows.append({"file": f"{name}-{d.year}", "text": text, "entity": name,
                         "year": d.year, "series": "CRT"})  # fmt: skip
    return trendkz.load_corpus(pd.DataFrame(rows))


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*")
            if p.is_file()}  # fmt: skip


@pytest.mark.parametrize("compress", [False, True])
def test_parts_report_is_the_whole_comparison_saved(corpus, tmp_path, compress):
    settings = report_settings(compress=compress, pngs=False)
    whole = trendkz.compare(corpus).save(tmp_path / "whole", compress=compress, pngs=False)
    one, _ = report_corpus(corpus, tmp_path / "one", settings=settings, workers=1)
    two, summary = report_corpus(corpus, tmp_path / "two", settings=settings, workers=2)
    expected = _files(whole)
    assert _files(one) == expected
    assert _files(two) == expected
    assert summary.startswith("Comparison(documents=12, ")
    ext = ".csv.gz" if compress else ".csv"
    sections = expected[f"tables/sections{ext}"]
    frame = pd.read_csv(io.BytesIO(gzip.decompress(sections) if compress else sections))
    assert frame["year"].is_monotonic_increasing  # year-major: the parts interleave
    assert frame[frame["year"] == frame["year"].min()]["entity"].fillna("").nunique() == 3
    page = expected["entities/alpha.html"].decode()
    assert DIGEST_TITLE in page and "<table class='digest'>" in page
    assert not any(name.startswith(".trendkz-parts") for name in _files(tmp_path))


def test_gzip_stream_does_not_depend_on_chunks():
    rng = random.Random(7)
    data = bytes(rng.choice(b"abc,\n0123456789") for _ in range(300_000))
    cuts = sorted(rng.sample(range(1, len(data)), 40))
    chunks = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
    whole = b"".join(gzip_stream([data]))
    assert b"".join(gzip_stream(chunks)) == whole
    assert whole == gzip.compress(data, compresslevel=6, mtime=0)
    assert gzip.decompress(whole) == data
