"""Analysis, framing: lexicons, term counts with quotes and hedges, keywords in context, keyness."""

from .counts import count_terms, term_hits
from .keyness import keyness
from .kwic import keywords_in_context
from .lexicon import Lexicon

__all__ = ["Lexicon", "count_terms", "keyness", "keywords_in_context", "term_hits"]
