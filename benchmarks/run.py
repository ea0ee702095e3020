"""Run every benchmark and print their tables: ``python benchmarks/run.py [name ...]``.

Each ``bench_*.py`` module has a ``main() -> str`` that returns Markdown. Baselines
(difflib, a pure-Python loop, quantulum3, CollateX) run in the same process so ratios
compare like with like. Needs ``pip install -e ".[bench]"`` and ``../shared`` for the HRR
benchmarks. Not part of the test suite.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import machine  # noqa: E402


def main(names: list[str]) -> None:
    mods = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        mods = [m for m in mods if any(n in m for n in names)]
    print(f"# trendkz benchmarks\n\nMachine: {machine()}\n")
    for name in mods:
        mod = importlib.import_module(name)
        out = mod.main()  # some print their own tables and return None
        if out:
            print(out, flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
