"""Time ``digest`` on the seed corpus and on the 40 Central Asia HRR pairs.

``python benchmarks/bench_digest.py``: the comparisons are built once (not timed), then
``digest(comparison, top=10)`` is timed, the minimum wall and CPU time of five runs, with
a hash of the frame (equal hashes: the same digest).
"""

from __future__ import annotations

import hashlib
import time

from _common import HRR

import trendkz


def _min_time(fn, repeat: int = 5):
    """Minimum wall and CPU time of ``fn()`` over ``repeat`` runs, and its result (CPU
    time is steadier than wall time on a shared machine)."""
    wall, cpu, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return (wall, cpu), out


def _hash(d) -> str:
    return hashlib.sha256(d.frame.to_csv(index=False).encode()).hexdigest()[:12]


def main() -> None:
    cases = [("seeds", trendkz.compare(trendkz.datasets.kazakhstan()))]
    if (HRR / "manifest_central_asia.csv").exists():
        corpus = trendkz.load_corpus(HRR, manifest=HRR / "manifest_central_asia.csv")
        cases.append(("hrr central asia", trendkz.compare(corpus)))
    for name, comparison in cases:
        (wall, cpu), d = _min_time(lambda c=comparison: trendkz.digest(c, top=10))
        pairs = d.frame[["doc_from", "doc_to"]].drop_duplicates()
        print(
            f"{name}: {len(pairs)} pairs, {len(d)} items, {wall:.2f} s wall, {cpu:.2f} s CPU"
            f" (min of 5), {_hash(d)}"
        )


if __name__ == "__main__":
    main()
