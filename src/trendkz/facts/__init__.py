"""Analysis, numbers: facts with qualifiers and periods, linked across documents."""

from .corroborate import corroborate
from .diff import diff_facts
from .extract import extract_facts
from .tables import extract_table_facts

__all__ = ["corroborate", "diff_facts", "extract_facts", "extract_table_facts"]
