"""PDF lines set like headings or not: numbered outlines in the body type, covers, title
blocks, captions; and the furniture, table and section rules that go with them."""

from __future__ import annotations

import pandas as pd

import trendkz
from trendkz.load.fields import is_data_line
from trendkz.load.furniture import furniture_lines
from trendkz.load.pdf_grid import Line
from trendkz.load.pdf_outline import mark_outline
from trendkz.load.pdf_titles import caption, not_headings
from trendkz.segment.tables import find_tables


def _lines(rows: list[tuple[str, float]], size: float = 12.0, top: float = 700.0) -> list[Line]:
    """Lines one under the other (``rows``: text, left), 14 pt apart."""
    out = []
    for k, (text, left) in enumerate(rows):
        t = top - 14 * k
        out.append(Line(text, size, False, t, t - size, left, left + 6 * len(text)))
    return out


def test_numbered_outline_in_the_body_type():
    page = _lines(
        [
            ("I. AGENCY: Office of the Inspector General", 90),  # a form's field
            ("III. ACRONYMS, DEFINITIONS, AND EXEMPTIONS:", 90),
            ("a. Appeal – a request to an agency to review its decision.", 126),
            ("IV. EXEMPTION 3 STATUTES (See Chart)", 90),
            ("A. Processed Requests – Response Time for All Processed Perfected", 126),
            ("Requests", 126),
            ("1. Number of requests received in fiscal year: 419", 144),
            ("V. FOIA Requests (See Chart)", 90),
            ("A Study of the program found gaps.", 90),
            ("B. Bane was sentenced to 12 years of incarceration and ordered to pay", 90),
            ("$7 million in restitution, jointly and severally.", 90),
            ("Part B Services During Non-Part A Nursing Home Stays", 90),
        ]
    )
    chart = _lines([("Part V A", 45), ("Received, Processed and Pending FOIA Requests", 45)])
    mark_outline([page, chart], 12.0)
    assert [ln.outline for ln in page] == [0, 1, 0, 1, 2, 0, 0, 1, 0, 0, 0, 0]
    assert [ln.cont for ln in page] == [False] * 5 + [True] + [False] * 6
    assert chart[0].outline == 1 and chart[1].cont  # ``V``: a roman numeral


def test_no_outline_without_three_roman_numerals():
    page = _lines([("A. Personnel", 90), ("IV. Costs", 90), ("B. Fees", 90)])
    mark_outline([page], 12.0)
    assert not any(ln.outline for ln in page)


def test_cover_and_title_block_head_nothing():
    centred = [(t, 306 - 3 * len(t)) for t in ("HEALTH CARE PROGRAM", "Annual Report", "2010")]
    cover = _lines(centred)
    assert not_headings(cover, [True, True, False], cover=True) == [False] * 3
    block = _lines(
        [
            (t, 306 - 3 * len(t))
            for t in (
                "INTRODUCTION",
                "ANNUAL REPORT OF",
                "THE ATTORNEY GENERAL AND THE SECRETARY",
                "FOR FISCAL YEAR 2010",
                "As Required by",
                "Section 1817(k)(5) of the Social Security Act",
                "STATUTORY BACKGROUND",
            )
        ]
    )
    flags = [True, True, True, True, False, True, True]
    kept = not_headings(block, flags, cover=False)
    assert kept == [True, False, False, False, False, False, True]
    # headings stacked at one left edge are an outline, not a title block
    stacked = _lines([("Part One", 72), ("Chapter A", 72), ("Section B", 72), ("Item C", 72)])
    assert not_headings(stacked, [True] * 4, cover=False) == [True] * 4


def test_caption_over_a_table():
    assert caption(["FY 2006 ALLOCATION OF HCFAC APPROPRIATION"], 12.0, 12.0, top=False)
    assert not caption(["B. (1) Disposition of FOIA Requests"], 12.0, 12.0, top=False)
    assert not caption(["Fees Collected"], 12.0, 12.0, top=True)  # a chart's title
    assert not caption(["Monetary Results"], 18.0, 12.0, top=False)


def test_contents_keep_part_names_and_page_numbers_alone():
    lines = [
        "TABLE OF CONTENTS",
        "Page",
        "Executive Summary 1",
        "Department of Health and Human Services",
        "Office of Inspector General 37",
        "Administration for Children and Families27",
        "",
        "The text begins here and runs on as a sentence.",
    ]
    tags = furniture_lines(lines)
    assert sorted(tags) == [0, 1, 2, 3, 4, 5]


def test_running_title_variants():
    lines = []
    for n in range(1, 5):
        lines += [f"HHS OIG Semiannual Report to Congress {n}", "", "Some text here.", ""]
    lines += ["HHS OIG Semiannual Report to Congress Appendix A", "", "Other text.", ""]
    lines += ["HHS OIG Semiannual Report to Congress C-1 Appendix C", "", "More.", ""]
    tags = furniture_lines(lines)
    assert {16, 20} <= set(tags)
    assert not any(i % 4 == 2 for i in tags)


def test_one_tab_row_with_a_value_is_a_table():
    body = "Some text.\n\nTOTAL AMOUNT:\t$15,015,821,000\n\nChapter One\tOverview\n\nMore text.\n"
    rows = [(t.rows[0].label, t.rows[0].cells[0][0]) for t in find_tables(body)]
    assert rows == [("TOTAL AMOUNT:", "$15,015,821,000")]


def test_vanity_phone_number_is_data():
    assert is_data_line("1-800-HHS-TIPS (1-800-447-8477)")
    assert not is_data_line("Hospital Fraud")


def test_marked_outline_keeps_run_in_labels_as_text():
    text = (
        "The report opens here with a sentence.\n\n# Report\n\n"
        "Criminal Prosecutions: When requested, the office assists the courts.\n\n"
        "Other Program Integrity Activity\n\nThe office advised the agency on the law.\n"
    )
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [text], "year": [2019], "file": ["t"]}))
    sections = trendkz.split_sections(corpus)
    assert [h for h in sections.heading if h] == ["Report"]
    plain = text.replace("# Report\n\n", "")
    corpus = trendkz.load_corpus(pd.DataFrame({"text": [plain], "year": [2019], "file": ["t"]}))
    assert "Criminal Prosecutions" in list(trendkz.split_sections(corpus).heading)


def test_cover_with_an_agency_line_and_numbers_alone():
    from trendkz.load.pdf import _TOTAL
    from trendkz.load.pdf_titles import number_only

    cover = _lines(
        [
            ("U.S. Department of Health & Human Services", 180),
            ("Semiannual", 183),
            ("Report", 180),
            ("April 1, 2011 – September 30, 2011", 181),
        ]
    )
    assert not_headings(cover, [False, True, True, False], cover=True) == [False] * 4
    assert number_only(["Section 4"], 11.0, 11.0)
    assert not number_only(["Section 4"], 16.0, 11.0)  # a part's number in display type
    assert not number_only(["Section 4 Reviews"], 11.0, 11.0)
    assert _TOTAL.match("Total 595") and _TOTAL.match("Subtotal $1,023,377,642")
    assert _TOTAL.match("TOTAL CINS: 77") and not _TOTAL.match("Phase 5: Brooklyn")
    assert not _TOTAL.match("FY 2010") and not _TOTAL.match("Hospital Fraud")


def _place(text, size, font, top, left=72.0, right=None, bold=False):
    right = right if right is not None else left + 5.5 * len(text)
    ln = Line(text, size, bold, top, top - size * 0.7, left, right)
    ln.font = font
    return ln


def test_headings_by_place_and_by_typeface():
    from trendkz.load.pdf_outline import mark_typed

    para = "the office found that the state claimed costs it could not support with records"
    body, times, arial = 12.0, "Times", "Arial,Bold"
    page = [
        _place("Earlier text ends here with a long line of words across", body, times, 700),
        _place("the whole width of the column and stops.", body, times, 686, right=500),
        _place("Medicaid Personal Care Services", body, times, 666),  # alone, in the body type
        _place(
            "HHS/OIG issued several reports examining Medicaid payments for personal care.",
            body,
            times,
            646,
            right=500,
        ),
        _place(para, body, times, 632, right=500),
        _place("Wage Indices", 11.0, arial, 612),  # another typeface, no larger
        _place(para, body, times, 600, right=500),
        _place(para, body, times, 586, right=500),
        _place("OS - Office of the Secretary, HHS", body, times, 566),  # a spaced list
        _place(
            "OASPA - Office of the Assistant Secretary for Public Affairs, HHS, and more",
            body,
            times,
            546,
            right=500,
        ),
        _place(
            "ACF - Administration for Children and Families, and all of its many programs",
            body,
            times,
            526,
            right=500,
        ),
        _place("Rural Health", 11.0, arial, 506),
        _place(para, body, times, 494, right=500),
        _place("Quality of Care", 11.0, arial, 474),
        _place(para, body, times, 462, right=500),
    ]
    mark_typed([page], body)
    assert [ln.text[:12] for ln in page if ln.typed] == [
        "Medicaid Per",
        "Wage Indices",
        "Rural Health",
        "Quality of C",
    ]
