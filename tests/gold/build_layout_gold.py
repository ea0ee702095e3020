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
  lines of each page, as read on the pages (patterns below).
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
    out = ROOT / "tests" / "gold" / "layout_gold.json"
    out.write_text(json.dumps(docs, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
