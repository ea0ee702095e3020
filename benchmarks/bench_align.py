"""Benchmark: aligning nine years of five countries (State Dept human-rights reports).

The 45 reports of ``manifest_central_asia.csv`` (Kazakhstan, Kyrgyz Republic, Tajikistan,
Turkmenistan, Uzbekistan, 2016-2024). Per country: ``split_sections``,
``align_sections`` and ``align_sentences`` (median wall time of ``--repeat`` runs), the
number of groups, how many of 2024's sections continue a group of 2016-2023 (2024 has a
new outline), and the sentence statuses. Then all five countries in one call, and a
baseline for the sentence similarity matrices: ``difflib.SequenceMatcher.ratio`` against
``rapidfuzz.process.cdist`` on the same sentence pairs (Kazakhstan 2022 -> 2023, every
group).

    python benchmarks/bench_align.py [--repeat N]

Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import HRR, machine, median_time, table  # noqa: E402


def _sentence_pairs(sections, alignment, years=(2022, 2023)):
    from trendkz.align.sections import group_texts
    from trendkz.segment.sentences import sentence_spans

    texts = group_texts(sections, alignment)
    texts = texts[texts["year"].isin(years)]
    out = []
    for _, part in texts.groupby("group"):
        sides = []
        for y in years:
            t = part.loc[part["year"] == y, "text"]
            t = t.iloc[0] if len(t) else ""
            sides.append([t[a:b] for a, b in sentence_spans(t)])
        if sides[0] and sides[1]:
            out.append(sides)
    return out


def _baseline(pairs) -> dict:
    from rapidfuzz import fuzz, process

    t = time.perf_counter()
    for a, b in pairs:
        process.cdist(a, b, scorer=fuzz.ratio, workers=1)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    for a, b in pairs:
        for x in a:
            for y in b:
                difflib.SequenceMatcher(None, x, y).ratio()
    base = time.perf_counter() - t
    cells = sum(len(a) * len(b) for a, b in pairs)
    return {
        "sentence pairs scored": cells,
        "rapidfuzz cdist s": ours,
        "difflib ratio s": base,
        "difflib / cdist": base / ours if ours else float("nan"),
    }


def main(repeat: int = 3) -> str:
    import trendkz
    from trendkz.align.sections import align_sections
    from trendkz.align.sentences import align_sentences

    if not (HRR / "manifest_central_asia.csv").is_file():
        return "### align\n\n(skipped: ../shared/corpora/state-hrr is absent)\n"
    corpus = trendkz.load_corpus(HRR, manifest=HRR / "manifest_central_asia.csv")
    rows, every = [], {}
    for entity in sorted({d.entity for d in corpus}):
        sub = corpus.subset([d.doc_id for d in corpus if d.entity == entity])
        t_split, sections = median_time(lambda s=sub: trendkz.split_sections(s), repeat)
        t_align, al = median_time(lambda s=sections: align_sections(s), repeat)
        t_sent, sent = median_time(lambda s=sections, a=al: align_sentences(s, a), repeat)
        matched = al[al["status"] == "matched"]
        older = set(matched.loc[matched["year"] < 2024, "group"])
        y24 = matched[matched["year"] == 2024]
        counts = sent["status"].value_counts()
        rows.append(
            {
                "entity": entity,
                "docs": len(sub),
                "sections": len(sections),
                "words": int(sections["n_words"].sum()),
                "split s": t_split,
                "align_sections s": t_align,
                "align_sentences s": t_sent,
                "groups": al["group"].nunique(),
                "2024 continuing": f"{int(y24['group'].isin(older).sum())}/{len(y24)}",
                **{
                    k: int(counts.get(k, 0))
                    for k in ("same", "changed", "moved", "added", "removed")
                },
            }
        )
        every[entity] = (sections, al)
    import pandas as pd

    allsec = pd.concat([s for s, _ in every.values()], ignore_index=True)
    t_all, al_all = median_time(lambda: align_sections(allsec), repeat)
    t_all_sent, _ = median_time(lambda: align_sentences(allsec, al_all), repeat)
    total = [
        {
            "reports": len(corpus),
            "sections": len(allsec),
            "words": int(allsec["n_words"].sum()),
            "align_sections s": t_all,
            "align_sentences s": t_all_sent,
            "groups": al_all["group"].nunique(),
        }
    ]
    base = [_baseline(_sentence_pairs(*every["Kazakhstan"]))]
    return "\n".join(
        [
            table(rows, "align: per country, nine years (State HRR 2016-2024)"),
            table(total, "align: all five countries in one call"),
            table(base, "align: sentence similarity, Kazakhstan 2022 -> 2023, every group"),
        ]
    )


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    args = p.parse_args()
    print(f"Machine: {machine()}\n")
    print(main(args.repeat))
