"""Stage 2, segmenting: documents into sections and tables, sections into sentences."""

from .sections import section_tree, split_sections
from .sentences import split_sentences
from .tables import split_tables

__all__ = ["section_tree", "split_sections", "split_sentences", "split_tables"]
