"""Analysis, numbers: facts with qualifiers and periods, linked across documents."""

from .corroborate import corroborate
from .diff import diff_facts
from .extract import extract_facts

__all__ = ["corroborate", "diff_facts", "extract_facts"]
