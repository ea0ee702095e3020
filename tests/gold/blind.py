"""The blind fact gold: sentences picked by a fixed random seed in three corpora, scored.

Plain module (no pytest), used by ``tests/test_fact_blind.py`` and runnable alone
(``python -m tests.gold.blind``) to print the table. See ``tests/gold/README.md``.

``facts_blind_sentences.jsonl`` lists the sentences (``sid, split, corpus, file, year``
and the ``text``; earnings-call sentences are test data only, so they are stored as
``start, end`` offsets into their file and read at run time from
``../shared/corpora/earnings-calls``). ``facts_blind_gold.csv`` has one row per fact:
``sid, start, end`` (offsets in the sentence), ``value, low, high, unit, qualifier,
direction, period_start, period_end, period_assumed``.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

from .score import one_to_one

HERE = Path(__file__).resolve().parent
SENTENCES = HERE / "facts_blind_sentences.jsonl"
GOLD = HERE / "facts_blind_gold.csv"
EARNINGS = HERE.parents[1].parent / "shared" / "corpora" / "earnings-calls"


def _f(s: str) -> float:
    return float(s) if s.strip() else math.nan


def sentences(earnings: Path = EARNINGS) -> dict[str, dict]:
    """sid -> sentence record with its ``text`` (earnings-call sentences only when
    ``earnings`` holds the corpus)."""
    out = {}
    cache: dict[str, str] = {}
    for line in SENTENCES.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if "text" not in r:
            path = earnings / r["file"]
            if not path.is_file():
                continue
            if r["file"] not in cache:
                cache[r["file"]] = path.read_text(encoding="utf-8")
            r["text"] = cache[r["file"]][r["start"] : r["end"]]
        out[r["sid"]] = r
    return out


def gold(sids) -> list[dict]:
    """The gold facts of the sentences ``sids``."""
    rows = []
    with GOLD.open(encoding="utf-8", newline="") as fh:
        for g in csv.DictReader(fh):
            if g["sid"] not in sids:
                continue
            rows.append(
                {
                    "sid": g["sid"],
                    "start": int(g["start"]),
                    "end": int(g["end"]),
                    "value": _f(g["value"]),
                    "low": _f(g["low"]),
                    "high": _f(g["high"]),
                    "unit": g["unit"],
                    "qualifier": g["qualifier"],
                    "direction": g["direction"],
                    "period": (int(g["period_start"]), int(g["period_end"])),
                }
            )
    return rows


def _same(a, b) -> bool:
    a = math.nan if a is None else float(a)
    b = math.nan if b is None else float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _text(x) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else str(x)


def predict(sents: dict[str, dict], read) -> list[dict]:
    """``read(text, year)`` -> fact dicts (``facts_of_sentence``'s keys) for each sentence."""
    out = []
    for sid, r in sents.items():
        for f in read(r["text"], int(r["year"])):
            out.append({**f, "sid": sid})
    return out


def match(pred: list[dict], gold_rows: list[dict]) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs of the same sentence whose spans overlap, largest
    overlap first, each used once."""
    pairs = []
    for gi, g in enumerate(gold_rows):
        for pi, p in enumerate(pred):
            if p["sid"] == g["sid"]:
                ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if ov > 0:
                    pairs.append((-ov, pi, gi))
    return one_to_one(pairs)


def right(p: dict, g: dict) -> bool:
    """Value (with its sign), interval, unit and qualifier all right."""
    return (
        _same(p["value"], g["value"])
        and _same(p["low"], g["low"])
        and _same(p["high"], g["high"])
        and _text(p.get("unit")) == g["unit"]
        and _text(p.get("qualifier")).lower() == g["qualifier"]
    )


def score(pred: list[dict], gold_rows: list[dict]) -> dict:
    """``precision, recall`` (spans), ``full_precision, full_recall`` (value + unit +
    qualifier + sign right), accuracies on matched pairs, and the wrong pairs."""
    pairs = match(pred, gold_rows)
    tp = len(pairs)
    ok = [right(pred[pi], gold_rows[gi]) for pi, gi in pairs]
    per = [
        (pred[pi]["period_start"], pred[pi]["period_end"]) == gold_rows[gi]["period"]
        for pi, gi in pairs
    ]
    dirs = [_text(pred[pi].get("direction")) == gold_rows[gi]["direction"] for pi, gi in pairs]
    n_pred, n_gold = len(pred), len(gold_rows)
    matched_g = {gi for _, gi in pairs}
    matched_p = {pi for pi, _ in pairs}
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "precision": tp / n_pred if n_pred else 0.0,
        "recall": tp / n_gold if n_gold else 0.0,
        "full_precision": sum(ok) / n_pred if n_pred else 0.0,
        "full_recall": sum(ok) / n_gold if n_gold else 0.0,
        "period_accuracy": sum(per) / tp if tp else 0.0,
        "direction_accuracy": sum(dirs) / tp if tp else 0.0,
        "pairs": [(pred[pi], gold_rows[gi]) for pi, gi in pairs],
        "wrong": [
            (pred[pi], gold_rows[gi]) for (pi, gi), k in zip(pairs, ok, strict=True) if not k
        ],
        "missed": [g for gi, g in enumerate(gold_rows) if gi not in matched_g],
        "extra": [p for pi, p in enumerate(pred) if pi not in matched_p],
    }


_FRACTION = ("half", "third", "quarter", "fourth", "fifth", "/", "½", "¼", "¾")


def family_accuracy(scored: dict, sents: dict) -> dict[str, float]:
    """Share of the gold facts of two families that are matched and right: ``negatives``
    (a negative value or bound in the gold) and ``fractions`` (a fraction written in the
    fact's text)."""
    right_ids = {id(g) for p, g in scored["pairs"] if right(p, g)}
    out = {}
    for name, test in (
        ("negatives", lambda g, t: min(g["value"], g["low"], g["high"]) < 0),
        ("fractions", lambda g, t: any(w in t.lower() for w in _FRACTION)),
    ):
        gold_rows = [
            g
            for g in [*(g for _, g in scored["pairs"]), *scored["missed"]]
            if test(g, sents[g["sid"]]["text"][g["start"] : g["end"]])
        ]
        out[name] = (
            sum(id(g) in right_ids for g in gold_rows) / len(gold_rows) if gold_rows else 1.0
        )
        out[f"n_{name}"] = len(gold_rows)
    return out


def run(split: str | None = None, families: bool = False) -> dict:
    """Score :func:`trendkz.facts.extract.facts_of_sentence` on the blind gold (one split or all)."""
    from trendkz.facts.extract import facts_of_sentence

    sents = sentences()
    sents = {
        k: v
        for k, v in sents.items()
        if (split is None or v["split"] == split) and (v.get("part") == "families") == families
    }
    out = score(predict(sents, facts_of_sentence), gold(set(sents)))
    out.update(family_accuracy(out, sents))
    return out


if __name__ == "__main__":  # pragma: no cover
    import sys

    for split in ("dev", "heldout"):
        for fam in (False, True):
            s = run(split, fam)
            figures = {k: round(v, 3) if isinstance(v, float) else v for k, v in s.items()}
            print(
                split, "families" if fam else "random", {k: figures[k] for k in list(figures)[:8]}
            )
            if "-p" in sys.argv:
                pairs = match_pairs = s["pairs"]
                for p, g in match_pairs:
                    got = (p["period_start"], p["period_end"])
                    if got != g["period"]:
                        print("  PERIOD", p["sid"], p["text"], got, "| gold", g["period"])
            if "-v" in sys.argv:
                for p, g in s["wrong"]:
                    print(
                        "  WRONG",
                        p["text"],
                        p["value"],
                        p["low"],
                        p["high"],
                        p["unit"],
                        p["qualifier"],
                        "| gold",
                        g,
                    )
                for g in s["missed"]:
                    print("  MISSED", g)
                for p in s["extra"]:
                    print("  EXTRA", p["sid"], p["text"], p["fact_kind"])
