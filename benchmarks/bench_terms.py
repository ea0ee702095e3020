"""Benchmark: ``trendkz.count_terms`` over the whole State HRR corpus, against the loops a
user would write by hand, in the same process.

Input: the sections of all 1,748 HRR reports (118 MB of text), read from the cached
``/tmp/hrr_sections.pkl`` when present, else loaded and split (that time is reported
apart). Lexicon: the built-in counter-terrorism one (14 terms).

- ``count_terms(by="doc")`` and ``by="section"``: leftmost-longest hits, quote and hedge
  flags, the full frame with zero rows.
- baseline ``str.count``: per section, ``text.lower().count(form)`` for every word form of
  every term (what a quick script does). Counts substrings, so "extremist" is counted
  again inside "extremists", "terrorism" inside "counterterrorism" and "extremism" inside
  "violent extremism".
- baseline ``re.findall``: one whole-word, case-insensitive regex per term (the lexicon's
  own patterns), ``findall`` per section and term. Still counts "violent extremism" again
  as "extremism" and "counter-terrorism" again as "terrorism".

Neither baseline knows about quotation marks or hedges. Reported: median wall time, the
ratio baseline/ours, and total hits per term, to show what double counting adds.

    python benchmarks/bench_terms.py [--repeat N]

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import HRR, machine, table  # noqa: E402

import trendkz  # noqa: E402
from trendkz.terms.counts import count_terms  # noqa: E402
from trendkz.terms.lexicon import Lexicon, compile_pattern  # noqa: E402

CACHE = Path("/tmp/hrr_sections.pkl")

#: the word forms a user would list for each built-in term (for the str.count baseline)
FORMS = {
    "violent extremism": ["violent extremism", "violent extremist", "violent extremists"],
    "extremism": ["extremism", "extremist", "extremists"],
    "radicalization": ["radicalization", "radicalisation", "radicalized", "radicalism"],
    "deradicalization": ["deradicalization", "de-radicalization", "deradicalisation"],
    "terrorism": ["terrorism", "terrorist", "terrorists"],
    "counterterrorism": [
        "counterterrorism",
        "counter-terrorism",
        "antiterrorism",
        "anti-terrorism",
    ],
    "terrorist financing": ["terrorist financing", "terrorism financing", "financing of terrorism"],
    "foreign terrorist fighters": ["foreign terrorist fighters", "foreign fighters"],
    "repatriation": ["repatriation", "repatriated", "repatriate"],
    "rehabilitation": ["rehabilitation", "rehabilitate"],
    "reintegration": ["reintegration", "reintegrate"],
    "CVE": ["cve"],
    "jihadism": ["jihad", "jihadist", "jihadists"],
    "islamism": ["islamist", "islamists", "islamism"],
}


def load_sections() -> tuple[pd.DataFrame, str]:
    if CACHE.is_file():
        return pd.read_pickle(CACHE), f"read from {CACHE}"
    t = time.perf_counter()
    corpus = trendkz.load_corpus(HRR)
    sections = trendkz.split_sections(corpus)
    return sections, f"loaded and split in {time.perf_counter() - t:.1f} s"


def naive_count(sections: pd.DataFrame) -> Counter:
    totals: Counter = Counter()
    for text in sections["text"]:
        low = text.lower()
        for term, forms in FORMS.items():
            totals[term] += sum(low.count(f) for f in forms)
    return totals


def naive_regex(sections: pd.DataFrame, lexicon: Lexicon) -> Counter:
    regexes = {
        t: re.compile(
            r"\b(?:" + "|".join(compile_pattern(p) for p in lexicon.patterns(t)) + r")\b",
            re.IGNORECASE,
        )
        for t in lexicon.terms
    }
    totals: Counter = Counter()
    for text in sections["text"]:
        for term, rx in regexes.items():
            totals[term] += len(rx.findall(text))
    return totals


def timed(fn, repeat: int):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def main(repeat: int = 3) -> str:
    if not CACHE.is_file() and not (HRR / "manifest.csv").is_file():
        return "### count_terms over HRR\n\n(skipped: ../shared/corpora/state-hrr absent)\n"
    sections, how = load_sections()
    lex = Lexicon.builtin()
    mb = sections["text"].str.len().sum() / 1e6
    t_doc, by_doc = timed(lambda: count_terms(sections, lex), repeat)
    t_sec, by_sec = timed(lambda: count_terms(sections, lex, by="section"), repeat)
    t_cnt, naive = timed(lambda: naive_count(sections), repeat)
    t_rx, rx = timed(lambda: naive_regex(sections, lex), repeat)
    ours = by_doc.groupby("term")["count"].sum()
    rows = [
        {
            "method": "count_terms(by='doc')",
            "seconds": t_doc,
            "baseline/ours": 1.0,
            "rows": len(by_doc),
            "MB/s": mb / t_doc,
        },
        {
            "method": "count_terms(by='section')",
            "seconds": t_sec,
            "baseline/ours": t_sec / t_doc,
            "rows": len(by_sec),
            "MB/s": mb / t_sec,
        },
        {
            "method": "baseline: str.count per form",
            "seconds": t_cnt,
            "baseline/ours": t_cnt / t_doc,
            "rows": "-",
            "MB/s": mb / t_cnt,
        },
        {
            "method": "baseline: re.findall per term",
            "seconds": t_rx,
            "baseline/ours": t_rx / t_doc,
            "rows": "-",
            "MB/s": mb / t_rx,
        },
    ]
    hits = [
        {
            "term": t,
            "count_terms": int(ours.get(t, 0)),
            "quoted": int(by_doc.loc[by_doc.term == t, "quoted"].sum()),
            "hedged": int(by_doc.loc[by_doc.term == t, "hedged"].sum()),
            "str.count": naive[t],
            "re.findall": rx[t],
        }
        for t in lex.terms
    ]
    head = (
        f"{sections['doc_id'].nunique():,} documents, {len(sections):,} sections, "
        f"{mb:.1f} MB of text ({how}); median of {repeat} runs.\n\n"
    )
    return (
        table(rows, "count_terms over the whole HRR corpus")
        + "\n"
        + head
        + table(hits, "Hits per term: ours (leftmost-longest) vs the baselines")
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"Machine: {machine()}\n")
    print(main(args.repeat))
