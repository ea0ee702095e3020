"""`trendkz report` on the whole state-hrr corpus, as a user runs it: wall time, peak
resident memory of all processes at once (sampled from /proc), folder size and file count.

    python benchmarks/bench_report.py [--workers 2] [-- extra report options]
"""

from __future__ import annotations

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


def run(extra: list[str], workers: int = 2) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report"
        cmd = [sys.executable, "-m", "trendkz", "report", str(HRR), "--out", str(out)]
        cmd += ["--quiet", "--workers", str(workers), *extra]
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, sum(_tree_rss_mb(proc.pid).values()))
            time.sleep(0.1)
        wall = time.perf_counter() - t0
        if proc.returncode:
            raise SystemExit(f"report failed with exit code {proc.returncode}")
        files = [p for p in out.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        return {
            "options": " ".join(extra) or "(defaults)",
            "wall s": round(wall, 1),
            "peak all processes MB": round(peak),
            "folder MB": round(size / 2**20, 1),
            "files": len(files),
        }


if __name__ == "__main__":
    args = sys.argv[1:]
    workers = 2
    if args[:1] == ["--workers"]:
        workers, args = int(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    row = run(args, workers)
    print(" | ".join(f"{k}: {v}" for k, v in row.items()))
