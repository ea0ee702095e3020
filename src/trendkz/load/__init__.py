"""Stage 1, loading: read files as text, set page chrome aside, infer metadata, build a Corpus."""

from .corpus import Corpus, Document, load_corpus

__all__ = ["Corpus", "Document", "load_corpus"]
