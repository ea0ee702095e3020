"""Tables from cell positions (load/pdf_grid.py), tab blocks in find_tables, and the
lines that are never headings (load/fields.py, numbered list items)."""

from __future__ import annotations

import pandas as pd
import pytest

import trendkz
from trendkz.load.fields import is_data_line
from trendkz.load.pdf_grid import Line, mark_grid, split_cells, table_rows, table_runs
from trendkz.segment.tables import find_tables


def _line(text, top, left, right, cells=None, size=10.0):
    cells = cells or [(text, left, right)]
    return Line(text, size, False, top, top - size, left, right, cells)


def test_split_cells_at_wide_gaps():
    text = "OIG 15 419"
    # the characters at 4 and 7 start cells: (end of the gap's left text, cell start)
    starts = {4: (30.0, 80.0), 7: (95.0, 140.0)}
    cells = split_cells(text, 0, starts, 10.0, 160.0)
    assert [c[0] for c in cells] == ["OIG", "15", "419"]
    assert cells[1][1:] == (80.0, 95.0)


def test_split_cells_keeps_a_heading_whole():
    # a numbering mark alone, an open end and a lower-case start are no cell boundaries
    assert len(split_cells("VI. ADMINISTRATIVE APPEALS", 0, {4: (20.0, 40.0)}, 0, 300)) == 1
    text = "B. (1) Disposition of all Requests – All Processed Requests"
    at = text.index("All Processed")
    assert len(split_cells(text, 0, {at: (200.0, 260.0)}, 0, 400)) == 1
    assert len(split_cells("Number of times applied", 0, {10: (60.0, 90.0)}, 0, 200)) == 1


def test_lines_side_by_side_are_a_grid_prose_columns_are_not():
    header = [_line("Number of", 100, 50, 90), _line("Number of", 100, 150, 190)]
    mark_grid(header)
    assert all(ln.grid for ln in header)
    sentence = "The agency agreed with the findings and said it would act. "
    prose = [_line(sentence, 100, 50, 280), _line(sentence, 100, 300, 530)]
    mark_grid(prose)
    assert not any(ln.grid for ln in prose)
    margin = [_line("Report", 20, 50, 90), _line("12", 20, 500, 510)]
    for ln in margin:
        ln.margin = True
    mark_grid(margin)
    assert not any(ln.grid for ln in margin)


def test_stacked_column_headers_become_one_header_row():
    lines = [
        _line("Number of", 200, 100, 150),
        _line("Requests", 188, 100, 150),
        _line("Number of", 200, 200, 250),
        _line("Appeals", 188, 200, 250),
        _line("OIG 18 6", 170, 40, 250, [("OIG", 40, 60), ("18", 120, 130), ("6", 220, 230)]),
    ]
    mark_grid(lines)
    assert table_runs(lines) == [(0, 5)]
    assert table_rows(lines) == ["Number of Requests\tNumber of Appeals", "OIG\t18\t6"]


def test_a_lone_row_of_cells_is_no_table():
    lines = [
        _line("Annual Report 8", 700, 40, 500, [("Annual Report", 40, 120), ("8", 490, 500)]),
        _line("Some text of the page that runs on.", 600, 40, 500),
    ]
    mark_grid(lines)
    assert table_runs(lines) == []
    assert lines[0].grid  # a row of cells all the same: never a heading


def test_tab_block_is_one_table_with_its_header():
    body = "Intro.\n\nNumber of Requests\tNumber of Appeals\nOIG\t18\t6\nTotal\t20\t7\n\nAfter.\n"
    (table,) = find_tables(body)
    assert table.header == ["Number of Requests", "Number of Appeals"]
    assert [(r.label, [c[0] for c in r.cells]) for r in table.rows] == [
        ("OIG", ["18", "6"]),
        ("Total", ["20", "7"]),
    ]
    assert body[table.start : table.end].startswith("Number of Requests")
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [body], "year": [2013]}))
    cells = trendkz.split_tables(corpus)
    assert cells.header.tolist() == ["Number of Requests", "Number of Appeals"] * 2


def test_a_table_of_text_cells():
    body = "0.01 – 1.49\tTechnical Assistance Letter\n1.50 – 2.49\tWarning Letter\n"
    (table,) = find_tables(body)
    assert [r.label for r in table.rows] == ["0.01 – 1.49", "1.50 – 2.49"]
    assert table.header == []


@pytest.mark.parametrize(
    "line",
    [
        "ADDRESS: 330 Independence Ave SW, Suite 1062, Washington DC 20201",
        "Washington D.C. 20201",
        "PHONE NUMBER: 202.619.2541",
        "REPORT PREPARED BY: Robin Brooks",
        "http://oig.hhs.gov/foia.html",
        "Exemption \ufffd\ufffd Statutes",
        "A-06-15-00030 December 2015",
        "October 1, 2015 – March 31, 2016",
        "Page intentionally left blank",
    ],
)
def test_data_lines(line):
    assert is_data_line(line)


@pytest.mark.parametrize(
    "line",
    ["VII. FOIA REQUESTS: RESPONSE TIME", "Appendix A: Questioned Costs", "Results of Operations"],
)
def test_titles_are_no_data_lines(line):
    assert not is_data_line(line)


def test_numbered_list_items_are_no_headings():
    text = (
        "III. ACRONYMS, DEFINITIONS, AND EXEMPTIONS:\n\n"
        "1. Agency-specific acronyms or other terms:\n\n"
        "HHS - U.S. Department of Health and Human Services\n\n"
        "a. Exemption 1: classified national defense and foreign relations information\n\n"
        "b. Exemption 2: internal agency rules and practices\n\n"
        "IV. EXEMPTION 3 STATUTES\n\nText of part four.\n"
    )
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [2013]}))
    heads = [h for h in trendkz.split_sections(corpus).heading if h]
    assert heads == ["III. ACRONYMS, DEFINITIONS, AND EXEMPTIONS:", "IV. EXEMPTION 3 STATUTES"]
