"""trendkz: longitudinal comparison and change tracking of report series.

Load a series (:func:`load_corpus`), cut it into sections (:func:`split_sections`), align
them across years, diff texts and facts, track framing, and save reproducible outputs.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from . import datasets
from .corpus import Corpus, Document, load_corpus
from .errors import (
    CorpusError,
    DecodeError,
    InputError,
    ManifestError,
    OptionError,
    TrendkzError,
    VerifyError,
)
from .sections import section_tree, split_sections
from .sentences import split_sentences

try:
    __version__ = version("trendkz")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Corpus",
    "CorpusError",
    "DecodeError",
    "Document",
    "InputError",
    "ManifestError",
    "OptionError",
    "TrendkzError",
    "VerifyError",
    "__version__",
    "datasets",
    "load_corpus",
    "section_tree",
    "split_sections",
    "split_sentences",
]
