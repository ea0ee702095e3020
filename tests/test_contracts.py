"""One contract per frame: every public function's docstring names the columns that
``_core.schema`` declares for the frame it returns, and its output has exactly them."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import trendkz
from trendkz._core import schema

#: public function -> the frame kind it returns
RETURNS = {
    "split_sections": "sections",
    "split_sentences": "sentence_list",
    "align_sections": "alignment",
    "group_texts": "group_texts",
    "align_sentences": "sentences",
    "diff_sections": "changes",
    "count_terms": "terms",
    "term_hits": "hits",
    "keywords_in_context": "kwic",
    "extract_facts": "facts",
    "diff_facts": "fact_changes",
    "corroborate": "corroboration",
    "keyness": "keyness",
    "digest": "digest",
    "split_tables": "tables",
    "extract_table_facts": "facts",
}

#: a document with a small table (the seeds have none)
TABLE_TEXT = (
    "Annual report 2019\n\nBudget (in thousands)\n\nItem\t2018\t2019\n"
    "Grants\t1,200\t1,500\nLoans\t300\t450\nTotal\t1,500\t1,950\n\n"
    "The office spent more in 2019.\n"
)


def _returns_section(doc: str) -> str:
    m = re.search(r"Returns\n\s*-+\n(.*?)(?:\n\s*\n\s*[A-Z][a-z]+\n\s*-+\n|\Z)", doc, re.S)
    assert m, "no Returns section"
    return m.group(1)


@pytest.mark.parametrize("name", sorted(RETURNS))
def test_docstring_names_every_column(name):
    section = _returns_section(getattr(trendkz, name).__doc__ or "")
    columns = schema.FRAMES[RETURNS[name]][0]
    missing = [c for c in columns if not re.search(rf"(?<![\w.]){re.escape(c)}(?!\w)", section)]
    assert missing == [], f"{name}'s Returns section does not name {missing}"


def test_every_public_function_has_a_docstring():
    bare = [
        n
        for n in trendkz.__all__
        if callable(getattr(trendkz, n)) and not (getattr(trendkz, n).__doc__ or "").strip()
    ]
    assert bare == []


@pytest.fixture(scope="module")
def frames(kz):
    sections = trendkz.split_sections(kz)
    alignment = trendkz.align_sections(sections)
    facts = trendkz.extract_facts(sections)
    out = {
        "split_sections": sections,
        "split_sentences": trendkz.split_sentences(sections),
        "align_sections": alignment,
        "group_texts": trendkz.group_texts(sections, alignment),
        "align_sentences": trendkz.align_sentences(sections, alignment),
        "diff_sections": trendkz.diff_sections(sections, alignment),
        "count_terms": trendkz.count_terms(sections),
        "term_hits": trendkz.term_hits(sections),
        "keywords_in_context": trendkz.keywords_in_context(sections, "extremism"),
        "extract_facts": facts,
        "diff_facts": trendkz.diff_facts(facts, alignment=alignment),
        "corroborate": trendkz.corroborate(facts),
        "keyness": trendkz.keyness(sections, target=2022, ngrams=(1, 2)),
    }
    comparison = trendkz.Comparison(
        documents=kz.documents,
        chrome=kz.chrome,
        sections=sections,
        alignment=alignment,
        sentences=out["align_sentences"],
        changes=out["diff_sections"],
        terms=out["count_terms"],
        facts=facts,
        fact_changes=out["diff_facts"],
        corroboration=out["corroborate"],
    )
    out["digest"] = trendkz.digest(comparison).frame
    table_corpus = trendkz.load_corpus(
        pd.DataFrame({"text": [TABLE_TEXT], "year": [2019], "entity": ["Office"]})
    )
    out["split_tables"] = trendkz.split_tables(table_corpus)
    out["extract_table_facts"] = trendkz.extract_table_facts(out["split_tables"])
    assert len(out["split_tables"]) and len(out["extract_table_facts"])
    return out


@pytest.mark.parametrize("name", sorted(RETURNS))
def test_output_has_the_declared_columns_and_dtypes(frames, name):
    frame = frames[name]
    columns = schema.FRAMES[RETURNS[name]][0]
    assert list(frame.columns)[: len(columns)] == columns
    for c in columns:
        assert repr(frame[c].dtype) == repr(schema._DTYPES[schema.COLUMNS[c]]), c
    assert schema.sort_order(frame, schema.FRAMES[RETURNS[name]][1]) is None
