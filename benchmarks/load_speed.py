"""Time load_corpus and split_sections on the seeds and a state-hrr sample (CPU time, min of runs).

Usage: python benchmarks/load_speed.py [RUNS]   (run it against two checkouts to compare:
PYTHONPATH=path/to/other/src python benchmarks/load_speed.py)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

import trendkz

HRR = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "state-hrr"


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    seeds = trendkz.datasets.kazakhstan_path()
    man = pd.read_csv(HRR / "manifest.csv").iloc[::10]
    print(f"seeds load      {best(lambda: trendkz.load_corpus(seeds), runs):.3f} s")
    load = best(lambda: trendkz.load_corpus(HRR, manifest=man), runs)
    print(f"hrr load ({len(man)})  {load:.3f} s")
    corpus = trendkz.load_corpus(HRR, manifest=man)
    print(f"hrr sections    {best(lambda: trendkz.split_sections(corpus), runs):.3f} s")


if __name__ == "__main__":
    main()
