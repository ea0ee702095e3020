"""digest stories and the families of rewording: consecutive changed sentences of one
passage are one item citing the passage; what they are not (another topic, another
paragraph) stays apart; a figure refreshed, an acronym spelled out, an inflection, a
qualifier's article are little news; a rewording that now dates an event is news."""

from __future__ import annotations

import pandas as pd

from trendkz.report import digest_items, digest_rank, digest_sentences
from trendkz.report.digest_cite import Bodies


def _bodies(texts: dict[str, str]) -> Bodies:
    rows = [{"doc_id": d, "start": 0, "end": len(t), "text": t, "heading": "Prisons"}
            for d, t in texts.items()]  # fmt: skip
    return Bodies(pd.DataFrame(rows))


def _row(kind, b, doc_from, doc_to, text_from, text_to, score, headline):
    row = {"kind": kind, "score": score, "score_detail": f"{score}", "headline": headline,
           "doc_from": doc_from, "doc_to": doc_to, "_novel": set()}  # fmt: skip
    for side, doc, text in (("from", doc_from, text_from), ("to", doc_to, text_to)):
        span = b.find(doc, text) if text else None
        row[f"_sent_{side}"] = b.sentence_at(doc, *span) if span else None
        row["_item"] = {**row.get("_item", {}), f"span_{side}": span}
    return row


CPT = (
    "On January 28, the committee published a report on its visit to the prisons. "
    "The report noted that violence between prisoners was a problem. "
    "It also found drugs were widely available."
)
OTHER = "A new bridge opened in the capital in May."


def test_a_story_is_one_item_citing_the_whole_passage():
    kept_same = "The prisons held few people."  # unchanged: the paragraph is not all new
    b = _bodies({"a": kept_same, "b": kept_same + " " + CPT + " " + OTHER})
    s1, s2, s3 = (CPT.split(". ")[0] + ".", CPT.split(". ")[1] + ".", CPT.split(". ")[2])
    rows = [
        _row("sentence added", b, "a", "b", None, s1, 2.5, "first"),
        _row("sentence added", b, "a", "b", None, s2, 1.5, "second"),
        _row("sentence added", b, "a", "b", None, s3, 1.0, "third"),
        _row("sentence added", b, "a", "b", None, OTHER, 1.2, "bridge"),
    ]
    kept = digest_rank.rank(rows, None, b, ["sentence added"])
    assert [r["headline"] for r in kept] == ["first", "bridge"]
    story = kept[0]
    assert story["score"] == 2.5 and "a story of 3 sentences" in story["score_detail"]
    lo, hi = story["_item"]["span_to"]
    assert b.body("b")[lo:hi] == CPT  # the citation spans the passage, no more
    # the passage on its own is cited whole, untrimmed
    head, s, e, quote = b.cite("b", lo, hi, whole=True)
    assert quote == CPT and (s, e) == (lo, hi)


def test_a_new_paragraph_is_one_story_and_a_blank_line_ends_it():
    text = "Alpha rose sharply. Beta fell.\n\nGamma was new."
    b = _bodies({"a": "Old.", "b": text})
    rows = [_row("sentence added", b, "a", "b", None, t, 1.0 + i / 10, t)
            for i, t in enumerate(["Alpha rose sharply.", "Beta fell.", "Gamma was new."])]  # fmt: skip
    kept = digest_rank.rank(rows, None, b, ["sentence added"])
    assert len(kept) == 2  # "Alpha ... Beta" (every sentence of it new), and "Gamma"


def test_dropped_sentences_beside_a_reworded_one_join_its_story():
    old = ("The government said it would resettle 75 refugees from camps. "
           "It also signed agreements with three towns to resettle 25 more refugees.")  # fmt: skip
    new = "The government said it would resettle 85 refugees from camps in Kenya."
    b = _bodies({"a": old, "b": new})
    first, second = old.split(". ")[0] + ".", old.split(". ")[1]
    rows = [
        _row("sentence changed", b, "a", "b", first, new, 2.0, "reworded"),
        _row("sentence removed", b, "a", "b", second, None, 1.5, "dropped"),
    ]
    (item,) = digest_rank.rank(rows, None, b, ["sentence changed", "sentence removed"])
    assert item["headline"] == "reworded" and "a story of 2 sentences" in item["score_detail"]
    lo, hi = item["_item"]["span_from"]
    assert b.body("a")[lo:hi] == old


def _reworded(a: str, b: str) -> dict:
    bodies = _bodies({"x": a, "y": b})
    rows = [("changed", "x", "y", a, b)]
    (item,) = digest_sentences.sentences_reworded(rows, bodies, set(), {"x": set(), "y": set()})
    return item


def test_families_of_rewording():
    refreshed = _reworded("About 117 women sought shelter.", "About 105 women sought shelter.")
    moved = _reworded("About 117 women sought shelter.", "About 249 women sought shelter.")
    assert refreshed["strength"] < moved["strength"]
    assert "1.0 × 0.66 figures changed" in refreshed["detail"]
    spelled = _reworded(
        "Parents consult an FAA adviser on schooling.",
        "Parents consult an adviser from the Fusi Alofa Association on schooling.",
    )
    assert "0.00 words changed" in spelled["detail"]  # the same words, spelled out
    inflected = _reworded(
        "No laws prevent discrimination or require equal pay.",
        "No law prevents discrimination or requires equal pay.",
    )
    assert "0.00 words changed" in inflected["detail"]
    dated = _reworded(
        "In 2016 voters elected the president in a free election.",
        "On June 27, voters reelected the president in a free election.",
    )
    assert "0.5 × 1 now dated" in dated["detail"]


def test_a_qualifier_that_differs_only_in_an_article_is_no_change():
    frame = pd.DataFrame(
        [
            {
                "status": "qualifier_changed",
                "value_from": 6.0,
                "value_to": 6.0,
                "qualifier_from": q0,
                "qualifier_to": q1,
                "text_from": None,
                "text_to": None,
                "measure": "prison term",
                "start_from": 0,
                "end_from": 5,
                "start_to": 0,
                "end_to": 5,
            }
            for q0, q1 in (("a maximum of", "a maximum"), ("about", "more than"))
        ]  # fmt: skip
    )
    from trendkz._core.vocab import QUALIFIER_CHANGED

    frame["status"] = QUALIFIER_CHANGED
    items = digest_items.facts_moved(frame)
    assert [i["headline"] for i in items] == ["prison term: “about 6” now “more than 6”"]
