"""Analysis, framing: lexicons, term counts with quotes and hedges, keywords in context."""

from .counts import count_terms, term_hits
from .kwic import keywords_in_context
from .lexicon import Lexicon

__all__ = ["Lexicon", "count_terms", "keywords_in_context", "term_hits"]
