"""Side-by-side timing of PDF text extraction libraries on a folder of PDFs.

Usage: python benchmarks/pdf_libraries.py [FOLDER] [N_FILES]
Prints pages per second and characters per page for pypdfium2, pypdf and pdfplumber.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def with_pdfium(path):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    out = [doc[i].get_textpage().get_text_bounded() for i in range(len(doc))]
    doc.close()
    return out


def with_pypdf(path):
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def with_plumber(path):
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/hhs-oig-pdf")
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    files = sorted(folder.glob("*.pdf"))
    files = files[:: max(1, len(files) // n)][:n]
    for name, fn in [
        ("pypdfium2", with_pdfium),
        ("pypdf", with_pypdf),
        ("pdfplumber", with_plumber),
    ]:
        pages = chars = 0
        t0 = time.perf_counter()
        for f in files:
            texts = fn(f)
            pages += len(texts)
            chars += sum(len(t) for t in texts)
        dt = time.perf_counter() - t0
        print(
            f"{name:<11} {pages:5d} pages {dt:7.1f} s {pages / dt:7.1f} pages/s "
            f"{chars / pages:6.0f} chars/page"
        )


if __name__ == "__main__":
    main()
