import pandas as pd
import pytest

from tests.conftest import two_entities
from trendkz._core import schema
from trendkz._core.errors import InputError, OptionError
from trendkz.diff.changes import REWRITTEN_BELOW, STATUSES, diff_sections, section_diff
from trendkz.diff.result import TextDiff

BASE = (
    "The government continued to prosecute terrorism cases and cooperated with "
    "international partners on border security."
)
SECTIONS = {
    # doc y1
    "d1/0": (0, BASE),
    "d1/1": (200, "Incidents: there were two attacks in the west."),
    "d1/2": (400, "Part one of an untitled paragraph."),
    # doc y2
    "d2/0": (0, BASE.replace("cases and", "cases\nand")),  # rewrapped only
    "d2/1": (300, "Part two comes second."),  # two paragraphs of one group,
    "d2/2": (100, "Part one comes first."),  # listed out of reading order
    # doc y3
    "d3/0": (0, BASE.replace("continued to prosecute", "prosecuted")),
    "d3/3": (500, "A brand new section on repatriation of foreign fighters."),
    "d3/1": (200, "Completely different words here now."),
}


def sections_frame():
    rows = [
        {"doc_id": sid.split("/")[0], "section_id": sid, "start": start, "text": text}
        for sid, (start, text) in SECTIONS.items()
    ]
    return pd.DataFrame(rows)


def alignment_frame():
    docs = {"d1": 2010, "d2": 2011, "d3": 2012}
    placed = {  # group -> {doc: [section ids]}
        0: {"d1": ["d1/0"], "d2": ["d2/0"], "d3": ["d3/0"]},
        1: {"d1": ["d1/1"], "d3": ["d3/1"]},
        2: {"d1": ["d1/2"], "d2": ["d2/1", "d2/2"]},
        3: {"d3": ["d3/3"]},
    }
    labels = {0: "Overview", 1: "Incidents", 2: "¶ Part one…", 3: "Repatriation"}
    rows = []
    for g, where in placed.items():
        for d, y in docs.items():
            for sid in where.get(d, [None]):
                rows.append(
                    {
                        "entity": "Ruritania",
                        "series": "CRT",
                        "group": g,
                        "label": labels[g],
                        "doc_id": d,
                        "year": y,
                        "section_id": sid,
                        "heading": None,
                        "similarity": None,
                        "method": None,
                        "status": "matched" if sid else "absent",
                    }
                )
    return schema.conform(pd.DataFrame(rows), "alignment")


@pytest.fixture(scope="module")
def changes():
    return diff_sections(sections_frame(), alignment_frame())


def test_frame_shape(changes):
    assert list(changes.columns) == schema.FRAMES["changes"][0]
    assert isinstance(changes.index, pd.RangeIndex)
    assert set(changes["status"]) <= set(STATUSES)
    assert changes["similarity"].between(0, 1).all()


def test_one_row_per_group_and_consecutive_pair_with_the_group_present(changes):
    got = {(r.group, r.year_from, r.year_to): r.status for r in changes.itertuples()}
    assert got == {
        (0, 2010, 2011): "same",  # line wrapping only
        (0, 2011, 2012): "changed",
        (1, 2010, 2011): "removed",
        (1, 2011, 2012): "added",
        (2, 2010, 2011): "changed",
        (2, 2011, 2012): "removed",
        (3, 2011, 2012): "added",  # absent in 2010 and 2011: no row for that pair
    }
    row = changes.query("group == 3").iloc[0]
    assert (row.doc_from, row.doc_to, row.label) == ("d2", "d3", "Repatriation")
    assert row.n_added == 10 and row.similarity == 0.0


def test_untitled_paragraphs_of_a_group_join_in_reading_order():
    d = section_diff(sections_frame(), alignment_frame(), group=2, year_from=2010, year_to=2011)
    assert d.b == "Part one comes first.\n\nPart two comes second."


def test_rewritten_threshold():
    al = alignment_frame()
    changes = diff_sections(sections_frame(), al.query("group != 1 or doc_id != 'd2'"))
    # group 1 is now present in d1 and d3 only; d2 still exists in the series
    assert set(changes.query("group == 1")["status"]) == {"removed", "added"}
    d = section_diff(sections_frame(), al, group=1, year_from=2010, year_to=2012)
    assert d.similarity < REWRITTEN_BELOW
    strict = diff_sections(sections_frame(), al, rewritten_below=0.99)
    assert strict.query("group == 0 and year_from == 2011")["status"].item() == "rewritten"
    lax = diff_sections(sections_frame(), al, rewritten_below=0)
    assert "rewritten" not in set(lax["status"])


def test_section_diff_from_a_row_and_from_years(changes):
    s, al = sections_frame(), alignment_frame()
    row = changes.query("group == 0 and year_from == 2011").iloc[0]
    d = section_diff(s, al, row)
    assert isinstance(d, TextDiff)
    assert d.similarity == row.similarity
    assert d.n_changed == row.n_changed
    # added/removed include the new/old side of replacements
    assert (
        row.n_added
        == d.n_tokens_b - d.n_equal
        == d.n_added + sum(o.b_end - o.b_start for o in d.opcodes if o.tag == "replace")
    )
    assert (
        row.n_removed
        == d.n_tokens_a - d.n_equal
        == d.n_removed + sum(o.a_end - o.a_start for o in d.opcodes if o.tag == "replace")
    )
    assert row.n_added > d.n_added  # "continued to prosecute" -> "prosecuted" is a replacement
    assert "[-continued to prosecute-]{+prosecuted+}" in d.to_text()
    # any two years, not only consecutive ones; absent sides are empty
    assert section_diff(s, al, group=0, year_from=2010, year_to=2012).to_text() == (d.to_text())
    assert section_diff(s, al, group=3, year_from=2010, year_to=2012).a == ""
    assert section_diff(s, al, row.to_dict()).opcodes == d.opcodes


def test_errors():
    s, al = sections_frame(), alignment_frame()
    with pytest.raises(InputError, match="not in the alignment"):
        section_diff(s, al, group=99, year_from=2010, year_to=2011)
    with pytest.raises(InputError, match="no document in 2020"):
        section_diff(s, al, group=0, year_from=2010, year_to=2020)
    with pytest.raises(InputError, match="row="):
        section_diff(s, al, group=0)
    with pytest.raises(InputError, match="row must be"):
        section_diff(s, al, {"group": 0})
    with pytest.raises(InputError, match="lacks columns"):
        diff_sections(s.drop(columns="start"), al)
    with pytest.raises(InputError, match="not in sections"):
        diff_sections(s.query("section_id != 'd3/3'"), al)
    with pytest.raises(OptionError, match="rewritten_below"):
        diff_sections(s, al, rewritten_below=1.5)


def test_empty_alignment():
    out = diff_sections(sections_frame(), schema.empty("alignment"))
    assert out.empty and list(out.columns) == schema.FRAMES["changes"][0]


def test_seeds_end_to_end(kz_sections):
    align = pytest.importorskip("trendkz.align.sections")
    al = align.align_sections(kz_sections)
    changes = diff_sections(kz_sections, al)
    reports = changes.query("series == 'Country Reports on Terrorism'")

    def status(label_start, y0, y1):
        rows = reports[
            reports["label"].str.startswith(label_start)
            & (reports["year_from"] == y0)
            & (reports["year_to"] == y1)
        ]
        return rows["status"].item()

    assert status("Countering the Financing", 2017, 2022) == "changed"
    assert status("Countering the Financing", 2012, 2017) == "changed"
    assert status("Overview", 2017, 2022) == "rewritten"
    incidents = reports[reports["label"].str.contains("Terrorist Incidents")]
    assert dict(zip(incidents["year_from"], incidents["status"], strict=True)) == {
        2009: "added",
        2012: "removed",
        2017: "added",
    }
    # the diff behind a row renders, and shows the scare quotes appearing
    row = reports[
        reports["label"].str.startswith("Countering the Financing") & (reports["year_from"] == 2017)
    ].iloc[0]
    d = section_diff(kz_sections, al, row)
    assert "“extremism" in d.to_text() and "<ins>" in d.to_html()


def test_rows_come_in_the_frame_order_however_groups_are_numbered(kz_sections):
    from trendkz import align_sections

    two = two_entities(kz_sections)
    al = align_sections(two)
    flipped = al.assign(group=al["group"].max() - al["group"])  # groups against series
    for alignment in (al, flipped):
        ch = diff_sections(two, alignment)
        pd.testing.assert_frame_equal(ch, schema.conform(ch, "changes"))
        assert ch["entity"].nunique() == 2
