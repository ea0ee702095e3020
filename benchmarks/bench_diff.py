"""Benchmark: ``trendkz.diff_text`` against ``difflib.SequenceMatcher`` on the same tokens.

Cases: the 2017 and 2022 seed chapters (Country Reports on Terrorism, Kazakhstan) each
repeated k times (k = 1, 4, 16, 64; joined by blank lines), and, when the State HRR corpus
is present, its Kazakhstan 2022 and 2023 chapters at 1x and 4x.

For each case and method: median wall time, the ratio difflib/ours, peak memory two ways
(tracemalloc: Python allocations only; RSS: peak resident growth of a fresh process
during the call, which also counts RapidFuzz's C++ buffers and is an upper bound when the
call does not set a new process peak), and diff size (tokens outside ``equal`` ops, both
sides). difflib gets the token lists ready-made; ``diff_text`` is timed from the raw
strings, tokenizing included. Each measurement runs in its own process.

    python benchmarks/bench_diff.py [--quick] [--repeat N]

Not a test: the figures depend on the machine. Targets: ours >= 30x faster at 64x, peak
memory <= 64 MB at 64x, diff size no larger than difflib's.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HRR = ROOT.parent / "shared" / "corpora" / "state-hrr"


def texts(case: str, k: int) -> tuple[str, str]:
    from trendkz.load.text import normalize

    if case == "seed":
        import trendkz

        docs = {d.doc_id: d.body for d in trendkz.datasets.kazakhstan()}
        a, b = docs["kazakhstan-2017"], docs["kazakhstan-2022"]
    else:
        a, b = (
            normalize((HRR / f"{y}_kazakhstan.txt").read_text(encoding="utf-8"))
            for y in (2022, 2023)
        )
    return "\n\n".join([a] * k), "\n\n".join([b] * k)


def run_difflib(a: list[str], b: list[str]) -> int:
    ops = difflib.SequenceMatcher(None, a, b).get_opcodes()
    return sum(i2 - i1 + j2 - j1 for tag, i1, i2, j1, j2 in ops if tag != "equal")


def run_ours(a: str, b: str) -> int:
    from trendkz.diff.textdiff import diff_text

    d = diff_text(a, b)
    return d.n_added + d.n_removed + d.n_changed


def child(method: str, case: str, k: int, repeat: int) -> dict:
    """One measurement in this (fresh) process; prints JSON."""
    import psutil

    from trendkz.diff.textdiff import diff_text  # noqa: F401  (import cost outside timings)
    from trendkz.diff.tokens import tokenize

    a, b = texts(case, k)
    if method == "difflib":
        args = ([t.text for t in tokenize(a)], [t.text for t in tokenize(b)])
        fn = run_difflib
    else:
        args = (a, b)
        fn = run_ours
    n_a, n_b = len(tokenize(a)), len(tokenize(b))
    gc.collect()
    rss_now = psutil.Process().memory_info().rss
    size = fn(*args)  # first call: RSS peak (nothing else allocated before it)
    rss_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        times.append(time.perf_counter() - t0)
    tracemalloc.start()
    fn(*args)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "n_a": n_a,
        "n_b": n_b,
        "time": statistics.median(times),
        "size": size,
        "traced": traced,
        "rss": max(0, rss_peak - rss_now),
    }


def measure(method: str, case: str, k: int, repeat: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", method, case, str(k), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="seed 1x-16x only")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per cell (median)")
    ap.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        method, case, k, repeat = args.child
        print(json.dumps(child(method, case, int(k), int(repeat))))
        return
    cases = [("seed", k) for k in (1, 4, 16) + (() if args.quick else (64,))]
    if (HRR / "2023_kazakhstan.txt").is_file() and not args.quick:
        cases += [("hrr", 1), ("hrr", 4)]
    mb = 1 / 2**20
    print(
        f"{'case':<9}{'tokens a/b':>16}{'difflib s':>11}{'ours s':>9}{'ratio':>8}"
        f"{'difflib MB':>12}{'ours MB':>9}{'ours RSS MB':>13}{'size difflib':>14}"
        f"{'size ours':>11}"
    )
    for case, k in cases:
        slow = case == "hrr" and k > 1 or k >= 64
        d = measure("difflib", case, k, 1 if slow else args.repeat)
        o = measure("ours", case, k, args.repeat)
        print(
            f"{case + ' ' + str(k) + 'x':<9}{d['n_a']:>8,}/{d['n_b']:<7,}"
            f"{d['time']:>11.3f}{o['time']:>9.3f}{d['time'] / o['time']:>8.1f}"
            f"{d['traced'] * mb:>12.1f}{o['traced'] * mb:>9.1f}{o['rss'] * mb:>13.1f}"
            f"{d['size']:>14,}{o['size']:>11,}",
            flush=True,
        )


if __name__ == "__main__":
    main()
