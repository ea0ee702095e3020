"""Analysis, words: token diffs of texts and of aligned sections."""

from .changes import diff_sections, section_diff
from .textdiff import TextDiff, diff_text

__all__ = ["TextDiff", "diff_sections", "diff_text", "section_diff"]
