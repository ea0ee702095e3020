"""Add a blind part of the layout gold (``layout_labels_N.py``) to layout_gold.json,
split ``blindN``.

``python tests/gold/build_layout_part.py N`` from the repository root (N = 2, 3, 4, ...);
the labels are texts, so the PDFs are not read. Documents already in the JSON under the
same file name are replaced; the others are kept as they are.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(part: int) -> None:
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    labelled = importlib.import_module(f"layout_labels_{part}").DOCS
    out = ROOT / "tests" / "gold" / "layout_gold.json"
    docs = json.loads(out.read_text("utf-8"))
    names = {name for name, _ in labelled}
    docs = [d for d in docs if d["file"] not in names]
    for name, labels in labelled:
        docs.append({"corpus": "hhs-oig-pdf", "file": name, "split": f"blind{part}", **labels})
    out.write_text(json.dumps(docs, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(int(sys.argv[1]))
