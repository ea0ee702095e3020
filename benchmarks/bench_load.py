"""``load_corpus`` on 1k, 10k and 100k tiny files: time per file and the log-log slope.

Each file is a three-line statement: a cover line naming one of 1,000 offices, a dateline,
and one sentence. Loading must be linear in the number of documents (filling series from
siblings, ids, warnings): the slope of time against files is reported, 1.0 is linear.
``cpu s`` is this process's CPU time (user + system): on a shared machine wall time also
counts the waits for a core, CPU time does not; both slopes are reported. Run:
``python benchmarks/bench_load.py [max_files] [--all-cores]`` (default 100000, one process;
the files are written once into a temporary folder, outside the timing).
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
import warnings
from pathlib import Path

from _common import table

import trendkz

WORKERS = None if "--all-cores" in sys.argv else 1
MONTHS = "January February March April May June July August September October November December"


def write(folder: Path, n: int) -> None:
    months = MONTHS.split()
    for i in range(n):
        office, k = i % 1000, i // 1000
        year, month, day = 1950 + k // 12 % 100, k % 12, 1 + (i // 7) % 28
        (folder / f"{i:06d}.txt").write_text(
            f"Office of Programme {office} Agency\n\n"
            f"Washington, {months[month]} {day}, {year}\n\n"
            f"The office reported {i % 97} cases and {i % 13} new rules this month.\n"
        )


def main(top: int) -> None:
    rows, points = [], []
    sizes = [n for n in (1_000, 10_000, 100_000) if n <= top]
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            write(folder, n)
            best = cpu = math.inf
            for _ in range(1 if n >= 100_000 else 3):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", trendkz.TrendkzWarning)
                    t0, c0 = time.perf_counter(), time.process_time()
                    corpus = trendkz.load_corpus(folder, workers=WORKERS)
                    best = min(best, time.perf_counter() - t0)
                    cpu = min(cpu, time.process_time() - c0)
            assert len(corpus) == n and corpus.documents["doc_id"].is_unique
            rows.append(
                {
                    "files": n,
                    "load s (min)": best,
                    "cpu s (min)": cpu,
                    "µs per file": best / n * 1e6,
                }
            )
            points.append((math.log(n), math.log(best), math.log(cpu)))
    print(table(rows, "load_corpus on tiny files"))
    if len(points) > 1:
        (x0, y0, c0), (x1, y1, c1) = points[0], points[-1]
        print(
            f"log-log slope against files: wall {(y1 - y0) / (x1 - x0):.2f}, "
            f"cpu {(c1 - c0) / (x1 - x0):.2f} (1.0 = linear)"
        )


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 100_000)
