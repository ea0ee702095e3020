"""The comparison chain of one corpus (in practice one entity's documents), and the
options it takes: what :func:`trendkz.compare` and a report made entity by entity share.

files → corpus → sections → alignment → {sentences, changes, terms, facts} →
{fact_changes, corroboration}.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._core.errors import OptionError, check_option
from ..load.corpus import Corpus

__all__ = ["recorded_options"]

_OPTIONS = {"lexicon": None, "min_similarity": None, "terms_by": "doc"}


def _check_options(options: dict) -> dict:
    """Options with their defaults; the lexicon read and checked here, before any work."""
    from ..terms.lexicon import Lexicon

    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise OptionError(f"compare: unknown option(s) {unknown}; valid: {sorted(_OPTIONS)}")
    opts = {**_OPTIONS, **options}
    if opts["lexicon"] is not None:
        opts["lexicon"] = Lexicon.coerce(opts["lexicon"])
    check_option("terms_by", opts["terms_by"], ("doc", "section", "group"))
    ms = opts["min_similarity"]
    if ms is not None and (
        isinstance(ms, bool) or not isinstance(ms, (int, float)) or not 0 <= ms <= 1
    ):
        raise OptionError(f"min_similarity={ms!r} is not valid; give a number in [0, 1] or None")
    return opts


def recorded_options(opts: dict) -> dict:
    """Options as plain JSON data, enough to run again: a lexicon by its whole content."""
    out = {}
    for k, v in opts.items():
        if k == "lexicon" and v is not None:
            v = v.to_record()
        elif not isinstance(v, (str, int, float, bool, type(None))):
            v = repr(v)
        out[k] = v
    return out


def _chain(corpus: Corpus, opts: dict, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Every computed frame for one corpus (in practice: one entity's documents)."""
    from ..align.sections import align_sections
    from ..align.sentences import align_sentences
    from ..diff.changes import diff_sections
    from ..facts.corroborate import corroborate
    from ..facts.diff import diff_facts
    from ..facts.extract import extract_facts
    from ..segment.sections import split_sections
    from ..terms.counts import count_terms

    align_kw = {} if opts["min_similarity"] is None else {"min_similarity": opts["min_similarity"]}
    out: dict[str, pd.DataFrame] = {"documents": corpus.documents, "chrome": corpus.chrome}
    out["sections"] = split_sections(corpus)
    out["alignment"] = align_sections(out["sections"], **align_kw)
    out["sentences"] = align_sentences(out["sections"], out["alignment"])
    out["changes"] = diff_sections(out["sections"], out["alignment"])
    terms_kw: dict[str, Any] = (
        {"alignment": out["alignment"]} if opts["terms_by"] == "group" else {}
    )
    out["terms"] = count_terms(out["sections"], opts["lexicon"], by=opts["terms_by"], **terms_kw)
    out["facts"] = extract_facts(out["sections"])
    out["fact_changes"] = diff_facts(out["facts"], alignment=out["alignment"])
    out["corroboration"] = corroborate(out["facts"])
    return out
