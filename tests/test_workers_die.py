"""Worker processes die with their parent whatever ends it, and a serial run leaves no
process-wide state changed."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from trendkz._core.parallel import _ONE_THREAD, map_parts

pytestmark = pytest.mark.skipif(
    not Path("/proc").is_dir(), reason="reads the process table from /proc"
)

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from trendkz._core.parallel import map_parts

    def work(part):
        Path(sys.argv[1], str(os.getpid())).write_text("")
        time.sleep(120)
        return part

    if __name__ == "__main__":
        map_parts(work, list(range(4)), workers=2, backend="processes")
    """
)


def _children(pid: int) -> set[int]:
    """Every live descendant of ``pid``."""
    parents = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(d.name)] = int(fields[1])
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        out |= kids
        todo.extend(kids)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_no_worker_outlives_a_killed_run(tmp_path, sig):
    # before: kill -9 left the fork server, the workers and the resource tracker alive
    script = tmp_path / "run.py"
    script.write_text(SCRIPT)
    marks = tmp_path / "pids"
    marks.mkdir()
    proc = subprocess.Popen(
        [sys.executable, str(script), str(marks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(list(marks.iterdir())) < 2:
            assert time.monotonic() < deadline, "the workers never started"
            assert proc.poll() is None, "the run ended early"
            time.sleep(0.1)
        kids = _children(proc.pid)
        assert {int(p.name) for p in marks.iterdir()} <= kids
        proc.send_signal(sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while any(map(_alive, kids)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [k for k in kids if _alive(k)] == []
        # nothing holds the caller's stdout pipe open: reading it ends
        assert proc.stdout.read() == b""
    finally:
        proc.kill()
        proc.wait()
        for k in _children(proc.pid):
            os.kill(k, signal.SIGKILL)


def _boom(part):
    raise ValueError(part)


def test_serial_runs_change_no_process_wide_state():
    gc_before = gc.get_threshold()
    env_before = {k: os.environ.get(k) for k in _ONE_THREAD}
    assert map_parts(len, ["ab", "c"], backend="serial") == [2, 1]
    with pytest.raises(ValueError):
        map_parts(_boom, [1], backend="serial")
    assert gc.get_threshold() == gc_before
    assert {k: os.environ.get(k) for k in _ONE_THREAD} == env_before


def _threshold(part):
    return gc.get_threshold()[0], os.environ.get("OMP_NUM_THREADS")


def test_worker_settings_stay_in_the_workers():
    env_before = {k: os.environ.get(k) for k in _ONE_THREAD}
    got = map_parts(_threshold, [1, 2], workers=2, backend="processes")
    assert got == [(50_000, "1"), (50_000, "1")]
    assert {k: os.environ.get(k) for k in _ONE_THREAD} == env_before
