"""Stage 2, segmenting: documents into sections, sections into sentences."""

from .sections import section_tree, split_sections
from .sentences import split_sentences

__all__ = ["section_tree", "split_sections", "split_sentences"]
