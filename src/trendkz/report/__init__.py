"""Outputs: the comparison, the digest, plots, figures, the saved folder, verification, the CLI."""

from .comparison import Comparison, compare
from .digest import Digest, digest
from .plots import plot_coverage, plot_facts, plot_similarity, plot_terms

__all__ = [
    "Comparison",
    "Digest",
    "compare",
    "digest",
    "plot_coverage",
    "plot_facts",
    "plot_similarity",
    "plot_terms",
]
