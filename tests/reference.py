"""The plain reference implementations the property tests hold the fast code to.

Each function here is the slow, obvious definition of something trendkz computes quickly
(its docstring or its section names which); a property test asserts that the fast code
gives the same. Change a fast path freely as long as those tests pass; change a definition
here only together with its fast path.

They live with the tests, in one module, not in the package: they span several stages (a
stage's module may import neither a later stage nor a sibling family) and only the tests
run them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from trendkz._core import schema
from trendkz.facts import diff as factdiff
from trendkz.facts import pairs as factpairs
from trendkz.facts import periods as periods_module
from trendkz.facts.corroborate import corroboration_row
from trendkz.facts.extract import facts_of_sentence
from trendkz.facts.pairs import compare, overlaps, similarity
from trendkz.segment.sentences import _END, ABBREVIATIONS, _is_abbreviation, sentence_spans

# ---- segment: sentences (trendkz.segment.sentences)


def plain_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """The splitter as a plain regex scan (for ``sentence_spans``, which finds candidates
    with ``str.find``)."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if m.group() == "." and _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        seg = text[a:b]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append((offset + a + lead, offset + a + len(seg.rstrip())))
    return out


def plain_abbreviation(text: str, dot: int) -> bool:
    """The token before a dot as a regex finds it (for ``_is_abbreviation``)."""
    m = re.compile(r"(\S+)$").search(text, max(0, dot - 30), dot)
    if not m:
        return False
    token = m.group(1).lstrip("(\"'“‘[«").lower()
    return token in ABBREVIATIONS or (
        len(token) <= 5
        and (len(token) == 1 or "." in token)
        and bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", token))
    )


# ---- align: words, TF-IDF, matchings (trendkz.align.words, .sentences, .cosine)

_TOKEN = re.compile(r"[^\W\d_]{2,}")


def words(text: str) -> list[str]:
    """The content words of a text: runs of two or more letters, lower-cased."""
    return _TOKEN.findall(text.lower())


def word_codes(texts: list[str]) -> tuple[list[int], list[int]]:
    """Every word of every text as a number, words numbered from 0 in order of first
    appearance (flat), and how many words each text has."""
    number: dict[str, int] = {}
    per_text = [words(t) for t in texts]
    codes = [number.setdefault(w, len(number)) for ws in per_text for w in ws]
    return codes, [len(ws) for ws in per_text]


def subtree_counts(tokens: list[list[int]], parent: list[int]) -> list[Counter]:
    """Word counts of each row's subtree: ``Counter`` of its own tokens updated with the
    subtrees of its children, last row first (``parent[i]``: a row number or -1)."""
    counts = [Counter(t) for t in tokens]
    for i in range(len(parent) - 1, -1, -1):
        if parent[i] >= 0:
            counts[parent[i]].update(counts[i])
    return counts


def tfidf_cosines(counts: list[Counter]) -> np.ndarray:
    """Cosines of TF-IDF vectors of the rows' word counts: weights ``(1 + ln tf) * ln((n +
    1) / df)``, float32 normalized weights of words in two or more rows, float64 products,
    float32 result rounded to 6 decimals (0 for a row without words)."""
    n, vocab = len(counts), sorted({w for c in counts for w in c})
    tf = np.zeros((n, len(vocab)))
    column = {w: k for k, w in enumerate(vocab)}
    for i, c in enumerate(counts):
        for w, k in c.items():
            tf[i, column[w]] = k
    df = (tf > 0).sum(0)
    wt = np.where(tf > 0, 1 + np.log(np.where(tf > 0, tf, 1)), 0) * np.log((1 + n) / df)
    norms = np.sqrt((wt * wt).sum(1))
    m = (wt[:, df >= 2] / np.where(norms > 0, norms, 1)[:, None]).astype(np.float32)
    return np.round((m.astype(np.float64) @ m.T.astype(np.float64)).astype(np.float32), 6)


def best_total(sim: np.ndarray, threshold: float) -> float:
    """The largest total similarity of non-crossing pairs scoring at least ``threshold``,
    by trying every set of pairs (tiny matrices only)."""
    n, m = sim.shape
    cells = [(i, j) for i in range(n) for j in range(m) if sim[i, j] >= threshold]
    best = 0.0
    for k in range(len(cells) + 1):
        for combo in itertools.combinations(cells, k):
            if all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(combo)):
                best = max(best, float(sum(sim[c] for c in combo)))
    return best


def tfidf_sentence_cosines(
    a: list[str], b: list[str], doc_a: list[str], doc_b: list[str]
) -> np.ndarray:
    """Cosines of the TF-IDF vectors of sentences ``a`` x ``b``: tokens are runs of
    letters or digits, lower-cased; weights ``(1 + ln tf) * (ln((1 + n) / (1 + df)) + 1)``
    with ``n, df`` counted over the sentences ``doc_a + doc_b`` (a word of none of them:
    ``df = 0``); rounded to 6 decimals, 0 when a side has no word."""
    token = re.compile(r"[^\W_]+")
    corpus = [*doc_a, *doc_b]
    df = Counter(w for t in corpus for w in set(token.findall(t.lower())))
    n = len(corpus)

    def vector(text: str) -> dict[str, float]:
        tf = Counter(token.findall(text.lower()))
        return {w: (1 + math.log(k)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, k in tf.items()}

    out = np.zeros((len(a), len(b)))
    for i, x in enumerate(a):
        u = vector(x)
        for j, y in enumerate(b):
            v = vector(y)
            den = math.sqrt(sum(w * w for w in u.values()) * sum(w * w for w in v.values()))
            if den > 0:
                out[i, j] = sum(u[w] * v[w] for w in u if w in v) / den
    return np.round(np.clip(out, 0.0, 1.0), 6)


# ---- terms: lexicon search, keyness statistics


def lexicon_find(lex, text: str) -> list[tuple[int, int, str]]:
    """``Lexicon.find`` as a plain scan of its whole regex (the fast path searches only near
    the needles)."""
    return [(m.start(), m.end(), lex._owners[m.lastindex - 1]) for m in lex.regex.finditer(text)]


def chisq_by_cells(table, yates):
    """Pearson's chi-squared summed cell by cell (R's chisq.test, correct=yates)."""
    n = sum(sum(r) for r in table)
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table, strict=True)]
    total = 0.0
    for i in range(2):
        for j in range(2):
            e = rows[i] * cols[j] / n
            dev = abs(table[i][j] - e) - (min(0.5, abs(table[i][j] - e)) if yates else 0)
            total += dev * dev / e
    return total


def g2_by_cells(table):
    """The log-likelihood G² of a 2×2 table summed cell by cell (no correction)."""
    n = sum(sum(r) for r in table)
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table, strict=True)]
    return 2 * sum(
        table[i][j] * math.log(table[i][j] / (rows[i] * cols[j] / n))
        for i in range(2)
        for j in range(2)
        if table[i][j]
    )


# ---- facts: periods, extraction, pairing (trendkz.facts)


def periods_as_written(text: str) -> list[tuple[int, int, int]]:
    """``(rule, start, end)`` of every period rule's matches, as the rules are written
    (for ``period_matches``, which skips the rules a text cannot match)."""
    return [
        (n, *m.span()) for n, (p, _) in enumerate(periods_module._RULES) for m in p.finditer(text)
    ]


def facts_sentence_by_sentence(sections: pd.DataFrame, include_non_facts: bool) -> pd.DataFrame:
    """``extract_facts`` reading every sentence of every section in order (the fast path
    picks sentences by a scan and reads a recurring sentence once)."""
    rows = []
    for r in sections.itertuples(index=False):
        context: dict = {}
        prev_end = 0
        for a, b in sentence_spans(r.text):
            if "\n\n" in r.text[prev_end:a]:
                context.clear()
            prev_end = b
            for f in facts_of_sentence(
                r.text[a:b], int(r.year), context=context, include_non_facts=include_non_facts
            ):
                rows.append(
                    {
                        "doc_id": r.doc_id,
                        "entity": r.entity,
                        "series": r.series,
                        "year": r.year,
                        "kind": r.kind,
                        "section_id": r.section_id,
                        **f,
                        "start": f["start"] + r.start + a,
                        "end": f["end"] + r.start + a,
                        "sentence": r.text[a:b],
                    }
                )
    return schema.conform(pd.DataFrame(rows), "facts")


def link_all_pairs(chains, reps, min_similarity, grouped):
    """``pairs.link`` by trying every chain with every representative."""
    cands = []
    for ci, chain in enumerate(chains):
        a = chain[-1]
        for ri, b in enumerate(reps):
            if a["unit"] != b["unit"]:
                continue
            if grouped and (a["group"] is None or b["group"] is None or a["group"] != b["group"]):
                continue
            s = similarity(a["measure"], b["measure"])
            if s >= min_similarity:
                cands.append((-s, -int(a["year"]), a["start"], b["start"], ci, ri))
    return factpairs.take_best(cands)


def corroborate_all_pairs(facts, periods, assumed, min_similarity):
    """``corroborate`` by comparing every pair of facts of an entity."""
    f = facts[facts["fact_kind"].isin(factdiff.FACT_KINDS) & facts["measure"].notna()]
    f = f[f["measure"].str.len() > 0].assign(entity=f["entity"].fillna(""))
    if not assumed:
        f = f[~f["period_assumed"].fillna(True).astype(bool)]
    f = f.dropna(subset=["period_start", "period_end"])
    allowed = factdiff.PERIODS[: factdiff.PERIODS.index(periods) + 1]
    rows = []
    for entity, part in f.groupby("entity", sort=True):
        recs = part.sort_values(["year", "doc_id", "start"], kind="mergesort").to_dict("records")
        cands = []
        for i, a in enumerate(recs):
            for b in recs[i + 1 :]:
                if a["doc_id"] == b["doc_id"] or a["unit"] != b["unit"]:
                    continue
                (sa, ea), (sb, eb) = (
                    (a["period_start"], a["period_end"]),
                    (b["period_start"], b["period_end"]),
                )
                match = (
                    "same"
                    if (sa, ea) == (sb, eb)
                    else "nested"
                    if (sa <= sb and eb <= ea) or (sb <= sa and ea <= eb)
                    else "overlap"
                    if max(sa, sb) <= min(ea, eb)
                    else None
                )
                s = similarity(a["measure"], b["measure"])
                if match not in allowed or s < min_similarity:
                    continue
                status = "agree" if overlaps(a, b) else "conflict"
                if status == "conflict" and match != "same" and a["unit"] == "count":
                    short, long_ = sorted((a, b), key=lambda r: r["period_end"] - r["period_start"])
                    if factpairs._bounds(short)[1] <= factpairs._bounds(long_)[0]:
                        status = "consistent"
                cands.append(corroboration_row(entity, a, b, s, match, status))
        rows += factpairs.one_to_one(cands)
    if not rows:
        return schema.empty("corroboration")
    return schema.conform(pd.DataFrame(rows), "corroboration")


def diff_plain(facts, alignment):
    """diff_facts with every open chain offered to factpairs.link at every document."""
    records = factdiff._read(facts, 0.8, factdiff._DIFF_READ)
    groups = factdiff._groups(alignment)
    for r in records:
        r["group"] = groups.get((r["doc_id"], r["section_id"]))
    rows = []
    years = {}
    for r in records:
        years.setdefault(r["doc_id"], r["year"])
    order = sorted(years.items(), key=lambda d: (d[1], d[0]))
    by_doc = factdiff._representatives(records)
    lasts, linked = [], []
    for k, (doc, _) in enumerate(order):
        mine = by_doc.get(doc, [])
        taken = set()
        for grouped in (True, False):
            open_ = [c for c in range(len(lasts)) if linked[c] != k]
            left = [i for i in range(len(mine)) if i not in taken]
            for ci, ri, sim in factpairs.link(
                [lasts[c] for c in open_], [mine[i] for i in left], 0.8, grouped
            ):
                c, i = open_[ci], left[ri]
                a, b = lasts[c], mine[i]
                same_group = a["group"] is not None and a["group"] == b["group"]
                if grouped or same_group:
                    link = "group"
                elif sim >= 0.95 and len(a["measure"].split()) >= 2:
                    link = "strong"
                else:
                    continue  # a weak link across section groups is no link
                rows.append(
                    factpairs.change_row(
                        a,
                        b,
                        compare(a, b),
                        sim,
                        "X",
                        "s",
                        (a["doc_id"], a["year"]),
                        order[k],
                        link,
                    )
                )
                lasts[c], linked[c] = b, k
                taken.add(i)
        for i, b in enumerate(mine):
            if i not in taken:
                if k > 0:
                    rows.append(
                        factpairs.change_row(
                            None, b, "added", math.nan, "X", "s", order[k - 1], order[k]
                        )
                    )
                lasts.append(b)
                linked.append(k)
    for a, k in zip(lasts, linked, strict=True):
        if k < len(order) - 1:
            rows.append(
                factpairs.change_row(a, None, "removed", math.nan, "X", "s", order[k], order[k + 1])
            )
    if not rows:
        return schema.empty("fact_changes")
    return schema.conform(pd.DataFrame(rows, columns=factdiff._DIFF_OUT), "fact_changes")
