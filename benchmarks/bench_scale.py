"""The state-hrr corpus, full ``compare``, at 1/8, 1/4, 1/2 and all of it.

Each size runs in a fresh process (so peak memory is its own) with all cores. Reports load
and compare time, words, peak memory (main process, largest worker, all processes at once:
sampled from /proc, as forkserver workers escape getrusage), the log-log
slope of time against words, and the floor: one regex tokenizing pass over the same text.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import HRR, table

CHILD = r"""
import json, re, sys, time
import pandas as pd
import trendkz
from _common import TreeMemory, peak_rss_mb
if __name__ == "__main__":
    hrr, frac = sys.argv[1], float(sys.argv[2])
    man = pd.read_csv(f"{hrr}/manifest.csv", dtype=str, keep_default_na=False)
    ents = sorted(man["entity"].unique())
    keep = set(ents[: max(1, round(len(ents) * frac))])
    man = man[man["entity"].isin(keep)]
    with TreeMemory() as mem:
        t0 = time.perf_counter()
        corpus = trendkz.load_corpus(hrr, manifest=man, workers=None)
        t1 = time.perf_counter()
        cmp = trendkz.compare(corpus, workers=None)
        t2 = time.perf_counter()
    words = int(corpus.documents["n_words"].sum())
    t3 = time.perf_counter()
    n = sum(len(re.findall(r"\w+", d.body)) for d in corpus)
    t4 = time.perf_counter()
    print(json.dumps({"docs": len(corpus), "entities": len(keep), "words": words,
                      "load_s": t1 - t0, "compare_s": t2 - t1, "floor_s": t4 - t3,
                      "peak_main_mb": peak_rss_mb(), "peak_worker_mb": mem.peak_worker_mb,
                      "peak_total_mb": mem.peak_total_mb,
                      "rows": {k: len(v) for k, v in cmp.frames.items()}}))
"""


def run(frac: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:  # a file, so that workers can import it
        script = Path(tmp) / "scale_child.py"
        script.write_text(CHILD)
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join(
                [str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]
            ),
        )
        out = subprocess.run(
            [sys.executable, str(script), str(HRR), str(frac)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(fractions=(0.125, 0.25, 0.5, 1.0)) -> str:
    if not (HRR / "manifest.csv").is_file():
        return "### Scale\n\n../shared/corpora/state-hrr is absent: skipped.\n"
    rows = []
    for f in fractions:
        r = run(f)
        total = r["load_s"] + r["compare_s"]
        rows.append(
            {
                "fraction": f,
                "docs": r["docs"],
                "words": r["words"],
                "load s": r["load_s"],
                "compare s": r["compare_s"],
                "total s": total,
                "floor s (regex pass)": r["floor_s"],
                "total/floor": total / r["floor_s"],
                "peak main MB": r["peak_main_mb"],
                "peak worker MB": r["peak_worker_mb"],
                "peak all processes MB": r["peak_total_mb"],
            }
        )
    xs = [math.log(r["words"]) for r in rows]
    ys = [math.log(r["total s"]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    return (
        table(rows, "state-hrr: full compare by corpus size (all cores)")
        + f"\nlog-log slope of total time against words: {slope:.2f}\n"
    )


if __name__ == "__main__":
    print(main())
