"""A word-embedding sentence scorer for the side-by-side measure (benchmarks only).

Cosine of WordLlama sentence embeddings (``pip install wordllama``: the wheel ships its
256-dimension weights, so nothing is downloaded when loaded with ``disable_download=True``
and ``cache_dir`` pointing into the package). Each document's sentences are embedded once
(sorted by length, so that batches hold texts of like length); cosines are float32, so a
text with itself may score 1.0000001: trendkz clips such values (the scorer contract).

Not part of the library: see benchmarks/RESULTS.md for why (it does not beat TfidfCosine on
the unseen pairs, and its weights come from Llama 2 token embeddings, whose licence is not
the package's MIT licence).
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np


def _load():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import wordllama  # importing it reconfigures the root logger: put it back

    root.handlers[:] = handlers
    root.setLevel(level)
    folder = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(cache_dir=folder, disable_download=True)


class EmbedCosine:
    """Cosine of WordLlama embeddings; ``documents(a, b)`` embeds both documents once."""

    min_similarity = 0.65  # chosen on the dev pairs (bench_scorers.py sweep wordllama)
    min_moved = 0.85

    def __init__(self, model=None, table: dict[str, np.ndarray] | None = None):
        self.model = model if model is not None else _load()
        self.table = table or {}

    def _embed(self, texts: list[str]) -> None:
        new = sorted({t for t in texts if t not in self.table}, key=lambda t: (len(t), t))
        if new:
            vecs = np.asarray(self.model.embed(new, norm=True), dtype=np.float32)
            self.table.update(zip(new, vecs, strict=True))

    def documents(self, a: list[str], b: list[str]) -> EmbedCosine:
        bound = EmbedCosine(self.model, {})
        bound._embed(list(a) + list(b))
        return bound

    def matrix(self, a: list[str], b: list[str]) -> np.ndarray:
        self._embed(list(a) + list(b))
        ma = np.stack([self.table[t] for t in a])
        mb = np.stack([self.table[t] for t in b])
        cos = np.round((ma @ mb.T).astype(np.float64), 6)  # float32 products: may exceed 1
        return np.maximum(cos, 0.0)  # opposite directions are no similarity

    def __call__(self, a: str, b: str) -> float:
        return float(self.matrix([a], [b])[0, 0])
