"""digest ranking: reworded sentences weighed by what changed, the same change told once
(folded, with its other places cited as "also in"), multipliers in ``weights=``."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import trendkz
from trendkz._core.errors import OptionError
from trendkz.report import digest_rank, digest_sentences
from trendkz.report.digest_cite import Bodies

_ALSO = re.compile(r"“([^”]*)” \((\S+) (\d+)–(\d+)\)")


def _bodies(texts: dict[str, list[tuple[str, str]]]) -> Bodies:
    """Bodies of documents given as ``doc -> [(heading, text), ...]`` sections."""
    rows = []
    for doc, sections in texts.items():
        at = 0
        for heading, text in sections:
            rows.append({"doc_id": doc, "start": at, "end": at + len(text), "text": text,
                         "heading": heading})  # fmt: skip
            at += len(text) + 1
    return Bodies(pd.DataFrame(rows))


def _reworded(a: str, b: str) -> dict:
    bodies = _bodies({"x": [("", a)], "y": [("", b)]})
    rows = [("changed", "x", "y", a, b)]
    (item,) = digest_sentences.sentences_reworded(rows, bodies, set(), {"x": set(), "y": set()})
    return item


def test_figures_leave_out_years_days_and_section_references():
    figures, dates = digest_sentences._figures(
        "On May 20, 2021, 114 persons (see section 7.d.) and nine cases"
    )
    assert figures == {"114", "nine"}
    assert dates == {"20", "2021"}
    assert digest_rank._figures("In 2019, 1,500 people; on June 27, 249 more") == {"1500", "249"}


def test_a_flipped_negation_or_a_changed_figure_outweighs_a_rewording():
    base = "The inspectors were sufficient to enforce the standards in all sectors."
    flipped = _reworded(base.replace("were", "were not"), base)
    figure = _reworded(base + " There were 114 cases.", base + " There were 249 cases.")
    reworded = _reworded(base, base.replace("enforce", "uphold"))
    assert flipped["strength"] > reworded["strength"]
    assert figure["strength"] > reworded["strength"]
    assert "1.5 × 1 negation flipped" in flipped["detail"]
    assert "1.0 × 1 figures changed" in figure["detail"]


def _row(kind, doc_from, doc_to, span_from, span_to, score, bodies, headline):
    row = {"kind": kind, "score": score, "score_detail": f"{score}", "headline": headline,
           "doc_from": doc_from, "doc_to": doc_to, "_novel": set()}  # fmt: skip
    for side, doc, span in (("from", doc_from, span_from), ("to", doc_to, span_to)):
        if span is None:
            row.update({f"start_{side}": None, f"end_{side}": None, f"quote_{side}": None,
                        f"_sent_{side}": None})  # fmt: skip
            continue
        _, s, e, quote = bodies.cite(doc, *span)
        row.update({f"start_{side}": s, f"end_{side}": e, f"quote_{side}": quote,
                    f"_sent_{side}": bodies.sentence_at(doc, *span)})  # fmt: skip
    return row


def test_the_same_change_told_twice_is_one_item_citing_the_other_place():
    summary = "The government resettled 1,250 refugees from Syria during the year."
    body = "In March the ministry said that 1,250 refugees had arrived from camps in Jordan."
    other = "A new law on the press was passed by parliament in June."
    b = _bodies({"a": [("Summary", "Old text here.")],
                 "b": [("Summary", summary), ("Refugees", body + "\n\n" + other)]})  # fmt: skip
    start_body = len(summary) + 1
    rows = [  # "other" is a paragraph of its own (one paragraph would be one story)
        _row("sentence added", "a", "b", None, (0, len(summary)), 3.0, b, "s"),
        _row("sentence added", "a", "b", None, (start_body, start_body + 5), 2.5, b, "b"),
        _row("sentence added", "a", "b", None,
             (start_body + len(body) + 2, start_body + len(body) + 5), 2.0, b, "o"),
    ]  # fmt: skip
    kept = digest_rank.rank(rows, None, b, ["sentence added"])
    assert [r["headline"] for r in kept] == ["s", "o"]
    (quote, doc, s, e) = _ALSO.search(kept[0]["score_detail"]).groups()
    assert doc == "b" and b.body("b")[int(s) : int(e)] == body


def test_sentences_of_a_new_section_fold_into_it_and_lend_it_their_score():
    new = "In April 238 persons died in the unrest. Trials were ongoing."
    b = _bodies({"a": [("Overview", "Old.")], "b": [("Overview", "Old."), ("Incidents", new)]})
    at = len("Old.") + 1
    section = _row("section added", "a", "b", None, (at, at + 5), 1.0, b, "section")
    sentence = _row("sentence added", "a", "b", None, (at, at + 5), 2.4, b, "sentence")
    kept = digest_rank.rank([sentence, section], None, b, ["section added", "sentence added"])
    assert [r["headline"] for r in kept] == ["section"]
    assert kept[0]["score"] == 2.4 and "its strongest change" in kept[0]["score_detail"]


def test_multipliers_are_weights_and_unknown_names_are_refused(kz):
    comparison = trendkz.compare(kz)
    plain = trendkz.digest(comparison, top=None, weights={"lead section": 1.0}).frame
    lead = trendkz.digest(comparison, top=None).frame
    assert not plain["score_detail"].str.contains("lead section").any()
    assert lead["score_detail"].str.contains("× 1.25 lead section").any()
    with pytest.raises(OptionError, match="lead section"):
        trendkz.digest(comparison, weights={"lead sections": 2})
    named = 0
    for r in lead.itertuples(index=False):  # every place named as "also in" resolves
        for quote, doc, s, e in _ALSO.findall(str(r.score_detail)):
            text = kz[doc].body[int(s) : int(e)]
            assert " ".join(text.split()).startswith(quote.rstrip("…")), (doc, s, e)
            named += 1
    assert named > 0


def test_a_folded_change_cites_its_summary_place_and_keeps_the_best_score():
    summary = "The government resettled 1,250 refugees from Syria during the year."
    body = "In March the ministry said that 1,250 refugees had arrived from camps in Jordan."
    b = _bodies({"a": [("Summary", "Old text here.")],
                 "b": [("Summary", summary), ("Refugees", body)]})  # fmt: skip
    start_body = len(summary) + 1
    rows = [
        _row("sentence added", "a", "b", None, (0, len(summary)), 2.0, b, "summary"),
        _row("sentence added", "a", "b", None, (start_body, start_body + 5), 3.0, b, "body"),
    ]
    plain = digest_rank.rank([dict(r) for r in rows], None, b, ["sentence added"])
    assert plain[0]["headline"] == "body"  # two places in the body: the strongest is cited
    rows[0]["_lead"] = True  # the summary (the document's short first section)
    (item,) = digest_rank.rank(rows, None, b, ["sentence added"])
    assert item["headline"] == "summary" and item["score"] == 3.0
    assert item["quote_to"] == summary
    assert "strongest place" in item["score_detail"]
    (_, doc, s, e) = _ALSO.search(item["score_detail"]).groups()
    assert b.body("b")[int(s) : int(e)] == body
