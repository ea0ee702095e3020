"""Add the fourth blind part (layout_labels_4.py) to layout_gold.json, split ``blind4``.

``python tests/gold/build_layout_gold_4.py`` from the repository root; the labels are
texts, so the PDFs are not read. Documents already in the JSON under the same file name
are replaced; the others are kept as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "gold"))
    from layout_labels_4 import DOCS

    out = ROOT / "tests" / "gold" / "layout_gold.json"
    docs = json.loads(out.read_text("utf-8"))
    names = {name for name, _ in DOCS}
    docs = [d for d in docs if d["file"] not in names]
    for name, labels in DOCS:
        docs.append({"corpus": "hhs-oig-pdf", "file": name, "split": "blind4", **labels})
    out.write_text(json.dumps(docs, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
