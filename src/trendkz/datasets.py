"""Bundled corpora, available from an installed wheel as well as from a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .load.corpus import Corpus, load_corpus

__all__ = ["kazakhstan", "kazakhstan_path"]


def kazakhstan_path() -> Path:
    """Folder of the bundled Kazakhstan corpus: four *Country Reports on Terrorism* chapters
    (2009, 2012, 2017, 2022) and one CABAR analytical article."""
    return Path(str(resources.files("trendkz").joinpath("data/kazakhstan")))


def kazakhstan() -> Corpus:
    """The bundled Kazakhstan corpus, loaded (years and kinds inferred from the text).

    >>> from trendkz import datasets
    >>> len(datasets.kazakhstan())
    5
    """
    return load_corpus(kazakhstan_path())
