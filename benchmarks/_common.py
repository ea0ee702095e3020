"""Shared helpers of the benchmarks: timing with medians, peak memory, table printing."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# the shared corpora sit beside the project; TRENDKZ_CORPORA points elsewhere (a worktree)
HRR = Path(os.environ.get("TRENDKZ_CORPORA", ROOT.parent / "shared" / "corpora")) / "state-hrr"


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


class TreeMemory:
    """Samples the resident memory of this process and all its descendants (Linux /proc),
    every ``interval`` seconds in a thread: ``peak_total_mb`` (all processes at one moment)
    and ``peak_worker_mb`` (the largest descendant). Worker processes started through a
    forkserver are not this process's children to ``getrusage``, hence sampling."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak_total_mb = self.peak_worker_mb = 0.0

    def __enter__(self):
        import threading

        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import os

        me = os.getpid()
        while not self._stop.is_set():
            rss = _tree_rss_mb(me)
            if rss:
                self.peak_total_mb = max(self.peak_total_mb, sum(rss.values()))
                workers = [v for pid, v in rss.items() if pid != me]
                self.peak_worker_mb = max([self.peak_worker_mb, *workers])
            self._stop.wait(self.interval)


def _tree_rss_mb(root: int) -> dict[int, float]:
    """pid -> resident MB of ``root`` and its descendants (empty off Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return {}
    parent, rss = {}, {}
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            status = (d / "status").read_text()
        except OSError:
            continue
        parent[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(d.name)] = int(line.split()[1]) / 1024
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, pp in parent.items():
            if pp in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return {pid: rss[pid] for pid in tree if pid in rss}


def machine() -> str:
    import os

    import pandas
    import rapidfuzz

    return (
        f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, pandas {pandas.__version__}, "
        f"rapidfuzz {rapidfuzz.__version__}"
    )


def table(rows: list[dict], title: str) -> str:
    """A Markdown table of ``rows`` (same keys), floats with 3 significant digits."""
    if not rows:
        return f"### {title}\n\n(no rows)\n"
    cols = list(rows[0])

    def fmt(v):
        if isinstance(v, float):
            return f"{v:.3g}" if abs(v) < 1000 else f"{v:,.0f}"
        return str(v)

    lines = [f"### {title}", "", "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(fmt(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines) + "\n"
