"""Load the hand-labelled fact gold and score extracted facts against it.

Plain module (no pytest) so that ``benchmarks/bench_facts.py`` can use it too.

A predicted fact matches a gold fact of the same document when their character spans
overlap (each used once, largest overlap first). On the matched pairs we compare the value,
the qualifier (words and the interval ``low``/``high``), the period and the measure.
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

HERE = Path(__file__).resolve().parent
GOLD = HERE / "facts_gold.csv"
HRR_SECTIONS = HERE / "hrr_sections.jsonl"
SEED_DOCS = (
    "kazakhstan-2009",
    "kazakhstan-2012",
    "kazakhstan-2017",
    "kazakhstan-2022",
    "kazakhstan-2019",
)


def hrr_sections() -> pd.DataFrame:
    """The HRR sections the gold covers (a sections frame, offsets into each report body)."""
    rows = [json.loads(line) for line in HRR_SECTIONS.read_text(encoding="utf-8").splitlines()]
    df = pd.DataFrame(rows)
    df["doc_id"] = df["doc_id"] + "-hrr"  # apart from the seed documents' ids
    df["section_id"] = df["section_id"].str.replace("/", "-hrr/", n=1, regex=False)
    return df


def texts(seed_sections: pd.DataFrame) -> dict[str, list[tuple[int, str]]]:
    """doc_id -> [(start, text)] of the labelled text (whole seed docs, chosen HRR sections)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for frame in (seed_sections, hrr_sections()):
        for r in frame.itertuples(index=False):
            out.setdefault(r.doc_id, []).append((int(r.start), r.text))
    return out


def _f(s: str) -> float:
    return float(s) if s.strip() else math.nan


def load_gold(seed_sections: pd.DataFrame) -> pd.DataFrame:
    """The gold facts with ``start``/``end`` resolved from their anchors (checked unique)."""
    docs = texts(seed_sections)
    rows = []
    with GOLD.open(encoding="utf-8", newline="") as fh:
        for n, g in enumerate(csv.DictReader(fh), start=2):
            hits = [
                (s0 + t.find(g["anchor"]), t) for s0, t in docs[g["doc_id"]] if g["anchor"] in t
            ]
            count = sum(t.count(g["anchor"]) for _, t in docs[g["doc_id"]])
            if count != 1:
                raise AssertionError(
                    f"{GOLD.name}:{n}: anchor {g['anchor']!r} occurs {count} times in {g['doc_id']}"
                )
            a = hits[0][0]
            k = g["anchor"].rfind(g["text"])
            if k < 0:
                raise AssertionError(f"{GOLD.name}:{n}: {g['text']!r} not in its anchor")
            rows.append(
                {
                    "split": g["split"],
                    "doc_id": g["doc_id"],
                    "start": a + k,
                    "end": a + k + len(g["text"]),
                    "text": g["text"],
                    "anchor": g["anchor"],
                    "value": _f(g["value"]),
                    "low": _f(g["low"]),
                    "high": _f(g["high"]),
                    "unit": g["unit"],
                    "qualifier": g["qualifier"].strip().lower(),
                    "period_start": int(g["period_start"]),
                    "period_end": int(g["period_end"]),
                    "period_assumed": g["period_assumed"] == "True",
                    "measure": g["measure"].strip(),
                }
            )
    return pd.DataFrame(rows)


def _same(a: float, b: float) -> bool:
    if pd.isna(a) or pd.isna(b):
        return bool(pd.isna(a) and pd.isna(b))
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def one_to_one(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """``(pred index, gold index)`` from ``(-overlap, pred index, gold index)`` candidates:
    largest overlap first (ties by index), each index used once."""
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in sorted(pairs):
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            out.append((pi, gi))
    return out


def match(pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """(pred index, gold index) pairs whose spans overlap, largest overlap first."""
    pairs = []
    for doc, g in gold.groupby("doc_id"):
        p = pred[pred["doc_id"] == doc]
        for gi, gr in g.iterrows():
            for pi, pr in p.iterrows():
                ov = min(gr["end"], pr["end"]) - max(gr["start"], pr["start"])
                if ov > 0:
                    pairs.append((-ov, pi, gi))
    return one_to_one(pairs)


def score(pred: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Precision, recall, F1 and accuracies on the matched pairs.

    ``pred`` needs ``doc_id, start, end, value``; ``low, high, qualifier, period_start,
    period_end, measure`` are scored when present (absent: counted as wrong, except that an
    exact unqualified gold fact is right when the value matches).
    """
    pred = pred[pred["doc_id"].isin(set(gold["doc_id"]))].reset_index(drop=True)
    pairs = match(pred, gold)
    tp = len(pairs)
    out = {
        "gold": len(gold),
        "predicted": len(pred),
        "matched": tp,
        "precision": tp / len(pred) if len(pred) else 0.0,
        "recall": tp / len(gold) if len(gold) else 0.0,
    }
    out["f1"] = (
        2 * out["precision"] * out["recall"] / (out["precision"] + out["recall"]) if tp else 0.0
    )
    val = qual = qual_n = qual_ok = per = meas = meas_n = 0
    for pi, gi in pairs:
        p, g = pred.loc[pi], gold.loc[gi]
        val += _same(p["value"], g["value"])
        pq = (
            str(p.get("qualifier", "") or "").strip().lower()
            if pd.notna(p.get("qualifier", None))
            else ""
        )
        lo, hi = p.get("low", p["value"]), p.get("high", p["value"])
        ok = pq == g["qualifier"] and _same(lo, g["low"]) and _same(hi, g["high"])
        qual += ok
        if g["qualifier"] or pd.isna(g["value"]):
            qual_n += 1
            qual_ok += ok
        if "period_start" in p and pd.notna(p["period_start"]):
            per += (int(p["period_start"]), int(p["period_end"])) == (
                g["period_start"],
                g["period_end"],
            )
        if g["measure"]:
            meas_n += 1
            pm = p.get("measure", None)
            pm = "" if pm is None or pd.isna(pm) else str(pm)
            meas += fuzz.token_sort_ratio(pm, g["measure"]) >= 80
    out.update(
        {
            "value_accuracy": val / tp if tp else 0.0,
            "qualifier_accuracy": qual / tp if tp else 0.0,
            "qualified_accuracy": qual_ok / qual_n if qual_n else 0.0,
            "n_qualified": qual_n,
            "period_accuracy": per / tp if tp else 0.0,
            "measure_agreement": meas / meas_n if meas_n else 0.0,
        }
    )
    return out
