"""PDF lines read in page order where the text layer lists them out of place, and the
heading wraps that come with it (hanging indents, display lines set as a stair)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trendkz.load.pdf import _words
from trendkz.load.pdf_grid import Line, mark_grid
from trendkz.load.pdf_order import reading_order
from trendkz.load.pdf_wrap import joins, same_type, wraps

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _line(text: str, top: float, left: float = 94.0, size: float = 12.0, bold=False) -> Line:
    return Line(text, size, bold, top, top - 0.75 * size, left, left + 5.5 * len(text))


def _para(first: str, top: float, n: int, left: float = 94.0) -> list[Line]:
    """``n`` lines of running text, 14 pt apart, from ``top`` down."""
    return [
        _line(f"{first} line {k} of the paragraph with words enough to wrap", top - 14 * k, left)
        for k in range(n)
    ]


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text.split(" line ")[0] if " line " in ln.text else ln.text for ln in lines]


def test_headings_listed_before_the_text_go_into_their_gaps():
    # the 2002-2005 semiannual reports: a page's headings first, then its body text
    first, second = (
        _line("Long Term Care Hospitals", 596, 104, 13, True),
        _line("Managed Care Payments", 336, 100, 13, True),
    )
    page = [
        _line("CENTERS FOR MEDICARE & MEDICAID SERVICES", 713, 72, 10, True),
        _line("6", 68, 304, 11),
        first,
        second,
        *_para("a", 677, 4),  # 677 .. 635
        *_para("b", 562, 10),  # 562 .. 436, then a gap
        *_para("c", 296, 10),
    ]
    out = reading_order(page)
    assert sorted(map(id, out)) == sorted(map(id, page))  # nothing lost, nothing doubled
    texts = _texts(out)
    assert texts.index("Long Term Care Hospitals") == texts.index("b") - 1
    assert texts.index("Managed Care Payments") == texts.index("c") - 1
    # the running header, listed first and standing first, stays first
    assert texts[:2] == ["CENTERS FOR MEDICARE & MEDICAID SERVICES", "6"]


def test_side_labels_listed_first_go_before_their_paragraphs():
    # boxed state names beside the first lines of their paragraphs, listed before the text
    labels = [_line("New Jersey", 687, 158, 13, True), _line("Oklahoma", 507, 148, 13, True)]
    first = [_line(f"nj {k} beside the label with words enough", 694 - 14 * k, 250) for k in (0, 1)]
    first += [_line(f"nj {k} under the label with words enough", 694 - 14 * k, 144) for k in (2, 3)]
    second = [
        _line(f"ok {k} beside the label with words enough", 513 - 14 * k, 231) for k in (0, 1)
    ]
    second += [
        _line(f"ok {k} under the label with words enough", 513 - 14 * k, 144) for k in (2, 3)
    ]
    for ln in labels:
        ln.right = ln.left + 60
    page = [_line("8", 82, 304, 11), *labels, *first, *second]
    texts = [ln.text for ln in reading_order(page)]
    assert texts.index("New Jersey") == texts.index(first[0].text) - 1
    assert texts.index("Oklahoma") == texts.index(second[0].text) - 1
    # a date in the margin beside a line inside a paragraph stays where it is
    para = _para("p", 600, 6, left=210)
    date = _line("November 2012", 558, 131, 10)
    date.right = 198
    page = [_line("8", 82, 304, 11), date, *para]
    assert reading_order(page) == page


def test_pages_in_order_and_columns_keep_their_order():
    in_order = [_line("Title", 700, bold=True), *_para("a", 680, 5), *_para("b", 590, 5)]
    assert reading_order(in_order) is in_order
    # two columns, the right one listed first: they do not overlap across the page
    left = _para("left", 680, 8, left=60)
    for ln in left:
        ln.right = 290
    right = _para("right", 680, 8, left=320)
    page = [*right, *left]
    assert reading_order(page) == page


def test_table_rows_and_chart_labels_keep_their_place():
    # two group labels listed first, a table's rows between them: not one gap
    labels = [_line("Centers for Medicare & Medicaid Services", 434, 73, bold=True)]
    labels.append(_line("Centers for Medicare and Medicaid Services", 240, 73, bold=True))
    rows = []
    for k, top in enumerate((420, 406, 393, 323, 309, 282, 268)):
        row = _line(f"Row {k} of the table 1,234,567", top, 78)
        row.cells = [(f"Row {k} of the table", 78, 200), ("1,234,567", 480, 536)]
        rows.append(row)
    page = [*labels, *_para("a", 700, 5), *rows, _line("Total of amounts", 351, 72)]
    mark_grid(page)
    assert all(r.grid for r in rows)
    assert reading_order(page) == page
    # a chart's labels (more than two blocks for one gap) stay where the text layer has them
    chart = [_line(x, 560 - 30 * k, 300, 9) for k, x in enumerate(("88", "69", "50", "42"))]
    page = [*_para("a", 700, 6), *_para("b", 400, 6), *chart]
    assert reading_order(page) == page


def test_hanging_indent_and_stair_headings_wrap():
    first = _line("State and Local Bioterrorism", 406, 101, 13, True)
    second = _line("Preparedness and Response Funds", 391, 136, 13, True)
    assert wraps([first.text], first, second, 12.0)
    # a column header's next line one point to the right is no hanging indent
    number = _line("Number", 393, 123, 12, True)
    days = _line("of Days", 377, 124, 12, True)
    assert not wraps([number.text], number, days, 12.0)
    stair = [
        _line("Administrations for", 673, 164, 30, True),
        _line("Children and Families", 639, 203, 30, True),
        _line("and on Aging", 599, 237, 28, True),
    ]
    assert wraps([stair[0].text], stair[0], stair[1], 12.0)
    assert same_type(30.0, stair[2], 12.0)  # display type shrinks a little
    assert not same_type(13.0, _line("Body", 0, size=12), 12.0)  # not into the body's size
    assert joins(["Centers for Medicare"], "& Medicaid Services")


def test_run_in_label_sentence_beside_it_counts_as_text():
    label = _line("• WISCONSIN –", 309, 91)
    beside = _line("Rikco International LLC, agreed to pay $27 million to resolve", 311, 162)
    below = _line("plus interest and enter into a 5-year agreement", 296, 109)
    lines = [_line("Durable Medical Equipment", 331, 73, bold=True), label, beside, below]
    assert _words(lines, 1) >= 4
    assert _words([label], 0) < 4


@pytest.mark.skipif(not (SHARED / "hhs-oig-pdf").is_dir(), reason="../shared/corpora is absent")
def test_semiannual_2004_headings_found_again():
    pytest.importorskip("pypdfium2")
    from trendkz.load.pdf import read_pdf

    text = read_pdf(SHARED / "hhs-oig-pdf" / "semiannual-report_2004-09.pdf")
    heads = {ln.lstrip("#").strip() for ln in text.splitlines() if ln.startswith("#")}
    for title in (
        "Skilled Nursing Facility Payments",
        "Classification of Provider Tax Refunds",
        "Intergovernmental Transfers",
        "Centers for Medicare & Medicaid Services",
        "Administrations for Children and Families and on Aging",
        "State and Local Bioterrorism Preparedness and Response Funds",
    ):
        assert title in heads, title
    assert len(heads) >= 90  # 72 before lines were read in page order
