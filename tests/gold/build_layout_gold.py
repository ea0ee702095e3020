"""Write layout_gold.json from the labels below (decided by reading each document).

Run once from the repository root with ../shared present; the JSON is committed. Earnings
calls are stored as offsets only (no text). Labels:

- sotu: the ALL-CAPS topic lines of Coolidge 1924 and Hoover 1930 are headings (paragraph
  numbers below, 1-based, as read); Truman 1953 and Eisenhower 1960 have none (their
  salutations and signatures are not headings).
- earnings calls: the section labels ``Prepared Remarks:``, ``Questions and Answers:``
  (or ``Questions & Answers:``) and ``Call participants:`` are the headings; speaker lines
  and ``Duration: ...`` are not.
- PDFs (public domain; lines of the text trendkz reads): the running header and footer
  lines of each page, as read on the pages (patterns below); and, by line number in
  :data:`PDF_LINES`, the outline, furniture and numeric table rows of two more reports.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpora"

SOTU = {  # file -> (split, paragraph numbers of the headings)
    "1924_calvin-coolidge.txt": (
        "dev",
        [
            7,
            10,
            12,
            18,
            22,
            30,
            34,
            36,
            39,
            41,
            43,
            45,
            47,
            50,
            52,
            54,
            56,
            62,
            64,
            68,
            70,
            72,
            74,
            76,
            78,
        ],
    ),
    "1930_herbert-hoover.txt": (
        "dev",
        [4, 26, 33, 37, 39, 43, 45, 47, 49, 51, 54, 56, 58, 60, 62, 65],
    ),
    "1953_harry-s-truman.txt": ("blind", []),
    "1960_dwight-d-eisenhower.txt": ("blind", []),
}
CALLS = {
    "AAT_FY2020-Q1.txt": "dev",
    "WWE_FY2021-Q2.txt": "dev",
    "ADM_FY2021-Q1.txt": "blind",
    "KRG_FY2021-Q1.txt": "blind",
}
CALL_LABEL = re.compile(
    r"^(Prepared Remarks|Questions and Answers|Questions & Answers|"
    r"Call participants):$",
    re.M,
)
PDFS = {  # file -> (split, running header/footer lines as read)
    "semiannual-report_2010-09.pdf": (
        "dev",
        r"^HHS OIG Semiannual Report to Congress\b.*$"
        r"|^Fall 2010$",
    ),
    "foia-annual-report_FY2012.pdf": (
        "blind",
        r"^Freedom of Information Annual Report — FY"
        r" 2012\b.*$",
    ),
}


def _lines(*ranges: int | tuple[int, int]) -> list[int]:
    out: list[int] = []
    for r in ranges:
        out += list(range(r[0], r[1] + 1)) if isinstance(r, tuple) else [r]
    return out


# PDFs labelled by line number in the text as trendkz 0.1 reads it (pypdfium2 layout as of
# this commit): the labels are the lines' texts, stored in the JSON.
PDF_LINES = [
    (
        "foia-annual-report_FY2013.pdf",
        "blind",
        {
            # the report's outline: roman parts, lettered sub-parts, VII.C's numbered
            # parts and the two capitalised items of part I (the title is the document's)
            "heading_lines": _lines(
                5,
                17,
                21,
                26,
                45,
                235,
                300,
                302,
                331,
                398,
                420,
                449,
                451,
                476,
                502,
                550,
                612,
                620,
                637,
                661,
                663,
                719,
                775,
                777,
                833,
                887,
                941,
                982,
                1026,
                1028,
                1057,
                1074,
                1116,
                1125,
                1131,
                1133,
                1147,
                1189,
                1213,
                1279,
            ),
            # the numeric rows of its tables (label OIG, or numbers whose label stands
            # in a column of its own)
            "table_rows": _lines(
                263,
                277,
                282,
                296,
                327,
                394,
                445,
                474,
                500,
                546,
                608,
                633,
                653,
                715,
                771,
                829,
                883,
                937,
                978,
                1053,
                1070,
                1112,
                1121,
                1143,
                1185,
                1209,
                1261,
                1275,
                1315,
                1328,
            ),
        },
    ),
    (
        "hcfac_FY2014.pdf",
        "blind",
        {
            # page numbers (line 333 is a footnote's number, not one) and the contents
            "furniture": _lines(
                110,
                126,
                172,
                207,
                263,
                288,
                344,
                389,
                444,
                497,
                520,
                572,
                622,
                676,
                726,
                780,
                831,
                883,
                934,
                988,
                1030,
                1081,
                1131,
                1183,
                1235,
                1287,
                1338,
                1390,
                1441,
                1492,
                1545,
                1596,
                1647,
                1698,
                1749,
                1801,
                1855,
                1905,
                1957,
                2008,
                2057,
                2103,
                2154,
                2205,
                2257,
                2307,
                2354,
                2402,
                2450,
                2493,
                2541,
                2589,
                2637,
                2685,
                2733,
                2774,
                2820,
                2863,
                2912,
                2960,
                3013,
                3061,
                3108,
                3156,
                3204,
                3252,
                3300,
                3348,
                3396,
                3448,
                3467,
                3513,
                3562,
                3610,
                3658,
                3706,
                3762,
                3810,
                3858,
                3906,
                3954,
                4002,
                4049,
                4095,
                4110,
                4157,
                4205,
                4237,
                4276,
                4331,
                4379,
                4425,
                (21, 55),
            ),
            "table_rows": _lines(
                (226, 231),
                (233, 235),
                239,
                (242, 246),
                (248, 250),
                252,
                254,
                (314, 320),
                (323, 331),
                (2769, 2772),
                (4295, 4302),
                (4306, 4310),
                4312,
                4314,
            ),
        },
    ),
]


def main() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from trendkz.load.pdf import read_pdf
    from trendkz.load.text import normalize

    docs = []
    for name, (split, paras) in SOTU.items():
        text = (SHARED / "sotu" / name).read_text(encoding="utf-8")
        starts = [0] + [m.end() for m in re.finditer(r"\n\n+", text)]
        heads = []
        for k in paras:
            a = starts[k - 1]
            heads.append([a, a + len(text[a:].split("\n", 1)[0])])
        docs.append({"corpus": "sotu", "file": name, "split": split, "headings": heads})
    for name, split in CALLS.items():
        text = (SHARED / "earnings-calls" / name).read_text(encoding="utf-8")
        heads = [[m.start(), m.end()] for m in CALL_LABEL.finditer(text)]
        docs.append({"corpus": "earnings-calls", "file": name, "split": split, "headings": heads})
    for name, (split, pattern) in PDFS.items():
        text = normalize(read_pdf(SHARED / "hhs-oig-pdf" / name))
        lines = [m.group().strip() for m in re.finditer(pattern, text, re.M)]
        docs.append({"corpus": "hhs-oig-pdf", "file": name, "split": split, "furniture": lines})
    for name, split, labels in PDF_LINES:
        text = normalize(read_pdf(SHARED / "hhs-oig-pdf" / name)).split("\n")
        doc = {"corpus": "hhs-oig-pdf", "file": name, "split": split}
        for kind, numbers in labels.items():
            doc[kind] = [text[n - 1].strip().lstrip("#").strip() for n in numbers]
            doc[kind] = [x for x in doc[kind] if x]
        docs.append(doc)
    out = ROOT / "tests" / "gold" / "layout_gold.json"
    out.write_text(json.dumps(docs, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
