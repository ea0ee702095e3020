"""Time load_corpus on the hhs-oig-pdf corpus (61 PDFs, 5,528 pages): CPU seconds and pages/s.

Usage: python benchmarks/pdf_speed.py [RUNS]   (min of RUNS, 2 by default; compare two
checkouts with PYTHONPATH=path/to/other/src python benchmarks/pdf_speed.py)
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import trendkz

PDFS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "hhs-oig-pdf"
PAGES = 5528


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    cpu, wall = [], []
    for _ in range(runs):
        t, w = time.process_time(), time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            trendkz.load_corpus(PDFS)
        cpu.append(time.process_time() - t)
        wall.append(time.perf_counter() - w)
    print(f"load_corpus hhs-oig-pdf: {min(cpu):.1f} s CPU, {min(wall):.1f} s wall (min of {runs})")
    print(f"{PAGES / min(cpu):.0f} pages per CPU second")


if __name__ == "__main__":
    main()
