"""Benchmark: ``trendkz.keyness`` over a whole HRR year, and ``trendkz.digest`` on the
Central Asia reports.

Input: the sections of every HRR report of 2022 (target) and 2023 (reference), about 390
reports and 5 million words (loading and splitting timed apart). Measured:

- ``keyness(target=2023, reference=2022)``: words (``ngrams=1``) and words plus word
  pairs (``ngrams=(1, 2)``), quanteda-style tokens, stop words removed, G² and chi²;
- baseline: what a quick script does, ``re.findall`` of lower-cased words into two
  ``Counter``s and nothing else (no statistics);
- ``digest(comparison)`` on the 45 Central Asia reports (40 document pairs), the
  comparison itself timed apart.

    python benchmarks/bench_keyness.py [--repeat N]

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import HRR, machine, median_time, table  # noqa: E402

import trendkz  # noqa: E402

YEARS = ("2022", "2023")


def _year_sections():
    with open(HRR / "manifest.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    keep = [r for r in rows if r["year"] in YEARS]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(keep)
    corpus = trendkz.load_corpus(HRR, manifest=f.name)
    return corpus, trendkz.split_sections(corpus)


def _baseline(sections) -> tuple[Counter, Counter]:
    word = re.compile(r"\w+")
    out = []
    for year in (2023, 2022):
        c: Counter = Counter()
        for text in sections.loc[sections["year"] == year, "text"]:
            c.update(word.findall(text.lower()))
        out.append(c)
    return out[0], out[1]


def main(repeat: int = 3) -> str:
    if not (HRR / "manifest.csv").is_file():
        return "### keyness over an HRR year\n\n(skipped: ../shared/corpora/state-hrr absent)\n"
    t = time.perf_counter()
    corpus, sections = _year_sections()
    t_load = time.perf_counter() - t
    words = int(sections["n_words"].sum())
    t1, k1 = median_time(lambda: trendkz.keyness(sections, target=2023, reference=2022), repeat)
    t2, k2 = median_time(
        lambda: trendkz.keyness(sections, target=2023, reference=2022, ngrams=(1, 2)), repeat
    )
    tb, _ = median_time(lambda: _baseline(sections), repeat)
    rows = [
        {"what": "keyness, words", "seconds": t1, "terms": len(k1), "M words/s": words / t1 / 1e6},
        {
            "what": "keyness, words + pairs",
            "seconds": t2,
            "terms": len(k2),
            "M words/s": words / t2 / 1e6,
        },  # fmt: skip
        {
            "what": "baseline: re.findall + Counter",
            "seconds": tb,
            "terms": "-",
            "M words/s": words / tb / 1e6,
        },  # fmt: skip
    ]
    ca = trendkz.load_corpus(HRR, manifest=HRR / "manifest_central_asia.csv")
    t = time.perf_counter()
    comparison = trendkz.compare(ca)
    t_cmp = time.perf_counter() - t
    td, d = median_time(lambda: trendkz.digest(comparison), repeat)
    pairs = len(d.frame[["doc_from", "doc_to"]].drop_duplicates())
    rows.append(
        {
            "what": f"digest, Central Asia ({pairs} pairs)",
            "seconds": td,
            "terms": len(d),
            "M words/s": "-",
        }  # fmt: skip
    )
    note = (
        f"{machine()}; {len(corpus)} reports of {', '.join(YEARS)}, {words:,} words "
        f"(load and split {t_load:.1f} s, apart); Central Asia compare {t_cmp:.1f} s, apart; "
        f"median of {repeat}."
    )
    return table(rows, "keyness over an HRR year, digest on Central Asia") + "\n" + note + "\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    print(main(ap.parse_args().repeat))
