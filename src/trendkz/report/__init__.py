"""Outputs: the whole comparison, plots, figures, the saved folder, verification, the CLI."""

from .comparison import Comparison, compare
from .plots import plot_coverage, plot_facts, plot_similarity, plot_terms

__all__ = ["Comparison", "compare", "plot_coverage", "plot_facts", "plot_similarity", "plot_terms"]
