"""trendkz: longitudinal comparison and change tracking of report series.

Load a series (:func:`load_corpus`), cut it into sections (:func:`split_sections`), align
them across years, diff texts and facts, track framing, and save reproducible outputs.
"""

import importlib.metadata as _metadata

from . import datasets
from ._core.errors import (
    CorpusError,
    DateWarning,
    DecodeError,
    EntityWarning,
    InputError,
    ManifestError,
    MissingExtraError,
    NoTextError,
    OptionError,
    OutputError,
    TrendkzError,
    TrendkzWarning,
    VerifyError,
    WorkerError,
)
from .align import (
    AlignmentTable,
    TfidfCosine,
    align_sections,
    align_sentences,
    alignment_table,
    group_texts,
)
from .diff import TextDiff, diff_sections, diff_text, section_diff
from .facts import corroborate, diff_facts, extract_facts, extract_table_facts
from .load import Corpus, Document, load_corpus
from .report import (
    Comparison,
    Digest,
    compare,
    digest,
    plot_coverage,
    plot_facts,
    plot_similarity,
    plot_terms,
)
from .segment import section_tree, split_sections, split_sentences, split_tables
from .terms import Lexicon, count_terms, keyness, keywords_in_context, lexicon, term_hits

try:
    __version__ = _metadata.version("trendkz")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "AlignmentTable",
    "Comparison",
    "Corpus",
    "CorpusError",
    "DateWarning",
    "DecodeError",
    "Digest",
    "Document",
    "EntityWarning",
    "InputError",
    "Lexicon",
    "ManifestError",
    "MissingExtraError",
    "NoTextError",
    "OptionError",
    "OutputError",
    "TextDiff",
    "TfidfCosine",
    "TrendkzError",
    "TrendkzWarning",
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
    "digest",
    "extract_facts",
    "extract_table_facts",
    "group_texts",
    "keyness",
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
    "split_tables",
    "term_hits",
]
