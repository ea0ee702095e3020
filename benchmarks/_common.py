"""Shared helpers of the benchmarks: timing with medians, peak memory, table printing."""

from __future__ import annotations

import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HRR = ROOT.parent / "shared" / "corpora" / "state-hrr"


def median_time(fn, repeat: int = 3) -> tuple[float, object]:
    """Median wall time of ``fn()`` over ``repeat`` runs, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def machine() -> str:
    import os

    import pandas
    import rapidfuzz

    return (f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, pandas {pandas.__version__}, "
            f"rapidfuzz {rapidfuzz.__version__}")


def table(rows: list[dict], title: str) -> str:
    """A Markdown table of ``rows`` (same keys), floats with 3 significant digits."""
    if not rows:
        return f"### {title}\n\n(no rows)\n"
    cols = list(rows[0])

    def fmt(v):
        if isinstance(v, float):
            return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    lines = [f"### {title}", "", "| " + " | ".join(cols) + " |",
             "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(fmt(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"
