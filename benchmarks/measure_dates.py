"""Dates and entities read from the texts alone, against each corpus's manifest.

Each corpus is loaded as a list of files with ``manifest=False`` (the text is the only
evidence) and compared with its manifest at the coarser of the two precisions: its ``date``, else
its ``year``; for earnings-calls the fiscal quarter of ``manifest_details.csv``
(``2021-Q3``), except for the 49 calls whose text names another quarter than their label
(a fourth-quarter call labelled with the year it was held in), read and listed with the
place the text says so in ``tests/gold/earnings_dates.csv``. A date is warned when a
:class:`trendkz.DateWarning` names its file. Entities: a document's entity is right when
it is the name most documents of its manifest entity get from their own evidence, and that
name is given to no other manifest entity (names may differ from the manifest's: a
company's name for its ticker); a folder's name given to a document that names none is
wrong. A wrong entity is warned when a :class:`trendkz.EntityWarning` names its file.

Only counts and file names are printed, never text. ``--half dev`` / ``--half blind`` takes
every other entity (sorted) so rules can be decided on one half and measured on the other.
Run: ``python benchmarks/measure_dates.py [earnings-calls sotu state-hrr statements
hhs-oig-pdf] [--half dev|blind] [--list]``.
"""

from __future__ import annotations

import sys
import warnings
from collections import Counter
from datetime import datetime
from pathlib import Path

import pandas as pd
from _common import ROOT, table

import trendkz

CORPORA = Path(ROOT.parent / "shared" / "corpora")
NAMES = ("earnings-calls", "sotu", "state-hrr", "statements", "hhs-oig-pdf")


def truth(name: str) -> tuple[Path, pd.DataFrame]:
    """The folder and its manifest: ``file, entity, want`` (the date to find)."""
    if name == "statements":
        folder = ROOT / "fixtures" / "statements"
        files = sorted(p.name for p in folder.glob("*.txt"))
        rows = [{"file": f, "entity": "statements", "want": None, "label": None} for f in files]
        return folder, pd.DataFrame(rows)  # dated by their release lines: see below
    folder = CORPORA / name
    man = pd.read_csv(folder / "manifest.csv", dtype=str, keep_default_na=False)
    if name == "earnings-calls":
        det = pd.read_csv(folder / "manifest_details.csv", dtype=str)
        q = dict(zip(det["file"], det["fiscal_quarter"].str.removeprefix("FY"), strict=True))
        man["want"] = man["file"].map(q)
        # where a reader found the text naming another quarter than the label (a Q4 call
        # labelled with the year it was held in), the quarter the text names
        read = pd.read_csv(ROOT / "tests" / "gold" / "earnings_dates.csv", dtype=str)
        man["label"] = man["want"]
        man["want"] = man["file"].map(dict(zip(read["file"], read["date"], strict=True)))
        man["want"] = man["want"].fillna(man["label"])
    else:
        dates = man["date"] if "date" in man else [""] * len(man)
        man["want"] = [d or y for d, y in zip(dates, man["year"], strict=True)]
    if "label" not in man:
        man["label"] = man["want"]
    return folder, man[["file", "entity", "want", "label"]]


def statement_dates(folder: Path) -> dict[str, str]:
    """The fixture statements' dates: each was written with its release line as line 3."""
    out = {}
    for path in sorted(folder.glob("*.txt")):
        line = path.read_text(encoding="utf-8").splitlines()[2]
        when = datetime.strptime(
            line.rsplit(", ", 2)[-2] + " " + line.rsplit(" ", 1)[-1], "%B %d %Y"
        )
        out[path.name] = when.strftime("%Y-%m-%d")
    return out


def _agrees(got: str | None, want: str | None) -> bool:
    """The same date, at the coarser of the two precisions (``2008`` and ``2008-09-30``)."""
    return bool(got and want and (want.startswith(got) or got.startswith(want)))


def measure(name: str, half: str | None, show: bool) -> dict:
    folder, man = truth(name)
    if name == "statements":
        dates = statement_dates(folder)
        man["want"] = man["label"] = man["file"].map(dates)
    if half:
        ents = sorted(man["entity"].unique())
        keep = set(ents[0::2] if half == "dev" else ents[1::2]) if len(ents) > 1 else set(ents)
        if len(ents) == 1:  # one entity: every other file
            man = man.iloc[0::2] if half == "dev" else man.iloc[1::2]
        else:
            man = man[man["entity"].isin(keep)]
    files = [folder / f for f in man["file"]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        corpus = trendkz.load_corpus(files, manifest=False, workers=2)
    warned: set[str] = set()
    doubts: dict[str, str] = {}  # entity doubts: file -> reason
    for w in caught:
        if isinstance(w.message, trendkz.DateWarning):
            warned |= set(w.message.documents)
        if isinstance(w.message, trendkz.EntityWarning):
            doubts.update(w.message.reasons)
    docs = corpus.documents.set_index("source")
    man = man.set_index("file")
    got = docs.reindex(man.index)
    rows = []
    for f, r in man.iterrows():
        g = got.loc[f]
        want = str(r["want"]) if r["want"] is not None and str(r["want"]) else None
        date = g["date"] if isinstance(g["date"], str) else None
        right = _agrees(date, want)
        label = str(r["label"]) if r["label"] is not None else None
        as_label = _agrees(date, label)
        rows.append(
            {
                "file": f,
                "want": want,
                "got": date,
                "right": right,
                "warned": f in warned,
                "as_label": as_label,
            }
        )
    res = pd.DataFrame(rows)
    # entities: the name most documents of each manifest entity get from their own evidence
    # (not the folder's name), owned by one manifest entity; a folder's name is wrong
    ent = pd.DataFrame({"truth": man["entity"], "got": got["entity"].astype(str)})
    ent["folder"] = [doubts.get(f, "").startswith("names no entity") for f in ent.index]
    major = ent.groupby("truth")[["got", "folder"]].apply(
        lambda g: Counter(g["got"][~g["folder"]] if (~g["folder"]).any() else g["got"]).most_common(
            1
        )[0][0]
    )
    owners = Counter(major.values)
    ent["right"] = [
        not fb and g == major[t] and owners[g] == 1
        for t, g, fb in zip(ent["truth"], ent["got"], ent["folder"], strict=True)
    ]
    ent["warned"] = [f in doubts for f in ent.index]
    ent_right = int(ent["right"].sum())
    loaded = got["entity"].notna().values
    out = {
        "corpus": name + (f" ({half})" if half else ""),
        "documents": len(res),
        "same as manifest": int(res["as_label"].sum()),
        "dates right": int(res["right"].sum()),
        "right, warned": int((res["right"] & res["warned"]).sum()),
        "wrong": int((~res["right"]).sum()),
        "wrong, warned": int((~res["right"] & res["warned"]).sum()),
        "wrong, silent": int((~res["right"] & ~res["warned"] & res["got"].notna()).sum()),
        "not loaded": int(res["got"].isna().sum()),  # a scan: named in its own warning
        "entities right": int(ent_right),
        "entities wrong": int((~ent["right"] & loaded).sum()),
        "entities wrong, warned": int((~ent["right"] & ent["warned"] & loaded).sum()),
        "entities wrong, silent": int((~ent["right"] & ~ent["warned"] & loaded).sum()),
    }
    if show:
        bad = res[~res["right"]]
        for r in bad.itertuples(index=False):
            print(f"  {r.file}: want {r.want}, got {r.got}{' (warned)' if r.warned else ''}")
    return out


def main() -> None:
    args = sys.argv[1:]
    half = args[args.index("--half") + 1] if "--half" in args else None
    show = "--list" in args
    names = [a for a in args if a in NAMES] or list(NAMES)
    rows = []
    for name in names:
        if name != "statements" and not (CORPORA / name).is_dir():
            print(f"{name}: absent, skipped")
            continue
        rows.append(measure(name, half, show))
    print(table(rows, "dates and entities from the texts alone, against the manifests"))


if __name__ == "__main__":
    main()
