"""Sentence scorers side by side, inside align_sentences, on the sentence-pair gold.

tests/gold/sentence_pairs.csv holds pairs of sentences of two consecutive documents,
labelled by reading: ``reworded`` (the same statement, changed: align_sentences should pair
them) and ``lookalike`` (close words, another statement: it should not). For each scorer,
with its thresholds (trendkz.align.sentences.thresholds), align_sentences runs on each pair
of documents and a gold pair counts as paired when a row has its two sentences as
``text_from``/``text_to`` (same, changed or moved). Also: how well the scorer's own value
tells the two labels apart (AUC), and the time of align_sentences on a whole HRR year.

    python benchmarks/bench_scorers.py table [dev|unseen|all]   # pairs found, false pairs, AUC
    python benchmarks/bench_scorers.py sweep [SCORER]           # thresholds chosen on dev
    python benchmarks/bench_scorers.py time [YEAR]              # a whole HRR year (all countries)
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd
from _common import HRR, ROOT
from rapidfuzz import fuzz

import trendkz
from trendkz.align.scores import scorer_matrix
from trendkz.align.sentences import thresholds

CORPORA = ROOT.parent / "shared" / "corpora"
GOLD = ROOT / "tests" / "gold" / "sentence_pairs.csv"
PAIRED = {"same", "changed", "moved"}


def scorers() -> dict[str, object]:
    out: dict[str, object] = {
        "ratio": fuzz.ratio,
        "token_set_ratio": fuzz.token_set_ratio,
        "TfidfCosine": trendkz.TfidfCosine(),
    }
    try:  # optional: word embeddings (benchmarks/embed_scorer.py)
        from embed_scorer import EmbedCosine

        out["wordllama"] = EmbedCosine()
    except ImportError:
        pass
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def gold(split: str) -> pd.DataFrame:
    g = pd.read_csv(GOLD)
    if split != "all":
        g = g[g["split"] == split]
    raw: dict[str, str] = {}
    for col in ("from", "to"):
        texts = []
        for corpus, file, a, b in zip(
            g["corpus"], g[f"file_{col}"], g[f"start_{col}"], g[f"end_{col}"], strict=True
        ):
            key = f"{corpus}/{file}"
            if key not in raw:
                raw[key] = (CORPORA / key).read_text(encoding="utf-8")
            texts.append(_norm(raw[key][a:b]))
        g[f"text_{col}"] = texts
    return g.reset_index(drop=True)


def load_pair(corpus: str, file_from: str, file_to: str):
    """Sections and alignment of the two documents, as the library makes them."""
    folder = CORPORA / corpus
    manifest = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    docs = trendkz.load_corpus(
        folder, manifest=manifest[manifest["file"].isin([file_from, file_to])]
    )
    sections = trendkz.split_sections(docs)
    return sections, trendkz.align_sections(sections)


def paired(sentences: pd.DataFrame) -> set[tuple[str, str]]:
    s = sentences[sentences["status"].isin(PAIRED)]
    return {(_norm(a), _norm(b)) for a, b in zip(s["text_from"], s["text_to"], strict=True)}


def run(g: pd.DataFrame, scorer, cache: dict, **kw) -> np.ndarray:
    """Whether align_sentences pairs each gold pair."""
    found = np.zeros(len(g), dtype=bool)
    for (corpus, fa, fb), rows in g.groupby(["corpus", "file_from", "file_to"]).groups.items():
        if (corpus, fa, fb) not in cache:
            cache[(corpus, fa, fb)] = load_pair(corpus, fa, fb)
        sections, alignment = cache[(corpus, fa, fb)]
        got = paired(trendkz.align_sentences(sections, alignment, scorer=scorer, **kw))
        for r in rows:
            found[r] = (g.at[r, "text_from"], g.at[r, "text_to"]) in got
    return found


def pair_scores(g: pd.DataFrame, scorer, cache: dict) -> np.ndarray:
    """The scorer's own similarity of each gold pair (TF-IDF: idf over the two documents)."""
    out = np.zeros(len(g))
    for (corpus, fa, fb), rows in g.groupby(["corpus", "file_from", "file_to"]).groups.items():
        s = scorer
        if hasattr(scorer, "documents"):
            sections, _ = cache[(corpus, fa, fb)]
            from trendkz.segment.sentences import sentence_texts

            text = {
                d: [
                    x
                    for t in sections.loc[sections["doc_id"] == d, "text"]
                    for x in sentence_texts(t)
                ]
                for d in sections["doc_id"].unique()
            }
            a, b = sorted(text)[:2]
            s = scorer.documents(text[a], text[b])
        for r in rows:
            out[r] = scorer_matrix([g.at[r, "text_from"]], [g.at[r, "text_to"]], s)[0, 0]
    return out


def auc(scores: np.ndarray, positive: np.ndarray) -> float:
    """Probability that a reworded pair scores above a look-alike (ties count half)."""
    p, n = scores[positive], scores[~positive]
    if not len(p) or not len(n):
        return float("nan")
    return float(
        ((p[:, None] > n[None, :]).sum() + 0.5 * (p[:, None] == n[None, :]).sum())
        / (len(p) * len(n))
    )


def table(split: str) -> None:
    g = gold(split)
    pos = (g["label"] == "reworded").to_numpy()
    cache: dict = {}
    print(f"split={split}: {pos.sum()} reworded, {(~pos).sum()} look-alikes\n")
    print("| scorer | min_similarity / min_moved | reworded paired | look-alikes paired | AUC |")
    print("|---|---|---|---|---|")
    for name, scorer in scorers().items():
        found = run(g, scorer, cache)
        a = auc(pair_scores(g, scorer, cache), pos)
        sim, moved = thresholds(scorer)
        print(
            f"| {name} | {sim:g} / {moved:g} | {found[pos].sum()} of {pos.sum()} | "
            f"{found[~pos].sum()} of {(~pos).sum()} | {a:.3f} |"
        )
        by = g.assign(found=found).groupby(["corpus", "label"])["found"].agg(["sum", "size"])
        print(
            "|  | "
            + "; ".join(f"{c} {lab}: {s}/{n}" for (c, lab), (s, n) in by.iterrows())
            + " | | | |"
        )


def sweep(only: str | None = None) -> None:
    """Thresholds per scorer, chosen on the dev pairs only: most reworded pairs paired
    minus look-alikes paired (ties: the higher threshold)."""
    g = gold("dev")
    pos = (g["label"] == "reworded").to_numpy()
    cache: dict = {}
    for name, scorer in scorers().items():
        if only and name != only:
            continue
        best = None
        for sim in np.round(np.arange(0.3, 0.95, 0.05), 2):
            found = run(g, scorer, cache, min_similarity=float(sim), min_moved=1.0)
            score = int(found[pos].sum()) - int(found[~pos].sum())
            print(f"{name} min_similarity={sim:.2f}: {found[pos].sum()} / {found[~pos].sum()}")
            if best is None or score >= best[0]:
                best = (score, float(sim))
        sim = best[1]
        best_m = None
        for moved in np.round(np.arange(max(sim, 0.6), 1.001, 0.05), 2):
            found = run(g, scorer, cache, min_similarity=sim, min_moved=float(moved))
            score = int(found[pos].sum()) - int(found[~pos].sum())
            print(f"{name} min_moved={moved:.2f}: {found[pos].sum()} / {found[~pos].sum()}")
            if best_m is None or score >= best_m[0]:
                best_m = (score, float(moved))
        print(f"== {name}: min_similarity={sim:.2f} min_moved={best_m[1]:.2f}\n")


def timing(year: int) -> None:
    manifest = pd.read_csv(HRR / "manifest.csv", dtype=str, keep_default_na=False)
    pick = manifest[manifest["year"].isin([str(year), str(year + 1)])]
    docs = trendkz.load_corpus(HRR, manifest=pick)
    sections = trendkz.split_sections(docs)
    alignment = trendkz.align_sections(sections)
    print(f"HRR {year} -> {year + 1}: {len(docs)} documents, {len(sections)} sections")
    # rounds interleaved (the machine is shared: each scorer meets the same load), min of 3
    best: dict[str, float] = {}
    counts: dict[str, dict] = {}
    for k in range(3):
        for name, scorer in scorers().items():
            if k and name in ("token_set_ratio", "wordllama"):
                continue  # slow: one round
            t = time.perf_counter()
            out = trendkz.align_sentences(sections, alignment, scorer=scorer)
            best[name] = min(best.get(name, np.inf), time.perf_counter() - t)
            counts[name] = out["status"].value_counts().sort_index().to_dict()
    for name in best:
        print(f"{name}: {best[name]:.1f} s; {counts[name]}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "table"
    if what == "table":
        table(sys.argv[2] if len(sys.argv) > 2 else "dev")
    elif what == "sweep":
        sweep(sys.argv[2] if len(sys.argv) > 2 else None)
    else:
        timing(int(sys.argv[2]) if len(sys.argv) > 2 else 2022)
