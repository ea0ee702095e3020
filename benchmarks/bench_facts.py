"""Facts: ``trendkz.extract_facts`` vs quantulum3 on the same sentences, speed and quality.

Speed: both read the same sentences one at a time (the seed corpus and the labelled
human-rights-report sections, plus a fixed sample of 2,000 HRR sentences when
``../shared`` is present); median of 3 runs, reported per sentence. quantulum3 runs without
its optional scikit-learn unit classifier (``pip install quantulum3``).

Quality: both are scored on the hand-labelled gold of ``tests/gold`` (see its README):
a prediction matches a gold fact when their spans overlap. quantulum3 has no qualifiers,
periods or measures; its ``uncertainty`` is taken as the interval (``value ± uncertainty``)
so its ranges are scored fairly.
"""

from __future__ import annotations

import math
import random
import sys
import warnings

import pandas as pd
from _common import HRR, ROOT, median_time, table

import trendkz
from trendkz.facts.extract import extract_facts, facts_of_sentence
from trendkz.segment.sentences import sentence_spans

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import score  # noqa: E402  (the gold and its scorer live with the tests)


def _gold_sentences(sections: pd.DataFrame) -> list[tuple[str, int, int, str]]:
    """(doc_id, year, offset into the body, sentence) of every labelled section."""
    out = []
    for r in sections.itertuples(index=False):
        for a, b in sentence_spans(r.text):
            out.append((r.doc_id, int(r.year), int(r.start) + a, r.text[a:b]))
    return out


def _hrr_sample(n: int = 2000) -> list[tuple[str, int, int, str]]:
    if not (HRR / "manifest.csv").is_file():
        return []
    corpus = trendkz.load_corpus(HRR)
    rng = random.Random(5)
    docs = sorted(rng.sample([d.doc_id for d in corpus], 60))
    sents = []
    for d in docs:
        doc = corpus[d]
        sents += [(d, doc.year, a, doc.body[a:b]) for a, b in sentence_spans(doc.body)]
    return sorted(rng.sample(sents, min(n, len(sents))), key=lambda s: (s[0], s[2]))


def _ours(sentences) -> pd.DataFrame:
    rows = []
    for doc, year, off, s in sentences:
        for f in facts_of_sentence(s, year):
            rows.append({**f, "doc_id": doc, "start": f["start"] + off, "end": f["end"] + off})
    return pd.DataFrame(rows)


def _quantulum(parser, sentences) -> pd.DataFrame:
    rows = []
    for doc, _, off, s in sentences:
        for q in parser.parse(s):
            u = q.uncertainty or 0.0
            rows.append(
                {
                    "doc_id": doc,
                    "start": off + q.span[0],
                    "end": off + q.span[1],
                    "value": q.value,
                    "low": q.value - u,
                    "high": q.value + u,
                    "qualifier": "",
                    "unit": q.unit.name,
                }
            )
    return pd.DataFrame(
        rows, columns=["doc_id", "start", "end", "value", "low", "high", "qualifier", "unit"]
    )


def _quality_rows(name: str, pred: pd.DataFrame, gold: pd.DataFrame) -> list[dict]:
    rows = []
    for part, g in (("all", gold), ("held-out", gold[gold["split"] == "heldout"])):
        s = score.score(pred, g.reset_index(drop=True))
        rows.append(
            {
                "extractor": name,
                "gold": f"{part} ({s['gold']})",
                "precision": s["precision"],
                "recall": s["recall"],
                "F1": s["f1"],
                "value acc.": s["value_accuracy"],
                "qualifier acc.": s["qualifier_accuracy"],
                "qualified facts acc.": s["qualified_accuracy"],
                "period acc.": s["period_accuracy"] if "period_start" in pred else math.nan,
                "measure agr.": s["measure_agreement"] if "measure" in pred else math.nan,
            }
        )
    return rows


def main() -> str:
    seeds = trendkz.split_sections(trendkz.datasets.kazakhstan())
    gold = score.load_gold(seeds)
    labelled = pd.concat([seeds, score.hrr_sections()], ignore_index=True)
    gold_sents = _gold_sentences(labelled)
    sample = _hrr_sample()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from quantulum3 import parser

            parser.parse("warm up: 5 km and $3 million")  # loads its unit tables
        except ImportError:
            parser = None
    speed = []
    for label, sents in (("labelled sentences", gold_sents), ("HRR sample", sample)):
        if not sents:
            continue
        t_ours, _ = median_time(lambda s=sents: _ours(s), repeat=3)
        row = {
            "sentences": f"{label} ({len(sents)})",
            "trendkz ms/sentence": 1000 * t_ours / len(sents),
        }
        if parser is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                t_q, _ = median_time(lambda s=sents: _quantulum(parser, s), repeat=3)
            row["quantulum3 ms/sentence"] = 1000 * t_q / len(sents)
            row["ratio"] = t_q / t_ours
        speed.append(row)
    quality = _quality_rows("trendkz.extract_facts", extract_facts(labelled), gold)
    if parser is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred = _quantulum(parser, gold_sents)
        quality += _quality_rows("quantulum3", pred, gold)
    return (
        table(speed, "Facts: speed per sentence (ratio = times slower than trendkz)")
        + "\n"
        + table(quality, "Facts: quality on the hand-labelled gold (tests/gold)")
    )


if __name__ == "__main__":
    print(main())
