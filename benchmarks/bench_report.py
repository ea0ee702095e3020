"""`trendkz report` on the whole state-hrr corpus, as a user runs it: wall time, CPU
seconds of all processes (so a figure taken on a busy machine still says what the run
costs), peak resident memory of all processes at once (both sampled from /proc every
0.1 s), the machine's load average, folder size and file count.

    python benchmarks/bench_report.py [--workers 2] [--source DIR] [-- extra report options]

``--source``: another corpus folder (default: the whole state-hrr corpus); report options
such as ``--manifest FILE`` go after ``--``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import _tree_rss_mb  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HRR = ROOT.parent / "shared" / "corpora" / "state-hrr"
if not HRR.is_dir():  # a git worktree sits one folder deeper
    HRR = ROOT.parents[1] / "shared" / "corpora" / "state-hrr"


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of ``pid`` so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(extra: list[str], workers: int = 2, source: Path = HRR) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report"
        cmd = [sys.executable, "-m", "trendkz", "report", str(source), "--out", str(out)]
        cmd += ["--quiet", "--workers", str(workers), *extra]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd)
        peak, cpu = 0.0, {}
        load = os.getloadavg()[0]
        while proc.poll() is None:
            peak = max(peak, sum(_tree_rss_mb(proc.pid).values()))
            for pid in _tree_rss_mb(proc.pid):
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))
            time.sleep(0.1)
        wall = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"report failed with exit code {proc.returncode}")
        files = [p for p in out.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        return {
            "options": " ".join(extra) or "(defaults)",
            "wall s": round(wall, 1),
            "CPU s (all processes)": round(sum(cpu.values()), 1),
            "load at start": round(load, 1),
            "peak all processes MB": round(peak),
            "folder MB": round(size / 2**20, 1),
            "files": len(files),
        }


if __name__ == "__main__":
    args = sys.argv[1:]
    workers, source = 2, HRR
    while args[:1] in (["--workers"], ["--source"]):
        if args[0] == "--workers":
            workers = int(args[1])
        else:
            source = Path(args[1])
        args = args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    row = run(args, workers, source)
    print(" | ".join(f"{k}: {v}" for k, v in row.items()))
