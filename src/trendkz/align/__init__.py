"""Stage 3, alignment: sections grouped across years, sentences paired between documents."""

from .cosine import TfidfCosine
from .sections import align_sections, group_texts
from .sentences import align_sentences
from .table import AlignmentTable, alignment_table

__all__ = [
    "AlignmentTable",
    "TfidfCosine",
    "align_sections",
    "align_sentences",
    "alignment_table",
    "group_texts",
]
