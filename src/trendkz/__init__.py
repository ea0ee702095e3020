"""trendkz: longitudinal comparison and change tracking of report series.

Load a series (:func:`load_corpus`), cut it into sections (:func:`split_sections`), align
them across years, diff texts and facts, track framing, and save reproducible outputs.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import datasets, lexicon
from .align import AlignmentTable, align_sections, alignment_table, group_texts
from .alignsent import align_sentences
from .changes import diff_sections, section_diff
from .comparison import Comparison, compare
from .corpus import Corpus, Document, load_corpus
from .errors import (
    CorpusError,
    DecodeError,
    InputError,
    ManifestError,
    OptionError,
    OutputError,
    TrendkzError,
    VerifyError,
    WorkerError,
)
from .factdiff import corroborate, diff_facts
from .facts import extract_facts
from .lexicon import Lexicon
from .plots import plot_coverage, plot_facts, plot_similarity, plot_terms
from .sections import section_tree, split_sections
from .sentences import split_sentences
from .terms import count_terms, keywords_in_context, term_hits
from .textdiff import TextDiff, diff_text

try:
    __version__ = version("trendkz")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AlignmentTable",
    "Comparison",
    "Corpus",
    "CorpusError",
    "DecodeError",
    "Document",
    "InputError",
    "Lexicon",
    "ManifestError",
    "OptionError",
    "OutputError",
    "TextDiff",
    "TrendkzError",
    "VerifyError",
    "WorkerError",
    "__version__",
    "align_sections",
    "align_sentences",
    "alignment_table",
    "compare",
    "corroborate",
    "count_terms",
    "datasets",
    "diff_facts",
    "diff_sections",
    "diff_text",
    "extract_facts",
    "group_texts",
    "keywords_in_context",
    "lexicon",
    "load_corpus",
    "plot_coverage",
    "plot_facts",
    "plot_similarity",
    "plot_terms",
    "section_diff",
    "section_tree",
    "split_sections",
    "split_sentences",
    "term_hits",
]
