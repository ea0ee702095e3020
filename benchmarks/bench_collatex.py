"""The four Kazakhstan reports: full ``trendkz.compare`` vs CollateX collating the same texts."""

from __future__ import annotations

import time

from _common import median_time, table

import trendkz


def main() -> str:
    corpus = trendkz.datasets.kazakhstan()
    reports = corpus.subset([d.doc_id for d in corpus if d.kind == "report"])
    t_ours, _ = median_time(lambda: trendkz.compare(reports), repeat=3)
    rows = [{"tool": "trendkz.compare (4 reports)", "median s": t_ours, "ratio": 1.0}]
    try:
        from collatex import Collation, collate
    except ImportError:
        rows.append({"tool": "CollateX", "median s": float("nan"), "ratio": float("nan")})
        return table(rows, "Whole-series comparison vs CollateX (pip install '.[bench]')")
    col = Collation()
    for d in reports:
        col.add_plain_witness(str(d.year), d.body)
    t = time.perf_counter()
    collate(col, output="json", segmentation=True)
    t_cx = time.perf_counter() - t  # one run: it takes tens of seconds
    rows.append({"tool": "CollateX 2.3 (collate, json)", "median s": t_cx, "ratio": t_cx / t_ours})
    return table(rows, "Whole-series comparison vs CollateX (ratio = times slower than trendkz)")


if __name__ == "__main__":
    print(main())
